/**
 * A backup's copies checked as they now are on its disk, with the core's own checks: the journal's
 * every line, chain and tip (verify.ts), each received journal line by line (mirror.ts), and the
 * entry counts against what was meant to be copied. Anything short of that is not a backup.
 * A large copy is checked on a worker thread, so the app's event loop goes on meanwhile.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TransitError, type ErrorCode, type FieldIssue } from '../errors';
import { MirrorJournal } from '../stations/mirror';
import { verifyLedger } from '../verify';
import { backupError } from './errors';
import { JOURNAL_FILE } from './manifest';

/** The received journals' entry counts meant to be copied (the own journal's end is pinned by the copy's tip). */
export interface Expected {
  stations: Record<string, number>;
}

export interface Verified {
  entries: number;
  shipments: number;
  totalKg: number;
}

export function receivedPath(dir: string, station: string): string {
  return path.join(dir, `${JOURNAL_FILE}.stations`, `${station}.jsonl`);
}

/**
 * Checks the journals in backup folder `dir`; throws 'backup.unverifiable' naming what is wrong,
 * and the backup as the person knows it (`shownAs`: its final name, while it is still a temporary folder).
 */
export function verifyCopy(dir: string, expected: Expected, shownAs = dir): Verified {
  const unverifiable = (reason: string) =>
    backupError('backup.unverifiable', `The backup ${shownAs} does not check out: ${reason}.`, {
      path: shownAs,
      reason,
    });
  const report = verifyLedger(path.join(dir, JOURNAL_FILE));
  if (!report.ok) throw unverifiable(report.message);
  for (const [station, seq] of Object.entries(expected.stations)) {
    const mirror = MirrorJournal.open(station, receivedPath(dir, station), false, () => undefined);
    if (mirror.damage !== null) throw unverifiable(mirror.damage);
    if (mirror.lastSeq !== seq)
      throw unverifiable(
        `station ${station}'s journal holds ${mirror.lastSeq} entries where ${seq} were copied`,
      );
  }
  return { entries: report.entries, shipments: report.shipments, totalKg: report.totalKg };
}

/** Copies smaller than this are checked in this thread: a few tens of milliseconds, less than a worker's start. */
export const OFF_THREAD_BYTES = 1 << 20;

function journalBytes(dir: string, expected: Expected): number {
  const files = [
    path.join(dir, JOURNAL_FILE),
    ...Object.keys(expected.stations).map((s) => receivedPath(dir, s)),
  ];
  return files.reduce((sum, file) => sum + (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);
}

type WorkerAnswer =
  { verified: Verified } | { refused: { code: ErrorCode; message: string; issues: FieldIssue[] } };

/** Starts the worker; resolves with its answer, or null when it could not give one (then this thread checks). */
function askWorker(dir: string, expected: Expected, shownAs: string): Promise<WorkerAnswer | null> {
  const extension = path.extname(__filename);
  // From the TypeScript sources (the specs), the worker needs tsx to load; the build is plain JavaScript.
  const execArgv = extension === '.ts' ? ['--require', 'tsx/cjs'] : [];
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(path.join(__dirname, `verify-worker${extension}`), {
        workerData: { dir, expected, shownAs },
        execArgv,
      });
    } catch {
      resolve(null);
      return;
    }
    let answer: WorkerAnswer | null = null;
    worker.on('message', (message: WorkerAnswer) => (answer = message));
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve(answer));
  });
}

/**
 * `verifyCopy` without holding up the event loop: a copy over OFF_THREAD_BYTES is checked on a
 * worker thread; where none can start (or it dies without an answer), here, as before.
 */
export async function verifyCopyOffThread(dir: string, expected: Expected, shownAs = dir): Promise<Verified> {
  if (journalBytes(dir, expected) < OFF_THREAD_BYTES) return verifyCopy(dir, expected, shownAs);
  const answer = await askWorker(dir, expected, shownAs);
  if (answer === null) return verifyCopy(dir, expected, shownAs);
  if ('verified' in answer) return answer.verified;
  throw new TransitError(answer.refused.code, answer.refused.message, answer.refused.issues);
}
