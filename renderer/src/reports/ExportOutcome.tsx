/**
 * The pieces a report's own screen (reconciliation, vessels, programme) exports with: its button and
 * the line saying where the file went or why it failed, the same on every screen.
 */
import type { ReactNode } from 'react';
import type { ReportName } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import type { ExportStatus, useExport } from './ExportPanel';

type Exporter = ReturnType<typeof useExport>;

/** Exports the report as a CSV; idle while an export runs. */
export function ExportButton(props: {
  exporter: Exporter;
  report: ReportName;
  testId: string;
  children: ReactNode;
}) {
  const { exporter, report, testId, children } = props;
  return (
    <button
      type="button"
      className="button"
      disabled={exporter.status.kind === 'busy'}
      onClick={() => void exporter.run(report)}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

/** Where the file was saved or downloaded, or why the export failed; nothing before an export. */
export function ExportOutcome({ status, t }: { status: ExportStatus; t: Translate }) {
  return (
    <>
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
    </>
  );
}
