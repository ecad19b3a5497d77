/**
 * A backup folder checked before anything is written into it: a file where the folder (or one of
 * the folders above it) should be is said as such, not as the disk's EEXIST or ENOTDIR; a folder
 * the disk will not make or write into is said as that, naming the folder and the disk's reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from '../folders';
import { backupError } from './errors';

/** The nearest existing path at or above `folder` when it is not a folder; null when none is in the way. */
export function fileInTheWay(folder: string): string | null {
  for (let at = path.resolve(folder); ; at = path.dirname(at)) {
    try {
      return fs.statSync(at).isDirectory() ? null : at;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || at === path.dirname(at)) return null;
    }
  }
}

/** Throws 'backup.folder_is_file' (bad input) when a file stands where `folder` or a folder above it should be. */
export function refuseFileAsFolder(folder: string): void {
  const file = fileInTheWay(folder);
  if (file !== null)
    throw backupError(
      'backup.folder_is_file',
      `${file} is a file, not a folder: choose a folder for the backups.`,
      { path: file },
      'invalid',
    );
}

/**
 * Makes `folder` (and any missing folder above it) for backups to be written into: throws
 * 'backup.folder_is_file' for a file in the way, else 'backup.folder_unwritable' with the disk's reason.
 */
export function makeBackupFolder(folder: string): void {
  refuseFileAsFolder(folder);
  try {
    makeFolders(folder);
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw backupError('backup.folder_unwritable', `Backups cannot be written to ${folder} (${reason}).`, {
      path: folder,
      reason,
    });
  }
}
