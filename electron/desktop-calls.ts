/**
 * The desktop calls (desktop-api.ts) as the main process carries them out: native dialogs, the
 * report file, the ledger's backup and its folder. Electron is reached only through the host given
 * in, so this runs (and is tested) without Electron. Every argument arrives untrusted, as for
 * TransitApi: dispatch has checked it is plain data of the right count, and the core's validators
 * read it. A disk's refusal becomes TransitError 'io' in words a person can act on.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupStatus, TransitApi } from './core/api';
import { TransitError } from './core/errors';
import { parseExportRequest } from './core/requests';
import type { DesktopCalls, FolderOutcome, OpenImportOutcome, SaveOutcome } from './desktop-api';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What the desktop calls need of Electron and of the open ledger. */
export interface DesktopHost {
  api(): TransitApi;
  /** The ledger file that is open now (the real one or the demo). */
  ledgerPath(): string;
  /** A verified backup of the open ledger (all its stations' journals) made now in `folder`, as `backup --dir`. */
  backupInto(folder: string): Promise<BackupStatus>;
  /** The file the person chose in a save dialog, or null when they cancelled. */
  chooseSavePath(defaultPath: string, filters: FileFilter[]): Promise<string | null>;
  /** The file the person chose in an open dialog, or null when they cancelled. */
  chooseOpenPath(filters: FileFilter[]): Promise<string | null>;
  /** The folder the person chose in a folder dialog (one can be made there), or null when they cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Shows a folder in the system's file manager; resolves with an error text, '' when it worked. */
  showFolder(folder: string): Promise<string>;
  log(context: string, error: unknown): void;
  now?: () => Date;
}

/** What failed on the disk: a code a page words, the file it concerns, and the English of the log and CLI. */
interface DiskStep {
  code: 'report.write_failed' | 'import.read_failed' | 'backup.write_failed' | 'folder.open_failed';
  path: string;
  failed: string;
}

/** A disk's refusal as the page shows it: its code, and the path and reason (an errno code) as facts. */
function diskError(step: DiskStep, reason: string): TransitError {
  const message = `${step.failed} (${reason}).`;
  return new TransitError('io', message, [
    { field: 'file', code: step.code, message, facts: { path: step.path, reason } },
  ]);
}

/** Runs a step that touches the disk: a TransitError passes as it is, any other failure becomes 'io'. */
async function onDisk<T>(host: DesktopHost, failed: DiskStep, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof TransitError) throw error;
    host.log('desktop', error);
    const reason =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw diskError(failed, reason);
  }
}

const CSV_FOR_EXCEL: FileFilter[] = [{ name: 'CSV for Excel', extensions: ['csv'] }];
const WORKBOOK: FileFilter[] = [{ name: 'Excel workbook', extensions: ['xlsx'] }];
const CSV_IN: FileFilter[] = [{ name: 'CSV', extensions: ['csv', 'txt'] }];

function isDryRun(request: unknown): boolean {
  return typeof request === 'object' && request !== null && (request as { dryRun?: unknown }).dryRun === true;
}

export function desktopCalls(host: DesktopHost): DesktopCalls {
  const saveReport = async (request: unknown): Promise<SaveOutcome> => {
    const report = await host.api().exportReport(parseExportRequest(request));
    const file = await host.chooseSavePath(
      report.fileName,
      report.format === 'xlsx' ? WORKBOOK : CSV_FOR_EXCEL,
    );
    if (!file) return { saved: false, path: null };
    const written: DiskStep = {
      code: 'report.write_failed',
      path: file,
      failed: `The file ${file} could not be written`,
    };
    await onDisk(host, written, () =>
      fs.promises.writeFile(file, Buffer.from(report.content, report.encoding), { flush: true }),
    );
    return { saved: true, path: file };
  };

  const importFile = async (request: unknown): Promise<OpenImportOutcome> => {
    const dryRun = isDryRun(request);
    const file = await host.chooseOpenPath(CSV_IN);
    if (!file) return { cancelled: true, fileName: null, report: null, base64: null };
    // The bytes go to the core as they are: it decodes them (or refuses them) as for every other path.
    const read: DiskStep = {
      code: 'import.read_failed',
      path: file,
      failed: `The file ${file} could not be read`,
    };
    const bytes = await onDisk(host, read, () => fs.promises.readFile(file));
    const base64 = bytes.toString('base64');
    const report = await host.api().importCsv({ base64, dryRun });
    return { cancelled: false, fileName: path.basename(file), report, base64 };
  };

  // The same backup as Settings and the command line: every journal of the ledger, checked, with a manifest.
  const backupLedger = async (): Promise<SaveOutcome> => {
    const folder = await host.chooseFolder();
    if (!folder) return { saved: false, path: null };
    const written: DiskStep = {
      code: 'backup.write_failed',
      path: folder,
      failed: `The backup could not be written to ${folder}`,
    };
    const status = await onDisk(host, written, () => host.backupInto(folder));
    return { saved: true, path: status.last?.path ?? folder };
  };

  const openDataFolder = async (): Promise<void> => {
    const folder = path.dirname(host.ledgerPath());
    const problem = await host.showFolder(folder);
    if (problem)
      throw diskError(
        { code: 'folder.open_failed', path: folder, failed: `The folder ${folder} could not be opened` },
        problem,
      );
  };

  const chooseBackupFolder = async (): Promise<FolderOutcome> => {
    const folder = await host.chooseFolder();
    return folder === null ? { chosen: false, path: null } : { chosen: true, path: folder };
  };

  return { saveReport, importFile, backupLedger, openDataFolder, chooseBackupFolder };
}
