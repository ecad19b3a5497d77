import type { ImportRowReport } from '../../../electron/core/api';
import { visible } from '../../../electron/core/encoding';
import { FIELDS } from '../../../electron/core/fields';
import { calendarDate, integer, tonnes } from '../format';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { fileIssueText, importIssueText } from './messages';
import { usePlural } from './plural';
import type { ImportController, ImportPreview } from './useImport';

/** A preview never draws more rows than this; the counts above it always cover the whole file. */
export const PREVIEW_ROW_LIMIT = 1000;

export function ImportPanel({ controller }: { controller: ImportController }) {
  const t = useT();
  const language = useLanguage();
  const plural = usePlural();
  const { state, error, inputRef, choose, onFileChosen, desktop } = controller;
  const busy = state.step === 'reading' || (state.step === 'preview' && state.committing);
  // The required columns under the names this page's language gives them; the names in the other three are read too.
  const requiredColumns = FIELDS.filter((field) => field.required)
    .map((field) => t('reports.import.quoted', { text: field.csv[language] }))
    .join(', ');

  return (
    <section className="card rs-card rs-import" aria-labelledby="rs-import-title" data-testid="import-panel">
      <div className="rs-import-head">
        <div>
          <h2 id="rs-import-title" className="rs-card-title">
            {t('reports.import.title')}
          </h2>
          <p className="muted rs-lead">{t('reports.import.intro')}</p>
        </div>
        <ol className="rs-steps" aria-label={t('reports.import.stepsLabel')}>
          <li
            className={
              state.step === 'idle' || state.step === 'reading' ? 'rs-step rs-step-current' : 'rs-step'
            }
          >
            {t('reports.import.step1')}
          </li>
          <li className={state.step === 'preview' ? 'rs-step rs-step-current' : 'rs-step'}>
            {t('reports.import.step2')}
          </li>
          <li className={state.step === 'done' ? 'rs-step rs-step-current' : 'rs-step'}>
            {t('reports.import.step3')}
          </li>
        </ol>
      </div>

      <div className="rs-actions">
        {desktop ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => void choose()}
            disabled={busy}
            data-testid="import-choose"
          >
            {t('reports.import.choose')}
          </button>
        ) : (
          <label
            className={
              busy
                ? 'button button-primary rs-file-button rs-disabled'
                : 'button button-primary rs-file-button'
            }
          >
            <input
              ref={inputRef}
              type="file"
              accept=".csv,text/csv"
              className="visually-hidden"
              disabled={busy}
              onChange={(event) => void onFileChosen(event)}
              data-testid="import-file"
            />
            {t('reports.import.choose')}
          </label>
        )}
        <span className="muted rs-note">{t('reports.import.columns', { required: requiredColumns })}</span>
      </div>

      <div role="status" aria-live="polite" className="rs-status-line">
        {state.step === 'reading' && <span className="muted">{t('reports.import.reading')}</span>}
        {state.step === 'done' && (
          <span className="rs-ok" data-testid="import-done">
            {plural('reports.import.done', state.added, { fileName: state.fileName })}
            {state.duplicates + state.skipped > 0 &&
              ` ${t('reports.import.doneLeftOut', {
                duplicates: integer(language, state.duplicates),
                skipped: integer(language, state.skipped),
              })}`}
          </span>
        )}
      </div>
      {error && (
        <p className="rs-error" role="alert" data-testid="import-error">
          {t('reports.import.failed')} {error}
        </p>
      )}

      {state.step === 'preview' && (
        <Preview
          preview={state.preview}
          committing={state.committing}
          notCommitted={state.notCommitted}
          controller={controller}
          plural={plural}
        />
      )}
    </section>
  );
}

function Preview({
  preview,
  committing,
  notCommitted,
  controller,
  plural,
}: {
  preview: ImportPreview;
  committing: boolean;
  notCommitted: boolean;
  controller: ImportController;
  plural: ReturnType<typeof usePlural>;
}) {
  const t = useT();
  const language = useLanguage();
  const readOnly = useLedger((s) => s.info?.readOnly ?? false);
  const { report, fileName } = preview;
  // The core lists only the rows with something to say (an issue, a warning, not added); plain rows to add are counted.
  const rows = report.rows;
  const shown = rows.slice(0, PREVIEW_ROW_LIMIT);
  const unlisted = report.unlistedRows ?? 0;

  const blocked =
    report.fileIssues.length > 0
      ? t('reports.import.blockedFile')
      : report.invalid > 0
        ? plural('reports.import.blockedInvalid', report.invalid)
        : readOnly
          ? t('reports.import.blockedReadOnly')
          : report.added === 0
            ? t('reports.import.blockedNothing')
            : null;
  const reuseNote =
    preview.base64 === null && controller.desktop ? t('reports.import.chooseAgain', { fileName }) : null;

  const counts: { key: string; value: number; tone: string; testId: string }[] = [
    { key: 'reports.import.count.add', value: report.added, tone: 'rs-tone-add', testId: 'count-add' },
    {
      key: 'reports.import.count.duplicates',
      value: report.duplicates,
      tone: 'rs-tone-neutral',
      testId: 'count-duplicates',
    },
    {
      key: 'reports.import.count.skipped',
      value: report.skipped,
      tone: 'rs-tone-neutral',
      testId: 'count-skipped',
    },
    {
      key: 'reports.import.count.invalid',
      value: report.invalid,
      tone: report.invalid > 0 ? 'rs-tone-invalid' : 'rs-tone-neutral',
      testId: 'count-invalid',
    },
  ];

  return (
    <div className="rs-preview" data-testid="import-preview">
      <div className="rs-preview-head">
        <h3 className="rs-preview-title">{t('reports.import.previewTitle', { fileName })}</h3>
        <span className="rs-pill">{t('reports.import.dryRunBadge')}</span>
      </div>
      {report.encoding === 'windows-1251' && (
        <p className="field-warning rs-block" data-testid="import-encoding">
          {t('reports.import.encoding')}
        </p>
      )}
      {notCommitted && (
        <p className="rs-error" role="alert">
          {t('reports.import.notCommitted')}
        </p>
      )}

      <dl className="rs-counts">
        {counts.map((count) => (
          <div key={count.key} className={`rs-count ${count.tone}`} data-testid={count.testId}>
            <dt>{t(count.key)}</dt>
            <dd className="numeric">{integer(language, count.value)}</dd>
          </div>
        ))}
      </dl>

      {report.fileIssues.length > 0 && (
        <div className="rs-file-issues" role="alert" data-testid="file-issues">
          <strong>{t('reports.import.fileIssues')}</strong>
          <ul>
            {report.fileIssues.map((issue, index) => (
              <li key={`${issue.code}-${index}`}>{fileIssueText(language, issue)}</li>
            ))}
          </ul>
        </div>
      )}

      {(rows.length > 0 || unlisted > 0) && (
        <div className="rs-table-tools">
          {unlisted > 0 && (
            <span className="muted" data-testid="import-unlisted">
              {plural('reports.import.unlisted', unlisted)}
            </span>
          )}
          {rows.length > shown.length && (
            <span className="muted">
              {t('reports.import.limited', {
                shown: integer(language, shown.length),
                total: integer(language, rows.length),
              })}
            </span>
          )}
        </div>
      )}
      {rows.length > 0 && (
        <>
          <div className="rs-table-wrap">
            <table className="rs-table" data-testid="import-rows">
              <caption className="visually-hidden">{t('reports.import.tableCaption', { fileName })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('reports.import.col.line')}
                  </th>
                  <th scope="col">{t('reports.import.col.outcome')}</th>
                  <th scope="col">{t('reports.import.col.blDate')}</th>
                  <th scope="col">
                    {t('reports.import.col.vessel')}
                    <span className="rs-th-sub">{t('reports.import.col.bl')}</span>
                  </th>
                  <th scope="col" className="numeric">
                    {t('reports.import.col.tonnes')}
                  </th>
                  <th scope="col">{t('reports.import.col.messages')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <PreviewRow key={row.line} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <div className="rs-commit">
        <div className="rs-commit-text">
          <p className="rs-all-or-none">{t('reports.import.allOrNone')}</p>
          {blocked && (
            <p className="rs-blocked" id="rs-commit-blocked" data-testid="commit-blocked">
              {blocked}
            </p>
          )}
          {!blocked && reuseNote && <p className="muted">{reuseNote}</p>}
        </div>
        <div className="rs-commit-buttons">
          <button type="button" className="button" onClick={controller.discard} disabled={committing}>
            {t('reports.import.discard')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={blocked !== null || committing}
            aria-describedby={blocked ? 'rs-commit-blocked' : undefined}
            onClick={() => void controller.commit()}
            data-testid="import-commit"
          >
            {committing ? t('reports.import.committing') : plural('reports.import.commit', report.added)}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * A cell the file wrote but the core could not read: shown as written, marked, so the row can still
 * be found. Control characters show as `\x07`, as in every other place the app quotes a file.
 */
function AsWritten({ text }: { text: string }) {
  const t = useT();
  return (
    <span className="rs-raw" title={t('reports.import.asWritten')}>
      {visible(text)}
    </span>
  );
}

const NOTHING = <span className="muted">—</span>;

/**
 * One listed row: its line and outcome, its cargo as read (date, vessel and tonnes the page's way;
 * a cell the core could not read as the file wrote it), and what the core says of it, translated
 * from its codes and facts.
 */
function PreviewRow({ row }: { row: ImportRowReport }) {
  const t = useT();
  const language = useLanguage();
  const date =
    row.blDate !== null ? (
      calendarDate(language, row.blDate)
    ) : row.blDateText !== null ? (
      <AsWritten text={row.blDateText} />
    ) : (
      NOTHING
    );
  const amount =
    row.netKg !== null ? (
      tonnes(language, row.netKg)
    ) : row.netTonnesText !== null ? (
      <AsWritten text={row.netTonnesText} />
    ) : (
      NOTHING
    );
  return (
    <tr className={`rs-row-${row.outcome}`}>
      <td className="numeric">{integer(language, row.line)}</td>
      <td>
        <span className={`rs-outcome rs-outcome-${row.outcome}`}>
          {t(`reports.import.outcome.${row.outcome}`)}
        </span>
      </td>
      <td className="rs-date">{date}</td>
      <td className="rs-vessel">
        {/* The B/L number under the vessel: the messages keep the width they need at 1024 px. */}
        <span className="rs-vessel-name">{row.vessel === null ? NOTHING : visible(row.vessel)}</span>
        {row.blNumber !== null && <span className="rs-bl">{visible(row.blNumber)}</span>}
      </td>
      <td className="numeric rs-tonnes">{amount}</td>
      <td>
        {row.issues.length === 0 && row.warnings.length === 0 ? (
          <span className="muted">{t('reports.import.rowOk')}</span>
        ) : (
          <ul className="rs-messages">
            {row.issues.map((issue, index) => (
              <li key={`i${index}`} className={row.outcome === 'invalid' ? 'rs-msg rs-msg-error' : 'rs-msg'}>
                {importIssueText(language, issue, row)}
              </li>
            ))}
            {row.warnings.map((warning, index) => (
              <li key={`w${index}`} className="rs-msg rs-msg-warning">
                {importIssueText(language, warning, row)}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
