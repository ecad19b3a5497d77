/**
 * An export as the transports carry it: a CSV report's text, or a workbook's bytes in base64.
 * The workbook writer (and exceljs with it) is required only when a workbook is asked for.
 */
import type { ExportedReport } from './api';

type Workbooks = typeof import('./xlsx/reports');

export function loadWorkbooks(): Workbooks {
  // `require` rather than `import()`: the build is CommonJS, and jest runs it without ES modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy loading, as said above
  return require('./xlsx/reports') as Workbooks;
}

export function csvReport(name: string, rows: number, content: string): ExportedReport {
  return { fileName: `${name}.csv`, format: 'csv', content, encoding: 'utf8', rows };
}

export function workbookReport(name: string, rows: number, bytes: Buffer): ExportedReport {
  return {
    fileName: `${name}.xlsx`,
    format: 'xlsx',
    content: bytes.toString('base64'),
    encoding: 'base64',
    rows,
  };
}
