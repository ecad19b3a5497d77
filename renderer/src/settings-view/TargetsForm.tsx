import { useState, type FormEvent } from 'react';
import type { FieldIssue, YearTargets } from '../../../electron/core/api';
import { monthName, tonnes } from '../format';
import { failureText } from '../errors';
import { LOCALES, useLanguage, useT } from '../i18n';
import type { Language } from '../settings';
import { useLedger } from '../store';
import { normaliseTonnes, planSum, tonnesForInput, typedKg } from './tonnes-input';

const MONTHS = Array.from({ length: 12 }, (_, i) => i);
const EMPTY_PLAN: readonly string[] = MONTHS.map(() => '');

interface Issues {
  annual: string | null;
  plan: string | null;
  other: string | null;
}

const NO_ISSUES: Issues = { annual: null, plan: null, other: null };

function issuesOf(issues: FieldIssue[], message: string, text: (issue: FieldIssue) => string): Issues {
  const on = (field: string) => issues.filter((i) => i.field === field).map(text).join(' ') || null;
  const rest = issues.filter((i) => i.field !== 'annualTonnes' && i.field !== 'monthlyPlanTonnes');
  return {
    annual: on('annualTonnes'),
    plan: on('monthlyPlanTonnes'),
    other: issues.length === 0 ? message : rest.length > 0 ? rest.map(text).join(' ') : null,
  };
}

function capitalised(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(LOCALES[language]) + text.slice(1);
}

/** The form's key: it starts over from the ledger's figures whenever they (or the year) change. */
export function targetsKey(targets: YearTargets): string {
  return `${targets.year}|${targets.source}|${targets.annualKg}|${targets.monthlyPlanKg?.join(',') ?? 'by-days'}`;
}

export function TargetsForm({
  targets,
  byDaysKg,
  readOnly,
  onSaved,
}: {
  targets: YearTargets;
  /** The core's by-days split of the saved annual target, shown as a hint while there is no plan. */
  byDaysKg: number[] | null;
  readOnly: boolean;
  /** A line for the status area after a save; null clears it. */
  onSaved: (message: string | null) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const saveTargets = useLedger((s) => s.saveTargets);
  const { year } = targets;
  const [annual, setAnnual] = useState(() => tonnesForInput(targets.annualKg, language));
  const [plan, setPlan] = useState<readonly string[]>(() => (targets.monthlyPlanKg ? targets.monthlyPlanKg.map((kg) => tonnesForInput(kg, language)) : EMPTY_PLAN));
  const [issues, setIssues] = useState<Issues>(NO_ISSUES);
  const [busy, setBusy] = useState(false);

  const hasPlan = plan.some((figure) => figure.trim() !== '');
  const sum = planSum(plan);
  const annualKg = typedKg(annual);
  const month = (i: number) => {
    const name = monthName(language, `${year}-${String(i + 1).padStart(2, '0')}`, 'long');
    // A browser without the language's calendar data answers "M01"; the app's own names stand in.
    return /\d/.test(name) ? t(`settings.month.${i + 1}`) : capitalised(name, language);
  };

  const save = async (monthly: string[] | null, message: string) => {
    setBusy(true);
    setIssues(NO_ISSUES);
    onSaved(null);
    const result = await saveTargets(normaliseTonnes(annual), monthly);
    setBusy(false);
    if (result.ok) {
      if (monthly === null) setPlan(EMPTY_PLAN);
      onSaved(message);
    } else {
      setIssues(issuesOf(result.issues, failureText(t, language, result), (issue) => failureText(t, language, { code: 'invalid', message: issue.message, issues: [issue] })));
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(hasPlan ? plan.map(normaliseTonnes) : null, t('settings.targets.saved', { year }));
  };

  const sumText = () => {
    if (sum.counted === 0 && sum.unreadable.length === 0) return <span className="muted">{t('settings.plan.none')}</span>;
    const parts = [
      <span key="sum">
        {t('settings.plan.sum')} <strong className="numeric" data-testid="plan-sum">{tonnes(language, sum.kg)} {t('unit.t')}</strong>{' '}
        <span className="muted">{t('settings.plan.counted', { count: sum.counted })}</span>
      </span>,
    ];
    if (sum.counted === 12 && annualKg !== null) {
      const difference = sum.kg - annualKg;
      parts.push(
        difference === 0 ? (
          <span key="cmp" className="st-match">{t('settings.plan.matches')}</span>
        ) : (
          <span key="cmp" className="st-mismatch">
            {t(difference > 0 ? 'settings.plan.over' : 'settings.plan.under', { amount: `${tonnes(language, Math.abs(difference))} ${t('unit.t')}` })}
          </span>
        ),
      );
    }
    if (sum.unreadable.length > 0) {
      parts.push(
        <span key="unread" className="st-mismatch">
          {t('settings.plan.unreadable', { months: sum.unreadable.map(month).join(', ') })}
        </span>,
      );
    }
    return parts;
  };

  return (
    <form className="st-targets" onSubmit={submit} noValidate data-testid="targets-form">
      <fieldset className="rs-fieldset" disabled={readOnly || busy}>
        <legend>{t('settings.targets.annualLegend')}</legend>
        <div className="st-annual">
          <label htmlFor="st-annual">{t('settings.targets.annual')}</label>
          <div className="st-annual-input">
            <input
              id="st-annual"
              className="st-number"
              inputMode="decimal"
              autoComplete="off"
              value={annual}
              onChange={(event) => setAnnual(event.target.value)}
              aria-invalid={issues.annual ? true : undefined}
              aria-describedby={issues.annual ? 'st-annual-hint st-annual-error' : 'st-annual-hint'}
              data-testid="annual-target"
            />
            <span className="st-unit">{t('unit.t')}</span>
            {targets.source === 'default' ? (
              <span className="rs-pill" data-testid="targets-default">{t('settings.targets.default')}</span>
            ) : (
              <span className="rs-pill rs-pill-ok">{t('settings.targets.fromLedger')}</span>
            )}
          </div>
          <p id="st-annual-hint" className="muted rs-note">
            {targets.source === 'default' ? t('settings.targets.defaultHint') : t('settings.targets.annualHint')}
          </p>
          {issues.annual && (
            <p id="st-annual-error" className="field-error" role="alert">
              <strong>{t('settings.targets.refused')}</strong> {issues.annual}
            </p>
          )}
        </div>
      </fieldset>

      <fieldset className="rs-fieldset st-plan-fieldset" disabled={readOnly || busy} aria-describedby="st-plan-hint">
        <legend>{t('settings.plan.legend')}</legend>
        <p id="st-plan-hint" className="muted rs-note">{t('settings.plan.hint')}</p>
        <div className="st-plan-grid" role="group" aria-label={t('settings.plan.gridLabel', { year })}>
          {MONTHS.map((i) => (
            <div key={i} className="st-plan-row">
              <label htmlFor={`st-plan-${i}`} className="st-month">{month(i)}</label>
              <input
                id={`st-plan-${i}`}
                className="st-number"
                inputMode="decimal"
                autoComplete="off"
                value={plan[i] ?? ''}
                placeholder={!hasPlan && byDaysKg?.[i] !== undefined ? tonnesForInput(byDaysKg[i], language) : undefined}
                onChange={(event) => {
                  const value = event.target.value;
                  setPlan((current) => current.map((figure, m) => (m === i ? value : figure)));
                }}
                aria-invalid={issues.plan ? true : undefined}
                aria-describedby={issues.plan ? 'st-plan-error' : undefined}
                data-testid={`plan-${i + 1}`}
              />
              <span className="st-unit">{t('unit.t')}</span>
            </div>
          ))}
        </div>
        <div className="st-plan-sum" aria-live="polite">
          {sumText()}
        </div>
        {issues.plan && (
          <p id="st-plan-error" className="field-error st-plan-error" role="alert" data-testid="plan-error">
            <strong>{t('settings.targets.refused')}</strong> {issues.plan}
          </p>
        )}
      </fieldset>

      {issues.other && (
        <p className="rs-error" role="alert">
          <strong>{t('settings.targets.refused')}</strong> {issues.other}
        </p>
      )}
      {readOnly && <p className="muted rs-note">{t('settings.targets.readOnly')}</p>}

      <div className="st-form-actions">
        <button type="submit" className="button button-primary" disabled={readOnly || busy} data-testid="save-targets">
          {t('settings.targets.save', { year })}
        </button>
        <button
          type="button"
          className="button"
          disabled={readOnly || busy || (!hasPlan && targets.monthlyPlanKg === null)}
          onClick={() => void save(null, t('settings.plan.cleared', { year }))}
          data-testid="clear-plan"
        >
          {t('settings.plan.clear')}
        </button>
      </div>
    </form>
  );
}
