/**
 * Voiding a shipment: nothing is deleted; the ledger records who voided it, when and why, so the
 * reason is required before the button does anything. Ctrl+Enter voids from the reason, as it saves
 * in the entry form (Enter there is a new line).
 */
import { useId, useRef, useState } from 'react';
import type { Shipment } from '../../../electron/core/api';
import { Dialog, submitOnCtrlEnter } from '../components/Dialog';
import { calendarDate, tonnes } from '../format';
import { failureText } from '../errors';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { shipmentName } from './text';

export interface VoidDialogProps {
  shipment: Shipment;
  onClose(): void;
  onVoided(shipment: Shipment): void;
}

export function VoidDialog({ shipment, onClose, onVoided }: VoidDialogProps) {
  const t = useT();
  const language = useLanguage();
  const voidShipment = useLedger((s) => s.voidShipment);
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  async function confirm() {
    if (busy) return;
    if (reason.trim() === '') {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await voidShipment(shipment.id, reason.trim());
    setBusy(false);
    if (result.ok) onVoided(shipment);
    else setFailure(failureText(t, language, result));
  }

  return (
    <Dialog
      title={t('register.void.title', { name: shipmentName(shipment, language) })}
      open
      onClose={onClose}
      onKeyDown={submitOnCtrlEnter}
      testId="register-void-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button button-danger-solid"
            disabled={busy}
            aria-keyshortcuts="Control+Enter"
            data-testid="void-confirm"
          >
            {t('register.void.confirm')}
            <kbd className="button-kbd" aria-hidden="true">
              Ctrl+Enter
            </kbd>
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="register-void"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <dl className="register-summary">
          <div>
            <dt>{t('register.field.blDate')}</dt>
            <dd>{calendarDate(language, shipment.blDate)}</dd>
          </div>
          <div>
            <dt>{t('register.field.vessel')}</dt>
            <dd>{shipment.vessel}</dd>
          </div>
          <div>
            <dt>{t('register.field.netTonnes')}</dt>
            <dd className="register-tonnes">
              {tonnes(language, shipment.netKg)} {t('unit.t')}
            </dd>
          </div>
        </dl>
        <p className="register-void-explain">{t('register.void.explain')}</p>
        <label htmlFor={`${id}-reason`} className="register-block-label">
          {t('register.void.reason')}
          <span className="register-required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <textarea
          ref={reasonRef}
          id={`${id}-reason`}
          name="reason"
          rows={3}
          required
          value={reason}
          placeholder={t('register.void.reasonPlaceholder')}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? `${id}-reason-issue` : undefined}
          data-testid="void-reason"
          onChange={(event) => {
            setReason(event.target.value);
            if (event.target.value.trim() !== '') setMissing(false);
            setFailure(null);
          }}
        />
        {missing && (
          <span id={`${id}-reason-issue`} className="field-error register-issues">
            {t('register.void.reasonRequired')}
          </span>
        )}
        {failure && (
          <p className="register-form-alert" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Dialog>
  );
}
