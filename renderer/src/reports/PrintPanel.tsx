import { useT } from '../i18n';
import { useLedger } from '../store';

export function PrintPanel({ year }: { year: number }) {
  const t = useT();
  // The app shows the Dashboard in its print layout, then opens the print dialog.
  const printDashboard = useLedger((s) => s.printDashboard);
  return (
    <section className="card rs-card" aria-labelledby="rs-print-title" data-testid="print-panel">
      <h2 id="rs-print-title" className="rs-card-title">
        {t('reports.print.title')}
      </h2>
      <p className="muted rs-lead">{t('reports.print.intro', { year })}</p>
      <p className="rs-note muted">{t('reports.print.pdfHint')}</p>
      <div className="rs-actions">
        <button type="button" className="button" onClick={printDashboard} data-testid="print-dashboard">
          {t('reports.print.button')}
        </button>
      </div>
    </section>
  );
}
