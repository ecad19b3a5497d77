/**
 * The header's sync state, while the ledger is a station: the station, the last sync (or offline,
 * or failed), own entries waiting to be sent, open conflicts (a link to the Conflicts view), and
 * "Sync now".
 */
import { useEffect } from 'react';
import type { TransitApi } from '../../../electron/core/api';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { followLedger, isSetUp, useSync } from './syncStore';
import { syncErrorText, syncFailureText, syncLine } from './text';
import './sync.css';

/** Starts the sync store on the window's api and follows the ledger's saves; stops on unmount. */
export function useSyncRunner(api: TransitApi): void {
  const start = useSync((s) => s.start);
  const stop = useSync((s) => s.stop);
  useEffect(() => {
    void start(api);
    const unfollow = followLedger();
    return () => {
      unfollow();
      stop();
    };
  }, [api, start, stop]);
}

export function SyncIndicator() {
  const t = useT();
  const language = useLanguage();
  const { state, offline, failure, running, syncNow } = useSync();
  const readOnly = useLedger((s) => s.info?.readOnly ?? false);
  const showTab = useLedger((s) => s.showTab);
  if (!state || !isSetUp(state)) return null;
  const line = syncLine(t, language, state, offline, failure);
  const trouble = offline || failure !== null || state.lastError !== null;
  // This window's own failure, else the one the last round (another window's, the CLI's) left behind.
  const why = failure
    ? syncFailureText(t, language, failure)
    : state.lastError
      ? syncErrorText(t, state.lastError)
      : undefined;
  return (
    <div className="sync-state" data-testid="sync-state" role="status" aria-live="polite">
      <span className="sync-station" title={state.url ?? undefined}>
        {t('sync.header.station', { station: state.station ?? '' })}
      </span>
      <span
        className={trouble ? 'sync-line sync-line-trouble' : 'sync-line'}
        title={why}
        data-testid="sync-line"
      >
        {running ? t('sync.header.running') : line}
      </span>
      {state.waiting > 0 && (
        <span className="sync-count" data-testid="sync-waiting">
          {t('sync.header.waiting', { count: state.waiting })}
        </span>
      )}
      {state.conflicts > 0 && (
        <button
          type="button"
          className="sync-count sync-conflicts"
          onClick={() => showTab('conflicts')}
          data-testid="sync-conflicts"
        >
          {t('sync.header.conflicts', { count: state.conflicts })}
        </button>
      )}
      <button
        type="button"
        className="button sync-now"
        disabled={running || readOnly}
        onClick={() => void syncNow()}
        data-testid="sync-now"
      >
        {t('sync.header.now')}
      </button>
    </div>
  );
}
