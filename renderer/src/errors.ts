/**
 * Failures in the person's language. The core and the transports speak English with specifics
 * (a path, a figure); each failure also carries a stable code, which picks a translated sentence
 * here, filled with the failure's facts where it names them. A sentence without them is followed,
 * outside English, by the specifics in brackets, so nothing the core said is lost.
 */
import type { FieldIssue } from '../../electron/core/api';
import { ApiError } from './client';
import type { Translate } from './i18n';
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
  'monthlyPlanTonnes.count',
  'annualTonnes.required',
  // An import file refused before it is read: too large, or damaged on its way.
  'base64.too_large',
  'base64.invalid',
  // A write refused because another window switched the ledger: the sentence is the whole story.
  'ledger.switched_to_demo',
  'ledger.switched_to_real',
  'ledger.demo_renewed',
]);

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
    const vars: Record<string, string> = {};
    for (const [name, fact] of Object.entries(issue.facts)) vars[name] = String(fact);
    const said = t(key, vars);
    if (!/\{\w+\}/.test(said)) return said;
  }
  return issue && SELF_CONTAINED.has(issue.code) ? lead : `${lead} (${detail})`;
}
