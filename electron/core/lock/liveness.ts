/**
 * Whether the holder a lock file names is alive, stale or cannot be judged from here: the one
 * judgement behind a takeover, `unlock` and "who has the ledger open".
 *
 * A holder is judged dead on this computer when its process is gone (or a zombie: exited, not yet
 * reaped), the computer has restarted since (boot id, or boot time for older lock files), or its
 * PID now belongs to a process that started later (start time recorded in the lock, or compared
 * with `since` for older lock files). An older lock file naming a process that started before it
 * cannot be judged dead; when that process is plainly not Transit Ledger (its command line), the
 * person is told that `unlock --force` releases it. A holder on another computer cannot be judged
 * either; the person is told how to release it (`unlock`).
 * Nothing is ever judged stale because of its age alone: a holder that is only suspended would
 * wake up and write.
 */
import {
  commandLine,
  hasExited,
  machine,
  processStart,
  type LockRecord,
  type MachineFacts,
  type SeenFile,
} from './holder';

/** An empty or unreadable lock younger than this may be one being written (no-hard-link file systems). */
export const EMPTY_GRACE_MS = 5_000;
/** Slack for comparing a process's start (from boot time and ticks) with a lock's `since`. */
const START_SLACK_MS = 2_000;

export type Verdict =
  | { kind: 'held' } // alive on this computer
  | { kind: 'stale'; why: string }
  | { kind: 'elsewhere' } // on another computer: cannot be judged from here
  | { kind: 'writing' } // empty or unreadable, and young
  // An older lock file (no start time recorded) naming a running process that is not Transit
  // Ledger: most likely left from before a restart, but only a person may say so (`unlock --force`).
  | { kind: 'unrelated'; program: string };

/**
 * Whether a command line could be Transit Ledger's: the CLI and browser mode run in node, the app
 * in electron or its packaged binary (transit-ledger, "Transit Ledger"). Wide on purpose: a wrong
 * "could be" only keeps a lock in place, a wrong "is not" would let a live writer's lock go.
 */
export function looksLikeTransitLedger(command: string): boolean {
  return /node|electron|transit[-_ ]?ledger/i.test(command);
}

/**
 * Whether a process with this PID runs: on its own it cannot tell a reused PID (see
 * judgeOnThisComputer). A zombie (exited, not yet reaped by its parent) answers kill(pid, 0) but
 * runs no more, so it counts as gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !hasExited(pid);
}

function judgeOnThisComputer(record: LockRecord, facts: MachineFacts): Verdict {
  const sinceMs = Date.parse(record.since);
  if (record.boot && facts.bootId && record.boot !== facts.bootId)
    return { kind: 'stale', why: 'this computer has restarted since' };
  if (!record.boot && facts.bootTimeMs !== null && sinceMs < facts.bootTimeMs - START_SLACK_MS) {
    return { kind: 'stale', why: 'this computer has restarted since' };
  }
  if (!isAlive(record.pid)) return { kind: 'stale', why: `process ${record.pid} no longer runs` };
  const start = processStart(record.pid);
  const reused = `process ${record.pid} is now another program, started after the lock was taken`;
  if (start && record.start)
    return start.token === record.start ? { kind: 'held' } : { kind: 'stale', why: reused };
  // A lock file from before start times were recorded: a process started after it cannot hold it.
  if (
    start &&
    start.approxMs !== null &&
    Number.isFinite(sinceMs) &&
    start.approxMs > sinceMs + START_SLACK_MS
  )
    return { kind: 'stale', why: reused };
  if (!record.start) {
    // Nothing proves that this process is not the holder; only its program can make it unlikely.
    const program = commandLine(record.pid);
    if (program !== null && !looksLikeTransitLedger(program)) return { kind: 'unrelated', program };
  }
  return { kind: 'held' };
}

/** The verdict on a lock or token file as read: the one judgement acquire, unlock and the sweep share. */
export function judge(seen: SeenFile): Verdict {
  const record = seen.record;
  if (!record) {
    // Every lock is now linked into place complete: an empty one is left by a crash of an older
    // version or a power loss, or (no hard links) is being written this instant.
    const young = Date.now() - seen.mtimeMs < EMPTY_GRACE_MS;
    return young
      ? { kind: 'writing' }
      : { kind: 'stale', why: 'the lock file is empty or unreadable, left by a crash' };
  }
  const facts = machine();
  if (record.host !== facts.host || (record.machine && facts.machineId && record.machine !== facts.machineId))
    return { kind: 'elsewhere' };
  return judgeOnThisComputer(record, facts);
}
