/**
 * Who holds a ledger's lock, and the `unlock` command that releases one by hand: a lock whose
 * holder is known to be gone, or (with --force) one that cannot be judged from here.
 */
import type { LedgerWriter } from '../api';
import { cleanLeftovers, realIo, removeIfUnchanged, tokenPath } from './atomic';
import { inspect, type SeenFile } from './holder';
import { judge, type Verdict } from './liveness';
import { describeHolder, ioError, nowAnotherProgram, unlockCommand } from './messages';

/**
 * Who holds the ledger's lock now (user, computer, since when), as facts for the screen to word,
 * or null when nobody does (no lock, or one left by a program that no longer runs). A lock file
 * that cannot be read, or is being written this instant, gives a holder whose parts are all null.
 */
export function lockWriter(ledgerPath: string): LedgerWriter | null {
  const unknown: LedgerWriter = { user: null, host: null, since: null };
  let seen: SeenFile | null;
  try {
    seen = inspect(`${ledgerPath}.lock`);
  } catch {
    return unknown;
  }
  if (seen === null) return null;
  if (judge(seen).kind === 'stale') return null;
  const record = seen.record;
  if (!record) return unknown;
  // A record without a user or a time carries 'unknown' (holder.ts): said as not known, not as a word.
  return {
    user: record.user && record.user !== 'unknown' ? record.user : null,
    host: record.host || null,
    since: Number.isFinite(Date.parse(record.since)) ? record.since : null,
  };
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
      return {
        status: 'none',
        message: `The ledger ${ledgerPath} has no lock: there is no lock to release.`,
      };
    }
    const verdict = judge(seen);
    const refusal = unlockRefusal(ledgerPath, seen, verdict, options.force === true);
    if (refusal) return { status: 'refused', message: refusal };
    const who = seen.record ? describeHolder(seen.record) : 'an empty or unreadable lock file';
    let outcome = removeIfUnchanged(realIo, lockPath, seen, app, 0);
    // A takeover that crashed on another computer leaves a token only --force may clear.
    if (outcome === 'busy' && options.force === true && forceRemoveToken(lockPath, seen, app))
      outcome = removeIfUnchanged(realIo, lockPath, seen, app, 0);
    if (outcome === 'removed') {
      cleanLeftovers(lockPath, app);
      const why =
        verdict.kind === 'stale'
          ? ` (${verdict.why})`
          : verdict.kind === 'unrelated' && seen.record
            ? ` (--force: process ${seen.record.pid} is now "${verdict.program}", not Transit Ledger)`
            : ' (--force)';
      return {
        status: 'released',
        message: `Released the lock of ${who}${why}. The ledger ${ledgerPath} can be opened for writing.`,
      };
    }
    const now =
      outcome === 'busy'
        ? 'another program is taking it over right now'
        : 'it changed while it was being released';
    return {
      status: 'refused',
      message: `The lock of the ledger ${ledgerPath} was left in place: ${now}. Run unlock again to see who holds it.`,
    };
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
    return (
      `The ledger ${ledgerPath} is open in ${describeHolder(record)}, which is still running on this computer. ` +
      'Close it there; unlock does not release the lock of a running program.'
    );
  }
  if (force || verdict.kind === 'stale') return null;
  if (verdict.kind === 'unrelated' && record) {
    return (
      `The lock of the ledger ${ledgerPath} is an older lock file naming ${describeHolder(record)}, ` +
      'which does not record when its holder started; ' +
      `${nowAnotherProgram(record.pid, verdict.program)}. ` +
      `If Transit Ledger is no longer running, ${unlockCommand(ledgerPath)} will release it.`
    );
  }
  if (verdict.kind === 'elsewhere' && record) {
    return (
      `The lock of the ledger ${ledgerPath} is held by ${describeHolder(record)}, on another computer; ` +
      'from here it cannot be told whether it still runs. ' +
      `If Transit Ledger is no longer running on ${record.host}, release the lock with: ${unlockCommand(ledgerPath)}`
    );
  }
  return (
    `The lock file of the ledger ${ledgerPath} is empty: another program may be writing it right now. ` +
    `Try again in a few seconds; if it stays, release it with: ${unlockCommand(ledgerPath)}`
  );
}
