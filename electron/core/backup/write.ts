/**
 * One backup written: into a hidden temporary folder beside where it will live, every copy
 * fsynced, then checked as it is on disk (verify-copy.ts), then its manifest, then renamed to its
 * name and the folder made durable. A kill at any point leaves at most a temporary folder, which
 * is never listed as a backup and is cleared later; a copy that does not check out is removed and
 * reported, and never takes the place of a good one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { formatTip } from '../journal/tip';
import { copyPrefix, syncFolder, writeNew, type Copied } from './copy';
import { backupError, writeFailed } from './errors';
import { JOURNAL_FILE, MANIFEST_FILE, type Manifest, type ManifestFile } from './manifest';
import type { BackupKind } from './names';
import { partialName } from './names';
import { SYNC_FILE, type Snapshot } from './snapshot';
import { receivedPath, verifyCopy } from './verify-copy';

export interface WriteRequest {
  snapshot: Snapshot;
  folder: string;
  name: string;
  kind: BackupKind;
  at: Date;
}

async function copyAll(temp: string, snapshot: Snapshot): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  const add = (relative: string, copied: Copied) => files.push({ path: relative, ...copied });
  const { journal } = snapshot;
  add(JOURNAL_FILE, await copyPrefix(snapshot.ledgerPath, path.join(temp, JOURNAL_FILE), journal.size));
  add(`${JOURNAL_FILE}.tip`, await writeNew(path.join(temp, `${JOURNAL_FILE}.tip`), formatTip(journal)));
  if (snapshot.received.length > 0 || snapshot.syncFile !== null) {
    await fs.promises.mkdir(path.join(temp, `${JOURNAL_FILE}.stations`));
    if (snapshot.syncFile !== null)
      add(
        `${JOURNAL_FILE}.stations/${SYNC_FILE}`,
        await writeNew(path.join(temp, `${JOURNAL_FILE}.stations`, SYNC_FILE), snapshot.syncFile),
      );
    for (const cut of snapshot.received)
      add(
        `${JOURNAL_FILE}.stations/${cut.station}.jsonl`,
        await copyPrefix(cut.file, receivedPath(temp, cut.station), cut.size),
      );
    await syncFolder(path.join(temp, `${JOURNAL_FILE}.stations`));
  }
  return files;
}

/** Writes backup `name` in `folder` from `snapshot`; resolves with its manifest once it is in place and checked. */
export async function writeBackup(request: WriteRequest): Promise<Manifest> {
  const { snapshot, folder, name, kind, at } = request;
  if (snapshot.journal.size === 0)
    throw backupError(
      'backup.nothing',
      'The ledger has no entries yet: there is nothing to back up.',
      {},
      'invalid',
    );
  const final = path.join(folder, name);
  const temp = path.join(
    folder,
    partialName(name, `${process.pid}-${crypto.randomBytes(4).toString('hex')}`),
  );
  try {
    await fs.promises.mkdir(folder, { recursive: true });
    await fs.promises.mkdir(temp);
    const files = await copyAll(temp, snapshot);
    const stations = Object.fromEntries(snapshot.received.map((cut) => [cut.station, cut.seq]));
    const verified = verifyCopy(temp, { stations }, final);
    const manifest: Manifest = {
      format: 'transit-ledger-backup',
      version: 1,
      name,
      kind,
      createdAt: at.toISOString(),
      source: snapshot.ledgerPath,
      ...verified,
      stations,
      files,
    };
    await writeNew(path.join(temp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await syncFolder(temp);
    await placeOnce(temp, final);
    await syncFolder(folder);
    return manifest;
  } catch (error) {
    await fs.promises.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw writeFailed(final, error);
  }
}

/** Renames the checked copy to its name; one already there (another process's of the same day) is kept. */
async function placeOnce(temp: string, final: string): Promise<void> {
  if (fs.existsSync(final))
    throw backupError('backup.exists', `A backup named ${path.basename(final)} is already there.`, {
      path: final,
    });
  await fs.promises.rename(temp, final);
}
