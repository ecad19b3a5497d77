/**
 * What only the desktop app does, beyond TransitApi: native file dialogs and the File menu. The
 * preload exposes it as `window.transitDesktop`; in browser mode the page downloads and uploads
 * files instead. Its calls are a method table like TransitApi's (DESKTOP_API), sent over IPC and
 * received by the same dispatch, with the same allow-list, sender check and input guards.
 *
 * Nothing but types is imported at run time besides methods.ts: the sandboxed preload bundles it.
 */
import type { CsvSeparator, ImportReport, Language, ReportFormat, ReportName } from './core/api';
import { methodsOf, type MethodTable } from './core/methods';

export interface SaveOutcome {
  /** False when the person cancelled the dialog: nothing was written. */
  saved: boolean;
  path: string | null;
}

export interface FolderOutcome {
  /** False when the person cancelled the dialog. */
  chosen: boolean;
  path: string | null;
}

export interface OpenImportOutcome {
  cancelled: boolean;
  fileName: string | null;
  report: ImportReport | null;
  /** The file's bytes (base64) as read, so committing imports exactly what was previewed. */
  base64: string | null;
}

export interface SaveReportRequest {
  year: number;
  report: ReportName;
  separator: CsvSeparator;
  /** The reader's language: the file's headers and status words. */
  language: Language;
  format: ReportFormat;
}

/** The desktop calls: each one IPC channel `transit-desktop:<method>`. */
export interface DesktopCalls {
  saveReport(request: SaveReportRequest): Promise<SaveOutcome>;
  importFile(request: { dryRun: boolean }): Promise<OpenImportOutcome>;
  backupLedger(): Promise<SaveOutcome>;
  openDataFolder(): Promise<void>;
  /** The folder dialog for the ledger's backups; the page then sets it through TransitApi.setBackupFolder. */
  chooseBackupFolder(): Promise<FolderOutcome>;
}

/** Method → [fewest, most] arguments, checked against DesktopCalls. */
export const DESKTOP_API: MethodTable<DesktopCalls> = {
  saveReport: [1, 1],
  importFile: [1, 1],
  backupLedger: [0, 0],
  openDataFolder: [0, 0],
  chooseBackupFolder: [0, 0],
};

export const DESKTOP_METHODS: readonly (keyof DesktopCalls)[] = Object.freeze(methodsOf(DESKTOP_API));

/** The File menu's commands, as the main process sends them to the page. */
export const MENU_COMMANDS = [
  'new-shipment',
  'export-register',
  'export-monthly',
  'import',
  'backup',
  'open-data-folder',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return MENU_COMMANDS.some((command) => command === value);
}

export interface DesktopApi extends DesktopCalls {
  /** Menu commands for the page to act on; the listener gets the command only, never the IPC event. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** IPC channel names, shared by the preload and the main process. */
export const transitChannel = (method: string): string => `transit:${method}`;
export const desktopChannel = (method: string): string => `transit-desktop:${method}`;
export const MENU_CHANNEL = 'transit-desktop:menu';
