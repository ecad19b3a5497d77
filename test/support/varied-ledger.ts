/**
 * A ledger of awkward cargoes, written entry by entry with fixed ids and a clock that ticks a
 * second per write, so that every export of it is the same text on every machine: what the pinned
 * exports (test/export-pinned.test.ts) are compared with. It holds what a report writer can trip
 * on: text that needs quoting or the formula guard, every kind of line break, non-Latin text,
 * figures at the edges of their formatting (under a tonne, fractional or negative kilograms,
 * barrels that print in exponent form), a status word the table does not know, cargoes of other
 * years, amended and voided ones, and B/L dates shared by several cargoes.
 */
import type { ShipmentFields } from '../../electron/core/api';
import type { EventPayload } from '../../electron/core/events';
import { Ledger } from '../../electron/core/ledger';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE: ShipmentFields = {
  blDate: '2024-03-12',
  blNumber: 'AKT-2024-031',
  vessel: 'Astana',
  imo: '9336983',
  voyage: '12/24',
  grade: 'Tengiz',
  loadPort: 'Aktau',
  dischargeTerminal: 'Sangachal',
  shipper: 'KMG',
  receiver: 'SOCAR',
  status: 'discharged',
  netKg: 9_959_500,
  outturnKg: 9_950_250,
  barrels: 79377.2,
  remarks: null,
  arrivalDate: null,
  dischargeDate: null,
};

/** Cargoes chosen one by one for what they put in a cell. */
const AWKWARD: readonly Partial<ShipmentFields>[] = [
  {},
  { blNumber: null, imo: null, voyage: null, grade: null, outturnKg: null, barrels: null, status: 'loaded' },
  { remarks: '=SUM(A1); "quoted"\nsecond line', shipper: '-KMG', grade: 'Kashagan', status: 'loaded' },
  { remarks: "'=already guarded", vessel: '+Plus', blNumber: '@AKT-1' },
  { remarks: "''+two apostrophes", voyage: '\tTabbed', receiver: '\rCR first' },
  { remarks: 'a;b,c', vessel: 'Туркменбаши, Taraz', status: 'in_transit' },
  { remarks: 'CRLF\r\ninside', vessel: 'Akademik "Khoshbakht" Yusifzade' },
  { remarks: 'lone CR\rinside', loadPort: 'Актау; причал 4' },
  { remarks: 'Груз принят 🛢️ без замечаний', shipper: 'ҚазМұнайГаз', receiver: 'SOCAR Türkiyə' },
  { remarks: '"', vessel: 'Liwa' },
  { remarks: '""double""', vessel: 'x' },
  { remarks: ' leading and trailing spaces ', grade: ' Tengiz ' },
  { remarks: '-0.2% vs shore tank, within tolerance', status: 'discharged' },
  { remarks: 'BS&W 0.2% = ok' },
  { remarks: '\u00a0no-break and\u202fnarrow spaces' },
  { netKg: 1, outturnKg: 0, barrels: 0.001 },
  { netKg: 12, outturnKg: 999, barrels: 0.1 },
  { netKg: 1000, outturnKg: 1001, barrels: 100 },
  { netKg: 9959, outturnKg: 12_500, barrels: 123.456 },
  { netKg: 99_999_999, outturnKg: null, barrels: 9_876_543.125 },
  { netKg: 123_456_789_012, outturnKg: 123_456_789_011, barrels: 1e21 },
  { netKg: 1234.6, outturnKg: 1234.4, barrels: 5e-7 },
  { netKg: 2500.5, outturnKg: -0.4, barrels: 1.5e-7 },
  { netKg: 7_000_000, outturnKg: -1500, barrels: 55_860 },
  // A status word the table does not know (a journal written by a later version): written as it is.
  { status: 'lost at sea' as ShipmentFields['status'] },
  { status: 'in_transit', outturnKg: null, blDate: '2024-12-31' },
  { blDate: '2024-01-01', status: 'loaded' },
  { blDate: '2024-02-29', imo: null },
  { blDate: '2023-12-31', remarks: 'last year: not in the 2024 register' },
  { blDate: '2025-01-01', remarks: 'next year: not in the 2024 register' },
];

const VESSELS = [
  'Astana',
  'Aktau',
  'Taraz',
  'Liwa',
  'President Heydar Aliyev',
  'Akademik Khoshbakht Yusifzade',
];
const REMARKS = [
  null,
  null,
  null,
  'Draft survey; shore figures pending',
  'Delayed by "north wind"',
  'Loaded at berth 4',
];
const STATUSES = ['loaded', 'in_transit', 'discharged'] as const;

/** Ordinary cargoes around the awkward ones, several on the same B/L day. */
function ordinary(count: number): ShipmentFields[] {
  const random = mulberry32(9);
  const pick = <T>(from: readonly T[]): T => from[Math.floor(random() * from.length)] as T;
  const out: ShipmentFields[] = [];
  for (let i = 0; i < count; i++) {
    const netKg = 6_000_000 + Math.floor(random() * 4_000_000);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    out.push({
      ...BASE,
      blDate: `2024-${String(month).padStart(2, '0')}-${String(day % 3 === 0 ? 12 : day).padStart(2, '0')}`,
      blNumber: `AKT-2024-${String(100 + i).padStart(4, '0')}`,
      vessel: pick(VESSELS),
      voyage: random() < 0.2 ? null : `V-${i}`,
      grade: random() < 0.3 ? 'Kashagan' : 'Tengiz',
      status: pick(STATUSES),
      netKg,
      outturnKg: random() < 0.4 ? null : netKg - Math.floor(random() * 30_000),
      barrels: random() < 0.2 ? null : Math.round(netKg * 7.97) / 1000,
      remarks: pick(REMARKS),
    });
  }
  return out;
}

/** Writes the ledger to `file` (which must not exist yet); returns nothing, the file is the result. */
export function writeVariedLedger(file: string): void {
  let tick = Date.UTC(2024, 11, 1, 8, 0, 0);
  const now = (): Date => new Date((tick += 1000));
  const ledger = Ledger.open(file, { apply: () => null, actor: 'clerk', now });
  const write = (payload: EventPayload): void => {
    ledger.append([payload]);
  };
  try {
    const cargoes = [...AWKWARD.map((overrides) => ({ ...BASE, ...overrides })), ...ordinary(24)];
    cargoes.forEach((shipment, i) => {
      // Ids as the ledger makes them, and one a hand-edited journal might hold.
      const id = i === 3 ? '-id-from-elsewhere' : `c${String(i).padStart(3, '0')}x`;
      write({
        type: 'record',
        id,
        shipment: { ...shipment, blNumber: shipment.blNumber && `${shipment.blNumber}/${i}` },
      });
    });
    write({
      type: 'amend',
      id: 'c001x',
      set: { blDate: '2024-03-12', remarks: 'amended; "moved"' },
      reason: 'typo',
    });
    write({ type: 'amend', id: 'c015x', set: { netKg: 1_000_001, status: 'in_transit' }, reason: null });
    write({ type: 'void', id: 'c016x', reason: 'entered twice' });
    write({ type: 'void', id: 'c040x', reason: 'wrong tanker' });
    // February closed (the monthly report names who closed it and when), March closed and reopened.
    const figures = { shipments: 0, kg: 0, digest: '0000000000000000' };
    write({ type: 'close', month: '2024-02', reason: 'final; sent to SOCAR', figures });
    write({ type: 'close', month: '2024-03', reason: 'final', figures });
    write({ type: 'reopen', month: '2024-03', reason: 'late outturn' });
    write({
      type: 'targets',
      year: 2024,
      annualKg: 120_000_000_000,
      monthlyPlanKg: [9, 9, 10, 10, 10, 10, 10, 10, 10, 10, 11, 11].map((t) => t * 1_000_000_000 + 123),
    });
  } finally {
    ledger.close();
  }
}
