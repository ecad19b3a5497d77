/**
 * The year-against-year chart's series, built from the core's comparison: each year's cumulative
 * kilograms and the baseline's pace, scaled to one unit, on a day-of-year axis (x = day 1…366). The
 * chosen year is the shipped line's colour; earlier years and the baseline each have a colour and a
 * dash of their own, so no two lines are told apart by colour alone.
 */
import type { YearComparison } from '../../../../electron/core/api';
import { daysInMonth } from '../../../../electron/core/calendar';
import { chooseUnit, toUnit, type ChartUnit, type MonthTick, type XY } from '../chartData';
import type { LegendStyle } from '../ChartLegend';
import type { ChartPalette } from '../palette';

export interface YearLine {
  key: string;
  /** The year, or the baseline's year. */
  year: number;
  baseline: boolean;
  points: XY[];
  /** Kilograms by day of year (index 0 = day 1), for the tooltip; null where the line has no point. */
  kg: readonly (number | null)[];
  color: string;
  style: LegendStyle;
}

export interface YearsChartData {
  unit: ChartUnit;
  lines: YearLine[];
  xMax: number;
  /** The chosen year's month boundaries and mid-month label positions. */
  ticks: MonthTick[];
}

/** Earlier years, newest first: a colour and a dash each, cycling if a ledger holds more years than these. */
const EARLIER: readonly { color: keyof ChartPalette; dash: number[] }[] = [
  { color: 'plan', dash: [8, 4] },
  { color: 'targetLevel', dash: [3, 3] },
  { color: 'baselineLevel', dash: [12, 3, 3, 3] },
  { color: 'target', dash: [6, 2] },
  { color: 'ahead', dash: [2, 6] },
];

function points(kg: readonly (number | null)[], unit: ChartUnit): XY[] {
  const out: XY[] = [];
  kg.forEach((value, i) => {
    if (value !== null) out.push({ x: i + 1, y: toUnit(value, unit) });
  });
  return out;
}

/** Month boundaries and mid-month label positions of `year` on a day-of-year axis. */
export function monthTicks(year: number): MonthTick[] {
  const ticks: MonthTick[] = [{ x: 0, month: null }];
  let start = 0;
  for (let month = 1; month <= 12; month++) {
    const end = start + daysInMonth(year, month);
    ticks.push({ x: (start + end) / 2, month: `${year}-${String(month).padStart(2, '0')}` });
    ticks.push({ x: end, month: null });
    start = end;
  }
  return ticks;
}

export function yearsChartData(comparison: YearComparison, palette: ChartPalette): YearsChartData {
  const { years, baseline } = comparison;
  let max = baseline.kg;
  for (const y of years) max = Math.max(max, y.totalKg);
  const unit = chooseUnit(max);
  const earlier = years.filter((y) => y.year !== comparison.year).reverse();
  const chosen = years.find((y) => y.year === comparison.year);
  const lines: YearLine[] = earlier.map((y, i) => {
    const look = EARLIER[i % EARLIER.length] ?? { color: 'plan', dash: [] };
    return {
      key: `year-${y.year}`,
      year: y.year,
      baseline: false,
      points: points(y.cumulativeKg, unit),
      kg: y.cumulativeKg,
      color: palette[look.color],
      style: { kind: 'line', dash: look.dash, width: 2 },
    };
  });
  const baselineLine: YearLine = {
    key: 'baseline',
    year: baseline.year,
    baseline: true,
    points: points(baseline.cumulativeKg, unit),
    kg: baseline.cumulativeKg,
    color: palette.baseline,
    style: { kind: 'line', dash: [1, 5], width: 2.5 },
  };
  const chosenLine: YearLine[] = chosen
    ? [
        {
          key: `year-${chosen.year}`,
          year: chosen.year,
          baseline: false,
          points: points(chosen.cumulativeKg, unit),
          kg: chosen.cumulativeKg,
          color: palette.actual,
          style: { kind: 'line', dash: [], width: 3 },
        },
      ]
    : [];
  const xMax = Math.max(baseline.cumulativeKg.length, ...years.map((y) => y.daysInYear));
  // The chosen year first: drawn on top, first in the legend and the tooltip; the baseline last.
  return { unit, lines: [...chosenLine, ...lines, baselineLine], xMax, ticks: monthTicks(comparison.year) };
}
