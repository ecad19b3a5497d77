/**
 * A backup's manifest, written last inside it: what it holds (each file's size and SHA-256), the
 * journal's entry count and totals when it was made, and which stations' journals came with it.
 * A folder without a readable manifest is not a backup: a copy cut short never has one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from './names';

export const MANIFEST_FILE = 'manifest.json';
/** The names of the copies inside a backup, whatever the ledger's own file is called. */
export const JOURNAL_FILE = 'ledger.jsonl';

export interface ManifestFile {
  /** Relative to the backup's folder, with `/`. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: 'transit-ledger-backup';
  version: 1;
  name: string;
  kind: BackupKind;
  createdAt: string;
  /** The ledger it was made from. */
  source: string;
  /** The own journal's entries, live shipments and their total, as verified in the copy. */
  entries: number;
  shipments: number;
  totalKg: number;
  /** The other stations' journals held, each with its entry count. */
  stations: Record<string, number>;
  files: ManifestFile[];
}

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Manifest>;
  return (
    m.format === 'transit-ledger-backup' &&
    m.version === 1 &&
    typeof m.name === 'string' &&
    (m.kind === 'daily' || m.kind === 'monthly' || m.kind === 'manual') &&
    typeof m.createdAt === 'string' &&
    typeof m.entries === 'number' &&
    typeof m.shipments === 'number' &&
    typeof m.totalKg === 'number' &&
    typeof m.stations === 'object' &&
    m.stations !== null &&
    Array.isArray(m.files)
  );
}

/** What a backup folder's manifest is: the manifest, none at all, or one that does not read as a manifest. */
export type ManifestRead = { manifest: Manifest } | { missing: true } | { damaged: string };

export function readManifestOf(dir: string): ManifestRead {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { damaged: `its ${MANIFEST_FILE} cannot be read (${code ?? String(error)})` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return isManifest(parsed)
    ? { manifest: parsed }
    : { damaged: `its ${MANIFEST_FILE} cannot be read as a manifest` };
}

/** The manifest of a backup folder, or null when it has none that reads as one. */
export function readManifest(dir: string): Manifest | null {
  const read = readManifestOf(dir);
  return 'manifest' in read ? read.manifest : null;
}
