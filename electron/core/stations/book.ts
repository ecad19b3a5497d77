/**
 * A ledger that is a station's: its own journal (the ledger file, read by ledger.ts as ever) and
 * the journals received from the other stations (mirror.ts), folded together (fold.ts). The own
 * journal's entries are collected as the ledger reads them; at open and after each sync the union
 * is folded afresh, and a write made here is folded in as it is appended.
 */
import fs from 'node:fs';
import type { Shipment } from '../api';
import { rejection, type LedgerEvent, type Rejection } from '../events';
import type { LedgerState } from '../state';
import { foldStations, type Conflict, type FoldResult, type RefusedEntry, type StationEntries } from './fold';
import { globalId, isStationId, mirrorPath, stationsDir } from './ids';
import { MirrorJournal } from './mirror';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

interface MirrorLoad {
  mirror: MirrorJournal;
  events: LedgerEvent[];
  size: number;
}

export type StationShipment = Shipment & { station: string | null; conflict: Conflict['kind'] | null };

export class StationBook {
  /** The station this ledger is, once its journal says so (`sync setup`). */
  station: string | null = null;
  /** The other stations' heads this station last wrote down as received (its latest `seen` line). */
  lastSeen: Record<string, number> = {};
  private readonly own: LedgerEvent[] = [];
  private readonly ownRecords = new Set<string>();
  private mirrors = new Map<string, MirrorLoad>();
  private result: FoldResult | null = null;
  private conflictOf = new Map<string, Conflict['kind']>();
  private opened = false;
  private ownThrough = 0;

  private constructor(
    readonly ledgerPath: string,
    private readonly writable: boolean,
  ) {}

  /** A ledger is a station's when the folder beside it exists (made by `sync setup`). */
  static present(ledgerPath: string): boolean {
    return fs.existsSync(stationsDir(ledgerPath));
  }

  static load(ledgerPath: string, writable: boolean): StationBook {
    const book = new StationBook(ledgerPath, writable);
    book.loadMirrors();
    return book;
  }

  private loadMirrors(): void {
    const dir = stationsDir(this.ledgerPath);
    const next = new Map<string, MirrorLoad>();
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      names = [];
    }
    for (const name of names.sort()) {
      const station = name.endsWith('.jsonl') ? name.slice(0, -'.jsonl'.length) : '';
      if (!isStationId(station)) continue;
      const events: LedgerEvent[] = [];
      const file = mirrorPath(this.ledgerPath, station);
      const mirror = MirrorJournal.open(station, file, this.writable, (event) => events.push(event));
      next.set(station, { mirror, events, size: fs.existsSync(file) ? fs.statSync(file).size : 0 });
    }
    this.mirrors = next;
  }

  mirror(station: string): MirrorJournal {
    const held = this.mirrors.get(station);
    if (held) return held.mirror;
    const mirror = MirrorJournal.open(
      station,
      mirrorPath(this.ledgerPath, station),
      this.writable,
      () => undefined,
    );
    this.mirrors.set(station, { mirror, events: [], size: 0 });
    return mirror;
  }

  /** The stations received, each with the highest entry number held. */
  heads(): Record<string, number> {
    const heads: Record<string, number> = {};
    for (const [station, { mirror }] of this.mirrors)
      if (station !== this.station && mirror.lastSeq > 0) heads[station] = mirror.lastSeq;
    return heads;
  }

  /** Entries received from the other stations, all told: a pull that brings any changes it. */
  receivedCount(): number {
    let count = 0;
    for (const seq of Object.values(this.heads())) count += seq;
    return count;
  }

  /** The station that recorded a cargo (the register's Station column), as the fold says. */
  recordedBy(id: string): string | null {
    return this.result?.recordedBy.get(id) ?? null;
  }

  /**
   * The other stations' entries folded here that this journal has not yet said it holds: written
   * as a `seen` line before this station's next entry, so that entry comes after them in every
   * station's fold. Only folded entries count, so an own entry never waits for anything.
   */
  unrecordedHeads(): Record<string, number> | null {
    if (this.station === null || !this.result) return null;
    const heads: Record<string, number> = {};
    for (const [station, seq] of Object.entries(this.result.reached))
      if (station !== this.station && seq > 0) heads[station] = seq;
    const same =
      Object.keys(heads).length === Object.keys(this.lastSeen).length &&
      Object.entries(heads).every(([station, seq]) => this.lastSeen[station] === seq);
    return same || Object.keys(heads).length === 0 ? null : heads;
  }

  /** The received journals as read here, each up to its last checked line: what a backup copies. */
  received(): { station: string; file: string; size: number; seq: number }[] {
    return [...this.mirrors.values()]
      .filter(({ mirror }) => mirror.lastSeq > 0)
      .map(({ mirror }) => ({
        station: mirror.station,
        file: mirror.file,
        size: mirror.checkedSize,
        seq: mirror.lastSeq,
      }));
  }

  /** What the received journals say is wrong with them as stored here. */
  damage(): string[] {
    return [...this.mirrors.values()].flatMap(({ mirror }) => (mirror.damage ? [mirror.damage] : []));
  }

  /**
   * The own journal's entries as the ledger reads them. Only what one journal can tell is checked
   * here (a date, an id recorded twice, an edit of a cargo no journal holds); the rest is the
   * fold's, where two stations' entries meet.
   */
  readonly apply = (event: LedgerEvent): Rejection | null => {
    if (event.type === 'station' && isStationId(event.station)) this.station ??= event.station;
    if (event.type === 'seen') this.lastSeen = event.heads;
    if (event.type === 'record') {
      if (this.ownRecords.has(event.id))
        return rejection('recorded-twice', `shipment ${event.id} is recorded twice`, { id: event.id });
      if (!DATE_SHAPE.test(event.shipment.blDate))
        return rejection('not-a-date', `its B/L date ${event.shipment.blDate} is not a calendar date`, {
          date: event.shipment.blDate,
        });
      this.ownRecords.add(event.id);
    }
    if (
      (event.type === 'amend' || event.type === 'void') &&
      event.base === undefined &&
      !this.knows(event.id)
    )
      return event.type === 'amend'
        ? rejection('amends-lost', `it amends shipment ${event.id}, whose record was lost`, { id: event.id })
        : rejection('voids-lost', `it voids shipment ${event.id}, whose record was lost`, { id: event.id });
    this.own.push(event);
    this.ownThrough = Math.max(this.ownThrough, event.seq);
    if (this.opened) this.foldLocal(event);
    return null;
  };

  private knows(id: string): boolean {
    if (this.ownRecords.has(id)) return true;
    for (const { events } of this.mirrors.values())
      if (events.some((e) => e.type === 'record' && e.id === id)) return true;
    return false;
  }

  /** Called once the own journal is read: the union folded for the first time. */
  finishOpen(ownLastSeq: number): void {
    this.ownThrough = Math.max(this.ownThrough, ownLastSeq);
    this.opened = true;
    this.refold();
  }

  /** Reads the received journals again (after a sync, or when the writer says it received some) and folds afresh. */
  reload(): void {
    this.loadMirrors();
    this.refold();
  }

  /** True when a received journal changed size since it was read: another process synced. */
  mirrorsChanged(): boolean {
    let names: string[] = [];
    try {
      names = fs.readdirSync(stationsDir(this.ledgerPath)).filter((n) => n.endsWith('.jsonl'));
    } catch {
      return false;
    }
    if (names.length !== [...this.mirrors.values()].filter((m) => m.size > 0).length) return true;
    for (const [station, load] of this.mirrors) {
      const file = mirrorPath(this.ledgerPath, station);
      const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      if (size !== load.size) return true;
    }
    return false;
  }

  private refold(): void {
    const entries: StationEntries[] = [];
    const ownId = this.station ?? '';
    if (ownId !== '') entries.push({ station: ownId, events: this.own, through: this.ownThrough });
    for (const [station, { mirror, events }] of this.mirrors) {
      if (station === ownId) continue;
      entries.push({ station, events, through: mirror.lastSeq });
    }
    // A ledger not yet named (set up but its station line unread) folds its own journal alone.
    if (ownId === '') entries.push({ station: 'LOCAL', events: this.own, through: this.ownThrough });
    this.result = foldStations(entries);
    this.conflictOf = new Map();
    for (const conflict of this.result.conflicts)
      for (const id of conflict.shipmentIds)
        if (!this.conflictOf.has(id)) this.conflictOf.set(id, conflict.kind);
  }

  /** A write made here: it names the cargo's one head, so it extends the fold; a resolution refolds. */
  private foldLocal(event: LedgerEvent): void {
    const result = this.result as FoldResult;
    const station = this.station;
    if (station === null || event.type === 'station') {
      this.refold();
      return;
    }
    if (
      (event.type === 'amend' || event.type === 'void') &&
      (event.also !== undefined || this.conflictOf.has(event.id))
    ) {
      this.refold();
      return;
    }
    const why = result.state.apply(event);
    if (why !== null) {
      this.refold();
      return;
    }
    const gid = globalId(station, event.seq);
    if (event.type === 'record') {
      result.heads.set(event.id, [gid]);
      result.recordedBy.set(event.id, station);
    } else if (event.type === 'amend' || event.type === 'void') result.heads.set(event.id, [gid]);
  }

  get state(): LedgerState {
    return (this.result as FoldResult).state;
  }

  get fold(): FoldResult {
    return this.result as FoldResult;
  }

  /** What an edit of cargo `id` written here names: the head it saw, and the other heads it resolves. */
  links(id: string): { base?: string; also?: string[] } {
    const heads = this.result?.heads.get(id);
    if (!heads || heads.length === 0 || this.station === null) return {};
    const [base, ...also] = heads as [string, ...string[]];
    return also.length > 0 ? { base, also } : { base };
  }

  conflictKind(id: string): Conflict['kind'] | null {
    return this.conflictOf.get(id) ?? null;
  }

  conflicts(): Conflict[] {
    return this.result?.conflicts ?? [];
  }

  refused(): RefusedEntry[] {
    return this.result?.refused ?? [];
  }

  decorate(shipment: Shipment): StationShipment {
    return {
      ...shipment,
      station: this.result?.recordedBy.get(shipment.id) ?? null,
      conflict: this.conflictOf.get(shipment.id) ?? null,
    };
  }
}
