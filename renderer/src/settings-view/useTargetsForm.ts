/**
 * The targets form's state: the annual figure and the twelve plan figures as typed, the running
 * sum of the plan, the core's refusal of the last save, and the save itself (with the plan, or
 * with none so the target is spread by days). The figures go to the core as typed (`2 200 000,5`,
 * `2,200,000.5`): what is valid, and what is ambiguous, is the core's to say, on save.
 */
import { useState } from 'react';
import type { FieldIssue, YearTargets } from '../../../electron/core/api';
import { toMilliPercent } from '../../../electron/core/reconcile';
import { quantityInput } from '../format';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { EMPTY_PLAN, planSum, typedKg, type PlanSum } from './planMonths';
import { NO_ISSUES, targetIssuesOf, type TargetIssues } from './targetIssues';

export interface TargetsFormState {
  annual: string;
  setAnnual(text: string): void;
  /** The loss allowance in percent of B/L, as typed ("0,5"). */
  allowance: string;
  setAllowance(text: string): void;
  plan: readonly string[];
  setMonth(month: number, text: string): void;
  /** True when any month holds something. */
  hasPlan: boolean;
  sum: PlanSum;
  /** The annual figure as typed, in kilograms, or null while it cannot be read. */
  annualKg: number | null;
  issues: TargetIssues;
  busy: boolean;
  /** Saves the target with the plan as typed (none when every month is empty). */
  saveAll(): Promise<void>;
  /** Saves the target with no plan, and empties the months. */
  clearPlan(): Promise<void>;
  /** One reading of an ambiguous figure, chosen: written into its field, the question answered. */
  choose(issue: FieldIssue, text: string): void;
}

/** A line for the status area after a save; null clears it. */
type OnSaved = (message: string | null) => void;

export function useTargetsForm(targets: YearTargets, onSaved: OnSaved): TargetsFormState {
  const t = useT();
  const language = useLanguage();
  const saveTargets = useLedger((s) => s.saveTargets);
  const { year } = targets;
  const [annual, setAnnual] = useState(() => quantityInput(language, targets.annualKg));
  const [plan, setPlan] = useState<readonly string[]>(
    () => targets.monthlyPlanKg?.map((kg) => quantityInput(language, kg)) ?? EMPTY_PLAN,
  );
  // Thousandths of a percent read as the core reads thousandths: "0.5" in English, "0,5" in Russian.
  const [allowance, setAllowance] = useState(() =>
    quantityInput(language, toMilliPercent(targets.lossAllowancePercent)),
  );
  const [issues, setIssues] = useState<TargetIssues>(NO_ISSUES);
  const [busy, setBusy] = useState(false);
  const hasPlan = plan.some((figure) => figure.trim() !== '');

  const save = async (monthly: string[] | null, message: string) => {
    setBusy(true);
    setIssues(NO_ISSUES);
    onSaved(null);
    const result = await saveTargets(annual, monthly, allowance);
    setBusy(false);
    if (result.ok) {
      if (monthly === null) setPlan(EMPTY_PLAN);
      onSaved(message);
    } else {
      setIssues(targetIssuesOf(t, language, result));
    }
  };

  return {
    annual,
    setAnnual,
    allowance,
    setAllowance,
    plan,
    setMonth: (month, text) =>
      setPlan((current) => current.map((figure, m) => (m === month ? text : figure))),
    hasPlan,
    sum: planSum(plan),
    annualKg: typedKg(annual),
    issues,
    busy,
    saveAll: () => save(hasPlan ? [...plan] : null, t('settings.targets.saved', { year })),
    clearPlan: () => save(null, t('settings.plan.cleared', { year })),
    choose(issue, text) {
      const month = issue.facts?.month;
      if (typeof month === 'number')
        setPlan((current) => current.map((figure, m) => (m === month - 1 ? text : figure)));
      else setAnnual(text);
      setIssues((current) => ({
        ...current,
        ambiguous: current.ambiguous.filter((other) => other !== issue),
      }));
    },
  };
}
