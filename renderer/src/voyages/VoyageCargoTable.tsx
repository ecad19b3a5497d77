/**
 * Each cargo's voyage: its B/L date, vessel and voyage number, tonnes to the kilogram, the arrival
 * and discharge dates as the page writes dates, and the days at sea and in transit. A cargo without
 * a discharge date says it awaits one (never a transit of 0 days).
 */
import type { CargoVoyage } from '../../../electron/core/api';
import { DASH, numericColumns, ReportTable } from '../components/ReportTable';
import { calendarDate, integer } from '../format';
import type { Translate } from '../i18n';
import { cargoTonnes } from '../reconcile/figures';
import type { Language } from '../settings';

export function VoyageCargoTable({
  cargoes,
  language,
  t,
}: {
  cargoes: readonly CargoVoyage[];
  language: Language;
  t: Translate;
}) {
  const date = (iso: string | null) => (iso === null ? DASH : calendarDate(language, iso));
  const days = (value: number | null) => (value === null ? DASH : integer(language, value));
  return (
    <ReportTable
      className="dash-table rc-table vy-table vy-cargo-table"
      testId="voyages-cargoes"
      caption={t('reconcile.byCargo.title')}
      columns={[
        { label: t('reconcile.column.blDate') },
        { label: t('reconcile.column.blNumber') },
        { label: t('reconcile.column.vessel') },
        { label: t('voyages.column.voyage') },
        { label: t('reconcile.column.bl'), numeric: true },
        { label: t('voyages.column.arrival') },
        { label: t('voyages.column.discharge') },
        ...numericColumns([t('voyages.column.atSea'), t('voyages.column.transitDays')]),
      ]}
    >
      <tbody>
        {cargoes.map((cargo) => (
          <tr key={cargo.id} data-testid={`voyages-cargo-${cargo.id}`}>
            <td className="rc-nowrap">{calendarDate(language, cargo.blDate)}</td>
            <td className="rc-nowrap">{cargo.blNumber ?? DASH}</td>
            <th scope="row">{cargo.vessel}</th>
            <td className="rc-nowrap">{cargo.voyage ?? DASH}</td>
            <td className="numeric">{cargoTonnes(language, cargo.netKg)}</td>
            <td className="rc-nowrap">{date(cargo.arrivalDate)}</td>
            <td className="rc-nowrap">
              {cargo.dischargeDate === null ? (
                <span className="rc-status rc-status-pending">{t('voyages.awaiting')}</span>
              ) : (
                date(cargo.dischargeDate)
              )}
            </td>
            <td className="numeric">{days(cargo.daysAtSea)}</td>
            <td className="numeric">{days(cargo.transitDays)}</td>
          </tr>
        ))}
      </tbody>
    </ReportTable>
  );
}
