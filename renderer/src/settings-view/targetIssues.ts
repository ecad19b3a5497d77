/**
 * The core's refusal of a targets save, sorted to where it belongs on the form (beside the annual
 * figure, beside the plan, or under the form) and worded in the page's language. Every refusal a
 * person can cause by typing has a sentence here, written from the core's facts (kilograms shown
 * the language's way, a plan's month by its name); any other goes through the app's one failure
 * path, keyed by its code.
 */
import type { FieldIssue } from '../../../electron/core/api';
import { readings } from '../components/QuantityChoices';
import { failureText } from '../errors';
import { decimal, monthName, tonnes } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';

export interface TargetIssues {
  annual: string | null;
  allowance: string | null;
  plan: string | null;
  other: string | null;
  /** Figures the core could read two ways ("2,200"), each offered beside its field with both readings. */
  ambiguous: readonly FieldIssue[];
}

export const NO_ISSUES: TargetIssues = {
  annual: null,
  allowance: null,
  plan: null,
  other: null,
  ambiguous: [],
};

/**
 * Codes said from their facts: the sentence's key and the facts it needs. A fact in kilograms is
 * written as tonnes the page's way and named without its unit (`planKg` fills {plan}, `valueKg`
 * fills {amount}); a plan's `month` (1–12) by its name.
 */
const FROM_FACTS: Readonly<Record<string, { key: string; facts: readonly string[] }>> = {
  'monthlyPlanTonnes.sum': { key: 'settings.issue.planSum', facts: ['planKg', 'annualKg'] },
  'monthlyPlanTonnes.invalid': { key: 'settings.issue.planInvalid', facts: ['month', 'value'] },
  'monthlyPlanTonnes.ambiguous': {
    key: 'settings.issue.planAmbiguous',
    facts: ['month', 'value', 'asThousandsKg', 'asDecimalKg'],
  },
  'monthlyPlanTonnes.too_large': { key: 'settings.issue.planTooLarge', facts: ['month', 'valueKg'] },
  'annualTonnes.invalid': { key: 'settings.issue.annualInvalid', facts: ['value'] },
  'annualTonnes.ambiguous': {
    key: 'settings.issue.annualAmbiguous',
    facts: ['value', 'asThousandsKg', 'asDecimalKg'],
  },
  'annualTonnes.too_large': { key: 'settings.issue.annualTooLarge', facts: ['valueKg'] },
  'lossAllowancePercent.invalid': { key: 'settings.issue.allowanceInvalid', facts: ['value', 'max'] },
  'lossAllowancePercent.month_closed': {
    key: 'settings.issue.allowanceClosed',
    facts: ['year', 'months', 'allowance'],
  },
};

/** Closed months (`2024-06,2024-07`) by their names: "June 2024, July 2024". */
function monthList(language: Language, months: string): string {
  return months
    .split(',')
    .map((month) => `${monthName(language, month, 'long')} ${month.slice(0, 4)}`)
    .join(', ');
}

/** The placeholder a fact fills: {plan} for planKg, {amount} for valueKg. */
function varName(fact: string): string {
  return fact === 'valueKg' ? 'amount' : fact.replace(/Kg$/, '');
}

function fromFacts(t: Translate, language: Language, issue: FieldIssue): string | null {
  const sentence = FROM_FACTS[issue.code];
  if (!sentence) return null;
  const vars: Record<string, string> = {};
  for (const name of sentence.facts) {
    const fact = issue.facts?.[name];
    // An older core sent no facts: its own words are better than a sentence with holes.
    if (fact === undefined) return null;
    if (name.endsWith('Kg') && typeof fact === 'number')
      vars[varName(name)] = `${tonnes(language, fact)} ${t('unit.t')}`;
    else if (name === 'month') vars.month = t(`settings.month.${fact}`);
    else if (name === 'months') vars.months = monthList(language, String(fact));
    else if (name === 'allowance' && typeof fact === 'number')
      vars.allowance = decimal(language, fact, Math.min(3, String(fact).split('.')[1]?.length ?? 0));
    else vars[name] = String(fact);
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
  const placed = new Set(['annualTonnes', 'monthlyPlanTonnes', 'lossAllowancePercent']);
  const rest = issues.filter((i) => !placed.has(i.field));
  return {
    annual: on('annualTonnes'),
    allowance: on('lossAllowancePercent'),
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
