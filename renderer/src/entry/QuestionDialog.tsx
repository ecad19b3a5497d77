/**
 * The core's questions about a shipment (an unusual figure, a second entry of a cargo already
 * recorded, an old B/L date, a vessel the fleet does not know with its closest names), asked together
 * before anything is saved, by the entry form and the edit dialog alike. The safe answer, back to the
 * form, has the focus; Escape gives it too.
 */
import { useEffect, useRef } from 'react';
import { Dialog } from '../components/Dialog';
import { useLanguage, useT } from '../i18n';
import { fieldOfIssue } from './form-values';
import { issueText } from './messages';
import { VesselChoices } from './VesselChoices';
import type { ShipmentForm } from './useShipmentForm';

export function QuestionDialog({ form, testId }: { form: ShipmentForm; testId: string }) {
  const t = useT();
  const language = useLanguage();
  const back = useRef<HTMLButtonElement>(null);
  const { asking } = form;

  // The safe answer has the focus: a reflexive Enter goes back to the figure, not past the question.
  useEffect(() => {
    if (asking) back.current?.focus();
  }, [asking]);

  return (
    <Dialog
      title={t('entry.confirm.title')}
      open={asking !== null}
      onClose={form.goBack}
      testId={testId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        form.goBack();
      }}
      footer={
        <>
          <button
            type="button"
            className="button"
            ref={back}
            onClick={form.goBack}
            data-testid={`${testId}-back`}
          >
            {t('entry.confirm.back')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={form.saveAnyway}
            data-testid={`${testId}-save-anyway`}
          >
            {t('entry.confirm.save')}
          </button>
        </>
      }
    >
      <p className="entry-confirm-lead">{t('entry.confirm.lead')}</p>
      <ul className="entry-confirm-list">
        {asking?.questions.map((issue) => {
          const key = fieldOfIssue(issue.field);
          return (
            <li key={`${issue.code}-${issue.field}`}>
              {key && <strong className="entry-confirm-field">{t(`entry.field.${key}`)}</strong>}
              <span>{issueText(language, issue, asking.values)}</span>
              <VesselChoices
                issue={issue}
                testId={`${testId}-names`}
                onChoose={(name) => {
                  // Back to the form with the name chosen: Enter saves it, asked nothing more about it.
                  form.goBack();
                  form.change('vessel', name);
                  form.leave('vessel');
                }}
              />
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
