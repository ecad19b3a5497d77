/**
 * A backup's copies checked as they now are on its disk, with the core's own checks: the journal's
 * every line, chain and tip (verify.ts), each received journal line by line (mirror.ts), and the
 * entry counts against what was meant to be copied. Anything short of that is not a backup.
 */
import path from 'node:path';
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
