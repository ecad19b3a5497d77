/**
 * Where a ledger really is. The tip and the lock sit beside the journal, and a repair replaces it
 * by renaming, so every name the journal is reached by must lead to the one real file: a symbolic
 * link is followed to its target, and a path that is not a regular file is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TransitError } from '../errors';

function realDirectory(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir; // Not made yet: created with the ledger's first write.
  }
}

/** The journal's real path; refuses what is not a regular file, and (for writing) a file with other names. */
export function realLedgerPath(filePath: string, writable: boolean): string {
  const absolute = path.resolve(filePath);
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return path.join(realDirectory(path.dirname(absolute)), path.basename(absolute));
  }
  const stat = fs.statSync(real);
  if (!stat.isFile()) {
    throw new TransitError('io', `${absolute} is not a file (it is a folder or a device), so it cannot be a ledger. Give the path of a ledger file, e.g. …/ledger.jsonl.`);
  }
  if (writable && stat.nlink > 1) {
    throw new TransitError(
      'io',
      `The ledger file ${real} has ${stat.nlink} names (hard links). Writing could split it into separate files, so it is opened for reading only from here: keep one name, delete the others, and open it again.`,
    );
  }
  return real;
}
