/** The files the command line itself reads and writes: an import sheet in, a report out. */
import fs from 'node:fs';
import path from 'node:path';
import { TransitError } from '../core/errors';
import { MAX_IMPORT_BYTES } from '../core/requests';
import { UsageError } from './io';

/** Writes a whole file or nothing: a failed export never leaves a half-written report behind. */
export function writeFileAtomically(target: string, content: string | Uint8Array): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, content, { flush: true });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UsageError(
        `Cannot write ${target}: the folder ${path.dirname(path.resolve(target))} does not exist.`,
      );
    if (code === 'EACCES' || code === 'EPERM')
      throw new UsageError(`Cannot write ${target}: permission denied; choose another place.`);
    throw new TransitError('io', `Could not write ${target}: ${code ?? (error as Error).message}.`);
  }
}

/** How much of an import file is read at a time. */
const READ_CHUNK = 1024 * 1024;

/**
 * At most `limit` bytes of an open file, or null when it holds more. Read in chunks to the limit
 * and one byte past it, never to the end: a pipe, a device (/dev/zero) or a /proc file says its
 * size is 0, and reading it whole would not stop before the memory runs out.
 */
function readAtMost(fd: number, limit: number): Buffer | null {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, limit + 1 - total));
    const read = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > limit) return null;
  }
}

const READ_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** The file's bytes as they are: decoding them is the core's job (encoding.ts), done once for every path. */
export function readInputFile(file: string): Buffer {
  const tooLarge = (size: string) =>
    new UsageError(`Cannot import ${file}: it is ${size}, too large to be a shipment sheet.`);
  let fd: number | null = null;
  try {
    // Checked before reading, so a wrong 3 GB file is refused at once rather than read into memory.
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (stat.size > MAX_IMPORT_BYTES) throw tooLarge(`${Math.ceil(stat.size / 1024 / 1024)} MB (over 64 MB)`);
    fd = fs.openSync(file, 'r');
    const bytes = readAtMost(fd, MAX_IMPORT_BYTES);
    if (bytes === null) throw tooLarge('over 64 MB');
    return bytes;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `Cannot read ${file}: ${(code && READ_FAILURES[code]) ?? code ?? (error as Error).message}.`,
    );
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
