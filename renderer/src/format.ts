/**
 * Numbers and dates as people in each language read them. Quantities arrive as integer kilograms
 * from the core and are only turned into text here.
 */
import { formatKgAsTonnes } from '../../electron/core/quantity';
import { LOCALES } from './i18n';
import type { Language } from './settings';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, digits: number): Intl.NumberFormat {
  const key = `${language}:${digits}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, format);
  }
  return format;
}

/** Exact tonnes, to the kilogram: "9 959,500" in Russian, "9,959.500" in English. */
export function tonnes(language: Language, kg: number): string {
  const [whole, fraction] = formatKgAsTonnes(kg).split('.') as [string, string];
  const grouped = numberFormat(language, 0).format(Number(whole));
  const decimal = numberFormat(language, 1).format(1.5).replace(/\d/g, '');
  return `${grouped}${decimal}${fraction}`;
}

/** Rounded for a headline: "1.23 Mt", "456.7 kt", "9,960 t" (units are translated by the caller's vars). */
export function tonnesShort(language: Language, kg: number): { value: string; unit: 'Mt' | 'kt' | 't' } {
  const t = kg / 1000;
  if (Math.abs(t) >= 1_000_000) return { value: numberFormat(language, 3).format(t / 1_000_000), unit: 'Mt' };
  if (Math.abs(t) >= 10_000) return { value: numberFormat(language, 1).format(t / 1000), unit: 'kt' };
  return { value: numberFormat(language, 0).format(t), unit: 't' };
}

export function integer(language: Language, value: number): string {
  return numberFormat(language, 0).format(value);
}

export function decimal(language: Language, value: number, digits: number): string {
  return numberFormat(language, digits).format(value);
}

export function percent(language: Language, value: number, digits = 1): string {
  return `${numberFormat(language, digits).format(value)}%`;
}

/** A calendar date string shown in the language's style, without any time zone shifting it. */
export function calendarDate(language: Language, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(LOCALES[language], { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function monthName(language: Language, month: string, style: 'short' | 'long' = 'short'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(LOCALES[language], { month: style, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
