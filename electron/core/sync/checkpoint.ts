/**
 * `<ledger>.stations/sync.json`: where this station syncs to and how far it has got. Pushed: the
 * last own entry the server confirmed (number, checksum, where the next line starts). Pulled: the
 * _changes feed's position, and the highest number seen per station (so an entry seen before its
 * predecessor arrived is fetched by id later). Replaced whole and atomically (a copy written,
 * fsynced, renamed over it), only after what it claims is durable: a kill leaves the old one,
 * which repeats a little work and loses nothing. Never holds a credential.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDirectory } from '../ledger';
import type { RefusedEntry } from '../stations/fold';
import { stationsDir } from '../stations/ids';
import { readSyncError, type SyncErrorRecord } from './failure';

export interface SyncCheckpoint {
  version: 1;
  url: string;
  insecure: boolean;
  push: { seq: number; sum: string; offset: number };
  pull: { since: string; known: Record<string, number> };
  lastSync: string | null;
  /** Why the last round failed, as a code and its facts (an earlier version's sentence is read as one). */
  lastError: SyncErrorRecord | null;
  /** Entries received that this station refused (a broken chain, a changed or deleted event). */
  refused: RefusedEntry[];
}

export function checkpointPath(ledgerPath: string): string {
  return path.join(stationsDir(ledgerPath), 'sync.json');
}

export function freshCheckpoint(url: string, insecure: boolean): SyncCheckpoint {
  return {
    version: 1,
    url,
    insecure,
    push: { seq: 0, sum: '', offset: 0 },
    pull: { since: '0', known: {} },
    lastSync: null,
    lastError: null,
    refused: [],
  };
}

export function readCheckpoint(ledgerPath: string): SyncCheckpoint | null {
  let text: string;
  try {
    text = fs.readFileSync(checkpointPath(ledgerPath), 'utf8');
  } catch {
    return null;
  }
  const parsed = JSON.parse(text) as SyncCheckpoint & { lastError?: unknown };
  return parsed.version === 1 ? { ...parsed, lastError: readSyncError(parsed.lastError) } : null;
}

export function writeCheckpoint(ledgerPath: string, checkpoint: SyncCheckpoint): void {
  const file = checkpointPath(ledgerPath);
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeSync(fd, `${JSON.stringify(checkpoint, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  fsyncDirectory(path.dirname(file));
}
