/**
 * Year against year: the chosen year's cumulative tonnes by day of year beside every earlier year's
 * and the baseline's pace, and their monthly totals side by side. Pure (the renderer may import it):
 * it reads the ledger's per-day totals, so its cost is the days of the years compared, not the cargoes.
 *
 * Years line up by day of year: index i is day i + 1 of each year, so in a leap year everything from
 * 29 February on sits one day later in the calendar than in the year before (day 60 is 29 February
 * 2024 and 1 March 2023), and a leap year has a 366th point the others lack.
 */
import type { Baseline, ComparedYear, YearComparison } from './api';
import { daysInMonth, parseIsoDate } from './calendar';
import { baselineMonthsFor, baselinePaceOf, baselinePaceSeries, type YearDays } from './progress';

export interface YearCompareInput {
  year: number;
  /** A date in `year`: the chosen year counts the days up to and including it. */
  asOf: string;
  /** The per-day totals of the chosen year and of each earlier year to compare (others are passed over). */
  days: readonly YearDays[];
  baseline: Baseline;
}

/** The day of the year (1-based) of an as-of date in its year. */
function dayOfYear(asOf: string): number {
  const date = parseIsoDate(asOf);
  if (date === null) throw new RangeError(`As-of date "${asOf}" is not a valid YYYY-MM-DD date.`);
  let day = date.day;
  for (let month = 1; month < date.month; month++) day += daysInMonth(date.year, month);
  return day;
}

/** One year's cumulative series and months over its first `counted` days. */
function compareOne(days: YearDays, counted: number): ComparedYear {
  const diy = days.kg.length;
  const cumulativeKg: (number | null)[] = new Array<number | null>(diy).fill(null);
  const monthlyKg: (number | null)[] = [];
  let total = 0;
  let shipments = 0;
  let dayIndex = 0;
  for (let month = 1; month <= 12; month++) {
    const length = daysInMonth(days.year, month);
    let monthKg = 0;
    const begun = dayIndex < counted;
    for (let day = 0; day < length; day++, dayIndex++) {
      if (dayIndex >= counted) continue;
      monthKg += days.kg[dayIndex] ?? 0;
      shipments += days.shipments[dayIndex] ?? 0;
      total += days.kg[dayIndex] ?? 0;
      cumulativeKg[dayIndex] = total;
    }
    monthlyKg.push(begun ? monthKg : null);
  }
  return {
    year: days.year,
    daysInYear: diy,
    daysCounted: counted,
    shipments,
    totalKg: total,
    monthlyKg,
    cumulativeKg,
  };
}

export function compareYears(input: YearCompareInput): YearComparison {
  const { year, asOf, baseline } = input;
  if (!asOf.startsWith(`${String(year).padStart(4, '0')}-`))
    throw new RangeError(`As-of date ${asOf} is not in ${year}.`);
  const counted = dayOfYear(asOf);
  const chosen = input.days.find((days) => days.year === year);
  if (chosen === undefined) throw new RangeError(`No day totals were given for ${year}.`);
  const earlier = input.days
    .filter((days) => days.year < year && days.shipments.some((count) => count > 0))
    .sort((a, b) => a.year - b.year);
  return {
    year,
    asOf,
    alignment: 'day-of-year',
    years: [...earlier.map((days) => compareOne(days, days.kg.length)), compareOne(chosen, counted)],
    baseline: {
      year: baseline.year,
      kg: baseline.kg,
      pace: baselinePaceOf(baseline),
      monthlyKg: baselineMonthsFor(baseline, baseline.year),
      cumulativeKg: baselinePaceSeries(baseline, baseline.year),
    },
  };
}
