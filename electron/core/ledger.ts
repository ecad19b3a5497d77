/**
 * The journal file: open, recover, lock, append. One JSON object per line, each chained to the
 * line before by a checksum, so a crash can tear only the last line and any other damage shows.
 *
 * An entry is acknowledged only after its bytes are fsynced, and recording costs one append
 * whatever the ledger's size. A damaged file is never rewritten in place: the original is copied
 * aside byte for byte, the intact entries go to a fresh file that replaces it atomically, and the
 * report names every entry that could not be kept.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LostEntry, RecoveryReport } from './api';
import { TransitError } from './errors';
import type { ApplyEvent, EventPayload, LedgerEvent } from './events';
import { LedgerLock } from './lock';

const SUM_LENGTH = 16;
const SUM_PREFIX = ',"sum":"';
// `,"sum":"` + 16 hex + `"}`: the fixed tail every line ends with.
const SUM_SUFFIX_LENGTH = SUM_PREFIX.length + SUM_LENGTH + 2;
const GENESIS = '0'.repeat(SUM_LENGTH);

// One-shot hashing (Node ≥ 20.12) costs half of createHash per line, which matters on open at 100,000 lines.
const hashOnce = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;

function checksum(body: string): string {
  const digest = hashOnce ? hashOnce('sha256', body) : crypto.createHash('sha256').update(body).digest('hex');
  return digest.slice(0, SUM_LENGTH);
}

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
}

interface StoredLine {
  event: LedgerEvent & { prev?: string };
  lineNo: number;
}

/** Makes a directory entry durable: a new or renamed file is not safely on disk until its directory is. */
function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a directory for fsync.
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function serialise(meta: Omit<LedgerEvent, keyof EventPayload> & EventPayload, prev: string): { line: string; sum: string } {
  const body = JSON.stringify({ ...meta, prev });
  const sum = checksum(body);
  return { line: `${body.slice(0, -1)}${SUM_PREFIX}${sum}"}\n`, sum };
}

function describeLine(text: string): string {
  try {
    const event = JSON.parse(text) as Partial<LedgerEvent> & { shipment?: { vessel?: string; blDate?: string; netKg?: number; blNumber?: string } };
    if (event.type === 'record' && event.shipment) {
      const s = event.shipment;
      const tonnes = typeof s.netKg === 'number' ? `${s.netKg / 1000} t` : '? t';
      return `record of ${s.vessel ?? '?'}, B/L ${s.blNumber ?? '(no number)'} dated ${s.blDate ?? '?'}, ${tonnes}`;
    }
    if (typeof event.type === 'string') return `${event.type} entry${event.seq ? ` #${event.seq}` : ''}`;
  } catch {
    // Not JSON any more (a flipped quote, a torn tail): read what can still be read below.
  }
  return describeDamagedText(text);
}

/**
 * A clerk re-enters a lost cargo from its bill of lading, so a line that no longer parses is
 * still described by the fields that survive in its text, rather than as raw JSON.
 */
function describeDamagedText(text: string): string {
  const quoted = (name: string) => new RegExp(`"${name}":"([^"\\\\]{0,200})"`).exec(text)?.[1];
  const numeric = (name: string) => new RegExp(`"${name}":(\\d{1,16})[,}]`).exec(text)?.[1];
  const vessel = quoted('vessel');
  const blNumber = quoted('blNumber');
  const blDate = quoted('blDate');
  const netKg = numeric('netKg');
  const seq = numeric('seq');
  if (vessel !== undefined || blNumber !== undefined || blDate !== undefined || netKg !== undefined) {
    const tonnes = netKg === undefined ? '? t' : `${Number(netKg) / 1000} t`;
    return `record of ${vessel ?? '?'}, B/L ${blNumber ?? '(no number)'} dated ${blDate ?? '?'}, ${tonnes} (as far as the damaged line can be read)`;
  }
  const type = /"type":"(\w{1,20})"/.exec(text)?.[1];
  if (type !== undefined || seq !== undefined) return `${type ?? 'an'} entry${seq !== undefined ? ` #${seq}` : ''} (its details cannot be read)`;
  const excerpt = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  return excerpt.length > 0 ? excerpt : '(empty)';
}

interface ReadResult {
  accepted: StoredLine[];
  lost: LostEntry[];
  /** True when the file needs rewriting even with nothing lost (a chain break, a missing newline). */
  needsRepair: boolean;
  lastSeq: number;
  lastSum: string;
}

function readJournal(text: string, apply: ApplyEvent): ReadResult {
  const lines = text.split('\n');
  const endsClean = text.length === 0 || text.endsWith('\n');
  if (endsClean) lines.pop();
  const accepted: StoredLine[] = [];
  const lost: LostEntry[] = [];
  let needsRepair = !endsClean;
  let lastSeq = 0;
  let lastSum = GENESIS;
  let pending: StoredLine[] = [];
  let pendingBatch: { id: string; size: number } | null = null;
  let previousIntact = true;

  const loseBatch = (reason: string) => {
    for (const stored of pending) lost.push({ line: stored.lineNo, reason, excerpt: describeLine(JSON.stringify(stored.event)) });
    pending = [];
    pendingBatch = null;
  };
  const commit = (stored: StoredLine) => {
    const rejection = apply(stored.event);
    if (rejection) {
      lost.push({ line: stored.lineNo, reason: rejection, excerpt: describeLine(JSON.stringify(stored.event)) });
      needsRepair = true;
    } else {
      accepted.push(stored);
    }
  };

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    // An editor may have added a BOM or turned line ends into CRLF: harmless, but the file is rewritten clean.
    if (i === 0 && line.charCodeAt(0) === 0xfeff) {
      line = line.slice(1);
      needsRepair = true;
    }
    if (line.endsWith('\r')) {
      line = line.slice(0, -1);
      needsRepair = true;
    }
    const lineNo = i + 1;
    const isLast = i === lines.length - 1;
    const sum = line.slice(-SUM_LENGTH - 2, -2);
    const wellFormed =
      line.length > SUM_SUFFIX_LENGTH &&
      line.endsWith('"}') &&
      line.slice(-SUM_SUFFIX_LENGTH, -SUM_LENGTH - 2) === SUM_PREFIX;
    const body = wellFormed ? `${line.slice(0, -SUM_SUFFIX_LENGTH)}}` : '';
    if (!wellFormed || checksum(body) !== sum) {
      const torn = isLast && !endsClean;
      lost.push({
        line: lineNo,
        reason: torn
          ? 'the last entry was cut short: the program stopped while saving it, before it was confirmed'
          : 'this line is damaged: its checksum does not match its content',
        excerpt: describeLine(wellFormed ? body : line),
      });
      needsRepair = true;
      previousIntact = false;
      continue;
    }
    let event: LedgerEvent & { prev?: string };
    try {
      event = JSON.parse(body) as LedgerEvent & { prev?: string };
    } catch {
      lost.push({ line: lineNo, reason: 'this line is not valid JSON', excerpt: describeLine(line) });
      needsRepair = true;
      previousIntact = false;
      continue;
    }
    if (event.prev !== lastSum) {
      needsRepair = true;
      // After a damaged line the break is expected and already reported; after an intact one,
      // whole lines were removed from the file, and that loss must be named too.
      if (previousIntact) {
        const missing = event.seq - lastSeq - 1;
        lost.push({
          line: lineNo,
          reason: 'entries just before this line are missing from the file: the checksum chain is broken here',
          excerpt: missing > 0 ? `${missing === 1 ? 'entry' : `${missing} entries`} #${lastSeq + 1}${missing > 1 ? `–#${event.seq - 1}` : ''}` : 'an unknown number of entries',
        });
      }
    }
    previousIntact = true;
    lastSum = sum;
    lastSeq = Math.max(lastSeq, event.seq);
    const stored = { event, lineNo };

    if (event.batch) {
      if (pendingBatch && pendingBatch.id !== event.batch.id) {
        loseBatch('part of a multi-entry write (an import) that did not complete, so none of it counts');
        needsRepair = true;
      }
      pendingBatch = event.batch;
      pending.push(stored);
      if (pending.length === pendingBatch.size) {
        for (const member of pending) commit(member);
        pending = [];
        pendingBatch = null;
      }
      continue;
    }
    if (pendingBatch) {
      loseBatch('part of a multi-entry write (an import) that did not complete, so none of it counts');
      needsRepair = true;
    }
    commit(stored);
  }
  if (pendingBatch) {
    loseBatch('part of a multi-entry write (an import) that was cut short before it was confirmed, so none of it counts');
    needsRepair = true;
  }
  lost.sort((a, b) => a.line - b.line);
  return { accepted, lost, needsRepair, lastSeq, lastSum };
}

function recoveryMessage(lost: LostEntry[], keptEntries: number, backupPath: string | null, readOnly: boolean): string {
  const where = backupPath ? ` The damaged original was kept unchanged as ${backupPath}.` : '';
  if (lost.length === 0) {
    return readOnly
      ? 'The ledger file needs a small repair (its checksum chain is broken) but was opened read-only; nothing was lost.'
      : `The ledger file's checksum chain was repaired; all ${keptEntries} entries were kept.${where}`;
  }
  const list = lost.map((entry) => `line ${entry.line}: ${entry.excerpt} (${entry.reason})`).join('; ');
  const count = lost.length === 1 ? '1 entry could not be kept' : `${lost.length} entries could not be kept`;
  const onlyTorn = lost.every((entry) => entry.reason.includes('before it was confirmed'));
  const lead = onlyTorn
    ? `The ledger was not closed cleanly: ${count}, never confirmed to anyone, and every confirmed entry is intact (${keptEntries} journal entries).`
    : `The ledger file was damaged: ${count}; the other ${keptEntries} journal entries were recovered. Re-enter what is listed here from the bills of lading: the details shown are read from the damaged lines and may themselves be wrong.`;
  const repair = readOnly ? ' The file was opened read-only and was not changed; open it for writing to repair it.' : '';
  return `${lead} ${list}.${where}${repair}`;
}

function timestampForFileName(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export class Ledger {
  readonly path: string;
  readonly readOnly: boolean;
  readonly recovery: RecoveryReport | null;
  private fd: number | null;
  private lock: LedgerLock | null;
  private size: number;
  private lastSeq: number;
  private lastSum: string;
  private entryCount: number;
  private readonly actor: string;
  private readonly now: () => Date;
  private readonly io: LedgerIo;
  private readonly apply: ApplyEvent;
  private readonly appName: string;
  private failed = false;

  private constructor(
    filePath: string,
    init: {
      readOnly: boolean;
      fd: number | null;
      lock: LedgerLock | null;
      size: number;
      lastSeq: number;
      lastSum: string;
      entries: number;
      recovery: RecoveryReport | null;
      options: OpenOptions;
    },
  ) {
    this.path = filePath;
    this.readOnly = init.readOnly;
    this.fd = init.fd;
    this.lock = init.lock;
    this.size = init.size;
    this.lastSeq = init.lastSeq;
    this.lastSum = init.lastSum;
    this.entryCount = init.entries;
    this.recovery = init.recovery;
    this.actor = init.options.actor ?? 'unknown';
    this.now = init.options.now ?? (() => new Date());
    this.io = { ...realIo, ...init.options.io };
    this.apply = init.options.apply;
    this.appName = init.options.appName ?? 'Transit Ledger';
  }

  /**
   * Opens (or creates) a ledger, replaying every intact entry through `options.apply`. Writable
   * opens take the lock and repair damage; read-only opens change nothing and only report it.
   */
  static open(filePath: string, options: OpenOptions): Ledger {
    const absolute = path.resolve(filePath);
    const readOnly = options.readOnly ?? false;
    const now = options.now ?? (() => new Date());
    const actor = options.actor ?? 'unknown';
    let lock: LedgerLock | null = null;
    // A ledger that does not exist yet is created by its first write, so a refused first command leaves no file behind.
    if (!readOnly && fs.existsSync(absolute)) lock = LedgerLock.acquire(absolute, options.appName ?? 'Transit Ledger');
    try {
      let bytes: Buffer | null;
      try {
        bytes = fs.readFileSync(absolute);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        bytes = null;
      }
      if (bytes === null || bytes.length === 0) {
        return new Ledger(absolute, { readOnly, fd: null, lock, size: 0, lastSeq: 0, lastSum: GENESIS, entries: 0, recovery: null, options });
      }
      const read = readJournal(bytes.toString('utf8'), options.apply);
      let recovery: RecoveryReport | null = null;
      if (read.needsRepair || read.lost.length > 0) {
        if (readOnly) {
          recovery = { backupPath: null, keptEntries: read.accepted.length, lost: read.lost, message: recoveryMessage(read.lost, read.accepted.length, null, true) };
        } else {
          return Ledger.repair(absolute, lock as LedgerLock, read, options, now, actor);
        }
      }
      const fd = readOnly ? null : fs.openSync(absolute, 'a');
      return new Ledger(absolute, { readOnly, fd, lock, size: bytes.length, lastSeq: read.lastSeq, lastSum: read.lastSum, entries: read.accepted.length, recovery, options });
    } catch (error) {
      lock?.release();
      if (error instanceof TransitError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new TransitError('io', `Could not open the ledger ${absolute}: ${code ?? (error as Error).message}.`);
    }
  }

  /**
   * Writes the header of a ledger that has no content yet: its folder, the lock, the file and the
   * folder's entry, each made durable before the first real entry is appended.
   */
  private materialise(): void {
    fs.mkdirSync(path.dirname(this.path), { recursive: true });
    this.lock ??= LedgerLock.acquire(this.path, this.appName);
    // Another program may have created the ledger since this one opened it empty: its entries must
    // never be overwritten, so this open refuses to write until it is reopened and has read them.
    const existing = fs.existsSync(this.path) ? fs.statSync(this.path).size : 0;
    if (existing > 0) {
      this.failed = true;
      throw new TransitError('conflict', `The ledger ${this.path} was started by another program after this one opened it. Nothing was recorded: close and reopen the ledger, then try again.`);
    }
    const header = serialise({ seq: 1, at: this.now().toISOString(), actor: this.actor, type: 'header', format: 'transit-ledger', version: 1 }, GENESIS);
    // Under the lock, an empty file is what a crash during creation leaves: it holds nothing to keep.
    const fd = fs.openSync(this.path, 'w');
    try {
      fs.writeSync(fd, header.line);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fsyncDirectory(path.dirname(this.path));
    this.fd = fs.openSync(this.path, 'a');
    this.size = Buffer.byteLength(header.line);
    this.lastSeq = 1;
    this.lastSum = header.sum;
    this.entryCount = 1;
  }

  private static repair(absolute: string, lock: LedgerLock, read: ReadResult, options: OpenOptions, now: () => Date, actor: string): Ledger {
    const dir = path.dirname(absolute);
    let backupPath = `${absolute}.damaged-${timestampForFileName(now())}`;
    for (let n = 2; fs.existsSync(backupPath); n++) backupPath = `${absolute}.damaged-${timestampForFileName(now())}-${n}`;
    fs.copyFileSync(absolute, backupPath, fs.constants.COPYFILE_EXCL);
    fsyncFile(backupPath);

    const parts: string[] = [];
    let prev = GENESIS;
    for (const { event } of read.accepted) {
      const { prev: _oldPrev, ...rest } = event;
      const written = serialise(rest, prev);
      parts.push(written.line);
      prev = written.sum;
    }
    const message = recoveryMessage(read.lost, read.accepted.length, backupPath, false);
    const seq = read.lastSeq + 1;
    const note = serialise({ seq, at: now().toISOString(), actor, type: 'recovery', backupPath, lost: read.lost.length, message }, prev);
    parts.push(note.line);
    const content = parts.join('');

    const temp = `${absolute}.repairing`;
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, absolute);
    fsyncDirectory(dir);

    const appendFd = fs.openSync(absolute, 'a');
    const recovery = { backupPath, keptEntries: read.accepted.length, lost: read.lost, message };
    return new Ledger(absolute, {
      readOnly: false,
      fd: appendFd,
      lock,
      size: Buffer.byteLength(content),
      lastSeq: seq,
      lastSum: note.sum,
      entries: read.accepted.length + 1,
      recovery,
      options,
    });
  }

  get entries(): number {
    return this.entryCount;
  }

  /**
   * Writes one event, or several as one all-or-nothing batch, and returns once they are on disk.
   * If the disk refuses, the file is cut back to where it was and nothing is applied.
   */
  append(payloads: readonly EventPayload[]): LedgerEvent[] {
    if (this.readOnly) throw new TransitError('read_only', 'This ledger is open read-only; nothing can be written to it.');
    if (this.failed) throw new TransitError('io', 'An earlier save to this ledger failed and could not be undone. Close and reopen the ledger before writing again.');
    if (payloads.length === 0) return [];
    if (this.fd === null) this.materialise();
    const fd = this.fd as number;
    const at = this.now().toISOString();
    const batch = payloads.length > 1 ? { id: crypto.randomUUID(), size: payloads.length } : undefined;
    const events: LedgerEvent[] = [];
    const parts: string[] = [];
    let prev = this.lastSum;
    let seq = this.lastSeq;
    for (const payload of payloads) {
      seq += 1;
      const event: LedgerEvent = batch ? { seq, at, actor: this.actor, ...payload, batch } : { seq, at, actor: this.actor, ...payload };
      const written = serialise(event, prev);
      parts.push(written.line);
      prev = written.sum;
      events.push(event);
    }
    const buffer = Buffer.from(parts.join(''), 'utf8');
    try {
      let offset = 0;
      while (offset < buffer.length) offset += this.io.writeSync(fd, offset === 0 ? buffer : buffer.subarray(offset));
      this.io.fsyncSync(fd);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      if (!this.rollback()) {
        // Unconfirmed bytes may remain at the end of the file; appending after them could count
        // this entry twice, so nothing more is written until a fresh open has checked the file.
        this.failed = true;
        throw new TransitError('io', `Could not save to the ledger ${this.path} (${code}), and the file could not be restored. The entry may or may not have been recorded: close and reopen the ledger, and check it before entering it again.`);
      }
      throw new TransitError('io', `Could not save to the ledger ${this.path} (${code}). Nothing was recorded; free disk space or check the drive, then try again.`);
    }
    this.size += buffer.length;
    this.lastSeq = seq;
    this.lastSum = prev;
    this.entryCount += events.length;
    for (const event of events) this.apply(event);
    return events;
  }

  /** Cuts the file back to its last acknowledged byte; false when even that failed. */
  private rollback(): boolean {
    if (this.fd === null) return true;
    try {
      this.io.ftruncateSync(this.fd, this.size);
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

  close(): void {
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
    }
    this.lock?.release();
    this.lock = null;
  }
}
