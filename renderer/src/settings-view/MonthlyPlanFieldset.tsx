/**
 * The optional monthly plan: twelve figures (the core's by-days split shown greyed while there is
 * none), their running sum, and the core's refusal of the plan, tied to its inputs for screen readers.
 */
import { QuantityChoices } from '../components/QuantityChoices';
import { quantityInput } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { PlanSumLine } from './PlanSumLine';
import { MONTHS } from './planMonths';
import type { TargetsFormState } from './useTargetsForm';

interface MonthlyPlanFieldsetProps {
  form: TargetsFormState;
  year: number;
  /** The core's by-days split of the saved annual target, shown as a hint while there is no plan. */
  byDaysKg: number[] | null;
  monthName(i: number): string;
  disabled: boolean;
  t: Translate;
  language: Language;
}

export function MonthlyPlanFieldset({
  form,
  year,
  byDaysKg,
  monthName,
  disabled,
  t,
  language,
}: MonthlyPlanFieldsetProps) {
  const error = form.issues.plan;
  const hint = (i: number) =>
    !form.hasPlan && byDaysKg?.[i] !== undefined ? quantityInput(language, byDaysKg[i]) : undefined;
  return (
    <fieldset className="rs-fieldset st-plan-fieldset" disabled={disabled} aria-describedby="st-plan-hint">
      <legend>{t('settings.plan.legend')}</legend>
      <p id="st-plan-hint" className="muted rs-note">
        {t('settings.plan.hint')}
      </p>
      <div className="st-plan-grid" role="group" aria-label={t('settings.plan.gridLabel', { year })}>
        {MONTHS.map((i) => (
          <div key={i} className="st-plan-row">
            <label htmlFor={`st-plan-${i}`} className="st-month">
              {monthName(i)}
            </label>
            <input
              id={`st-plan-${i}`}
              className="st-number"
              inputMode="decimal"
              autoComplete="off"
              value={form.plan[i] ?? ''}
              placeholder={hint(i)}
              onChange={(event) => form.setMonth(i, event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'st-plan-error' : undefined}
              data-testid={`plan-${i + 1}`}
            />
            <span className="st-unit">{t('unit.t')}</span>
          </div>
        ))}
      </div>
      <div className="st-plan-sum" aria-live="polite">
        <PlanSumLine
          sum={form.sum}
          annualKg={form.annualKg}
          monthName={monthName}
          t={t}
          language={language}
        />
      </div>
      {error && (
        <p id="st-plan-error" className="field-error st-plan-error" role="alert" data-testid="plan-error">
          <strong>{t('settings.targets.refused')}</strong> {error}
        </p>
      )}
      {form.issues.ambiguous.map((issue) => {
        const month = issue.facts?.month;
        if (issue.field !== 'monthlyPlanTonnes' || typeof month !== 'number') return null;
        const choose = (text: string) => form.choose(issue, text);
        return <QuantityChoices key={month} issue={issue} label={monthName(month - 1)} onChoose={choose} />;
      })}
    </fieldset>
  );
}
