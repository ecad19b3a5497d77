/**
 * The journal file: open, recover, lock, append. One JSON object per line, each chained to the
 * line before by a checksum (journal/format.ts), with the tip beside it (journal/tip.ts), so a
 * crash can tear only the last line, any other damage shows, and a file cut short shows too.
 *
 * An entry is acknowledged only after its bytes are fsynced, and recording costs one append
 * whatever the ledger's size. A damaged file is never rewritten in place: the original is copied
 * aside byte for byte, the intact entries go to a fresh file that replaces it atomically (or, when
 * only an unconfirmed write at the end is wrong, the file is cut before it), and the report names
 * every entry that could not be kept.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { RecoveryReport } from './api';
import { stated, TransitError } from './errors';
import type { ApplyEvent, EventPayload, LedgerEvent } from './events';
import { makeFolders } from './folders';
import { recoveryMessage, unsettledMonths } from './journal/describe';
import { diskFacts, diskTrouble } from './journal/disk-words';
import { GENESIS, parseLine, serialise } from './journal/format';
import { crcOfRange, forEachLine } from './journal/lines';
import { repairJournal, type RepairOutcome } from './journal/repair';
import { JournalScan, type ScanResult } from './journal/scan';
import { readTip, TipWriter, type Tip } from './journal/tip';
import { LedgerLock, lockWriter } from './lock';
import { realLedgerPath } from './journal/where';
import { readingFile } from './reading-file';

/** The disk operations a write needs, replaceable so tests can make the disk fail. */
export interface LedgerIo {
  writeSync(fd: number, buffer: Buffer): number;
  fsyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
}

const realIo: LedgerIo = {
  writeSync: (fd, buffer) => fs.writeSync(fd, buffer),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
};

export interface OpenOptions {
  apply: ApplyEvent;
  readOnly?: boolean;
  actor?: string;
  now?: () => Date;
  io?: Partial<LedgerIo>;
  /** Named in the lock file so a second process can say who holds the ledger. */
  appName?: string;
  /** Hashes every line, even those the tip's CRC vouches for: a full check (verify), not an open for use. */
  everyLine?: boolean;
}

/** Makes a directory entry durable: a new or renamed file is not safely on disk until its directory is. */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a directory for fsync.
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

interface Position {
  size: number;
  lastSeq: number;
  lastSum: string;
  entries: number;
  /** CRC-32 of the first `size` bytes, known to a writer of a journal it found intact (journal/tip.ts). */
  crc?: number;
}

/** The tip that names the end of the journal at `position`. */
function tipAt(position: Position): Tip {
  return { seq: position.lastSeq, size: position.size, sum: position.lastSum, crc: position.crc };
}

const EMPTY: Position = { size: 0, lastSeq: 0, lastSum: GENESIS, entries: 0 };

function ioError(absolute: string, error: unknown, doing: 'open' | 'create' = 'open'): TransitError {
  if (error instanceof TransitError) return error;
  return stated(
    'io',
    doing === 'open' ? 'ledger.open_failed' : 'ledger.create_failed',
    `Could not ${doing} the ledger ${absolute}: ${diskTrouble(error)}.`,
    { path: absolute, ...diskFacts(error) },
  );
}

function scanFile(
  absolute: string,
  options: OpenOptions,
): { scan: ScanResult; size: number; ino: number; crc: number | null } | null {
  const { apply, readOnly = false } = options;
  // The tip first: it is written only after the journal's bytes, so read before the size it can never lie past it.
  const tip = readTip(absolute);
  return readingFile(absolute, (fd) => {
    const stat = fs.fstatSync(fd);
    // Asked only when the end of the file looks unfinished: the lock's holder is looked up then.
    const liveWriter = () => readOnly && lockWriter(absolute) !== null;
    const scan = new JournalScan(fd, stat.size, apply, {
      tip,
      liveWriter,
      everyLine: options.everyLine,
    }).run();
    const crc = !readOnly && isClean(scan) ? cleanCrc(fd, scan, scan.inFlightAt ?? stat.size) : null;
    return { scan, size: stat.size, ino: stat.ino, crc };
  });
}

/** The CRC-32 of a journal found intact, for the writer's tip: on from what the tip vouched for. */
function cleanCrc(fd: number, scan: ScanResult, size: number): number | null {
  const from = scan.vouched ?? { size: 0, crc: 0 };
  return crcOfRange(fd, from.size, size, from.crc);
}

function isClean(scan: ScanResult): boolean {
  return scan.lost.length === 0 && scan.notes.length === 0;
}

function report(scan: ScanResult, backupPath: string | null, readOnly: boolean): RecoveryReport {
  const confirmedLost = scan.lost.reduce((sum, entry) => sum + (entry.confirmed ? entry.count : 0), 0);
  const found = {
    lost: scan.lost,
    notes: scan.notes,
    keptEntries: scan.keptEntries,
    confirmedLost,
    backupPath,
    readOnly,
  };
  return {
    backupPath,
    keptEntries: scan.keptEntries,
    lost: scan.lost,
    notes: scan.notes,
    confirmedLost,
    complete: confirmedLost === 0 && !scan.notes.some((note) => note.serious),
    message: recoveryMessage(found),
  };
}

/** A half-written repair left by a process that was stopped; if it cannot go, the next repair says why. */
function removeStoppedRepair(absolute: string): void {
  try {
    fs.rmSync(`${absolute}.repairing`, { force: true });
  } catch {
    // Not a plain file (a folder in the way): the repair, if one is needed, reports it.
  }
}

/** A journal that is missing while its tip says it held entries was deleted, not never made. */
function refuseMissingJournal(absolute: string): void {
  const tip = readTip(absolute);
  if (tip.state === 'ok' && tip.tip.seq > 0) {
    throw stated(
      'damaged',
      'ledger.missing',
      `The ledger file ${absolute} is missing, but the record beside it says it held ${tip.tip.seq} entries. ` +
        `Restore it from a backup. To start a new, empty ledger here instead, delete ${absolute}.tip.`,
      { path: absolute, entries: tip.tip.seq, tip: `${absolute}.tip` },
    );
  }
}

export class Ledger {
  readonly path: string;
  readonly readOnly: boolean;
  private recoveryReport: RecoveryReport | null;
  private fd: number | null;
  private lock: LedgerLock | null;
  private tip: TipWriter | null = null;
  private position: Position;
  private ino: number;
  private readonly actor: string;
  private readonly now: () => Date;
  private readonly io: LedgerIo;
  private readonly apply: ApplyEvent;
  private readonly appName: string;
  private failed = false;
  /** False for a ledger begun before tips until its first write here says, in the journal, that one is kept. */
  private tipKept: boolean;

  private constructor(
    filePath: string,
    options: OpenOptions,
    init: {
      fd: number | null;
      lock: LedgerLock | null;
      position: Position;
      ino: number;
      recovery: RecoveryReport | null;
      tipKept: boolean;
    },
  ) {
    this.tipKept = init.tipKept;
    this.path = filePath;
    this.readOnly = options.readOnly ?? false;
    this.fd = init.fd;
    this.lock = init.lock;
    this.position = init.position;
    this.ino = init.ino;
    this.recoveryReport = init.recovery;
    this.actor = options.actor ?? 'unknown';
    this.now = options.now ?? (() => new Date());
    this.io = { ...realIo, ...options.io };
    this.apply = options.apply;
    this.appName = options.appName ?? 'Transit Ledger';
  }

  get recovery(): RecoveryReport | null {
    return this.recoveryReport;
  }

  get entries(): number {
    return this.position.entries;
  }

  /** The last entry's number and the file's confirmed size: what a sync reads its new lines up to. */
  get lastSeq(): number {
    return this.position.lastSeq;
  }

  get confirmedSize(): number {
    return this.position.size;
  }

  /** The last entry's checksum: with its number and the confirmed size, the tip a copy of the journal gets. */
  get lastSum(): string {
    return this.position.lastSum;
  }

  /**
   * Opens (or creates) a ledger, replaying every intact entry through `options.apply`. Writable
   * opens take the lock and repair damage; read-only opens change nothing and only report it.
   */
  static open(filePath: string, options: OpenOptions): Ledger {
    const readOnly = options.readOnly ?? false;
    const absolute = realLedgerPath(filePath, !readOnly);
    let lock: LedgerLock | null = null;
    // A ledger that does not exist yet is created by its first write, so a refused first command leaves no file behind.
    if (!readOnly && fs.existsSync(absolute))
      lock = LedgerLock.acquire(absolute, options.appName ?? 'Transit Ledger');
    try {
      if (lock) removeStoppedRepair(absolute);
      const found = scanFile(absolute, options);
      if (found === null) {
        refuseMissingJournal(absolute);
        return new Ledger(absolute, options, {
          fd: null,
          lock,
          position: EMPTY,
          ino: 0,
          recovery: null,
          tipKept: true,
        });
      }
      const { scan, size, ino, crc } = found;
      const position: Position = {
        size: scan.inFlightAt ?? size,
        lastSeq: scan.lastSeq,
        lastSum: scan.lastSum,
        entries: scan.keptEntries,
        ...(crc === null ? {} : { crc }),
      };
      if (isClean(scan)) return Ledger.opened(absolute, options, lock, position, ino, null, scan.tipRequired);
      if (readOnly)
        return new Ledger(absolute, options, {
          fd: null,
          lock: null,
          position,
          ino,
          recovery: report(scan, null, true),
          tipKept: true,
        });
      const repaired = Ledger.repair(absolute, scan, options);
      // The recovery entry is folded here as every later open folds it: it says which months are unsettled.
      options.apply(repaired.note);
      return Ledger.opened(
        absolute,
        options,
        lock,
        repaired.position,
        repaired.ino,
        report(scan, repaired.backupPath, false),
        true,
        repaired.tip,
      );
    } catch (error) {
      lock?.release();
      throw ioError(absolute, error);
    }
  }

  private static opened(
    absolute: string,
    options: OpenOptions,
    lock: LedgerLock | null,
    position: Position,
    ino: number,
    recovery: RecoveryReport | null,
    tipKept: boolean,
    tip?: Tip,
  ): Ledger {
    const ledger = new Ledger(absolute, options, { fd: null, lock, position, ino, recovery, tipKept });
    if (ledger.readOnly || position.size === 0) return ledger;
    ledger.fd = fs.openSync(absolute, 'a');
    ledger.openTip(tip ?? null);
    return ledger;
  }

  /** Opens the tip beside a writable journal; a ledger from before tips gets one now. */
  private openTip(known: Tip | null): void {
    const { writer, created } = TipWriter.open(this.path);
    this.tip = writer;
    writer.write(known ?? tipAt(this.position));
    if (created) fsyncDirectory(path.dirname(this.path));
  }

  private static repair(absolute: string, scan: ScanResult, options: OpenOptions): RepairOutcome {
    const now = options.now ?? (() => new Date());
    const found = report(scan, null, false);
    const message = (backupPath: string) => report(scan, backupPath, false).message;
    return repairJournal({
      absolute,
      scan,
      now,
      actor: options.actor ?? 'unknown',
      message,
      confirmedLost: found.confirmedLost,
      unsettled: unsettledMonths(scan.lost),
    });
  }

  /**
   * Writes the header of a ledger that has no content yet: its folder, the lock, the tip, the
   * file and the folder's entry, each made durable before the first real entry is appended.
   */
  private materialise(): void {
    makeFolders(path.dirname(this.path));
    this.lock ??= LedgerLock.acquire(this.path, this.appName);
    // Another program may have created the ledger since this one opened it empty: its entries must
    // never be overwritten, so this open refuses to write until it is reopened and has read them.
    const existing = fs.existsSync(this.path) ? fs.statSync(this.path).size : 0;
    if (existing > 0) {
      this.failed = true;
      throw stated(
        'conflict',
        'ledger.started_elsewhere',
        `The ledger ${this.path} was started by another program after this one opened it. ` +
          'Nothing was recorded: close and reopen the ledger, then try again.',
        { path: this.path },
      );
    }
    refuseMissingJournal(this.path);
    // The tip comes first, saying "no entry yet": an empty journal beside it is a creation cut short, not a loss.
    const { writer } = TipWriter.open(this.path);
    this.tip = writer;
    writer.writeDurably({ seq: 0, size: 0, sum: GENESIS });
    const header = serialise(
      {
        seq: 1,
        at: this.now().toISOString(),
        actor: this.actor,
        type: 'header',
        format: 'transit-ledger',
        version: 2,
      },
      GENESIS,
    );
    const fd = fs.openSync(this.path, 'w');
    try {
      fs.writeSync(fd, header.line);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fsyncDirectory(path.dirname(this.path));
    this.fd = fs.openSync(this.path, 'a');
    this.ino = fs.fstatSync(this.fd).ino;
    const size = Buffer.byteLength(header.line);
    this.position = { size, lastSeq: 1, lastSum: header.sum, entries: 1, crc: zlib.crc32(header.line) };
    this.tipKept = true; // the version 2 header says so
    writer.write(tipAt(this.position));
  }

  /** Lines for the payloads: one entry each, or a begin/commit pair around a multi-entry write. */
  private lines(payloads: readonly EventPayload[]): {
    buffer: Buffer;
    events: LedgerEvent[];
    lines: number;
    lastSeq: number;
    lastSum: string;
  } {
    const at = this.now().toISOString();
    const batch = payloads.length > 1 ? crypto.randomUUID() : undefined;
    const framed: EventPayload[] = batch
      ? [{ type: 'begin', size: payloads.length }, ...payloads, { type: 'commit', size: payloads.length }]
      : [...payloads];
    const announce: EventPayload[] = this.tipKept ? [] : [{ type: 'tip-kept' }];
    const events: LedgerEvent[] = [];
    const parts: string[] = [];
    let prev = this.position.lastSum;
    let seq = this.position.lastSeq;
    for (const payload of [...announce, ...framed]) {
      seq += 1;
      const inBatch = batch !== undefined && payload.type !== 'tip-kept';
      const event: LedgerEvent = inBatch
        ? { seq, at, actor: this.actor, ...payload, batch }
        : { seq, at, actor: this.actor, ...payload };
      const written = serialise(event, prev);
      parts.push(written.line);
      prev = written.sum;
      if (payload.type !== 'begin' && payload.type !== 'commit' && payload.type !== 'tip-kept')
        events.push(event);
    }
    return {
      buffer: Buffer.from(parts.join(''), 'utf8'),
      events,
      lines: announce.length + framed.length,
      lastSeq: seq,
      lastSum: prev,
    };
  }

  /**
   * Writes one event, or several as one all-or-nothing batch, and returns once they are on disk.
   * If the disk refuses, the file is cut back to where it was and nothing is applied.
   */
  append(payloads: readonly EventPayload[]): LedgerEvent[] {
    if (this.readOnly)
      throw stated(
        'read_only',
        'ledger.read_only',
        'This ledger is open read-only; nothing can be written to it.',
      );
    if (this.failed)
      throw stated(
        'io',
        'ledger.failed_before',
        'An earlier save to this ledger failed and could not be undone. ' +
          'Close and reopen the ledger before writing again.',
      );
    if (payloads.length === 0) return [];
    if (this.fd === null) {
      try {
        this.materialise();
      } catch (error) {
        throw ioError(this.path, error, 'create');
      }
    }
    const fd = this.fd as number;
    this.assertSoleWriter(fd);
    const { buffer, events, lines, lastSeq, lastSum } = this.lines(payloads);
    this.write(fd, buffer);
    const before = this.position;
    this.position = { size: before.size + buffer.length, lastSeq, lastSum, entries: before.entries + lines };
    if (before.crc !== undefined) this.position.crc = zlib.crc32(buffer, before.crc);
    this.tipKept = true;
    try {
      this.tip?.write(tipAt(this.position));
    } catch {
      // The entry is already safe on disk; a tip left behind only makes the end-of-file check weaker.
    }
    for (const event of events) this.apply(event);
    return events;
  }

  /** Refuses to write when the lock was lost or another program appended: two writers would fork the chain. */
  private assertSoleWriter(fd: number): void {
    this.lock?.assertHeld();
    const size = fs.fstatSync(fd).size;
    if (size !== this.position.size) {
      this.failed = true;
      throw stated(
        'conflict',
        'ledger.written_elsewhere',
        `Another program has written to the ledger ${this.path} since it was opened here. ` +
          'Nothing was recorded: close and reopen the ledger, then try again.',
        { path: this.path },
      );
    }
  }

  private write(fd: number, buffer: Buffer): void {
    try {
      let offset = 0;
      while (offset < buffer.length)
        offset += this.io.writeSync(fd, offset === 0 ? buffer : buffer.subarray(offset));
      this.io.fsyncSync(fd);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      if (!this.rollback()) {
        // Unconfirmed bytes may remain at the end of the file; appending after them could count
        // this entry twice, so nothing more is written until a fresh open has checked the file.
        this.failed = true;
        throw stated(
          'io',
          'ledger.save_unsure',
          `Could not save to the ledger ${this.path} (${code}), and the file could not be restored. ` +
            'The entry may or may not have been recorded: close and reopen the ledger, ' +
            'and check it before entering it again.',
          { path: this.path, reason: code },
        );
      }
      throw stated(
        'io',
        'ledger.save_failed',
        `Could not save to the ledger ${this.path} (${code}). ` +
          'Nothing was recorded; free disk space or check the drive, then try again.',
        { path: this.path, reason: code },
      );
    }
  }

  /** Cuts the file back to its last acknowledged byte; false when even that failed. */
  private rollback(): boolean {
    if (this.fd === null) return true;
    try {
      this.io.ftruncateSync(this.fd, this.position.size);
    } catch {
      return false;
    }
    try {
      this.io.fsyncSync(this.fd);
    } catch {
      // The cut is already what every reader of the file sees; making it durable is a bonus here.
    }
    return true;
  }

  /**
   * For a read-only ledger: folds in what the writer appended since the last look. 'replaced'
   * means the file was swapped or shortened (a repair, a restore): the caller must reopen it.
   */
  refresh(): 'unchanged' | 'grew' | 'replaced' {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.path);
    } catch {
      return this.position.size === 0 ? 'unchanged' : 'replaced';
    }
    if (this.position.size > 0 && stat.ino !== this.ino) return 'replaced';
    if (stat.size < this.position.size) return 'replaced';
    if (stat.size === this.position.size) return 'unchanged';
    if (this.position.size === 0) return 'replaced';
    return this.readAppended(stat.size);
  }

  /** Reads whole, in-order entries past the known end; a multi-entry write is taken only once committed. */
  private readAppended(size: number): 'unchanged' | 'grew' | 'replaced' {
    const fd = fs.openSync(this.path, 'r');
    const taken: { events: LedgerEvent[]; end: number; lastSeq: number; lastSum: string; entries: number } = {
      events: [],
      end: this.position.size,
      lastSeq: this.position.lastSeq,
      lastSum: this.position.lastSum,
      entries: 0,
    };
    let pending: LedgerEvent[] = [];
    let broken = false;
    let { lastSeq, lastSum } = this.position;
    try {
      forEachLine(fd, this.position.size, size, (line) => {
        if (broken || !line.terminated) return;
        const parsed = parseLine(line.text);
        if (!parsed.ok || parsed.event.seq !== lastSeq + 1 || parsed.event.prev !== lastSum) {
          broken = true;
          return;
        }
        lastSeq = parsed.event.seq;
        lastSum = parsed.sum;
        const { prev: _prev, ...event } = parsed.event;
        pending.push(event as LedgerEvent);
        if (event.batch === undefined || event.type === 'commit') {
          taken.events.push(...pending.filter((e) => e.type !== 'begin' && e.type !== 'commit'));
          taken.entries += pending.length;
          pending = [];
          Object.assign(taken, { end: line.offset + line.bytes, lastSeq, lastSum });
        }
      });
    } finally {
      fs.closeSync(fd);
    }
    if (broken) return 'replaced';
    if (taken.entries === 0) return 'unchanged';
    for (const event of taken.events) this.apply(event);
    this.position = {
      size: taken.end,
      lastSeq: taken.lastSeq,
      lastSum: taken.lastSum,
      entries: this.position.entries + taken.entries,
    };
    return 'grew';
  }

  close(): void {
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
    }
    this.tip?.close();
    this.tip = null;
    this.lock?.release();
    this.lock = null;
  }
}
