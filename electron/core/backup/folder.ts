/**
 * A backup folder checked before anything is written into it: a file where the folder (or one of
 * the folders above it) should be is said as such, not as the disk's EEXIST or ENOTDIR.
 */
import fs from 'node:fs';
import path from 'node:path';
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
