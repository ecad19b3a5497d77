/**
 * New shipment: one bill of lading typed from the keyboard, saved with Enter. The fields, their
 * order and every rule come from the core (the field table, and a check that writes nothing): the
 * form is the shared fieldset and form hook (entry/), the same ones the register's edit dialog
 * uses. After a save the form starts the next cargo with what carries over.
 */
import { useMemo, useState } from 'react';
import { todayAtLoadPort } from '../../../electron/core/calendar';
import { EntryAside } from '../entry/EntryAside';
import {
  carriedDefaults,
  entryInput,
  FIRST_KEY,
  initialValues,
  sameValues,
  type FormValues,
} from '../entry/form-values';
import { issueText } from '../entry/messages';
import { QuestionDialog } from '../entry/QuestionDialog';
import { SavedStatus, type SavedCargo } from '../entry/SavedStatus';
import { ShipmentFieldset } from '../entry/ShipmentFieldset';
import { gradeSuggestions, recentShipments, vesselSuggestions } from '../entry/suggestions';
import { useShipmentForm, type Saved } from '../entry/useShipmentForm';
import { failureText } from '../errors';
import { useLanguage, useT } from '../i18n';
import { useSettings } from '../settings';
import { useLedger } from '../store';

export function EntryForm({ now = () => new Date() }: { now?: () => Date } = {}) {
  const t = useT();
  const language = useLanguage();
  const check = useLedger((s) => s.check);
  const record = useLedger((s) => s.record);
  const undoLast = useLedger((s) => s.undoLast);
  const shipments = useLedger((s) => s.shipments);
  const year = useLedger((s) => s.year);
  const readOnly = useLedger((s) => s.info?.readOnly === true);
  const updateSettings = useSettings((s) => s.update);
  const [saved, setSaved] = useState<SavedCargo | null>(null);

  const suggestions = useMemo(
    () => ({ vessel: vesselSuggestions(shipments), grade: gradeSuggestions(shipments) }),
    [shipments],
  );
  const recent = useMemo(() => recentShipments(shipments, 5), [shipments]);

  const fresh = (defaults = useSettings.getState().entryDefaults): FormValues =>
    initialValues(defaults, todayAtLoadPort(now()), language);

  function onSaved(outcome: Saved, values: FormValues, asked: readonly { code: string }[]): FormValues {
    const carried = carriedDefaults(values);
    updateSettings({ entryDefaults: carried });
    const next = fresh(carried);
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

  const { failure, formIssues } = form;
  return (
    <div className="entry">
      <section className="card entry-card" aria-labelledby="entry-title">
        <header className="entry-head">
          <h1 id="entry-title" className="entry-title">
            {t('entry.title')}
          </h1>
          <p className="entry-intro">{t('entry.intro')}</p>
        </header>

        <SavedStatus saved={saved} onUndo={() => void undo()} />

        {readOnly && (
          <p className="entry-readonly" data-testid="entry-readonly">
            {t('entry.readOnly')}
          </p>
        )}

        {(formIssues.length > 0 || failure) && (
          <div role="alert" className="entry-alert">
            <strong>{t('entry.notSaved')}</strong>
            {failure && <p>{failureText(t, language, failure)}</p>}
            {formIssues.map((issue, index) => (
              <p key={`${issue.code}-${index}`}>{issueText(language, issue, form.values)}</p>
            ))}
          </div>
        )}

        <form
          ref={attachForm}
          className="entry-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void form.submit();
          }}
          onKeyDown={form.onKeyDown}
          aria-labelledby="entry-title"
          data-testid="entry-form"
        >
          <fieldset className="entry-fieldset" disabled={readOnly}>
            <ShipmentFieldset form={form} idPrefix="entry" suggestions={suggestions} />
            <div className="entry-actions">
              <button
                type="submit"
                className="button button-primary entry-save"
                disabled={form.busy}
                data-testid="entry-save"
              >
                {form.busy ? t('entry.saving') : t('entry.save')}
                <kbd className="entry-kbd">Enter</kbd>
              </button>
              <button type="button" className="button" onClick={() => form.reset(fresh())}>
                {t('entry.clear')}
              </button>
              <span className="entry-required-note">{t('entry.requiredNote')}</span>
            </div>
          </fieldset>
        </form>
      </section>

      <EntryAside recent={recent} year={year} />
      <QuestionDialog form={form} testId="entry-confirm" />
    </div>
  );
}
