/**
 * The core's questions about a programme write (planned tonnes beyond a tanker, a cargo of another
 * tanker or dated outside the laycan tied by hand), asked in the dialog the entry form asks its own
 * in. The safe answer, back to the page, has the focus; Escape gives it too.
 */
import { useEffect, useRef } from 'react';
import type { FieldIssue } from '../../../electron/core/api';
import { Dialog } from '../components/Dialog';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { issueText } from './text';

interface Props {
  questions: readonly FieldIssue[] | null;
  onBack(): void;
  onConfirm(): void;
  language: Language;
  t: Translate;
  testId: string;
}

/** A failure that only asks: every issue may be confirmed. */
export function onlyQuestions(issues: readonly FieldIssue[]): boolean {
  return issues.length > 0 && issues.every((issue) => issue.overridable === true);
}

export function ProgrammeQuestion({ questions, onBack, onConfirm, language, t, testId }: Props) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (questions) back.current?.focus();
  }, [questions]);
  return (
    <Dialog
      title={t('programme.confirm.title')}
      open={questions !== null}
      onClose={onBack}
      testId={testId}
      footer={
        <>
          <button type="button" className="button" ref={back} onClick={onBack} data-testid={`${testId}-back`}>
            {t('programme.confirm.back')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={onConfirm}
            data-testid={`${testId}-confirm`}
          >
            {t('programme.confirm.save')}
          </button>
        </>
      }
    >
      <p className="entry-confirm-lead">{t('programme.confirm.lead')}</p>
      <ul className="entry-confirm-list">
        {questions?.map((issue) => (
          <li key={`${issue.code}-${issue.field}`}>
            <span>{issueText(t, language, issue)}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
