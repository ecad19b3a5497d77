/**
 * Reports out (Excel-safe CSV) and shipment rows in (import). Pure: no Node APIs, so the renderer
 * may use it too.
 *
 * Writing is hand-rolled on purpose: a 100,000-row register must cost little more than writing
 * its bytes, so its text is written code unit by code unit into a reused buffer, figures by
 * integer arithmetic, each cell checked by char codes as it is copied.
 * Reading leans on csv-parse for the quoting rules and does only the domain work here: column
 * names, decimal marks, dates, and undoing the formula guard. Whether a value is acceptable is
 * decided by shipment.ts, never here.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type {
  ConflictKind,
  CsvSeparator,
  FieldIssue,
  ImportEncoding,
  IssueFacts,
  MonthProgress,
  Shipment,
  ShipmentInput,
} from './api';
import { readDate } from './calendar';
import { decodeImportSource, type ImportSource } from './encoding';
import {
  enumValue,
  enumWord,
  FIELDS,
  looseKey,
  type FieldSpec,
  type InputKey,
  type Language,
  type Translations,
} from './fields';
import { EXTRA_COLUMNS, type ExtraColumn } from './columns';
import {
  formatKgAsTonnes,
  KG_PER_TONNE,
  quantityInputText,
  decimalMarkShown,
  readQuantity,
  type DecimalMark,
} from './quantity';

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

/**
 * The register's header row in a language: the id, then every field of the table in its order; on a
 * station's ledger, then the recording station and the conflict mark.
 */
export function registerHeaders(language: Language, stations = false): string[] {
  const headers = [EXTRA_COLUMNS.id[language], ...FIELDS.map((field) => field.csv[language])];
  if (stations) headers.push(EXTRA_COLUMNS.station[language], EXTRA_COLUMNS.conflict[language]);
  return headers;
}

/**
 * What a station's ledger adds to each cargo's row: the station that recorded it and the kind of
 * open conflict it is in. Left out for a ledger that is no station's, whose register keeps exactly
 * the columns it always had (the same rule as the screen's Station column).
 */
export interface RegisterStations {
  station(id: string): string | null;
  conflict(id: string): ConflictKind | null;
}

/** The conflict column's words: what kind of conflict, in the reader's language; empty when none. */
const CONFLICT_WORDS: Readonly<Record<ConflictKind, Translations>> = {
  fork: {
    en: 'edited at two stations',
    ru: 'изменён в двух пунктах',
    az: 'iki məntəqədə dəyişdirilib',
    kk: 'екі пунктте өзгертілген',
  },
  'duplicate-bl': {
    en: 'B/L recorded twice',
    ru: 'коносамент записан дважды',
    az: 'konosament iki dəfə yazılıb',
    kk: 'коносамент екі рет жазылған',
  },
};

/**
 * The monthly report's note under its table when cargoes of the year are in an open conflict: how
 * many, and how the figures count them until a person resolves it (README, "Edits made at two places").
 */
const CONFLICT_NOTE: Translations = {
  en:
    'Cargoes in conflict between stations in these figures: {count}. Until a person resolves it, a cargo ' +
    'edited at two stations counts as its last agreed version, and cargoes sharing one B/L number each ' +
    'count as recorded.',
  ru:
    'Грузов в конфликте между пунктами в этих цифрах: {count}. Пока человек не решит, груз, изменённый ' +
    'в двух пунктах, учитывается в последней согласованной версии, а грузы с одним номером коносамента ' +
    '— каждый как записан.',
  az:
    'Bu rəqəmlərdə məntəqələr arasında ziddiyyətdə olan yüklər: {count}. İnsan qərar verənə qədər iki ' +
    'məntəqədə dəyişdirilmiş yük son razılaşdırılmış versiyası ilə, eyni konosament nömrəli yüklərin ' +
    'hər biri yazıldığı kimi sayılır.',
  kk:
    'Осы көрсеткіштердегі пункттер арасындағы қайшылықтағы жүктер: {count}. Адам шешкенше екі пунктте ' +
    'өзгертілген жүк соңғы келісілген нұсқасымен, бір коносамент нөмірі бар жүктердің әрқайсысы ' +
    'жазылғандай есептеледі.',
};

/** A cargo's conflict in the reader's words (the register's Conflict column); null when it is in none. */
export function conflictWord(kind: ConflictKind | null, language: Language): string | null {
  return kind === null ? null : CONFLICT_WORDS[kind][language];
}

/** The monthly report's note on the year's cargoes in conflict, in the reader's words. */
export function conflictNote(count: number, language: Language): string {
  return CONFLICT_NOTE[language].replace('{count}', String(count));
}

const MONTHLY_COLUMNS: readonly Translations[] = [
  { en: 'Month', ru: 'Месяц', az: 'Ay', kk: 'Ай' },
  { en: 'Shipments', ru: 'Отгрузок', az: 'Reyslər', kk: 'Рейстер' },
  { en: 'Tonnes', ru: 'Отгружено, т', az: 'Göndərilib, t', kk: 'Жөнелтілді, т' },
  { en: 'Cumulative tonnes', ru: 'Нарастающим итогом, т', az: 'Məcmu, t', kk: 'Жинақталған, т' },
  { en: 'Plan tonnes', ru: 'План, т', az: 'Plan, t', kk: 'Жоспар, т' },
  {
    en: 'Cumulative plan tonnes',
    ru: 'План нарастающим итогом, т',
    az: 'Məcmu plan, t',
    kk: 'Жинақталған жоспар, т',
  },
  {
    en: 'Plan to date tonnes',
    ru: 'План на дату, т',
    az: 'Tarixədək plan, t',
    kk: 'Күнге дейінгі жоспар, т',
  },
  { en: 'Variance tonnes', ru: 'Отклонение, т', az: 'Kənarlaşma, t', kk: 'Ауытқу, т' },
  { en: 'Closed by', ru: 'Закрыл', az: 'Bağlayan', kk: 'Жапқан' },
  { en: 'Closed on', ru: 'Дата закрытия', az: 'Bağlanma tarixi', kk: 'Жабылған күні' },
];

export function monthlyHeaders(language: Language): string[] {
  return MONTHLY_COLUMNS.map((column) => column[language]);
}

/** Excel in a decimal-comma locale (ru, az, kk) reads `;` files; a `,` file is for decimal-point Excel. */
export function decimalMarkFor(separator: CsvSeparator): DecimalMark {
  return separator === ';' ? ',' : '.';
}

function isFormulaTrigger(code: number): boolean {
  return (
    code === EQUALS ||
    code === PLUS ||
    code === MINUS ||
    code === AT ||
    code === TAB ||
    code === CR ||
    code === LF
  );
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
export function quoteIfNeeded(text: string, separatorCode: number): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === separatorCode || code === QUOTE || code === CR || code === LF) {
      return '"' + text.replaceAll('"', '""') + '"';
    }
  }
  return text;
}

/** Text somebody typed: guarded against formulas, then quoted. */
export function textField(value: string | null, separatorCode: number): string {
  if (value === null || value === '') return '';
  return quoteIfNeeded(looksLikeFormula(value) ? "'" + value : value, separatorCode);
}

/** Tonnes are never guarded: `-1234.500` must stay a number Excel can sum. */
export function tonnesField(kg: number | null, mark: DecimalMark): string {
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

/** Joins the rows of a short report (the monthly table) into the file text, after the BOM and header. */
function fileText(headers: readonly string[], lines: string[], separator: CsvSeparator): string {
  const code = separator.charCodeAt(0);
  lines[0] = BOM + headers.map((h) => quoteIfNeeded(h, code)).join(separator);
  // The empty last element gives the CRLF after the last row that RFC 4180 asks for.
  lines[lines.length - 1] = '';
  return lines.join(CRLF);
}

// ---------------------------------------------------------------------------------------------
// The register's text, built in place

/**
 * The register is written into one small buffer of UTF-16 code units that every export reuses,
 * and the buffer becomes a string only when full: a few hundred strings for 100,000 rows instead
 * of a string per cell and per row. UTF-16 keeps every character as the cell has it (a lone
 * surrogate too), so the text is the same, unit for unit, as joining the cells would give.
 * A chunk stays below V8's large-object size, so its string is made in the young generation.
 * An export runs synchronously from start to end, so no two ever share the buffer.
 */
const CHUNK_UNITS = 16_384;
const POINT = 0x2e;
const COMMA = 0x2c;
const DIGIT_0 = 0x30;
const scratch = new Uint16Array(CHUNK_UNITS);

/** Node's Buffer, where there is one, reads the units back as they are, and fast. */
interface Utf16Reader {
  toString(encoding: 'utf16le', start: number, end: number): string;
}
const nodeBuffer = (globalThis as { Buffer?: { from(buffer: ArrayBuffer): Utf16Reader } }).Buffer;
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const scratchReader: Utf16Reader | null = nodeBuffer && littleEndian ? nodeBuffer.from(scratch.buffer) : null;

/** Elsewhere String.fromCharCode, a slice at a time (TextDecoder would drop a BOM and mend lone surrogates). */
function scratchText(units: number): string {
  if (scratchReader !== null) return scratchReader.toString('utf16le', 0, units * 2);
  let text = '';
  for (let at = 0; at < units; at += 4096)
    text += String.fromCharCode(...scratch.subarray(at, Math.min(units, at + 4096)));
  return text;
}

/** How many digits a whole number has. */
function digitCount(value: number): number {
  let digits = 1;
  for (let limit = 10; limit <= value; limit *= 10) digits++;
  return digits;
}

/** Writes a whole number of `digits` digits at `n`; returns where it ends. */
function writeDigits(value: number, digits: number, n: number): number {
  let at = n + digits;
  let left = value;
  do {
    scratch[--at] = DIGIT_0 + (left % 10);
    left = Math.floor(left / 10);
  } while (left > 0);
  return n + digits;
}

/** Decimals (barrels) below this are written by integer arithmetic. */
const DECIMAL_LIMIT = 1e9;

/** Kilograms below this are written by integer arithmetic; more (never a cargo) as formatKgAsTonnes writes them. */
const FAST_KG = 2 ** 50;

/**
 * A report's text, appended to cell by cell. Each method writes what the function named in its
 * comment returns, and the row's text is what joining those cells with the separator gave.
 */
class ReportText {
  private readonly parts: string[] = [];
  private n = 0;

  constructor(
    private readonly separator: number,
    private readonly mark: number,
  ) {}

  private flush(): void {
    if (this.n === 0) return;
    this.parts.push(scratchText(this.n));
    this.n = 0;
  }

  /** Room for `units` more code units; false when a chunk could never hold them. */
  private room(units: number): boolean {
    if (units > CHUNK_UNITS) return false;
    if (this.n + units > CHUNK_UNITS) this.flush();
    return true;
  }

  unit(code: number): void {
    if (this.n === CHUNK_UNITS) this.flush();
    scratch[this.n++] = code;
  }

  /** Text as it is. */
  raw(text: string): void {
    const length = text.length;
    if (!this.room(length)) {
      this.flush();
      this.parts.push(text);
      return;
    }
    let n = this.n;
    for (let i = 0; i < length; i++) scratch[n++] = text.charCodeAt(i);
    this.n = n;
  }

  /** A cell as Array.prototype.join writes it: null and undefined as nothing. */
  joined(cell: unknown): void {
    if (cell !== null && cell !== undefined) this.raw(String(cell));
  }

  /** textField: text guarded against formulas, then quoted when it needs to be. */
  text(value: unknown): void {
    if (typeof value !== 'string') this.joined(textField(value as string | null, this.separator));
    else if (value.length > 0) this.quoted(value, looksLikeFormula(value));
  }

  /**
   * quoteIfNeeded of the text, after an apostrophe when `guard`. Copied as it is scanned; the rare
   * text that needs quotes is copied again, quoted, from where it began.
   */
  private quoted(text: string, guard: boolean): void {
    const length = text.length;
    if (!this.room(2 * length + 3)) {
      this.raw(quoteIfNeeded(guard ? "'" + text : text, this.separator));
      return;
    }
    const start = this.n;
    const separator = this.separator;
    let n = start;
    if (guard) scratch[n++] = APOSTROPHE;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code === separator || code === QUOTE || code === CR || code === LF) {
        n = -1;
        break;
      }
      scratch[n++] = code;
    }
    if (n < 0) {
      n = start;
      scratch[n++] = QUOTE;
      if (guard) scratch[n++] = APOSTROPHE;
      for (let i = 0; i < length; i++) {
        const code = text.charCodeAt(i);
        scratch[n++] = code;
        if (code === QUOTE) scratch[n++] = QUOTE;
      }
      scratch[n++] = QUOTE;
    }
    this.n = n;
  }

  /** plainField: a date, a count or a decimal the app made; a number with the decimal mark. */
  plain(value: unknown): void {
    if (value === null) return;
    if (typeof value === 'string') {
      if (value.length > 0) this.quoted(value, false);
      return;
    }
    if (typeof value !== 'number') {
      this.joined(plainField(value as string, this.separator, this.mark === POINT ? '.' : ','));
      return;
    }
    if (this.decimal(value)) return;
    const text = String(value);
    const length = text.length;
    this.room(length);
    let n = this.n;
    let marked = false;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      // Only the first point, as String.replace('.', ',') did; a number has at most one.
      if (code === POINT && !marked) {
        scratch[n++] = this.mark;
        marked = true;
      } else scratch[n++] = code;
    }
    this.n = n;
  }

  /**
   * String(value), its point as the decimal mark, for a number of at most three decimals below
   * 10^9 (barrels), by integer arithmetic; false for any other number, which String() then writes.
   * Such a number is the double nearest to thousandths/1000, and no shorter decimal is nearer to
   * it than 0.0005, so that decimal, without trailing zeros, is what String() prints.
   */
  private decimal(value: number): boolean {
    if (!(value < DECIMAL_LIMIT && value > -DECIMAL_LIMIT)) return false;
    const thousandths = Math.round(value * 1000);
    if (thousandths / 1000 !== value) return false;
    const abs = Math.abs(thousandths);
    const whole = Math.floor(abs / 1000);
    let rest = abs % 1000;
    const digits = digitCount(whole);
    this.room(digits + 5);
    let n = this.n;
    if (value < 0) scratch[n++] = MINUS;
    n = writeDigits(whole, digits, n);
    if (rest !== 0) {
      scratch[n++] = this.mark;
      scratch[n++] = DIGIT_0 + Math.floor(rest / 100);
      rest %= 100;
      if (rest !== 0) {
        scratch[n++] = DIGIT_0 + Math.floor(rest / 10);
        rest %= 10;
        if (rest !== 0) scratch[n++] = DIGIT_0 + rest;
      }
    }
    this.n = n;
    return true;
  }

  /** tonnesField: integer kilograms as tonnes with three decimals (`-1234.500`), never guarded. */
  tonnes(kg: unknown): void {
    if (kg === null) return;
    if (typeof kg !== 'number' || !Number.isSafeInteger(kg) || kg >= FAST_KG || kg <= -FAST_KG) {
      this.joined(tonnesField(kg as number, this.mark === POINT ? '.' : ','));
      return;
    }
    // The same arithmetic as formatKgAsTonnes, its digits written without a string in between.
    const abs = Math.abs(kg);
    const whole = Math.floor(abs / KG_PER_TONNE);
    const rest = abs % KG_PER_TONNE;
    const digits = digitCount(whole);
    this.room(digits + 6);
    let n = this.n;
    if (kg < 0) scratch[n++] = MINUS;
    n = writeDigits(whole, digits, n);
    scratch[n++] = this.mark;
    scratch[n++] = DIGIT_0 + Math.floor(rest / 100);
    scratch[n++] = DIGIT_0 + (Math.floor(rest / 10) % 10);
    scratch[n++] = DIGIT_0 + (rest % 10);
    this.n = n;
  }

  /** The finished text; the builder is spent. */
  done(): string {
    this.flush();
    return this.parts.join('');
  }
}

/** How a column is written, decided once from the field's kind: a small number the row loop switches on. */
const TEXT = 0;
const PLAIN = 1;
const TONNES = 2;
const ENUM = 3;
type Column = typeof TEXT | typeof PLAIN | typeof TONNES | typeof ENUM;

function columnOf(field: FieldSpec): Column {
  switch (field.kind) {
    case 'quantity':
      return TONNES;
    case 'decimal':
    case 'date':
      return PLAIN;
    case 'enum':
      return ENUM;
    case 'text':
    case 'imo':
      return TEXT;
  }
}

const COLUMNS: readonly Column[] = FIELDS.map(columnOf);
const STORED: readonly string[] = FIELDS.map((field) => field.stored);

/**
 * The shipment register: one row per live cargo, its columns and their headers from the field
 * table, in `language`. Voided cargoes stay out, so that summing the tonnes column in Excel
 * gives the ledger's total; the journal keeps them, with their reasons.
 */
export function registerCsv(
  shipments: readonly Shipment[],
  separator: CsvSeparator,
  language: Language = 'en',
  stations?: RegisterStations,
): string {
  const code = separator.charCodeAt(0);
  const out = new ReportText(code, decimalMarkFor(separator) === '.' ? POINT : COMMA);
  out.raw(
    BOM +
      registerHeaders(language, stations !== undefined)
        .map((h) => quoteIfNeeded(h, code))
        .join(separator),
  );
  out.raw(CRLF);
  for (let r = 0; r < shipments.length; r++) {
    const s = shipments[r] as Shipment & Record<string, unknown>;
    out.text(s.id);
    for (let c = 0; c < COLUMNS.length; c++) {
      out.unit(code);
      const value = s[STORED[c] as string];
      switch (COLUMNS[c]) {
        case TEXT:
          out.text(value);
          break;
        case PLAIN:
          out.plain(value);
          break;
        case TONNES:
          out.tonnes(value);
          break;
        case ENUM:
          out.joined(enumWord(FIELDS[c] as FieldSpec, value as string, language));
          break;
      }
    }
    if (stations) {
      out.unit(code);
      out.text(stations.station(s.id));
      out.unit(code);
      const kind = stations.conflict(s.id);
      out.text(conflictWord(kind, language));
    }
    out.raw(CRLF);
  }
  return out.done();
}

/**
 * Month by month against plan; the variance is negative when behind and stays a number. The variance
 * is against the plan to date, its own column (the whole plan once a month is closed, pro rata
 * while it runs); a month not begun has its plan and nothing else, so no sum in Excel counts it.
 * A closed month names who closed it and when: its figures are final.
 */
export function monthlyCsv(
  months: readonly MonthProgress[],
  separator: CsvSeparator,
  language: Language = 'en',
  conflicted = 0,
): string {
  const code = separator.charCodeAt(0);
  const mark = decimalMarkFor(separator);
  const lines: string[] = new Array<string>(months.length + (conflicted > 0 ? 3 : 2));
  let n = 1;
  for (const m of months) {
    const begun = m.state !== 'future';
    lines[n++] = [
      plainField(m.month, code, mark),
      begun ? plainField(m.shipments, code, mark) : '',
      tonnesField(begun ? m.tonnesKg : null, mark),
      tonnesField(begun ? m.cumulativeKg : null, mark),
      tonnesField(m.planKg, mark),
      tonnesField(m.cumulativePlanKg, mark),
      tonnesField(m.planToDateKg, mark),
      tonnesField(m.varianceKg, mark),
      m.closed ? textField(m.closed.by, code) : '',
      m.closed?.on ?? '',
    ].join(separator);
  }
  // Under the table, in its first column: no column's sum in Excel takes it in.
  if (conflicted > 0) lines[n++] = textField(conflictNote(conflicted, language), code);
  return fileText(monthlyHeaders(language), lines, separator);
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

/** A column an import reads: a field of the cargo, or the id and a voided mark of the sheet's own. */
type ImportField = InputKey | ExtraColumn;

/**
 * Accepted column names per field: the register's header in each of the four languages, then the
 * field's other names. The first, English, is the one messages suggest. Matching ignores case,
 * spaces and punctuation (looseKey).
 */
const COLUMN_NAMES: ReadonlyMap<ImportField, readonly string[]> = new Map<ImportField, readonly string[]>([
  ['id', [...new Set(Object.values(EXTRA_COLUMNS.id))]],
  ...FIELDS.map((field): [ImportField, readonly string[]] => [
    field.key,
    [...new Set([...Object.values(field.csv), ...(field.csvAliases ?? [])])],
  ]),
  ['voided', Object.values(EXTRA_COLUMNS.voided)],
  ['voidReason', Object.values(EXTRA_COLUMNS.voidReason)],
  ['station', [...new Set(Object.values(EXTRA_COLUMNS.station))]],
  ['conflict', Object.values(EXTRA_COLUMNS.conflict)],
]);

function columnNames(field: ImportField): readonly string[] {
  return COLUMN_NAMES.get(field) ?? [];
}

const REQUIRED_FIELDS: readonly InputKey[] = FIELDS.filter((field) => field.required).map(
  (field) => field.key,
);
const SPEC_BY_FIELD: ReadonlyMap<ImportField, FieldSpec> = new Map(FIELDS.map((field) => [field.key, field]));

const FIELD_BY_HEADER: ReadonlyMap<string, ImportField> = (() => {
  const index = new Map<string, ImportField>();
  for (const [field, names] of COLUMN_NAMES) for (const name of names) index.set(looseKey(name), field);
  return index;
})();

/** The names a column may be renamed to: not Station or Conflict, which an import reads and sets aside. */
const ACCEPTED_NAMES = [...COLUMN_NAMES]
  .filter(([field]) => field !== 'station' && field !== 'conflict')
  .map(([, names]) => names[0])
  .join(', ');

/** Words a person might put in the Voided column to say "not voided"; anything else voids. */
const NOT_VOIDED = new Set(['', 'no', 'n', 'false', '0', 'нет', 'xeyr', 'жоқ']);

type ImportSeparator = CsvSeparator | '\t';

/**
 * A problem with the file as a whole. Its facts are what the sentence says that only the file
 * knows (a column's name, a line, a count), so a page in another language can say it too; names
 * of fields are given as their keys, which a page words in its own language.
 */
function fileIssue(code: string, message: string, facts?: IssueFacts): FieldIssue {
  return facts ? { field: 'file', code, message, facts } : { field: 'file', code, message };
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

/** Excel's first line `sep=;` (or `sep=,`, `sep=` and a tab), quoted or not, in any case: it names the separator. */
const SEPARATOR_LINE = /^"?sep=([^\r\n]*)(?:\r\n|\n|\r|$)/i;

/**
 * The separator a file's first line names, Excel's way, and that line's length; null when it names
 * none; a file issue when it names one this reader does not split on (`sep=|`).
 */
function namedSeparator(body: string): { separator: ImportSeparator; length: number } | FieldIssue | null {
  const match = SEPARATOR_LINE.exec(body);
  if (!match) return null;
  // What follows `sep=`, without a closing quote or the spaces an editor left after it (a tab is the separator).
  const named = (match[1] as string).replace(/"?[ ]*$/, '');
  const character = named === '\t' ? named : named.trim();
  if (character === ';' || character === ',' || character === '\t')
    return { separator: character, length: match[0].length };
  const message =
    `The file's first line "sep=${character}" names "${character}" as the separator, but Transit Ledger ` +
    'reads files separated by semicolons, commas or tabs. Save the sheet from Excel as CSV again.';
  return fileIssue('csv.separator_unsupported', message, { character });
}

/**
 * The decimal mark the file's own figures show (`9959,500`, `9 959,5`, `76610,39`: a comma), when
 * they agree; else none. The separator is no proof (a `;` file is usually decimal-comma Excel's, but
 * not always), so a figure that reads either way (`9,959`) in a file that shows nothing, or shows
 * both marks, stays a question for the person, as in the entry form.
 */
function fileDecimalMark(
  records: readonly RawRecord[],
  fields: readonly (ImportField | null)[],
): DecimalMark | undefined {
  const numeric = fields.flatMap((field, index) => {
    const kind = field === null ? undefined : SPEC_BY_FIELD.get(field)?.kind;
    return kind === 'quantity' || kind === 'decimal' ? [index] : [];
  });
  let shown: DecimalMark | null = null;
  for (const record of records)
    for (const index of numeric) {
      const mark = decimalMarkShown(record.cells[index] ?? '');
      if (mark === null) continue;
      if (shown !== null && mark !== shown) return undefined;
      shown = mark;
    }
  return shown ?? undefined;
}

/**
 * A number cell as the text the validator reads back exactly (`9 959,5` → `9959.5`), read by the
 * core's one quantity reader with the file's decimal mark. A cell it cannot read goes through as
 * written, so the validator's message quotes what the file says.
 */
function numberCell(cell: string, mark: DecimalMark | undefined): string {
  const reading = readQuantity(cell, { decimalMark: mark });
  return reading.ok ? quantityInputText(reading.kg) : cell.trim();
}

/** A date cell as `YYYY-MM-DD` when it is one; otherwise as written, for the validator to explain. */
function dateCell(cell: string): string {
  const reading = readDate(cell);
  return reading.ok ? reading.date : cell.trim();
}

/** A status word in any of the four languages as its value; an unknown word as written. */
function enumCell(field: FieldSpec, cell: string): string {
  const text = restoreFormula(cell);
  return enumValue(field.key, text) ?? text;
}

/** One cell of a field's column, as the validator should see it. */
function fieldCell(field: FieldSpec, cell: string, mark: DecimalMark | undefined): string {
  switch (field.kind) {
    case 'quantity':
    case 'decimal':
      return numberCell(cell, mark);
    case 'date':
      return dateCell(cell);
    case 'enum':
      return enumCell(field, cell);
    case 'text':
    case 'imo':
      return restoreFormula(cell);
  }
}

function isBlank(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === '';
}

/**
 * csv-parse's own line count treats a CRLF inside a quoted cell as two lines, so lines are
 * counted here from the byte offsets it reports (UTF-8, as it reads the text).
 */
function lineLocator(bytes: Uint8Array, firstLine: number): (recordStart: number) => number {
  let pos = 0;
  let line = firstLine;
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

/** The records of `text`, each with its line in the file, where `text` begins on line `firstLine`. */
function readRecords(text: string, separator: ImportSeparator, firstLine: number): RawRecord[] {
  const locate = lineLocator(new TextEncoder().encode(text), firstLine);
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

interface HeaderMap {
  /** The field of each column; null for a column left out (unnamed, unknown or repeated). */
  fields: (ImportField | null)[];
  /** Columns with no name: allowed while they hold nothing. */
  unnamed: number[];
  issues: FieldIssue[];
}

/** Which field each header cell names, in any of the four languages or a known alias. */
function mapHeader(cells: readonly string[]): HeaderMap {
  const map: HeaderMap = { fields: [], unnamed: [], issues: [] };
  const headerOf = new Map<ImportField, string>();
  cells.forEach((name, index) => {
    const key = looseKey(name);
    const field = key === '' ? undefined : FIELD_BY_HEADER.get(key);
    const earlier = field === undefined ? undefined : headerOf.get(field);
    // Excel leaves nameless columns after a trailing separator; harmless unless they hold data.
    if (key === '') map.unnamed.push(index);
    else if (field === undefined) {
      const message =
        `Column "${shownHeader(name)}" is not one Transit Ledger knows, and its values would be lost. ` +
        `Rename it to one of: ${ACCEPTED_NAMES}; or delete the column.`;
      map.issues.push(fileIssue('csv.unknown_column', message, { column: shownHeader(name) }));
    } else if (earlier !== undefined) {
      const message =
        `Columns "${shownHeader(earlier)}" and "${shownHeader(name)}" both mean ${columnNames(field)[0]}. ` +
        `Keep one of them.`;
      const facts = { first: shownHeader(earlier), second: shownHeader(name), field };
      map.issues.push(fileIssue('csv.duplicate_column', message, facts));
    } else headerOf.set(field, name);
    map.fields.push(field === undefined || earlier !== undefined ? null : field);
  });
  for (const field of REQUIRED_FIELDS) {
    if (headerOf.has(field)) continue;
    const [first = field, ...others] = columnNames(field);
    const message =
      `The file has no ${first} column. Add it, or name the column that holds it "${first}" ` +
      `(also accepted: ${others.map((name) => `"${name}"`).join(', ')}).`;
    map.issues.push(fileIssue('csv.missing_column', message, { field }));
  }
  return map;
}

/** A row's cells beyond the header, or in a nameless column: the file's shape is not what it says. */
function shapeIssues(
  record: RawRecord,
  header: HeaderMap,
  separator: ImportSeparator,
  reportedUnnamed: Set<number>,
): FieldIssue[] {
  const { cells, line } = record;
  const issues: FieldIssue[] = [];
  if (
    cells.length > header.fields.length &&
    cells.slice(header.fields.length).some((cell) => !isBlank(cell))
  ) {
    const message =
      `Line ${line} has ${cells.length} cells but the header names ${header.fields.length} columns. ` +
      `A value probably contains an unquoted ${separatorName(separator)}; wrap it in quotes.`;
    const facts = {
      line,
      cells: cells.length,
      columns: header.fields.length,
      separator: separatorName(separator),
    };
    issues.push(fileIssue('csv.too_many_cells', message, facts));
  }
  for (const index of header.unnamed) {
    if (reportedUnnamed.has(index) || isBlank(cells[index])) continue;
    reportedUnnamed.add(index);
    const message =
      `Column ${index + 1} has no name in the header, but line ${line} has a value in it. ` +
      `Name it (one of: ${ACCEPTED_NAMES}) or delete the column.`;
    issues.push(fileIssue('csv.unnamed_column', message, { column: index + 1, line }));
  }
  return issues;
}

/** One row's cells as shipment input (blank cells left out, so the validator applies its defaults). */
function readRow(
  record: RawRecord,
  fields: readonly (ImportField | null)[],
  mark: DecimalMark | undefined,
): ParsedCsvRow {
  const input: Record<string, string> = {};
  let id: string | null = null;
  let voided = false;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    const cell = record.cells[index];
    if (field === null || field === undefined || cell === undefined || isBlank(cell)) continue;
    const spec = SPEC_BY_FIELD.get(field);
    if (spec !== undefined) input[spec.key] = fieldCell(spec, cell, mark);
    else if (field === 'id') id = restoreFormula(cell).trim();
    else if (field === 'voided') voided = !NOT_VOIDED.has(cell.trim().toLowerCase());
  }
  return { line: record.line, input: input as ShipmentInput, id, voided };
}

const EMPTY_FILE = 'The file is empty. It needs a header row naming its columns, then one row per cargo.';

/** The file's records, or why it is not CSV at all. */
function readAllRecords(
  body: string,
  separator: ImportSeparator,
  firstLine: number,
): RawRecord[] | FieldIssue {
  try {
    return readRecords(body, separator, firstLine);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines + firstLine - 1 : null;
    const near = line === null ? '' : ` near line ${line}`;
    const message =
      `The file could not be read as CSV${near}: ${error.message}. ` +
      `Check the quotes on that line: a value with quotes must be wrapped in quotes and its own quotes doubled.`;
    return fileIssue('csv.malformed', message, line === null ? undefined : { line });
  }
}

/**
 * Reads a register exported by this app (in any of its four languages) or a port office's own
 * sheet into shipment inputs. Any problem with the file's shape (unknown, missing or repeated
 * columns, surplus cells, broken quoting) refuses the whole file, so no clerk's column is
 * silently dropped.
 */
export function parseShipmentCsv(text: string): ParsedCsv {
  const whole = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Excel's `sep=;` line names the separator and is no header; the lines after it keep their numbers.
  const named = namedSeparator(whole);
  if (named && 'code' in named) return refuse([named]);
  const body = named ? whole.slice(named.length) : whole;
  const separator = named?.separator ?? detectSeparator(body);
  if (separator === null) return refuse([fileIssue('csv.empty', EMPTY_FILE)]);
  const records = readAllRecords(body, separator, named ? 2 : 1);
  if (!Array.isArray(records)) return refuse([records]);
  const [headerRecord, ...rest] = records;
  if (headerRecord === undefined) return refuse([fileIssue('csv.empty', EMPTY_FILE)]);

  const header = mapHeader(headerRecord.cells);
  const issues = [...header.issues];
  const mark = fileDecimalMark(rest, header.fields);
  const reportedUnnamed = new Set<number>();
  const rows: ParsedCsvRow[] = [];
  for (const record of rest) {
    if (record.cells.every((cell) => isBlank(cell))) continue;
    issues.push(...shapeIssues(record, header, separator, reportedUnnamed));
    rows.push(readRow(record, header.fields, mark));
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

/** What an import row report shows of a cargo as read: see ImportRowReport. */
export interface RowCargo {
  blDate: string | null;
  vessel: string | null;
  netKg: number | null;
  blDateText: string | null;
  netTonnesText: string | null;
}

/** A cell quoted back in a report: a wrong file's cell can be a whole megabyte of text. */
function shownCell(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A row's date, vessel and tonnes as read, whatever the validator makes of them, so that a
 * preview can show each listed row beside its message. The cells arrive as readRow left them: a
 * readable date or quantity already in its plain form, anything else as the file wrote it.
 */
export function rowCargo(input: ShipmentInput): RowCargo {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const date = text(input.blDate);
  const reading = date === '' ? null : readDate(date);
  const net = text(input.netTonnes);
  const quantity = net === '' ? null : readQuantity(net);
  const vessel = text(input.vessel).replace(/\s+/g, ' ');
  return {
    blDate: reading?.ok ? reading.date : null,
    vessel: vessel === '' ? null : shownCell(vessel, 100),
    netKg: quantity?.ok ? quantity.kg : null,
    blDateText: reading && !reading.ok ? shownCell(date, 40) : null,
    netTonnesText: quantity && !quantity.ok ? shownCell(net, 40) : null,
  };
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
