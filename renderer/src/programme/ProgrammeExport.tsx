/**
 * The year's programme as a CSV report for Excel (every nomination, its state and what loaded it),
 * in the page's language and the remembered separator: saved through the desktop's dialog, or
 * downloaded in browser mode, as every report is.
 */
import type { Translate } from '../i18n';
import { useExport } from '../reports/ExportPanel';
import { ExportButton, ExportOutcome } from '../reports/ExportOutcome';

export function ProgrammeExport({ desktop, year, t }: { desktop: boolean; year: number; t: Translate }) {
  const exporter = useExport(desktop);
  return (
    <div className="pg-export no-print">
      <ExportButton exporter={exporter} report="programme" testId="programme-export">
        {t('programme.export', { year })}
      </ExportButton>
      <span role="status" aria-live="polite">
        <ExportOutcome status={exporter.status} t={t} />
      </span>
    </div>
  );
}
