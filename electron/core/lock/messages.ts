/**
 * What a person is told about a lock: who holds it, whether it can be released, and the exact
 * command that releases it, so every refusal names what is wrong and what to do.
 */
import path from 'node:path';
import { TransitError } from '../errors';
import type { LockRecord, SeenFile } from './holder';
import type { Verdict } from './liveness';

/** The holder in one line: "Transit Ledger (process 123, user x on y, since …)". */
export function describeHolder(record: LockRecord): string {
  return `${record.app} (process ${record.pid}, user ${record.user} on ${record.host}, since ${record.since})`;
}

/** Quoted for a POSIX shell when it needs to be, so the printed command can be pasted as is. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The program a recorded PID belongs to now, when it is not Transit Ledger. */
export function nowAnotherProgram(pid: number, program: string): string {
  return `process ${pid} is now "${program}", which is not Transit Ledger`;
}

export function unlockCommand(ledgerPath: string): string {
  return `transit-ledger --ledger ${shellQuote(ledgerPath)} unlock --force`;
}

export function lockedError(ledgerPath: string, seen: SeenFile, verdict: Verdict): TransitError {
  const record = seen.record;
  if (verdict.kind === 'writing' || !record) {
    return new TransitError(
      'locked',
      `Another program is just now opening the ledger ${ledgerPath} (its lock file is being written); ` +
        'try again in a few seconds. Reading is still possible.',
    );
  }
  if (verdict.kind === 'unrelated') {
    return new TransitError(
      'locked',
      `The ledger ${ledgerPath} is locked by an older lock file naming ${describeHolder(record)}; ` +
        `${nowAnotherProgram(record.pid, verdict.program)}. ` +
        'The lock is most likely left from before a restart. ' +
        `If Transit Ledger is no longer running, release the lock with: ${unlockCommand(ledgerPath)}`,
    );
  }
  if (verdict.kind === 'elsewhere') {
    return new TransitError(
      'locked',
      `The ledger ${ledgerPath} is open in ${describeHolder(record)}, on another computer; ` +
        'from here it cannot be told whether it still runs. ' +
        'Close it there and try again; reading is still possible. ' +
        `If Transit Ledger is no longer running on ${record.host}, release the lock with: ${unlockCommand(ledgerPath)}`,
    );
  }
  return new TransitError(
    'locked',
    `The ledger ${ledgerPath} is open in ${describeHolder(record)}. ` +
      'Close it there and try again; reading is still possible.',
  );
}

/** Every attempt lost a race for a stale lock to another taker: rare, and worth trying again. */
export function contendedError(ledgerPath: string): TransitError {
  return new TransitError(
    'locked',
    `The ledger ${ledgerPath} could not be locked: another program kept taking its lock over. ` +
      `Try again; if this goes on, see who holds it with: transit-ledger --ledger ${shellQuote(ledgerPath)} unlock`,
  );
}

/** A writer whose lock file was taken over or removed: it must stop, since another may be writing. */
export function lostLockError(ledgerPath: string): TransitError {
  return new TransitError(
    'locked',
    `This program no longer holds the lock of the ledger ${ledgerPath}: ` +
      'another program took it over or the lock file was removed. ' +
      'Nothing was recorded. Close the ledger and open it again.',
  );
}

/** A disk failure while locking, said as what to do about it rather than as the OS's errno text. */
export function ioError(error: unknown, lockPath: string): unknown {
  if (error instanceof TransitError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return error;
  const dir = path.dirname(lockPath);
  const because = `(${code})`; // the OS's own text names a temp file the person never sees
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new TransitError(
      'io',
      `The folder ${dir} is not writable: the ledger's lock file cannot be created there ${because}. ` +
        'Nothing was recorded. ' +
        'Give yourself write access to the folder, or use a ledger in a folder you can write to.',
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new TransitError(
      'io',
      `The disk is full: the ledger's lock file ${lockPath} cannot be written ${because}. ` +
        'Nothing was recorded. Free some space and try again.',
    );
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new TransitError(
      'io',
      `The folder ${dir} does not exist or is not a folder, so the ledger cannot be locked there ${because}. ` +
        'Nothing was recorded.',
    );
  }
  return new TransitError(
    'io',
    `The ledger's lock file ${lockPath} cannot be written ${because}. Nothing was recorded.`,
  );
}
