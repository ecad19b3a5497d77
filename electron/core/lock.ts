/**
 * One writer at a time: a lock file beside the ledger names its holder, so a second process can
 * tell the person who has the ledger open instead of writing over it.
 */
import fs from 'node:fs';
import os from 'node:os';
import { TransitError } from './errors';

interface LockHolder {
  pid: number;
  host: string;
  user: string;
  app: string;
  since: string;
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

function readHolder(lockPath: string): LockHolder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockHolder>;
    if (typeof holder.pid !== 'number' || typeof holder.host !== 'string') return null;
    return {
      pid: holder.pid,
      host: holder.host,
      user: String(holder.user ?? 'unknown'),
      app: String(holder.app ?? 'Transit Ledger'),
      since: String(holder.since ?? 'unknown'),
    };
  } catch {
    return null;
  }
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * Creates the lock file complete or not at all: written under a private name, then hard-linked
 * into place, which fails if a lock already exists. A crash can therefore never leave a half-written lock.
 */
function tryCreate(lockPath: string, holder: LockHolder): boolean {
  const temp = `${lockPath}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(holder));
  try {
    fs.linkSync(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (FAT, some network shares) fall back to exclusive create.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') {
      try {
        fs.writeFileSync(lockPath, JSON.stringify(holder), { flag: 'wx' });
        return true;
      } catch (inner) {
        if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw inner;
      }
    }
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

export class LedgerLock {
  private released = false;

  private constructor(readonly lockPath: string) {}

  static acquire(ledgerPath: string, app: string): LedgerLock {
    const lockPath = `${ledgerPath}.lock`;
    const me: LockHolder = { pid: process.pid, host: os.hostname(), user: currentUser(), app, since: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (tryCreate(lockPath, me)) return new LedgerLock(lockPath);
      const holder = readHolder(lockPath);
      // A lock left by a process of this machine that no longer runs is stale: a crash left it.
      const stale = holder !== null && holder.host === me.host && !isAlive(holder.pid);
      if (!stale) {
        const who = holder
          ? `${holder.app} (process ${holder.pid}, user ${holder.user} on ${holder.host}, since ${holder.since})`
          : 'another program';
        throw new TransitError(
          'locked',
          `The ledger ${ledgerPath} is open in ${who}. Close it there and try again; reading is still possible.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
    throw new TransitError('locked', `Could not lock the ledger ${ledgerPath}; try again.`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const holder = readHolder(this.lockPath);
    if (holder && holder.pid === process.pid) fs.rmSync(this.lockPath, { force: true });
  }
}
