/**
 * One writer at a time: a lock file beside the ledger (`<ledger>.lock`) names its holder, so a
 * second process can tell the person who has the ledger open instead of writing over it, and a
 * lock left by a crash is taken over without ever taking a lock that is still held.
 *
 * The parts, each with one job:
 * - lock/holder.ts    what a lock file records, and who this process is (pid, host, boot id,
 *                     machine id, process start);
 * - lock/liveness.ts  whether a recorded holder is alive, stale or cannot be judged from here;
 * - lock/atomic.ts    creating a lock file complete, and removing one by compare-and-swap under
 *                     a break token, with the proof that a takeover never removes a live lock;
 * - lock/messages.ts  what the person is told;
 * - lock/unlock.ts    who holds a lock, and the `unlock` command;
 * and here, the lock a writer holds: taken, checked before every append, released.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  cleanLeftovers,
  createExclusive,
  fsyncDirectory,
  realIo,
  removeIfUnchanged,
  type LockIo,
} from './lock/atomic';
import { inspect, ownRecord, type SeenFile } from './lock/holder';
import { judge } from './lock/liveness';
import { contendedError, ioError, lockedError, lostLockError } from './lock/messages';

export type { LockIo } from './lock/atomic';
export { lockWriter, unlockLedger, type UnlockOutcome } from './lock/unlock';

/**
 * Rounds of finding a stale lock and taking it over before giving up: each extra round means another
 * taker got there first.
 */
const MAX_ATTEMPTS = 40;
/** The errors of a disk (or quota) with no room left. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);

/** Test-only seams; the app calls `acquire` without them. */
export interface LockTestHooks {
  io?: Partial<LockIo>;
  /** Called after a lock was judged stale and before it is taken over: a test makes the race happen here. */
  beforeTakeover?: (lockPath: string) => void;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** A short random pause while another process finishes a takeover (acquire is synchronous). */
function pause(attempt: number): void {
  Atomics.wait(sleeper, 0, 0, 2 + Math.floor(Math.random() * Math.min(25, 5 + attempt * 2)));
}

/** How often a held lock's path is looked up to see that its file was not renamed away. */
const PATH_CHECK_MS = 200;

export class LedgerLock {
  private pathCheckedAt = 0;

  private fd: number | null;
  private lost = false;

  private constructor(
    readonly lockPath: string,
    fd: number,
    private readonly content: Buffer,
    private readonly app: string,
    private readonly io: LockIo,
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
        if (fd !== null) return LedgerLock.taken(lockPath, fd, content, app, io);
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
    throw contendedError(ledgerPath);
  }

  private static taken(lockPath: string, fd: number, content: string, app: string, io: LockIo): LedgerLock {
    const own = fs.fstatSync(fd);
    const atPath = fs.statSync(lockPath, { throwIfNoEntry: false });
    // Some file systems (FAT, some shares) have no stable inode numbers: there the fd's link count alone tells.
    const identity =
      own.ino !== 0 && atPath?.ino === own.ino && atPath.dev === own.dev
        ? { ino: own.ino, dev: own.dev }
        : null;
    const lock = new LedgerLock(lockPath, fd, Buffer.from(content), app, io, identity);
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
    throw lostLockError(this.lockPath.slice(0, -'.lock'.length));
  }

  /**
   * A takeover, `unlock` or a hand's `rm` unlinks this lock's file, which one fstat sees (no name
   * left). Only a file renamed away keeps a name elsewhere; the path is looked up for that at most
   * every PATH_CHECK_MS, since a stat of the path costs a fifth of recording's CPU.
   */
  private stillInPlace(): boolean {
    if (this.fd === null) return false;
    if (fs.fstatSync(this.fd).nlink === 0) return false;
    if (this.identity === null) return true;
    const now = Date.now();
    if (now - this.pathCheckedAt < PATH_CHECK_MS) return true;
    this.pathCheckedAt = now;
    const atPath = fs.statSync(this.lockPath, { throwIfNoEntry: false });
    return atPath !== undefined && atPath.ino === this.identity.ino && atPath.dev === this.identity.dev;
  }

  /**
   * The release of last resort, when the disk has no room left for the break token (ENOSPC,
   * EDQUOT): unlinks the lock path directly if the file there is still this process's own, the
   * inode the open fd pins and the bytes (unique to this acquisition by their nonce) it wrote.
   *
   * Without the token, the compare-and-swap of atomic.ts does not cover the instant between this
   * check and the unlink. That is safe enough: another process removes a lock only once it has
   * judged the holder gone (its process ended, its PID reused, the computer restarted), and this
   * holder is alive and running this code; `unlock` refuses a holder running on this computer.
   * So nobody can take this lock over in that instant; only a person deleting the file by hand,
   * or `unlock --force` run on another computer sharing the folder, could, and no lock scheme
   * survives those. Leaving the lock behind instead would block the next writer until `unlock`.
   */
  private removeOwnWithoutToken(fd: number): void {
    const own = fs.fstatSync(fd);
    const atPath = inspect(this.lockPath);
    if (atPath === null || !atPath.content.equals(this.content)) return;
    if (own.nlink === 0 || (this.identity !== null && atPath.ino !== this.identity.ino)) return;
    fs.unlinkSync(this.lockPath);
  }

  /** Removes the lock if it is still this one's; never another holder's, even after a takeover. */
  release(): void {
    const fd = this.fd;
    if (fd === null) return;
    this.fd = null;
    try {
      const { mtimeMs, ino } = fs.fstatSync(fd);
      const seen: SeenFile = { path: this.lockPath, content: this.content, record: null, mtimeMs, ino };
      try {
        for (let attempt = 0; attempt < 3; attempt++) {
          if (removeIfUnchanged(this.io, this.lockPath, seen, this.app, 0) !== 'busy') break;
        }
      } catch (error) {
        if (!DISK_FULL.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        this.removeOwnWithoutToken(fd);
      }
    } catch {
      // A lock left behind names this process, which is about to be gone: the next writer takes it over.
    } finally {
      fs.closeSync(fd);
    }
  }
}
