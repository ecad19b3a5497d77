/**
 * The fold of every station's journal into one present, the same at every station that holds the
 * same entries, whatever order they arrived in.
 *
 * Order: causal first, ties by global id. An entry comes after the entry before it in its own
 * journal, after its base (and the versions it resolves), and after every entry its station had
 * received when it wrote it (the `seen` lines); among the entries whose causes are all folded, the
 * smallest global id (station id, then number) goes first. An entry whose causes have not arrived
 * waits, and so does the rest of its station's journal behind it.
 *
 * Conflicts: the edits of a cargo form a graph through their bases. Its heads are the edits no
 * other edit names; two heads are a fork. While a fork is open the cargo counts, everywhere, as
 * its last agreed version (the entries every head descends from, folded in the order above);
 * the competing versions are shown beside it, and an amend or void naming every head resolves it.
 * A B/L number held by two live cargoes is a duplicate-bl conflict; both count as recorded until
 * a person voids one.
 */
import type { Conflict, ConflictVersion, Shipment } from '../api';

export type { Conflict, ConflictVersion };
import type { LedgerEvent } from '../events';
import { normaliseBlNumber } from '../shipment';
import { LedgerState } from '../state';
import { compareGlobal, globalId, parseGlobalId } from './ids';

/** One station's entries, in its journal's order, and the highest number its journal is complete to. */
export interface StationEntries {
  station: string;
  events: readonly LedgerEvent[];
  through: number;
}

type CargoEvent = Extract<LedgerEvent, { type: 'record' | 'amend' | 'void' }>;

interface Folded {
  gid: string;
  station: string;
  event: LedgerEvent;
  /** Position in the fold order. */
  index: number;
}

interface Cargo {
  station: string;
  record: Folded;
  events: Folded[];
  parents: Map<string, string[]>;
  named: Set<string>;
}

export interface RefusedEntry {
  id: string;
  reason: string;
}

export interface FoldResult {
  state: LedgerState;
  conflicts: Conflict[];
  /** Cargo id → its heads' global ids (one unless forked). */
  heads: Map<string, string[]>;
  /** Cargo id → the station that recorded it. */
  recordedBy: Map<string, string>;
  /** Entries held whose causes have not arrived: not folded yet. */
  waiting: number;
  /** Per station, the number up to which its journal is folded. */
  reached: Record<string, number>;
  refused: RefusedEntry[];
  /** Global id → entry, for history. */
  cargoEvents: Map<string, Folded[]>;
}

function causes(station: string, event: LedgerEvent): { station: string; seq: number }[] {
  const found: { station: string; seq: number }[] = [];
  if ((event.type === 'amend' || event.type === 'void') && event.base !== undefined)
    for (const link of [event.base, ...(event.also ?? [])]) {
      const id = parseGlobalId(link);
      if (id && id.station !== station) found.push(id);
    }
  if (event.type === 'seen')
    for (const [other, seq] of Object.entries(event.heads))
      if (other !== station) found.push({ station: other, seq });
  return found;
}

/** The fold order: a merge of the stations' journals, each entry once its causes are in, smallest global id first. */
export function foldOrder(stations: readonly StationEntries[]): {
  order: Folded[];
  waiting: number;
  reached: Record<string, number>;
} {
  const sorted = [...stations].sort((a, b) => (a.station < b.station ? -1 : a.station > b.station ? 1 : 0));
  const at = new Map<string, number>(sorted.map((s) => [s.station, 0]));
  const bySt = new Map(sorted.map((s) => [s.station, s]));
  // Entries of a station known to be in: all below its next entry, or its whole journal once done.
  const covered = (station: string): number => {
    const s = bySt.get(station);
    if (!s) return 0;
    const next = s.events[at.get(station) as number];
    return next ? next.seq - 1 : s.through;
  };
  const order: Folded[] = [];
  const total = sorted.reduce((sum, s) => sum + s.events.length, 0);
  for (;;) {
    let took = false;
    for (const s of sorted) {
      const i = at.get(s.station) as number;
      const event = s.events[i];
      if (!event) continue;
      if (!causes(s.station, event).every((c) => covered(c.station) >= c.seq)) continue;
      order.push({ gid: globalId(s.station, event.seq), station: s.station, event, index: order.length });
      at.set(s.station, i + 1);
      took = true;
      break;
    }
    if (!took) break;
  }
  const reached: Record<string, number> = {};
  for (const s of sorted) reached[s.station] = covered(s.station);
  return { order, waiting: total - order.length, reached };
}

function asCargoEvent(event: LedgerEvent): CargoEvent | null {
  return event.type === 'record' || event.type === 'amend' || event.type === 'void' ? event : null;
}

/** The graph of each cargo's edits; an edit that cannot belong to it is refused. */
function cargoGraph(order: readonly Folded[], refused: RefusedEntry[]): Map<string, Cargo> {
  const cargoes = new Map<string, Cargo>();
  const lastByStation = new Map<string, string>();
  for (const folded of order) {
    const event = asCargoEvent(folded.event);
    if (!event) continue;
    if (event.type === 'record') {
      const held = cargoes.get(event.id);
      if (held) {
        refused.push({
          id: folded.gid,
          reason: `cargo ${event.id} was already recorded by ${held.record.gid}`,
        });
        continue;
      }
      cargoes.set(event.id, {
        station: folded.station,
        record: folded,
        events: [folded],
        parents: new Map(),
        named: new Set(),
      });
      lastByStation.set(`${folded.station}|${event.id}`, folded.gid);
      continue;
    }
    const cargo = cargoes.get(event.id);
    if (!cargo) {
      refused.push({ id: folded.gid, reason: `it edits cargo ${event.id}, which no station recorded` });
      continue;
    }
    // Written before the ledger was a station's: its base is the cargo's entry before it in the same journal.
    const parents =
      event.base === undefined
        ? [lastByStation.get(`${folded.station}|${event.id}`) ?? cargo.record.gid]
        : [event.base, ...(event.also ?? [])];
    const known = new Set(cargo.events.map((e) => e.gid));
    const stranger = parents.find((p) => !known.has(p));
    if (stranger !== undefined) {
      refused.push({ id: folded.gid, reason: `its base ${stranger} is not an entry of cargo ${event.id}` });
      continue;
    }
    cargo.events.push(folded);
    cargo.parents.set(folded.gid, parents);
    for (const p of parents) cargo.named.add(p);
    lastByStation.set(`${folded.station}|${event.id}`, folded.gid);
  }
  return cargoes;
}

function ancestors(cargo: Cargo, head: string): Set<string> {
  const seen = new Set<string>([head]);
  const stack = [head];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    for (const p of cargo.parents.get(at) ?? [])
      if (!seen.has(p)) {
        seen.add(p);
        stack.push(p);
      }
  }
  return seen;
}

/** A cargo as the entries in `members` leave it, folded in order. */
function versionOf(cargo: Cargo, members: Set<string>): LedgerState {
  const state = new LedgerState(true);
  for (const folded of cargo.events) if (members.has(folded.gid)) state.apply(folded.event);
  return state;
}

export function foldStations(stations: readonly StationEntries[]): FoldResult {
  const { order, waiting, reached } = foldOrder(stations);
  const refused: RefusedEntry[] = [];
  const cargoes = cargoGraph(order, refused);
  const heads = new Map<string, string[]>();
  const recordedBy = new Map<string, string>();
  const agreed = new Map<string, Set<string> | null>();
  const forks: { id: string; cargo: Cargo; heads: string[]; agreed: Set<string> }[] = [];
  for (const [id, cargo] of cargoes) {
    recordedBy.set(id, cargo.station);
    const own = cargo.events.filter((e) => !cargo.named.has(e.gid)).map((e) => e.gid);
    heads.set(id, own);
    if (own.length === 1) {
      agreed.set(id, null);
      continue;
    }
    const sets = own.map((h) => ancestors(cargo, h));
    const common = new Set([...(sets[0] as Set<string>)].filter((gid) => sets.every((s) => s.has(gid))));
    agreed.set(id, common);
    forks.push({ id, cargo, heads: own, agreed: common });
  }
  const state = new LedgerState(true);
  const inCargo = new Set<string>();
  for (const cargo of cargoes.values()) for (const e of cargo.events) inCargo.add(e.gid);
  for (const folded of order) {
    const event = folded.event;
    const cargoEvent = asCargoEvent(event);
    if (cargoEvent) {
      if (!inCargo.has(folded.gid)) continue;
      const members = agreed.get(cargoEvent.id);
      if (members && !members.has(folded.gid)) continue;
    }
    const why = state.apply(event);
    if (why !== null) refused.push({ id: folded.gid, reason: why.message });
  }
  const conflicts: Conflict[] = forks.map((fork) => forkConflict(fork, state));
  conflicts.push(...duplicateBlNumbers(state, cargoes));
  const cargoEvents = new Map<string, Folded[]>();
  for (const [id, cargo] of cargoes) cargoEvents.set(id, cargo.events);
  return { state, conflicts, heads, recordedBy, waiting, reached, refused, cargoEvents };
}

function versionEntry(cargo: Cargo, gid: string, state: LedgerState, id: string): ConflictVersion {
  const folded = cargo.events.find((e) => e.gid === gid) as Folded;
  const event = folded.event as CargoEvent;
  return {
    eventId: gid,
    station: folded.station,
    action: event.type,
    at: event.at,
    actor: event.actor,
    reason: event.type === 'record' ? null : event.reason,
    shipment: { ...(state.shipments.get(id) as Shipment) },
  };
}

function forkConflict(fork: { id: string; cargo: Cargo; heads: string[] }, state: LedgerState): Conflict {
  const { id, cargo } = fork;
  const versions = fork.heads.map((head) =>
    versionEntry(cargo, head, versionOf(cargo, ancestors(cargo, head)), id),
  );
  const shown = state.shipments.get(id) as Shipment;
  return {
    kind: 'fork',
    shipmentId: id,
    shipmentIds: [id],
    blNumber: shown.blNumber,
    shown: [{ ...shown }],
    versions,
  };
}

function duplicateBlNumbers(state: LedgerState, cargoes: Map<string, Cargo>): Conflict[] {
  const byNumber = new Map<string, Shipment[]>();
  for (const shipment of state.shipments.values()) {
    if (shipment.voided || shipment.blNumber === null) continue;
    const key = normaliseBlNumber(shipment.blNumber);
    const held = byNumber.get(key);
    if (held) held.push(shipment);
    else byNumber.set(key, [shipment]);
  }
  const found: Conflict[] = [];
  for (const holders of byNumber.values()) {
    if (holders.length < 2) continue;
    const ordered = holders
      .map((s) => ({ s, cargo: cargoes.get(s.id) as Cargo }))
      .sort((a, b) => a.cargo.record.index - b.cargo.record.index);
    found.push({
      kind: 'duplicate-bl',
      shipmentId: ordered[0]?.s.id as string,
      shipmentIds: ordered.map((o) => o.s.id),
      blNumber: ordered[0]?.s.blNumber ?? null,
      shown: ordered.map((o) => ({ ...o.s })),
      versions: ordered.map(({ s, cargo }) => {
        const last = cargo.events.filter((e) => !cargo.named.has(e.gid))[0] ?? cargo.record;
        return versionEntry(cargo, last.gid, state, s.id);
      }),
    });
  }
  return found.sort((a, b) => compareIds(a.shipmentId, b.shipmentId));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { compareGlobal };
