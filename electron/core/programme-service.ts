/**
 * The loading programme's part of the service: a month's programme read from the folded state, and
 * the checks a programme write passes before its entry is appended. A month that is closed keeps its
 * programme as it was closed: no nomination can be added to, cancelled in or tied by hand to a cargo
 * in it (nor a cargo tied by hand moved away from it) until the month is reopened.
 */
import type { NominationStatus, Programme, ProgrammeCargo } from './api';
import { daysInMonth } from './calendar';
import { invalid, stated, type FieldIssue } from './errors';
import type { EventPayload } from './events';
import { closedOn, isMonth } from './periods';
import {
  CANDIDATE_DAYS,
  linkCandidates,
  shiftedDate,
  monthProgramme,
  vesselMatcher,
  type MatchCargo,
} from './programme';
import type { BookNomination } from './programme-book';
import { dayOfYearIndex, planForYear } from './progress';
import { parseId, parseReason } from './requests';
import type { LedgerState } from './state';

/** A month's nominations with their states as of `asOf`, and the month against its plan. */
export function programmeOf(state: LedgerState, month: string, asOf: string): Programme {
  const book = state.programme;
  const cargoes = [...state.shipments.values()];
  const fleet = state.fleet();
  const matching = state.programmeMatching();
  const year = Number(month.slice(0, 4));
  const monthNo = Number(month.slice(5, 7));
  const days = state.daysFor(year);
  const first = dayOfYearIndex(`${month}-01`, year);
  let shippedKg = 0;
  for (let i = first; i < first + daysInMonth(year, monthNo); i++) shippedKg += days.kg[i] ?? 0;
  const nominations = book.all().filter((n) => n.month === month);
  const key = vesselMatcher(fleet);
  const near = nearLaycans(nominations, cargoes);
  return monthProgramme({
    month,
    asOf,
    closed: state.periods.closed(month) !== undefined,
    nominations,
    matching,
    planKg: planForYear(state.targetsFor(year))[monthNo - 1] ?? 0,
    shippedKg,
    candidates: (n: BookNomination, fulfilling: readonly ProgrammeCargo[]) =>
      linkCandidates(n, near, fulfilling, (name) => key(name) === key(n.vessel)),
  });
}

/** The cargoes dated within the month's laycans' reach, so each nomination's candidates look at few. */
function nearLaycans(nominations: readonly BookNomination[], cargoes: readonly MatchCargo[]): MatchCargo[] {
  if (nominations.length === 0) return [];
  const from = shiftedDate(nominations.map((n) => n.laycanFrom).sort()[0] ?? '', -CANDIDATE_DAYS);
  const to = shiftedDate(
    nominations
      .map((n) => n.laycanTo)
      .sort()
      .at(-1) ?? '',
    CANDIDATE_DAYS,
  );
  return cargoes.filter((c) => !c.voided && c.blDate >= from && c.blDate <= to);
}

/** The month of a programme query or write: `YYYY-MM`, a year the ledger knows. */
export function programmeMonth(value: unknown): string {
  const month = typeof value === 'string' ? value.trim() : '';
  if (!isMonth(month))
    throw invalid([
      {
        field: 'month',
        code: 'month.invalid',
        message: `"${month}" is not a month; write it as YYYY-MM.`,
        facts: { value: month },
      },
    ]);
  return month;
}

/** Refuses a change to a closed month's programme, naming who closed it and how to reopen it. */
export function refuseClosedProgramme(state: LedgerState, month: string): void {
  if (state.periods.unsettled(month)) {
    const message =
      `A close or reopen of ${month} was lost when the damaged ledger file was repaired, so its programme ` +
      `cannot change until a manager closes the month again or reopens it (transit-ledger close|reopen ` +
      `--month ${month} --reason R).`;
    throw invalid([{ field: 'month', code: 'programme.month_held', message, facts: { month } }]);
  }
  const closed = state.periods.closed(month);
  if (!closed) return;
  const { lastClose } = closed;
  const on = closedOn(lastClose);
  const issue: FieldIssue = {
    field: 'month',
    code: 'programme.month_closed',
    message:
      `${month} was closed by ${lastClose.actor} on ${on} (${lastClose.reason}), so its programme cannot ` +
      `change. A manager can reopen it: transit-ledger reopen --month ${month} --reason R.`,
    facts: { month, closedBy: lastClose.actor, date: on, reason: lastClose.reason },
  };
  throw invalid([issue]);
}

function nominationOrThrow(state: LedgerState, rawId: unknown): BookNomination {
  const id = typeof rawId === 'string' ? rawId.trim() : '';
  const held = state.programme.get(id);
  if (!held)
    throw stated(
      'not_found',
      'nomination.not_found',
      `There is no nomination ${id} in this ledger.`,
      { id },
      'id',
    );
  if (held.cancelled)
    throw stated(
      'conflict',
      'nomination.cancelled',
      `Nomination ${id} is cancelled (${held.cancelReason ?? ''}).`,
      {
        id,
        reason: held.cancelReason ?? '',
      },
    );
  return held;
}

/** The entry cancelling a nomination, once it is known, live and in an open month, with a reason. */
export function cancelEntry(state: LedgerState, request: { id?: unknown; reason?: unknown }): EventPayload {
  const held = nominationOrThrow(state, request.id);
  const reason = parseReason(request.reason, true) as string;
  refuseClosedProgramme(state, held.month);
  return { type: 'nomination-cancel', id: held.id, reason };
}

/**
 * What a person is asked before a cargo is tied by hand to a nomination it would not match: another
 * tanker's cargo, or one dated outside the laycan. Refusals until confirmed (`force`).
 */
function linkQuestions(state: LedgerState, nomination: BookNomination, cargo: MatchCargo): FieldIssue[] {
  const key = vesselMatcher(state.fleet());
  const questions: FieldIssue[] = [];
  if (key(cargo.vessel) !== key(nomination.vessel))
    questions.push({
      field: 'cargo',
      code: 'nomination.other_vessel',
      message:
        `Cargo ${cargo.blNumber ?? cargo.id} was loaded by ${cargo.vessel}, not ${nomination.vessel}, ` +
        'the tanker nominated. Check the cargo; if it is right, confirm it.',
      overridable: true,
      facts: { vessel: cargo.vessel, nominated: nomination.vessel },
    });
  const { laycanFrom: from, laycanTo: to } = nomination;
  if (cargo.blDate < from || cargo.blDate > to)
    questions.push({
      field: 'cargo',
      code: 'nomination.outside_laycan',
      message:
        `Cargo ${cargo.blNumber ?? cargo.id} is dated ${cargo.blDate}, outside the laycan ${from}..${to}. ` +
        'Check the cargo; if it is right, confirm it.',
      overridable: true,
      facts: { blDate: cargo.blDate, from, to },
    });
  return questions;
}

/** The entry tying a cargo to a nomination by hand (or keeping it from one). */
export function linkEntry(
  state: LedgerState,
  request: { id?: unknown; cargo?: unknown; linked?: unknown },
  force = false,
): { entry: EventPayload; month: string } {
  const held = nominationOrThrow(state, request.id);
  const cargoId = parseId(request.cargo);
  const cargo = state.shipments.get(cargoId);
  if (!cargo || cargo.voided)
    throw stated('not_found', 'shipment.not_found', `There is no live shipment with id ${cargoId}.`, {
      id: cargoId,
    });
  if (typeof request.linked !== 'boolean')
    throw invalid([{ field: 'linked', code: 'linked.type', message: 'linked must be true or false.' }]);
  refuseClosedProgramme(state, held.month);
  const before = state.programme.handLinks.get(cargoId);
  const moved = before === undefined || before === held.id ? undefined : state.programme.get(before);
  if (moved && request.linked) refuseClosedProgramme(state, moved.month);
  // A cargo that fulfilled a closed month's nomination at its close stays with it until a reopen.
  const frozen = state.programme.frozenHolder(cargoId);
  if (frozen && frozen.id !== held.id && request.linked) refuseClosedProgramme(state, frozen.month);
  const questions = request.linked ? linkQuestions(state, held, cargo) : [];
  if (questions.length > 0 && !force) throw invalid(questions);
  return {
    entry: { type: 'nomination-link', id: held.id, cargo: cargoId, linked: request.linked },
    month: held.month,
  };
}

/** A nomination's tonnes, for the command line's one-line answers. */
export function findStatus(programme: Programme, id: string): NominationStatus | undefined {
  return programme.nominations.find((n) => n.id === id);
}
