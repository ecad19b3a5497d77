/**
 * What an import preview says about a file and its rows, in the person's language. The core gives
 * each problem a stable code and its specifics as facts (a line, a byte, a column's name, the other
 * cargo's vessel and date, today at Aktau); the sentence is `reports.import.issue.<key>`, filled
 * with those facts and with the row's own cargo as read (its date, B/L number and tonnes), each
 * written the language's way. Fields and columns are named as the page names them. No sentence is
 * ever taken apart: a code without a sentence, or a sentence missing one of its facts, shows the
 * core's own words rather than a sentence that has lost a specific. A test runs every code the
 * import path can give through this, in all four languages.
 */
import type { FieldIssue, ImportRowReport, IssueFacts } from '../../../electron/core/api';
import { MIN_YEAR, parseIsoDate } from '../../../electron/core/calendar';
import { columnHeader, importColumnHeaders } from '../../../electron/core/columns';
import { enumWord, fieldSpec, type FieldSpec } from '../../../electron/core/fields';
import { SUGGESTION_SEPARATOR } from '../../../electron/core/fleet';
import { CAPACITY_TONNES } from '../../../electron/core/limits';
import { calendarDate, decimal, integer, tonnes, wholeTonnes } from '../format';
import { MESSAGES, translate, type Vars } from '../i18n';
import type { Language } from '../settings';

export const ISSUE_PREFIX = 'reports.import.issue.';

/**
 * One code, several sentences, chosen by the facts: a twin on an earlier line of the file rather
 * than in the ledger, a month that does not exist, broken quoting the parser could not place.
 */
const VARIANTS: Readonly<Record<string, (facts: IssueFacts) => string | null>> = {
  'blNumber.duplicate': (facts) => (typeof facts.line === 'number' ? 'inFile' : null),
  'shipment.duplicate': (facts) => (typeof facts.line === 'number' ? 'inFile' : null),
  'blDate.impossible': (facts) => (typeof facts.days === 'number' ? null : 'noMonth'),
  'arrivalDate.impossible': (facts) => (typeof facts.days === 'number' ? null : 'noMonth'),
  'dischargeDate.impossible': (facts) => (typeof facts.days === 'number' ? null : 'noMonth'),
  'csv.malformed': (facts) => (typeof facts.line === 'number' ? null : 'noLine'),
  'vessel.unknown': (facts) => (typeof facts.suggestions === 'string' ? null : 'none'),
};

/** The variants a code may take: every one needs its sentence in every language. */
export const ISSUE_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  'blNumber.duplicate': ['inFile'],
  'shipment.duplicate': ['inFile'],
  'blDate.impossible': ['noMonth'],
  'arrivalDate.impossible': ['noMonth'],
  'dischargeDate.impossible': ['noMonth'],
  'csv.malformed': ['noLine'],
  'vessel.unknown': ['none'],
};

/** The field a code is about: `netTonnes.format` → Net tonnes; null for a code of no field. */
function specOf(code: string): FieldSpec | undefined {
  const dot = code.indexOf('.');
  return dot === -1 ? undefined : fieldSpec(code.slice(0, dot));
}

/**
 * The sentence's key for a code (without the prefix), most particular first: the variant, the
 * code itself, the sentence every field of that kind shares (`quantity.format` for net and
 * outturn tonnes), the sentence any field has (`any.required`). Null when there is none.
 */
export function issueKey(code: string, facts: IssueFacts = {}): string | null {
  const spec = specOf(code);
  const suffix = code.slice(code.indexOf('.') + 1);
  const variant = VARIANTS[code]?.(facts) ?? null;
  const candidates = [
    variant === null ? null : `${code}.${variant}`,
    code,
    spec ? `${spec.kind}.${suffix}` : null,
    spec ? `any.${suffix}` : null,
  ];
  return candidates.find((key): key is string => key !== null && ISSUE_PREFIX + key in MESSAGES.en) ?? null;
}

/** A real calendar date written `YYYY-MM-DD` (2024-13-01 is none, and is shown as written). */
function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** A count of barrels as the language writes numbers: whole where whole, else to the last decimal given. */
function barrels(language: Language, value: number): string {
  const digits = Number.isInteger(value) ? 0 : Math.min(3, String(value).split('.')[1]?.length ?? 0);
  return decimal(language, value, digits);
}

/** The separator a file uses, as a sentence names it: the character itself, or the word for a tab. */
function separatorText(language: Language, name: string): string {
  if (name === 'semicolon') return ';';
  if (name === 'comma') return ',';
  return translate(language, 'reports.import.tab');
}

/**
 * Facts that are calendar dates: shown the language's way when
 * they are one (one the core could not read, as written).
 */
const DATE_FACTS = new Set(['date', 'today', 'value']);

/** Each fact in the language's style: dates, tonnes and numbers as the language writes them, names as they are. */
function factVars(language: Language, facts: IssueFacts, vars: Vars): void {
  for (const [name, fact] of Object.entries(facts)) {
    if (typeof fact === 'string') {
      if (name === 'field') vars.field = columnHeader(fact, language) ?? fact;
      else if (name === 'separator') vars.separator = separatorText(language, fact);
      else if (name === 'suggestions') vars.suggestions = fact.split(SUGGESTION_SEPARATOR).join(', ');
      else vars[name] = DATE_FACTS.has(name) && isIsoDate(fact) ? calendarDate(language, fact) : fact;
    } else if (name === 'deadweightKg') vars.deadweight = wholeTonnes(language, fact);
    else if (name.endsWith('Kg')) vars[name.slice(0, -2)] = tonnes(language, fact);
    else if (name === 'asThousands' || name === 'asDecimal') vars[name] = barrels(language, fact);
    else if (name === 'percent') vars[name] = decimal(language, fact, 1);
    else if (name === 'ratio') vars[name] = decimal(language, fact, 2);
    // A year is a name, not an amount: 2024, never 2,024.
    else if (name === 'year' || name === 'minYear') vars[name] = String(fact);
    else vars[name] = integer(language, fact);
  }
}

/** What a sentence may name besides the facts: the field, the row's own cargo, the route's limits. */
function baseVars(language: Language, issue: FieldIssue, row: ImportRowReport | undefined): Vars {
  const spec = fieldSpec(issue.field) ?? specOf(issue.code);
  const vars: Vars = {
    capacity: integer(language, CAPACITY_TONNES),
    minYear: String(MIN_YEAR),
    accepted: importColumnHeaders(language).join(', '),
  };
  if (spec) {
    vars.field = translate(language, spec.labelKey);
    if (spec.kind === 'enum')
      vars.allowed = Object.keys(spec.values)
        .map((value) => enumWord(spec, value, language))
        .join(', ');
  }
  if (row) {
    if (row.blNumber !== null) vars.bl = row.blNumber;
    if (row.blDate !== null) vars.date = calendarDate(language, row.blDate);
    if (row.netKg !== null) vars.tonnes = tonnes(language, row.netKg);
  }
  return vars;
}

/** The last day of a month the facts name, for "that month ends on 29 Feb 2024". */
function lastDayVar(language: Language, facts: IssueFacts, vars: Vars): void {
  const { year, month, days } = facts;
  if (typeof year !== 'number' || typeof month !== 'number' || typeof days !== 'number') return;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
  vars.lastDay = calendarDate(language, iso);
}

/**
 * A problem of the import, as one sentence in `language`: of a row (give the row, whose cargo
 * fills the sentence) or of the file as a whole.
 */
export function importIssueText(language: Language, issue: FieldIssue, row?: ImportRowReport): string {
  const facts = issue.facts ?? {};
  const key = issueKey(issue.code, facts);
  if (key === null) return issue.message;
  const vars = baseVars(language, issue, row);
  factVars(language, facts, vars);
  lastDayVar(language, facts, vars);
  const text = translate(language, ISSUE_PREFIX + key, vars);
  // A placeholder left unfilled means a specific was not found: the core's own words keep it.
  if (/\{\w+\}/.test(text)) return issue.message;
  // A date ending in an abbreviation ("29 февр. 2024 г.") ends the sentence too.
  return text.replace(/\.\.(?=\s|$)/g, '.');
}

/** A problem with the file as a whole (its encoding, its columns, its quoting). */
export function fileIssueText(language: Language, issue: FieldIssue): string {
  return importIssueText(language, issue);
}
