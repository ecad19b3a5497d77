/**
 * The independent reader workbook specs check every cell with: read-excel-file, which shares no
 * code with exceljs. Its types are ES module types, so this CommonJS test code requires it.
 */
export type WorkbookCell = string | number | boolean | Date | null;
export interface ReadSheet {
  sheet: string;
  data: WorkbookCell[][];
}

type ReadXlsx = (input: Buffer) => Promise<ReadSheet[]>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const reader = require('read-excel-file/node') as { default: ReadXlsx };

/** Every sheet of a workbook: its name and its cells, row by row, as Excel would show their values. */
export function readWorkbook(bytes: Buffer): Promise<ReadSheet[]> {
  return reader.default(bytes);
}
