/**
 * Validation of every API argument that is not a shipment (shipment.ts owns those): years, dates,
 * reasons, ids, targets, report requests. Transports call these on untrusted input too, so the
 * rules and messages live in one place.
 */
import { z } from 'zod';
import type { CsvSeparator, Language, ReportFormat, ReportName } from './api';
import { isSupportedYear, MAX_YEAR, MIN_YEAR, readDate } from './calendar';
import type { ImportSource } from './encoding';
import { invalid, type FieldIssue, type IssueFacts } from './errors';
import { LANGUAGES } from './fields';
import { isMonth } from './periods';
import { ambiguityIssue, formatKgAsTonnes, readQuantity } from './quantity';

export const MAX_REASON_LENGTH = 500;
/** Far above any real port sheet (100,000 rows is about 20 MB), low enough to refuse a wrong file fast. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** An annual target above this is a typing error: the route's ceiling is 2.2 Mt. */
const MAX_ANNUAL_KG = 50_000_000_000;

/**
 * Shows a refused value in a message: never throws (an object
 * may have a poisoned toString) and never echoes a flood.
 */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}...` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  return Array.isArray(value) ? 'a list' : 'a set of fields';
}

/** A refused value as a fact a page shows in any language: as `shown` says it, a list or a set as brackets. */
export function shownFact(value: unknown): string {
  if (value === null || value === undefined || typeof value !== 'object') return shown(value);
  return Array.isArray(value) ? '[…]' : '{…}';
}

function issue(field: string, code: string, message: string, facts?: IssueFacts): never {
  throw invalid([facts ? { field, code, message, facts } : { field, code, message }]);
}

export function parseYear(value: unknown, field = 'year'): number {
  const year = typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof year !== 'number' || !isSupportedYear(year)) {
    return issue(
      field,
      `${field}.invalid`,
      `Year "${shown(value)}" must be a year from ${MIN_YEAR} to ${MAX_YEAR}, e.g. 2024.`,
      { value: shownFact(value), min: MIN_YEAR, max: MAX_YEAR },
    );
  }
  return year;
}

/** A date argument (list range, as-of), read by the core's one date reader: `DD.MM.YYYY` or `YYYY-MM-DD`. */
export function parseDate(value: unknown, field: string, label: string): string {
  const reading = typeof value === 'string' ? readDate(value) : null;
  if (reading === null || (!reading.ok && reading.reason === 'format')) {
    return issue(
      field,
      `${field}.format`,
      `${label} "${shown(value)}" must be written as YYYY-MM-DD or DD.MM.YYYY, e.g. 2024-07-31.`,
      { value: shownFact(value) },
    );
  }
  const text = shown(value).trim();
  if (!reading.ok)
    return issue(field, `${field}.impossible`, `${label} ${text} is not a real calendar date.`, {
      value: text,
    });
  return reading.date;
}

/** C0 and C1 control characters but the line break and the tab a reason may hold. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

export function parseReason(value: unknown, required: boolean): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required)
      return issue('reason', 'reason.required', 'Give a reason: it is kept in the ledger with your name.');
    return null;
  }
  if (typeof value !== 'string') return issue('reason', 'reason.type', 'The reason must be text.');
  // A control character (a terminal's escape, a NUL) has no place in a reason read back in every report.
  if (hasControlCharacter(value))
    return issue('reason', 'reason.control', 'The reason holds a control character; type it as plain text.');
  const reason = value.trim();
  if (reason.length > MAX_REASON_LENGTH) {
    return issue(
      'reason',
      'reason.too_long',
      `The reason is ${reason.length} characters long; at most ${MAX_REASON_LENGTH} are allowed.`,
    );
  }
  return reason;
}

const ID_PATTERN = /^[a-z0-9]{6,32}$/;

export function parseId(value: unknown): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    return issue('id', 'id.invalid', `"${shown(value)}" is not a shipment id (ids look like k3m9x2pq7d).`, {
      value: shownFact(value),
    });
  }
  return value;
}

/**
 * Tonnes of a target or the baseline, read by the core's one quantity reader (`2 200 000`,
 * `2.200.000,5`). `where` is a fact every refusal carries (a plan's month), so a page can say
 * which figure it means in its own words.
 */
function parseTonnes(
  value: unknown,
  field: string,
  label: string,
  allowZero: boolean,
  where: IssueFacts = {},
): number {
  const reading = typeof value === 'number' || typeof value === 'string' ? readQuantity(value) : null;
  // "2,200": two thousand two hundred, or two point two? Asked, never guessed.
  if (reading !== null && !reading.ok && reading.reason === 'ambiguous') {
    const ambiguity = ambiguityIssue(field, label, shown(value).trim(), reading, 't');
    throw invalid([{ ...ambiguity, facts: { ...ambiguity.facts, ...where } }]);
  }
  if (reading === null || !reading.ok || reading.kg < 0 || (!allowZero && reading.kg === 0)) {
    const message =
      `${label} "${shown(value)}" must be a number of tonnes` +
      `${allowZero ? '' : ' above zero'} with at most 3 decimals.`;
    return issue(field, `${field}.invalid`, message, { value: shownFact(value), ...where });
  }
  if (reading.kg > MAX_ANNUAL_KG)
    return issue(
      field,
      `${field}.too_large`,
      `${label} ${formatKgAsTonnes(reading.kg)} t is not a believable figure for this route.`,
      { valueKg: reading.kg, ...where },
    );
  return reading.kg;
}

export interface TargetsRequest {
  year: number;
  annualKg: number;
  monthlyPlanKg: number[] | null;
  /** Null when the request leaves the year's allowance as it is. */
  lossAllowancePercent: number | null;
}

const targetsShape = z.strictObject({
  year: z.unknown(),
  annualTonnes: z.unknown(),
  monthlyPlanTonnes: z.unknown().optional(),
  lossAllowancePercent: z.unknown().optional(),
});

/** An allowance above this is no transit allowance but a typing error (the trade's figure is 0.5%). */
export const MAX_LOSS_ALLOWANCE_PERCENT = 5;

/**
 * The loss allowance, in percent of the B/L figure with at most 3 decimals ("0,5", "0.25", 0.5),
 * read by the core's one quantity reader (its thousandths are thousandths of a percent here). A
 * comma is always a decimal mark: "0,500" and "1,250" read as 0.5 and 1.25, since 500% and 1,250%
 * are no allowance anyone means.
 */
function parseLossAllowance(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  const reading = typeof value === 'number' || typeof value === 'string' ? readQuantity(value) : null;
  const milli =
    reading === null
      ? null
      : reading.ok
        ? reading.kg
        : reading.reason === 'ambiguous'
          ? reading.asDecimalKg
          : null;
  if (milli === null || milli < 0 || milli > MAX_LOSS_ALLOWANCE_PERCENT * 1000) {
    return issue(
      'lossAllowancePercent',
      'lossAllowancePercent.invalid',
      `Loss allowance "${shown(value)}" must be a percent from 0 to ${MAX_LOSS_ALLOWANCE_PERCENT} ` +
        'with at most 3 decimals, e.g. 0.5.',
      { value: shownFact(value), max: MAX_LOSS_ALLOWANCE_PERCENT },
    );
  }
  return milli / 1000;
}

export function strictShape<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((i) =>
    i.code === 'unrecognized_keys'
      ? {
          field: i.keys.join(','),
          code: 'unknown_field',
          message: `${i.keys.map((k) => `"${k}"`).join(', ')} is not part of ${what}.`,
          // The names as sent: a page quotes them, whatever its language.
          facts: { fields: shown(i.keys.join(', ')) },
        }
      : {
          field: String(i.path[0] ?? ''),
          code: 'request.invalid',
          message: `${what} is malformed: ${i.message}.`,
        },
  );
  throw invalid(issues);
}

/**
 * Twelve monthly figures in tonnes, January first (a plan, the baseline's months), each read by the
 * core's one quantity reader; null when none are given. `what` names the list, `label` one month.
 */
function parseTwelve(value: unknown, field: string, what: string, label: string): number[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length !== 12)
    return issue(field, `${field}.count`, `${what} must have exactly 12 figures, January to December.`);
  return value.map((figure, i) =>
    parseTonnes(figure, field, `${label} for month ${i + 1}`, true, { month: i + 1 }),
  );
}

export function parseTargetsRequest(value: unknown): TargetsRequest {
  const input = strictShape(targetsShape, value, 'a targets request');
  const year = parseYear(input.year);
  const monthlyPlanKg = parseTwelve(input.monthlyPlanTonnes, 'monthlyPlanTonnes', 'The monthly plan', 'Plan');
  const planSum = monthlyPlanKg?.reduce((sum, kg) => sum + kg, 0) ?? null;
  const annualKg =
    input.annualTonnes === undefined || input.annualTonnes === null || input.annualTonnes === ''
      ? (planSum ??
        issue('annualTonnes', 'annualTonnes.required', 'Give the annual target in tonnes, e.g. 2200000.'))
      : parseTonnes(input.annualTonnes, 'annualTonnes', 'Annual target', false);
  if (planSum !== null && planSum !== annualKg) {
    return issue(
      'monthlyPlanTonnes',
      'monthlyPlanTonnes.sum',
      `The 12 monthly figures add up to ${formatKgAsTonnes(planSum)} t ` +
        `but the annual target is ${formatKgAsTonnes(annualKg)} t; make them agree.`,
      // Kilograms, so a page in another language writes both figures its own way.
      { planKg: planSum, annualKg },
    );
  }
  return {
    year,
    annualKg,
    monthlyPlanKg,
    lossAllowancePercent: parseLossAllowance(input.lossAllowancePercent),
  };
}

const baselineShape = z.strictObject({
  year: z.unknown(),
  tonnes: z.unknown(),
  monthlyTonnes: z.unknown().optional(),
});

export interface BaselineRequest {
  year: number;
  kg: number;
  /** Present only when the request gives the twelve months: an entry without them reads as before. */
  monthlyKg?: number[];
}

/**
 * The baseline: its year and total, and optionally its twelve monthly figures, which must add up to
 * the total to the kilogram (a baseline with two totals is no baseline). Its year is `today`'s
 * (at the load port) at the latest.
 */
export function parseBaselineRequest(value: unknown, today: string): BaselineRequest {
  const input = strictShape(baselineShape, value, 'a baseline request');
  const year = parseYear(input.year);
  // A baseline is a year already shipped: the current year at the latest, never a later one.
  if (year > Number(today.slice(0, 4)))
    return issue(
      'year',
      'year.baseline_future',
      `The baseline year ${year} has not come yet; today at Aktau is ${today}. Choose a year already shipped.`,
      { year, today },
    );
  const kg = parseTonnes(input.tonnes, 'tonnes', 'Baseline tonnes', false);
  const monthlyKg = parseTwelve(input.monthlyTonnes, 'monthlyTonnes', "The baseline's months", 'Baseline');
  if (monthlyKg === null) return { year, kg };
  const sumKg = monthlyKg.reduce((sum, figure) => sum + figure, 0);
  if (sumKg !== kg) {
    return issue(
      'monthlyTonnes',
      'monthlyTonnes.sum',
      `The 12 monthly figures of the ${year} baseline add up to ${formatKgAsTonnes(sumKg)} t ` +
        `but the baseline is ${formatKgAsTonnes(kg)} t; make them agree.`,
      { monthlyKg: sumKg, baselineKg: kg, year },
    );
  }
  return { year, kg, monthlyKg };
}

const periodShape = z.strictObject({ month: z.unknown(), reason: z.unknown() });

/** A close or reopen: the month (`YYYY-MM`) and why, both required. */
export function parsePeriodRequest(value: unknown): { month: string; reason: string } {
  const input = strictShape(periodShape, value, 'a close or reopen request');
  if (!isMonth(input.month))
    return issue('month', 'month.invalid', `"${shown(input.month)}" is not a month; write it as YYYY-MM.`, {
      value: shownFact(input.month),
    });
  return { month: input.month, reason: parseReason(input.reason, true) as string };
}

const REPORTS: readonly ReportName[] = [
  'register',
  'monthly',
  'reconciliation',
  'years',
  'vessels',
  'programme',
];
const FORMATS: readonly ReportFormat[] = ['csv', 'xlsx'];
const exportShape = z.strictObject({
  year: z.unknown(),
  report: z.unknown(),
  separator: z.unknown().optional(),
  language: z.unknown().optional(),
  format: z.unknown().optional(),
});

export interface ExportArguments {
  year: number;
  report: ReportName;
  separator: CsvSeparator;
  /** The language of the file's headers and status words. */
  language: Language;
  format: ReportFormat;
}

export function parseExportRequest(value: unknown): ExportArguments {
  const input = strictShape(exportShape, value, 'an export request');
  const year = parseYear(input.year);
  const report = REPORTS.find((name) => name === input.report);
  if (!report)
    return issue(
      'report',
      'report.unknown',
      `There is no report "${shown(input.report)}"; choose ${REPORTS.join(', ')}.`,
      { value: shownFact(input.report) },
    );
  const separator = input.separator === undefined ? ',' : input.separator;
  if (separator !== ',' && separator !== ';') {
    return issue(
      'separator',
      'separator.invalid',
      `Separator "${shown(separator)}" must be , (comma) or ; (semicolon).`,
      { value: shownFact(separator) },
    );
  }
  // English unless asked: what every export wrote before reports spoke the reader's language.
  const language = LANGUAGES.find((known) => known === (input.language ?? 'en'));
  if (!language) {
    return issue(
      'language',
      'language.unknown',
      `Language "${shown(input.language)}" must be one of ${LANGUAGES.join(', ')}.`,
      { value: shownFact(input.language) },
    );
  }
  const format = FORMATS.find((known) => known === (input.format ?? 'csv'));
  if (!format) {
    return issue('format', 'format.unknown', `Format "${shown(input.format)}" must be csv or xlsx.`, {
      value: shownFact(input.format),
    });
  }
  return { year, report, separator, language, format };
}

/** The base64 form of the largest file accepted: 4 characters for every 3 bytes. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
const TOO_LARGE = 'The file is too large to be a shipment sheet (over 64 MB).';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const importShape = z.strictObject({
  base64: z.unknown().optional(),
  text: z.unknown().optional(),
  dryRun: z.unknown().optional(),
  force: z.unknown().optional(),
  allRows: z.unknown().optional(),
});

/** The file's bytes from base64 (how IPC and HTTP carry them), refused rather than half-read when malformed. */
function importBytes(base64: unknown): Uint8Array {
  if (typeof base64 !== 'string')
    return issue('base64', 'base64.type', 'The file to import must come as base64 text.');
  if (base64.length > MAX_IMPORT_BASE64_CHARS) return issue('base64', 'base64.too_large', TOO_LARGE);
  // Buffer.from skips what is not base64; a damaged transfer must be refused, not imported short.
  if (base64.length % 4 !== 0 || !BASE64.test(base64))
    return issue(
      'base64',
      'base64.invalid',
      'The file arrived damaged (its base64 form is malformed); choose it again.',
    );
  return Buffer.from(base64, 'base64');
}

export function parseImportRequest(value: unknown): {
  source: ImportSource;
  dryRun: boolean;
  force: boolean;
  allRows: boolean;
} {
  const input = strictShape(importShape, value, 'an import request');
  if ((input.base64 === undefined) === (input.text === undefined)) {
    return issue(
      'base64',
      'request.file',
      'An import request carries the file once: as base64 (its bytes) or as text.',
    );
  }
  let source: ImportSource;
  if (input.base64 !== undefined) source = { kind: 'bytes', bytes: importBytes(input.base64) };
  else if (typeof input.text !== 'string')
    return issue('text', 'text.type', 'The file to import must be text (CSV).');
  else if (input.text.length > MAX_IMPORT_BYTES) return issue('text', 'text.too_large', TOO_LARGE);
  else source = { kind: 'text', text: input.text };
  for (const flag of ['dryRun', 'force', 'allRows'] as const) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean')
      return issue(flag, `${flag}.type`, `${flag} must be true or false.`);
  }
  return {
    source,
    dryRun: input.dryRun === true,
    force: input.force === true,
    allRows: input.allRows === true,
  };
}

const listShape = z.strictObject({
  year: z.unknown().optional(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  includeVoided: z.unknown().optional(),
});

export function parseListQuery(value: unknown): { from: string; to: string; includeVoided: boolean } {
  const input = strictShape(listShape, value ?? {}, 'a list query');
  if (input.includeVoided !== undefined && typeof input.includeVoided !== 'boolean') {
    return issue('includeVoided', 'includeVoided.type', 'includeVoided must be true or false.');
  }
  const includeVoided = input.includeVoided === true;
  if (input.year !== undefined) {
    if (input.from !== undefined || input.to !== undefined)
      return issue('year', 'query.conflict', 'Give either a year or a date range, not both.');
    const year = parseYear(input.year);
    return { from: `${year}-01-01`, to: `${year}-12-31`, includeVoided };
  }
  const from = input.from === undefined ? '0000-01-01' : parseDate(input.from, 'from', 'Start date');
  const to = input.to === undefined ? '9999-12-31' : parseDate(input.to, 'to', 'End date');
  if (from > to)
    return issue('to', 'to.before_from', `End date ${to} is before start date ${from}.`, { from, to });
  return { from, to, includeVoided };
}

const vesselsShape = z.strictObject({ year: z.unknown() });

/** The year of a vessels-and-voyages query. */
export function parseVesselsQuery(value: unknown): { year: number } {
  return { year: parseYear(strictShape(vesselsShape, value, 'a vessels query').year) };
}

const reconcileShape = z.strictObject({ year: z.unknown(), month: z.unknown().optional() });

/** A reconciliation's year, and the month (`YYYY-MM`, within the year) when one is asked for. */
export function parseReconcileQuery(value: unknown): { year: number; month: string | null } {
  const input = strictShape(reconcileShape, value, 'a reconciliation query');
  const year = parseYear(input.year);
  if (input.month === undefined || input.month === null) return { year, month: null };
  const text = typeof input.month === 'string' ? input.month.trim() : '';
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (!month || Number(month[2]) < 1 || Number(month[2]) > 12)
    return issue(
      'month',
      'month.invalid',
      `Month "${shown(input.month)}" must be written YYYY-MM, e.g. 2025-08.`,
      { value: shownFact(input.month) },
    );
  if (Number(month[1]) !== year)
    return issue('month', 'month.other_year', `Month ${text} is not in ${year}.`, { value: text, year });
  return { year, month: text };
}

const progressShape = z.strictObject({ year: z.unknown(), asOf: z.unknown().optional() });

export function parseProgressQuery(value: unknown): { year: number; asOf: string | null } {
  const input = strictShape(progressShape, value, 'a progress query');
  const year = parseYear(input.year);
  if (input.asOf === undefined || input.asOf === null) return { year, asOf: null };
  const asOf = parseDate(input.asOf, 'asOf', 'As-of date');
  if (!asOf.startsWith(`${year}-`))
    return issue('asOf', 'asOf.other_year', `As-of date ${asOf} is not in ${year}.`, { value: asOf, year });
  return { year, asOf };
}

// 'real', or 'demo-' and the random part the workspace gives each demo it builds.
const LEDGER_ID = /^(?:real|demo-[a-z0-9]{4,32})$/;

function parseLedgerId(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !LEDGER_ID.test(value)) {
    return issue(
      'ledgerId',
      'ledgerId.invalid',
      `"${shown(value)}" is not a ledger id (it is "real" or "demo-" and letters and digits).`,
    );
  }
  return value;
}

export interface WriteArguments {
  force: boolean;
  /** Validate as the save would, write nothing (WriteOptions.check). */
  check: boolean;
  reason: unknown;
  ledgerId: string | null;
}

const writeOptionsShape = z.strictObject({
  force: z.unknown().optional(),
  check: z.unknown().optional(),
  reason: z.unknown().optional(),
  ledgerId: z.unknown().optional(),
});

export function parseWriteOptions(value: unknown): WriteArguments {
  if (value === undefined || value === null)
    return { force: false, check: false, reason: undefined, ledgerId: null };
  const input = strictShape(writeOptionsShape, value, 'the options');
  for (const flag of ['force', 'check'] as const) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean')
      return issue(flag, `${flag}.type`, `${flag} must be true or false.`);
  }
  return {
    force: input.force === true,
    check: input.check === true,
    reason: input.reason,
    ledgerId: parseLedgerId(input.ledgerId),
  };
}

/** The options of a write that has no others: only the ledger it is meant for (LedgerGuard), or null. */
export function parseLedgerGuard(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return parseLedgerId(
    strictShape(z.strictObject({ ledgerId: z.unknown().optional() }), value, 'the options').ledgerId,
  );
}

/** A backup folder as sent: a path of at most 4,096 characters, or null for the folder beside the ledger. */
export function parseBackupFolderRequest(value: unknown): { folder: string | null } {
  const input = strictShape(z.strictObject({ folder: z.unknown() }), value, 'the backup folder request');
  if (input.folder === null) return { folder: null };
  if (typeof input.folder !== 'string' || input.folder.length > 4096)
    return issue('folder', 'backup.folder_invalid', 'The backup folder must be a folder path.', {
      path: String(input.folder).slice(0, 200),
    });
  return { folder: input.folder };
}
