/**
 * Two views of what reached Sangachal, one tab each. Outturn and transit loss for the chosen year
 * or one of its months: the totals at a glance, each cargo (flagged beyond the year's allowance,
 * pending ones waiting), then by vessel and by month, and the same as a CSV report for Excel in the
 * page's language. Vessels and voyages (VoyagesPanel): transit and turnaround by vessel. Every
 * figure is the core's; this view lays it out.
 */
import { useState, type KeyboardEvent } from 'react';
import type { Reconciliation as ReconciliationData } from '../../../electron/core/api';
import { ReportAnswer } from '../components/ReportAnswer';
import { useLanguage, useT, type Translate } from '../i18n';
import { CargoTable } from '../reconcile/CargoTable';
import { allowancePercent } from '../reconcile/figures';
import { SummaryTable } from '../reconcile/SummaryTable';
import { TotalsCards } from '../reconcile/TotalsCards';
import { useReconciliation } from '../reconcile/useReconciliation';
import { useExport } from '../reports/ExportPanel';
import { ExportButton } from '../reports/ExportOutcome';
import { monthName } from '../format';
import type { Language } from '../settings';
import { useLedger } from '../store';
import { VoyagesPanel } from '../voyages/VoyagesPanel';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

function Tables({ data, language, t }: { data: ReconciliationData; language: Language; t: Translate }) {
  const month = (name: string) => monthName(language, name, 'long');
  return (
    <>
      <TotalsCards totals={data.totals} allowance={data.lossAllowancePercent} language={language} t={t} />
      <section className="card dash-card" aria-labelledby="rc-cargo-heading">
        <h2 id="rc-cargo-heading" className="dash-card-title">
          {t('reconcile.byCargo.title')}
        </h2>
        <CargoTable cargoes={data.cargoes} language={language} t={t} />
      </section>
      <div className="rc-summaries">
        <section className="card dash-card" aria-labelledby="rc-vessel-heading">
          <h2 id="rc-vessel-heading" className="dash-card-title">
            {t('reconcile.byVessel.title')}
          </h2>
          <SummaryTable
            testId="reconcile-vessels"
            caption={t('reconcile.byVessel.title')}
            nameHeader={t('reconcile.column.vessel')}
            rows={data.byVessel.map((v) => ({ ...v, key: v.vessel, name: v.vessel }))}
            total={null}
            language={language}
            t={t}
          />
        </section>
        <section className="card dash-card" aria-labelledby="rc-month-heading">
          <h2 id="rc-month-heading" className="dash-card-title">
            {t('reconcile.byMonth.title')}
          </h2>
          <SummaryTable
            testId="reconcile-months"
            caption={t('reconcile.byMonth.title')}
            nameHeader={t('reconcile.column.month')}
            rows={data.byMonth.map((m) => ({ ...m, key: m.month, name: month(m.month) }))}
            total={data.totals}
            language={language}
            t={t}
          />
        </section>
      </div>
      <p className="muted rs-note">{t('reconcile.tonnesNote')}</p>
    </>
  );
}

function OutturnPanel({ desktop }: { desktop: boolean }) {
  const t = useT();
  const language = useLanguage();
  const year = useLedger((s) => s.year);
  const [chosen, setChosen] = useState<{ year: number; month: string | null }>({ year, month: null });
  // A month of another year is forgotten when the year at the top changes.
  const month = chosen.year === year ? chosen.month : null;
  const state = useReconciliation(month);
  const exporter = useExport(desktop);
  const period = month === null ? String(year) : monthName(language, month, 'long') + ` ${year}`;
  const data = state.status === 'ready' ? state.value : null;

  return (
    <>
      <header className="rc-head">
        <div>
          <h1 className="rs-page-title">{t('reconcile.title', { period })}</h1>
          <p className="muted">
            {t('reconcile.subtitle', {
              year,
              allowance: allowancePercent(language, data?.lossAllowancePercent ?? 0.5),
            })}
          </p>
        </div>
        <div className="rc-controls no-print">
          <label className="rc-period">
            <span>{t('reconcile.period.label')}</span>
            <select
              value={month ?? ''}
              onChange={(event) => setChosen({ year, month: event.target.value || null })}
              data-testid="reconcile-month"
            >
              <option value="">{t('reconcile.period.year', { year })}</option>
              {MONTHS.map((m) => (
                <option key={m} value={`${year}-${m}`}>
                  {monthName(language, `${year}-${m}`, 'long')}
                </option>
              ))}
            </select>
          </label>
          <ExportButton exporter={exporter} report="reconciliation" testId="reconcile-export">
            {t('reconcile.export')}
          </ExportButton>
        </div>
      </header>
      <ReportAnswer
        exportStatus={exporter.status}
        state={state}
        empty={data && data.cargoes.length === 0 ? t('reconcile.empty', { period }) : null}
        emptyTestId="reconcile-empty"
        language={language}
        t={t}
      />
      {data && data.cargoes.length > 0 && <Tables data={data} language={language} t={t} />}
    </>
  );
}

const TABS = ['outturn', 'voyages'] as const;
type Tab = (typeof TABS)[number];

export function Reconciliation({ desktop }: { desktop: boolean }) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('outturn');
  // ← → move between the tabs, as a tab list does.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? 'outturn';
    setTab(next);
    document.getElementById(`rc-tab-${next}`)?.focus();
  }
  return (
    <div className="rs-page rc-page" data-testid="reconciliation-view">
      <div className="rc-tabs no-print" role="tablist" aria-label={t('reconcile.tabs')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`rc-tab-${name}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === name}
            aria-controls="rc-tab-panel"
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            data-testid={`reconcile-tab-${name}`}
          >
            {t(`reconcile.tab.${name}`)}
          </button>
        ))}
      </div>
      <div id="rc-tab-panel" role="tabpanel" aria-labelledby={`rc-tab-${tab}`}>
        {tab === 'outturn' ? <OutturnPanel desktop={desktop} /> : <VoyagesPanel desktop={desktop} />}
      </div>
    </div>
  );
}
