/**
 * Counted phrases ("Import 1 shipment", "Импортировать 5 отгрузок"): the key gets the language's
 * plural category as a suffix (.one, .few, .many, .other), each language file holding all four.
 */
import { integer } from '../format';
import { LOCALES, useLanguage, useT, type Vars } from '../i18n';

export type Plural = (key: string, count: number, vars?: Vars) => string;

export function usePlural(): Plural {
  const language = useLanguage();
  const t = useT();
  return (key, count, vars) => {
    const category = new Intl.PluralRules(LOCALES[language]).select(count);
    const suffix = category === 'one' || category === 'few' || category === 'many' ? category : 'other';
    return t(`${key}.${suffix}`, { count: integer(language, count), ...vars });
  };
}
