/**
 * Sums by vessel or by month in whole tonnes, as management views show them, over the cargoes with
 * an outturn; the cargoes still waiting are counted beside them, and a row whose loss is beyond the
 * allowance as a whole is flagged. The month table ends with the period's total.
 */
import type { LossTotals } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { lossPercent, summaryTonnes } from './figures';

export interface SummaryRow extends LossTotals {
  key: string;
  name: string;
}

const DASH = <span aria-hidden="true">—</span>;

/** A row with no outturn yet has no sums to show: a dash, never a loss of 0 t. */
function Cells({ row, language }: { row: LossTotals; language: Language }) {
  const sum = (kg: number) => (row.cargoes === 0 ? DASH : summaryTonnes(language, kg));
  return (
    <>
      <td className="numeric">{row.cargoes}</td>
      <td className="numeric">{row.pending}</td>
      <td className="numeric">{sum(row.blKg)}</td>
      <td className="numeric">{sum(row.outturnKg)}</td>
      <td className="numeric">{sum(row.lossKg)}</td>
      <td className={`numeric${row.beyondAllowance ? ' rc-beyond' : ''}`}>
        {row.lossPercent === null ? (
          <span aria-hidden="true">—</span>
        ) : (
          lossPercent(language, row.lossPercent)
        )}
      </td>
      <td className={`numeric${row.flagged > 0 ? ' rc-beyond' : ''}`}>{row.flagged}</td>
    </>
  );
}

export function SummaryTable({
  testId,
  caption,
  nameHeader,
  rows,
  total,
  language,
  t,
}: {
  testId: string;
  caption: string;
  nameHeader: string;
  rows: readonly SummaryRow[];
  total: LossTotals | null;
  language: Language;
  t: Translate;
}) {
  const numeric = ['cargoes', 'pending', 'bl', 'outturn', 'loss', 'lossPercent', 'flagged'];
  return (
    <div className="dash-table-wrap">
      <table className="dash-table rc-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            {numeric.map((column) => (
              <th key={column} scope="col" className="numeric">
                {t(`reconcile.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <Cells row={row} language={language} />
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr className="rc-total" data-testid={`${testId}-total`}>
              <th scope="row">{t('reconcile.total')}</th>
              <Cells row={total} language={language} />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
