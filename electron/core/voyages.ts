/**
 * Vessels and voyages for a year (issue 12 part 2): per cargo its days at sea and transit days, per
 * vessel its cargoes, tonnes, average cargo, voyages and average transit and turnaround days, and
 * the fleet's totals. Pure (no Node), so a screen may use it too; the service feeds it the live
 * cargoes of the folded state.
 *
 * The year is the B/L date's, as everywhere. Days are calendar days between `YYYY-MM-DD` dates
 * (leap days counted: B/L 2024-02-28, discharged 2024-03-01 is 2 days). Transit is discharge − B/L
 * date; days at sea (arrival − B/L date) are shown per cargo and averaged nowhere. A cargo without a
 * discharge date is pending: counted apart, never as a transit of zero days.
 *
 * A voyage is a distinct voyage number of the vessel; a cargo without one is a voyage of its own
 * B/L date (two bills of one vessel and day are one loading). Turnaround is the days from one
 * voyage's first B/L date to the vessel's next voyage's: the average is over those intervals, so a
 * vessel of one voyage has none. The totals' turnaround averages every vessel's intervals together.
 */
import type { CargoVoyage, VesselVoyages, Voyages, VoyageTotals } from './api';
import { calendarDaysBetween } from './voyage-dates';

/** A live cargo as the voyages need it: its voyage before the days are counted. */
export type VoyageCargo = Omit<CargoVoyage, 'daysAtSea' | 'transitDays'>;

interface Sum {
  cargoes: number;
  netKg: number;
  discharged: number;
  transitDays: number;
  /** Voyage key → its first B/L date. */
  voyages: Map<string, string>;
}

const emptySum = (): Sum => ({ cargoes: 0, netKg: 0, discharged: 0, transitDays: 0, voyages: new Map() });

/** A figure to 1 decimal, rounded half up: `total / count` in tenths. */
function tenths(total: number, count: number): number | null {
  return count === 0 ? null : Math.round((total * 10) / count) / 10;
}

export function cargoVoyage(cargo: VoyageCargo): CargoVoyage {
  const { id, blNumber, blDate, vessel, voyage, netKg, arrivalDate, dischargeDate } = cargo;
  return {
    ...{ id, blNumber, blDate, vessel, voyage, netKg, arrivalDate, dischargeDate },
    daysAtSea: arrivalDate === null ? null : calendarDaysBetween(blDate, arrivalDate),
    transitDays: dischargeDate === null ? null : calendarDaysBetween(blDate, dischargeDate),
  };
}

function voyageKey(cargo: CargoVoyage): string {
  const number = cargo.voyage?.trim().toUpperCase() ?? '';
  return number === '' ? `date:${cargo.blDate}` : `no:${number}`;
}

function addTo(sum: Sum, cargo: CargoVoyage): void {
  sum.cargoes += 1;
  sum.netKg += cargo.netKg;
  if (cargo.transitDays !== null) {
    sum.discharged += 1;
    sum.transitDays += cargo.transitDays;
  }
  const key = voyageKey(cargo);
  const first = sum.voyages.get(key);
  if (first === undefined || cargo.blDate < first) sum.voyages.set(key, cargo.blDate);
}

/** The days between successive voyages' first B/L dates: their total and how many. */
function turnaround(sum: Sum): { days: number; intervals: number } {
  const dates = [...sum.voyages.values()].sort();
  const first = dates[0];
  const last = dates.at(-1);
  // Successive intervals add up to last − first.
  if (first === undefined || last === undefined || dates.length < 2) return { days: 0, intervals: 0 };
  return { days: calendarDaysBetween(first, last), intervals: dates.length - 1 };
}

function totalsOf(sum: Sum, turn: { days: number; intervals: number }): VoyageTotals {
  return {
    cargoes: sum.cargoes,
    netKg: sum.netKg,
    averageCargoKg: sum.cargoes === 0 ? null : Math.round(sum.netKg / sum.cargoes),
    voyages: sum.voyages.size,
    discharged: sum.discharged,
    pending: sum.cargoes - sum.discharged,
    averageTransitDays: tenths(sum.transitDays, sum.discharged),
    turnarounds: turn.intervals,
    averageTurnaroundDays: tenths(turn.days, turn.intervals),
  };
}

function byBlDate(a: CargoVoyage, b: CargoVoyage): number {
  if (a.blDate !== b.blDate) return a.blDate < b.blDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function voyages(input: { year: number; cargoes: readonly VoyageCargo[] }): Voyages {
  const prefix = `${String(input.year).padStart(4, '0')}-`;
  const cargoes = input.cargoes
    .filter((cargo) => cargo.blDate.startsWith(prefix))
    .map(cargoVoyage)
    .sort(byBlDate);
  const sums = new Map<string, Sum>();
  for (const cargo of cargoes) {
    let sum = sums.get(cargo.vessel);
    if (!sum) sums.set(cargo.vessel, (sum = emptySum()));
    addTo(sum, cargo);
  }
  const total = emptySum();
  const turn = { days: 0, intervals: 0 };
  const byVessel: VesselVoyages[] = [...sums]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([vessel, sum]) => {
      const own = turnaround(sum);
      turn.days += own.days;
      turn.intervals += own.intervals;
      total.cargoes += sum.cargoes;
      total.netKg += sum.netKg;
      total.discharged += sum.discharged;
      total.transitDays += sum.transitDays;
      for (const key of sum.voyages.keys()) total.voyages.set(`${vessel}|${key}`, '');
      return { vessel, ...totalsOf(sum, own) };
    });
  return { year: input.year, cargoes, byVessel, totals: totalsOf(total, turn) };
}
