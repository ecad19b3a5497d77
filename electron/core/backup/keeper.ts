/**
 * A ledger's backups, kept without anyone asking: at the first write of each day (at the load
 * port, as every date in the app) a daily backup, and a monthly one when the month has none yet,
 * then the old ones pruned. The write that triggers it is already fsynced and answered: the
 * keeper takes the snapshot (a few numbers) and does the copying on a later turn, off the write's
 * path. Backups made on request go the same way, one at a time.
 */
import path from 'node:path';
import type { BackupFolderRequest, BackupProblem, BackupStatus, BackupSummary } from '../api';
import { todayAtLoadPort, LOAD_PORT_UTC_OFFSET_HOURS } from '../calendar';
import { TransitError } from '../errors';
import { backupError } from './errors';
import { makeBackupFolder } from './folder';
import { clearStalePartials, listBackups } from './listing';
import { backupName, backupStem, type BackupKind } from './names';
import { prunable } from './retention';
import { folderOf, readSettings, writeSettings } from './settings';
import type { Snapshot } from './snapshot';
import { writeBackup } from './write';
import fs from 'node:fs';

/** auto: daily and monthly backups at the first write of a day; manual: only on request; off: the demo ledger. */
export type BackupMode = 'auto' | 'manual' | 'off';

export interface KeeperHost {
  ledgerPath: string;
  now(): Date;
  /** The journals' confirmed ends at this moment; called between writes, never during one. */
  snapshot(): Snapshot;
  log?(error: unknown): void;
}

const DAY_MS = 86_400_000;
const OFFSET_MS = LOAD_PORT_UTC_OFFSET_HOURS * 3_600_000;
/** A failed daily backup is tried again at a write this long after it. */
export const RETRY_MS = 15 * 60_000;
/** Settings warns when the newest backup is older than this. */
export const STALE_MS = 2 * DAY_MS;

function nextLoadPortMidnight(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS + DAY_MS - OFFSET_MS;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function problemOf(error: unknown, at: Date): BackupProblem {
  const issue = error instanceof TransitError ? error.issues[0] : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return {
    at: at.toISOString(),
    code: issue?.code ?? 'backup.write_failed',
    facts: issue?.facts ?? {},
    message,
  };
}

export class BackupKeeper {
  private doneDay: string | null = null;
  private quietUntil = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: KeeperHost,
    readonly mode: BackupMode,
  ) {}

  /** After each confirmed write: one clock read, and on the day's first write a daily backup queued. */
  afterWrite(): void {
    if (this.mode !== 'auto') return;
    const ms = this.host.now().getTime();
    if (ms < this.quietUntil) return;
    this.quietUntil = nextLoadPortMidnight(ms);
    const day = todayAtLoadPort(new Date(ms));
    if (day === this.doneDay) return;
    this.doneDay = day;
    const snapshot = this.host.snapshot();
    this.enqueue(async () => {
      await nextTurn();
      try {
        await this.daily(snapshot, day);
      } catch (error) {
        this.doneDay = null;
        this.quietUntil = this.host.now().getTime() + RETRY_MS;
        this.host.log?.(error);
      }
    });
  }

  /** Resolves once every backup queued so far has finished (the command line waits before it exits). */
  async settled(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private get stem(): string {
    return backupStem(this.host.ledgerPath);
  }

  private async daily(snapshot: Snapshot, day: string): Promise<void> {
    const folder = folderOf(this.host.ledgerPath, readSettings(this.host.ledgerPath));
    const have = listBackups(folder, this.stem);
    const missing: BackupKind[] = [];
    if (!have.some((b) => b.kind === 'daily' && b.day === day)) missing.push('daily');
    if (!have.some((b) => b.kind === 'monthly' && b.day.slice(0, 7) === day.slice(0, 7)))
      missing.push('monthly');
    // One moment for both: they hold the same snapshot.
    const at = this.host.now();
    for (const kind of missing) await this.write(snapshot, folder, kind, day, at);
    await this.tidy(folder, day);
  }

  /** Writes one backup into the ledger's folder, keeping its outcome for Settings. */
  private async write(
    snapshot: Snapshot,
    folder: string,
    kind: BackupKind,
    day: string,
    at = this.host.now(),
  ): Promise<void> {
    try {
      await writeBackup({ snapshot, folder, kind, at, name: backupName(this.stem, kind, at, day) });
      this.remember(null);
    } catch (error) {
      // Another process made the same day's backup first: that one stands.
      if (error instanceof TransitError && error.issues[0]?.code === 'backup.exists') return;
      this.remember(problemOf(error, at));
      throw error;
    }
  }

  private remember(failure: BackupProblem | null): void {
    const settings = readSettings(this.host.ledgerPath);
    if (settings.failure === null && failure === null) return;
    try {
      writeSettings(this.host.ledgerPath, { ...settings, failure });
    } catch (error) {
      this.host.log?.(error);
    }
  }

  private async tidy(folder: string, day: string): Promise<void> {
    const good = listBackups(folder, this.stem);
    for (const name of prunable(good, day))
      await fs.promises.rm(path.join(folder, name), { recursive: true, force: true });
    await clearStalePartials(folder, this.host.now());
  }

  /** A backup made now: into `folder` when given (the command line's --dir), else the ledger's own folder. */
  backupNow(folder?: string): Promise<BackupStatus> {
    if (this.mode === 'off')
      throw backupError(
        'backup.demo',
        'The demo ledger is not backed up: it is made afresh each time.',
        {},
        'invalid',
      );
    const snapshot = this.host.snapshot();
    return this.enqueue(async () => {
      const day = todayAtLoadPort(this.host.now());
      if (folder !== undefined) {
        const at = this.host.now();
        await writeBackup({
          snapshot,
          folder,
          kind: 'manual',
          at,
          name: backupName(this.stem, 'manual', at, day),
        });
        await clearStalePartials(folder, this.host.now());
        return this.status(folder);
      }
      const own = folderOf(this.host.ledgerPath, readSettings(this.host.ledgerPath));
      await this.write(snapshot, own, 'manual', day);
      await this.tidy(own, day);
      return this.status();
    });
  }

  /** Chooses the folder (null: the one beside the ledger); it must be absolute and writable. */
  setFolder(request: BackupFolderRequest): BackupStatus {
    const folder = request.folder === null ? null : checkFolder(request.folder);
    writeSettings(this.host.ledgerPath, { folder, failure: null });
    return this.status();
  }

  status(folderGiven?: string): BackupStatus {
    const settings = readSettings(this.host.ledgerPath);
    const folder = folderGiven ?? folderOf(this.host.ledgerPath, settings);
    const backups = listBackups(folder, this.stem).map((b) => b.summary);
    const last = backups[0] ?? null;
    const failure =
      settings.failure !== null && (last === null || settings.failure.at > last.createdAt)
        ? settings.failure
        : null;
    const hasEntries = () => this.host.snapshot().journal.size > 0;
    const warning = this.mode === 'off' ? 'none' : warningOf(failure, last, this.host.now(), hasEntries);
    return {
      folder,
      chosen: settings.folder !== null,
      automatic: this.mode === 'auto',
      last,
      failure,
      warning,
      backups,
    };
  }
}

/** What Settings warns of: a failure after the newest backup, a newest one over two days old, or none at all. */
function warningOf(
  failure: BackupProblem | null,
  last: BackupSummary | null,
  now: Date,
  hasEntries: () => boolean,
): BackupStatus['warning'] {
  if (failure) return 'failed';
  if (last === null) return hasEntries() ? 'never' : 'none';
  return now.getTime() - Date.parse(last.createdAt) > STALE_MS ? 'stale' : 'none';
}

/** A folder a person typed or picked: absolute, and a folder this process can write into (made if missing). */
function checkFolder(raw: string): string {
  const folder = raw.trim();
  if (folder === '' || !path.isAbsolute(folder) || folder.includes('\0'))
    throw backupError(
      'backup.folder_invalid',
      `"${raw}" is not a full folder path (for example D:\\Backups or /media/usb/backups).`,
      { path: raw },
      'invalid',
    );
  makeBackupFolder(folder);
  return path.resolve(folder);
}
