/**
 * New shipment: one bill of lading typed from the keyboard, saved with Enter. The fields, their
 * order and every rule come from the core (the field table, and a check that writes nothing): the
 * form is the shared fieldset and form hook (entry/), the same ones the register's edit dialog
 * uses. After a save the form starts the next cargo with what carries over (entry/useEntryForm);
 * what was saved is said beside Save, with Undo, until the next cargo's first keystroke.
 */
import { useMemo } from 'react';
import { EntryAside } from '../entry/EntryAside';
import { issueText } from '../entry/messages';
import { QuestionDialog } from '../entry/QuestionDialog';
import { SavedStatus } from '../entry/SavedStatus';
import { ShipmentFieldset } from '../entry/ShipmentFieldset';
import { gradeSuggestions, recentShipments, vesselSuggestions } from '../entry/suggestions';
import { useEntryForm } from '../entry/useEntryForm';
import type { ShipmentForm } from '../entry/useShipmentForm';
import { failureText } from '../errors';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';

export function EntryForm({ now = () => new Date() }: { now?: () => Date } = {}) {
  const t = useT();
  const shipments = useLedger((s) => s.shipments);
  const fleet = useLedger((s) => s.fleet);
  const year = useLedger((s) => s.year);
  const { form, attachForm, saved, undo, clear, readOnly } = useEntryForm(now);
  const suggestions = useMemo(
    () => ({ vessel: vesselSuggestions(shipments, fleet), grade: gradeSuggestions(shipments) }),
    [shipments, fleet],
  );
  const recent = useMemo(() => recentShipments(shipments, 5), [shipments]);

  return (
    <div className="entry">
      <section className="card entry-card" aria-labelledby="entry-title">
        <header className="entry-head">
          <h1 id="entry-title" className="entry-title">
            {t('entry.title')}
          </h1>
          <p className="entry-intro">{t('entry.intro')}</p>
        </header>
        {readOnly && (
          <p className="entry-readonly" data-testid="entry-readonly">
            {t('entry.readOnly')}
          </p>
        )}
        <NotSaved form={form} />
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
              <button type="button" className="button" onClick={clear}>
                {t('entry.clear')}
              </button>
              {/* Beside Save, not above the form: showing it moves no field and no button (issue 10.4). */}
              <SavedStatus saved={saved} onUndo={() => void undo()} />
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

/** Why the last save did not happen, when it is not about one field: a failure, or an issue of the whole cargo. */
function NotSaved({ form }: { form: ShipmentForm }) {
  const t = useT();
  const language = useLanguage();
  const { failure, formIssues } = form;
  if (formIssues.length === 0 && !failure) return null;
  return (
    <div role="alert" className="entry-alert">
      <strong>{t('entry.notSaved')}</strong>
      {failure && <p>{failureText(t, language, failure)}</p>}
      {formIssues.map((issue, index) => (
        <p key={`${issue.code}-${index}`}>{issueText(language, issue, form.values)}</p>
      ))}
    </div>
  );
}
