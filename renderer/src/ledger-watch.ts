/**
 * How a window keeps up with a ledger that others change: another window switching to or from the
 * demo, another program appending to a ledger this one only reads, or that program letting go of
 * it. The store polls `info()` (cheap on the core's side) and decides here what changed; every
 * write names the ledger this window shows, so the core refuses one meant for another ledger.
 */
import type { LedgerGuard, LedgerInfo, LedgerWriter } from '../../electron/core/api';
import { ApiError } from './client';

/** How often an open window asks whether the ledger changed. */
export const POLL_MS = 3000;

/** Shown until dismissed: what another window or program changed under this one. */
export type LedgerNotice = 'demo' | 'real' | 'renewed' | 'writable';

/** The ledger a write from this window is meant for; nothing while the window has not read it yet. */
export function guardOf(info: LedgerInfo | null): LedgerGuard {
  return info ? { ledgerId: info.ledgerId } : {};
}

/**
 * True when what the window shows may be out of date: another ledger, new entries (its own journal's,
 * or other stations' that a sync in any window or program brought), another writer.
 */
export function hasChanged(before: LedgerInfo, after: LedgerInfo): boolean {
  return (
    before.ledgerId !== after.ledgerId ||
    before.entries !== after.entries ||
    (before.received ?? 0) !== (after.received ?? 0) ||
    before.readOnly !== after.readOnly ||
    !sameWriter(before.writer, after.writer)
  );
}

/** Compared part by part: each poll brings a new object for the same writer. */
function sameWriter(a: LedgerWriter | null, b: LedgerWriter | null): boolean {
  if (a === null || b === null) return a === b;
  return a.user === b.user && a.host === b.host && a.since === b.since;
}

/** The notice a change from `before` to `after` deserves, or null when it needs none. */
export function noticeOf(before: LedgerInfo | null, after: LedgerInfo): LedgerNotice | null {
  if (!before) return null;
  if (before.ledgerId !== after.ledgerId) {
    if (after.ledgerId === 'real') return 'real';
    return before.ledgerId === 'real' ? 'demo' : 'renewed';
  }
  return before.readOnly && !after.readOnly ? 'writable' : null;
}

/** The core refused a write because another window switched the ledger (see LedgerGuard). */
export function isLedgerSwitch(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === 'conflict' &&
    error.issues.some((issue) => issue.field === 'ledgerId')
  );
}
