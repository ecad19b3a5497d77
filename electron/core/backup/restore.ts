/**
 * A backup made a ledger again, at a new path and never over anything: the backup is checked
 * first (each file against its manifest's SHA-256, then the journals with the core's checks),
 * copied beside the target under temporary names, checked again there, and put in place with
 * the journal last, linked so that a file that appeared meanwhile is never replaced.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TransitError } from '../errors';
import { tipPath } from '../journal/tip';
import { stationsDir } from '../stations/ids';
import { verifyLedger } from '../verify';
import { copyPrefix, hashFile, syncFolder } from './copy';
import { backupError } from './errors';
import { JOURNAL_FILE, readManifest, type Manifest } from './manifest';
import { verifyCopy } from './verify-copy';

export interface Restored {
  path: string;
  entries: number;
  shipments: number;
  totalKg: number;
  stations: string[];
}

const damaged = (dir: string, reason: string) =>
  backupError(
    'restore.damaged',
    `The backup ${dir} cannot be restored: ${reason}.`,
    { path: dir, reason },
    'damaged',
  );

/** The backup's manifest once every file matches it and its journals check out. */
export async function checkBackup(dir: string): Promise<Manifest> {
  const manifest = readManifest(dir);
  if (!manifest)
    throw backupError(
      'restore.not_a_backup',
      `${dir} is not a Transit Ledger backup (it has no manifest).`,
      {
        path: dir,
      },
      'invalid',
    );
  for (const file of manifest.files) {
    let held: { bytes: number; sha256: string };
    try {
      held = await hashFile(path.join(dir, ...file.path.split('/')));
    } catch (error) {
      throw damaged(
        dir,
        `${file.path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
    if (held.bytes !== file.bytes || held.sha256 !== file.sha256)
      throw damaged(dir, `${file.path} is not as it was written (its checksum differs)`);
  }
  try {
    verifyCopy(dir, { stations: manifest.stations });
  } catch (error) {
    throw damaged(
      dir,
      error instanceof TransitError ? (error.issues[0]?.facts?.reason as string) : String(error),
    );
  }
  return manifest;
}

function refuseExisting(to: string): void {
  for (const taken of [to, tipPath(to), stationsDir(to)])
    if (fs.existsSync(taken))
      throw backupError(
        'restore.exists',
        `${taken} already exists; a restore never writes over a file. Choose a new file name.`,
        { path: taken },
        'conflict',
      );
}

/** Puts `temp` at `target` unless something is there: a hard link where the disk has them, else a checked rename. */
function placeNew(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target);
    fs.unlinkSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') refuseExisting(target);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    refuseExisting(target);
    fs.renameSync(temp, target);
  }
}

export async function restoreBackup(dir: string, target: string): Promise<Restored> {
  const to = path.resolve(target);
  refuseExisting(to);
  const manifest = await checkBackup(dir);
  const token = `restoring-${crypto.randomBytes(4).toString('hex')}`;
  const temp = `${to}.${token}`;
  const tempStations = `${stationsDir(to)}.${token}`;
  const sizeOf = (relative: string) => manifest.files.find((f) => f.path === relative)?.bytes ?? 0;
  try {
    await fs.promises.mkdir(path.dirname(to), { recursive: true });
    await copyPrefix(path.join(dir, JOURNAL_FILE), temp, sizeOf(JOURNAL_FILE));
    await copyPrefix(path.join(dir, `${JOURNAL_FILE}.tip`), tipPath(temp), sizeOf(`${JOURNAL_FILE}.tip`));
    const received = manifest.files.filter((f) => f.path.startsWith(`${JOURNAL_FILE}.stations/`));
    if (received.length > 0) await fs.promises.mkdir(tempStations);
    for (const file of received)
      await copyPrefix(
        path.join(dir, ...file.path.split('/')),
        path.join(tempStations, path.basename(file.path)),
        file.bytes,
      );
    const check = verifyLedger(temp);
    if (!check.ok) throw damaged(dir, check.message);
    refuseExisting(to);
    if (received.length > 0) fs.renameSync(tempStations, stationsDir(to));
    placeNew(tipPath(temp), tipPath(to));
    placeNew(temp, to);
    await syncFolder(path.dirname(to));
  } catch (error) {
    for (const leftover of [temp, tipPath(temp), tempStations])
      await fs.promises.rm(leftover, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  return {
    path: to,
    entries: manifest.entries,
    shipments: manifest.shipments,
    totalKg: manifest.totalKg,
    stations: Object.keys(manifest.stations),
  };
}
