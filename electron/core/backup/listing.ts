/**
 * The backups in a folder, read from their manifests (a folder without one is no backup), and the
 * temporary folders a stopped backup left behind, cleared once they are old enough that no
 * running backup can own them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupSummary } from '../api';
import { readManifest } from './manifest';
import { isPartialName, parseBackupName, type NamedBackup } from './names';

export interface Listed extends NamedBackup {
  summary: BackupSummary;
}

/** Good backups of the ledger named `stem` in `folder`, newest first; none when the folder is missing. */
export function listBackups(folder: string, stem: string): Listed[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const found: Listed[] = [];
  for (const name of names) {
    const named = parseBackupName(stem, name);
    if (!named) continue;
    const dir = path.join(folder, name);
    const manifest = readManifest(dir);
    if (!manifest) continue;
    found.push({
      ...named,
      summary: {
        name,
        path: dir,
        kind: named.kind,
        createdAt: manifest.createdAt,
        entries: manifest.entries,
        shipments: manifest.shipments,
        totalKg: manifest.totalKg,
        stations: Object.keys(manifest.stations),
      },
    });
  }
  return found.sort(newestFirst);
}

/**
 * A daily and a monthly backup made from one snapshot share their moment: the daily one is named
 * first; manual backups of one moment (a fixed clock) newest serial first.
 */
const KIND_ORDER = { daily: 0, manual: 1, monthly: 2 } as const;

function newestFirst(a: Listed, b: Listed): number {
  if (a.summary.createdAt !== b.summary.createdAt) return a.summary.createdAt < b.summary.createdAt ? 1 : -1;
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (b.serial ?? 1) - (a.serial ?? 1);
}

/** A temporary folder this old belongs to no backup still running. */
export const STALE_PARTIAL_MS = 60 * 60_000;

export async function clearStalePartials(folder: string, now: Date): Promise<void> {
  let names: string[];
  try {
    names = await fs.promises.readdir(folder);
  } catch {
    return;
  }
  for (const name of names.filter(isPartialName)) {
    const dir = path.join(folder, name);
    try {
      const stat = await fs.promises.stat(dir);
      if (now.getTime() - stat.mtimeMs > STALE_PARTIAL_MS)
        await fs.promises.rm(dir, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: the next backup looks again.
    }
  }
}
