/**
 * Where a ledger really is. The tip and the lock sit beside the journal, and a repair replaces it
 * by renaming, so every name the journal is reached by must lead to the one real file: a symbolic
 * link is followed to its target, and a path that is not a regular file is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stated } from '../errors';
import { diskFacts, diskTrouble } from './disk-words';

/** The journal's real path; refuses what is not a regular file, and (for writing) a file with other names. */
export function realLedgerPath(filePath: string, writable: boolean): string {
  const absolute = path.resolve(filePath);
  // One lstat settles the usual case, a plain file or none yet: its folder may be a link, since the
  // tip and the lock beside it then sit beside the real file too.
  let own: fs.Stats | undefined;
  let real = absolute;
  let stat: fs.Stats;
  try {
    own = fs.lstatSync(absolute, { throwIfNoEntry: false });
    if (own === undefined) return absolute;
    real = own.isSymbolicLink() ? fs.realpathSync.native(absolute) : absolute;
    stat = own.isSymbolicLink() ? fs.statSync(real) : own;
  } catch (error) {
    // A file where a folder should be, a loop of links, a name too long: said as any failed open is.
    throw stated(
      'io',
      'ledger.open_failed',
      `Could not open the ledger ${absolute}: ${diskTrouble(error)}.`,
      {
        path: absolute,
        ...diskFacts(error),
      },
    );
  }
  if (!stat.isFile()) {
    throw stated(
      'io',
      'ledger.not_a_file',
      `${absolute} is not a file (it is a folder or a device), so it cannot be a ledger. ` +
        'Give the path of a ledger file, e.g. …/ledger.jsonl.',
      { path: absolute },
    );
  }
  if (writable && stat.nlink > 1) {
    throw stated(
      'io',
      'ledger.hard_links',
      `The ledger file ${real} has ${stat.nlink} names (hard links). ` +
        'Writing could split it into separate files, so it is opened for reading only from here: ' +
        'keep one name, delete the others, and open it again.',
      { path: real, names: stat.nlink },
    );
  }
  return real;
}
