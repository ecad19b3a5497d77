/**
 * What went wrong, in the person's language, through the app's one failure path (errors.ts): the
 * renderer's ApiError and the plain `{code, message, issues}` objects the desktop bridge rejects
 * with (an Error would not cross the context bridge whole) both carry the core's code and facts.
 */
import type { ErrorPayload } from '../../../electron/core/api';
import { ApiError } from '../client';
import { failureOf, failureText } from '../errors';
import { translate } from '../i18n';
import type { Language } from '../settings';

export function failureMessage(language: Language, failure: unknown): string {
  const plain =
    typeof failure === 'object' && failure !== null && !(failure instanceof Error) && 'message' in failure;
  const known = failureOf(plain ? new ApiError(failure as Partial<ErrorPayload>) : failure);
  return failureText((key, vars) => translate(language, key, vars), language, known);
}
