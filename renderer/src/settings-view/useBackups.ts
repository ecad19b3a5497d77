/**
 * Settings → Backups, its state and actions: the ledger's backup status read when the panel opens
 * and whenever the ledger or its entry count changes, "Back up now", and the folder chosen (the
 * desktop's folder dialog, or a typed path in browser mode) or set back to the one beside the ledger.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus } from '../../../electron/core/api';
import { isDesktop } from '../client';
import { failureOf, type Failure } from '../errors';
import { guardOf } from '../ledger-watch';
import { useLedger } from '../store';

export type BackupResult =
  { kind: 'done' } | { kind: 'folder'; folder: string } | { kind: 'failed'; failure: Failure };

export function useBackups() {
  const api = useLedger((s) => s.api);
  const info = useLedger((s) => s.info);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BackupResult | null>(null);
  const ledgerId = info?.ledgerId;
  const entries = info?.entries;

  useEffect(() => {
    if (!api) return;
    let live = true;
    api.backupStatus().then(
      (next) => live && setStatus(next),
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, [api, ledgerId, entries]);

  const run = useCallback(
    async (action: () => Promise<BackupStatus>, done: (status: BackupStatus) => BackupResult) => {
      if (!api) return;
      setBusy(true);
      setResult(null);
      try {
        const next = await action();
        setStatus(next);
        setResult(done(next));
      } catch (error) {
        setResult({ kind: 'failed', failure: failureOf(error) });
        // A failed backup is kept as the ledger's last attempt: the warning says so too.
        setStatus(await api.backupStatus().catch(() => null));
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  const guard = guardOf(info);
  const backupNow = () =>
    run(
      () => (api as NonNullable<typeof api>).backupNow(guard),
      () => ({ kind: 'done' }),
    );
  const setFolder = (folder: string | null) =>
    run(
      () => (api as NonNullable<typeof api>).setBackupFolder({ folder }, guard),
      (next) => ({ kind: 'folder', folder: next.folder }),
    );
  const chooseFolder = async () => {
    const outcome = await window.transitDesktop?.chooseBackupFolder();
    if (outcome?.chosen && outcome.path) await setFolder(outcome.path);
  };

  return {
    status,
    busy,
    result,
    backupNow,
    setFolder,
    chooseFolder,
    desktop: isDesktop(),
    demo: info?.demo ?? false,
  };
}
