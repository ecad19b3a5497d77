import { useState } from 'react';
import { integer } from '../format';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { failureMessage } from './errors';

export type FileStatus =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; path: string } | { kind: 'error'; message: string };

/** Desktop only: a copy of the ledger file, and the folder that holds it. */
export function useLedgerFile() {
  const language = useLanguage();
  const [status, setStatus] = useState<FileStatus>({ kind: 'idle' });

  const backup = async () => {
    const bridge = window.transitDesktop;
    if (!bridge) return;
    setStatus({ kind: 'busy' });
    try {
      const outcome = await bridge.backupLedger();
      setStatus(outcome.saved ? { kind: 'saved', path: outcome.path ?? '' } : { kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', message: failureMessage(language, error) });
    }
  };

  const openFolder = async () => {
    const bridge = window.transitDesktop;
    if (!bridge) return;
    try {
      await bridge.openDataFolder();
    } catch (error) {
      setStatus({ kind: 'error', message: failureMessage(language, error) });
    }
  };

  return { status, backup, openFolder };
}

/** Where the ledger lives; on the desktop also its backup and its folder (the browser cannot reach either). */
export function LedgerFilePanel({
  controller,
  desktop,
}: {
  controller: ReturnType<typeof useLedgerFile>;
  desktop: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const info = useLedger((s) => s.info);
  const { status } = controller;
  return (
    <section className="card rs-card" aria-labelledby="rs-file-title" data-testid="ledger-file-panel">
      <h2 id="rs-file-title" className="rs-card-title">
        {t('reports.file.title')}
      </h2>
      <p className="muted rs-lead">{t('reports.file.intro')}</p>
      {info && (
        <p className="rs-file-path">
          <code className="st-path">{info.path}</code>
          <span className="muted rs-note">
            {t('reports.file.entries', {
              entries: integer(language, info.entries),
              shipments: integer(language, info.shipments),
            })}
          </span>
        </p>
      )}
      {desktop ? (
        <div className="rs-actions">
          <button
            type="button"
            className="button"
            onClick={() => void controller.backup()}
            disabled={status.kind === 'busy'}
            data-testid="backup-ledger"
          >
            {t('reports.file.backup')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void controller.openFolder()}
            data-testid="open-data-folder"
          >
            {t('reports.file.openFolder')}
          </button>
        </div>
      ) : (
        <p className="muted rs-note">{t('reports.file.browserNote')}</p>
      )}
      <div className="rs-status-line" role="status" aria-live="polite">
        {status.kind === 'saved' && (
          <span className="rs-ok">{t('reports.file.saved', { path: status.path })}</span>
        )}
      </div>
      {status.kind === 'error' && (
        <p className="rs-error" role="alert">
          {status.message}
        </p>
      )}
    </section>
  );
}
