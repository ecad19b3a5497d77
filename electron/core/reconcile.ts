/**
 * Outturn against the B/L figure: transit loss (B/L − outturn) by cargo, by vessel, by month and
 * for the period, measured against the year's loss allowance. Pure (no Node), so a screen may use
 * it too; the service feeds it the live cargoes of the folded state.
 *
 * A cargo without an outturn yet is pending: it is listed, counted as pending and left out of
 * every sum, never taken for a cargo that lost nothing.
 *
 * Loss percent is given to 3 decimals, computed from the integer kilograms alone: the loss times
 * 100,000 divided by the B/L kilograms in BigInt, rounded half away from zero, is the percent in
 * thousandths; that integer over 1000 is the nearest double to the 3-decimal figure, so it prints
 * exactly (toFixed(3)) and no float division ever moves the flag. The flag compares that same
 * figure with the allowance in thousandths of a percent: what a person reads is what was flagged
 * (0.500% at a 0.5% allowance is within; 0.501% is beyond).
 */
import type {
  CargoReconciliation,
  LossTotals,
  MonthReconciliation,
  Reconciliation,
  VesselReconciliation,
} from './api';

/** A live cargo as reconciliation needs it. */
export interface ReconcileCargo {
  id: string;
  blNumber: string | null;
  blDate: string;
  vessel: string;
  netKg: number;
  outturnKg: number | null;
}

export interface ReconcileInput {
  year: number;
  /** `YYYY-MM`: only that month's cargoes; null for the whole year. */
  month: string | null;
  lossAllowancePercent: number;
  /** Cargoes of any date: only those of the year (and month) count. */
  cargoes: readonly ReconcileCargo[];
}

/** Thousandths of a percent in a percent: 100 × 1000. */
const MILLI_PERCENT_PER_UNIT = 100_000n;

/** lossKg in thousandths of a percent of blKg, rounded half away from zero; exact for any kilograms. */
export function lossMilliPercent(lossKg: number, blKg: number): number {
  const loss = BigInt(Math.abs(lossKg)) * MILLI_PERCENT_PER_UNIT;
  const bl = BigInt(blKg);
  let quotient = loss / bl;
  if ((loss % bl) * 2n >= bl) quotient += 1n;
  const milli = Number(quotient);
  return lossKg < 0 && milli !== 0 ? -milli : milli;
}

/** A percent with at most 3 decimals, in thousandths: 0.5 → 500. */
export function toMilliPercent(percent: number): number {
  return Math.round(percent * 1000);
}

interface Sum {
  cargoes: number;
  pending: number;
  blKg: number;
  outturnKg: number;
  flagged: number;
}

const emptySum = (): Sum => ({ cargoes: 0, pending: 0, blKg: 0, outturnKg: 0, flagged: 0 });

function addTo(sum: Sum, cargo: CargoReconciliation): void {
  if (cargo.outturnKg === null) {
    sum.pending += 1;
    return;
  }
  sum.cargoes += 1;
  sum.blKg += cargo.blKg;
  sum.outturnKg += cargo.outturnKg;
  if (cargo.beyondAllowance) sum.flagged += 1;
}

function totalsOf(sum: Sum, allowanceMilli: number): LossTotals {
  const lossKg = sum.blKg - sum.outturnKg;
  const milli = sum.cargoes === 0 || sum.blKg === 0 ? null : lossMilliPercent(lossKg, sum.blKg);
  return {
    cargoes: sum.cargoes,
    pending: sum.pending,
    blKg: sum.blKg,
    outturnKg: sum.outturnKg,
    lossKg,
    lossPercent: milli === null ? null : milli / 1000,
    beyondAllowance: milli !== null && milli > allowanceMilli,
    flagged: sum.flagged,
  };
}

/** One cargo against the allowance (in thousandths of a percent). */
export function reconcileCargo(cargo: ReconcileCargo, allowanceMilli: number): CargoReconciliation {
  const base = { id: cargo.id, blNumber: cargo.blNumber, blDate: cargo.blDate, vessel: cargo.vessel };
  if (cargo.outturnKg === null || cargo.netKg <= 0) {
    return {
      ...base,
      blKg: cargo.netKg,
      outturnKg: null,
      lossKg: null,
      lossPercent: null,
      beyondAllowance: false,
    };
  }
  const lossKg = cargo.netKg - cargo.outturnKg;
  const milli = lossMilliPercent(lossKg, cargo.netKg);
  return {
    ...base,
    blKg: cargo.netKg,
    outturnKg: cargo.outturnKg,
    lossKg,
    lossPercent: milli / 1000,
    beyondAllowance: milli > allowanceMilli,
  };
}

function byBlDate(a: ReconcileCargo, b: ReconcileCargo): number {
  if (a.blDate !== b.blDate) return a.blDate < b.blDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sumsBy(
  cargoes: readonly CargoReconciliation[],
  key: (cargo: CargoReconciliation) => string,
): Map<string, Sum> {
  const sums = new Map<string, Sum>();
  for (const cargo of cargoes) {
    const name = key(cargo);
    let sum = sums.get(name);
    if (!sum) sums.set(name, (sum = emptySum()));
    addTo(sum, cargo);
  }
  return sums;
}

export function reconcile(input: ReconcileInput): Reconciliation {
  const { year, month } = input;
  const allowanceMilli = toMilliPercent(input.lossAllowancePercent);
  const prefix = month ?? `${String(year).padStart(4, '0')}-`;
  const cargoes = input.cargoes
    .filter((cargo) => cargo.blDate.startsWith(prefix))
    .sort(byBlDate)
    .map((cargo) => reconcileCargo(cargo, allowanceMilli));

  const total = emptySum();
  for (const cargo of cargoes) addTo(total, cargo);
  const byVessel: VesselReconciliation[] = [...sumsBy(cargoes, (cargo) => cargo.vessel)]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([vessel, sum]) => ({ vessel, ...totalsOf(sum, allowanceMilli) }));
  const byMonth: MonthReconciliation[] = [...sumsBy(cargoes, (cargo) => cargo.blDate.slice(0, 7))]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, sum]) => ({ month: name, ...totalsOf(sum, allowanceMilli) }));

  return {
    year,
    month,
    lossAllowancePercent: input.lossAllowancePercent,
    cargoes,
    byVessel,
    byMonth,
    totals: totalsOf(total, allowanceMilli),
  };
}
