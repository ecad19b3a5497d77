/**
 * The lines under the header that say which ledger this window shows and how: the demo, read-only
 * (and who writes), a switch made by another window, damage found on opening, a failure to load.
 */
import { failureText } from '../errors';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';

export function LedgerBanners() {
  const t = useT();
  const language = useLanguage();
  const { info, error, notice, switchDemo, dismissNotice } = useLedger();
  return (
    <>
      {notice && (
        <div className="banner banner-warning" role="alert" data-testid="ledger-notice">
          {t(`ledger.notice.${notice}`)}{' '}
          <button type="button" className="link-button" onClick={dismissNotice}>{t('ledger.notice.dismiss')}</button>
        </div>
      )}
      {info?.demo && (
        <div className="banner banner-demo" role="status">
          {t('demo.banner')}{' '}
          <button type="button" className="link-button" onClick={() => void switchDemo(false)}>{t('demo.leave')}</button>
        </div>
      )}
      {info?.readOnly && (
        <div className="banner banner-warning" role="status" data-testid="read-only-banner">
          {info.writer ? t('readOnly.writer', { writer: info.writer }) : t('readOnly.free')}
        </div>
      )}
      {info?.recovery && <div className="banner banner-warning" role="alert" data-testid="recovery">{info.recovery.message}</div>}
      {error && <div className="banner banner-error" role="alert">{failureText(t, language, error)}</div>}
    </>
  );
}
