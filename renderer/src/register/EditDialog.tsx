/**
 * Amending a shipment: the entry form's own fieldset and form hook (entry/), so the fields, their
 * order, the keys and the questions are the same as when it was recorded; the fields start from
 * the shipment, a reason is asked for, and only the fields the person changed go to the core.
 */
import { useId, type RefObject } from 'react';
import type { FieldIssue, Shipment } from '../../../electron/core/api';
import { Dialog, submitOnCtrlEnter } from '../components/Dialog';
import { issueText } from '../entry/messages';
import { QuestionDialog } from '../entry/QuestionDialog';
import { ShipmentFieldset } from '../entry/ShipmentFieldset';
import { failureText } from '../errors';
import { useLanguage, useT } from '../i18n';
import { shipmentName } from './text';
import { useEditForm } from './useEditForm';

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
  const id = useId();
  const formId = `${id}-form`;
  const { form, attachForm, reason, setReason, reasonMissing, reasonRef, notice } = useEditForm(
    shipment,
    onSaved,
  );
  const alerts = [
    ...(notice ? [notice] : []),
    ...(form.failure ? [failureText(t, language, form.failure)] : []),
    ...form.formIssues.map((issue) => issueText(language, issue, form.values)),
  ];
  const footer = (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button
        type="submit"
        form={formId}
        className="button button-primary"
        disabled={form.busy}
        aria-keyshortcuts="Control+Enter"
        data-testid="edit-save"
      >
        {t('register.edit.save')}
        <kbd className="button-kbd" aria-hidden="true">
          Ctrl+Enter
        </kbd>
      </button>
    </>
  );
  return (
    <Dialog
      title={t('register.edit.title', { name: shipmentName(shipment, language) })}
      open
      onClose={onClose}
      onKeyDown={submitOnCtrlEnter}
      testId="register-edit-dialog"
      footer={footer}
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
        <ReasonField
          id={`${id}-reason`}
          value={reason}
          onChange={setReason}
          missing={reasonMissing}
          ref={reasonRef}
        />
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

interface ReasonFieldProps {
  id: string;
  value: string;
  onChange(text: string): void;
  missing: boolean;
  ref: RefObject<HTMLTextAreaElement | null>;
}

/** Why the shipment is changed: required, kept in its history. Enter is a new line; Ctrl+Enter saves. */
function ReasonField({ id, value, onChange, missing, ref }: ReasonFieldProps) {
  const t = useT();
  return (
    <div className="entry-field entry-field-wide register-reason">
      <label htmlFor={id} className="entry-label">
        {t('register.edit.reason')}
        <span className="entry-required" aria-hidden="true">
          {' '}
          *
        </span>
      </label>
      <textarea
        ref={ref}
        id={id}
        name="reason"
        rows={2}
        required
        value={value}
        placeholder={t('register.edit.reasonPlaceholder')}
        aria-invalid={missing ? true : undefined}
        aria-describedby={missing ? `${id}-issue` : undefined}
        data-testid="edit-reason"
        onChange={(event) => onChange(event.target.value)}
      />
      {missing && (
        <p id={`${id}-issue`} className="field-error entry-message">
          {t('register.edit.reasonRequired')}
        </p>
      )}
    </div>
  );
}
