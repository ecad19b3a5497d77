/**
 * `backup [--dir DIR]` makes a verified backup now (into DIR this once, else the ledger's backup
 * folder); `backups [--json]` lists the ledger's backups and whether one is overdue or failed;
 * `restore BACKUP --to FILE` writes a verified ledger to a new file, never over an existing one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupStatus, BackupSummary } from '../../core/api';
import { restoreBackup } from '../../core/backup/restore';
import { folderOf, readSettings } from '../../core/backup/settings';
import { flag, given } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';
import { t, table } from '../output';

function described(backup: BackupSummary): string {
  return `${backup.path} (${backup.entries} entries, ${backup.shipments} shipments, ${t(backup.totalKg)})`;
}

export const backup: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    // Read-only: a backup reads the journals, so it runs beside the desktop app that writes them.
    writes: false,
    async run({ service, io }) {
      const dir = flag(invocation, 'dir');
      if (dir?.trim() === '') throw new UsageError('backup --dir needs a folder.');
      const status =
        dir === undefined ? await service.backupNow() : await service.backupInto(path.resolve(dir));
      const made = status.last as BackupSummary;
      io.out(
        given(invocation, 'json')
          ? JSON.stringify(made, null, 2)
          : `Backup written and verified: ${described(made)}.`,
      );
      return EXIT.ok;
    },
  }),
};

function warningLine(status: BackupStatus): string | null {
  if (status.warning === 'failed' && status.failure)
    return `The last backup failed (${status.failure.at}): ${status.failure.message}`;
  if (status.warning === 'stale') return 'The newest backup is more than two days old.';
  if (status.warning === 'never') return 'This ledger has no backup yet.';
  return null;
}

export const backups: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: false,
    async run({ service, io }) {
      const status = await service.backupStatus();
      if (given(invocation, 'json')) {
        io.out(JSON.stringify(status, null, 2));
        return EXIT.ok;
      }
      io.out(`Backups of this ledger in ${status.folder}:`);
      const rows = status.backups.map((b) => [
        b.name,
        b.kind,
        b.createdAt,
        String(b.shipments),
        t(b.totalKg),
      ]);
      io.out(
        rows.length === 0
          ? '(none)'
          : table(['name', 'kind', 'made', 'shipments', 'total'], rows, new Set([3, 4])),
      );
      const warning = warningLine(status);
      if (warning) io.err(warning);
      return EXIT.ok;
    },
  }),
};

export const restore: Command = {
  kind: 'standalone',
  async run({ invocation, ledgerPath, io }) {
    const to = flag(invocation, 'to');
    if (!to) throw new UsageError('restore needs --to FILE: the new ledger file to write.');
    // A backup is named by its folder, or by its name in the ledger's backup folder (as `backups` lists it).
    const named = invocation.arg;
    const dir = fs.existsSync(named)
      ? named
      : path.join(folderOf(ledgerPath, readSettings(ledgerPath)), named);
    if (!fs.existsSync(dir)) throw new UsageError(`There is no backup ${named} (looked for ${dir}).`);
    const restored = await restoreBackup(path.resolve(dir), to);
    const stations =
      restored.stations.length > 0 ? ` and the journals of ${restored.stations.join(', ')}` : '';
    io.out(
      `Restored and verified ${restored.path}${stations}: ${restored.entries} entries, ` +
        `${restored.shipments} shipments, ${t(restored.totalKg)}.`,
    );
    return EXIT.ok;
  },
};
