/**
 * The core's refusal of a targets save, sorted to where it belongs on the form (beside the annual
 * figure, beside the plan, or under the form) and worded in the page's language. An issue whose
 * code has a sentence here is written from the core's facts (kilograms, shown the language's way);
 * any other goes through the app's one failure path, keyed by its code.
 */
import type { FieldIssue } from '../../../electron/core/api';
import { readings } from '../components/QuantityChoices';
import { failureText } from '../errors';
import { tonnes } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';

export interface TargetIssues {
  annual: string | null;
  plan: string | null;
  other: string | null;
  /** Figures the core could read two ways ("2,200"), each offered beside its field with both readings. */
  ambiguous: readonly FieldIssue[];
}

export const NO_ISSUES: TargetIssues = { annual: null, plan: null, other: null, ambiguous: [] };

/** Codes said from their facts: the sentence's key and the facts it needs, each in kilograms ("planKg" fills {plan}). */
const FROM_FACTS: Readonly<Record<string, { key: string; tonnes: readonly string[] }>> = {
  'monthlyPlanTonnes.sum': { key: 'settings.issue.planSum', tonnes: ['planKg', 'annualKg'] },
};

function fromFacts(t: Translate, language: Language, issue: FieldIssue): string | null {
  const sentence = FROM_FACTS[issue.code];
  if (!sentence) return null;
  const vars: Record<string, string> = {};
  for (const fact of sentence.tonnes) {
    const kg = issue.facts?.[fact];
    // An older core sent no facts: its own words are better than a sentence with holes.
    if (typeof kg !== 'number') return null;
    vars[fact.replace(/Kg$/, '')] = `${tonnes(language, kg)} ${t('unit.t')}`;
  }
  return t(sentence.key, vars);
}

export function targetIssueText(t: Translate, language: Language, issue: FieldIssue): string {
  return (
    fromFacts(t, language, issue) ??
    failureText(t, language, { code: 'invalid', message: issue.message, issues: [issue] })
  );
}

/** A refusal's issues by place on the form; a refusal without issues is said under the form. */
export function targetIssuesOf(
  t: Translate,
  language: Language,
  failure: { code: string; message: string; issues: FieldIssue[] },
): TargetIssues {
  const { issues } = failure;
  const text = (issue: FieldIssue) => targetIssueText(t, language, issue);
  const on = (field: string) =>
    issues
      .filter((i) => i.field === field)
      .map(text)
      .join(' ') || null;
  const rest = issues.filter((i) => i.field !== 'annualTonnes' && i.field !== 'monthlyPlanTonnes');
  return {
    annual: on('annualTonnes'),
    plan: on('monthlyPlanTonnes'),
    ambiguous: issues.filter((issue) => readings(issue) !== null),
    other:
      issues.length === 0
        ? failureText(t, language, failure)
        : rest.length > 0
          ? rest.map(text).join(' ')
          : null,
  };
}
