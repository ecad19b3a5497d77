/**
 * The baseline year when the ledger holds none of its cargoes: what it is, never a failure. Its
 * figure is the reported total every later year is compared with; measured against a target with
 * no cargo recorded it would read "closed 1.500 Mt short", which nobody fell short of.
 */
import type { Progress } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import type { DashboardFormat } from './formatters';

interface Props {
  progress: Progress;
  /** The year to go to instead (the latest with cargoes, or this year); null when there is none. */
  otherYear: number | null;
  onShowYear: (year: number) => void;
  t: Translate;
  f: DashboardFormat;
}

export function BaselineYear({ progress, otherYear, onShowYear, t, f }: Props) {
  const year = progress.baselineYear;
  // One day's share of the baseline: the first point of the core's baseline pace.
  const perDay = progress.daily.baselinePaceKg[0] ?? 0;
  return (
    <div className="dashboard" data-testid="dashboard-baseline">
      <header className="dash-head">
        <div className="dash-head-text">
          <h1 className="dash-title">{t('dashboard.title', { year })}</h1>
          <p className="dash-headline dash-tone-level">
            <span className="dash-headline-arrow" aria-hidden="true">
              ●
            </span>
            <span>{t('dashboard.baseline.title', { year })}</span>
          </p>
        </div>
      </header>
      <section className="card dash-baseline" aria-labelledby="dash-baseline-label">
        <h2 className="dash-kpi-label" id="dash-baseline-label">
          {t('dashboard.baseline.figureLabel', { year })}
        </h2>
        <p className="dash-kpi-value dash-baseline-value" data-testid="baseline-value">
          {f.short(progress.baselineKg)}
        </p>
        <p className="dash-baseline-body">
          {t('dashboard.baseline.body', {
            year,
            amount: f.short(progress.baselineKg),
            perDay: f.perDay(perDay),
          })}
        </p>
        <p className="dash-baseline-note muted">{t('dashboard.baseline.noCargoes', { year })}</p>
        {otherYear !== null && (
          <div>
            <button
              type="button"
              className="button button-primary no-print"
              onClick={() => onShowYear(otherYear)}
              data-testid="baseline-show-year"
            >
              {t('dashboard.baseline.show', { year: otherYear })}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
