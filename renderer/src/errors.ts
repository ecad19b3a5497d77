/**
 * Failures in the person's language. The core and the transports speak English with specifics
 * (a path, a figure); each failure also carries a stable code, which picks a translated sentence
 * here, filled with the failure's facts where it names them. A sentence without them is followed,
 * outside English, by the specifics in brackets, so nothing the core said is lost; a spec holds every
 * code the core raises to a sentence that needs no brackets.
 */
import type { FieldIssue, IssueFacts } from '../../electron/core/api';
import { ApiError } from './client';
import { calendarDate, dateTime, tonnes } from './format';
import type { Translate, Vars } from './i18n';
import type { Language } from './settings';

export interface Failure {
  code: string;
  message: string;
  issues: FieldIssue[];
}

export function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) return { code: error.code, message: error.message, issues: error.issues };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), issues: [] };
}

/** Issue codes whose translated sentence says everything the core's message does. */
const SELF_CONTAINED = new Set([
  'reason.required',
  'reason.too_long',
  'reason.control',
  'monthlyPlanTonnes.count',
  'annualTonnes.required',
  // An import file refused before it is read: too large, or damaged on its way.
  'base64.too_large',
  'base64.invalid',
  // A write refused because another window switched the ledger: the sentence is the whole story.
  'ledger.switched_to_demo',
  'ledger.switched_to_real',
  'ledger.demo_renewed',
  // The ledger, a lock, a repair or a sync refused in a way that names nothing more than the sentence does.
  'ledger.read_only',
  'ledger.failed_before',
  'repair.changed',
  'station.invalid',
  'sync.url.credentials',
  'station.read_only',
  'sync.read_only',
  'sync.not_station',
  'sync.setup.request',
  'sync.credentials.missing',
  'sync.credentials',
  'sync.credentials.environment',
  'sync.credentials.no_encryption',
  'sync.url.required',
  'sync.user.required',
  'sync.password.required',
  'sync.failed',
  'backup.demo',
  'backup.nothing',
  'demo.unavailable',
  'demo.request',
  // A request the page itself made wrongly (an option, a file carried twice): only reloading mends it.
  'reason.type',
  'request.file',
  'request.invalid',
  'text.type',
  'text.too_large',
  'base64.type',
  'query.conflict',
  'ledgerId.invalid',
  'dryRun.type',
  'force.type',
  'allRows.type',
  'check.type',
  'includeVoided.type',
  'shipment.type',
]);

/**
 * Failures without an issue whose sentence is the whole story: the transports' and the page's own.
 * An `invalid` without an issue is a transport's guard refusing a malformed call (arguments, nesting).
 */
const SAYS_IT_ALL = new Set(['forbidden', 'internal', 'starting', 'unreachable', 'invalid']);

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Tonnes the language's way, exact, without the zeros after the kilograms: "2 200 000", "2,2". */
function fewestDecimals(language: Language, kg: number): string {
  const exact = tonnes(language, kg);
  const fraction = exact.slice(-3).replace(/0+$/, '');
  return fraction === '' ? exact.slice(0, -4) : `${exact.slice(0, -3)}${fraction}`;
}

/** The facts as a sentence states them: dates, instants and tonnes the language's way, a disk's trouble in words. */
function factWords(t: Translate, language: Language, facts: IssueFacts): Vars {
  const vars: Vars = {};
  for (const [name, fact] of Object.entries(facts)) {
    // A calendar date as the language writes dates; kilograms as tonnes, named without their unit.
    if (typeof fact === 'string' && CALENDAR_DATE.test(fact)) vars[name] = calendarDate(language, fact);
    else if (typeof fact === 'number' && name.endsWith('Kg'))
      vars[name.slice(0, -2)] = fewestDecimals(language, fact);
    else vars[name] = String(fact);
  }
  if (typeof facts.since === 'string') vars.since = dateTime(language, facts.since);
  if (typeof facts.trouble === 'string')
    vars.trouble = t(`error.trouble.${facts.trouble}`, { reason: String(facts.reason ?? '') });
  return vars;
}

export function failureText(
  t: Translate,
  language: Language,
  failure: { code: string; message: string; issues?: readonly FieldIssue[] },
): string {
  const issue = failure.issues?.[0];
  const key = issue ? `error.issue.${issue.code}` : `error.${failure.code}`;
  const detail = issue?.message ?? failure.message;
  const lead = t(key);
  if (lead === key || language === 'en') return detail;
  // A sentence that names the core's facts (a path, an errno) and has every one of them says it all:
  // judged by the facts it has, not by what they hold (a value typed as "{year}" is a value).
  const named = [...lead.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  if (issue?.facts && named.length > 0) {
    const vars = factWords(t, language, issue.facts);
    if (named.every((name) => name in vars)) return t(key, vars);
  }
  const whole = issue ? SELF_CONTAINED.has(issue.code) : SAYS_IT_ALL.has(failure.code);
  return whole ? lead : `${lead} (${detail})`;
}
