/**
 * Failures in the person's language. The core and the transports speak English with specifics
 * (a path, a figure); each failure also carries a stable code, which picks a translated sentence
 * here, filled with the failure's facts where it names them. A sentence without them is followed,
 * outside English, by the specifics in brackets, so nothing the core said is lost; a spec holds every
 * code the core raises to a sentence that needs no brackets.
 */
import type { FieldIssue, IssueFacts } from '../../electron/core/api';
import { ApiError } from './client';
import { dateTime } from './format';
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
  'demo.unavailable',
  'demo.request',
]);

/** Failures without an issue whose sentence is the whole story: the transports' and the page's own. */
const SAYS_IT_ALL = new Set(['forbidden', 'internal', 'starting', 'unreachable']);

/** The facts as a sentence states them: an instant the language's way, a disk's trouble in words. */
function factWords(t: Translate, language: Language, facts: IssueFacts): Vars {
  const vars: Vars = {};
  for (const [name, fact] of Object.entries(facts)) vars[name] = String(fact);
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
  // A sentence that names the core's facts (a path, an errno) and has every one of them says it all.
  if (issue?.facts && /\{\w+\}/.test(lead)) {
    const said = t(key, factWords(t, language, issue.facts));
    if (!/\{\w+\}/.test(said)) return said;
  }
  const whole = issue ? SELF_CONTAINED.has(issue.code) : SAYS_IT_ALL.has(failure.code);
  return whole ? lead : `${lead} (${detail})`;
}
