/**
 * Repairs a damaged journal without ever rewriting it in place: the original is copied aside byte
 * for byte first; then either the file is cut before an unconfirmed write at its end (what a crash
 * leaves), or the kept entries are written in order to a fresh file that replaces it atomically,
 * re-chained, with a recovery entry that records what was lost and which numbers are now gaps.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stated } from '../errors';
import type { LedgerEvent } from '../events';
import { diskFacts, diskTrouble } from './disk-words';
import { bareLine, GENESIS, parseLine, serialise } from './format';
import { readAt } from './lines';
import type { ScanResult } from './scan';
import { TipWriter, type Tip } from './tip';

export interface RepairRequest {
  absolute: string;
  scan: ScanResult;
  now: () => Date;
  actor: string;
  message: (backupPath: string) => string;
  /** Confirmed entries lost, each removed range counted in full: what the recovery entry records. */
  confirmedLost: number;
  /** Months whose close or reopen was lost: what the recovery entry holds until they are settled. */
  unsettled: string[];
}

export interface RepairOutcome {
  backupPath: string;
  position: { size: number; lastSeq: number; lastSum: string; entries: number };
  ino: number;
  tip: Tip;
  /** The recovery entry written, for the state to fold as a later open of the file would. */
  note: LedgerEvent;
}

function fsyncPath(target: string, flags: string): void {
  const fd = fs.openSync(target, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  if (process.platform !== 'win32') fsyncPath(dir, 'r');
}

function fileHash(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk))
      hash.update(chunk.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** A copy an earlier attempt already made of exactly these bytes (a repair that was stopped), if any. */
function earlierCopy(absolute: string): string | null {
  const dir = path.dirname(absolute);
  const prefix = `${path.basename(absolute)}.damaged-`;
  const size = fs.statSync(absolute).size;
  let hash: string | null = null;
  for (const name of fs.readdirSync(dir)) {
    const candidate = path.join(dir, name);
    if (!name.startsWith(prefix) || fs.statSync(candidate).size !== size) continue;
    hash ??= fileHash(absolute);
    if (fileHash(candidate) === hash) return candidate;
  }
  return null;
}

/** A byte-for-byte copy of the damaged file, made durable before anything else is touched. */
function keepOriginal(absolute: string, now: Date): { backupPath: string; made: boolean } {
  const earlier = earlierCopy(absolute);
  if (earlier !== null) return { backupPath: earlier, made: false };
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let backupPath = `${absolute}.damaged-${stamp}`;
  for (let n = 2; fs.existsSync(backupPath); n++) backupPath = `${absolute}.damaged-${stamp}-${n}`;
  fs.copyFileSync(absolute, backupPath, fs.constants.COPYFILE_EXCL);
  fsyncPath(backupPath, 'r+');
  return { backupPath, made: true };
}

function readKept(
  fd: number,
  scan: ScanResult,
  at: number,
): { event: LedgerEvent & { prev: string }; sum: string } {
  const { index } = scan.kept;
  const parsed = parseLine(bareLine(readAt(fd, index.offset(at), index.bytes(at))));
  if (!parsed.ok)
    throw stated('io', 'repair.changed', 'The ledger file changed while it was being repaired; reopen it.');
  return parsed;
}

/** Cuts an unconfirmed write off the end and notes the repair: the common case after a crash. */
function cutTail(
  request: RepairRequest,
  cutAt: number,
  backupPath: string,
  progress: { changed: boolean },
): RepairOutcome {
  const { absolute, scan } = request;
  const fd = fs.openSync(absolute, 'r+');
  try {
    const order = scan.kept.order;
    const last = order.length > 0 ? readKept(fd, scan, order[order.length - 1] as number) : null;
    const lastSeq = last?.event.seq ?? 0;
    const lastSum = last?.sum ?? GENESIS;
    fs.ftruncateSync(fd, cutAt);
    progress.changed = true;
    const event: LedgerEvent = {
      seq: lastSeq + 1,
      at: request.now().toISOString(),
      actor: request.actor,
      type: 'recovery',
      backupPath,
      lost: 0,
      message: request.message(backupPath),
      gaps: [],
      tipBefore: scan.tipBefore,
    };
    const note = serialise(event, lastSum);
    fs.writeSync(fd, note.line, cutAt);
    fs.fsyncSync(fd);
    const size = cutAt + Buffer.byteLength(note.line);
    const position = { size, lastSeq: lastSeq + 1, lastSum: note.sum, entries: order.length + 1 };
    return {
      backupPath,
      position,
      ino: fs.fstatSync(fd).ino,
      tip: { seq: position.lastSeq, size, sum: note.sum },
      note: event,
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes the kept entries in order, re-chained, then the recovery entry, to a file that replaces the original. */
function rewrite(request: RepairRequest, backupPath: string): RepairOutcome {
  const { absolute, scan } = request;
  const temp = `${absolute}.repairing`;
  fs.rmSync(temp, { force: true });
  const source = fs.openSync(absolute, 'r');
  const out = fs.openSync(temp, 'w');
  let prev = GENESIS;
  let size = 0;
  let written = 0;
  let extra = scan.topSeq;
  let parts: string[] = [];
  const flush = () => {
    const chunk = parts.join('');
    fs.writeSync(out, chunk);
    size += Buffer.byteLength(chunk);
    parts = [];
  };
  try {
    for (const at of scan.kept.order) {
      const { prev: _old, ...event } = readKept(source, scan, at).event;
      // A second entry with the same number (a fork) is kept under a fresh number after the rest.
      if (event.seq <= written) event.seq = ++extra;
      written = Math.max(written, event.seq);
      const line = serialise(event, prev);
      parts.push(line.line);
      prev = line.sum;
      if (parts.length >= 2048) flush();
    }
    const seq = Math.max(extra, scan.topSeq) + 1;
    const event: LedgerEvent = {
      seq,
      at: request.now().toISOString(),
      actor: request.actor,
      type: 'recovery',
      backupPath,
      lost: request.confirmedLost,
      message: request.message(backupPath),
      gaps: scan.gaps,
      tipBefore: scan.tipBefore,
      ...(request.unsettled.length > 0 ? { unsettled: request.unsettled } : {}),
    };
    const note = serialise(event, prev);
    parts.push(note.line);
    flush();
    fs.fsyncSync(out);
    fs.closeSync(out);
    fs.renameSync(temp, absolute);
    fsyncDir(path.dirname(absolute));
    const position = { size, lastSeq: seq, lastSum: note.sum, entries: scan.keptEntries + 1 };
    const ino = fs.statSync(absolute).ino;
    return { backupPath, position, ino, tip: { seq, size, sum: note.sum }, note: event };
  } catch (error) {
    try {
      fs.closeSync(out);
    } catch {
      // Already closed before the rename.
    }
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    fs.closeSync(source);
  }
}

export function repairJournal(request: RepairRequest): RepairOutcome {
  const { absolute, scan } = request;
  let outcome: RepairOutcome;
  const progress = { changed: false };
  let kept: { backupPath: string; made: boolean } | null = null;
  try {
    kept = keepOriginal(absolute, request.now());
    outcome =
      scan.cutAt !== null
        ? cutTail(request, scan.cutAt, kept.backupPath, progress)
        : rewrite(request, kept.backupPath);
  } catch (error) {
    // Once the file was cut, the copy is the only whole original;
    // before that, copies of every failed attempt would pile up.
    if (kept?.made && !progress.changed) fs.rmSync(kept.backupPath, { force: true });
    throw stated(
      'damaged',
      'repair.failed',
      `The ledger ${absolute} is damaged and could not be repaired (${diskTrouble(error)}). ` +
        'Nothing was changed, and it can still be read: open it read-only, ' +
        'or make it writable and open it again to repair it.',
      { path: absolute, ...diskFacts(error) },
    );
  }
  const { writer } = TipWriter.open(absolute);
  try {
    writer.writeDurably(outcome.tip);
  } finally {
    writer.close();
  }
  return outcome;
}
