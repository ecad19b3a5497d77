/**
 * The loading programme (issue 12 part 4): which recorded cargo fulfils which nomination, each
 * nomination's state as of a day, and a month's shipped + still nominated tonnes against its plan.
 *
 * Matching. A cargo tied to a nomination by hand fulfils it, whatever its vessel or date. Any other
 * live cargo fulfils a live nomination of the same tanker (the fleet's matching: `ASTANA`, `Астана`
 * and Astana are one) whose laycan holds its B/L date, both days included, unless a person kept the
 * two apart. One cargo fulfils at most one nomination. Cargoes are taken in B/L date order (then B/L
 * number, then id); each goes to a nomination that has no cargo yet if there is one, else joins one
 * already loaded (a second bill of lading of the same loading); among those, the laycan that ends
 * first, then the one that begins first, then the nomination's id. Every station holding the same
 * entries computes the same matching. A laycan that runs past a month end belongs to the month it
 * was nominated in.
 *
 * Pure: no Node, so the renderer may import it.
 */
import type { NominationState, NominationStatus, Programme, ProgrammeCargo } from './api';
import { addCalendarDays, formatIsoDate, parseIsoDate } from './calendar';
import { matchVessel, vesselKey, type FleetVessel } from './fleet';
import { pairKey, type BookNomination } from './programme-book';

/** What matching needs of a cargo. */
export interface MatchCargo {
  id: string;
  blDate: string;
  blNumber: string | null;
  vessel: string;
  netKg: number;
  voided: boolean;
}

export interface MatchInput {
  nominations: readonly BookNomination[];
  cargoes: Iterable<MatchCargo>;
  fleet: readonly FleetVessel[];
  handLinks: ReadonlyMap<string, string>;
  keptApart: ReadonlySet<string>;
  /** Closed months' matching as their close saw it (programme-book.ts); none when omitted. */
  frozen?: ReadonlyMap<string, ReadonlyMap<string, readonly ProgrammeCargo[]>>;
}

/** Nomination id → the cargoes that fulfil it, in B/L date order. */
export type Matching = Map<string, ProgrammeCargo[]>;

/** A vessel name as one key for every spelling the fleet knows; an unknown name by its letters. */
export function vesselMatcher(fleet: readonly FleetVessel[]): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let key = known.get(name);
    if (key === undefined) {
      const match = matchVessel(fleet, name);
      key = match.known ? `fleet:${match.vessel.id}` : `name:${vesselKey(name)}`;
      known.set(name, key);
    }
    return key;
  };
}

function cargoOf(cargo: MatchCargo, byHand: boolean): ProgrammeCargo {
  const { id, blDate, blNumber, vessel, netKg } = cargo;
  return { id, blDate, blNumber, vessel, netKg, byHand };
}

function byCargoOrder(a: Omit<MatchCargo, 'voided'>, b: Omit<MatchCargo, 'voided'>): number {
  if (a.blDate !== b.blDate) return a.blDate < b.blDate ? -1 : 1;
  const numbers = (a.blNumber ?? '').localeCompare(b.blNumber ?? '');
  return numbers !== 0 ? numbers : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byLaycanEnd(a: BookNomination, b: BookNomination): number {
  if (a.laycanTo !== b.laycanTo) return a.laycanTo < b.laycanTo ? -1 : 1;
  if (a.laycanFrom !== b.laycanFrom) return a.laycanFrom < b.laycanFrom ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The nomination a cargo goes to among those of its tanker whose laycan holds its date, or null. */
function chooseFor(
  cargo: MatchCargo,
  sameVessel: readonly BookNomination[],
  input: MatchInput,
  matched: Matching,
) {
  const holding = sameVessel.filter(
    (n) =>
      n.laycanFrom <= cargo.blDate &&
      cargo.blDate <= n.laycanTo &&
      !input.keptApart.has(pairKey(n.id, cargo.id)),
  );
  return holding.find((n) => (matched.get(n.id) ?? []).length === 0) ?? holding[0] ?? null;
}

/**
 * Which cargo fulfils which live nomination (see the module's comment for the rule). A closed month's
 * nominations keep the cargoes they had at its close, and those cargoes fulfil nothing else.
 */
export function matchProgramme(input: MatchInput): Matching {
  const frozen = input.frozen ?? new Map<string, ReadonlyMap<string, readonly ProgrammeCargo[]>>();
  const held = new Set<string>();
  const kept: Matching = new Map();
  for (const month of frozen.values())
    for (const [id, cargoes] of month) {
      kept.set(id, [...cargoes]);
      for (const c of cargoes) held.add(c.id);
    }
  const open = input.nominations.filter((n) => !frozen.has(n.month));
  const matched = matchOpen({ ...input, nominations: open }, held);
  for (const n of input.nominations) if (frozen.has(n.month)) matched.set(n.id, kept.get(n.id) ?? []);
  return matched;
}

function matchOpen(input: MatchInput, held: ReadonlySet<string>): Matching {
  const live = input.nominations.filter((n) => !n.cancelled).sort(byLaycanEnd);
  const matched: Matching = new Map(live.map((n) => [n.id, []]));
  if (live.length === 0) return matched;
  const key = vesselMatcher(input.fleet);
  const byVessel = new Map<string, BookNomination[]>();
  for (const n of live) byVessel.set(key(n.vessel), [...(byVessel.get(key(n.vessel)) ?? []), n]);
  const first = live.reduce((min, n) => (n.laycanFrom < min ? n.laycanFrom : min), live[0]?.laycanFrom ?? '');
  const last = live.reduce((max, n) => (n.laycanTo > max ? n.laycanTo : max), '');
  const waiting: MatchCargo[] = [];
  for (const cargo of input.cargoes) {
    if (cargo.voided || held.has(cargo.id)) continue;
    const tied = input.handLinks.get(cargo.id);
    if (tied !== undefined && matched.has(tied)) matched.get(tied)?.push(cargoOf(cargo, true));
    else if (cargo.blDate >= first && cargo.blDate <= last) waiting.push(cargo);
  }
  for (const cargo of waiting.sort(byCargoOrder)) {
    const chosen = chooseFor(cargo, byVessel.get(key(cargo.vessel)) ?? [], input, matched);
    if (chosen) matched.get(chosen.id)?.push(cargoOf(cargo, false));
  }
  for (const cargoes of matched.values()) cargoes.sort(byCargoOrder);
  return matched;
}

/** loaded once a cargo fulfils it; else open while its laycan is not over as of `asOf`, missed after. */
export function nominationState(nomination: BookNomination, cargoes: readonly unknown[], asOf: string) {
  if (nomination.cancelled) return 'cancelled' satisfies NominationState;
  if (cargoes.length > 0) return 'loaded' satisfies NominationState;
  return asOf > nomination.laycanTo ? 'missed' : 'open';
}

/** How many days either side of a laycan a cargo is offered for tying by hand. */
export const CANDIDATE_DAYS = 10;
const MAX_CANDIDATES = 12;

/** Days since 1970 of a `YYYY-MM-DD` date. */
function dayNumber(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

/** A `YYYY-MM-DD` date moved by a number of days. */
export function shiftedDate(date: string, days: number): string {
  const parsed = parseIsoDate(date);
  return parsed === null ? date : formatIsoDate(addCalendarDays(parsed, days));
}

/**
 * Live cargoes a person may tie to the nomination by hand: dated within CANDIDATE_DAYS of its laycan,
 * not already fulfilling it; its own tanker's first, then by distance from the laycan.
 */
export function linkCandidates(
  nomination: BookNomination,
  cargoes: readonly MatchCargo[],
  fulfilling: readonly ProgrammeCargo[],
  sameVessel: (name: string) => boolean,
): ProgrammeCargo[] {
  const from = shiftedDate(nomination.laycanFrom, -CANDIDATE_DAYS);
  const to = shiftedDate(nomination.laycanTo, CANDIDATE_DAYS);
  const taken = new Set(fulfilling.map((c) => c.id));
  const start = dayNumber(nomination.laycanFrom);
  const end = dayNumber(nomination.laycanTo);
  // Days outside the laycan: 0 within it.
  const distance = (date: string) => Math.max(0, start - dayNumber(date), dayNumber(date) - end);
  return cargoes
    .filter((c) => !c.voided && c.blDate >= from && c.blDate <= to && !taken.has(c.id))
    .map((c) => ({ cargo: c, own: sameVessel(c.vessel) }))
    .sort(
      (a, b) =>
        Number(b.own) - Number(a.own) ||
        distance(a.cargo.blDate) - distance(b.cargo.blDate) ||
        byCargoOrder(a.cargo, b.cargo),
    )
    .slice(0, MAX_CANDIDATES)
    .map(({ cargo }) => cargoOf(cargo, false));
}

export interface MonthInput {
  month: string;
  asOf: string;
  closed: boolean;
  /** The month's nominations, cancelled ones too. */
  nominations: readonly BookNomination[];
  matching: Matching;
  planKg: number;
  shippedKg: number;
  candidates: (nomination: BookNomination, fulfilling: readonly ProgrammeCargo[]) => ProgrammeCargo[];
}

function byLaycan(a: NominationStatus, b: NominationStatus): number {
  const cancelled = Number(a.state === 'cancelled') - Number(b.state === 'cancelled');
  if (cancelled !== 0) return cancelled;
  if (a.laycanFrom !== b.laycanFrom) return a.laycanFrom < b.laycanFrom ? -1 : 1;
  return a.vessel.localeCompare(b.vessel) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A month's programme: each nomination with its state and cargoes, and the month against its plan. */
export function monthProgramme(input: MonthInput): Programme {
  const nominations = input.nominations.map((n): NominationStatus => {
    const cargoes = input.matching.get(n.id) ?? [];
    return {
      id: n.id,
      month: n.month,
      vessel: n.vessel,
      laycanFrom: n.laycanFrom,
      laycanTo: n.laycanTo,
      tonnesKg: n.tonnesKg,
      nominatedAt: n.nominatedAt,
      nominatedBy: n.nominatedBy,
      cancelReason: n.cancelReason,
      state: nominationState(n, cargoes, input.asOf),
      cargoes,
      loadedKg: cargoes.reduce((sum, c) => sum + c.netKg, 0),
      candidates: n.cancelled ? [] : input.candidates(n, cargoes),
    };
  });
  nominations.sort(byLaycan);
  const sum = (states: NominationState[]) =>
    nominations.filter((n) => states.includes(n.state)).reduce((total, n) => total + n.tonnesKg, 0);
  const nominatedKg = sum(['open']);
  const outlookKg = input.shippedKg + nominatedKg;
  return {
    month: input.month,
    asOf: input.asOf,
    closed: input.closed,
    nominations,
    planKg: input.planKg,
    shippedKg: input.shippedKg,
    nominatedKg,
    programmeKg: sum(['open', 'loaded', 'missed']),
    outlookKg,
    gapKg: input.planKg - outlookKg,
  };
}
