/**
 * What only the desktop app does, beyond TransitApi: native file dialogs. Exposed by the preload
 * as `window.transitDesktop`; in browser mode the page downloads and uploads files instead.
 */
import type { CsvSeparator, ImportReport, ReportName } from './core/api';

export interface SaveOutcome {
  /** False when the person cancelled the dialog: nothing was written. */
  saved: boolean;
  path: string | null;
}

export interface OpenImportOutcome {
  cancelled: boolean;
  fileName: string | null;
  report: ImportReport | null;
  /** The file's bytes (base64) as read, so committing imports exactly what was previewed. */
  base64: string | null;
}

export interface DesktopApi {
  saveReport(request: { year: number; report: ReportName; separator: CsvSeparator }): Promise<SaveOutcome>;
  importFile(request: { dryRun: boolean }): Promise<OpenImportOutcome>;
  backupLedger(): Promise<SaveOutcome>;
  openDataFolder(): Promise<void>;
  /** Menu commands (new-shipment, export-register, export-monthly, import) for the page to act on. */
  onMenuCommand(listener: (command: string) => void): () => void;
}

export const DESKTOP_METHODS = ['saveReport', 'importFile', 'backupLedger', 'openDataFolder'] as const;
export const MENU_CHANNEL = 'transit-desktop:menu';
