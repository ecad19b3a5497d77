/**
 * Making a folder a person chose, or one beside their ledger. Node's `mkdir(…, { recursive: true })`
 * retries for ever when a folder that exists refuses to hold the next one with ENOENT (/proc on
 * Linux), at full CPU and deaf to SIGTERM; this makes one missing level at a time with the plain
 * mkdir and throws the first refusal as the disk gave it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The levels of `folder` (absolute) that do not exist yet, outermost first, and the nearest that does. */
function missingLevels(folder: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      fs.statSync(at);
      return { existing: at, missing };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a file stands higher up; the mkdir below it says so.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || at === path.dirname(at)) throw error;
      missing.unshift(at);
    }
  }
}

/**
 * Makes `folder` and any missing folder above it; a folder already there is fine. Throws the disk's
 * error (EEXIST for a file standing where `folder` should be, ENOTDIR for one above it, ENOENT,
 * EACCES…) at the first level refused, never retrying.
 */
export function makeFolders(folder: string): void {
  const target = path.resolve(folder);
  const { existing, missing } = missingLevels(target);
  // Whatever stands at `folder` itself must be a folder: mkdir over it throws EEXIST, as the disk words it.
  if (missing.length === 0 && !fs.statSync(existing).isDirectory()) fs.mkdirSync(target);
  for (const level of missing) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      // Made by another program between the look and the mkdir: that is the folder wanted.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' || fs.statSync(level, { throwIfNoEntry: false })?.isDirectory() !== true)
        throw error;
    }
  }
}
