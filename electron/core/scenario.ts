/**
 * What if: a question asked of a year's progress, never stored. A stoppage from one date to another
 * (loadings stopped, as from August to 13 September 2025), and/or a different daily rate from a
 * date; the answer says what it does to the year. Pure (no Node, no clock): the dashboard asks it
 * as the CLI does, of the Progress the core computed.
 *
 * Only the days after the as-of date can still change: a stopped day on or before it is already in
 * the year to date (it shipped nothing), so it costs the forecast nothing more.
 *   forecast = year to date + run rate × (days left − stopped days after the as-of date)
 *   required = (target − year to date) / (days left − stopped days after the as-of date)
 * With a rate from a date, each working day from that date counts that rate instead of the run rate.
 */
import type { FieldIssue, Progress } from './api';
import { readTypedDate } from './date-refusal';
import { invalid } from './errors';
import { readQuantity } from './quantity';

export interface Stoppage {
  /** First day without loadings, `YYYY-MM-DD`. */
  from: string;
  /** Last day without loadings (inclusive). */
  to: string;
}

export interface RateChange {
  /** From this day on (inclusive) the year loads at perDayKg instead of the run rate. */
  from: string;
  perDayKg: number;
}

export interface ScenarioQuestion {
  stoppage: Stoppage | null;
  rate: RateChange | null;
}

export interface Scenario {
  stoppage: Stoppage | null;
  rate: RateChange | null;
  /** Stopped days after the as-of date, within the year: the days the forecast loses. */
  lostDays: number;
  /** Stopped days on or before the as-of date: already in the year to date. */
  pastStoppedDays: number;
  /** Days left in the year that load: days left − lost days. */
  workingDaysLeft: number;
  /** Year to date + what the working days left load (run rate, or the new rate from its date). */
  forecastKg: number;
  /** forecastKg − target: negative when the year falls short. */
  gapKg: number;
  /** (target − year to date) / working days left; 0 once reached; null when no working day is left. */
  requiredPerDayKg: number | null;
  /**
   * The projected cumulative figure per day of the year (Progress.daily's days): null before the
   * as-of date, the year to date on it, then growing on each working day and level on stopped ones.
   */
  projectedKg: (number | null)[];
}

function issue(field: string, code: string, message: string, value: string): FieldIssue {
  return { field, code, message, facts: { value } };
}

const DATE_LABELS = { stoppageFrom: 'Stoppage from', stoppageTo: 'Stoppage to', rateFrom: 'Rate from' };

/** One date of a scenario, read and refused as every typed date is (31.04.2026 does not exist). */
function scenarioDate(text: string, field: keyof typeof DATE_LABELS): string | FieldIssue {
  const reading = readTypedDate(text, DATE_LABELS[field]);
  if (reading.ok) return reading.date;
  return { field, code: `${field}.${reading.reason}`, message: reading.message, facts: reading.facts };
}

/** A stoppage's two dates as typed (a form's two fields); its issues when they do not make one. */
export function readStoppage(fromText: string, toText: string): Stoppage | FieldIssue[] {
  const from = scenarioDate(fromText, 'stoppageFrom');
  const to = scenarioDate(toText, 'stoppageTo');
  const issues = [from, to].filter((part): part is FieldIssue => typeof part !== 'string');
  if (issues.length > 0) return issues;
  if ((to as string) < (from as string)) {
    return [
      {
        field: 'stoppageTo',
        code: 'stoppageTo.before_from',
        message: `The stoppage ends (${to as string}) before it starts (${from as string}).`,
        facts: { from: from as string, to: to as string },
      },
    ];
  }
  return { from: from as string, to: to as string };
}

/** `D1..D2` as the CLI's --stoppage gives it; throws the core's 'invalid' error when it is not one. */
export function parseStoppage(text: string): Stoppage {
  const parts = text.split('..');
  if (parts.length !== 2) {
    throw invalid([
      issue(
        'stoppage',
        'stoppage.format',
        `Stoppage "${text}" must be two dates, e.g. 2025-08-01..2025-09-13.`,
        text,
      ),
    ]);
  }
  const read = readStoppage(parts[0] ?? '', parts[1] ?? '');
  if (Array.isArray(read)) throw invalid(read);
  return read;
}

/** `--rate T --from D`: T tonnes a day (the core's quantity reader) from day D; throws 'invalid' otherwise. */
export function parseRateChange(tonnesText: string, fromText: string): RateChange {
  const reading = readQuantity(tonnesText);
  const from = scenarioDate(fromText, 'rateFrom');
  const issues: FieldIssue[] = typeof from === 'string' ? [] : [from];
  if (!reading.ok || reading.kg < 0)
    issues.unshift(
      issue(
        'rate',
        'rate.invalid',
        `Rate "${tonnesText}" must be tonnes a day, e.g. 6000 or 5 500,5.`,
        tonnesText,
      ),
    );
  if (issues.length > 0 || !reading.ok) throw invalid(issues);
  return { from: from as string, perDayKg: reading.kg };
}

/** The year's projection under the question. */
export function whatIf(progress: Progress, question: ScenarioQuestion): Scenario {
  const { stoppage, rate } = question;
  const dates = progress.daily.dates;
  const start = progress.daysElapsed;
  const stopped = (date: string) => stoppage !== null && date >= stoppage.from && date <= stoppage.to;
  let pastStoppedDays = 0;
  for (let i = 0; i < start; i++) if (stopped(dates[i] ?? '')) pastStoppedDays++;

  const projectedKg: (number | null)[] = new Array<number | null>(dates.length).fill(null);
  if (start > 0) projectedKg[start - 1] = progress.tonnesKg;
  let lostDays = 0;
  let runDays = 0;
  let rateDays = 0;
  for (let i = start; i < dates.length; i++) {
    const date = dates[i] ?? '';
    if (stopped(date)) lostDays++;
    else if (rate !== null && date >= rate.from) rateDays++;
    else runDays++;
    projectedKg[i] = Math.round(
      progress.tonnesKg + progress.runRatePerDayKg * runDays + (rate?.perDayKg ?? 0) * rateDays,
    );
  }
  const workingDaysLeft = progress.daysLeft - lostDays;
  const forecastKg = Math.round(
    progress.tonnesKg + progress.runRatePerDayKg * runDays + (rate?.perDayKg ?? 0) * rateDays,
  );
  return {
    stoppage,
    rate,
    lostDays,
    pastStoppedDays,
    workingDaysLeft,
    forecastKg,
    gapKg: forecastKg - progress.targetKg,
    requiredPerDayKg:
      workingDaysLeft === 0 ? null : Math.max(0, (progress.targetKg - progress.tonnesKg) / workingDaysLeft),
    projectedKg,
  };
}
