/**
 * Year against year on the dashboard: the chosen year's cumulative tonnes by day of year against the
 * earlier years with cargoes and the baseline, and the months side by side. Figures are the core's
 * (compareYears); this card asks for them and lays them out.
 */
import type { Progress, TransitApi } from '../../../../electron/core/api';
import { failureText } from '../../errors';
import type { Translate } from '../../i18n';
import type { Language } from '../../settings';
import type { DashboardFormat } from '../formatters';
import type { ChartPalette } from '../palette';
import { useYearComparison } from './useYearComparison';
import { YearsChart } from './YearsChart';
import { YearsTable } from './YearsTable';

interface Props {
  api: TransitApi | null;
  progress: Progress;
  palette: ChartPalette;
  printing: boolean;
  language: Language;
  t: Translate;
  f: DashboardFormat;
}

export function YearsCard({ api, progress, palette, printing, language, t, f }: Props) {
  const state = useYearComparison(api, progress);
  return (
    <section
      className="card dash-card dash-card-years no-print"
      aria-labelledby="dash-years-heading"
      data-testid="years-card"
    >
      <h2 id="dash-years-heading" className="dash-card-title">
        {t('dashboard.years.title')}
      </h2>
      {state.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.status === 'failed' && (
        <p className="field-error" role="alert">
          {failureText(t, language, state.failure)}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <p className="muted dash-years-lead">
            {t('dashboard.years.lead', { year: progress.year, baselineYear: state.value.baseline.year })}{' '}
            {state.value.years.length === 1 && t('dashboard.years.none', { year: progress.year })}{' '}
            <span data-testid="years-pace-note">
              {state.value.baseline.pace === 'monthly'
                ? t('dashboard.years.paceMonthly', { year: state.value.baseline.year })
                : t('dashboard.years.paceProRata', {
                    year: state.value.baseline.year,
                    amount: f.short(state.value.baseline.kg),
                  })}
            </span>
          </p>
          <YearsChart comparison={state.value} palette={palette} printing={printing} t={t} f={f} />
          <YearsTable comparison={state.value} t={t} f={f} />
        </>
      )}
    </section>
  );
}
