/** The month-by-month figures behind the bar chart, exact to the kilogram. */
import type { Progress } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import { monthStarted } from './chartData';
import type { DashboardFormat } from './formatters';

interface Props {
  progress: Progress;
  t: Translate;
  f: DashboardFormat;
}

function varianceClass(kg: number): string {
  if (kg > 0) return 'dash-ahead';
  if (kg < 0) return 'dash-behind';
  return '';
}

export function MonthlyTable({ progress, t, f }: Props) {
  const asOfMonth = progress.asOf.slice(0, 7);
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
              {t('dashboard.table.tonnes')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.table.cumulative')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.table.plan')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.table.variance')}
            </th>
          </tr>
        </thead>
        <tbody>
          {progress.months.map((month) => {
            const started = monthStarted(month.month, progress.asOf);
            const partial = month.month === asOfMonth && progress.daysLeft > 0;
            return (
              <tr key={month.month} className={started ? undefined : 'dash-row-future'}>
                <th scope="row">
                  {f.month(month.month, 'long')}
                  {partial && (
                    <span className="dash-row-note">
                      {' '}
                      {t('dashboard.table.toDate', { date: f.date(progress.asOf) })}
                    </span>
                  )}
                </th>
                <td className="numeric">{started ? f.integer(month.shipments) : notYet}</td>
                <td className="numeric">{started ? f.exactNumber(month.tonnesKg) : notYet}</td>
                <td className="numeric">{started ? f.exactNumber(month.cumulativeKg) : notYet}</td>
                <td className="numeric">{f.exactNumber(month.planKg)}</td>
                <td className={`numeric ${started ? varianceClass(month.varianceKg) : ''}`}>
                  {started ? f.signedExactNumber(month.varianceKg) : notYet}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
