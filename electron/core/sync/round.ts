/**
 * One sync round: pull the other stations' new entries from the _changes feed, then push this
 * station's own new entries, each as one immutable document `<station>:<seq>` carrying its
 * journal line byte for byte.
 *
 * Kill-safe at any moment: received entries are checked (checksum, number, chain) and appended
 * and fsynced to their station's journal here before the checkpoint moves past them; an entry
 * already held is recognised by its number and checksum, so a repeated round appends nothing
 * twice. Pushed documents are keyed by global id: a second push of one finds it stored (CouchDB
 * answers conflict or forbidden), compares it with its own line, and counts it as delivered.
 * Recording never waits for any of this: a round works on lines already on disk.
 */
import fs from 'node:fs';
import { parseLine } from '../journal/format';
import { forEachLine } from '../journal/lines';
import type { LedgerService } from '../service';
import type { StationBook } from '../stations/book';
import type { RefusedEntry } from '../stations/fold';
import { globalId, parseGlobalId } from '../stations/ids';
import { checkNextLine, type MirrorJournal } from '../stations/mirror';
import { writeCheckpoint, type SyncCheckpoint } from './checkpoint';
import { Couch } from './couch';
import { entryRefused, SyncFailure } from './failure';
import { ALL_DOCS, BULK_DOCS, CHANGES } from './replies';

export interface EventDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  station: string;
  seq: number;
  type: string;
  line: string;
}

export interface RoundReport {
  pushed: number;
  pulled: Record<string, number>;
  refused: RefusedEntry[];
}

export interface RoundOptions {
  /** Documents per _bulk_docs and per _changes page. */
  batch?: number;
  now?: () => Date;
}

/** No journal reaches this number (the server's guard says so too): an entry past it is no station's. */
export const MAX_SEQ = 1e9;

interface ChangeRow {
  id: string;
  deleted?: boolean;
  doc?: EventDoc;
}

function docOf(station: string, line: string): EventDoc {
  const parsed = parseLine(line);
  if (!parsed.ok) throw new Error(`own journal line cannot be read: ${parsed.code}`);
  return {
    _id: globalId(station, parsed.event.seq),
    station,
    seq: parsed.event.seq,
    type: String(parsed.event.type),
    line,
  };
}

/** The number a journal line carries, or null when it is no JSON object with one. */
function lineSeq(line: unknown): number | null {
  if (typeof line !== 'string') return null;
  try {
    const entry: unknown = JSON.parse(line);
    const seq = typeof entry === 'object' && entry !== null ? (entry as { seq?: unknown }).seq : null;
    return typeof seq === 'number' ? seq : null;
  } catch {
    return null;
  }
}

export class SyncRound {
  private readonly refused = new Map<string, string>();
  private readonly batch: number;

  constructor(
    private readonly service: LedgerService,
    private readonly book: StationBook,
    private readonly couch: Couch,
    private readonly checkpoint: SyncCheckpoint,
    private readonly options: RoundOptions = {},
  ) {
    this.batch = options.batch ?? 1000;
    for (const entry of checkpoint.refused) this.refused.set(entry.id, entry.reason);
  }

  private get station(): string {
    return this.book.station as string;
  }

  private save(): void {
    this.checkpoint.refused = [...this.refused].map(([id, reason]) => ({ id, reason }));
    writeCheckpoint(this.book.ledgerPath, this.checkpoint);
  }

  private refuse(id: string, reason: string): void {
    this.refused.set(id, reason);
  }

  async run(): Promise<RoundReport> {
    const pulled = await this.pull();
    this.book.reload();
    const pushed = await this.push();
    this.checkpoint.lastSync = (this.options.now ?? (() => new Date()))().toISOString();
    this.checkpoint.lastError = null;
    this.save();
    return { pushed, pulled, refused: this.checkpoint.refused };
  }

  // ---- push ------------------------------------------------------------------------------

  /** This station's lines past the push checkpoint, up to the journal's confirmed end. */
  private ownLinesSince(): { text: string; seq: number; sum: string; end: number }[] {
    const { path, size } = this.service.journalEnd();
    const { push } = this.checkpoint;
    const found: { text: string; seq: number; sum: string; end: number }[] = [];
    const fd = fs.openSync(path, 'r');
    try {
      let from = push.offset <= size ? push.offset : 0;
      // The checkpoint's offset must fall on the line after the one it names; a replaced file is read from its start.
      if (from > 0) {
        let fits = false;
        forEachLine(fd, from, Math.min(size, from + 1024 * 1024), (line) => {
          if (line.lineNo !== 1) return;
          const parsed = parseLine(line.text);
          fits = parsed.ok && parsed.event.prev === push.sum;
        });
        if (!fits) from = 0;
      }
      forEachLine(fd, from, size, (line) => {
        if (!line.terminated) return;
        const parsed = parseLine(line.text);
        if (!parsed.ok || parsed.event.seq <= push.seq) return;
        found.push({
          text: line.text,
          seq: parsed.event.seq,
          sum: parsed.sum,
          end: line.offset + line.bytes,
        });
      });
    } finally {
      fs.closeSync(fd);
    }
    return found;
  }

  /** How many of this station's entries the server does not have yet. */
  waiting(): number {
    return this.ownLinesSince().length;
  }

  private async push(): Promise<number> {
    const lines = this.ownLinesSince();
    let pushed = 0;
    for (let start = 0; start < lines.length; start += this.batch) {
      const chunk = lines.slice(start, start + this.batch);
      const docs = chunk.map((line) => docOf(this.station, line.text));
      const answer = await this.couch.read(BULK_DOCS, 'POST', '/_bulk_docs', { docs });
      // Every document sent has its row: a reply that leaves one out would count it as delivered.
      const rows = new Set(answer.body.map((row) => row.id));
      if (answer.body.length !== docs.length || docs.some((doc) => !rows.has(doc._id)))
        throw new SyncFailure('sync.refused.not_couch', { server: this.couch.where, status: answer.status });
      const failed = answer.body.filter((row) => row.ok !== true);
      if (failed.length > 0) await this.confirmStored(docs, failed);
      pushed += docs.length - failed.length;
      const last = chunk[chunk.length - 1] as { seq: number; sum: string; end: number };
      this.checkpoint.push = { seq: last.seq, sum: last.sum, offset: last.end };
      this.save();
    }
    return pushed;
  }

  /** Documents the server would not take: delivered already (the same line stored), or a refusal said in words. */
  private async confirmStored(
    docs: EventDoc[],
    failed: { id: string; error?: string; reason?: string }[],
  ): Promise<void> {
    const stored = await this.fetchDocs(failed.map((row) => row.id));
    for (const row of failed) {
      const mine = docs.find((doc) => doc._id === row.id) as EventDoc;
      const there = stored.get(row.id);
      if (there && there.line === mine.line) continue;
      if (there) throw new SyncFailure('sync.refused.diverged', { id: row.id });
      throw entryRefused(this.couch.where, row.id, mine.station, row.reason ?? row.error);
    }
  }

  private async fetchDocs(ids: readonly string[]): Promise<Map<string, EventDoc>> {
    const found = new Map<string, EventDoc>();
    for (let start = 0; start < ids.length; start += this.batch) {
      const keys = ids.slice(start, start + this.batch);
      const answer = await this.couch.read(ALL_DOCS, 'POST', '/_all_docs?include_docs=true', { keys });
      for (const row of answer.body.rows) if (row.doc) found.set(row.key, row.doc as unknown as EventDoc);
    }
    return found;
  }

  // ---- pull ------------------------------------------------------------------------------

  private async pull(): Promise<Record<string, number>> {
    const pulled: Record<string, number> = {};
    const asked = new Set<string>();
    for (;;) {
      const since = this.checkpoint.pull.since;
      const answer = await this.couch.read(
        CHANGES,
        'GET',
        `/_changes?since=${encodeURIComponent(since)}&limit=${this.batch}&include_docs=true`,
      );
      // A page with rows that does not move on (or moves back to a page asked already) would be asked for forever.
      asked.add(since);
      if (answer.body.results.length > 0 && asked.has(String(answer.body.last_seq)))
        throw new SyncFailure('sync.refused.not_couch', { server: this.couch.where, status: answer.status });
      const docs = new Map<string, EventDoc>();
      for (const row of answer.body.results) this.note(row as ChangeRow, docs);
      for (const [station, count] of Object.entries(await this.take(docs)))
        pulled[station] = (pulled[station] ?? 0) + count;
      this.checkpoint.pull.since = String(answer.body.last_seq);
      this.save();
      if (answer.body.results.length < this.batch) break;
    }
    return pulled;
  }

  /** One change: another station's event to take, or what the station refuses (a deletion, a stranger). */
  private note(row: ChangeRow, docs: Map<string, EventDoc>): void {
    if (row.id.startsWith('_design/')) return;
    const id = parseGlobalId(row.id);
    if (!id) {
      this.refuse(row.id, 'it is not an event of any station');
      return;
    }
    if (id.station === this.station) {
      if (row.deleted)
        this.refuse(row.id, 'this station’s own entry was deleted on the server; this station keeps it');
      return;
    }
    if (row.deleted || !row.doc || row.doc._deleted) {
      this.refuse(row.id, 'it was deleted on the server; this station keeps its copy and takes no deletion');
      return;
    }
    this.checkWritten(row.id, id, row.doc);
    const known = this.checkpoint.pull.known;
    known[id.station] = Math.max(known[id.station] ?? 0, id.seq);
    docs.set(row.id, row.doc);
  }

  /**
   * An entry no station could have written (no journal line, one of another number, a number past any
   * journal) stops the round before anything is asked or kept for it: the checkpoint stays where it was.
   * A journal line changed since it was written (its checksum wrong) is refused entry by entry, later.
   */
  private checkWritten(rowId: string, id: { station: string; seq: number }, doc: EventDoc): void {
    if (id.seq <= MAX_SEQ && lineSeq(doc.line) === id.seq) return;
    throw new SyncFailure('sync.refused.bad_entry', {
      server: this.couch.where,
      id: rowId,
      station: id.station,
    });
  }

  /** Appends to each station's journal the entries that continue its chain: those in hand, then missing ones by id. */
  private async take(docs: Map<string, EventDoc>): Promise<Record<string, number>> {
    const taken: Record<string, number> = {};
    const known = this.checkpoint.pull.known;
    for (const station of Object.keys(known).sort()) {
      if (station === this.station) continue;
      const mirror = this.book.mirror(station);
      this.checkHeld(station, mirror, docs);
      if (mirror.damage !== null) {
        this.refuse(
          `${station}:*`,
          `the copy of ${station}'s journal here is damaged (${mirror.damage}); move it aside to fetch it again`,
        );
        continue;
      }
      const target = known[station] as number;
      if (mirror.lastSeq >= target) continue;
      taken[station] = await this.takeStation(station, mirror, docs, target);
    }
    return taken;
  }

  /**
   * A station's entries up to `target`, a window of `batch` numbers at a time: the missing ones are
   * asked for by id within the window only, so a far number never makes a list of every one before it.
   */
  private async takeStation(
    station: string,
    mirror: MirrorJournal,
    docs: Map<string, EventDoc>,
    target: number,
  ): Promise<number> {
    let taken = 0;
    while (mirror.lastSeq < target) {
      const to = Math.min(target, mirror.lastSeq + this.batch);
      const missing: string[] = [];
      for (let seq = mirror.lastSeq + 1; seq <= to; seq++)
        if (!docs.has(globalId(station, seq))) missing.push(globalId(station, seq));
      if (missing.length > 0) for (const [id, doc] of await this.fetchDocs(missing)) docs.set(id, doc);
      taken += this.extend(station, mirror, docs, target);
      // The server lacks an entry in this window (or one was refused): the chain goes no further now.
      if (mirror.lastSeq < to) break;
    }
    return taken;
  }

  /** An entry held already, sent again with other content: modified on the server, refused. */
  private checkHeld(station: string, mirror: MirrorJournal, docs: Map<string, EventDoc>): void {
    for (const [id, doc] of docs) {
      const gid = parseGlobalId(id);
      if (!gid || gid.station !== station || gid.seq > mirror.lastSeq) continue;
      const parsed = typeof doc.line === 'string' ? parseLine(doc.line) : null;
      if (!parsed?.ok || parsed.sum !== mirror.sumAt(gid.seq))
        this.refuse(
          id,
          `it differs from the entry ${id} this station received before: changed on the server, refused`,
        );
    }
  }

  private extend(
    station: string,
    mirror: MirrorJournal,
    docs: Map<string, EventDoc>,
    target: number,
  ): number {
    const lines: { text: string; sum: string }[] = [];
    let lastSeq = mirror.lastSeq;
    let lastSum = mirror.lastSum;
    while (lastSeq < target) {
      const id = globalId(station, lastSeq + 1);
      const doc = docs.get(id);
      if (!doc) break;
      if (
        doc._id !== id ||
        doc.station !== station ||
        doc.seq !== lastSeq + 1 ||
        typeof doc.line !== 'string'
      ) {
        this.refuse(id, `its document does not describe entry ${id}`);
        break;
      }
      const checked = checkNextLine(doc.line, station, lastSeq, lastSum);
      if (!checked.ok) {
        this.refuse(id, `${station} could not have written it: ${checked.reason}`);
        break;
      }
      lines.push({ text: doc.line, sum: checked.sum });
      lastSeq++;
      lastSum = checked.sum;
      this.refused.delete(id);
    }
    mirror.append(lines);
    return lines.length;
  }
}

export { Couch };
