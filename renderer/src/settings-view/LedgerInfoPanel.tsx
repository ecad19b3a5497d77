import { integer } from '../format';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';

export function LedgerInfoPanel() {
  const t = useT();
  const language = useLanguage();
  const info = useLedger((s) => s.info);

  return (
    <section className="card rs-card" aria-labelledby="st-ledger-title" data-testid="ledger-info">
      <h2 id="st-ledger-title" className="rs-card-title">
        {t('settings.ledger.title')}
      </h2>
      {info ? (
        <dl className="st-facts">
          <div>
            <dt>{t('settings.ledger.which')}</dt>
            <dd>
              {info.demo ? (
                <span className="badge badge-demo">{t('settings.ledger.demo')}</span>
              ) : (
                t('settings.ledger.real')
              )}
            </dd>
          </div>
          <div>
            <dt>{t('settings.ledger.access')}</dt>
            <dd data-testid="ledger-access">
              {info.readOnly ? (
                <span className="badge badge-readonly">{t('settings.ledger.readOnly')}</span>
              ) : (
                t('settings.ledger.readWrite')
              )}
            </dd>
          </div>
          <div>
            <dt>{t('settings.ledger.entries')}</dt>
            <dd className="st-num">{integer(language, info.entries)}</dd>
          </div>
          <div>
            <dt>{t('settings.ledger.shipments')}</dt>
            <dd className="st-num">{integer(language, info.shipments)}</dd>
          </div>
          <div className="st-fact-wide">
            <dt>{t('settings.ledger.path')}</dt>
            <dd>
              <code className="st-path" data-testid="ledger-path">
                {info.path}
              </code>
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      {info?.readOnly && <p className="muted rs-note">{t('settings.ledger.readOnlyHint')}</p>}
    </section>
  );
}
