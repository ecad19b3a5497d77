/**
 * Creating a lock file complete, and removing one only while it is still the one judged: the two
 * disk operations every takeover, release and `unlock` is made of.
 *
 * The scheme needs only exclusive create (link(2) of a finished temp file, or O_EXCL) and unlink:
 * - Every lock file is created complete and exclusively, and its bytes C carry a random nonce, so
 *   C names one acquisition and never occurs twice. Nothing ever writes into an existing lock file.
 * - A lock file whose content is C is unlinked only by a process holding the break token of C,
 *   `<ledger>.lock.break-<sha256(C)>`, itself created exclusively, and only after it has read the
 *   lock again under that token and found C still there. This holds for a takeover, for a release
 *   by the holder and for `unlock`.
 * Why a takeover never removes another process's lock: between the re-read under the token and
 * the unlink, the file at the path can change only if C is unlinked first (lock files are only
 * created where the path is empty, and never rewritten), which needs the token of C, which we hold
 * exclusively. So the unlink removes exactly the stale C we judged. A process that judged C stale
 * and comes late finds another content under the token and removes nothing; the nonce makes sure
 * C does not come back. Then the taker creates its own lock exclusively: if another process got
 * there first, that is a legitimate holder and is judged like any other.
 * Only an empty lock file (an older version's crash, or a file system without hard links, where a
 * lock is created then written) has no nonce; for it the re-read also compares inode and mtime.
 * A token is itself a small lock: a token left by a breaker that crashed is removed by the same
 * rule (the token of its content, depth-bounded) once its holder is known dead. Nothing is ever
 * taken over because of its age alone: a holder that is only suspended would wake up and write.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inspect, ownRecord, type SeenFile } from './holder';
import { isAlive, judge } from './liveness';

/** A leftover temp file is removed only when its process is gone and it is at least this old. */
const TEMP_MAX_AGE_MS = 60_000;
const MAX_BREAK_DEPTH = 3;
const TOKEN_INFIX = '.break-';
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** The disk operations that create a lock, replaceable so tests can make the disk fail. */
export interface LockIo {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Buffer): number;
  fsyncSync(fd: number): void;
  linkSync(existing: string, target: string): void;
}

export const realIo: LockIo = {
  openSync: (file, flags, mode) => fs.openSync(file, flags, mode),
  writeSync: (fd, buffer) => fs.writeSync(fd, buffer),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  linkSync: (existing, target) => fs.linkSync(existing, target),
};

let tempCounter = 0;

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone, or never made: nothing to clean.
  }
}

function writeAll(io: LockIo, fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += io.writeSync(fd, bytes.subarray(done));
}

/** Makes a new directory entry durable; Windows cannot open a directory for fsync. */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Creates `target` complete or not at all: written (and, if durable, fsynced) under a private
 * name, then hard-linked into place, which fails if the target exists. Returns an open fd on the
 * new file, or null when the target already exists. The temp file never outlives the call.
 */
export function createExclusive(
  io: LockIo,
  target: string,
  content: string,
  durable: boolean,
): number | null {
  const temp = `${target}.${process.pid}.${Date.now()}.${tempCounter++}.tmp`;
  const bytes = Buffer.from(content);
  const fd = io.openSync(temp, 'wx', 0o644);
  let kept: number | null = null;
  try {
    writeAll(io, fd, bytes);
    if (durable) io.fsyncSync(fd);
    kept = linkOrCreate(io, temp, fd, target, bytes, durable);
    return kept;
  } finally {
    if (kept !== fd) fs.closeSync(fd);
    removeQuietly(temp);
  }
}

function linkOrCreate(
  io: LockIo,
  temp: string,
  tempFd: number,
  target: string,
  bytes: Buffer,
  durable: boolean,
): number | null {
  try {
    io.linkSync(temp, target);
    return tempFd;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return null;
    if (!NO_HARD_LINKS.has(code)) throw error;
  }
  // File systems without hard links (FAT, some shares): exclusive create, then write. A reader may
  // see it empty for an instant, which `judge` (liveness.ts) treats as being written.
  let fd: number;
  try {
    fd = io.openSync(target, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  try {
    writeAll(io, fd, bytes);
    if (durable) io.fsyncSync(fd);
    return fd;
  } catch (error) {
    fs.closeSync(fd);
    removeQuietly(target); // ours alone: nobody removes a lock younger than EMPTY_GRACE_MS while it is empty
    throw error;
  }
}

type BreakOutcome = 'removed' | 'changed' | 'busy';

export function tokenPath(lockPath: string, content: Buffer): string {
  return `${lockPath}${TOKEN_INFIX}${crypto.createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
}

/**
 * The same file as judged: same bytes, and (for an empty file, whose bytes say nothing) the same
 * inode and mtime. Inode numbers are compared only where the file system has them.
 */
function sameFile(now: SeenFile | null, seen: SeenFile): boolean {
  if (now === null || !now.content.equals(seen.content) || now.mtimeMs !== seen.mtimeMs) return false;
  return now.ino === 0 || seen.ino === 0 || now.ino === seen.ino;
}

/**
 * Removes `seen` (the ledger's lock or a token) if its content is still the one judged: the
 * compare-and-swap of the header comment. 'busy': another process holds the token right now.
 */
export function removeIfUnchanged(
  io: LockIo,
  lockPath: string,
  seen: SeenFile,
  app: string,
  depth: number,
): BreakOutcome {
  const token = tokenPath(lockPath, seen.content);
  const fd = createExclusive(io, token, JSON.stringify(ownRecord(app)), false);
  if (fd === null) {
    removeDeadToken(io, lockPath, token, app, depth);
    return 'busy';
  }
  try {
    if (!sameFile(inspect(seen.path), seen)) return 'changed';
    fs.unlinkSync(seen.path);
    return 'removed';
  } finally {
    fs.closeSync(fd);
    removeQuietly(token);
  }
}

/** A token whose holder died while taking over a lock is a stale lock of its own. */
function removeDeadToken(io: LockIo, lockPath: string, token: string, app: string, depth: number): void {
  if (depth >= MAX_BREAK_DEPTH) return;
  const seen = inspect(token);
  if (seen && judge(seen).kind === 'stale') removeIfUnchanged(io, lockPath, seen, app, depth + 1);
}

/** Removes tokens and temp files left by processes that died mid-way; never a live one's. */
export function cleanLeftovers(lockPath: string, app: string): void {
  const dir = path.dirname(lockPath);
  const base = path.basename(lockPath);
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(`${base}.`)) continue;
    const file = path.join(dir, name);
    const temp = /\.(\d+)\.\d+\.\d+\.tmp$/.exec(name);
    if (temp) {
      const mtimeMs = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - mtimeMs > TEMP_MAX_AGE_MS && !isAlive(Number(temp[1]))) removeQuietly(file);
    } else if (name.slice(base.length).startsWith(TOKEN_INFIX)) {
      const seen = inspect(file);
      if (seen && judge(seen).kind === 'stale') removeIfUnchanged(realIo, lockPath, seen, app, 1);
    }
  }
}
