/** The register of a year with no shipment yet: loading, or a pointer to the entry form. */
import type { Translate } from '../i18n';
import { EmptyRegisterIcon } from './icons';

interface EmptyYearProps {
  titleId: string;
  year: number;
  /** True for the baseline year: its empty register says what the year is. */
  baseline?: boolean;
  loading: boolean;
  /** Shown as a button to the entry form, unless the ledger is read-only. */
  onNewShipment?: () => void;
  readOnly: boolean;
  t: Translate;
}

export function EmptyYear({ titleId, year, baseline, loading, onNewShipment, readOnly, t }: EmptyYearProps) {
  return (
    <section className="register register-empty-year card" aria-labelledby={titleId} data-testid="register">
      <h1 id={titleId} className="register-title">
        {t('register.title', { year })}
      </h1>
      {loading ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <div className="register-empty" data-testid="register-empty">
          <EmptyRegisterIcon />
          <p className="register-empty-headline">{t('register.empty.title', { year })}</p>
          {baseline && (
            <p className="register-empty-baseline" data-testid="register-empty-baseline">
              {t('register.empty.baseline', { year })}
            </p>
          )}
          <p className="muted">{t('register.empty.hint', { entry: t('nav.entry') })}</p>
          {onNewShipment && !readOnly && (
            <button type="button" className="button button-primary" onClick={onNewShipment}>
              {t('nav.entry')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
