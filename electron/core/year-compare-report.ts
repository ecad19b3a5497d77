/**
 * Year against year as a report: each year's monthly totals side by side (months as rows, the years
 * and the baseline as columns, totals last), as a CSV for Excel and as a workbook sheet. Written with
 * csv.ts's cells, so it is Excel-safe the same way: a BOM, `;` with decimal commas for decimal-comma
 * Excel, tonnes to the kilogram as numbers Excel sums. A month of the chosen year not begun is empty.
 */
import type { CsvSeparator, YearComparison } from './api';
import { csvFile, csvTable } from './csv-table';
import type { Language, Translations } from './fields';

const WORDS = {
  month: { en: 'Month', ru: 'Месяц', az: 'Ay', kk: 'Ай' },
  total: { en: 'Total', ru: 'Итого', az: 'Cəmi', kk: 'Барлығы' },
  to: { en: 'to', ru: 'по', az: 'qədər', kk: 'дейін' },
  baseline: { en: 'Baseline', ru: 'База', az: 'Baza', kk: 'База' },
  monthly: {
    en: 'monthly figures',
    ru: 'по месячным данным',
    az: 'aylıq rəqəmlər',
    kk: 'айлық көрсеткіштер',
  },
  proRata: {
    en: 'pro rata to the days',
    ru: 'пропорционально дням',
    az: 'günlərə mütənasib',
    kk: 'күндерге пропорционал',
  },
  sheet: { en: 'Year against year', ru: 'Год к году', az: 'İl ilə il', kk: 'Жыл мен жыл' },
} as const satisfies Readonly<Record<string, Translations>>;

/** The column headers: Month, each year (the chosen one "to" its as-of date while it runs), the baseline. */
export function yearsHeaders(c: YearComparison, language: Language): string[] {
  const years = c.years.map((y) =>
    y.year === c.year && y.daysCounted < y.daysInYear
      ? `${y.year} (${WORDS.to[language]} ${c.asOf})`
      : String(y.year),
  );
  const how = c.baseline.pace === 'monthly' ? WORDS.monthly[language] : WORDS.proRata[language];
  return [WORDS.month[language], ...years, `${WORDS.baseline[language]} ${c.baseline.year} (${how})`];
}

/** Twelve rows of kilograms (null: a month not begun), January first, then the totals. */
export function yearsRows(c: YearComparison): { months: (number | null)[][]; totals: number[] } {
  const months = Array.from({ length: 12 }, (_, m) => [
    ...c.years.map((y) => y.monthlyKg[m] ?? null),
    c.baseline.monthlyKg[m] ?? 0,
  ]);
  return { months, totals: [...c.years.map((y) => y.totalKg), c.baseline.kg] };
}

export function yearsCsv(c: YearComparison, separator: CsvSeparator, language: Language = 'en'): string {
  const t = csvTable(separator, language);
  const { months, totals } = yearsRows(c);
  return csvFile([
    t.row(yearsHeaders(c, language).map(t.plain)),
    ...months.map((row, m) => t.row([String(m + 1), ...row.map(t.tonnes)])),
    t.row([t.word(WORDS.total), ...totals.map(t.tonnes)]),
  ]);
}

export function yearsSheetName(language: Language): string {
  return WORDS.sheet[language];
}
