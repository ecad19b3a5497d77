/**
 * Sums by vessel or by month in whole tonnes, as management views show them, over the cargoes with
 * an outturn; the cargoes still waiting are counted beside them, and a row whose loss is beyond the
 * allowance as a whole is flagged. The month table ends with the period's total.
 */
import type { LossTotals } from '../../../electron/core/api';
import { DASH, numericColumns, ReportTable } from '../components/ReportTable';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { lossPercent, summaryTonnes } from './figures';

export interface SummaryRow extends LossTotals {
  key: string;
  name: string;
}

const NUMERIC = ['cargoes', 'pending', 'bl', 'outturn', 'loss', 'lossPercent', 'flagged'];

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
        {row.lossPercent === null ? DASH : lossPercent(language, row.lossPercent)}
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
  return (
    <ReportTable
      className="dash-table rc-table"
      testId={testId}
      caption={caption}
      columns={[
        { label: nameHeader },
        ...numericColumns(NUMERIC.map((column) => t(`reconcile.column.${column}`))),
      ]}
    >
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
    </ReportTable>
  );
}
