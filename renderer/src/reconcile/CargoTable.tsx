/**
 * Each cargo's outturn against its B/L figure, to the kilogram: a cargo beyond the allowance is
 * flagged in words and colour, a gain is said as one, and a cargo without outturn says it waits
 * (never a zero loss).
 */
import type { CargoReconciliation } from '../../../electron/core/api';
import { DASH, numericColumns, ReportTable } from '../components/ReportTable';
import { calendarDate } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { cargoTonnes, lossPercent } from './figures';

type Status = 'pending' | 'beyond' | 'gain' | 'within';

function statusOf(cargo: CargoReconciliation): Status {
  if (cargo.lossKg === null) return 'pending';
  if (cargo.beyondAllowance) return 'beyond';
  return cargo.lossKg < 0 ? 'gain' : 'within';
}

export function CargoTable({
  cargoes,
  language,
  t,
}: {
  cargoes: readonly CargoReconciliation[];
  language: Language;
  t: Translate;
}) {
  return (
    <ReportTable
      className="dash-table rc-table"
      testId="reconcile-cargoes"
      caption={t('reconcile.byCargo.title')}
      columns={[
        { label: t('reconcile.column.blDate') },
        { label: t('reconcile.column.blNumber') },
        { label: t('reconcile.column.vessel') },
        ...numericColumns([
          t('reconcile.column.bl'),
          t('reconcile.column.outturn'),
          t('reconcile.column.loss'),
          t('reconcile.column.lossPercent'),
        ]),
        { label: t('reconcile.column.status') },
      ]}
    >
      <tbody>
        {cargoes.map((cargo) => {
          const status = statusOf(cargo);
          return (
            <tr key={cargo.id} className={`rc-row-${status}`} data-testid={`reconcile-cargo-${cargo.id}`}>
              <td className="rc-nowrap">{calendarDate(language, cargo.blDate)}</td>
              <td>{cargo.blNumber ?? DASH}</td>
              <th scope="row">{cargo.vessel}</th>
              <td className="numeric">{cargoTonnes(language, cargo.blKg)}</td>
              <td className="numeric">
                {cargo.outturnKg === null ? DASH : cargoTonnes(language, cargo.outturnKg)}
              </td>
              <td className="numeric">
                {cargo.lossKg === null ? DASH : cargoTonnes(language, cargo.lossKg)}
              </td>
              <td className="numeric">
                {cargo.lossPercent === null ? DASH : lossPercent(language, cargo.lossPercent)}
              </td>
              <td>
                <span className={`rc-status rc-status-${status}`} data-testid="reconcile-status">
                  {status === 'beyond' && (
                    <span aria-hidden="true" className="rc-status-mark">
                      ▲{' '}
                    </span>
                  )}
                  {t(`reconcile.status.${status}`)}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </ReportTable>
  );
}
