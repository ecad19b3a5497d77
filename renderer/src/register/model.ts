/**
 * The register's data work, pure and fast enough for 100,000 shipments: an index built once per
 * load (lower-case search keys, small integer codes for the columns people filter on), a sort
 * order built once per sort choice, and one pass that filters that order and sums the shown live
 * tonnes as integer kilograms.
 */
import type { Shipment, ShipmentStatus } from '../../../electron/core/api';

export const SORT_KEYS = [
  'blDate',
  'blNumber',
  'vessel',
  'voyage',
  'grade',
  'status',
  'netKg',
  'outturnKg',
  'remarks',
  'station',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export interface RegisterFilters {
  /** '' for every vessel. */
  vessel: string;
  grade: string;
  status: ShipmentStatus | '';
  /** '01'..'12', or '' for the whole year. */
  month: string;
  text: string;
  showVoided: boolean;
  /** The recording station, on a station's ledger; '' or left out for every station. */
  station?: string;
}

export const NO_FILTERS: RegisterFilters = {
  vessel: '',
  grade: '',
  status: '',
  month: '',
  text: '',
  showVoided: false,
  station: '',
};

/** Statuses sort in the order a cargo passes through them, not alphabetically. */
const STATUS_RANK: Record<ShipmentStatus, number> = { loaded: 0, in_transit: 1, discharged: 2 };
/** A status filter for a status no shipment has. */
const NO_STATUS = 255;

export interface RegisterIndex {
  shipments: readonly Shipment[];
  /** "bl\nvessel\nvoyage\nremarks\nvoid reason", lower case. */
  search: string[];
  /** 1–12, from the B/L date string (never a Date in some time zone). */
  month: Uint8Array;
  /** Vessels present, in the language's alphabetical order, and each row's position in that list. */
  vessels: string[];
  vesselCode: Int32Array;
  grades: string[];
  /** -1 for a shipment without a grade. */
  gradeCode: Int32Array;
  /** Months (1–12) with at least one shipment. */
  months: number[];
  /** Kilograms, voided flag and status code per row, in typed arrays: the filter pass reads these, not the objects. */
  netKg: Float64Array;
  voided: Uint8Array;
  status: Uint8Array;
  /** Recording stations present (none on a ledger that is no station's), and each row's; -1 for none. */
  stations: string[];
  stationCode: Int32Array;
}

export function lowerKey(shipment: Shipment): string {
  const { blNumber, vessel, voyage, remarks, voidReason } = shipment;
  return `${blNumber ?? ''}\n${vessel}\n${voyage ?? ''}\n${remarks ?? ''}\n${voidReason ?? ''}`.toLowerCase();
}

/** Gives each distinct value a first-seen number; `finish` renumbers them in the collator's order. */
function coder() {
  const seen = new Map<string, number>();
  return {
    code(value: string | null): number {
      if (value === null) return -1;
      let code = seen.get(value);
      if (code === undefined) {
        code = seen.size;
        seen.set(value, code);
      }
      return code;
    },
    finish(codes: Int32Array, collator: Intl.Collator): string[] {
      const list = [...seen.keys()].sort(collator.compare);
      const renumber = new Int32Array(seen.size);
      list.forEach((value, position) => {
        renumber[seen.get(value) as number] = position;
      });
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i] as number;
        if (code >= 0) codes[i] = renumber[code] as number;
      }
      return list;
    },
  };
}

export function buildIndex(shipments: readonly Shipment[], collator: Intl.Collator): RegisterIndex {
  const n = shipments.length;
  const search = new Array<string>(n);
  const month = new Uint8Array(n);
  const vesselCode = new Int32Array(n);
  const gradeCode = new Int32Array(n);
  const netKg = new Float64Array(n);
  const voided = new Uint8Array(n);
  const status = new Uint8Array(n);
  const stationCode = new Int32Array(n);
  const vessels = coder();
  const grades = coder();
  const stations = coder();
  const seenMonths = new Set<number>();
  for (let i = 0; i < n; i++) {
    const shipment = shipments[i] as Shipment;
    search[i] = lowerKey(shipment);
    netKg[i] = shipment.netKg;
    voided[i] = shipment.voided ? 1 : 0;
    status[i] = STATUS_RANK[shipment.status] ?? NO_STATUS;
    const m = (shipment.blDate.charCodeAt(5) - 48) * 10 + (shipment.blDate.charCodeAt(6) - 48);
    month[i] = m;
    seenMonths.add(m);
    vesselCode[i] = vessels.code(shipment.vessel);
    gradeCode[i] = grades.code(shipment.grade);
    stationCode[i] = stations.code(shipment.station ?? null);
  }
  return {
    shipments,
    search,
    month,
    vessels: vessels.finish(vesselCode, collator),
    vesselCode,
    grades: grades.finish(gradeCode, collator),
    gradeCode,
    months: [...seenMonths].sort((a, b) => a - b),
    netKg,
    voided,
    status,
    stations: stations.finish(stationCode, collator),
    stationCode,
  };
}

/**
 * Ranks of a text column: equal text gets an equal rank, ranks follow the collator. Sorting the
 * distinct values once lets the row sort compare integers instead of strings.
 */
function textRanks(values: readonly (string | null)[], collator: Intl.Collator): Float64Array {
  const distinct = [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
  distinct.sort(collator.compare);
  const rank = new Map(distinct.map((value, i) => [value, i]));
  const out = new Float64Array(values.length);
  values.forEach((value, i) => {
    // Empty values go last in either direction (see sortOrder).
    out[i] = value === null || value === '' ? Number.NaN : (rank.get(value) as number);
  });
  return out;
}

/** Each row's sort value for a column; NaN means "no value" and always sorts last. */
export function sortValues(index: RegisterIndex, key: SortKey, collator: Intl.Collator): Float64Array {
  const { shipments } = index;
  const n = shipments.length;
  switch (key) {
    case 'netKg':
    case 'outturnKg': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const value = (shipments[i] as Shipment)[key];
        out[i] = value === null ? Number.NaN : value;
      }
      return out;
    }
    case 'status':
      return Float64Array.from(index.status);
    case 'vessel':
      return Float64Array.from(index.vesselCode);
    case 'grade':
      return Float64Array.from(index.gradeCode, (code) => (code < 0 ? Number.NaN : code));
    case 'station':
      return Float64Array.from(index.stationCode, (code) => (code < 0 ? Number.NaN : code));
    case 'blDate': {
      // YYYY-MM-DD as the integer YYYYMMDD keeps calendar order without parsing a Date.
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const d = (shipments[i] as Shipment).blDate;
        out[i] = Number(d.slice(0, 4)) * 10_000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));
      }
      return out;
    }
    default:
      return textRanks(
        shipments.map((s) => s[key]),
        collator,
      );
  }
}

/**
 * The rows' order for a sort: stable (rows with equal values keep the ledger's order — B/L date,
 * then entry time — in both directions), rows without a value last.
 */
export function sortOrder(values: Float64Array, direction: SortDirection): Uint32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const sign = direction === 'asc' ? 1 : -1;
  order.sort((a, b) => {
    const va = values[a] as number;
    const vb = values[b] as number;
    const aMissing = Number.isNaN(va);
    const bMissing = Number.isNaN(vb);
    if (aMissing || bMissing) return aMissing === bMissing ? a - b : aMissing ? 1 : -1;
    if (va !== vb) return va < vb ? -sign : sign;
    return a - b;
  });
  return order;
}

export interface FilterResult {
  /** Indexes into index.shipments, in display order. */
  rows: Uint32Array;
  /** Shown rows that are live (not voided). */
  liveCount: number;
  voidedCount: number;
  /** Integer kilograms of the shown live rows: exact. */
  totalKg: number;
}

/** Whitespace-separated words of a search, lower case; every word must occur. */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** One pass over the sorted order: every filter combined with AND, and the shown live total. */
export function applyFilters(
  index: RegisterIndex,
  order: Uint32Array,
  filters: RegisterFilters,
): FilterResult {
  const vessel = filters.vessel === '' ? -2 : index.vessels.indexOf(filters.vessel);
  const grade = filters.grade === '' ? -2 : index.grades.indexOf(filters.grade);
  const station = !filters.station ? -2 : index.stations.indexOf(filters.station);
  const month = filters.month === '' ? 0 : Number(filters.month);
  const status = filters.status === '' ? -1 : (STATUS_RANK[filters.status] ?? NO_STATUS);
  const showVoided = filters.showVoided;
  const terms = searchTerms(filters.text);
  const { search, vesselCode, gradeCode, netKg, voided, month: months } = index;
  const rows = new Uint32Array(order.length);
  let count = 0;
  let liveCount = 0;
  let voidedCount = 0;
  let totalKg = 0;
  // A filter on a value the year does not have shows nothing, rather than everything.
  if (vessel === -1 || grade === -1 || station === -1)
    return { rows: rows.subarray(0, 0), liveCount, voidedCount, totalKg };
  outer: for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const isVoided = voided[i] === 1;
    if (isVoided && !showVoided) continue;
    if (vessel >= 0 && vesselCode[i] !== vessel) continue;
    if (grade >= 0 && gradeCode[i] !== grade) continue;
    if (station >= 0 && index.stationCode[i] !== station) continue;
    if (month !== 0 && months[i] !== month) continue;
    if (status >= 0 && index.status[i] !== status) continue;
    if (terms.length > 0) {
      const key = search[i] as string;
      for (const term of terms) if (!key.includes(term)) continue outer;
    }
    rows[count++] = i;
    if (isVoided) voidedCount++;
    else {
      liveCount++;
      totalKg += netKg[i] as number;
    }
  }
  return { rows: rows.subarray(0, count), liveCount, voidedCount, totalKg };
}

/** Convenience for callers without an index at hand (and for tests): sort then filter. */
export function registerRows(
  shipments: readonly Shipment[],
  sort: SortState,
  filters: RegisterFilters,
  collator: Intl.Collator,
): { shipments: Shipment[]; result: FilterResult } {
  const index = buildIndex(shipments, collator);
  const result = applyFilters(
    index,
    sortOrder(sortValues(index, sort.key, collator), sort.direction),
    filters,
  );
  return { shipments: Array.from(result.rows, (i) => shipments[i] as Shipment), result };
}

export function isFiltered(filters: RegisterFilters): boolean {
  return (
    filters.vessel !== '' ||
    filters.grade !== '' ||
    filters.status !== '' ||
    filters.month !== '' ||
    Boolean(filters.station) ||
    filters.text.trim() !== ''
  );
}

/*
 * The index and the sort orders outlive a visit to the tab: they depend only on the loaded
 * shipments (a new array after every reload) and the language, so coming back to the register, or
 * back to a sort used before, costs nothing. Weak maps let an old year's arrays be collected.
 */
const indexes = new WeakMap<readonly Shipment[], Map<string, RegisterIndex>>();
const orders = new WeakMap<RegisterIndex, Map<string, Uint32Array>>();

export function cachedIndex(shipments: readonly Shipment[], collator: Intl.Collator): RegisterIndex {
  const locale = collator.resolvedOptions().locale;
  let byLocale = indexes.get(shipments);
  if (!byLocale) {
    byLocale = new Map();
    indexes.set(shipments, byLocale);
  }
  let index = byLocale.get(locale);
  if (!index) {
    index = buildIndex(shipments, collator);
    byLocale.set(locale, index);
  }
  return index;
}

export function cachedOrder(index: RegisterIndex, sort: SortState, collator: Intl.Collator): Uint32Array {
  let byKey = orders.get(index);
  if (!byKey) {
    byKey = new Map();
    orders.set(index, byKey);
  }
  const key = `${sort.key}:${sort.direction}`;
  let order = byKey.get(key);
  if (!order) {
    order = sortOrder(sortValues(index, sort.key, collator), sort.direction);
    byKey.set(key, order);
  }
  return order;
}
