/**
 * The one writer of the small CSV reports (programme, vessels, reconciliation, year against year):
 * rows of cells joined by the file's separator, headers in the reader's language, CRLF line ends
 * with one after the last row, and the BOM Excel needs to read UTF-8. The cells are csv.ts's, so
 * every report is Excel-safe the same way: text guarded against formulas, decimal commas with `;`,
 * tonnes to the kilogram as numbers Excel sums.
 */
import type { CsvSeparator } from './api';
import { BOM, decimalMarkFor, quoteIfNeeded, textField, tonnesField } from './csv';
import type { Language, Translations } from './fields';
import type { DecimalMark } from './quantity';

const CRLF = '\r\n';

/** The cells and rows of one report, for one separator and one reader's language. */
export interface CsvTable {
  readonly mark: DecimalMark;
  /** A row of cells already made safe. */
  row(cells: readonly string[]): string;
  /** A header row: each word in the reader's language. */
  header(words: readonly Translations[]): string;
  /** A word the app wrote (a header, a state), in the reader's language. */
  word(words: Translations): string;
  /** Words or figures the app made itself, quoted only when they need it. */
  plain(text: string): string;
  /** Text somebody typed, guarded against formulas. */
  text(value: string | null): string;
  tonnes(kg: number | null): string;
  /** A figure to a fixed number of decimals (whole numbers as they are when `whole`); empty when none. */
  decimal(value: number | null, digits: number, whole?: boolean): string;
}

export function csvTable(separator: CsvSeparator, language: Language): CsvTable {
  const code = separator.charCodeAt(0);
  const mark = decimalMarkFor(separator);
  const plain = (text: string) => quoteIfNeeded(text, code);
  const word = (words: Translations) => plain(words[language]);
  const row = (cells: readonly string[]) => cells.join(separator);
  return {
    mark,
    row,
    header: (words) => row(words.map(word)),
    word,
    plain,
    text: (value) => textField(value, code),
    tonnes: (kg) => tonnesField(kg, mark),
    decimal: (value, digits, whole = false) => {
      if (value === null) return '';
      const text = whole && Number.isInteger(value) ? String(value) : value.toFixed(digits);
      return mark === '.' ? text : text.replace('.', ',');
    },
  };
}

/** The file's text: the BOM, then the lines, each ended by CRLF (RFC 4180's line after the last row). */
export function csvFile(lines: readonly string[]): string {
  return BOM + lines.map((line) => line + CRLF).join('');
}
