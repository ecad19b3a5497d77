import fs from 'node:fs';

/** Runs `use` on a file opened for reading and closes it after; null when there is no such file. */
export function readingFile<T>(file: string, use: (fd: number) => T): T | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return use(fd);
  } finally {
    fs.closeSync(fd);
  }
}
