/**
 * The pieces the reports' workbooks share: columns named by a report's words, and a sheet of one row
 * per group (a vessel, a month) with the group's figures and the core's totals under them.
 */
import type { CellKind, CellValue, SheetColumn, TableSheet } from './sheet';

/** Columns from (word, kind) pairs, each header the report's word in the reader's language. */
export function wordColumns<W>(
  spec: readonly (readonly [W, CellKind])[],
  word: (key: W) => string,
): SheetColumn[] {
  return spec.map(([key, kind]) => ({ header: word(key), kind }));
}

/** What every sheet of one workbook has in common. */
export interface SheetFrame {
  title: string;
  notes: readonly string[];
  totalLabel: string;
}

/** A sheet of groups: the group's label first, its figures after, the totals' figures in the total row. */
export function groupsSheet<T>(
  frame: SheetFrame,
  name: string,
  columns: readonly SheetColumn[],
  groups: readonly (readonly [CellValue, T])[],
  totals: T,
  cells: (figures: T) => CellValue[],
): TableSheet {
  return {
    ...frame,
    name,
    columns,
    rows: groups.map(([label, figures]) => [label, ...cells(figures)]),
    totals: [null, ...cells(totals)],
  };
}
