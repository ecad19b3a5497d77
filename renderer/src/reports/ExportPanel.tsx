import { useState } from 'react';
import type { ReportFormat, ReportName } from '../../../electron/core/api';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { downloadReport } from './download';
import { failureMessage } from './errors';
import { useSeparator } from './separator';

export type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; report: ReportName; format: ReportFormat }
  | { kind: 'saved'; desktop: boolean; where: string }
  | { kind: 'error'; message: string };

/**
 * Exports a report of the selected year, as a CSV file or an Excel workbook: through the native
 * save dialog on the desktop (a cancelled dialog changes nothing), as a browser download otherwise.
 */
export function useExport(desktop: boolean) {
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const exportReport = useLedger((s) => s.exportReport);
  const year = useLedger((s) => s.year);
  const [separator] = useSeparator();
  // The page's language: a Russian reader's register has Russian headers and status words.
  const language = useLanguage();

  const run = async (report: ReportName, format: ReportFormat = 'csv') => {
    setStatus({ kind: 'busy', report, format });
    try {
      const bridge = desktop ? window.transitDesktop : undefined;
      if (bridge) {
        const outcome = await bridge.saveReport({ year, report, format, separator, language });
        setStatus(
          outcome.saved ? { kind: 'saved', desktop: true, where: outcome.path ?? '' } : { kind: 'idle' },
        );
      } else {
        const exported = await exportReport(report, format, separator, language);
        downloadReport(exported);
        setStatus({ kind: 'saved', desktop: false, where: exported.fileName });
      }
    } catch (error) {
      setStatus({ kind: 'error', message: failureMessage(language, error) });
    }
  };

  return { status, run };
}

const REPORTS: readonly ReportName[] = ['register', 'monthly', 'reconciliation', 'years'];

/** One report's row: what it holds, and a button for each format (the workbook first: what managers forward). */
function ExportItem({
  report,
  year,
  status,
  onExport,
}: {
  report: ReportName;
  year: number;
  status: ExportStatus;
  onExport: (report: ReportName, format: ReportFormat) => void;
}) {
  const t = useT();
  const title = t(`reports.export.${report}`);
  const button = (format: ReportFormat, testId: string) => {
    const working = status.kind === 'busy' && status.report === report && status.format === format;
    return (
      <button
        type="button"
        className={format === 'xlsx' ? 'button button-primary' : 'button'}
        disabled={status.kind === 'busy'}
        onClick={() => onExport(report, format)}
        aria-label={t(`reports.export.as.${format}`, { report: title })}
        data-testid={testId}
      >
        {working ? t('reports.export.working') : t(`reports.export.format.${format}`)}
      </button>
    );
  };
  return (
    <div className="rs-export-item">
      <div>
        <div className="rs-item-title">{title}</div>
        <div className="muted rs-item-hint">{t(`reports.export.${report}Hint`, { year })}</div>
      </div>
      <div className="rs-export-buttons">
        {button('xlsx', `export-${report}-xlsx`)}
        {button('csv', `export-${report}`)}
      </div>
    </div>
  );
}

export function ExportPanel({
  year,
  status,
  onExport,
}: {
  year: number;
  status: ExportStatus;
  onExport: (report: ReportName, format: ReportFormat) => void;
}) {
  const t = useT();
  const [separator, setSeparator] = useSeparator();

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
        {REPORTS.map((report) => (
          <ExportItem key={report} report={report} year={year} status={status} onExport={onExport} />
        ))}
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
