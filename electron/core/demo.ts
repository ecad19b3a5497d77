/**
 * A realistic demo ledger: 6–10 kt cargoes on the route's real tankers, with monthly totals near
 * the published figures (shared/domain/facts.md) — 2024 near 1.4 Mt, 2025 near 1.5 Mt with the
 * August–mid-September stop, the current year behind the 2.2 Mt pace. Seeded, so every run is the same.
 */
import type { ShipmentInput } from './api';
import { addCalendarDays, daysInMonth, formatIsoDate, parseIsoDate } from './calendar';
import { formatKgAsTonnes } from './quantity';

const VESSELS = [
  { name: 'Astana', imo: null, minKg: 7_000_000, maxKg: 9_960_000 },
  { name: 'Aktau', imo: null, minKg: 7_000_000, maxKg: 9_900_000 },
  { name: 'Taraz', imo: null, minKg: 6_000_000, maxKg: 6_980_000 },
  { name: 'Liwa', imo: null, minKg: 7_500_000, maxKg: 10_000_000 },
  { name: 'President Heydar Aliyev', imo: null, minKg: 7_000_000, maxKg: 9_800_000 },
  { name: 'Akademik Khoshbakht Yusifzade', imo: null, minKg: 6_500_000, maxKg: 7_800_000 },
] as const;

/** Monthly tonnes per year, January first; months after `until` are not generated. */
const MONTHLY_TONNES: Record<number, readonly number[]> = {
  // Q1 355.0 kt, H1 701.2 kt (June 123.7), July 136.0, year just over 1.4 Mt.
  2024: [
    115_000, 112_000, 128_000, 110_000, 112_500, 123_700, 136_000, 116_000, 113_000, 118_000, 112_000,
    114_000,
  ],
  // H1 785 kt; flows stopped August to 13 September (organic chlorides); year near 1.5 Mt.
  2025: [126_000, 122_000, 134_000, 130_000, 135_000, 138_000, 131_000, 0, 78_000, 168_000, 170_000, 167_000],
  2026: [
    160_000, 150_000, 168_000, 165_000, 170_000, 166_000, 172_000, 169_000, 163_000, 171_000, 167_000,
    170_000,
  ],
};

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every demo cargo is a believable Caspian parcel: 6–10 kt. */
const CARGO_MIN_KG = 6_000_000;
const CARGO_MAX_KG = 10_000_000;

/**
 * A month's published total split into cargoes of 6–10 kt that add up to it exactly: as many
 * cargoes as an 8 kt average needs, sized by each tanker's usual range, scaled to the total, then
 * any kilograms the 6–10 kt bounds pushed out are moved onto cargoes with room to take them.
 */
function monthCargoes(
  totalKg: number,
  random: () => number,
): { vessel: (typeof VESSELS)[number]; kg: number }[] {
  if (totalKg <= 0) return [];
  const fewest = Math.ceil(totalKg / CARGO_MAX_KG);
  const most = Math.max(fewest, Math.floor(totalKg / CARGO_MIN_KG));
  const count = Math.min(most, Math.max(fewest, Math.round(totalKg / 8_000_000)));
  const vessels = Array.from(
    { length: count },
    () => VESSELS[Math.floor(random() * VESSELS.length)] as (typeof VESSELS)[number],
  );
  const drawn = vessels.map((vessel) => vessel.minKg + random() * (vessel.maxKg - vessel.minKg));
  const drawnTotal = drawn.reduce((sum, kg) => sum + kg, 0);
  const sizes = drawn.map((kg) =>
    Math.min(CARGO_MAX_KG, Math.max(CARGO_MIN_KG, Math.round((kg * totalKg) / drawnTotal))),
  );
  let left = totalKg - sizes.reduce((sum, kg) => sum + kg, 0);
  for (let i = 0; left !== 0 && i < count * 2; i++) {
    const at = i % count;
    const size = sizes[at] as number;
    const step = left > 0 ? Math.min(left, CARGO_MAX_KG - size) : Math.max(left, CARGO_MIN_KG - size);
    sizes[at] = size + step;
    left -= step;
  }
  // A month too small for one 6 kt cargo (a stoppage) still ships what it shipped, in one parcel.
  if (left !== 0) sizes[sizes.length - 1] = (sizes[sizes.length - 1] as number) + left;
  return vessels.map((vessel, i) => ({ vessel, kg: sizes[i] as number }));
}

/** Demo cargoes with B/L dates up to and including `until` (YYYY-MM-DD). */
export function demoShipments(until: string, seed = 2024): ShipmentInput[] {
  const random = mulberry32(seed);
  const end = parseIsoDate(until);
  if (!end) throw new Error(`demoShipments: bad date ${until}`);
  const voyages = new Map<string, number>();
  const shipments: ShipmentInput[] = [];
  for (const [yearText, months] of Object.entries(MONTHLY_TONNES)) {
    const year = Number(yearText);
    let blSerial = 0;
    months.forEach((tonnes, index) => {
      const month = index + 1;
      // The August 2025 stop ended on 13 September: that month's cargoes start on the 13th.
      const firstDay = year === 2025 && month === 9 ? 13 : 1;
      const lastDay = daysInMonth(year, month);
      for (const { vessel, kg } of monthCargoes(tonnes * 1000, random)) {
        const day = firstDay + Math.floor(random() * (lastDay - firstDay + 1));
        const date = { year, month, day };
        if (formatIsoDate(date) > until) continue;
        const voyage = (voyages.get(vessel.name) ?? 0) + 1;
        voyages.set(vessel.name, voyage);
        blSerial += 1;
        const kashagan = year >= 2025 && random() < 0.25;
        const barrelsPerTonne = kashagan ? 7.9 : 7.97;
        const daysAgo = Math.round(
          (Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(year, month - 1, day)) / 86_400_000,
        );
        const status = daysAgo > 3 ? 'discharged' : daysAgo > 0 ? 'in_transit' : 'loaded';
        const outturnKg = status === 'discharged' ? kg - Math.floor(kg * (0.001 + random() * 0.003)) : null;
        // About two days at sea, and a day at anchor for every other cargo (no draw: the figures stay as they were).
        const after = (days: number) => formatIsoDate(addCalendarDays(date, days));
        const arrivalDate = daysAgo >= 2 ? after(2) : null;
        const dischargeDate = status === 'discharged' ? after(2 + (blSerial % 2)) : null;
        shipments.push({
          blDate: formatIsoDate(date),
          vessel: vessel.name,
          netTonnes: formatKgAsTonnes(kg),
          blNumber: `AKT-${year}-${String(blSerial).padStart(4, '0')}`,
          voyage: `${vessel.name.slice(0, 3).toUpperCase()}-${year % 100}/${String(voyage).padStart(3, '0')}`,
          grade: kashagan ? 'Kashagan' : 'Tengiz',
          status,
          outturnTonnes: outturnKg === null ? null : formatKgAsTonnes(outturnKg),
          barrels: String(Math.round((kg / 1000) * barrelsPerTonne * 100) / 100),
          remarks:
            year === 2025 && month === 9 && day === 13 && blSerial % 2 === 0
              ? 'First cargo after the BTC stop'
              : null,
          arrivalDate,
          dischargeDate,
        });
      }
    });
  }
  shipments.sort((a, b) => String(a.blDate).localeCompare(String(b.blDate)));
  return shipments;
}

export function dayBefore(date: string): string {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new Error(`dayBefore: bad date ${date}`);
  return formatIsoDate(addCalendarDays(parsed, -1));
}
