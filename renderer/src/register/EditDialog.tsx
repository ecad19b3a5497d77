/**
 * Amending a shipment: its fields as text, a required reason, and only the fields the person
 * changed sent to the core. The core's issues appear next to their fields; unusual values the
 * person may confirm turn Save into "Save anyway".
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import {
  SHIPMENT_STATUSES,
  type FieldIssue,
  type Shipment,
  type ShipmentInput,
} from '../../../electron/core/api';
import { Dialog } from '../components/Dialog';
import { failureText } from '../errors';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { issueText } from '../entry/messages';
import {
  changedFields,
  EDIT_KEYS,
  formAsInput,
  formFromShipment,
  isEditKey,
  type EditForm,
  type EditKey,
} from './editing';
import { shipmentName } from './RegisterTable';
import { fieldLabel, statusLabel } from './text';

/** Which fields take the full width of the form. */
const WIDE: ReadonlySet<EditKey> = new Set(['remarks']);
const NUMERIC: ReadonlySet<EditKey> = new Set(['netTonnes', 'outturnTonnes', 'barrels']);

export interface EditDialogProps {
  shipment: Shipment;
  vessels: readonly string[];
  grades: readonly string[];
  onClose(): void;
  onSaved(shipment: Shipment, warnings: FieldIssue[]): void;
}

export function EditDialog({ shipment, vessels, grades, onClose, onSaved }: EditDialogProps) {
  const t = useT();
  const language = useLanguage();
  const amend = useLedger((s) => s.amend);
  const id = useId();
  const formId = `${id}-form`;
  const [initial] = useState(() => formFromShipment(shipment));
  const [form, setForm] = useState<EditForm>(initial);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  /** The shipment as it was sent, for the specifics an issue's sentence quotes. */
  const [sent, setSent] = useState<ShipmentInput>({});
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const label = (field: string) => fieldLabel(t, field);
  const issuesFor = (key: string) => issues.filter((issue) => issue.field === key);
  const general = issues.filter((issue) => !isEditKey(issue.field));
  const errorId = (key: string) => `${id}-${key}-issue`;

  function focusField(key: string) {
    // After React has shown the issue, so the reader announces it with the field.
    window.setTimeout(() => formRef.current?.querySelector<HTMLElement>(`[name="${key}"]`)?.focus(), 0);
  }

  function update(key: EditKey, value: string) {
    setForm((current) => ({ ...current, [key]: value }));
    setIssues((current) => current.filter((issue) => issue.field !== key && issue.field !== ''));
    setConfirming(false);
    setNotice(null);
  }

  async function save(force: boolean) {
    const changes = changedFields(initial, form);
    const nothing = Object.keys(changes).length === 0;
    const noReason = reason.trim() === '';
    setNotice(nothing ? t('register.edit.noChange') : null);
    setReasonMissing(noReason);
    if (nothing) return;
    if (noReason) {
      focusField('reason');
      return;
    }
    setBusy(true);
    setSent(formAsInput(form));
    const outcome = await amend(shipment.id, changes, reason.trim(), force);
    setBusy(false);
    switch (outcome.status) {
      case 'saved':
        onSaved(outcome.shipment, outcome.warnings);
        return;
      case 'confirm':
        setIssues(outcome.issues);
        setConfirming(true);
        return;
      case 'invalid': {
        setIssues(outcome.issues);
        setConfirming(false);
        const firstField = outcome.issues.find(
          (issue) => !issue.overridable && isEditKey(issue.field),
        )?.field;
        if (firstField) focusField(firstField);
        return;
      }
      case 'failed':
        setNotice(failureText(t, language, outcome));
        return;
    }
  }

  function fieldIssues(key: string): ReactNode {
    const list = issuesFor(key);
    if (list.length === 0) return null;
    return (
      <span id={errorId(key)} className="register-issues">
        {list.map((issue) => (
          <span key={issue.code} className={issue.overridable ? 'field-warning' : 'field-error'}>
            {issueText(language, issue, sent)}
          </span>
        ))}
      </span>
    );
  }

  function control(key: EditKey) {
    const list = issuesFor(key);
    const common = {
      id: `${id}-${key}`,
      name: key,
      value: form[key],
      'aria-invalid': list.some((issue) => !issue.overridable) ? true : undefined,
      'aria-describedby': list.length > 0 ? errorId(key) : undefined,
      'data-testid': `edit-${key}`,
    };
    if (key === 'status') {
      return (
        <select {...common} onChange={(event) => update(key, event.target.value)}>
          {SHIPMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(t, status)}
            </option>
          ))}
        </select>
      );
    }
    if (key === 'remarks')
      return <textarea {...common} rows={2} onChange={(event) => update(key, event.target.value)} />;
    const list2 = key === 'vessel' ? `${id}-vessels` : key === 'grade' ? `${id}-grades` : undefined;
    return (
      <input
        {...common}
        type="text"
        list={list2}
        autoComplete="off"
        spellCheck={false}
        inputMode={NUMERIC.has(key) ? 'decimal' : undefined}
        placeholder={key === 'blDate' ? t('register.edit.datePlaceholder') : undefined}
        className={NUMERIC.has(key) ? 'numeric-input' : undefined}
        onChange={(event) => update(key, event.target.value)}
      />
    );
  }

  return (
    <Dialog
      title={t('register.edit.title', { name: shipmentName(shipment) })}
      open
      onClose={onClose}
      testId="register-edit-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {confirming ? (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void save(true)}
              data-testid="edit-save-anyway"
            >
              {t('register.edit.saveAnyway')}
            </button>
          ) : (
            <button
              type="submit"
              form={formId}
              className="button button-primary"
              disabled={busy}
              data-testid="edit-save"
            >
              {t('register.edit.save')}
            </button>
          )}
        </>
      }
    >
      <form
        id={formId}
        ref={formRef}
        className="register-edit"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <p className="muted register-edit-intro">{t('register.edit.intro')}</p>
        <div className="register-edit-grid">
          {EDIT_KEYS.map((key) => (
            <div key={key} className={`register-edit-field${WIDE.has(key) ? ' is-wide' : ''}`}>
              <label htmlFor={`${id}-${key}`}>
                {label(key)}
                {(key === 'blDate' || key === 'vessel' || key === 'netTonnes') && (
                  <span className="register-required" aria-hidden="true">
                    {' '}
                    *
                  </span>
                )}
              </label>
              {control(key)}
              {fieldIssues(key)}
            </div>
          ))}
          <div className="register-edit-field is-wide register-reason">
            <label htmlFor={`${id}-reason`}>
              {t('register.edit.reason')}
              <span className="register-required" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              rows={2}
              required
              value={reason}
              placeholder={t('register.edit.reasonPlaceholder')}
              aria-invalid={reasonMissing ? true : undefined}
              aria-describedby={reasonMissing ? `${id}-reason-issue` : undefined}
              data-testid="edit-reason"
              onChange={(event) => {
                setReason(event.target.value);
                if (event.target.value.trim() !== '') setReasonMissing(false);
              }}
            />
            {reasonMissing && (
              <span id={`${id}-reason-issue`} className="register-issues">
                <span className="field-error">{t('register.edit.reasonRequired')}</span>
              </span>
            )}
          </div>
        </div>
        {confirming && (
          <p className="register-confirm" role="alert">
            {t('register.edit.confirm')}
          </p>
        )}
        {(notice || general.length > 0) && (
          <div className="register-form-alert" role="alert" data-testid="edit-alert">
            {notice && <p>{notice}</p>}
            {general.map((issue) => (
              <p key={issue.code}>{issueText(language, issue, sent)}</p>
            ))}
          </div>
        )}
        <datalist id={`${id}-vessels`}>
          {vessels.map((vessel) => (
            <option key={vessel} value={vessel} />
          ))}
        </datalist>
        <datalist id={`${id}-grades`}>
          {grades.map((grade) => (
            <option key={grade} value={grade} />
          ))}
        </datalist>
      </form>
    </Dialog>
  );
}
