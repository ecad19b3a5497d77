/**
 * Reports out (Excel-safe CSV) and shipment rows in (import). Pure: no Node APIs, so the renderer
 * may use it too.
 *
 * Writing is hand-rolled on purpose: a 100,000-row register must cost little more than writing
 * its bytes, so the text is built in one pass of joins and each cell is checked by char codes.
 * Reading leans on csv-parse for the quoting rules and does only the domain work here: column
 * names, decimal marks, dates, and undoing the formula guard. Whether a value is acceptable is
 * decided by shipment.ts, never here.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { CsvSeparator, FieldIssue, ImportEncoding, MonthProgress, Shipment, ShipmentInput, ShipmentStatus } from './api';
import { decodeImportSource, type ImportSource } from './encoding';
import { formatKgAsTonnes } from './quantity';
import { FIELD_LABELS } from './shipment';

// ---------------------------------------------------------------------------------------------
// Writing

export const BOM = '\uFEFF';

const CRLF = '\r\n';
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
const PLUS = 0x2b;
const MINUS = 0x2d;
const AT = 0x40;

export const REGISTER_HEADERS = [
  'ID',
  'B/L date',
  'B/L number',
  'Vessel',
  'IMO',
  'Voyage',
  'Grade',
  'Load port',
  'Discharge terminal',
  'Shipper',
  'Receiver',
  'Status',
  'Net tonnes',
  'Outturn tonnes',
  'Barrels',
  'Remarks',
] as const;

export const MONTHLY_HEADERS = [
  'Month',
  'Shipments',
  'Tonnes',
  'Cumulative tonnes',
  'Plan tonnes',
  'Cumulative plan tonnes',
  'Variance tonnes',
] as const;

const STATUS_LABELS: Record<ShipmentStatus, string> = {
  loaded: 'loaded',
  in_transit: 'in transit',
  discharged: 'discharged',
};

type DecimalMark = '.' | ',';

/** Excel in a decimal-comma locale (ru, az, kk) reads `;` files; a `,` file is for decimal-point Excel. */
function decimalMarkFor(separator: CsvSeparator): DecimalMark {
  return separator === ';' ? ',' : '.';
}

function isFormulaTrigger(code: number): boolean {
  return code === EQUALS || code === PLUS || code === MINUS || code === AT || code === TAB || code === CR || code === LF;
}

/**
 * True for text Excel would run as a formula, and also for text that already starts with
 * apostrophes before such a character: escaping those too (`'=x` → `''=x`) is what lets import
 * strip exactly one apostrophe and give back every text unchanged.
 */
function looksLikeFormula(text: string): boolean {
  let i = 0;
  while (text.charCodeAt(i) === APOSTROPHE) i++;
  return isFormulaTrigger(text.charCodeAt(i));
}

/** OWASP CSV-injection guard: a leading apostrophe makes Excel show the text instead of evaluating it. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? "'" + text : text;
}

/** The inverse of neutraliseFormula, applied to text cells on import. */
export function restoreFormula(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === APOSTROPHE) i++;
  return i > 0 && isFormulaTrigger(text.charCodeAt(i)) ? text.slice(1) : text;
}

/** RFC 4180 quoting, only when the field needs it (so ordinary numbers stay numbers in Excel). */
function quoteIfNeeded(text: string, separatorCode: number): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === separatorCode || code === QUOTE || code === CR || code === LF) {
      return '"' + text.replaceAll('"', '""') + '"';
    }
  }
  return text;
}

/** Text somebody typed: guarded against formulas, then quoted. */
function textField(value: string | null, separatorCode: number): string {
  if (value === null || value === '') return '';
  return quoteIfNeeded(looksLikeFormula(value) ? "'" + value : value, separatorCode);
}

/** Tonnes are never guarded: `-1234.500` must stay a number Excel can sum. */
function tonnesField(kg: number | null, mark: DecimalMark): string {
  return kg === null ? '' : formatKgAsTonnes(kg, mark);
}

/** Values the app itself made (dates, counts, enums); quoted only as a safety net. */
function plainField(value: string | number | null, separatorCode: number, mark: DecimalMark): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    const text = String(value);
    return mark === '.' ? text : text.replace('.', ',');
  }
  return quoteIfNeeded(value, separatorCode);
}

/**
 * Joins rows into the file text. Each row is one flat string made by `join`, and the file is one
 * more `join`: measured at 100,000 rows this is about three times faster than growing one string
 * with `+=`, whose rope of millions of pieces costs more to build and flatten than the text itself.
 * The BOM makes the whole result a two-byte string, and that final widening join is about half
 * of what remains; it is the price of the BOM being part of `ExportedReport.content`.
 */
function fileText(headers: readonly string[], lines: string[], separator: CsvSeparator): string {
  const code = separator.charCodeAt(0);
  lines[0] = BOM + headers.map((h) => quoteIfNeeded(h, code)).join(separator);
  // The empty last element gives the CRLF after the last row that RFC 4180 asks for.
  lines[lines.length - 1] = '';
  return lines.join(CRLF);
}

/**
 * The shipment register: one row per live cargo. Voided cargoes stay out, so that summing the
 * tonnes column in Excel gives the ledger's total; the journal keeps them, with their reasons.
 */
export function registerCsv(shipments: readonly Shipment[], separator: CsvSeparator): string {
  const code = separator.charCodeAt(0);
  const mark = decimalMarkFor(separator);
  const lines: string[] = new Array<string>(shipments.length + 2);
  let n = 1;
  for (const s of shipments) {
    lines[n++] = [
      textField(s.id, code),
      plainField(s.blDate, code, mark),
      textField(s.blNumber, code),
      textField(s.vessel, code),
      textField(s.imo, code),
      textField(s.voyage, code),
      textField(s.grade, code),
      textField(s.loadPort, code),
      textField(s.dischargeTerminal, code),
      textField(s.shipper, code),
      textField(s.receiver, code),
      STATUS_LABELS[s.status],
      tonnesField(s.netKg, mark),
      tonnesField(s.outturnKg, mark),
      plainField(s.barrels, code, mark),
      textField(s.remarks, code),
    ].join(separator);
  }
  return fileText(REGISTER_HEADERS, lines, separator);
}

/** Month by month against plan; the variance is negative when behind and stays a number. */
export function monthlyCsv(months: readonly MonthProgress[], separator: CsvSeparator): string {
  const code = separator.charCodeAt(0);
  const mark = decimalMarkFor(separator);
  const lines: string[] = new Array<string>(months.length + 2);
  let n = 1;
  for (const m of months) {
    lines[n++] = [
      plainField(m.month, code, mark),
      plainField(m.shipments, code, mark),
      tonnesField(m.tonnesKg, mark),
      tonnesField(m.cumulativeKg, mark),
      tonnesField(m.planKg, mark),
      tonnesField(m.cumulativePlanKg, mark),
      tonnesField(m.varianceKg, mark),
    ].join(separator);
  }
  return fileText(MONTHLY_HEADERS, lines, separator);
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ParsedCsvRow {
  /** Where the row starts in the file, the first line being 1 (the header, in a tidy file). */
  line: number;
  input: ShipmentInput;
  id: string | null;
  voided: boolean;
}

export interface ParsedCsv {
  /** Empty whenever fileIssues is not: a file with a problem in its shape is refused whole. */
  rows: ParsedCsvRow[];
  fileIssues: FieldIssue[];
}

type ImportField = keyof ShipmentInput | 'id' | 'voided' | 'voidReason';

/**
 * Accepted column names per field; the first is the name the register writes and the one
 * messages suggest. Matching ignores case, spaces and punctuation (see normaliseHeader).
 */
const COLUMN_ALIASES: Record<ImportField, readonly string[]> = {
  id: ['ID'],
  blDate: ['B/L date', 'BL date', 'Date', 'Bill of lading date', 'Дата коносамента', 'Дата'],
  blNumber: ['B/L number', 'B/L no', 'BL No', 'Bill of lading', 'Bill of lading number', 'Номер коносамента', '№ коносамента', 'Коносамент'],
  vessel: ['Vessel', 'Ship', 'Tanker', 'Vessel name', 'Судно', 'Танкер', 'Название судна'],
  imo: ['IMO', 'IMO number', 'IMO no', 'ИМО'],
  voyage: ['Voyage', 'Voyage no', 'Voyage number', 'Рейс', 'Номер рейса'],
  grade: ['Grade', 'Crude', 'Field', 'Сорт', 'Сорт нефти', 'Месторождение'],
  loadPort: ['Load port', 'Loading port', 'Port of loading', 'Порт погрузки'],
  dischargeTerminal: ['Discharge terminal', 'Discharge port', 'Port of discharge', 'Терминал выгрузки', 'Порт выгрузки'],
  shipper: ['Shipper', 'Грузоотправитель', 'Отправитель'],
  receiver: ['Receiver', 'Consignee', 'Грузополучатель', 'Получатель'],
  status: ['Status', 'Статус'],
  netTonnes: [
    'Net tonnes',
    'Tonnes',
    'Tons',
    'Net tons',
    'Quantity',
    'Net quantity',
    'Qty (t)',
    'Тонн',
    'Тонны',
    'Количество',
    'Количество (т)',
    'Нетто (т)',
  ],
  outturnTonnes: ['Outturn tonnes', 'Outturn', 'Outturn (t)'],
  barrels: ['Barrels', 'bbl', 'Баррели', 'Баррелей'],
  remarks: ['Remarks', 'Notes', 'Note', 'Comment', 'Comments', 'Примечание', 'Примечания', 'Комментарий'],
  voided: ['Voided'],
  voidReason: ['Void reason'],
};

const REQUIRED_FIELDS = ['blDate', 'vessel', 'netTonnes'] as const satisfies readonly ImportField[];
const NUMERIC_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>(['netTonnes', 'outturnTonnes', 'barrels']);

/** NFKC first so a decomposed `й` or a full-width letter still matches. */
function normaliseHeader(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const FIELD_BY_HEADER: ReadonlyMap<string, ImportField> = (() => {
  const index = new Map<string, ImportField>();
  for (const [field, names] of Object.entries(COLUMN_ALIASES) as [ImportField, readonly string[]][]) {
    for (const name of names) index.set(normaliseHeader(name), field);
  }
  return index;
})();

const ACCEPTED_NAMES = Object.values(COLUMN_ALIASES)
  .map((names) => names[0])
  .join(', ');

const STATUS_WORDS: ReadonlyMap<string, ShipmentStatus> = new Map<string, ShipmentStatus>([
  ['loaded', 'loaded'],
  ['intransit', 'in_transit'],
  ['discharged', 'discharged'],
  ['погружен', 'loaded'],
  ['погружено', 'loaded'],
  ['загружен', 'loaded'],
  ['впути', 'in_transit'],
  ['выгружен', 'discharged'],
  ['выгружено', 'discharged'],
]);

/** Words a person might put in the Voided column to say "not voided"; anything else voids. */
const NOT_VOIDED = new Set(['', 'no', 'n', 'false', '0', 'нет', 'xeyr']);

type ImportSeparator = CsvSeparator | '\t';

function fileIssue(code: string, message: string): FieldIssue {
  return { field: 'file', code, message };
}

/** Counts `;`, `,` and tabs outside quotes on the first non-blank line; the most frequent wins. */
function detectSeparator(text: string): ImportSeparator | null {
  const counts = { ';': 0, '\t': 0, ',': 0 };
  let inQuotes = false;
  let sawContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
      sawContent = true;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\r' || ch === '\n') {
      if (sawContent) break;
    } else if (ch === ';' || ch === '\t' || ch === ',') {
      counts[ch]++;
      sawContent = true;
    } else if (ch !== ' ') {
      sawContent = true;
    }
  }
  if (!sawContent) return null;
  let best: ImportSeparator = ',';
  let bestCount = 0;
  // Ties go to `;` because a decimal-comma locale is the one this app mostly serves.
  for (const candidate of [';', '\t', ','] as const) {
    if (counts[candidate] > bestCount) {
      best = candidate;
      bestCount = counts[candidate];
    }
  }
  return best;
}

interface NumberShapes {
  plain: RegExp;
  decimal: RegExp;
  grouped: RegExp;
  groupedDecimal: RegExp;
  otherDecimal: RegExp;
  group: RegExp;
}

/**
 * The file's own decimal mark is always a decimal mark. The other mark is read the way Excel in
 * that locale would: a thousands separator when it sits between groups of three digits
 * (`1.234.567`, az-style `9.959` in a `;` file), otherwise a stray decimal mark (`9959.5`).
 */
const NUMBER_SHAPES: Record<DecimalMark, NumberShapes> = {
  ',': {
    plain: /^\d+$/,
    decimal: /^(\d+),(\d+)$/,
    grouped: /^\d{1,3}(?:\.\d{3})+$/,
    groupedDecimal: /^(\d{1,3}(?:\.\d{3})+),(\d+)$/,
    otherDecimal: /^(\d+)\.(\d+)$/,
    group: /\./g,
  },
  '.': {
    plain: /^\d+$/,
    decimal: /^(\d+)\.(\d+)$/,
    grouped: /^\d{1,3}(?:,\d{3})+$/,
    groupedDecimal: /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/,
    otherDecimal: /^(\d+),(\d+)$/,
    group: /,/g,
  },
};

/** To the point-decimal text shipment.ts parses; anything unreadable goes through as written. */
function normaliseNumber(cell: string, mark: DecimalMark): string {
  // \s covers NBSP and U+202F, the thousands separators Russian Excel writes.
  const compact = cell.replace(/\s+/g, '');
  const shapes = NUMBER_SHAPES[mark];
  if (shapes.plain.test(compact)) return compact;
  let match = shapes.decimal.exec(compact);
  if (match) return `${match[1]}.${match[2]}`;
  if (shapes.grouped.test(compact)) return compact.replace(shapes.group, '');
  match = shapes.groupedDecimal.exec(compact);
  if (match) return `${(match[1] ?? '').replace(shapes.group, '')}.${match[2]}`;
  match = shapes.otherDecimal.exec(compact);
  if (match) return `${match[1]}.${match[2]}`;
  return cell.trim();
}

const DAY_MONTH_YEAR = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})$/;

/**
 * `DD.MM.YYYY` / `DD/MM/YYYY` become ISO, even when they name no real day: the validator then
 * explains `31.02.2024` as a 30 February-style impossible date, not as a date in the wrong form.
 */
function normaliseDate(cell: string): string {
  const text = cell.trim();
  const match = DAY_MONTH_YEAR.exec(text);
  if (match) return `${match[4]}-${(match[3] ?? '').padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
  return text;
}

const NUMBER_FIELDS: ReadonlySet<string> = new Set(['netTonnes', 'outturnTonnes', 'barrels'] satisfies (keyof ShipmentInput)[]);

/**
 * The validator's advice on how to write a date or a number is for one typed field; a file may
 * use more forms (DD.MM.YYYY, decimal commas, spaces between thousands), so on import the advice
 * names the forms a file may use.
 */
export function importIssue(issue: FieldIssue, input: ShipmentInput): FieldIssue {
  const raw = (input as Record<string, unknown>)[issue.field];
  const cell = typeof raw === 'string' ? raw : String(raw ?? '');
  if (issue.code === 'blDate.format') {
    return { ...issue, message: `B/L date "${cell}" is not a date; in a file write it as DD.MM.YYYY or YYYY-MM-DD (e.g. 03.05.2024).` };
  }
  if (NUMBER_FIELDS.has(issue.field) && issue.code === `${issue.field}.format`) {
    const label = FIELD_LABELS[issue.field as keyof ShipmentInput];
    return { ...issue, message: `${label} "${cell}" is not a number; in a file write it like 9959.5, 9959,5 or 9 959,5.` };
  }
  return issue;
}

function normaliseStatus(cell: string): string {
  const text = restoreFormula(cell);
  return STATUS_WORDS.get(normaliseHeader(text)) ?? text;
}

function isBlank(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === '';
}

/**
 * csv-parse's own line count treats a CRLF inside a quoted cell as two lines, so lines are
 * counted here from the byte offsets it reports (UTF-8, as it reads the text).
 */
function lineLocator(bytes: Uint8Array): (recordStart: number) => number {
  let pos = 0;
  let line = 1;
  return (recordStart) => {
    let start = recordStart;
    // Blank lines skipped by the parser sit between the previous record and this one.
    while (bytes[start] === CR || bytes[start] === LF) start++;
    while (pos < start) {
      const b = bytes[pos];
      if (b === CR) {
        line++;
        if (bytes[pos + 1] === LF) pos++;
      } else if (b === LF) {
        line++;
      }
      pos++;
    }
    return line;
  };
}

interface RawRecord {
  cells: string[];
  line: number;
}

function readRecords(text: string, separator: ImportSeparator): RawRecord[] {
  const locate = lineLocator(new TextEncoder().encode(text));
  const records: RawRecord[] = [];
  let previousEnd = 0;
  parse(text, {
    delimiter: separator,
    // Listed explicitly so a file with mixed line ends (pasted rows) still splits on each.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (cells, context) => {
      records.push({ cells, line: locate(previousEnd) });
      previousEnd = context.bytes;
      return null;
    },
  });
  return records;
}

/** A header cell as a message quotes it: a wrong file's "header" can be a whole 64 MB line. */
function shownHeader(name: string): string {
  const text = name.trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function separatorName(separator: ImportSeparator): string {
  if (separator === ';') return 'semicolon';
  if (separator === ',') return 'comma';
  return 'tab';
}

/**
 * Reads a register exported by this app or a port office's own sheet into shipment inputs.
 * Any problem with the file's shape (unknown, missing or repeated columns, surplus cells,
 * broken quoting) refuses the whole file, so no clerk's column is silently dropped.
 */
export function parseShipmentCsv(text: string): ParsedCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator = detectSeparator(body);
  if (separator === null) {
    return refuse([fileIssue('csv.empty', 'The file is empty. It needs a header row naming its columns, then one row per cargo.')]);
  }

  let records: RawRecord[];
  try {
    records = readRecords(body, separator);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const near = typeof error.lines === 'number' ? ` near line ${error.lines}` : '';
    return refuse([
      fileIssue(
        'csv.malformed',
        `The file could not be read as CSV${near}: ${error.message}. Check the quotes on that line: a value with quotes must be wrapped in quotes and its own quotes doubled.`,
      ),
    ]);
  }

  const header = records[0];
  if (header === undefined) {
    return refuse([fileIssue('csv.empty', 'The file is empty. It needs a header row naming its columns, then one row per cargo.')]);
  }

  const issues: FieldIssue[] = [];
  const fields: (ImportField | null)[] = [];
  const headerOf = new Map<ImportField, string>();
  const unnamed: number[] = [];
  header.cells.forEach((name, index) => {
    const key = normaliseHeader(name);
    if (key === '') {
      // Excel leaves nameless columns after a trailing separator; harmless unless they hold data.
      unnamed.push(index);
      fields.push(null);
      return;
    }
    const field = FIELD_BY_HEADER.get(key);
    if (field === undefined) {
      issues.push(
        fileIssue(
          'csv.unknown_column',
          `Column "${shownHeader(name)}" is not one Transit Ledger knows, and its values would be lost. Rename it to one of: ${ACCEPTED_NAMES}; or delete the column.`,
        ),
      );
      fields.push(null);
      return;
    }
    const earlier = headerOf.get(field);
    if (earlier !== undefined) {
      issues.push(
        fileIssue(
          'csv.duplicate_column',
          `Columns "${shownHeader(earlier)}" and "${shownHeader(name)}" both mean ${COLUMN_ALIASES[field][0]}. Keep one of them.`,
        ),
      );
      fields.push(null);
      return;
    }
    headerOf.set(field, name);
    fields.push(field);
  });
  for (const field of REQUIRED_FIELDS) {
    if (!headerOf.has(field)) {
      const names = COLUMN_ALIASES[field];
      issues.push(
        fileIssue(
          'csv.missing_column',
          `The file has no ${names[0]} column. Add it, or name the column that holds it "${names[0]}" (also accepted: ${names.slice(1).join(', ')}).`,
        ),
      );
    }
  }

  const mark: DecimalMark = separator === ';' ? ',' : '.';
  const reportedUnnamed = new Set<number>();
  const rows: ParsedCsvRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    if (record === undefined) continue;
    const { cells, line } = record;
    if (cells.every((cell) => isBlank(cell))) continue;

    if (cells.length > fields.length && cells.slice(fields.length).some((cell) => !isBlank(cell))) {
      issues.push(
        fileIssue(
          'csv.too_many_cells',
          `Line ${line} has ${cells.length} cells but the header names ${fields.length} columns. A value probably contains an unquoted ${separatorName(separator)}; wrap it in quotes.`,
        ),
      );
    }
    for (const index of unnamed) {
      if (!reportedUnnamed.has(index) && !isBlank(cells[index])) {
        reportedUnnamed.add(index);
        issues.push(
          fileIssue(
            'csv.unknown_column',
            `Column ${index + 1} has no name in the header, but line ${line} has a value in it. Name it (one of: ${ACCEPTED_NAMES}) or delete the column.`,
          ),
        );
      }
    }

    const input: ShipmentInput = {};
    let id: string | null = null;
    let voided = false;
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index];
      const cell = cells[index];
      if (field === null || field === undefined || cell === undefined || isBlank(cell)) continue;
      if (field === 'id') id = restoreFormula(cell).trim();
      else if (field === 'voided') voided = !NOT_VOIDED.has(cell.trim().toLowerCase());
      else if (field === 'voidReason') continue;
      else if (field === 'blDate') input.blDate = normaliseDate(cell);
      else if (field === 'status') input.status = normaliseStatus(cell);
      else if (NUMERIC_FIELDS.has(field)) input[field] = normaliseNumber(cell, mark);
      else input[field] = restoreFormula(cell);
    }
    rows.push({ line, input, id, voided });
  }

  if (issues.length === 0 && rows.length === 0) {
    // A header alone is almost always the wrong file (or an export of an empty year), not "0 added".
    issues.push(fileIssue('file.empty', 'The file has a header but no rows: nothing to import.'));
  }
  return issues.length > 0 ? refuse(issues) : { rows, fileIssues: [] };
}

function refuse(fileIssues: FieldIssue[]): ParsedCsv {
  return { rows: [], fileIssues };
}

export interface ParsedFile extends ParsedCsv {
  /** How the bytes were read; null when the file came as text or could not be read. */
  encoding: ImportEncoding | null;
}

/** An import file as a transport delivered it: decoded by the core's one decoder, then read as CSV. */
export function parseShipmentFile(source: ImportSource): ParsedFile {
  const decoded = decodeImportSource(source);
  if (!decoded.ok) return { ...refuse([decoded.issue]), encoding: null };
  return { ...parseShipmentCsv(decoded.text), encoding: decoded.encoding };
}
