/**
 * Each vessel's year in whole tonnes, as management views show them: cargoes, tonnes, average
 * cargo, voyages, the cargoes discharged and those awaiting discharge, average transit and
 * turnaround days; the fleet's total at the foot. An average with nothing to average is a dash.
 */
import type { VesselVoyages, VoyageTotals } from '../../../electron/core/api';
import { DASH, numericColumns, ReportTable } from '../components/ReportTable';
import { decimal, integer } from '../format';
import type { Translate } from '../i18n';
import { summaryTonnes } from '../reconcile/figures';
import type { Language } from '../settings';

const COLUMNS = [
  'cargoes',
  'tonnes',
  'averageCargo',
  'voyages',
  'discharged',
  'pending',
  'transit',
  'turnaround',
];

function Cells({ row, language }: { row: VoyageTotals; language: Language }) {
  const days = (value: number | null) => (value === null ? DASH : decimal(language, value, 1));
  return (
    <>
      <td className="numeric">{integer(language, row.cargoes)}</td>
      <td className="numeric">{summaryTonnes(language, row.netKg)}</td>
      <td className="numeric">
        {row.averageCargoKg === null ? DASH : summaryTonnes(language, row.averageCargoKg)}
      </td>
      <td className="numeric">{integer(language, row.voyages)}</td>
      <td className="numeric">{integer(language, row.discharged)}</td>
      <td className="numeric">{integer(language, row.pending)}</td>
      <td className="numeric">{days(row.averageTransitDays)}</td>
      <td className="numeric">{days(row.averageTurnaroundDays)}</td>
    </>
  );
}

export function VesselTable({
  vessels,
  total,
  language,
  t,
}: {
  vessels: readonly VesselVoyages[];
  total: VoyageTotals;
  language: Language;
  t: Translate;
}) {
  return (
    <ReportTable
      className="dash-table rc-table vy-table"
      testId="voyages-vessels"
      caption={t('reconcile.byVessel.title')}
      columns={[
        { label: t('reconcile.column.vessel') },
        ...numericColumns(COLUMNS.map((column) => t(`voyages.column.${column}`))),
      ]}
    >
      <tbody>
        {vessels.map((row) => (
          <tr key={row.vessel} data-testid={`voyages-vessel-${row.vessel}`}>
            <th scope="row">{row.vessel}</th>
            <Cells row={row} language={language} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="rc-total" data-testid="voyages-total">
          <th scope="row">{t('reconcile.total')}</th>
          <Cells row={total} language={language} />
        </tr>
      </tfoot>
    </ReportTable>
  );
}
