/** Faults for the developers go to a log file beside the ledger; people are shown plain messages. */
import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from './core/folders';

export function fileLogger(dir: string): (context: string, error: unknown) => void {
  const file = path.join(dir, 'transit-ledger.log');
  return (context, error) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      makeFolders(dir);
      fs.appendFileSync(file, `${new Date().toISOString()} ${context}: ${detail}\n`);
    } catch {
      // Logging must never take the app down with it.
    }
  };
}
