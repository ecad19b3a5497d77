/**
 * Settings → Backups: the last backup, where they go, "Back up now", and a warning when the last
 * one failed, is over two days old, or there is none. The folder is the ledger's (every program on
 * it agrees): chosen in the desktop's folder dialog, typed in browser mode.
 */
import { useId, useState, type FormEvent } from 'react';
import type { BackupProblem, BackupStatus } from '../../../electron/core/api';
import { failureText } from '../errors';
import { dateTime, integer } from '../format';
import { useLanguage, useT, type Translate } from '../i18n';
import type { Language } from '../settings';
import { useBackups, type BackupResult } from './useBackups';
import './backups.css';

function problemText(t: Translate, language: Language, problem: BackupProblem): string {
  const issue = { field: 'backup', code: problem.code, message: problem.message, facts: problem.facts };
  return failureText(t, language, { code: 'io', message: problem.message, issues: [issue] });
}

function Warning({ status }: { status: BackupStatus }) {
  const t = useT();
  const language = useLanguage();
  if (status.warning === 'none') return null;
  const { failure, last } = status;
  let text = t('settings.backups.warnNever');
  if (status.warning === 'failed' && failure) {
    const when = t('settings.backups.warnFailed', { when: dateTime(language, failure.at) });
    text = `${when} ${problemText(t, language, failure)}`;
  } else if (status.warning === 'stale' && last)
    text = t('settings.backups.warnStale', { when: dateTime(language, last.createdAt) });
  return (
    <p className="bk-warning" role="alert" data-testid="backup-warning">
      {text}
    </p>
  );
}

function ResultLine({ result }: { result: BackupResult | null }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div role="status" aria-live="polite" className="rs-status-line" data-testid="backup-result">
      {result?.kind === 'done' && <span className="rs-ok">{t('settings.backups.done')}</span>}
      {result?.kind === 'folder' && (
        <span className="rs-ok">{t('settings.backups.folderSaved', { folder: result.folder })}</span>
      )}
      {result?.kind === 'failed' && (
        <span className="rs-error">{failureText(t, language, result.failure)}</span>
      )}
    </div>
  );
}

function Facts({ status }: { status: BackupStatus }) {
  const t = useT();
  const language = useLanguage();
  const { last } = status;
  return (
    <dl className="st-facts">
      <div>
        <dt>{t('settings.backups.last')}</dt>
        <dd data-testid="backup-last">
          {last
            ? `${dateTime(language, last.createdAt)} · ${t(`settings.backups.kind.${last.kind}`)}`
            : t('settings.backups.none')}
        </dd>
      </div>
      <div>
        <dt>{t('settings.backups.kept')}</dt>
        <dd className="st-num">{integer(language, status.backups.length)}</dd>
      </div>
      <div className="st-fact-wide">
        <dt>{t('settings.backups.folder')}</dt>
        <dd>
          <code className="st-path" data-testid="backup-folder">
            {status.folder}
          </code>
          {!status.chosen && <span className="muted bk-beside"> {t('settings.backups.besideLedger')}</span>}
        </dd>
      </div>
    </dl>
  );
}

export function BackupPanel() {
  const t = useT();
  const id = useId();
  const backups = useBackups();
  const { status, busy, desktop, demo } = backups;
  const [typed, setTyped] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void backups.setFolder(typed);
  };

  return (
    <section className="card rs-card bk-panel" aria-labelledby={`${id}-title`} data-testid="backup-panel">
      <h2 id={`${id}-title`} className="rs-card-title">
        {t('settings.backups.title')}
      </h2>
      <p className="muted rs-lead">{demo ? t('settings.backups.demo') : t('settings.backups.auto')}</p>
      {status && !demo && <Warning status={status} />}
      {status ? <Facts status={status} /> : <p className="muted">{t('common.loading')}</p>}
      {!demo && (
        <>
          {!desktop && (
            <form className="bk-folder-form" onSubmit={submit} noValidate>
              <label htmlFor={`${id}-folder`}>{t('settings.backups.typeFolder')}</label>
              <input
                id={`${id}-folder`}
                type="text"
                value={typed}
                placeholder={status?.folder}
                onChange={(e) => setTyped(e.target.value)}
                data-testid="backup-folder-input"
              />
              <button type="submit" className="button" disabled={busy || typed.trim() === ''}>
                {t('settings.backups.useFolder')}
              </button>
            </form>
          )}
          <div className="rs-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !status}
              onClick={() => void backups.backupNow()}
              data-testid="backup-now"
            >
              {busy ? t('settings.backups.working') : t('settings.backups.now')}
            </button>
            {desktop && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void backups.chooseFolder()}
              >
                {t('settings.backups.choose')}
              </button>
            )}
            {status?.chosen && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void backups.setFolder(null)}
              >
                {t('settings.backups.useDefault')}
              </button>
            )}
          </div>
        </>
      )}
      <ResultLine result={backups.result} />
    </section>
  );
}
