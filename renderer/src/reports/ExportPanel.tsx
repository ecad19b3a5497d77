import { useState } from 'react';
import type { ReportName } from '../../../electron/core/api';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { downloadText } from './download';
import { failureMessage } from './errors';
import { useSeparator } from './separator';

export type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; report: ReportName }
  | { kind: 'saved'; desktop: boolean; where: string }
  | { kind: 'error'; message: string };

/**
 * Exports a report of the selected year: through the native save dialog on the desktop (a
 * cancelled dialog changes nothing), as a browser download otherwise.
 */
export function useExport(desktop: boolean) {
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const exportReport = useLedger((s) => s.exportReport);
  const year = useLedger((s) => s.year);
  const [separator] = useSeparator();
  // The page's language: a Russian reader's register has Russian headers and status words.
  const language = useLanguage();

  const run = async (report: ReportName) => {
    setStatus({ kind: 'busy', report });
    try {
      const bridge = desktop ? window.transitDesktop : undefined;
      if (bridge) {
        const outcome = await bridge.saveReport({ year, report, separator, language });
        setStatus(
          outcome.saved ? { kind: 'saved', desktop: true, where: outcome.path ?? '' } : { kind: 'idle' },
        );
      } else {
        const { fileName, content } = await exportReport(report, separator, language);
        downloadText(fileName, content);
        setStatus({ kind: 'saved', desktop: false, where: fileName });
      }
    } catch (error) {
      setStatus({ kind: 'error', message: failureMessage(language, error) });
    }
  };

  return { status, run };
}

export function ExportPanel({
  year,
  status,
  onExport,
}: {
  year: number;
  status: ExportStatus;
  onExport: (report: ReportName) => void;
}) {
  const t = useT();
  const [separator, setSeparator] = useSeparator();
  const busy = status.kind === 'busy';

  return (
    <section className="card rs-card" aria-labelledby="rs-export-title" data-testid="export-panel">
      <h2 id="rs-export-title" className="rs-card-title">
        {t('reports.export.title')}
      </h2>
      <p className="muted rs-lead">{t('reports.export.intro', { year })}</p>

      <fieldset className="rs-fieldset">
        <legend>{t('reports.separator.legend')}</legend>
        <div className="rs-choices rs-choices-row">
          <label className="rs-choice">
            <input
              type="radio"
              name="rs-separator"
              value=";"
              checked={separator === ';'}
              onChange={() => setSeparator(';')}
              data-testid="separator-semicolon"
            />
            <span className="rs-choice-text">
              <span className="rs-choice-title">
                <kbd className="rs-sep">;</kbd> {t('reports.separator.semicolon')}
              </span>
              <span className="muted rs-choice-hint">{t('reports.separator.semicolonHint')}</span>
            </span>
          </label>
          <label className="rs-choice">
            <input
              type="radio"
              name="rs-separator"
              value=","
              checked={separator === ','}
              onChange={() => setSeparator(',')}
              data-testid="separator-comma"
            />
            <span className="rs-choice-text">
              <span className="rs-choice-title">
                <kbd className="rs-sep">,</kbd> {t('reports.separator.comma')}
              </span>
              <span className="muted rs-choice-hint">{t('reports.separator.commaHint')}</span>
            </span>
          </label>
        </div>
        <p className="muted rs-note">{t('reports.separator.remembered')}</p>
      </fieldset>

      <div className="rs-export-list">
        <div className="rs-export-item">
          <div>
            <div className="rs-item-title">{t('reports.export.register')}</div>
            <div className="muted rs-item-hint">{t('reports.export.registerHint', { year })}</div>
          </div>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => onExport('register')}
            data-testid="export-register"
          >
            {status.kind === 'busy' && status.report === 'register'
              ? t('reports.export.working')
              : t('reports.export.registerButton')}
          </button>
        </div>
        <div className="rs-export-item">
          <div>
            <div className="rs-item-title">{t('reports.export.monthly')}</div>
            <div className="muted rs-item-hint">{t('reports.export.monthlyHint', { year })}</div>
          </div>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => onExport('monthly')}
            data-testid="export-monthly"
          >
            {status.kind === 'busy' && status.report === 'monthly'
              ? t('reports.export.working')
              : t('reports.export.monthlyButton')}
          </button>
        </div>
        <div className="rs-export-item">
          <div>
            <div className="rs-item-title">{t('reports.export.reconciliation')}</div>
            <div className="muted rs-item-hint">{t('reports.export.reconciliationHint', { year })}</div>
          </div>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => onExport('reconciliation')}
            data-testid="export-reconciliation"
          >
            {status.kind === 'busy' && status.report === 'reconciliation'
              ? t('reports.export.working')
              : t('reports.export.reconciliationButton')}
          </button>
        </div>
      </div>

      <div className="rs-status-line" role="status" aria-live="polite" data-testid="export-status">
        {status.kind === 'saved' && (
          <span className="rs-ok">
            {status.desktop
              ? t('reports.export.savedTo', { path: status.where })
              : t('reports.export.downloaded', { fileName: status.where })}
          </span>
        )}
      </div>
      {status.kind === 'error' && (
        <p className="rs-error" role="alert">
          {t('reports.export.failed')} {status.message}
        </p>
      )}
    </section>
  );
}
