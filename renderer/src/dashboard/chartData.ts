/**
 * Pure chart series for the dashboard, built from the core's Progress. Nothing here computes a
 * figure a second way: the values are the core's kilograms, only scaled to the axis unit (and laid
 * out on a day-of-year x axis). Tests call these directly.
 */
import type { MonthProgress, Progress } from '../../../electron/core/api';

export type ChartUnit = 't' | 'kt' | 'Mt';

/** Kilograms in one of each unit. */
export const KG_PER_UNIT: Record<ChartUnit, number> = { t: 1_000, kt: 1_000_000, Mt: 1_000_000_000 };

/** Mt once the axis reaches a million tonnes, kt from ten thousand tonnes, else tonnes. */
export function chooseUnit(maxKg: number): ChartUnit {
  const kg = Math.abs(maxKg);
  if (kg >= KG_PER_UNIT.Mt) return 'Mt';
  if (kg >= 10 * KG_PER_UNIT.kt) return 'kt';
  return 't';
}

/** Kilograms as a number of `unit` (a single division, so 2,200,000,000 kg is exactly 2.2 Mt). */
export function toUnit(kg: number, unit: ChartUnit): number {
  return kg / KG_PER_UNIT[unit];
}

export interface XY {
  x: number;
  y: number;
}

export interface MonthTick {
  /** Position on the day axis (days since 1 January). */
  x: number;
  /** YYYY-MM; null for a month boundary (grid line only). */
  month: string | null;
}

export interface CumulativeChartData {
  unit: ChartUnit;
  /**
   * x = days elapsed at the end of the day (1 = end of 1 January),
   * y = cumulative tonnage in `unit`. Ends at the as-of date.
   */
  actual: XY[];
  targetPace: XY[];
  baselinePace: XY[];
  /** The annual target and the baseline year's total, in `unit`. */
  levels: { target: number; baseline: number };
  /** The as-of date on the x axis while the year is running; null before it starts and once it has ended. */
  today: number | null;
  xMax: number;
  /** Month boundaries (grid lines) and mid-month positions (labels). */
  ticks: MonthTick[];
}

/** The unit for the cumulative axis: by the largest of the target, the baseline and the tonnes shipped. */
export function cumulativeUnit(progress: Progress): ChartUnit {
  return chooseUnit(Math.max(progress.targetKg, progress.baselineKg, progress.tonnesKg));
}

/** The unit for the monthly axis: by the largest month, shipped or planned. */
export function monthlyUnit(progress: Progress): ChartUnit {
  let max = 0;
  for (const month of progress.months) max = Math.max(max, month.tonnesKg, month.planKg);
  return chooseUnit(max);
}

export function cumulativeChartData(progress: Progress, unit: ChartUnit): CumulativeChartData {
  const { daily } = progress;
  const actual: XY[] = [];
  const targetPace: XY[] = new Array<XY>(daily.dates.length);
  const baselinePace: XY[] = new Array<XY>(daily.dates.length);
  const ticks: MonthTick[] = [];
  let monthStart = 0;
  for (let i = 0; i < daily.dates.length; i++) {
    const x = i + 1;
    const kg = daily.actualKg[i];
    if (kg !== null && kg !== undefined) actual.push({ x, y: toUnit(kg, unit) });
    targetPace[i] = { x, y: toUnit(daily.targetPaceKg[i] ?? 0, unit) };
    baselinePace[i] = { x, y: toUnit(daily.baselinePaceKg[i] ?? 0, unit) };
    const date = daily.dates[i] ?? '';
    const next = daily.dates[i + 1];
    // The last day of a month: a boundary at its start and end, and its label half-way.
    if (next === undefined || next.slice(5, 7) !== date.slice(5, 7)) {
      if (ticks.length === 0) ticks.push({ x: monthStart, month: null });
      ticks.push({ x: (monthStart + x) / 2, month: date.slice(0, 7) });
      ticks.push({ x, month: null });
      monthStart = x;
    }
  }
  const running = progress.daysElapsed > 0 && progress.daysLeft > 0;
  return {
    unit,
    actual,
    targetPace,
    baselinePace,
    levels: { target: toUnit(progress.targetKg, unit), baseline: toUnit(progress.baselineKg, unit) },
    today: running ? progress.daysElapsed : null,
    xMax: progress.daysInYear,
    ticks,
  };
}

/** A what-if's projected cumulative figures (the core's scenario, per day of the year) on the day axis, in `unit`. */
export function projectionSeries(projectedKg: readonly (number | null)[], unit: ChartUnit): XY[] {
  const points: XY[] = [];
  projectedKg.forEach((kg, i) => {
    if (kg !== null) points.push({ x: i + 1, y: toUnit(kg, unit) });
  });
  return points;
}

export interface MonthlyChartData {
  unit: ChartUnit;
  /** YYYY-MM, January first. */
  months: string[];
  /** Shipped per month in `unit`, x = month index; months after the as-of month are left out. */
  actual: XY[];
  /** Plan per month in `unit`, all twelve. */
  plan: XY[];
}

/** Whether a month has begun by the as-of date (the core's month state says so). */
export function monthBegun(month: MonthProgress): boolean {
  return month.state !== 'future';
}

export function monthlyChartData(progress: Progress, unit: ChartUnit): MonthlyChartData {
  const months = progress.months.map((m) => m.month);
  const actual: XY[] = [];
  const plan: XY[] = [];
  progress.months.forEach((m, index) => {
    if (monthBegun(m)) actual.push({ x: index, y: toUnit(m.tonnesKg, unit) });
    plan.push({ x: index, y: toUnit(m.planKg, unit) });
  });
  return { unit, months, actual, plan };
}

/** Decimal places that show every tick of an axis without trailing noise (0.5 → 1, 0.25 → 2, at most 3). */
export function tickDigits(values: readonly number[]): number {
  let digits = 0;
  for (const value of values) {
    const text = String(Math.round(value * 1000) / 1000);
    const fraction = text.split('.')[1];
    if (fraction) digits = Math.max(digits, fraction.length);
  }
  return Math.min(digits, 3);
}
