import { useT } from '../i18n';

/** Asks the app to show the Dashboard in its print layout and open the print dialog. */
export function requestDashboardPrint(): void {
  window.dispatchEvent(new CustomEvent('transit-navigate', { detail: 'dashboard-print' }));
}

export function PrintPanel({ year }: { year: number }) {
  const t = useT();
  return (
    <section className="card rs-card" aria-labelledby="rs-print-title" data-testid="print-panel">
      <h2 id="rs-print-title" className="rs-card-title">{t('reports.print.title')}</h2>
      <p className="muted rs-lead">{t('reports.print.intro', { year })}</p>
      <p className="rs-note muted">{t('reports.print.pdfHint')}</p>
      <div className="rs-actions">
        <button type="button" className="button" onClick={requestDashboardPrint} data-testid="print-dashboard">
          {t('reports.print.button')}
        </button>
      </div>
    </section>
  );
}
