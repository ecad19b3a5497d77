/**
 * A file's first `size` bytes copied to a new file (never over one), hashed as they go, and made
 * durable. A journal only grows, so its bytes up to a confirmed size are the same however long
 * the copy takes; a source now shorter than that was replaced (a repair), and the copy says so.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { backupError } from './errors';

const CHUNK = 1 << 20;

export interface Copied {
  bytes: number;
  sha256: string;
}

export async function copyPrefix(source: string, target: string, size: number): Promise<Copied> {
  const hash = crypto.createHash('sha256');
  const from = await fs.promises.open(source, 'r');
  try {
    const to = await fs.promises.open(target, 'wx');
    try {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size, 1)));
      let done = 0;
      while (done < size) {
        const want = Math.min(buffer.length, size - done);
        const { bytesRead } = await from.read(buffer, 0, want, done);
        if (bytesRead === 0)
          throw backupError(
            'backup.source_changed',
            `The ledger file ${source} became shorter while it was being backed up (it was replaced); try again.`,
            { path: source },
          );
        const part = buffer.subarray(0, bytesRead);
        hash.update(part);
        await to.write(part, 0, bytesRead);
        done += bytesRead;
      }
      await to.sync();
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
  return { bytes: size, sha256: hash.digest('hex') };
}

/** Small content (the tip, the manifest, the sync checkpoint) written whole to a new file and made durable. */
export async function writeNew(target: string, content: string | Buffer): Promise<Copied> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await fs.promises.writeFile(target, bytes, { flag: 'wx', flush: true });
  return { bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** SHA-256 of a whole file, read in chunks. */
export async function hashFile(file: string): Promise<Copied> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Makes a folder's entries durable (a renamed backup); Windows cannot open a folder for it. */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
