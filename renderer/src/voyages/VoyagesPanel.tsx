/**
 * Vessels and voyages for the chosen year: each vessel's cargoes, tonnes, voyages, average transit
 * and turnaround days with the fleet's total, then each cargo's dates and days, and the same as a
 * CSV report for Excel in the page's language. Every figure is the core's (voyages.ts).
 */
import { ReportAnswer } from '../components/ReportAnswer';
import { useLanguage, useT } from '../i18n';
import { useExport } from '../reports/ExportPanel';
import { ExportButton } from '../reports/ExportOutcome';
import { useLedger } from '../store';
import { useVoyages } from './useVoyages';
import { VesselTable } from './VesselTable';
import { VoyageCargoTable } from './VoyageCargoTable';

export function VoyagesPanel({ desktop }: { desktop: boolean }) {
  const t = useT();
  const language = useLanguage();
  const year = useLedger((s) => s.year);
  const state = useVoyages();
  const exporter = useExport(desktop);
  const data = state.status === 'ready' ? state.value : null;

  return (
    <div data-testid="voyages-view">
      <header className="rc-head">
        <div>
          <h1 className="rs-page-title">{t('voyages.title', { year })}</h1>
          <p className="muted">{t('voyages.subtitle')}</p>
        </div>
        <div className="rc-controls no-print">
          <ExportButton exporter={exporter} report="vessels" testId="voyages-export">
            {t('reconcile.export')}
          </ExportButton>
        </div>
      </header>
      <ReportAnswer
        exportStatus={exporter.status}
        state={state}
        empty={data && data.cargoes.length === 0 ? t('voyages.empty', { year }) : null}
        emptyTestId="voyages-empty"
        language={language}
        t={t}
      />
      {data && data.cargoes.length > 0 && (
        <>
          <section className="card dash-card" aria-labelledby="vy-vessel-heading">
            <h2 id="vy-vessel-heading" className="dash-card-title">
              {t('reconcile.byVessel.title')}
            </h2>
            <VesselTable vessels={data.byVessel} total={data.totals} language={language} t={t} />
          </section>
          <section className="card dash-card" aria-labelledby="vy-cargo-heading">
            <h2 id="vy-cargo-heading" className="dash-card-title">
              {t('reconcile.byCargo.title')}
            </h2>
            <VoyageCargoTable cargoes={data.cargoes} language={language} t={t} />
          </section>
          <p className="muted rs-note">{t('voyages.tonnesNote')}</p>
        </>
      )}
    </div>
  );
}
