/**
 * A ledger's backup settings and its last failure, kept beside the ledger in `<ledger>.backup.json`.
 * Per ledger, not per installation: the desktop app, browser mode and the command line all open
 * the same file and must agree where its backups go, and the demo ledger or a ledger on another
 * path must never put its backups among the real one's. A failure is kept here, not in the backup
 * folder, because the folder being gone (a USB stick pulled out) is one of the failures to report.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupProblem } from '../api';

export interface BackupSettings {
  folder: string | null;
  failure: BackupProblem | null;
}

export const settingsPath = (ledgerPath: string): string => `${ledgerPath}.backup.json`;
export const defaultFolder = (ledgerPath: string): string => `${ledgerPath}.backups`;

export function readSettings(ledgerPath: string): BackupSettings {
  try {
    const parsed = JSON.parse(fs.readFileSync(settingsPath(ledgerPath), 'utf8')) as Partial<BackupSettings>;
    return {
      folder: typeof parsed.folder === 'string' && path.isAbsolute(parsed.folder) ? parsed.folder : null,
      failure: typeof parsed.failure === 'object' && parsed.failure !== null ? parsed.failure : null,
    };
  } catch {
    return { folder: null, failure: null };
  }
}

/** Replaces the settings whole (a temporary file renamed over them), so a reader never sees half. */
export function writeSettings(ledgerPath: string, settings: BackupSettings): void {
  const file = settingsPath(ledgerPath);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`);
  fs.renameSync(temp, file);
}

export function folderOf(ledgerPath: string, settings: BackupSettings): string {
  return settings.folder ?? defaultFolder(ledgerPath);
}
