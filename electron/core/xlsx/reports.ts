/**
 * The reports as Excel workbooks: the register and the monthly summary, the same columns and
 * figures as their CSV exports (headers from the same tables), written as a workbook with real
 * numbers, dates, a frozen and filtered header and totals. Loaded only when a workbook is asked
 * for, so opening a ledger or starting the command line never pays for exceljs.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { MonthProgress, Shipment } from '../api';
import { EXTRA_COLUMNS } from '../columns';
import { conflictNote, conflictWord, monthlyHeaders, type RegisterStations } from '../csv';
import { enumWord, FIELDS, type FieldSpec, type Language } from '../fields';
import { addTableSheet, type CellKind, type CellValue, type SheetColumn, type TableSheet } from './sheet';
import { headingNotes, workbookWord } from './words';

export interface WorkbookContext {
  year: number;
  language: Language;
  /** The load-port date the figures stand at, `YYYY-MM-DD`. */
  asOf: string;
  /** The ledger's station, or null for a ledger that is no station. */
  station: string | null;
  /** When the workbook is written (its document properties). */
  now: Date;
}

function kindOf(field: FieldSpec): CellKind {
  switch (field.kind) {
    case 'date':
      return 'date';
    case 'quantity':
      return 'tonnes';
    case 'decimal':
      return 'decimal';
    case 'text':
    case 'imo':
    case 'enum':
      return 'text';
  }
}

function registerColumns(language: Language, stations: boolean): SheetColumn[] {
  const columns: SheetColumn[] = [
    { header: EXTRA_COLUMNS.id[language], kind: 'text' },
    ...FIELDS.map((field): SheetColumn => ({
      header: field.csv[language],
      kind: kindOf(field),
      total: field.kind === 'quantity' || field.kind === 'decimal',
      wrap: field.key === 'remarks',
    })),
  ];
  if (stations)
    columns.push(
      { header: EXTRA_COLUMNS.station[language], kind: 'text' },
      { header: EXTRA_COLUMNS.conflict[language], kind: 'text' },
    );
  return columns;
}

function registerRow(shipment: Shipment, language: Language, stations?: RegisterStations): CellValue[] {
  const record = shipment as Shipment & Record<string, unknown>;
  const cells: CellValue[] = [shipment.id];
  for (const field of FIELDS) {
    const value = record[field.stored];
    if (value === null || value === undefined) cells.push(null);
    else if (field.kind === 'enum') cells.push(enumWord(field, String(value), language));
    else cells.push(typeof value === 'number' ? value : String(value));
  }
  if (stations)
    cells.push(stations.station(shipment.id), conflictWord(stations.conflict(shipment.id), language));
  return cells;
}

/** The register; on a station's ledger (`stations` given) with the recording station and the conflict mark. */
export function registerTable(
  shipments: readonly Shipment[],
  context: WorkbookContext,
  stations?: RegisterStations,
): TableSheet {
  const { language, year } = context;
  return {
    name: workbookWord('registerSheet', language),
    title: workbookWord('registerTitle', language, { year }),
    notes: headingNotes(context),
    columns: registerColumns(language, stations !== undefined),
    rows: shipments.map((shipment) => registerRow(shipment, language, stations)),
    totalLabel: workbookWord('total', language),
  };
}

const MONTHLY_KINDS: readonly { kind: CellKind; total: boolean }[] = [
  { kind: 'month', total: false },
  { kind: 'count', total: true },
  { kind: 'tonnes', total: true },
  { kind: 'tonnes', total: false },
  { kind: 'tonnes', total: true },
  { kind: 'tonnes', total: false },
  { kind: 'tonnes', total: true },
  { kind: 'tonnes', total: true },
  { kind: 'text', total: false },
  { kind: 'date', total: false },
];

/**
 * A month not begun has its plan and nothing else, as in the CSV: no sum counts it as shipped. A
 * closed month names who closed it and when.
 */
function monthlyRow(m: MonthProgress): CellValue[] {
  const begun = m.state !== 'future';
  return [
    m.month,
    begun ? m.shipments : null,
    begun ? m.tonnesKg : null,
    begun ? m.cumulativeKg : null,
    m.planKg,
    m.cumulativePlanKg,
    m.planToDateKg,
    m.varianceKg,
    m.closed?.by ?? null,
    m.closed?.on ?? null,
  ];
}

/** The months against plan; cargoes in an open conflict between stations are counted in a note on top. */
export function monthlyTable(
  months: readonly MonthProgress[],
  context: WorkbookContext,
  conflicted = 0,
): TableSheet {
  const { language, year } = context;
  const headers = monthlyHeaders(language);
  const conflictNotes = conflicted > 0 ? [conflictNote(conflicted, language)] : [];
  return {
    name: workbookWord('monthlySheet', language),
    title: workbookWord('monthlyTitle', language, { year }),
    notes: [...headingNotes(context), ...conflictNotes],
    columns: MONTHLY_KINDS.map((column, i) => ({ header: headers[i] ?? '', ...column })),
    rows: months.map(monthlyRow),
    totalLabel: workbookWord('total', language),
  };
}

/**
 * The workbook's bytes: one sheet per table, in order. Written by exceljs's streaming writer,
 * each row committed as it is added, into the zip's chunks; strings are shared (Excel's own
 * way, and a smaller file), with styles for the formats, the heading and the totals.
 */
export async function workbookBytes(
  tables: readonly TableSheet[],
  context: WorkbookContext,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'Transit Ledger';
  workbook.created = context.now;
  workbook.modified = context.now;
  for (const table of tables) addTableSheet(workbook, table, context.language);
  await workbook.commit();
  return Buffer.concat(chunks);
}

export { reconciliationTables } from './reconciliation';
export { yearsTable } from './years';
export { vesselsTables } from './voyages';
