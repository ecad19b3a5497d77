/**
 * Where the year stands, at a glance: a sentence, the key figures, the cumulative and monthly
 * charts and the month table. Every figure is a field of the core's Progress (via the store);
 * this view only formats, scales and lays them out.
 */
import { useMemo, useState } from 'react';
import { whatIf, type Stoppage } from '../../../electron/core/scenario';
import { BaselineYear } from '../dashboard/BaselineYear';
import { ConflictsNotice } from '../dashboard/ConflictsNotice';
import { CumulativeChart } from '../dashboard/CumulativeChart';
import { EmptyState } from '../dashboard/EmptyState';
import { dashboardFormat } from '../dashboard/formatters';
import { headline } from '../dashboard/headline';
import { Kpis } from '../dashboard/Kpis';
import { MonthlyChart } from '../dashboard/MonthlyChart';
import { MonthlyTable } from '../dashboard/MonthlyTable';
import { MonthProgramme } from '../dashboard/MonthProgramme';
import { readPrintPalette, useChartPalette } from '../dashboard/palette';
import { usePrinting } from '../dashboard/printing';
import { WhatIf } from '../dashboard/WhatIf';
import { YearsCard } from '../dashboard/years/YearsCard';
import { translate, useLanguage, type Translate } from '../i18n';
import { useLedger } from '../store';

const ARROW = { ahead: '▲', behind: '▼', level: '●' } as const;

/** The ledger file's name, for the printed title line. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function Dashboard({ onNewShipment }: { onNewShipment: () => void }) {
  const language = useLanguage();
  const t: Translate = useMemo(() => (key, vars) => translate(language, key, vars), [language]);
  const f = useMemo(() => dashboardFormat(language, t), [language, t]);
  const progress = useLedger((s) => s.progress);
  const info = useLedger((s) => s.info);
  const switchDemo = useLedger((s) => s.switchDemo);
  const setYear = useLedger((s) => s.setYear);
  const api = useLedger((s) => s.api);
  const screenPalette = useChartPalette();
  const printing = usePrinting();
  const palette = useMemo(() => (printing ? readPrintPalette() : screenPalette), [printing, screenPalette]);
  // A what-if is asked of this year on this screen and kept nowhere else: another year starts without
  // one, and the printed dashboard draws the year as it is.
  const [asked, setAsked] = useState<{ year: number; stoppage: Stoppage } | null>(null);
  const stoppage = asked !== null && asked.year === progress?.year ? asked.stoppage : null;
  const scenario = useMemo(
    () => (progress && stoppage ? whatIf(progress, { stoppage, rate: null }) : null),
    [progress, stoppage],
  );

  if (!progress) {
    return (
      <div className="dashboard" aria-busy="true">
        <p className="dash-loading muted">{t('common.loading')}</p>
      </div>
    );
  }

  const ledgerEmpty = info ? info.shipments === 0 : progress.shipments === 0;
  if (ledgerEmpty) {
    return (
      <div className="dashboard">
        <h1 className="visually-hidden">{t('dashboard.title', { year: progress.year })}</h1>
        <EmptyState
          t={t}
          f={f}
          targetKg={progress.targetKg}
          baselineKg={progress.baselineKg}
          baselineYear={progress.baselineYear}
          readOnly={info?.readOnly ?? false}
          onNewShipment={onNewShipment}
          onDemo={() => void switchDemo(true)}
        />
      </div>
    );
  }

  const yearEmpty = progress.shipments === 0;
  const otherYears = (info?.years ?? []).filter((year) => year !== progress.year);
  // The baseline year with none of its cargoes recorded is shown as what it is, not as a year that
  // shipped nothing against its target.
  if (yearEmpty && progress.year === progress.baselineYear) {
    const latest = otherYears.length > 0 ? Math.max(...otherYears) : null;
    return (
      <BaselineYear
        progress={progress}
        otherYear={latest}
        onShowYear={(year) => void setYear(year)}
        t={t}
        f={f}
      />
    );
  }
  const sentence = headline(progress, t, f);
  const printTitle = [
    t('app.title'),
    t('dashboard.print.year', { year: progress.year }),
    t('dashboard.print.asOf', { date: f.date(progress.asOf) }),
    info ? t('dashboard.print.ledger', { name: fileName(info.path) }) : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');

  return (
    // On paper the dashboard takes the light tokens whatever the screen theme.
    <div className="dashboard" data-testid="dashboard" data-theme={printing ? 'light' : undefined}>
      <p className="dash-print-title">
        <span>{printTitle}</span>
        {info?.demo && <strong className="dash-print-demo">{t('dashboard.print.demo')}</strong>}
      </p>
      <header className="dash-head">
        <div className="dash-head-text">
          <h1 className="dash-title">{t('dashboard.title', { year: progress.year })}</h1>
          <p className={`dash-headline dash-tone-${sentence.tone}`} data-testid="dashboard-headline">
            <span className="dash-headline-arrow" aria-hidden="true">
              {ARROW[sentence.tone]}
            </span>
            <span>{sentence.text}</span>
          </p>
        </div>
        <button
          type="button"
          className="button no-print dash-print-button"
          onClick={() => window.print()}
          data-testid="dashboard-print"
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M4 1h8v4H4zM2 6h12a1 1 0 0 1 1 1v5h-3v3H4v-3H1V7a1 1 0 0 1 1-1zm3 5v3h6v-3z"
              fill="currentColor"
            />
          </svg>
          {t('dashboard.print.button')}
        </button>
      </header>

      {yearEmpty && (
        <div className="dash-notice" role="status" data-testid="dashboard-year-empty">
          <div>
            <strong>{t('dashboard.emptyYear.title', { year: progress.year })}</strong>{' '}
            {otherYears.length > 0
              ? t('dashboard.emptyYear.body', { year: progress.year, years: otherYears.join(', ') })
              : t('dashboard.emptyYear.bodyNoOther', { year: progress.year })}
          </div>
          {!info?.readOnly && (
            <button type="button" className="button button-primary no-print" onClick={onNewShipment}>
              {t('dashboard.emptyYear.record')}
            </button>
          )}
        </div>
      )}

      <ConflictsNotice progress={progress} t={t} />

      <section aria-labelledby="dash-kpi-heading" className="dash-section">
        <h2 id="dash-kpi-heading" className="visually-hidden">
          {t('dashboard.kpi.heading')}
        </h2>
        <Kpis progress={progress} t={t} f={f} />
      </section>

      <MonthProgramme progress={progress} language={language} t={t} />

      {progress.daysLeft > 0 && (
        <WhatIf
          key={progress.year}
          progress={progress}
          scenario={scenario}
          onAsk={(next) => setAsked(next ? { year: progress.year, stoppage: next } : null)}
          t={t}
          f={f}
        />
      )}

      <div className="dash-charts">
        <section className="card dash-card dash-card-cumulative" aria-labelledby="dash-cumulative-heading">
          <h2 id="dash-cumulative-heading" className="dash-card-title">
            {t('dashboard.chart.cumulative.title')}
          </h2>
          <CumulativeChart
            progress={progress}
            palette={palette}
            printing={printing}
            t={t}
            f={f}
            scenario={printing ? null : scenario}
          />
        </section>
        <section className="card dash-card dash-card-monthly" aria-labelledby="dash-monthly-heading">
          <h2 id="dash-monthly-heading" className="dash-card-title">
            {t('dashboard.chart.monthly.title')}
          </h2>
          <MonthlyChart progress={progress} palette={palette} printing={printing} t={t} f={f} />
        </section>
      </div>

      <section className="card dash-card dash-card-table" aria-labelledby="dash-table-heading">
        <h2 id="dash-table-heading" className="dash-card-title">
          {t('dashboard.table.title', { year: progress.year })}
        </h2>
        <MonthlyTable progress={progress} t={t} f={f} />
      </section>

      <YearsCard
        api={api}
        progress={progress}
        palette={palette}
        printing={printing}
        language={language}
        t={t}
        f={f}
      />
    </div>
  );
}
