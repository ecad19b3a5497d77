/**
 * Each cargo's voyage: its B/L date, vessel and voyage number, tonnes to the kilogram, the arrival
 * and discharge dates as the page writes dates, and the days at sea and in transit. A cargo without
 * a discharge date says it awaits one (never a transit of 0 days).
 */
import type { CargoVoyage } from '../../../electron/core/api';
import { calendarDate, integer } from '../format';
import type { Translate } from '../i18n';
import { cargoTonnes } from '../reconcile/figures';
import type { Language } from '../settings';

const DASH = <span aria-hidden="true">—</span>;

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
    <div className="dash-table-wrap">
      <table className="dash-table rc-table vy-table vy-cargo-table" data-testid="voyages-cargoes">
        <caption>{t('reconcile.byCargo.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reconcile.column.blDate')}</th>
            <th scope="col">{t('reconcile.column.blNumber')}</th>
            <th scope="col">{t('reconcile.column.vessel')}</th>
            <th scope="col">{t('voyages.column.voyage')}</th>
            <th scope="col" className="numeric">
              {t('reconcile.column.bl')}
            </th>
            <th scope="col">{t('voyages.column.arrival')}</th>
            <th scope="col">{t('voyages.column.discharge')}</th>
            <th scope="col" className="numeric">
              {t('voyages.column.atSea')}
            </th>
            <th scope="col" className="numeric">
              {t('voyages.column.transitDays')}
            </th>
          </tr>
        </thead>
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
      </table>
    </div>
  );
}
