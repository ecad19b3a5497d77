/**
 * Amending a shipment: the entry form's own fieldset and form hook (entry/), so the fields, their
 * order, the keys and the questions are the same as when it was recorded; the fields start from
 * the shipment, a reason is asked for, and only the fields the person changed go to the core.
 */
import { useId, useRef, useState } from 'react';
import type { FieldIssue, Shipment } from '../../../electron/core/api';
import { Dialog } from '../components/Dialog';
import { changedInput, valuesFromShipment, type FormValues } from '../entry/form-values';
import { issueText } from '../entry/messages';
import { QuestionDialog } from '../entry/QuestionDialog';
import { ShipmentFieldset } from '../entry/ShipmentFieldset';
import { useShipmentForm } from '../entry/useShipmentForm';
import { failureText } from '../errors';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { shipmentName } from './RegisterTable';

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
  const checkAmend = useLedger((s) => s.checkAmend);
  const amend = useLedger((s) => s.amend);
  const id = useId();
  const formId = `${id}-form`;
  const [initial] = useState(() => valuesFromShipment(shipment, language));
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const changes = (values: FormValues) => changedInput(initial, values);

  /** Nothing changed, or no reason given: said here, and nothing goes to the core. */
  function ready(values: FormValues): boolean {
    const nothing = Object.keys(changes(values)).length === 0;
    const noReason = reason.trim() === '';
    setNotice(nothing ? t('register.edit.noChange') : null);
    setReasonMissing(noReason);
    if (!nothing && noReason) reasonRef.current?.focus();
    return !nothing && !noReason;
  }

  const { attachForm, ...form } = useShipmentForm({
    initial: () => initial,
    check: async (values) => {
      const changed = changes(values);
      return Object.keys(changed).length === 0
        ? { status: 'ok', warnings: [] }
        : checkAmend(shipment.id, changed);
    },
    save: (values, force) => amend(shipment.id, changes(values), reason.trim(), force),
    onSaved: (outcome) => {
      onSaved(outcome.shipment, outcome.warnings);
      return null;
    },
    beforeSubmit: ready,
    detailsOpen: true,
  });

  const alerts = [
    ...(notice ? [notice] : []),
    ...(form.failure ? [failureText(t, language, form.failure)] : []),
    ...form.formIssues.map((issue) => issueText(language, issue, form.values)),
  ];
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
          <button
            type="submit"
            form={formId}
            className="button button-primary"
            disabled={form.busy}
            data-testid="edit-save"
          >
            {t('register.edit.save')}
          </button>
        </>
      }
    >
      <form
        id={formId}
        ref={attachForm}
        className="register-edit"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
        onKeyDown={form.onKeyDown}
      >
        <p className="muted register-edit-intro">{t('register.edit.intro')}</p>
        <ShipmentFieldset
          form={form}
          idPrefix={id}
          suggestions={{ vessel: vessels, grade: grades }}
          testIdPrefix="edit"
        />
        <div className="entry-field entry-field-wide register-reason">
          <label htmlFor={`${id}-reason`} className="entry-label">
            {t('register.edit.reason')}
            <span className="entry-required" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <textarea
            ref={reasonRef}
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
            <p id={`${id}-reason-issue`} className="field-error entry-message">
              {t('register.edit.reasonRequired')}
            </p>
          )}
        </div>
        {alerts.length > 0 && (
          <div className="register-form-alert" role="alert" data-testid="edit-alert">
            {alerts.map((text, index) => (
              <p key={index}>{text}</p>
            ))}
          </div>
        )}
      </form>
      <QuestionDialog form={form} testId="edit-confirm" />
    </Dialog>
  );
}
