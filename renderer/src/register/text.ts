/**
 * Words the register shows, in the person's language (dates and numbers: format.ts). Formatters
 * are built once per language: a scrolling table formats hundreds of cells a second.
 */
import type { Shipment, ShipmentStatus } from '../../../electron/core/api';
import { inputKeyOf } from '../../../electron/core/fields';
import { calendarDate } from '../format';
import { LOCALES, translate, type Translate } from '../i18n';
import type { Language } from '../settings';

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
  // History speaks of stored fields (netKg), the forms of input fields (netTonnes): both have one label.
  const key = inputKeyOf(field) ?? field;
  return firstOf(t, [`entry.field.${key}`, `register.field.${key}`], field);
}

export function statusLabel(t: Translate, status: ShipmentStatus): string {
  return firstOf(t, [`entry.status.${status}`, `register.status.${status}`], status);
}

/** What identifies a shipment to a person in a button's name: its B/L number, or vessel and date. */
export function shipmentName(shipment: Shipment, language: Language): string {
  return shipment.blNumber ?? `${shipment.vessel} ${calendarDate(language, shipment.blDate)}`;
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

/** "January", "Январь", "Yanvar", "Қаңтар": from the translations, for the same reason as dates. */
export function monthLabel(language: Language, month: number): string {
  return translate(language, `register.month.${month}`);
}
