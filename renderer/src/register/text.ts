/**
 * Words and dates the register shows, in the person's language. Formatters are built once per
 * language: a scrolling table formats hundreds of cells a second.
 */
import type { ShipmentFields, ShipmentStatus } from '../../../electron/core/api';
import { LOCALES, translate, type Translate } from '../i18n';
import type { Language } from '../settings';

/** History speaks of stored fields (netKg); the form of input fields (netTonnes): both have one label. */
const STORED_TO_INPUT: Partial<Record<keyof ShipmentFields, string>> = {
  netKg: 'netTonnes',
  outturnKg: 'outturnTonnes',
};

/** The first of these keys that has a translation, else the last resort. */
function firstOf(t: Translate, keys: readonly string[], fallback: string): string {
  for (const key of keys) {
    const text = t(key);
    if (text !== key) return text;
  }
  return fallback;
}

/** A field's label: the entry form's own words, so a field has one name on every screen. */
export function fieldLabel(t: Translate, field: string): string {
  const key = STORED_TO_INPUT[field as keyof ShipmentFields] ?? field;
  return firstOf(t, [`entry.field.${key}`, `register.field.${key}`], field);
}

export function statusLabel(t: Translate, status: ShipmentStatus): string {
  return firstOf(t, [`entry.status.${status}`, `register.status.${status}`], status);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The CLDR plural category of a count: "one", "few", "many" or "other". */
export function pluralCategory(language: Language, count: number): 'one' | 'few' | 'many' | 'other' {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    pluralRules.set(language, rules);
  }
  const category = rules.select(count);
  return category === 'one' || category === 'few' || category === 'many' ? category : 'other';
}

/** A year has 366 dates at most: each is written once per language, not once per row shown. */
const dateTexts = new Map<string, string>();

/**
 * A B/L date (YYYY-MM-DD) in the language's numeric order, built from the string itself so no time
 * zone moves it — and without Intl's locale data, which some Chromium builds lack for Azerbaijani
 * and Kazakh (they would print "2024 M12 30").
 */
export function blDateText(language: Language, iso: string): string {
  const key = `${language}:${iso}`;
  let text = dateTexts.get(key);
  if (text === undefined) {
    text = translate(language, 'register.dateFormat', {
      y: iso.slice(0, 4),
      m: iso.slice(5, 7),
      d: iso.slice(8, 10),
    });
    if (dateTexts.size > 20_000) dateTexts.clear();
    dateTexts.set(key, text);
  }
  return text;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A moment (ISO timestamp) in this computer's local date and 24-hour time. */
export function dateTimeText(language: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = translate(language, 'register.dateFormat', {
    y: String(date.getFullYear()),
    m: pad(date.getMonth() + 1),
    d: pad(date.getDate()),
  });
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "January", "Январь", "Yanvar", "Қаңтар": from the translations, for the same reason as dates. */
export function monthLabel(language: Language, month: number): string {
  return translate(language, `register.month.${month}`);
}
