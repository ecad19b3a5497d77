/** `progress`: where the year stands, as text or JSON in tonnes. */
import type { Progress } from '../../core/api';
import { formatKgAsTonnes, kgToTonnes } from '../../core/quantity';
import {
  parseRateChange,
  parseStoppage,
  whatIf,
  type Scenario,
  type ScenarioQuestion,
} from '../../core/scenario';
import { flag, given, type Invocation } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';
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
    baselinePace: progress.baselinePace,
    baselineProRataTonnes: kgToTonnes(progress.baselineProRataKg),
    changeVsBaselineTonnes:
      progress.changeVsBaselineKg === null ? null : kgToTonnes(progress.changeVsBaselineKg),
    changeVsBaselinePercent: progress.changeVsBaselinePercent,
    months: monthsJson(progress),
  };
}

const pct = (value: number) => `${value.toFixed(1)}%`;
const perDay = (kg: number) => `${formatKgAsTonnes(Math.round(kg))} t/day`;

/** The change against the baseline pace: `+12,000.000 t (+3.4%)`. */
function change(p: Progress): string {
  if (p.changeVsBaselineKg === null) return 'none: this is the baseline year';
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

/** How the baseline's pace was drawn, said beside it. */
export function paceWords(p: { baselinePace: Progress['baselinePace'] }): string {
  return p.baselinePace === 'monthly' ? 'by its monthly figures' : 'pro rata';
}

function progressText(p: Progress): string {
  const lines = [
    `Year ${p.year} as of ${p.asOf} (day ${p.daysElapsed} of ${p.daysInYear}, ${p.daysLeft} left)`,
    `  Shipped            ${t(p.tonnesKg)} in ${p.shipments} cargoes, ` +
      `${pct(p.percentOfTarget)} of the ${t(p.targetKg)} target`,
    `  Pro-rata target    ${t(p.proRataKg)}: ${p.aheadKg >= 0 ? 'ahead by' : 'behind by'} ${t(Math.abs(p.aheadKg))}`,
    `  Run rate           ${perDay(p.runRatePerDayKg)}; forecast for the year ${t(p.forecastKg)}`,
    `  Required rate      ${p.requiredPerDayKg === null ? 'the year is over' : perDay(p.requiredPerDayKg)}`,
    `  ${p.baselineYear} pace          ${t(p.baselineProRataKg)} by this day (${paceWords(p)}); change ${change(p)}`,
    '',
    monthTable(p),
  ];
  return lines.join('\n');
}

/** The what-if the flags ask (--stoppage, --rate with --from), read by the core; null when none. */
function question(invocation: Invocation): ScenarioQuestion | null {
  const stoppage = flag(invocation, 'stoppage');
  const rate = flag(invocation, 'rate');
  const from = flag(invocation, 'from');
  if ((rate === undefined) !== (from === undefined))
    throw new UsageError('--rate and --from go together: --rate 6500 --from 2025-09-14.');
  if (stoppage === undefined && rate === undefined) return null;
  return {
    stoppage: stoppage === undefined ? null : parseStoppage(stoppage),
    rate: rate === undefined || from === undefined ? null : parseRateChange(rate, from),
  };
}

/** The scenario in kilograms, as the issue names its figures; the projection per day is the chart's, not the CLI's. */
function scenarioJson(scenario: Scenario) {
  const { projectedKg: _projection, ...figures } = scenario;
  return figures;
}

function scenarioText(p: Progress, s: Scenario): string {
  const asked = [
    s.stoppage ? `loadings stopped ${s.stoppage.from} to ${s.stoppage.to}` : null,
    s.rate ? `${perDay(s.rate.perDayKg)} from ${s.rate.from}` : null,
  ].filter((part) => part !== null);
  const past = s.pastStoppedDays > 0 ? `, ${s.pastStoppedDays} already past` : '';
  const gap = `${s.gapKg >= 0 ? 'above' : 'short of'} the target by ${t(Math.abs(s.gapKg))}`;
  return [
    '',
    `What if: ${asked.join(', ')} (not stored)`,
    `  Stopped days       ${s.lostDays} still to come${past}; ` + `${s.workingDaysLeft} loading days left`,
    `  Forecast           ${t(s.forecastKg)}, ${gap} (without it ${t(p.forecastKg)})`,
    `  Required rate      ${s.requiredPerDayKg === null ? 'no loading day is left' : perDay(s.requiredPerDayKg)}`,
  ].join('\n');
}

export const progress: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => {
    const asked = question(invocation);
    return {
      writes: false,
      async run({ service, io, year }) {
        const answer = await service.progress({ year, asOf: flag(invocation, 'as-of') });
        const scenario = asked === null ? null : whatIf(answer, asked);
        if (given(invocation, 'json')) {
          const json = progressJson(answer);
          io.out(JSON.stringify(scenario ? { ...json, scenario: scenarioJson(scenario) } : json, null, 2));
        } else {
          io.out(progressText(answer) + (scenario ? scenarioText(answer, scenario) : ''));
        }
        return EXIT.ok;
      },
    };
  },
};
