/**
 * The core's field issues in the person's language. The core speaks English and gives each issue a
 * stable code and, where its sentence states something (today at Aktau, the other cargo's vessel
 * and date, an age in days, a figure in kilograms, what a tanker carries), those specifics as
 * `facts`. Each common code has a translated sentence (`entry.issue.<code>` in the language
 * files), filled with what was typed in the field and with the facts, written the way the language
 * writes numbers and dates. A code without a translation, or an issue without a fact its sentence
 * needs, shows the core's English message rather than a sentence that has lost its facts. The
 * English sentence itself is never read: a test runs each code through the real validator.
 */
import type { FieldIssue, IssueFacts, ShipmentInput } from '../../../electron/core/api';
import { fieldSpec } from '../../../electron/core/fields';
import { SUGGESTION_SEPARATOR, UNKNOWN_VESSEL } from '../../../electron/core/fleet';
import { calendarDate, decimal, monthName, tonnes, typedDate, wholeTonnes } from '../format';
import { MESSAGES, translate, type Vars } from '../i18n';
import type { Language } from '../settings';
import { fieldOfIssue } from './form-values';

/** Codes any text field can have: `<field>.required`, `.too_long`, `.control_chars`, `.characters`. */
const ANY_FIELD = ['required', 'too_long', 'control_chars', 'characters'];

/** Facts that are counts of the calendar, written as they are (2024, not 2,024). */
const CALENDAR_FACTS = new Set(['year', 'minYear', 'month', 'days']);

/** The sentence for a code: its own, else the one every quantity field shares (`tonnes.<suffix>`), else any field's. */
function templateKey(code: string): string | null {
  const suffix = code.slice(code.lastIndexOf('.') + 1);
  const kind = fieldSpec(code.slice(0, code.lastIndexOf('.')))?.kind;
  const candidates = [
    `entry.issue.${code}`,
    kind === 'quantity' ? `entry.issue.tonnes.${suffix}` : null,
    kind === 'date' ? `entry.issue.date.${suffix}` : null,
    ANY_FIELD.includes(suffix) ? `entry.issue.any.${suffix}` : null,
  ];
  return candidates.find((key): key is string => key !== null && key in MESSAGES.en) ?? null;
}

function sentText(sent: ShipmentInput, field: string): string {
  const value = (sent as Record<string, unknown>)[field];
  return typeof value === 'string'
    ? value.trim()
    : value === undefined || value === null
      ? ''
      : String(value);
}

/** "does not exist: February 2024 has 29 days", from the year, month and days the core read. */
function impossibleDate(
  language: Language,
  facts: IssueFacts,
  code: string,
): { key: string; vars: Vars } | null {
  const { year, month, days } = facts;
  if (typeof year !== 'number' || typeof month !== 'number') return null;
  // The B/L date has its own sentences; the voyage's dates share one.
  const stem = code === 'blDate.impossible' ? 'entry.issue.blDate' : 'entry.issue.date';
  if (typeof days !== 'number') return { key: `${stem}.impossible_month`, vars: { month } };
  const yearMonth = `${year}-${String(month).padStart(2, '0')}`;
  const monthYear = `${monthName(language, yearMonth, 'long')} ${year}`;
  const lastDay = calendarDate(language, `${yearMonth}-${String(days).padStart(2, '0')}`);
  return { key: `${stem}.impossible`, vars: { days, monthYear, lastDay } };
}

/**
 * A fact as a sentence's variable, in the language's style: `<name>Kg` fills `{<name>}` with exact
 * tonnes, a date is shown as dates are, calendar counts as they are, other numbers grouped.
 */
function factVar(language: Language, name: string, fact: string | number): [string, string | number] {
  if (typeof fact === 'string' && name === 'suggestions')
    return [name, fact.split(SUGGESTION_SEPARATOR).join(', ')];
  // Any date the core states (today at Aktau, the other cargo's date, a laycan's day); `value` is the
  // person's own text, shown as a date by issueText when its field is one.
  if (typeof fact === 'string') return [name, name === 'value' ? fact : calendarDate(language, fact)];
  if (name === 'deadweightKg') return ['deadweight', wholeTonnes(language, fact)];
  if (name.endsWith('Kg')) return [name.slice(0, -2), tonnes(language, fact)];
  if (name === 'percent') return [name, decimal(language, fact, 1)];
  if (name === 'ratio') return [name, decimal(language, fact, 2)];
  if (CALENDAR_FACTS.has(name)) return [name, String(fact)];
  const fraction = Number.isInteger(fact) ? 0 : Math.min(3, String(fact).split('.')[1]?.length ?? 0);
  return [name, decimal(language, fact, fraction)];
}

/** An issue from the core as one sentence in `language`; `sent` holds what was typed in each field. */
export function issueText(language: Language, issue: FieldIssue, sent: ShipmentInput): string {
  let key = templateKey(issue.code);
  const field = fieldOfIssue(issue.field);
  const vars: Vars = {
    value: sentText(sent, field ?? issue.field),
    field: field ? translate(language, `entry.field.${field}`) : issue.field,
  };
  const facts = issue.facts ?? {};
  for (const [name, fact] of Object.entries(facts)) {
    const [variable, text] = factVar(language, name, fact);
    vars[variable] = text;
  }
  // A date typed 2024-05-04 is quoted as the page writes dates (04.05.2024); no date, as typed.
  const dated = field !== null && fieldSpec(field)?.kind === 'date';
  if (dated && typeof vars.value === 'string') vars.value = typedDate(language, vars.value);
  // A figure too long to read has no amount the core could give: the sentence quotes it as typed.
  if (issue.code.endsWith('.too_large') && vars.amount === undefined && vars.value !== undefined)
    vars.amount = vars.value;
  // An unknown vessel with no name close to it is asked about without offering any.
  if (issue.code === UNKNOWN_VESSEL && facts.suggestions === undefined)
    key = 'entry.issue.vessel.unknown_none';
  const impossible =
    dated && issue.code.endsWith('.impossible') ? impossibleDate(language, facts, issue.code) : null;
  if (impossible) {
    key = impossible.key;
    Object.assign(vars, impossible.vars);
  }
  if (!key) return issue.message;
  const text = translate(language, key, vars);
  // A placeholder left unfilled means a specific was not found: the core's own words keep it.
  if (/\{\w+\}/.test(text)) return issue.message;
  return text;
}
