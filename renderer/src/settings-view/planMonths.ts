/** The plan's twelve months: their order and their names in the page's language. */
import { monthName } from '../format';
import { LOCALES, type Translate } from '../i18n';
import type { Language } from '../settings';

/** 0 = January. */
export const MONTHS: readonly number[] = Array.from({ length: 12 }, (_, i) => i);
export const EMPTY_PLAN: readonly string[] = MONTHS.map(() => '');

function capitalised(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(LOCALES[language]) + text.slice(1);
}

/** "Январь": month `i` (0-based) of `year`, as a label. */
export function planMonthName(t: Translate, language: Language, year: number, i: number): string {
  const name = monthName(language, `${year}-${String(i + 1).padStart(2, '0')}`, 'long');
  // A browser without the language's calendar data answers "M01"; the app's own names stand in.
  return /\d/.test(name) ? t(`settings.month.${i + 1}`) : capitalised(name, language);
}
