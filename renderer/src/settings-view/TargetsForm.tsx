/**
 * Settings' targets for one year: the annual target and the optional monthly plan, saved together
 * in the ledger, or the plan cleared so the target is spread by days.
 */
import type { FormEvent } from 'react';
import type { YearTargets } from '../../../electron/core/api';
import { useLanguage, useT } from '../i18n';
import { AnnualTargetFieldset } from './AnnualTargetFieldset';
import { LossAllowanceFieldset } from './LossAllowanceFieldset';
import { MonthlyPlanFieldset } from './MonthlyPlanFieldset';
import { planMonthName } from './planMonths';
import { useTargetsForm } from './useTargetsForm';

/** The form's key: it starts over from the ledger's figures whenever they (or the year) change. */
export function targetsKey(targets: YearTargets): string {
  const plan = targets.monthlyPlanKg?.join(',') ?? 'by-days';
  return `${targets.year}|${targets.source}|${targets.annualKg}|${plan}|${targets.lossAllowancePercent}`;
}

interface TargetsFormProps {
  targets: YearTargets;
  /** The core's by-days split of the saved annual target, shown as a hint while there is no plan. */
  byDaysKg: number[] | null;
  readOnly: boolean;
  /** A line for the status area after a save; null clears it. */
  onSaved: (message: string | null) => void;
}

export function TargetsForm({ targets, byDaysKg, readOnly, onSaved }: TargetsFormProps) {
  const t = useT();
  const language = useLanguage();
  const form = useTargetsForm(targets, onSaved);
  const { year } = targets;
  const disabled = readOnly || form.busy;
  const monthName = (i: number) => planMonthName(t, language, year, i);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.saveAll();
  };

  return (
    <form className="st-targets" onSubmit={submit} noValidate data-testid="targets-form">
      <AnnualTargetFieldset
        source={targets.source}
        value={form.annual}
        onChange={form.setAnnual}
        error={form.issues.annual}
        question={form.issues.ambiguous.find((issue) => issue.field === 'annualTonnes')}
        onChoose={form.choose}
        disabled={disabled}
        t={t}
      />
      <MonthlyPlanFieldset
        form={form}
        year={year}
        byDaysKg={byDaysKg}
        monthName={monthName}
        disabled={disabled}
        t={t}
        language={language}
      />
      <LossAllowanceFieldset
        value={form.allowance}
        onChange={form.setAllowance}
        error={form.issues.allowance}
        disabled={disabled}
        t={t}
      />
      {form.issues.other && (
        <p className="rs-error" role="alert">
          <strong>{t('settings.targets.refused')}</strong> {form.issues.other}
        </p>
      )}
      {readOnly && <p className="muted rs-note">{t('settings.targets.readOnly')}</p>}
      <div className="st-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={disabled}
          data-testid="save-targets"
        >
          {t('settings.targets.save', { year })}
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled || (!form.hasPlan && targets.monthlyPlanKg === null)}
          onClick={() => void form.clearPlan()}
          data-testid="clear-plan"
        >
          {t('settings.plan.clear')}
        </button>
      </div>
    </form>
  );
}
