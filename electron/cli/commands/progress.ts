/** `progress`: where the year stands, as text or JSON in tonnes. */
import type { Progress } from '../../core/api';
import { formatKgAsTonnes, kgToTonnes } from '../../core/quantity';
import { flag, given } from '../args';
import type { Command } from '../command';
import { EXIT } from '../io';
import { t, table } from '../output';

const orNull = (kg: number | null) => (kg === null ? null : kgToTonnes(kg));

function monthsJson(progress: Progress) {
  return progress.months.map((month) => ({
    month: month.month,
    state: month.state,
    shipments: month.shipments,
    tonnes: kgToTonnes(month.tonnesKg),
    cumulativeTonnes: kgToTonnes(month.cumulativeKg),
    planTonnes: kgToTonnes(month.planKg),
    cumulativePlanTonnes: kgToTonnes(month.cumulativePlanKg),
    planToDateTonnes: orNull(month.planToDateKg),
    varianceTonnes: orNull(month.varianceKg),
  }));
}

function progressJson(progress: Progress) {
  return {
    year: progress.year,
    asOf: progress.asOf,
    daysInYear: progress.daysInYear,
    daysElapsed: progress.daysElapsed,
    daysLeft: progress.daysLeft,
    shipments: progress.shipments,
    tonnes: kgToTonnes(progress.tonnesKg),
    targetTonnes: kgToTonnes(progress.targetKg),
    percentOfTarget: progress.percentOfTarget,
    proRataTonnes: kgToTonnes(progress.proRataKg),
    aheadTonnes: kgToTonnes(progress.aheadKg),
    runRatePerDay: progress.runRatePerDayKg / 1000,
    forecastTonnes: kgToTonnes(progress.forecastKg),
    requiredPerDay: progress.requiredPerDayKg === null ? null : progress.requiredPerDayKg / 1000,
    baselineYear: progress.baselineYear,
    baselineTonnes: kgToTonnes(progress.baselineKg),
    baselineProRataTonnes: kgToTonnes(progress.baselineProRataKg),
    changeVsBaselineTonnes: kgToTonnes(progress.changeVsBaselineKg),
    changeVsBaselinePercent: progress.changeVsBaselinePercent,
    months: monthsJson(progress),
  };
}

const pct = (value: number) => `${value.toFixed(1)}%`;
const perDay = (kg: number) => `${formatKgAsTonnes(Math.round(kg))} t/day`;

/** The change against the baseline pace: `+12,000.000 t (+3.4%)`. */
function change(p: Progress): string {
  const percent =
    p.changeVsBaselinePercent === null
      ? ''
      : ` (${p.changeVsBaselinePercent >= 0 ? '+' : ''}${pct(p.changeVsBaselinePercent)})`;
  return `${p.changeVsBaselineKg >= 0 ? '+' : '-'}${t(Math.abs(p.changeVsBaselineKg))}${percent}`;
}

/** A month not begun shows its plan alone; the running month's variance is against its plan to date. */
function monthTable(p: Progress): string {
  const dash = (text: string, begun: boolean) => (begun ? text : '-');
  return table(
    ['Month', 'Cargoes', 'Tonnes', 'Cumulative', 'Plan', 'Plan to date', 'Variance'],
    p.months.map((m) => {
      const begun = m.state !== 'future';
      return [
        m.state === 'current' ? `${m.month} (to ${p.asOf})` : m.month,
        dash(String(m.shipments), begun),
        dash(formatKgAsTonnes(m.tonnesKg), begun),
        dash(formatKgAsTonnes(m.cumulativeKg), begun),
        formatKgAsTonnes(m.planKg),
        m.planToDateKg === null ? '-' : formatKgAsTonnes(m.planToDateKg),
        m.varianceKg === null ? '-' : formatKgAsTonnes(m.varianceKg),
      ];
    }),
    new Set([1, 2, 3, 4, 5, 6]),
  );
}

function progressText(p: Progress): string {
  const lines = [
    `Year ${p.year} as of ${p.asOf} (day ${p.daysElapsed} of ${p.daysInYear}, ${p.daysLeft} left)`,
    `  Shipped            ${t(p.tonnesKg)} in ${p.shipments} cargoes, ` +
      `${pct(p.percentOfTarget)} of the ${t(p.targetKg)} target`,
    `  Pro-rata target    ${t(p.proRataKg)}: ${p.aheadKg >= 0 ? 'ahead by' : 'behind by'} ${t(Math.abs(p.aheadKg))}`,
    `  Run rate           ${perDay(p.runRatePerDayKg)}; forecast for the year ${t(p.forecastKg)}`,
    `  Required rate      ${p.requiredPerDayKg === null ? 'the year is over' : perDay(p.requiredPerDayKg)}`,
    `  ${p.baselineYear} pace          ${t(p.baselineProRataKg)} by this day; change ${change(p)}`,
    '',
    monthTable(p),
  ];
  return lines.join('\n');
}

export const progress: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: false,
    async run({ service, io, year }) {
      const answer = await service.progress({ year, asOf: flag(invocation, 'as-of') });
      io.out(
        given(invocation, 'json') ? JSON.stringify(progressJson(answer), null, 2) : progressText(answer),
      );
      return EXIT.ok;
    },
  }),
};
