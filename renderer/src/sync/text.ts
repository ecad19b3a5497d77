/** Sync's words that depend on facts: when the last round was, and a failure in the person's language. */
import type { SyncErrorRecord, SyncState } from '../../../electron/core/api';
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

/**
 * The header's one line: never synced, synced at, offline, failed. The stored last error counts as
 * this window's own failure: it is the last round's, whichever window or program ran it.
 */
export function syncLine(
  t: Translate,
  language: Language,
  state: SyncState,
  offline: boolean,
  failure: Failure | null,
): string {
  if (offline || (!failure && state.lastError?.code === 'sync.unreachable')) return t('sync.header.offline');
  if (failure || state.lastError) return t('sync.header.failed');
  if (!state.lastSync) return t('sync.header.never');
  return t('sync.header.last', { time: syncTime(language, state.lastSync) });
}

/**
 * A sync failure's code and facts in the page's language: its sentence filled with the facts, or,
 * for a code this page has no sentence for, that sync did not complete. Never the core's English.
 */
export function syncErrorText(t: Translate, error: SyncErrorRecord): string {
  const key = `error.issue.${error.code}`;
  const vars: Record<string, string> = {};
  for (const [name, fact] of Object.entries(error.facts)) vars[name] = String(fact);
  // Why the server could not be reached, in words; a cause this page does not know is a failed connection.
  if (error.facts.why !== undefined) {
    const why = t(`sync.why.${error.facts.why}`);
    vars.why = why === `sync.why.${error.facts.why}` ? t('sync.why.failed') : why;
  }
  const said = t(key, vars);
  return said === key ? t('error.sync') : said;
}

/** A sync failure in words: by its code and facts when it has a sync code, else as any failure. */
export function syncFailureText(t: Translate, language: Language, failure: Failure): string {
  const issue = failure.issues[0];
  if (issue?.code.startsWith('sync.'))
    return syncErrorText(t, { code: issue.code, facts: issue.facts ?? {} });
  return failureText(t, language, failure);
}
