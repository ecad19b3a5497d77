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
import { partialName, withSerial } from './names';
import { makeBackupFolder } from './folder';
import { SYNC_FILE, type Snapshot } from './snapshot';
import { receivedPath, verifyCopyOffThread } from './verify-copy';

export interface WriteRequest {
  snapshot: Snapshot;
  folder: string;
  name: string;
  kind: BackupKind;
  at: Date;
}

/** How many manual backups of one second are named before giving up (`…Z-2` to `…Z-999`). */
const MAX_SERIAL = 999;

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

/**
 * Writes backup `name` in `folder` from `snapshot`; resolves with its manifest once it is in place and
 * checked. A manual backup never stands aside for another: one of the same second is named `<name>-2`.
 */
export async function writeBackup(request: WriteRequest): Promise<Manifest> {
  const { snapshot, folder, kind, at } = request;
  if (snapshot.journal.size === 0)
    throw backupError(
      'backup.nothing',
      'The ledger has no entries yet: there is nothing to back up.',
      {},
      'invalid',
    );
  makeBackupFolder(folder);
  let serial = kind === 'manual' ? freeSerial(folder, request.name) : 1;
  let name = withSerial(request.name, serial);
  const temp = path.join(
    folder,
    partialName(request.name, `${process.pid}-${crypto.randomBytes(4).toString('hex')}`),
  );
  try {
    await fs.promises.mkdir(temp);
    const files = await copyAll(temp, snapshot);
    const stations = Object.fromEntries(snapshot.received.map((cut) => [cut.station, cut.seq]));
    const verified = await verifyCopyOffThread(temp, { stations }, path.join(folder, name));
    const manifestOf = (named: string): Manifest => ({
      format: 'transit-ledger-backup',
      version: 1,
      name: named,
      kind,
      createdAt: at.toISOString(),
      source: snapshot.ledgerPath,
      ...verified,
      stations,
      files,
    });
    await writeManifest(temp, manifestOf(name));
    // Another process may take the name between the look and the rename: a manual backup takes the next.
    while (!(await placeOnce(temp, path.join(folder, name), kind === 'manual' && serial < MAX_SERIAL))) {
      serial += 1;
      name = withSerial(request.name, serial);
      await writeManifest(temp, manifestOf(name));
    }
    await syncFolder(folder);
    return manifestOf(name);
  } catch (error) {
    await fs.promises.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw writeFailed(path.join(folder, name), error);
  }
}

/** The first serial whose name is free in `folder`. */
function freeSerial(folder: string, name: string): number {
  let serial = 1;
  while (serial < MAX_SERIAL && fs.existsSync(path.join(folder, withSerial(name, serial)))) serial += 1;
  return serial;
}

async function writeManifest(temp: string, manifest: Manifest): Promise<void> {
  await fs.promises.rm(path.join(temp, MANIFEST_FILE), { force: true });
  await writeNew(path.join(temp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await syncFolder(temp);
}

/**
 * Renames the checked copy to its name. One already there (another process's of the same day) is
 * kept: false when the caller may try another name, else 'backup.exists'.
 */
async function placeOnce(temp: string, final: string, mayRename: boolean): Promise<boolean> {
  const taken = () =>
    backupError('backup.exists', `A backup named ${path.basename(final)} is already there.`, { path: final });
  if (fs.existsSync(final)) {
    if (mayRename) return false;
    throw taken();
  }
  try {
    // A rename onto a folder that appeared meanwhile fails (it is never empty: a backup holds files).
    await fs.promises.rename(temp, final);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    if (mayRename) return false;
    throw taken();
  }
}
