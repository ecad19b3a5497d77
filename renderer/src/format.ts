/**
 * Numbers and dates as people in each language read them. Quantities arrive as integer kilograms
 * from the core and are only turned into text here.
 */
import { readDate } from '../../electron/core/calendar';
import { formatKgAsTonnes, quantityInputText } from '../../electron/core/quantity';
import { LOCALES } from './i18n';
import type { Language } from './settings';

/**
 * Browsers built without full ICU data (Debian's Chromium among them) know no Azerbaijani or Kazakh
 * and print "M01" for January. For those two the CLDR separators and month names are written out
 * here, so every screen reads the same in any browser and in Electron.
 */
const OWN_TABLES: Partial<
  Record<Language, { group: string; decimal: string; short: string[]; long: string[] }>
> = {
  az: {
    group: '.',
    decimal: ',',
    short: ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avq', 'sen', 'okt', 'noy', 'dek'],
    long: [
      'yanvar',
      'fevral',
      'mart',
      'aprel',
      'may',
      'iyun',
      'iyul',
      'avqust',
      'sentyabr',
      'oktyabr',
      'noyabr',
      'dekabr',
    ],
  },
  kk: {
    group: '\u00a0',
    decimal: ',',
    short: ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'],
    long: [
      'қаңтар',
      'ақпан',
      'наурыз',
      'сәуір',
      'мамыр',
      'маусым',
      'шілде',
      'тамыз',
      'қыркүйек',
      'қазан',
      'қараша',
      'желтоқсан',
    ],
  },
};

interface NumberFormatter {
  format(value: number): string;
}

const cache = new Map<string, NumberFormatter>();

function numberFormat(language: Language, digits: number): NumberFormatter {
  const key = `${language}:${digits}`;
  let format = cache.get(key);
  if (!format) {
    const own = OWN_TABLES[language];
    const intl = new Intl.NumberFormat(own ? 'en-US' : LOCALES[language], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    format = own
      ? {
          format: (value) =>
            intl.format(value).replace(/[,.]/g, (mark) => (mark === ',' ? own.group : own.decimal)),
        }
      : intl;
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

/** A tanker's deadweight or any figure usually whole: "13 000" when whole, else to the kilogram. */
export function wholeTonnes(language: Language, kg: number): string {
  return kg % 1000 === 0 ? integer(language, kg / 1000) : tonnes(language, kg);
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

/**
 * The one way each language shows a calendar date (YYYY-MM-DD): the register, the forms, their
 * hints and every message. English shows it as stored, 2026-11-27, which no English reader takes
 * for another day; Russian, Azerbaijani and Kazakh as their clerks write it, 27.11.2026. Both are
 * what the core's date reader takes back, so a form shows a date as a person may type it.
 * Built from the string itself: no time zone can move it, and no browser's locale data is needed.
 */
export function calendarDate(language: Language, iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return language === 'en' ? iso : `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/**
 * A date as a person typed it (2024-05-04, 9.5.2024, 04/05/2024), shown as calendarDate shows dates
 * once the core's date reader takes it; text that is no date stays as typed, for its refusal to quote.
 */
export function typedDate(language: Language, text: string): string {
  const reading = readDate(text);
  return reading.ok ? calendarDate(language, reading.date) : text;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * An instant (ISO 8601, as the core records one) as this computer's local date, written as
 * calendarDate writes dates, and 24-hour time: "2026-11-29 18:27", "29.11.2026 18:27".
 */
export function dateTime(language: Language, iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const day = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
  return `${calendarDate(language, day)} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
}

/**
 * A quantity as a form shows it for editing: the language's decimal mark, no digit groups, no
 * trailing zeros ("9959,5"), and never a figure the core would have to ask about (`9,9590`).
 */
export function quantityInput(language: Language, kg: number): string {
  const text = quantityInputText(kg);
  return language === 'en' ? text : text.replace('.', ',');
}

export function monthName(language: Language, month: string, style: 'short' | 'long' = 'short'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const own = OWN_TABLES[language];
  if (own) return own[style][m - 1] ?? month;
  return new Intl.DateTimeFormat(LOCALES[language], { month: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/**
 * A label that ends in its unit ("Boşaltma, t", "План, т", "Net, t/day") with a no-break space
 * before the unit, so a wrapped column header never leaves the unit alone on its last line.
 */
export function keepUnit(label: string, unit: string): string {
  return label.endsWith(` ${unit}`) ? `${label.slice(0, -unit.length - 1)}\u00a0${unit}` : label;
}
