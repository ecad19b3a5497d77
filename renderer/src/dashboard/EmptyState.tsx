/** What a person sees before the ledger holds any cargo: what the app is for and how to begin. */
import type { Translate } from '../i18n';
import type { DashboardFormat } from './formatters';

interface Props {
  t: Translate;
  f: DashboardFormat;
  targetKg: number | null;
  baselineKg: number | null;
  baselineYear: number;
  readOnly: boolean;
  onNewShipment: () => void;
  onDemo: () => void;
}

export function EmptyState({
  t,
  f,
  targetKg,
  baselineKg,
  baselineYear,
  readOnly,
  onNewShipment,
  onDemo,
}: Props) {
  return (
    <section className="dash-empty card" aria-labelledby="dash-empty-title" data-testid="dashboard-empty">
      <svg className="dash-empty-art" width="96" height="96" viewBox="0 0 72 72" aria-hidden="true">
        <rect x="6" y="46" width="60" height="6" rx="3" className="dash-empty-sea" />
        <path d="M14 44 L58 44 L52 54 L20 54 Z" className="dash-empty-hull" />
        <rect x="40" y="30" width="10" height="14" rx="1.5" className="dash-empty-bridge" />
        <rect x="20" y="38" width="16" height="6" rx="1" className="dash-empty-deck" />
      </svg>
      <h2 id="dash-empty-title">{t('dashboard.empty.title')}</h2>
      <p className="dash-empty-body">
        {t('dashboard.empty.body', {
          target: targetKg === null ? '—' : f.short(targetKg),
          baselineYear,
          baseline: baselineKg === null ? '—' : f.short(baselineKg),
        })}
      </p>
      <div className="dash-empty-actions">
        <button
          type="button"
          className="button button-primary dash-button-large"
          onClick={onNewShipment}
          disabled={readOnly}
          data-testid="empty-record"
        >
          {t('dashboard.empty.record')}
        </button>
        <button
          type="button"
          className="button dash-button-large"
          onClick={onDemo}
          aria-describedby="dash-demo-note"
          data-testid="empty-demo"
        >
          {t('dashboard.empty.demo')}
        </button>
      </div>
      <p className="dash-empty-note muted" id="dash-demo-note">
        {t('dashboard.empty.demoNote')}
      </p>
    </section>
  );
}
