/**
 * One tanker of the fleet typed in: name, IMO number, deadweight and other spellings. Enter saves,
 * Escape cancels; the core reads the text and refuses what is wrong beside its field (an ambiguous
 * deadweight offers its two readings). The name has the focus when the form opens.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import type { FieldIssue } from '../../../electron/core/api';
import { QuantityChoices } from '../components/QuantityChoices';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { draftFieldOf, inputOf, vesselIssueText, type DraftField, type VesselDraft } from './vesselDraft';

interface VesselFormProps {
  initial: VesselDraft;
  onDone(saved: string | null): void;
}

interface FieldRow {
  key: DraftField;
  label: string;
  hint?: string;
  numeric?: boolean;
}

const FIELDS: readonly FieldRow[] = [
  { key: 'name', label: 'settings.fleet.name' },
  { key: 'imo', label: 'settings.fleet.imo', hint: 'settings.fleet.imoHint', numeric: true },
  {
    key: 'deadweight',
    label: 'settings.fleet.deadweight',
    hint: 'settings.fleet.deadweightHint',
    numeric: true,
  },
  { key: 'aliases', label: 'settings.fleet.aliases', hint: 'settings.fleet.aliasesHint' },
];

export function VesselForm({ initial, onDone }: VesselFormProps) {
  const t = useT();
  const language = useLanguage();
  const saveVessel = useLedger((s) => s.saveVessel);
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const name = useRef<HTMLInputElement>(null);

  useEffect(() => name.current?.focus(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await saveVessel(inputOf(draft));
    setBusy(false);
    if (outcome.ok) return onDone(draft.name.trim());
    const refused: FieldIssue[] =
      outcome.issues.length > 0
        ? outcome.issues
        : [{ field: '', code: outcome.code, message: outcome.message }];
    setIssues(refused);
    const first = refused.map(draftFieldOf).find((key) => key !== null);
    document.getElementById(`st-vessel-${first ?? 'name'}`)?.focus();
  };

  const cancelOnEscape = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onDone(null);
  };

  const set = (key: DraftField, text: string) => {
    setDraft((was) => ({ ...was, [key]: text }));
    setIssues((was) => was.filter((issue) => draftFieldOf(issue) !== key));
  };
  const general = issues.filter((issue) => draftFieldOf(issue) === null);
  const title =
    initial.id === null
      ? t('settings.fleet.addTitle')
      : t('settings.fleet.editTitle', { name: initial.name });

  return (
    <form
      className="st-vessel-form"
      onSubmit={submit}
      onKeyDown={cancelOnEscape}
      noValidate
      data-testid="vessel-form"
    >
      <fieldset className="rs-fieldset" disabled={busy}>
        <legend>{title}</legend>
        <div className="st-vessel-grid">
          {FIELDS.map((field) => (
            <VesselField
              key={field.key}
              field={field}
              value={draft[field.key]}
              issues={issues.filter((issue) => draftFieldOf(issue) === field.key)}
              onChange={(text) => set(field.key, text)}
              inputRef={field.key === 'name' ? name : undefined}
            />
          ))}
        </div>
        {general.length > 0 && (
          <p className="rs-error" role="alert">
            <strong>{t('settings.fleet.refused')}</strong>{' '}
            {general.map((issue) => vesselIssueText(language, issue)).join(' ')}
          </p>
        )}
        <div className="st-form-actions">
          <button type="submit" className="button button-primary" data-testid="save-vessel">
            {t('settings.fleet.save')}
          </button>
          <button type="button" className="button" onClick={() => onDone(null)}>
            {t('settings.fleet.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

interface VesselFieldProps {
  field: FieldRow;
  value: string;
  issues: readonly FieldIssue[];
  onChange(text: string): void;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** One field of the form: label, input, hint, the core's refusal and, for an ambiguous figure, its readings. */
function VesselField({ field, value, issues, onChange, inputRef }: VesselFieldProps) {
  const t = useT();
  const language = useLanguage();
  const { key, label, hint, numeric } = field;
  const id = `st-vessel-${key}`;
  const describedBy = [hint && `${id}-hint`, issues.length > 0 && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={`st-vessel-field st-vessel-${key}`}>
      <label htmlFor={id}>{t(label)}</label>
      <input
        id={id}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        inputMode={numeric ? 'decimal' : undefined}
        required={key === 'name'}
        aria-invalid={issues.length > 0 ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={id}
      />
      {hint && (
        <p id={`${id}-hint`} className="muted rs-note">
          {t(hint)}
        </p>
      )}
      {issues.length > 0 && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {issues.map((issue) => vesselIssueText(language, issue)).join(' ')}
        </p>
      )}
      {issues.map((issue) => (
        <QuantityChoices
          key={issue.code}
          issue={issue}
          onChoose={(text) => {
            onChange(text);
            document.getElementById(id)?.focus();
          }}
        />
      ))}
    </div>
  );
}
