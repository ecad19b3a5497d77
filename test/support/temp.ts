import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh directory per test, removed afterwards; tests never touch the user's real ledger. */
export function tempDir(prefix = 'transit-test-'): {
  dir: string;
  file: (name: string) => string;
  cleanup: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name) => path.join(dir, name),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fixed clock: 2024-08-15 12:00 UTC (17:00 at Aktau), so "today" never drifts under a test. */
export const FIXED_NOW = new Date('2024-08-15T12:00:00Z');
export const fixedNow = (): Date => FIXED_NOW;
