/**
 * Under the table: how many shipments are shown and their exact
 * total, the voided ones left out, and what the last dialog did.
 */
import { tonnes } from '../format';
import { LOCALES, type Translate } from '../i18n';
import type { Language } from '../settings';
import type { FilterResult } from './model';
import { pluralCategory } from './text';

interface RegisterFooterProps {
  result: FilterResult;
  notice: string | null;
  t: Translate;
  language: Language;
}

export function RegisterFooter({ result, notice, t, language }: RegisterFooterProps) {
  const shown = result.rows.length;
  const count = (n: number) => n.toLocaleString(LOCALES[language]);
  return (
    <div className="register-footer">
      <p className="register-summary-line" role="status" data-testid="register-footer">
        {t(`register.footer.${pluralCategory(language, shown)}`, {
          count: count(shown),
          // A number and its unit never part at a line's end.
          total: `${tonnes(language, result.totalKg)}\u00a0${t('unit.t')}`,
        })}
        {result.voidedCount > 0 && (
          <span className="muted">
            {' '}
            · {t('register.footer.voided', { count: count(result.voidedCount) })}
          </span>
        )}
      </p>
      {notice && (
        <p className="register-notice" role="status" data-testid="register-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
