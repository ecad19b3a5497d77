/**
 * What a person is told about a lock: who holds it, whether it can be released, and the exact
 * command that releases it, so every refusal names what is wrong and what to do.
 */
import path from 'node:path';
import { stated, TransitError, type IssueFacts } from '../errors';
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

/** Who holds the lock, as facts a page words in its own language ("since" as an instant it formats). */
function holderFacts(ledgerPath: string, record: LockRecord): IssueFacts {
  return { path: ledgerPath, pid: record.pid, user: record.user, host: record.host, since: record.since };
}

export function lockedError(ledgerPath: string, seen: SeenFile, verdict: Verdict): TransitError {
  const record = seen.record;
  if (verdict.kind === 'writing' || !record) {
    return stated(
      'locked',
      'lock.opening',
      `Another program is just now opening the ledger ${ledgerPath} (its lock file is being written); ` +
        'try again in a few seconds. Reading is still possible.',
      { path: ledgerPath },
    );
  }
  const facts = holderFacts(ledgerPath, record);
  if (verdict.kind === 'unrelated') {
    return stated(
      'locked',
      'lock.stale',
      `The ledger ${ledgerPath} is locked by an older lock file naming ${describeHolder(record)}; ` +
        `${nowAnotherProgram(record.pid, verdict.program)}. ` +
        'The lock is most likely left from before a restart. ' +
        `If Transit Ledger is no longer running, release the lock with: ${unlockCommand(ledgerPath)}`,
      { ...facts, program: verdict.program, command: unlockCommand(ledgerPath) },
    );
  }
  if (verdict.kind === 'elsewhere') {
    return stated(
      'locked',
      'lock.elsewhere',
      `The ledger ${ledgerPath} is open in ${describeHolder(record)}, on another computer; ` +
        'from here it cannot be told whether it still runs. ' +
        'Close it there and try again; reading is still possible. ' +
        `If Transit Ledger is no longer running on ${record.host}, ` +
        `release the lock with: ${unlockCommand(ledgerPath)}`,
      { ...facts, command: unlockCommand(ledgerPath) },
    );
  }
  return stated(
    'locked',
    'lock.held',
    `The ledger ${ledgerPath} is open in ${describeHolder(record)}. ` +
      'Close it there and try again; reading is still possible.',
    facts,
  );
}

/** Every attempt lost a race for a stale lock to another taker: rare, and worth trying again. */
export function contendedError(ledgerPath: string): TransitError {
  const command = `transit-ledger --ledger ${shellQuote(ledgerPath)} unlock`;
  return stated(
    'locked',
    'lock.contended',
    `The ledger ${ledgerPath} could not be locked: another program kept taking its lock over. ` +
      `Try again; if this goes on, see who holds it with: ${command}`,
    { path: ledgerPath, command },
  );
}

/** A writer whose lock file was taken over or removed: it must stop, since another may be writing. */
export function lostLockError(ledgerPath: string): TransitError {
  return stated(
    'locked',
    'lock.lost',
    `This program no longer holds the lock of the ledger ${ledgerPath}: ` +
      'another program took it over or the lock file was removed. ' +
      'Nothing was recorded. Close the ledger and open it again.',
    { path: ledgerPath },
  );
}

/** A disk failure while locking, said as what to do about it rather than as the OS's errno text. */
export function ioError(error: unknown, lockPath: string): unknown {
  if (error instanceof TransitError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return error;
  const dir = path.dirname(lockPath);
  const because = `(${code})`; // the OS's own text names a temp file the person never sees
  const facts = { folder: dir, path: lockPath, reason: code };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return stated(
      'io',
      'lock.folder_not_writable',
      `The folder ${dir} is not writable: the ledger's lock file cannot be created there ${because}. ` +
        'Nothing was recorded. ' +
        'Give yourself write access to the folder, or use a ledger in a folder you can write to.',
      facts,
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return stated(
      'io',
      'lock.disk_full',
      `The disk is full: the ledger's lock file ${lockPath} cannot be written ${because}. ` +
        'Nothing was recorded. Free some space and try again.',
      facts,
    );
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return stated(
      'io',
      'lock.no_folder',
      `The folder ${dir} does not exist or is not a folder, so the ledger cannot be locked there ${because}. ` +
        'Nothing was recorded.',
      facts,
    );
  }
  return stated(
    'io',
    'lock.write_failed',
    `The ledger's lock file ${lockPath} cannot be written ${because}. Nothing was recorded.`,
    facts,
  );
}
