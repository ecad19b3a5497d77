/**
 * What a report's page shows under its header: the export's outcome (announced), the core's answer
 * still loading or failed, and a sentence when the answer holds nothing. The tables follow it.
 */
import type { Translate } from '../i18n';
import { ExportOutcome } from '../reports/ExportOutcome';
import type { ExportStatus } from '../reports/ExportPanel';
import type { Language } from '../settings';
import { AnswerState, type AnswerStatus } from './AnswerState';

export function ReportAnswer({
  exportStatus,
  state,
  empty,
  emptyTestId,
  language,
  t,
}: {
  exportStatus: ExportStatus;
  state: AnswerStatus;
  /** The sentence for an answer that holds nothing; null while there is something (or no answer yet). */
  empty: string | null;
  emptyTestId: string;
  language: Language;
  t: Translate;
}) {
  return (
    <>
      <div role="status" aria-live="polite" className="rc-export-status">
        <ExportOutcome status={exportStatus} t={t} />
      </div>
      <AnswerState state={state} language={language} t={t} />
      {empty !== null && (
        <p className="card muted" data-testid={emptyTestId}>
          {empty}
        </p>
      )}
    </>
  );
}
