/** Sync's words that depend on facts: when the last round was, and a failure in the person's language. */
import type { SyncState } from '../../../electron/core/api';
import { failureText, type Failure } from '../errors';
import { LOCALES, type Translate } from '../i18n';
import type { Language } from '../settings';

export function syncTime(language: Language, iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  const format = new Intl.DateTimeFormat(
    LOCALES[language],
    sameDay
      ? { hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  );
  return format.format(at);
}

/** The header's one line: never synced, synced at, offline, failed. */
export function syncLine(
  t: Translate,
  language: Language,
  state: SyncState,
  offline: boolean,
  failure: Failure | null,
): string {
  if (offline) return t('sync.header.offline');
  if (failure || (state.lastError && !state.lastSync)) return t('sync.header.failed');
  if (!state.lastSync) return t('sync.header.never');
  return t('sync.header.last', { time: syncTime(language, state.lastSync) });
}

/** A sync failure in words: the translated kind, then (outside English) the core's own sentence. */
export function syncFailureText(t: Translate, language: Language, failure: Failure): string {
  return failureText(t, language, failure);
}
