/**
 * How a restore puts its checked copies in place without ever writing over anything, and what a
 * restore killed part-way leaves. Each copy is hard-linked to its final name while its temporary
 * name stays, the journal last; the temporary names go only after the journal is in place. So a
 * temporary journal still there means the restore never finished, and a final file that is the
 * same file (inode) as a temporary one was put there by it: the next restore to that target removes
 * those, and never anything else. The temporary names carry the restoring process's id, so a
 * restore still running is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tipPath } from '../journal/tip';
import { stationsDir } from '../stations/ids';
import { backupError } from './errors';

/** The temporary names of one restore into `to`. */
export interface RestoreTemps {
  journal: string;
  tip: string;
  stations: string;
}

export function restoreTemps(to: string, token: string): RestoreTemps {
  const journal = `${to}.restoring-${token}`;
  return { journal, tip: tipPath(journal), stations: `${stationsDir(to)}.restoring-${token}` };
}

/** Refuses a target, its tip or its stations folder that is there already, a link (even to nowhere) included. */
export function refuseTaken(to: string): void {
  for (const taken of [to, tipPath(to), stationsDir(to)]) {
    const found = fs.lstatSync(taken, { throwIfNoEntry: false });
    if (found?.isSymbolicLink())
      throw backupError(
        'restore.link',
        `${taken} is a link; a restore writes only a new file, never through a link. Choose a new file name.`,
        { path: taken },
        'conflict',
      );
    if (found)
      throw backupError(
        'restore.exists',
        `${taken} already exists; a restore never writes over a file. Choose a new file name.`,
        { path: taken },
        'conflict',
      );
  }
}

const LINKS_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EXDEV']);

/** Links `temp` at `target` unless something is there, keeping `temp`; where the disk has no links, renames. */
export function placeKeeping(temp: string, target: string, to: string): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') refuseTaken(to);
    if (!LINKS_UNSUPPORTED.has(code)) throw error;
    refuseTaken(to);
    fs.renameSync(temp, target);
  }
}

/** The received journals: a new stations folder, each journal linked into it. */
export function placeStations(temps: RestoreTemps, to: string): void {
  try {
    fs.mkdirSync(stationsDir(to));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') refuseTaken(to);
    throw error;
  }
  for (const name of fs.readdirSync(temps.stations))
    placeKeeping(path.join(temps.stations, name), path.join(stationsDir(to), name), to);
}

function sameFile(a: string, b: string): boolean {
  const x = fs.statSync(a, { throwIfNoEntry: false });
  const y = fs.statSync(b, { throwIfNoEntry: false });
  return x !== undefined && y !== undefined && x.ino === y.ino && x.dev === y.dev;
}

const removeQuietly = (file: string) => fs.rmSync(file, { recursive: true, force: true });

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not there, or holding files that are not this restore's: left as it is.
  }
}

/** Removes what an unfinished restore into `to` placed (only files that are its own copies), then its temporaries. */
export function undoPlaced(temps: RestoreTemps, to: string): void {
  if (fs.existsSync(temps.journal) && !sameFile(temps.journal, to)) {
    if (sameFile(temps.tip, tipPath(to))) removeQuietly(tipPath(to));
    const received = fs.existsSync(temps.stations) ? fs.readdirSync(temps.stations) : [];
    for (const name of received) {
      const placed = path.join(stationsDir(to), name);
      if (sameFile(path.join(temps.stations, name), placed)) removeQuietly(placed);
    }
    if (received.length > 0) removeIfEmpty(stationsDir(to));
  }
  for (const temp of [temps.stations, temps.tip, temps.journal]) removeQuietly(temp);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Clears what restores into `to` that were killed left behind; a running one's temporaries stay. */
export function clearInterrupted(to: string): void {
  const base = path.basename(to);
  const shape = /\.restoring-(\d+)-([0-9a-f]{8})(?:\.tip)?$/;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(to));
  } catch {
    return;
  }
  const tokens = new Set<string>();
  for (const name of names) {
    if (!name.startsWith(`${base}.`)) continue;
    const match = shape.exec(name);
    if (match && !alive(Number(match[1]))) tokens.add(`${match[1]}-${match[2]}`);
  }
  for (const token of tokens) undoPlaced(restoreTemps(to, token), to);
}
