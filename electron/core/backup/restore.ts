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
import { makeFolders } from '../folders';
import { tipPath } from '../journal/tip';
import { verifyLedger } from '../verify';
import { copyPrefix, hashFile, syncFolder } from './copy';
import { backupError } from './errors';
import { fileInTheWay } from './folder';
import { JOURNAL_FILE, readManifestOf, type Manifest } from './manifest';
import {
  clearInterrupted,
  placeKeeping,
  placeStations,
  refuseTaken,
  restoreTemps,
  undoPlaced,
  type RestoreTemps,
} from './restore-place';
import { verifyCopyOffThread } from './verify-copy';

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
  const read = readManifestOf(dir);
  if ('missing' in read)
    throw backupError(
      'restore.not_a_backup',
      `${dir} is not a Transit Ledger backup (it has no manifest).`,
      { path: dir },
      'invalid',
    );
  if ('damaged' in read) throw damaged(dir, read.damaged);
  const { manifest } = read;
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
    await verifyCopyOffThread(dir, { stations: manifest.stations });
  } catch (error) {
    throw damaged(
      dir,
      error instanceof TransitError ? (error.issues[0]?.facts?.reason as string) : String(error),
    );
  }
  return manifest;
}

/** The steps of a restore after which its copies are complete: checked, the stations placed, the tip placed. */
export type RestoreStep = 'copied' | 'stations' | 'tip';

export interface RestoreHooks {
  /** Called as each step is reached (the specs stop a restore there). */
  reached?(step: RestoreStep): void;
}

async function copyTemps(dir: string, manifest: Manifest, temps: RestoreTemps): Promise<number> {
  const sizeOf = (relative: string) => manifest.files.find((f) => f.path === relative)?.bytes ?? 0;
  await copyPrefix(path.join(dir, JOURNAL_FILE), temps.journal, sizeOf(JOURNAL_FILE));
  await copyPrefix(path.join(dir, `${JOURNAL_FILE}.tip`), temps.tip, sizeOf(`${JOURNAL_FILE}.tip`));
  const received = manifest.files.filter((f) => f.path.startsWith(`${JOURNAL_FILE}.stations/`));
  if (received.length > 0) await fs.promises.mkdir(temps.stations);
  for (const file of received)
    await copyPrefix(
      path.join(dir, ...file.path.split('/')),
      path.join(temps.stations, path.basename(file.path)),
      file.bytes,
    );
  return received.length;
}

/** Makes the restored ledger's folder, or says the disk refused it, naming the folder and the reason. */
function makeTargetFolder(folder: string): void {
  try {
    makeFolders(folder);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw backupError(
      'restore.folder_unwritable',
      `The restored ledger cannot be written in ${folder} (${reason}): choose another place for it.`,
      { path: folder, reason },
    );
  }
}

/**
 * Writes backup `dir` as a new ledger at `target`. What a restore into `target` killed earlier left
 * is cleared first; a target that exists, or is a link, is refused and nothing is written.
 */
export async function restoreBackup(
  dir: string,
  target: string,
  hooks: RestoreHooks = {},
): Promise<Restored> {
  const to = path.resolve(target);
  try {
    return await restoreTo(dir, to, hooks);
  } catch (error) {
    // The disk refusing the place itself (a loop of links, a name too long, a folder that takes no
    // file) is said as a place that cannot be written; a refusal already worded passes as it is.
    const { code, path: where } = error as NodeJS.ErrnoException;
    // Only the target's own path, a file made beside it, or a folder on the way to it: never a backup's file.
    const atTarget =
      typeof where === 'string' &&
      (where === to || where.startsWith(`${to}.`) || to.startsWith(`${where}${path.sep}`));
    if (error instanceof TransitError || typeof code !== 'string' || !atTarget) throw error;
    throw backupError(
      'restore.folder_unwritable',
      `The restored ledger cannot be written at ${to} (${code}): choose another place for it.`,
      { path: to, reason: code },
    );
  }
}

async function restoreTo(dir: string, to: string, hooks: RestoreHooks): Promise<Restored> {
  const file = fileInTheWay(path.dirname(to));
  if (file !== null)
    throw backupError(
      'restore.folder_is_file',
      `${file} is a file, not a folder: choose another place for the restored ledger.`,
      { path: file },
      'invalid',
    );
  clearInterrupted(to);
  refuseTaken(to);
  const manifest = await checkBackup(dir);
  const temps = restoreTemps(to, `${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  try {
    makeTargetFolder(path.dirname(to));
    const received = await copyTemps(dir, manifest, temps);
    const check = verifyLedger(temps.journal);
    if (!check.ok) throw damaged(dir, check.message);
    hooks.reached?.('copied');
    refuseTaken(to);
    if (received > 0) placeStations(temps, to);
    hooks.reached?.('stations');
    placeKeeping(temps.tip, tipPath(to), to);
    hooks.reached?.('tip');
    placeKeeping(temps.journal, to, to);
  } catch (error) {
    undoPlaced(temps, to);
    throw error;
  }
  undoPlaced(temps, to);
  await syncFolder(path.dirname(to));
  return {
    path: to,
    entries: manifest.entries,
    shipments: manifest.shipments,
    totalKg: manifest.totalKg,
    stations: Object.keys(manifest.stations),
  };
}
