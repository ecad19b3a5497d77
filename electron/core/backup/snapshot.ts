/**
 * What a backup copies, fixed at one moment: the own journal up to its last confirmed entry (its
 * size, number and checksum: the copy's tip) and each received station journal up to the lines
 * checked so far. Taken synchronously by the process that reads the ledger, between two writes,
 * so the journals are consistent with each other; the bytes are copied afterwards, since
 * journals only grow. The sync checkpoint is read first: it never names more than the journals hold.
 */
import fs from 'node:fs';
import type { Tip } from '../journal/tip';
import { stationsDir } from '../stations/ids';

export interface ReceivedCut {
  station: string;
  file: string;
  size: number;
  seq: number;
}

export interface Snapshot {
  ledgerPath: string;
  journal: Tip;
  received: ReceivedCut[];
  /** The sync settings and checkpoint (`sync.json`) as they were, or null for a ledger that is no station. */
  syncFile: Buffer | null;
}

export const SYNC_FILE = 'sync.json';

export function readSyncFile(ledgerPath: string): Buffer | null {
  try {
    return fs.readFileSync(`${stationsDir(ledgerPath)}/${SYNC_FILE}`);
  } catch {
    return null;
  }
}
