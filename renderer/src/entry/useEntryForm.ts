/**
 * The entry form's own part of the shared form: what a fresh form starts with (today at Aktau and
 * what the last entry carried), what a save leaves behind (the carried values remembered, the
 * saved cargo announced until the next one is begun), and Undo, which voids that cargo and brings
 * its figures back.
 */
import { useState } from 'react';
import type { FieldIssue } from '../../../electron/core/api';
import { todayAtLoadPort } from '../../../electron/core/calendar';
import { useLanguage } from '../i18n';
import { useSettings } from '../settings';
import { useLedger } from '../store';
import {
  carriedDefaults,
  entryInput,
  FIRST_KEY,
  initialValues,
  sameValues,
  type FormValues,
} from './form-values';
import type { SavedCargo } from './SavedStatus';
import { useShipmentForm, type Saved } from './useShipmentForm';

export function useEntryForm(now: () => Date) {
  const language = useLanguage();
  const check = useLedger((s) => s.check);
  const record = useLedger((s) => s.record);
  const undoLast = useLedger((s) => s.undoLast);
  const readOnly = useLedger((s) => s.info?.readOnly === true);
  const updateSettings = useSettings((s) => s.update);
  const [saved, setSaved] = useState<SavedCargo | null>(null);

  const fresh = (defaults = useSettings.getState().entryDefaults): FormValues =>
    initialValues(defaults, todayAtLoadPort(now()), language);

  function onSaved(outcome: Saved, values: FormValues, asked: readonly FieldIssue[]): FormValues {
    // The vessel as the fleet names it (Лива was saved as Liwa): the next cargo starts with that.
    const carried = carriedDefaults({ ...values, vessel: outcome.shipment.vessel });
    updateSettings({ entryDefaults: carried });
    const next = fresh(carried);
    // What the save noted that was not asked about already (an outturn far from the B/L figure).
    const askedCodes = new Set(asked.map((issue) => issue.code));
    const notes = outcome.warnings.filter((warning) => !askedCodes.has(warning.code));
    setSaved({ shipment: outcome.shipment, notes, values, fresh: next, undo: 'available' });
    return next;
  }

  const { attachForm, ...form } = useShipmentForm({
    initial: () => fresh(),
    check: (values) => check(entryInput(values)),
    save: (values, force) => record(entryInput(values), force),
    onSaved,
    // The next cargo's first keystroke (or a day up or down, a date picked): the last one's status
    // has had its say and goes, its Undo with it. Tabbing to Undo changes nothing, so it stays.
    onEdit: () => setSaved(null),
    disabled: readOnly,
  });

  async function undo() {
    if (!saved || saved.undo !== 'available') return;
    const ok = await undoLast('undo');
    setSaved({ ...saved, undo: ok ? 'done' : 'failed' });
    // Undo usually means "I mistyped that": bring the figures back while the next entry is still blank.
    if (ok && sameValues(form.values, saved.fresh)) form.reset(saved.values);
    else form.focusField(FIRST_KEY);
  }

  return { form, attachForm, saved, undo, clear: () => form.reset(fresh()), readOnly };
}
