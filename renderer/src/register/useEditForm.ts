/**
 * The edit dialog's own part of the shared form: the fields start from the shipment as the
 * language writes it, only what the person changed goes to the core, a reason is asked for, and
 * nothing goes to the core while nothing has changed or no reason is given.
 */
import { useRef, useState } from 'react';
import type { FieldIssue, Shipment } from '../../../electron/core/api';
import { changedInput, valuesFromShipment, type FormValues } from '../entry/form-values';
import { useShipmentForm } from '../entry/useShipmentForm';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';

export function useEditForm(shipment: Shipment, onSaved: (saved: Shipment, warnings: FieldIssue[]) => void) {
  const t = useT();
  const language = useLanguage();
  const checkAmend = useLedger((s) => s.checkAmend);
  const amend = useLedger((s) => s.amend);
  const [initial] = useState(() => valuesFromShipment(shipment, language));
  const [reason, setReasonText] = useState('');
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
      if (Object.keys(changed).length === 0) return { status: 'ok', warnings: [] };
      return checkAmend(shipment.id, changed);
    },
    save: (values, force) => amend(shipment.id, changes(values), reason.trim(), force),
    onSaved: (outcome) => {
      onSaved(outcome.shipment, outcome.warnings);
      return null;
    },
    beforeSubmit: ready,
    detailsOpen: true,
  });

  function setReason(text: string) {
    setReasonText(text);
    if (text.trim() !== '') setReasonMissing(false);
  }

  return { form, attachForm, reason, setReason, reasonMissing, reasonRef, notice };
}
