/**
 * Settings' baseline: the year every year is compared with, its total and, optionally, its twelve
 * monthly figures (which must add up to the total), so its pace follows its real shape. Empty months
 * leave the pace pro rata to the days. The core decides on save; the sum line is guidance as one types.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Baseline } from '../../../electron/core/api';
import { quantityInput, tonnes } from '../format';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { baselineRefusal } from './baselineIssues';
import { EMPTY_PLAN, MONTHS, planMonthName, planSum, typedKg } from './planMonths';

/** The form starts over from the ledger's baseline whenever it changes. */
function baselineKey(baseline: Baseline): string {
  return `${baseline.year}|${baseline.kg}|${baseline.monthlyKg?.join(',') ?? 'pro-rata'}|${baseline.source}`;
}

export function BaselinePanel() {
  const t = useT();
  const api = useLedger((s) => s.api);
  const info = useLedger((s) => s.info);
  const [baseline, setBaseline] = useState<Baseline | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (!api) return;
    let current = true;
    void api.getBaseline().then(
      (answer) => current && answer && setBaseline(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, info]);
  return (
    <section className="card rs-card" aria-labelledby="st-baseline-title" data-testid="baseline-panel">
      <h2 id="st-baseline-title" className="rs-card-title">
        {t('settings.baseline.title')}
      </h2>
      <p className="muted rs-lead">{t('settings.baseline.intro')}</p>
      {baseline ? (
        <BaselineForm
          key={baselineKey(baseline)}
          baseline={baseline}
          readOnly={info?.readOnly ?? false}
          onSaved={(next) => {
            setBaseline(next);
            setSaved(t('settings.baseline.saved', { year: next.year }));
          }}
        />
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      <div role="status" aria-live="polite" className="rs-status-line" data-testid="baseline-status">
        {saved && <span className="rs-ok">{saved}</span>}
      </div>
    </section>
  );
}

interface FormProps {
  baseline: Baseline;
  readOnly: boolean;
  onSaved(baseline: Baseline): void;
}

function BaselineForm({ baseline, readOnly, onSaved }: FormProps) {
  const t = useT();
  const language = useLanguage();
  const saveBaseline = useLedger((s) => s.saveBaseline);
  const [year, setYear] = useState(String(baseline.year));
  const [total, setTotal] = useState(quantityInput(language, baseline.kg));
  const [months, setMonths] = useState<string[]>(
    baseline.monthlyKg?.map((kg) => quantityInput(language, kg)) ?? [...EMPTY_PLAN],
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sum = planSum(months);
  const totalKg = typedKg(total);
  const shownYear = Number(year) || baseline.year;
  const amount = (kg: number) => `${tonnes(language, kg)} ${t('unit.t')}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const none = months.every((text) => text.trim() === '');
    const outcome = await saveBaseline(year, total, none ? null : months);
    setBusy(false);
    if (outcome.ok) onSaved(outcome.baseline);
    else setError(baselineRefusal(t, language, outcome));
  };
  const disabled = readOnly || busy;
  const difference = totalKg === null ? null : sum.kg - totalKg;
  return (
    <form
      className="st-targets"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="baseline-form"
    >
      <fieldset className="rs-fieldset st-baseline-head" disabled={disabled}>
        <label htmlFor="st-baseline-year">{t('settings.baseline.year')}</label>
        <input
          id="st-baseline-year"
          className="st-number st-baseline-year"
          inputMode="numeric"
          autoComplete="off"
          value={year}
          onChange={(event) => setYear(event.target.value)}
          data-testid="baseline-year"
        />
        <label htmlFor="st-baseline-tonnes">{t('settings.baseline.tonnes')}</label>
        <input
          id="st-baseline-tonnes"
          className="st-number"
          inputMode="decimal"
          autoComplete="off"
          value={total}
          onChange={(event) => setTotal(event.target.value)}
          data-testid="baseline-tonnes"
        />
      </fieldset>
      <fieldset className="rs-fieldset st-plan-fieldset" disabled={disabled}>
        <legend>{t('settings.baseline.monthsLegend')}</legend>
        <div
          className="st-plan-grid"
          role="group"
          aria-label={t('settings.baseline.monthsLabel', { year: shownYear })}
        >
          {MONTHS.map((i) => (
            <div key={i} className="st-plan-row">
              <label htmlFor={`st-baseline-${i}`} className="st-month">
                {planMonthName(t, language, shownYear, i)}
                {/* Named apart from the targets' plan on the same page: "January, Baseline year". */}
                <span className="visually-hidden">, {t('settings.baseline.title')}</span>
              </label>
              <input
                id={`st-baseline-${i}`}
                className="st-number"
                inputMode="decimal"
                autoComplete="off"
                value={months[i] ?? ''}
                onChange={(event) =>
                  setMonths(months.map((text, m) => (m === i ? event.target.value : text)))
                }
                data-testid={`baseline-month-${i + 1}`}
              />
              <span className="st-unit">{t('unit.t')}</span>
            </div>
          ))}
        </div>
        <p className="st-plan-sum" aria-live="polite" data-testid="baseline-sum">
          {sum.counted === 0 ? (
            <span className="muted">{t('settings.baseline.none')}</span>
          ) : (
            <>
              {t('settings.baseline.sum')} <strong className="numeric">{amount(sum.kg)}</strong>{' '}
              <span className="muted">{t('settings.plan.counted', { count: sum.counted })}</span>{' '}
              {sum.counted === 12 && difference !== null && (
                <span className={difference === 0 ? 'st-match' : 'st-mismatch'}>
                  {difference === 0
                    ? t('settings.baseline.matches')
                    : t(difference > 0 ? 'settings.baseline.over' : 'settings.baseline.under', {
                        amount: amount(Math.abs(difference)),
                      })}
                </span>
              )}
            </>
          )}
        </p>
      </fieldset>
      {error && (
        <p className="rs-error" role="alert" data-testid="baseline-error">
          <strong>{t('settings.targets.refused')}</strong> {error}
        </p>
      )}
      <div className="st-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={disabled}
          data-testid="save-baseline"
        >
          {t('settings.baseline.save')}
        </button>
      </div>
    </form>
  );
}
