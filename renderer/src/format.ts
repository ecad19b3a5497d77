/**
 * Numbers and dates as people in each language read them. Quantities arrive as integer kilograms
 * from the core and are only turned into text here.
 */
import { formatKgAsTonnes } from '../../electron/core/quantity';
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
  const own = OWN_TABLES[language];
  if (own) return `${d} ${own.short[m - 1] ?? m} ${y}`;
  return new Intl.DateTimeFormat(LOCALES[language], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * An instant (ISO 8601, as the core records one) as a date and time in the language's style, in the
 * viewer's own time zone: "29 нояб. 2026 г., 18:27" in Russian, "29 noy 2026, 18:27" in Azerbaijani.
 */
export function dateTime(language: Language, iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const own = OWN_TABLES[language];
  if (own) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${when.getDate()} ${own.short[when.getMonth()] ?? when.getMonth() + 1} ${when.getFullYear()}, ${pad(when.getHours())}:${pad(when.getMinutes())}`;
  }
  return new Intl.DateTimeFormat(LOCALES[language], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(when);
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
