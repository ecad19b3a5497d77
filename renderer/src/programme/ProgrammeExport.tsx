/**
 * The year's programme as a CSV report for Excel (every nomination, its state and what loaded it),
 * in the page's language and the remembered separator: saved through the desktop's dialog, or
 * downloaded in browser mode, as every report is.
 */
import type { Translate } from '../i18n';
import { useExport } from '../reports/ExportPanel';

export function ProgrammeExport({ desktop, year, t }: { desktop: boolean; year: number; t: Translate }) {
  const exporter = useExport(desktop);
  const { status } = exporter;
  return (
    <div className="pg-export no-print">
      <button
        type="button"
        className="button"
        disabled={status.kind === 'busy'}
        onClick={() => void exporter.run('programme')}
        data-testid="programme-export"
      >
        {t('programme.export', { year })}
      </button>
      <span role="status" aria-live="polite">
        {status.kind === 'saved' && (
          <span className="rs-ok">
            {status.desktop
              ? t('reports.export.savedTo', { path: status.where })
              : t('reports.export.downloaded', { fileName: status.where })}
          </span>
        )}
        {status.kind === 'error' && (
          <span className="rs-error">
            {t('reports.export.failed')} {status.message}
          </span>
        )}
      </span>
    </div>
  );
}
