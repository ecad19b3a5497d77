/**
 * The core's field issues in the person's language. The core speaks English and gives each issue a
 * stable code and, where its sentence states something only the core knows (today at Aktau, the
 * other cargo's vessel and date, an age in days, a percentage), those specifics as `facts`. Each
 * common code has a translated sentence here (renderer/i18n/_parts/entry.json,
 * `entry.issue.<code>`), filled with what was typed (from the input the form sent) and with the
 * facts, written the way the language writes numbers and dates. A code without a translation, or
 * an issue without a fact its sentence needs, shows the core's English message rather than a
 * sentence that has lost its facts. A test runs each code through the real validator.
 */
import type { FieldIssue, ShipmentInput } from '../../../electron/core/api';
import { daysInMonth, MIN_YEAR } from '../../../electron/core/calendar';
import { parseTonnesText } from '../../../electron/core/quantity';
import { UNUSUAL_CARGO_KG } from '../../../electron/core/shipment';
import { calendarDate, decimal, integer, monthName, tonnes } from '../format';
import { MESSAGES, translate, type Vars } from '../i18n';
import type { Language } from '../settings';
import { fieldOfIssue } from './fields';

/** Several fields share one sentence. */
const SHARED: Record<string, string> = {
  'netTonnes.format': 'tonnes.format',
  'netTonnes.precision': 'tonnes.precision',
  'netTonnes.not_positive': 'tonnes.not_positive',
  'netTonnes.too_large': 'tonnes.too_large',
  'outturnTonnes.format': 'tonnes.format',
  'outturnTonnes.precision': 'tonnes.precision',
  'outturnTonnes.not_positive': 'tonnes.not_positive',
  'outturnTonnes.too_large': 'tonnes.too_large',
};

/** Codes any text field can have: `<field>.required`, `<field>.too_long`, `<field>.control_chars`. */
const ANY_FIELD = ['required', 'too_long', 'control_chars'];

function templateKey(code: string): string | null {
  const suffix = code.slice(code.lastIndexOf('.') + 1);
  const candidates = [
    `entry.issue.${code}`,
    SHARED[code] ? `entry.issue.${SHARED[code]}` : null,
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

/** Exact tonnes in the language's style, or null when the text is not a quantity. */
function shownTonnes(language: Language, text: string): string | null {
  const parsed = parseTonnesText(text.replace(/^\+/, ''));
  return parsed.ok ? tonnes(language, parsed.kg) : null;
}

function impossibleDate(language: Language, value: string): { key: string; vars: Vars } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { key: 'entry.issue.blDate.impossible_month', vars: { month } };
  const days = daysInMonth(year, month);
  const monthYear = `${monthName(language, `${match[1]}-${match[2]}`, 'long')} ${year}`;
  const lastDay = calendarDate(language, `${match[1]}-${match[2]}-${String(days).padStart(2, '0')}`);
  return { key: 'entry.issue.blDate.impossible', vars: { days, monthYear, lastDay } };
}

/** A fact in the language's style: dates and numbers as the language writes them, names as they are. */
function factText(language: Language, name: string, fact: string | number): string | number {
  if (typeof fact === 'string') return name === 'date' ? calendarDateOrText(language, fact) : fact;
  if (name === 'percent') return decimal(language, fact, 1);
  if (name === 'ratio') return decimal(language, fact, 2);
  return integer(language, fact);
}

function calendarDateOrText(language: Language, text: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? calendarDate(language, text) : text;
}

/** An issue from the core (or the form's pre-check) as one sentence in `language`. */
export function issueText(language: Language, issue: FieldIssue, sent: ShipmentInput): string {
  let key = templateKey(issue.code);
  const field = fieldOfIssue(issue.field);
  const value = sentText(sent, field ?? issue.field);
  const vars: Vars = {
    value,
    field: field ? translate(language, `entry.field.${field}`) : issue.field,
    capacity: integer(language, UNUSUAL_CARGO_KG / 1000),
    year: MIN_YEAR,
  };
  const net = shownTonnes(language, sentText(sent, 'netTonnes'));
  if (net) vars.tonnes = net;
  const amount = shownTonnes(language, value);
  if (amount) vars.amount = amount;

  if (issue.code === 'blDate.impossible') {
    const found = impossibleDate(language, value);
    if (found) {
      key = found.key;
      Object.assign(vars, found.vars);
    }
  }
  for (const [name, fact] of Object.entries(issue.facts ?? {})) vars[name] = factText(language, name, fact);
  if (!key) return issue.message;
  const text = translate(language, key, vars);
  // A placeholder left unfilled means a specific was not found: the core's own words keep it.
  if (/\{\w+\}/.test(text)) return issue.message;
  // A date ending in an abbreviation ("29 февр. 2024 г.") ends the sentence too.
  return text.replace(/\.\.(?=\s|$)/g, '.');
}
