/**
 * What a report's screen shows while the core has not answered yet, or when it could not answer:
 * "Loading…", or the failure in the reader's language (from its code and facts, never English text).
 */
import type { Language } from '../settings';
import { failureText, type Failure } from '../errors';
import type { Translate } from '../i18n';

export type AnswerStatus =
  { status: 'loading' } | { status: 'failed'; failure: Failure } | { status: 'ready' };

export function AnswerState({
  state,
  language,
  t,
}: {
  state: AnswerStatus;
  language: Language;
  t: Translate;
}) {
  if (state.status === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (state.status === 'failed')
    return (
      <p className="rs-error" role="alert">
        {failureText(t, language, state.failure)}
      </p>
    );
  return null;
}
