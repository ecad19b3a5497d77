/**
 * A nomination added from the keyboard: tanker, laycan's first and last day (as clerks write them,
 * or ISO), planned tonnes; Enter nominates, and the focus goes back to the tanker for the next one.
 * The core reads and judges every field: each refusal is shown beside its field; an unknown tanker
 * offers the fleet's closest names and "Nominate as typed"; an ambiguous figure offers both readings.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../../electron/core/api';
import { activeNames, SUGGESTION_SEPARATOR, type FleetVessel } from '../../../electron/core/fleet';
import { QuantityChoices } from '../components/QuantityChoices';
import { failureText, type Failure } from '../errors';
import { calendarDate, typedDate } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { onlyQuestions, ProgrammeQuestion } from './ProgrammeQuestion';
import { issueText } from './text';
import type { ProgrammeWrites } from './useProgramme';

type Field = 'vessel' | 'laycanFrom' | 'laycanTo' | 'plannedTonnes';
const EMPTY: Record<Field, string> = { vessel: '', laycanFrom: '', laycanTo: '', plannedTonnes: '' };

interface Props {
  month: string;
  fleet: readonly FleetVessel[];
  writes: ProgrammeWrites;
  disabled: boolean;
  language: Language;
  t: Translate;
}

export function NominationForm({ month, fleet, writes, disabled, language, t }: Props) {
  const [values, setValues] = useState(EMPTY);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const [questions, setQuestions] = useState<FieldIssue[] | null>(null);
  const vesselInput = useRef<HTMLInputElement>(null);
  const example = calendarDate(language, `${month}-05`);
  const set = (field: Field, text: string) => {
    setValues((v) => ({ ...v, [field]: text }));
    setSaved(false);
  };

  const leaveDay = (field: 'laycanFrom' | 'laycanTo') => {
    const shown = typedDate(language, values[field]);
    if (shown !== values[field]) set(field, shown);
  };

  const save = async (force: boolean) => {
    setQuestions(null);
    const outcome = await writes.nominate(
      {
        month,
        vessel: values.vessel,
        laycanFrom: values.laycanFrom,
        laycanTo: values.laycanTo,
        tonnes: values.plannedTonnes,
      },
      force,
    );
    if (outcome.ok) {
      setValues(EMPTY);
      setIssues([]);
      setFailure(null);
      setSaved(true);
      vesselInput.current?.focus();
    } else if (
      !force &&
      onlyQuestions(outcome.failure.issues) &&
      !issueOf('vessel', outcome.failure.issues)
    ) {
      // Planned tonnes beyond the tanker: asked in the dialog, nominated once confirmed.
      setIssues([]);
      setQuestions(outcome.failure.issues);
    } else {
      setIssues(outcome.failure.issues);
      setFailure(outcome.failure.issues.length > 0 ? null : outcome.failure);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const issueOf = (field: string, among: readonly FieldIssue[] = issues) =>
    among.find((i) => i.field === field);
  const input = (field: Field, label: string, placeholder: string, list?: string) => {
    const issue = issueOf(field);
    return (
      <label className={`pg-field pg-field-${field}`}>
        <span>{label}</span>
        <input
          ref={field === 'vessel' ? vesselInput : undefined}
          value={values[field]}
          onChange={(event) => set(field, event.target.value)}
          // A laycan's day left in its field is shown as the page writes dates (2024-08-05 → 05.08.2024).
          onBlur={field === 'vessel' || field === 'plannedTonnes' ? undefined : () => leaveDay(field)}
          placeholder={placeholder}
          autoComplete="off"
          list={list}
          disabled={disabled}
          aria-invalid={issue ? true : undefined}
          aria-describedby={issue ? `pg-${field}-issue` : undefined}
          data-testid={`nomination-${field}`}
        />
      </label>
    );
  };
  const vesselIssue = issueOf('vessel');
  const suggestions =
    vesselIssue?.code === 'vessel.unknown' && typeof vesselIssue.facts?.suggestions === 'string'
      ? vesselIssue.facts.suggestions.split(SUGGESTION_SEPARATOR)
      : [];
  const tonnesIssue = issueOf('plannedTonnes');

  return (
    <section className="card pg-form-card" aria-labelledby="pg-form-heading">
      <form className="pg-form" onSubmit={submit} noValidate data-testid="nomination-form">
        <h2 id="pg-form-heading" className="dash-card-title">
          {t('programme.form.title')}
        </h2>
        {input('vessel', t('programme.form.vessel'), 'Astana', 'pg-fleet')}
        <datalist id="pg-fleet">
          {activeNames(fleet).map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {input('laycanFrom', t('programme.form.laycanFrom'), example)}
        {input('laycanTo', t('programme.form.laycanTo'), example)}
        {input('plannedTonnes', t('programme.form.tonnes'), '9 000')}
        <button
          type="submit"
          className="button button-primary"
          disabled={disabled || writes.busy}
          data-testid="nomination-save"
        >
          {t('programme.form.save')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {saved && <p className="rs-ok">{t('programme.form.saved')}</p>}
      </div>
      {issues.map((issue) => (
        <p
          key={`${issue.field}-${issue.code}`}
          id={`pg-${issue.field}-issue`}
          className="field-error"
          role="alert"
        >
          {issueText(t, language, issue)}
        </p>
      ))}
      {vesselIssue?.overridable && (
        <div className="pg-choices" role="group" aria-label={t('programme.form.vessel')}>
          {suggestions.map((name) => (
            <button key={name} type="button" className="button" onClick={() => set('vessel', name)}>
              {name}
            </button>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => void save(true)}
            data-testid="nomination-force"
          >
            {t('programme.form.asTyped')}
          </button>
        </div>
      )}
      {tonnesIssue && (
        <QuantityChoices
          issue={tonnesIssue}
          label={t('programme.form.tonnes')}
          onChoose={(text) => set('plannedTonnes', text)}
        />
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failureText(t, language, failure)}
        </p>
      )}
      <ProgrammeQuestion
        questions={questions}
        onBack={() => setQuestions(null)}
        onConfirm={() => void save(true)}
        language={language}
        t={t}
        testId="nomination-question"
      />
    </section>
  );
}
