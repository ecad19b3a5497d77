/**
 * One writer at a time: a lock file beside the ledger (`<ledger>.lock`) names its holder, so a
 * second process can tell the person who has the ledger open instead of writing over it, and a
 * lock left by a crash is taken over without ever taking a lock that is still held.
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
 *
 * A holder is judged dead on this computer when its process is gone, the computer has restarted
 * since (boot id, or boot time for older lock files), or its PID now belongs to a process that
 * started later (start time recorded in the lock, or compared with `since` for older lock files).
 * A holder on another computer cannot be judged; the person is told how to release it (`unlock`).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TransitError } from './errors';

/** An empty or unreadable lock younger than this may be one being written (no-hard-link file systems). */
const EMPTY_GRACE_MS = 5_000;
/** Slack for comparing a process's start (from boot time and ticks) with a lock's `since`. */
const START_SLACK_MS = 2_000;
/** A leftover temp file is removed only when its process is gone and it is at least this old. */
const TEMP_MAX_AGE_MS = 60_000;
const MAX_ATTEMPTS = 40;
const MAX_BREAK_DEPTH = 3;
const TOKEN_INFIX = '.break-';
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

interface LockRecord {
  pid: number;
  host: string;
  user: string;
  app: string;
  since: string;
  /** Makes the file's bytes unique to one acquisition: the identity a takeover compares. */
  nonce?: string;
  /** /proc/sys/kernel/random/boot_id: a different one means the computer restarted since. */
  boot?: string;
  /** /etc/machine-id: tells apart two computers that share a host name. */
  machine?: string;
  /** The holder process's start, as `processStart` reads it: a reused PID has another. */
  start?: string;
}

/** A lock or token file as read: its exact bytes (its identity), what they say, and its age. */
interface SeenFile {
  path: string;
  content: Buffer;
  record: LockRecord | null;
  mtimeMs: number;
  ino: number;
}

type Verdict =
  | { kind: 'held' } // alive on this computer
  | { kind: 'stale'; why: string }
  | { kind: 'elsewhere' } // on another computer: cannot be judged from here
  | { kind: 'writing' }; // empty or unreadable, and young

/** The disk operations that create a lock, replaceable so tests can make the disk fail. */
export interface LockIo {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Buffer): number;
  fsyncSync(fd: number): void;
  linkSync(existing: string, target: string): void;
}

/** Test-only seams; the app calls `acquire` without them. */
export interface LockTestHooks {
  io?: Partial<LockIo>;
  /** Called after a lock was judged stale and before it is taken over: a test makes the race happen here. */
  beforeTakeover?: (lockPath: string) => void;
}

const realIo: LockIo = {
  openSync: (file, flags, mode) => fs.openSync(file, flags, mode),
  writeSync: (fd, buffer) => fs.writeSync(fd, buffer),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  linkSync: (existing, target) => fs.linkSync(existing, target),
};

// ---------------------------------------------------------------------------------------------
// This computer and its processes

interface MachineFacts {
  host: string;
  bootId: string | null;
  machineId: string | null;
  /** Boot time in ms since the epoch, for lock files older than the boot id. */
  bootTimeMs: number | null;
  /** This process's own start, recorded in its locks. */
  ownStart: string | null;
}

let machineFacts: MachineFacts | null = null;

function readTrimmed(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** Linux's /proc/stat btime, in seconds: the base of the start ticks in /proc/<pid>/stat. */
function linuxBootSeconds(): number | null {
  const match = /^btime (\d+)$/m.exec(readTrimmed('/proc/stat') ?? '');
  return match ? Number(match[1]) : null;
}

function machine(): MachineFacts {
  if (machineFacts) return machineFacts;
  const btime = process.platform === 'linux' ? linuxBootSeconds() : null;
  machineFacts = {
    host: os.hostname(),
    bootId: process.platform === 'linux' ? readTrimmed('/proc/sys/kernel/random/boot_id') : null,
    machineId: process.platform === 'linux' ? readTrimmed('/etc/machine-id') : null,
    bootTimeMs: btime !== null ? btime * 1000 : Date.now() - os.uptime() * 1000,
    ownStart: processStart(process.pid)?.token ?? null,
  };
  return machineFacts;
}

interface ProcessStart {
  /** Exact and stable for the life of the process: equal means the same process. */
  token: string;
  /** Approximate start in ms since the epoch, to compare with an older lock's `since`. */
  approxMs: number | null;
}

/** When process `pid` started, or null where that cannot be read (Windows, or it is gone). */
function processStart(pid: number): ProcessStart | null {
  if (process.platform === 'linux') {
    const stat = readTrimmed(`/proc/${pid}/stat`);
    // The command name may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fields?.[19]; // field 22, starttime, in clock ticks (USER_HZ, 100) since boot
    if (ticks === undefined || !/^\d+$/.test(ticks)) return null;
    const btime = linuxBootSeconds();
    return { token: `linux:${ticks}`, approxMs: btime === null ? null : btime * 1000 + Number(ticks) * 10 };
  }
  if (process.platform === 'win32') return null;
  try {
    const lstart = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (!lstart) return null;
    const ms = Date.parse(lstart);
    return { token: `ps:${lstart}`, approxMs: Number.isFinite(ms) ? ms : null };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

function ownRecord(app: string): LockRecord {
  const facts = machine();
  const record: LockRecord = { pid: process.pid, host: facts.host, user: currentUser(), app, since: new Date().toISOString(), nonce: crypto.randomBytes(12).toString('hex') };
  if (facts.bootId) record.boot = facts.bootId;
  if (facts.machineId) record.machine = facts.machineId;
  if (facts.ownStart) record.start = facts.ownStart;
  return record;
}

// ---------------------------------------------------------------------------------------------
// Reading and judging a lock

function parseRecord(content: Buffer): LockRecord | null {
  try {
    const raw = JSON.parse(content.toString('utf8')) as Record<string, unknown>;
    const { pid, host } = raw;
    // A pid of 0 or below would make kill() signal a whole process group.
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof host !== 'string') return null;
    const text = (key: string): string | undefined => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
    return {
      pid,
      host,
      user: text('user') ?? 'unknown',
      app: text('app') ?? 'Transit Ledger',
      since: text('since') ?? 'unknown',
      nonce: text('nonce'),
      boot: text('boot'),
      machine: text('machine'),
      start: text('start'),
    };
  } catch {
    return null;
  }
}

/** The file as it is now, or null when there is none. */
function inspect(file: string): SeenFile | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { mtimeMs, ino } = fs.fstatSync(fd);
    const content = fs.readFileSync(fd);
    return { path: file, content, record: parseRecord(content), mtimeMs, ino };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The same file as judged: same bytes, and (for an empty file, whose bytes say nothing) the same
 * inode and mtime. Inode numbers are compared only where the file system has them.
 */
function sameFile(now: SeenFile | null, seen: SeenFile): boolean {
  if (now === null || !now.content.equals(seen.content) || now.mtimeMs !== seen.mtimeMs) return false;
  return now.ino === 0 || seen.ino === 0 || now.ino === seen.ino;
}

function judgeOnThisComputer(record: LockRecord, facts: MachineFacts): Verdict {
  const sinceMs = Date.parse(record.since);
  if (record.boot && facts.bootId && record.boot !== facts.bootId) return { kind: 'stale', why: 'this computer has restarted since' };
  if (!record.boot && facts.bootTimeMs !== null && sinceMs < facts.bootTimeMs - START_SLACK_MS) {
    return { kind: 'stale', why: 'this computer has restarted since' };
  }
  if (!isAlive(record.pid)) return { kind: 'stale', why: `process ${record.pid} no longer runs` };
  const start = processStart(record.pid);
  const reused = `process ${record.pid} is now another program, started after the lock was taken`;
  if (start && record.start) return start.token === record.start ? { kind: 'held' } : { kind: 'stale', why: reused };
  // A lock file from before start times were recorded: a process started after it cannot hold it.
  if (start && start.approxMs !== null && Number.isFinite(sinceMs) && start.approxMs > sinceMs + START_SLACK_MS) return { kind: 'stale', why: reused };
  return { kind: 'held' };
}

function judge(seen: SeenFile): Verdict {
  const record = seen.record;
  if (!record) {
    // Every lock is now linked into place complete: an empty one is left by a crash of an older
    // version or a power loss, or (no hard links) is being written this instant.
    const young = Date.now() - seen.mtimeMs < EMPTY_GRACE_MS;
    return young ? { kind: 'writing' } : { kind: 'stale', why: 'the lock file is empty or unreadable, left by a crash' };
  }
  const facts = machine();
  if (record.host !== facts.host || (record.machine && facts.machineId && record.machine !== facts.machineId)) return { kind: 'elsewhere' };
  return judgeOnThisComputer(record, facts);
}

function describe(record: LockRecord): string {
  return `${record.app} (process ${record.pid}, user ${record.user} on ${record.host}, since ${record.since})`;
}

/** Quoted for a POSIX shell when it needs to be, so the printed command can be pasted as is. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function unlockCommand(ledgerPath: string): string {
  return `transit-ledger --ledger ${shellQuote(ledgerPath)} unlock --force`;
}

function lockedError(ledgerPath: string, seen: SeenFile, verdict: Verdict): TransitError {
  const record = seen.record;
  if (verdict.kind === 'writing' || !record) {
    return new TransitError('locked', `Another program is just now opening the ledger ${ledgerPath} (its lock file is being written); try again in a few seconds. Reading is still possible.`);
  }
  if (verdict.kind === 'elsewhere') {
    return new TransitError(
      'locked',
      `The ledger ${ledgerPath} is open in ${describe(record)}, on another computer; from here it cannot be told whether it still runs. ` +
        `Close it there and try again; reading is still possible. If Transit Ledger is no longer running on ${record.host}, release the lock with: ${unlockCommand(ledgerPath)}`,
    );
  }
  return new TransitError('locked', `The ledger ${ledgerPath} is open in ${describe(record)}. Close it there and try again; reading is still possible.`);
}

// ---------------------------------------------------------------------------------------------
// Creating and removing lock files

let tempCounter = 0;

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone, or never made: nothing to clean.
  }
}

function writeAll(io: LockIo, fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += io.writeSync(fd, bytes.subarray(done));
}

/** Makes a new directory entry durable; Windows cannot open a directory for fsync. */
function fsyncDirectory(dir: string): void {
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
function createExclusive(io: LockIo, target: string, content: string, durable: boolean): number | null {
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

function linkOrCreate(io: LockIo, temp: string, tempFd: number, target: string, bytes: Buffer, durable: boolean): number | null {
  try {
    io.linkSync(temp, target);
    return tempFd;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return null;
    if (!NO_HARD_LINKS.has(code)) throw error;
  }
  // File systems without hard links (FAT, some shares): exclusive create, then write. A reader may
  // see it empty for an instant, which `judge` treats as being written.
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

function tokenPath(lockPath: string, content: Buffer): string {
  return `${lockPath}${TOKEN_INFIX}${crypto.createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
}

/**
 * Removes `seen` (the ledger's lock or a token) if its content is still the one judged: the
 * compare-and-swap of the header comment. 'busy': another process holds the token right now.
 */
function removeIfUnchanged(io: LockIo, lockPath: string, seen: SeenFile, app: string, depth: number): BreakOutcome {
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

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** A short random pause while another process finishes a takeover (acquire is synchronous). */
function pause(attempt: number): void {
  Atomics.wait(sleeper, 0, 0, 2 + Math.floor(Math.random() * Math.min(25, 5 + attempt * 2)));
}

/** Removes tokens and temp files left by processes that died mid-way; never a live one's. */
function cleanLeftovers(lockPath: string, app: string): void {
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

function ioError(error: unknown, lockPath: string): unknown {
  if (error instanceof TransitError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return error;
  const dir = path.dirname(lockPath);
  const because = `(${code})`; // the OS's own text names a temp file the person never sees
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new TransitError('io', `The folder ${dir} is not writable: the ledger's lock file cannot be created there ${because}. Nothing was recorded. Give yourself write access to the folder, or use a ledger in a folder you can write to.`);
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new TransitError('io', `The disk is full: the ledger's lock file ${lockPath} cannot be written ${because}. Nothing was recorded. Free some space and try again.`);
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new TransitError('io', `The folder ${dir} does not exist or is not a folder, so the ledger cannot be locked there ${because}. Nothing was recorded.`);
  }
  return new TransitError('io', `The ledger's lock file ${lockPath} cannot be written ${because}. Nothing was recorded.`);
}

// ---------------------------------------------------------------------------------------------
// The lock

export class LedgerLock {
  private fd: number | null;
  private lost = false;

  private constructor(
    readonly lockPath: string,
    fd: number,
    private readonly content: Buffer,
    private readonly app: string,
    /** The lock file's inode, pinned by the open fd, so the same number at the path means our file. */
    private readonly identity: { ino: number; dev: number } | null,
  ) {
    this.fd = fd;
  }

  static acquire(ledgerPath: string, app: string, hooks: LockTestHooks = {}): LedgerLock {
    const lockPath = `${ledgerPath}.lock`;
    const io: LockIo = { ...realIo, ...hooks.io };
    const content = JSON.stringify(ownRecord(app));
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const fd = createExclusive(io, lockPath, content, true);
        if (fd !== null) return LedgerLock.taken(lockPath, fd, content, app);
        const seen = inspect(lockPath);
        if (seen === null) continue; // released meanwhile: try again at once
        const verdict = judge(seen);
        if (verdict.kind !== 'stale') throw lockedError(ledgerPath, seen, verdict);
        hooks.beforeTakeover?.(lockPath);
        if (removeIfUnchanged(io, lockPath, seen, app, 0) === 'busy') pause(attempt);
      }
    } catch (error) {
      throw ioError(error, lockPath);
    }
    throw new TransitError(
      'locked',
      `The ledger ${ledgerPath} could not be locked: another program kept taking its lock over. Try again; if this goes on, see who holds it with: transit-ledger --ledger ${shellQuote(ledgerPath)} unlock`,
    );
  }

  private static taken(lockPath: string, fd: number, content: string, app: string): LedgerLock {
    const own = fs.fstatSync(fd);
    const atPath = fs.statSync(lockPath, { throwIfNoEntry: false });
    // Some file systems (FAT, some shares) have no stable inode numbers: there the fd's link count alone tells.
    const identity = own.ino !== 0 && atPath?.ino === own.ino && atPath.dev === own.dev ? { ino: own.ino, dev: own.dev } : null;
    const lock = new LedgerLock(lockPath, fd, Buffer.from(content), app, identity);
    try {
      fsyncDirectory(path.dirname(lockPath));
    } catch (error) {
      lock.release();
      throw error;
    }
    try {
      cleanLeftovers(lockPath, app);
    } catch {
      // Leftovers are harmless; failing to sweep them must not stop the ledger from opening.
    }
    return lock;
  }

  /**
   * Throws 'locked' unless this lock file is still in place: called before every journal append,
   * so one stat (about 3 µs), no read.
   */
  assertHeld(): void {
    if (!this.lost && this.stillInPlace()) return;
    this.lost = true;
    throw new TransitError(
      'locked',
      `This program no longer holds the lock of the ledger ${this.lockPath.slice(0, -'.lock'.length)}: another program took it over or the lock file was removed. ` +
        'Nothing was recorded. Close the ledger and open it again.',
    );
  }

  private stillInPlace(): boolean {
    if (this.fd === null) return false;
    if (this.identity === null) return fs.fstatSync(this.fd).nlink > 0;
    const atPath = fs.statSync(this.lockPath, { throwIfNoEntry: false });
    return atPath !== undefined && atPath.ino === this.identity.ino && atPath.dev === this.identity.dev;
  }

  /** Removes the lock if it is still this one's; never another holder's, even after a takeover. */
  release(): void {
    const fd = this.fd;
    if (fd === null) return;
    this.fd = null;
    try {
      const { mtimeMs, ino } = fs.fstatSync(fd);
      const seen: SeenFile = { path: this.lockPath, content: this.content, record: null, mtimeMs, ino };
      for (let attempt = 0; attempt < 3; attempt++) {
        if (removeIfUnchanged(realIo, this.lockPath, seen, this.app, 0) !== 'busy') break;
      }
    } catch {
      // A lock left behind names this process, which is about to be gone: the next writer takes it over.
    } finally {
      fs.closeSync(fd);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Who holds it, and releasing it by hand

/**
 * Who holds the ledger's lock now, in one line ("Transit Ledger (process 123, user x on y, since …)"),
 * or null when nobody does (no lock, or one left by a program that no longer runs).
 */
export function describeLockHolder(ledgerPath: string): string | null {
  let seen: SeenFile | null;
  try {
    seen = inspect(`${ledgerPath}.lock`);
  } catch {
    return 'another program (its lock file cannot be read)';
  }
  if (seen === null) return null;
  const verdict = judge(seen);
  if (verdict.kind === 'stale') return null;
  return seen.record ? describe(seen.record) : 'another program, which is opening the ledger now';
}

export interface UnlockOutcome {
  /** none: there was no lock; released: it was removed; refused: it was left in place (exit 3). */
  status: 'none' | 'released' | 'refused';
  message: string;
}

/**
 * The `unlock` command: removes the lock when its holder is known to be gone; refuses while it
 * runs on this computer; a lock from another computer (or one being written) needs `force`.
 */
export function unlockLedger(ledgerPath: string, options: { force?: boolean } = {}): UnlockOutcome {
  const lockPath = `${ledgerPath}.lock`;
  const app = 'Transit Ledger (unlock)';
  try {
    const seen = inspect(lockPath);
    if (seen === null) {
      cleanLeftovers(lockPath, app);
      return { status: 'none', message: `The ledger ${ledgerPath} has no lock: there is no lock to release.` };
    }
    const verdict = judge(seen);
    const refusal = unlockRefusal(ledgerPath, seen, verdict, options.force === true);
    if (refusal) return { status: 'refused', message: refusal };
    const who = seen.record ? describe(seen.record) : 'an empty or unreadable lock file';
    let outcome = removeIfUnchanged(realIo, lockPath, seen, app, 0);
    // A takeover that crashed on another computer leaves a token only --force may clear.
    if (outcome === 'busy' && options.force === true && forceRemoveToken(lockPath, seen, app)) outcome = removeIfUnchanged(realIo, lockPath, seen, app, 0);
    if (outcome === 'removed') {
      cleanLeftovers(lockPath, app);
      const why = verdict.kind === 'stale' ? ` (${verdict.why})` : ' (--force)';
      return { status: 'released', message: `Released the lock of ${who}${why}. The ledger ${ledgerPath} can be opened for writing.` };
    }
    const now = outcome === 'busy' ? 'another program is taking it over right now' : 'it changed while it was being released';
    return { status: 'refused', message: `The lock of the ledger ${ledgerPath} was left in place: ${now}. Run unlock again to see who holds it.` };
  } catch (error) {
    throw ioError(error, lockPath);
  }
}

/** Removes the break token of `seen` unless a live process on this computer holds it. */
function forceRemoveToken(lockPath: string, seen: SeenFile, app: string): boolean {
  const token = inspect(tokenPath(lockPath, seen.content));
  if (token === null) return true;
  if (judge(token).kind === 'held') return false;
  return removeIfUnchanged(realIo, lockPath, token, app, 1) === 'removed';
}

function unlockRefusal(ledgerPath: string, seen: SeenFile, verdict: Verdict, force: boolean): string | null {
  const record = seen.record;
  if (verdict.kind === 'held' && record) {
    return `The ledger ${ledgerPath} is open in ${describe(record)}, which is still running on this computer. Close it there; unlock does not release the lock of a running program.`;
  }
  if (force || verdict.kind === 'stale') return null;
  if (verdict.kind === 'elsewhere' && record) {
    return `The lock of the ledger ${ledgerPath} is held by ${describe(record)}, on another computer; from here it cannot be told whether it still runs. ` +
      `If Transit Ledger is no longer running on ${record.host}, release the lock with: ${unlockCommand(ledgerPath)}`;
  }
  return `The lock file of the ledger ${ledgerPath} is empty: another program may be writing it right now. Try again in a few seconds; if it stays, release it with: ${unlockCommand(ledgerPath)}`;
}
