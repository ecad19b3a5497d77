/**
 * Each year's monthly totals side by side, in whole tonnes: months as rows, the years and the baseline
 * as columns, totals last. A month of the chosen year not begun shows a dash; the chosen year's column
 * says to which day it counts while the year runs.
 */
import type { YearComparison } from '../../../../electron/core/api';
import type { Translate } from '../../i18n';
import type { DashboardFormat } from '../formatters';

interface Props {
  comparison: YearComparison;
  t: Translate;
  f: DashboardFormat;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

export function YearsTable({ comparison, t, f }: Props) {
  const { years, baseline } = comparison;
  const notYet = (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('dashboard.table.notYet')}</span>
    </>
  );
  const running = (y: YearComparison['years'][number]) =>
    y.year === comparison.year && y.daysCounted < y.daysInYear;
  const how = t(baseline.pace === 'monthly' ? 'dashboard.pace.monthly' : 'dashboard.pace.proRata');
  return (
    <div className="dash-table-wrap">
      <table className="dash-table dash-years-table" data-testid="years-table">
        <caption>
          {t('dashboard.years.table.caption', {
            years: years.map((y) => y.year).join(', '),
            baselineYear: baseline.year,
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.table.month')}</th>
            {years.map((y) => (
              <th scope="col" className="numeric" key={y.year}>
                {y.year}
                {running(y) && (
                  <span className="dash-row-note">
                    {' '}
                    {t('dashboard.table.toDate', { date: f.date(comparison.asOf) })}
                  </span>
                )}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('dashboard.years.table.baseline', { year: baseline.year })}
              <span className="dash-row-note"> ({how})</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {MONTHS.map((m) => (
            <tr key={m}>
              <th scope="row">{f.month(`${comparison.year}-${String(m + 1).padStart(2, '0')}`, 'long')}</th>
              {years.map((y) => {
                const kg = y.monthlyKg[m] ?? null;
                return (
                  <td className="numeric" key={y.year}>
                    {kg === null ? notYet : f.tonnesNumber(kg)}
                  </td>
                );
              })}
              <td className="numeric">{f.tonnesNumber(baseline.monthlyKg[m] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('dashboard.years.table.total')}</th>
            {years.map((y) => (
              <td className="numeric" key={y.year} data-testid={`years-total-${y.year}`}>
                {f.tonnesNumber(y.totalKg)}
              </td>
            ))}
            <td className="numeric" data-testid="years-total-baseline">
              {f.tonnesNumber(baseline.kg)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
