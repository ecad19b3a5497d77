/**
 * Under the table: how many shipments are shown and their exact total, the voided ones left out,
 * what the last dialog did, and the table's keys.
 */
import { tonnes } from '../format';
import { LOCALES, type Translate } from '../i18n';
import type { Language } from '../settings';
import { ShortcutKeys } from '../shortcuts';
import { REGISTER_KEYS } from './keys';
import type { FilterResult } from './model';
import { pluralCategory } from './text';

interface RegisterFooterProps {
  result: FilterResult;
  notice: string | null;
  /** The id of the keys' line, which the table names as its description. */
  keysId: string;
  /** A read-only ledger: no keys to edit or void. */
  readOnly: boolean;
  t: Translate;
  language: Language;
}

export function RegisterFooter({ result, notice, keysId, readOnly, t, language }: RegisterFooterProps) {
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
      <KeysLine id={keysId} readOnly={readOnly} t={t} />
    </div>
  );
}

const CHANGING = new Set(['register.keys.edit', 'register.keys.void']);

function KeysLine({ id, readOnly, t }: { id: string; readOnly: boolean; t: Translate }) {
  const keys = REGISTER_KEYS.filter((entry) => !readOnly || !CHANGING.has(entry.label));
  return (
    <p className="register-keys" id={id} data-testid="register-keys">
      <span className="visually-hidden">{t('register.keys.title')}: </span>
      {keys.map((entry, index) => (
        <span key={entry.label} className="register-key">
          {index > 0 && <span aria-hidden="true"> · </span>}
          {entry.combos.map((combo) => (
            <span key={combo.join('+')}>
              <ShortcutKeys keys={combo} />{' '}
            </span>
          ))}
          {t(entry.label)}
        </span>
      ))}
    </p>
  );
}
