/**
 * The core's refusal of a baseline save in the page's language: the months' sum against the total
 * named with both figures, written the language's way; anything else through the targets' wording
 * and the app's one failure path, keyed by its code.
 */
import type { FieldIssue } from '../../../electron/core/api';
import { failureText } from '../errors';
import { tonnes } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { targetIssueText } from './targetIssues';

function issueText(t: Translate, language: Language, issue: FieldIssue): string {
  const { monthlyKg, baselineKg, year } = issue.facts ?? {};
  if (issue.code === 'monthlyTonnes.sum' && typeof monthlyKg === 'number' && typeof baselineKg === 'number') {
    const amount = (kg: number) => `${tonnes(language, kg)} ${t('unit.t')}`;
    return t('settings.baseline.refusedSum', {
      year: String(year ?? ''),
      monthly: amount(monthlyKg),
      baseline: amount(baselineKg),
    });
  }
  return targetIssueText(t, language, issue);
}

export function baselineRefusal(
  t: Translate,
  language: Language,
  failure: { code: string; message: string; issues: FieldIssue[] },
): string {
  if (failure.issues.length === 0) return failureText(t, language, failure);
  return failure.issues.map((issue) => issueText(t, language, issue)).join(' ');
}
