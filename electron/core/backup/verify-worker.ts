/**
 * A backup's copy verified on a thread of its own (verify-copy.ts starts it): the same checks as
 * in the main thread, so a million cargoes never stop the app's event loop for the seconds they take.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TransitError } from '../errors';
import { verifyCopy, type Expected } from './verify-copy';

export interface VerifyJob {
  dir: string;
  expected: Expected;
  shownAs: string;
}

const job = workerData as VerifyJob;
try {
  parentPort?.postMessage({ verified: verifyCopy(job.dir, job.expected, job.shownAs) });
} catch (error) {
  if (!(error instanceof TransitError)) throw error;
  parentPort?.postMessage({ refused: { code: error.code, message: error.message, issues: error.issues } });
}
