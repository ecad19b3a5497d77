/**
 * The month-by-month figures behind the bar chart, in whole tonnes as management reads them (the
 * register and the exports keep the kilograms). The month in progress is measured against its plan
 * to date, and its variance cell says so; a month not begun shows its plan alone; a closed month is
 * marked final, with who closed it and when on hover.
 */
import type { MonthProgress, Progress } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import { wholeTonnes, type DashboardFormat } from './formatters';

interface Props {
  progress: Progress;
  t: Translate;
  f: DashboardFormat;
}

/** Coloured by the figure as shown: a variance that rounds to 0 t is neither ahead nor behind. */
function varianceClass(kg: number): string {
  const shown = wholeTonnes(kg);
  if (shown > 0) return 'dash-ahead';
  if (shown < 0) return 'dash-behind';
  return '';
}

function VarianceCell({
  month,
  date,
  t,
  f,
}: {
  month: MonthProgress;
  date: string;
  t: Translate;
  f: DashboardFormat;
}) {
  if (month.varianceKg === null || month.planToDateKg === null) return null;
  const value = f.signedTonnesNumber(month.varianceKg);
  if (month.state !== 'current') return <>{value}</>;
  return (
    <>
      {value}
      <span className="dash-cell-note" data-testid="variance-to-date">
        {t('dashboard.table.againstToDate', { plan: f.tonnesNumber(month.planToDateKg), date })}
      </span>
    </>
  );
}

export function MonthlyTable({ progress, t, f }: Props) {
  const date = f.date(progress.asOf);
  const notYet = (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('dashboard.table.notYet')}</span>
    </>
  );
  return (
    <div className="dash-table-wrap">
      <table className="dash-table" data-testid="monthly-table">
        <caption>{t('dashboard.table.caption', { year: progress.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.table.month')}</th>
            <th scope="col" className="numeric">
              {t('dashboard.table.shipments')}
            </th>
            <th scope="col" className="numeric">
              {f.columnLabel(t('dashboard.table.tonnes'))}
            </th>
            <th scope="col" className="numeric">
              {f.columnLabel(t('dashboard.table.cumulative'))}
            </th>
            <th scope="col" className="numeric">
              {f.columnLabel(t('dashboard.table.plan'))}
            </th>
            <th scope="col" className="numeric">
              {f.columnLabel(t('dashboard.table.variance'))}
            </th>
          </tr>
        </thead>
        <tbody>
          {progress.months.map((month) => {
            const begun = month.state !== 'future';
            return (
              <tr
                key={month.month}
                className={
                  begun ? (month.state === 'current' ? 'dash-row-current' : undefined) : 'dash-row-future'
                }
              >
                <th scope="row">
                  {f.month(month.month, 'long')}
                  {month.state === 'current' && (
                    <span className="dash-row-note"> {t('dashboard.table.toDate', { date })}</span>
                  )}
                  {month.closed && (
                    <span
                      className="dash-closed"
                      data-testid={`closed-${month.month}`}
                      title={t('dashboard.table.closedBy', {
                        actor: month.closed.by,
                        date: f.date(month.closed.on),
                      })}
                    >
                      {' '}
                      {t('dashboard.table.closed')}
                    </span>
                  )}
                  {month.closed?.changedSinceClose && (
                    <span
                      className="dash-closed dash-changed"
                      data-testid={`changed-${month.month}`}
                      title={t('dashboard.table.changedTitle')}
                    >
                      {' '}
                      {t('dashboard.table.changed')}
                    </span>
                  )}
                </th>
                <td className="numeric">{begun ? f.integer(month.shipments) : notYet}</td>
                <td className="numeric">{begun ? f.tonnesNumber(month.tonnesKg) : notYet}</td>
                <td className="numeric">{begun ? f.tonnesNumber(month.cumulativeKg) : notYet}</td>
                <td className="numeric">{f.tonnesNumber(month.planKg)}</td>
                <td className={`numeric ${month.varianceKg === null ? '' : varianceClass(month.varianceKg)}`}>
                  {begun ? <VarianceCell month={month} date={date} t={t} f={f} /> : notYet}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
