/** `years`: the year against earlier years and the baseline, by day of year, and months side by side. */
import type { YearComparison } from '../../core/api';
import { formatKgAsTonnes, kgToTonnes } from '../../core/quantity';
import { flag, given } from '../args';
import type { Command } from '../command';
import { EXIT } from '../io';
import { table } from '../output';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const orNull = (kg: number | null) => (kg === null ? null : kgToTonnes(kg));

/** Tonnes, with the cumulative series by day of year (null after the as-of date). */
export function yearsJson(c: YearComparison) {
  return {
    year: c.year,
    asOf: c.asOf,
    alignment: c.alignment,
    years: c.years.map((y) => ({
      year: y.year,
      daysInYear: y.daysInYear,
      daysCounted: y.daysCounted,
      shipments: y.shipments,
      totalTonnes: kgToTonnes(y.totalKg),
      monthlyTonnes: y.monthlyKg.map(orNull),
      cumulativeTonnes: y.cumulativeKg.map(orNull),
    })),
    baseline: {
      year: c.baseline.year,
      tonnes: kgToTonnes(c.baseline.kg),
      pace: c.baseline.pace,
      monthlyTonnes: c.baseline.monthlyKg.map(kgToTonnes),
      cumulativeTonnes: c.baseline.cumulativeKg.map(kgToTonnes),
    },
  };
}

/** Months as rows, the years and the baseline as columns, totals last. */
export function yearsText(c: YearComparison): string {
  const paceNote =
    c.baseline.pace === 'monthly' ? 'its monthly figures' : 'pro rata: its total spread by days';
  const baselineHead = `Baseline ${c.baseline.year}`;
  const cell = (kg: number | null) => (kg === null ? '-' : formatKgAsTonnes(kg));
  const rows = MONTH_NAMES.map((name, m) => [
    name,
    ...c.years.map((y) => cell(y.monthlyKg[m] ?? null)),
    cell(c.baseline.monthlyKg[m] ?? null),
  ]);
  rows.push(['Total', ...c.years.map((y) => cell(y.totalKg)), cell(c.baseline.kg)]);
  const columns = c.years.length + 1;
  return [
    `Year ${c.year} as of ${c.asOf} against earlier years and the baseline (tonnes; lined up by day of year)`,
    `Baseline ${c.baseline.year}: ${paceNote}`,
    '',
    table(
      [
        'Month',
        // A year still running is counted to its as-of date; a whole year is just its number.
        ...c.years.map((y) => (y.daysCounted < y.daysInYear ? `${y.year} (to ${c.asOf})` : String(y.year))),
        baselineHead,
      ],
      rows,
      new Set(Array.from({ length: columns }, (_, i) => i + 1)),
    ),
  ].join('\n');
}

export const years: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: false,
    async run({ service, io, year }) {
      const comparison = await service.compareYears({ year, asOf: flag(invocation, 'as-of') });
      io.out(
        given(invocation, 'json') ? JSON.stringify(yearsJson(comparison), null, 2) : yearsText(comparison),
      );
      return EXIT.ok;
    },
  }),
};
