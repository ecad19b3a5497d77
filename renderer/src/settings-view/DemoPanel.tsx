import { useState } from 'react';
import { failureMessage } from '../reports/errors';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';

export function DemoPanel() {
  const t = useT();
  const language = useLanguage();
  const demo = useLedger((s) => s.info?.demo ?? false);
  const ready = useLedger((s) => s.info !== null);
  const switchDemo = useLedger((s) => s.switchDemo);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = async (on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await switchDemo(on);
    } catch (failure) {
      setError(failureMessage(language, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className={demo ? 'card rs-card st-demo st-demo-on' : 'card rs-card st-demo'}
      aria-labelledby="st-demo-title"
      data-testid="demo-panel"
    >
      <h2 id="st-demo-title" className="rs-card-title">
        {t('settings.demo.title')}
      </h2>
      <fieldset className="rs-fieldset st-fieldset-plain">
        <legend className="visually-hidden">{t('settings.demo.title')}</legend>
        <p className="rs-lead">{demo ? t('settings.demo.onText') : t('settings.demo.offText')}</p>
        <p className="muted rs-note">{t('settings.demo.separate')}</p>
        <div className="rs-actions">
          {demo ? (
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !ready}
              onClick={() => void change(false)}
              data-testid="demo-leave"
            >
              {t('settings.demo.leave')}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              disabled={busy || !ready}
              onClick={() => void change(true)}
              data-testid="demo-load"
            >
              {t('settings.demo.load')}
            </button>
          )}
          {busy && (
            <span className="muted" role="status">
              {t('common.loading')}
            </span>
          )}
        </div>
        {error && (
          <p className="rs-error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
    </section>
  );
}
