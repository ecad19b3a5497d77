/**
 * Replacing a small file whole, or not at all: the new content is written under a private name,
 * fsynced, renamed over the old file and the folder fsynced, so a crash or a full disk at any
 * moment leaves either the old file or the new one, never a mixture, and no temp file behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDirectory } from './lock/atomic';

/** The disk operations a replacement is made of, replaceable so tests can make the disk fail. */
export interface ReplaceIo {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Buffer): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  fsyncDirectory(dir: string): void;
}

export const realReplaceIo: ReplaceIo = {
  openSync: (file, flags, mode) => fs.openSync(file, flags, mode),
  writeSync: (fd, buffer) => fs.writeSync(fd, buffer),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  fsyncDirectory,
};

/** Writes `content` to `file` atomically and durably; throws the disk's error with the old file untouched. */
export function replaceFile(file: string, content: string, io: ReplaceIo = realReplaceIo): void {
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const bytes = Buffer.from(content, 'utf8');
  let renamed = false;
  try {
    const fd = io.openSync(temp, 'wx', 0o644);
    try {
      for (let done = 0; done < bytes.length;) done += io.writeSync(fd, bytes.subarray(done));
      io.fsyncSync(fd);
    } finally {
      io.closeSync(fd);
    }
    io.renameSync(temp, file);
    renamed = true;
    io.fsyncDirectory(path.dirname(file));
  } finally {
    if (!renamed) fs.rmSync(temp, { force: true });
  }
}
