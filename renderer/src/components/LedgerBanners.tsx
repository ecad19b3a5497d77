/**
 * The lines under the header that say which ledger this window shows and how: the demo, read-only
 * (and who writes), a switch made by another window, damage found on opening (RecoveryBanner), a
 * failure to load.
 */
import type { LedgerWriter } from '../../../electron/core/api';
import { failureText } from '../errors';
import { dateTime } from '../format';
import { useLanguage, useT, type Translate } from '../i18n';
import type { Language } from '../settings';
import { useLedger } from '../store';
import { RecoveryBanner } from './RecoveryBanner';

export function LedgerBanners() {
  const t = useT();
  const language = useLanguage();
  const { info, error, notice, switchDemo, dismissNotice } = useLedger();
  return (
    <>
      {notice && (
        <div className="banner banner-warning" role="alert" data-testid="ledger-notice">
          {t(`ledger.notice.${notice}`)}{' '}
          <button type="button" className="link-button" onClick={dismissNotice}>
            {t('ledger.notice.dismiss')}
          </button>
        </div>
      )}
      {info?.demo && (
        <div className="banner banner-demo" role="status">
          {t('demo.banner')}{' '}
          <button type="button" className="link-button" onClick={() => void switchDemo(false)}>
            {t('demo.leave')}
          </button>
        </div>
      )}
      {info?.readOnly && (
        <div className="banner banner-warning" role="status" data-testid="read-only-banner">
          {writerText(t, language, info.writer)}
        </div>
      )}
      {info?.recovery && (
        <RecoveryBanner report={info.recovery} readOnly={info.readOnly} t={t} language={language} />
      )}
      {error && (
        <div className="banner banner-error" role="alert">
          {failureText(t, language, error)}
        </div>
      )}
    </>
  );
}

/** Who writes, worded here from the lock's facts: the user, the computer and since when, in the page's language. */
function writerText(t: Translate, language: Language, writer: LedgerWriter | null): string {
  if (!writer) return t('readOnly.free');
  const { user, host, since } = writer;
  if (!user || !host) return t('readOnly.writerUnknown');
  if (!since) return t('readOnly.writerNoTime', { user, host });
  return t('readOnly.writer', { user, host, since: dateTime(language, since) });
}
