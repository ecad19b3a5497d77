/**
 * Closed months (issue 12 part 3). A manager closes a month once its figures are reconciled and
 * sent; from then on no cargo may be recorded, amended or voided with a B/L date in it until it is
 * reopened. Closing and reopening are journal entries, so they carry who, when and why, sync to
 * every station, and are folded like everything else; the figures a close recorded stay in the
 * journal, so a later change (after a reopen, or received from a station that had not yet heard of
 * the close) shows against what was closed.
 *
 * Pure: the caller hands in the figures; the digest of a month's entries is made in month-figures.ts.
 */
import type { MonthFigures, Period, PeriodStep } from './api';
import { isSupportedYear, todayAtLoadPort } from './calendar';
import type { FieldIssue } from './errors';

export type { MonthFigures, Period, PeriodStep };

export type PeriodEvent =
  | { type: 'close'; month: string; reason: string; figures: MonthFigures; at: string; actor: string }
  | { type: 'reopen'; month: string; reason: string; at: string; actor: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A `YYYY-MM` month of a year the ledger knows (2000 to 2100). */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value) && isSupportedYear(Number(value.slice(0, 4)));
}

/** The day a step was taken at the load port (Aktau), as every date the app shows: not the UTC date. */
export function closedOn(step: PeriodStep): string {
  return todayAtLoadPort(new Date(step.at));
}

/** The months that have been closed at least once, and their state now. */
export class PeriodBook {
  private readonly byMonth = new Map<string, Period>();
  /**
   * Months whose close or reopen a repair of the damaged file lost: whether each was closed is no
   * longer known, so none takes a write until a person decides. A month closed now is simply closed
   * (a lost reopen); one open now is refused until it is closed again or reopened (kept open).
   */
  private readonly unsettledMonths = new Set<string>();

  /** A repair lost a close or reopen of each of these months. */
  unsettle(months: readonly string[]): void {
    for (const month of months) if (isMonth(month)) this.unsettledMonths.add(month);
  }

  unsettled(month: string): boolean {
    return this.unsettledMonths.has(month);
  }

  /** The unsettled months, in calendar order. */
  allUnsettled(): string[] {
    return [...this.unsettledMonths].sort();
  }

  /** Why a write dated in `month` is refused (closed, or unsettled by a repair), or null. */
  refusal(month: string, action: 'record' | 'amend' | 'void'): FieldIssue | null {
    const period = this.closed(month);
    if (period) return closedMonthIssue(period, action);
    return this.unsettledMonths.has(month) ? unsettledMonthIssue(month, action) : null;
  }

  apply(event: PeriodEvent): void {
    this.unsettledMonths.delete(event.month);
    const step: PeriodStep = { action: event.type, at: event.at, actor: event.actor, reason: event.reason };
    if (event.type === 'close') step.figures = event.figures;
    const held = this.byMonth.get(event.month);
    if (held) {
      held.steps.push(step);
      held.closed = event.type === 'close';
      if (event.type === 'close') held.lastClose = step;
    } else if (event.type === 'close') {
      this.byMonth.set(event.month, { month: event.month, closed: true, lastClose: step, steps: [step] });
    }
    // A reopen of a month never closed changes nothing: the service refuses to write one.
  }

  /** The month's period if it is closed now. */
  closed(month: string): Period | undefined {
    const period = this.byMonth.get(month);
    return period?.closed ? period : undefined;
  }

  get(month: string): Period | undefined {
    return this.byMonth.get(month);
  }

  /** Every month ever closed, in calendar order. */
  all(): Period[] {
    return [...this.byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  }
}

/**
 * Why a write dated in a closed month is refused, on the B/L date field: the month, who closed it
 * and when, and how to reopen it. `action` says what was tried.
 */
export function closedMonthIssue(period: Period, action: 'record' | 'amend' | 'void'): FieldIssue {
  const { month, lastClose } = period;
  const on = closedOn(lastClose);
  const verb = { record: 'recorded', amend: 'amended', void: 'voided' }[action];
  return {
    field: 'blDate',
    code: 'blDate.month_closed',
    message:
      `${month} was closed by ${lastClose.actor} on ${on} (${lastClose.reason}), so no cargo dated in it ` +
      `can be ${verb}. A manager can reopen it: transit-ledger reopen --month ${month} --reason R.`,
    facts: { month, closedBy: lastClose.actor, date: on, reason: lastClose.reason },
  };
}

/** Why a write dated in a month whose close or reopen a repair lost is refused, and what settles it. */
export function unsettledMonthIssue(month: string, action: 'record' | 'amend' | 'void'): FieldIssue {
  const verb = { record: 'recorded', amend: 'amended', void: 'voided' }[action];
  return {
    field: 'blDate',
    code: 'blDate.month_unsettled',
    message:
      `A close or reopen of ${month} was lost when the damaged ledger file was repaired, so no cargo dated ` +
      `in it can be ${verb} until a manager closes it again (transit-ledger close --month ${month} --reason R) ` +
      `or reopens it to keep it open (transit-ledger reopen --month ${month} --reason R).`,
    facts: { month },
  };
}

/** Why a month cannot be closed twice: who closed it, when and why. */
export function alreadyClosed(period: Period): FieldIssue {
  const { month, lastClose } = period;
  const on = closedOn(lastClose);
  return {
    field: 'month',
    code: 'month.already_closed',
    message: `${month} is already closed (by ${lastClose.actor} on ${on}: ${lastClose.reason}).`,
    facts: { month, closedBy: lastClose.actor, date: on, reason: lastClose.reason },
  };
}

/**
 * A closed month's figures were reconciled against its year's transit loss allowance, so the
 * allowance of a year with a month closed now stays as it is until those months are reopened.
 * Returns why a change from `current` to `next` is refused, or null.
 */
export function allowanceLockedIssue(
  book: PeriodBook,
  year: number,
  current: number,
  next: number,
): FieldIssue | null {
  if (next === current) return null;
  const months = book
    .all()
    .filter((period) => period.closed && period.month.startsWith(`${year}-`))
    .map((period) => period.month);
  const [first] = months;
  if (first === undefined) return null;
  return {
    field: 'lossAllowancePercent',
    code: 'lossAllowancePercent.month_closed',
    message:
      `The transit loss allowance of ${year} stays ${current}% while ${months.join(', ')} ` +
      `${months.length === 1 ? 'is' : 'are'} closed: their figures were reconciled against it. ` +
      `Reopen ${months.length === 1 ? 'it' : 'them'} first (transit-ledger reopen --month ${first} --reason R).`,
    facts: { year, months: months.join(','), allowance: current },
  };
}
