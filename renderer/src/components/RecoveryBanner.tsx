/** The banner that says what opening a damaged ledger found, in the page's language (recoveryText.ts). */
import type { RecoveryReport } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { recoveryText } from './recoveryText';

interface RecoveryBannerProps {
  report: RecoveryReport;
  readOnly: boolean;
  t: Translate;
  language: Language;
}

export function RecoveryBanner({ report, readOnly, t, language }: RecoveryBannerProps) {
  const text = recoveryText(t, language, report, readOnly);
  return (
    <div className="banner banner-warning banner-recovery" role="alert" data-testid="recovery">
      {text === null ? (
        report.message
      ) : (
        <>
          <p className="banner-lead">{text.lead}</p>
          {text.items.length > 0 && (
            <ul className="banner-list" data-testid="recovery-items">
              {text.items.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
              {text.more > 0 && <li className="banner-more">{t('recovery.more', { count: text.more })}</li>}
            </ul>
          )}
          {text.after.length > 0 && <p className="banner-after">{text.after.join(' ')}</p>}
        </>
      )}
    </div>
  );
}
