/**
 * One report as an Excel worksheet: a title, the as-of line, a frozen and filtered header, the
 * rows with numbers as numbers and dates as dates, and a totals row. What the columns hold is
 * the caller's; how a kind of figure looks in Excel is decided here, once for every report.
 *
 * The sheet is streamed: its columns, frozen pane and filter are set before the first row, and
 * each row is committed (written out and let go) as soon as it is added, so a register of 100,000
 * cargoes never holds 100,000 rows of exceljs cells at once.
 *
 * Text is always written as text: exceljs makes a formula only from a `{ formula }` value, which
 * this module never writes, so a remark that begins with `=` stays a remark.
 */
import type { Style, Workbook, Worksheet } from 'exceljs';
import { KG_PER_TONNE } from '../quantity';
import type { Language } from '../fields';

/**
 * - text: written as it is;
 * - date: a `YYYY-MM-DD` calendar date, written as an Excel date;
 * - month: a `YYYY-MM` month, written as the Excel date of its first day, shown as the month;
 * - tonnes: integer kilograms, written as tonnes with three decimals (exact to the kilogram);
 * - count: a whole number;
 * - decimal: a number with up to three decimals (barrels);
 * - percent: a percentage as the core gives it (0.523 for 0.523 %), shown by Excel as a percentage.
 */
export type CellKind = 'text' | 'date' | 'month' | 'tonnes' | 'count' | 'decimal' | 'percent';
export type CellValue = string | number | null;

export interface SheetColumn {
  header: string;
  kind: CellKind;
  /** The totals row sums this column (exactly, in kilograms for tonnes). */
  total?: boolean;
  /** Long text kept on several lines in its cell (remarks). */
  wrap?: boolean;
}

export interface TableSheet {
  name: string;
  title: string;
  /** Lines under the title: the as-of date, the station. */
  notes: readonly string[];
  columns: readonly SheetColumn[];
  rows: readonly (readonly CellValue[])[];
  /** The first cell of the totals row; no totals row when no column has `total`. */
  totalLabel: string;
  /** A totals row given whole, for figures no column sum gives (a total over some rows only, a percent). */
  totals?: readonly CellValue[];
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 48;

/** Excel's own formats; Excel shows the separators of the reader's locale (9 959,500 in Russian). */
function numberFormat(kind: CellKind, language: Language): string | undefined {
  switch (kind) {
    case 'tonnes':
      return '#,##0.000';
    case 'count':
      return '#,##0';
    case 'decimal':
      return '#,##0.###';
    case 'percent':
      return '0.000%';
    case 'date':
      return language === 'en' ? 'yyyy-mm-dd' : 'dd.mm.yyyy';
    case 'month':
      return language === 'en' ? 'yyyy-mm' : 'mm.yyyy';
    case 'text':
      return undefined;
  }
}

/** A calendar date as the UTC midnight exceljs turns into Excel's day number, with no time zone in between. */
function excelDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number?];
  return new Date(Date.UTC(year, month - 1, day ?? 1));
}

function cellOf(kind: CellKind, value: CellValue): string | number | Date | null {
  if (value === null || value === '') return null;
  switch (kind) {
    case 'date':
    case 'month':
      return excelDate(String(value));
    case 'tonnes':
      return Number(value) / KG_PER_TONNE;
    case 'count':
    case 'decimal':
      return Number(value);
    case 'percent':
      // Excel's percentages are fractions; thousandths of a percent keep the core's three decimals.
      return Math.round(Number(value) * 1000) / 100_000;
    case 'text':
      return String(value);
  }
}

/** How wide a cell's text is, roughly in Excel's character widths. */
function shownWidth(kind: CellKind, value: CellValue): number {
  if (value === null) return 0;
  if (kind === 'tonnes') return String(Math.trunc(Number(value) / KG_PER_TONNE)).length * 1.34 + 5;
  if (kind === 'date') return 11;
  const longestLine = String(value)
    .split('\n')
    .reduce((most, line) => Math.max(most, line.length), 0);
  return longestLine + 1;
}

function columnWidth(column: SheetColumn, rows: readonly (readonly CellValue[])[], index: number): number {
  let widest = column.header.length * 0.9 + 2;
  for (const row of rows) widest = Math.max(widest, shownWidth(column.kind, row[index] ?? null));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest)));
}

/**
 * Sums a column exactly: kilograms and counts are integers, and decimals (three places at most)
 * are summed in thousandths, so no total drifts by a float's rounding. A column with no figure at
 * all (no outturn yet) has no total, rather than a total of 0 that reads as measured.
 */
function columnTotal(kind: CellKind, rows: readonly (readonly CellValue[])[], index: number): number | null {
  const scale = kind === 'decimal' ? 1000 : 1;
  let sum: number | null = null;
  for (const row of rows) {
    const value = row[index];
    if (typeof value === 'number') sum = (sum ?? 0) + Math.round(value * scale);
  }
  return sum === null ? null : sum / scale;
}

/** The title, the notes, a blank line and the header, each committed; the header's row number. */
function writeHeading(sheet: Worksheet, table: TableSheet): number {
  const title = sheet.addRow([table.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const note of table.notes) {
    const line = sheet.addRow([note]);
    line.font = { italic: true };
    line.commit();
  }
  sheet.addRow([]).commit();
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'bottom', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  return header.number;
}

function writeTotals(sheet: Worksheet, table: TableSheet): void {
  const given = table.totals;
  if (!given && !table.columns.some((column) => column.total)) return;
  const values = table.columns.map((column, index) => {
    if (given) return cellOf(column.kind, given[index] ?? null);
    return column.total ? cellOf(column.kind, columnTotal(column.kind, table.rows, index)) : null;
  });
  values[0] = table.totalLabel;
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.border = { top: { style: 'thin' } };
  });
  row.commit();
}

/**
 * Adds `table` to a streaming `workbook` (ExcelJS.stream.xlsx.WorkbookWriter) as one worksheet,
 * written out row by row and committed whole.
 */
export function addTableSheet(workbook: Workbook, table: TableSheet, language: Language): void {
  // The header's row: under the title, the notes and one blank line. The pane is written before any row.
  const headerRow = table.notes.length + 3;
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
  });
  const plain: Partial<Style> = {};
  const styles = table.columns.map((column, index): Partial<Style> => {
    const excelColumn = sheet.getColumn(index + 1);
    excelColumn.width = columnWidth(column, table.rows, index);
    const numFmt = numberFormat(column.kind, language);
    if (numFmt) excelColumn.numFmt = numFmt;
    if (column.wrap) excelColumn.alignment = { wrapText: true, vertical: 'top' };
    return numFmt || column.wrap ? { ...excelColumn.style } : plain;
  });
  writeHeading(sheet, table);
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((column, i) => cellOf(column.kind, row[i] ?? null)));
    // One style object per column (text ones share an empty one), not a copy per cell: exceljs then
    // finds each cell's style by identity instead of writing it out as XML to look it up.
    styles.forEach((style, i) => {
      added.getCell(i + 1).style = style;
    });
    added.commit();
  }
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + table.rows.length, column: table.columns.length },
  };
  writeTotals(sheet, table);
  sheet.commit();
}
