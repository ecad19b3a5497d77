/**
 * Realistic, seeded shipment inputs for the benchmark: Aktau → Baku cargoes of 6,000–10,000 t on
 * the route's tankers, every B/L date in one year, each with a unique B/L number, a valid IMO
 * check digit, outturn and barrels in believable ratios, and now and then a remark that needs CSV
 * quoting or the formula guard. Every input passes shipment.ts without a warning that blocks.
 */
import type { ShipmentInput } from '../electron/core/api';

interface Vessel {
  name: string;
  /** Six digits; the seventh (check digit) is computed. */
  imoBase: string;
  minKg: number;
  maxKg: number;
}

const VESSELS: readonly Vessel[] = [
  { name: 'Astana', imoBase: '930161', minKg: 7_000_000, maxKg: 9_960_000 },
  { name: 'Aktau', imoBase: '930247', minKg: 7_000_000, maxKg: 9_900_000 },
  { name: 'Taraz', imoBase: '937108', minKg: 6_000_000, maxKg: 6_980_000 },
  { name: 'Liwa', imoBase: '941532', minKg: 7_500_000, maxKg: 10_000_000 },
  { name: 'President Heydar Aliyev', imoBase: '946083', minKg: 7_000_000, maxKg: 9_800_000 },
  { name: 'Akademik Khoshbakht Yusifzade', imoBase: '951274', minKg: 6_500_000, maxKg: 7_800_000 },
];

const REMARKS: readonly string[] = [
  'Draft survey; shore figures pending',
  'Delayed by "north wind" at Aktau roads',
  '-0.2% vs shore tank, within tolerance',
  'Sample retained for lab (H2S)',
  'Loaded at berth 4',
];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function imoWithCheckDigit(base: string): string {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(base[i]) * (7 - i);
  return `${base}${sum % 10}`;
}

function kgText(kg: number): string {
  return `${Math.floor(kg / 1000)}.${String(kg % 1000).padStart(3, '0')}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const DAY_MS = 86_400_000;

/**
 * `count` cargoes with B/L dates spread over `year`, sorted by date (the order a clerk enters
 * them). B/L numbers are `AKT-<year>-<serial>`; `asOf` (YYYY-MM-DD) sets each cargo's status.
 */
export function benchShipments(count: number, year: number, asOf: string, seed = 20240101): ShipmentInput[] {
  const random = mulberry32(seed);
  const start = Date.UTC(year, 0, 1);
  const days = Math.round((Date.UTC(year + 1, 0, 1) - start) / DAY_MS);
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const dayOffsets: number[] = [];
  for (let i = 0; i < count; i++) dayOffsets.push(Math.floor(random() * days));
  dayOffsets.sort((a, b) => a - b);
  const voyages = new Map<string, number>();
  const out: ShipmentInput[] = [];
  for (let i = 0; i < count; i++) {
    const vessel = VESSELS[Math.floor(random() * VESSELS.length)] ?? VESSELS[0];
    if (vessel === undefined) throw new Error('no vessels');
    const dateMs = start + (dayOffsets[i] ?? 0) * DAY_MS;
    const date = new Date(dateMs);
    const blDate = `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
    const kg = vessel.minKg + Math.floor(random() * (vessel.maxKg - vessel.minKg));
    const voyage = (voyages.get(vessel.name) ?? 0) + 1;
    voyages.set(vessel.name, voyage);
    const daysAgo = Math.round((asOfMs - dateMs) / DAY_MS);
    const status = daysAgo > 3 ? 'discharged' : daysAgo > 0 ? 'in transit' : 'loaded';
    const outturnKg = status === 'discharged' ? kg - Math.floor(kg * (0.001 + random() * 0.003)) : null;
    const kashagan = random() < 0.25;
    const barrels = Math.round((kg / 1000) * (kashagan ? 7.9 : 7.97) * 100) / 100;
    const remark = random() < 0.05 ? (REMARKS[Math.floor(random() * REMARKS.length)] ?? null) : null;
    out.push({
      blDate,
      vessel: vessel.name,
      netTonnes: kgText(kg),
      blNumber: `AKT-${year}-${String(i + 1).padStart(6, '0')}`,
      imo: imoWithCheckDigit(vessel.imoBase),
      voyage: `${vessel.name.slice(0, 3).toUpperCase()}-${year % 100}/${String(voyage).padStart(5, '0')}`,
      grade: kashagan ? 'Kashagan' : 'Tengiz',
      status,
      outturnTonnes: outturnKg === null ? null : kgText(outturnKg),
      barrels: String(barrels),
      remarks: remark,
    });
  }
  return out;
}

/** One more cargo, as a clerk types it the day after loading; `serial` keeps its B/L number unique. */
export function oneShipment(serial: number, blDate: string): ShipmentInput {
  return {
    blDate,
    vessel: 'Liwa',
    netTonnes: '9612.345',
    blNumber: `BENCH-REC-${String(serial).padStart(6, '0')}`,
    imo: imoWithCheckDigit('941532'),
    voyage: `LIW-24/${String(serial).padStart(5, '0')}`,
    grade: 'Tengiz',
    status: 'in transit',
    outturnTonnes: null,
    barrels: '76610.39',
    remarks: null,
  };
}
