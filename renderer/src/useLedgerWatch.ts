import { useEffect } from 'react';
import { POLL_MS } from './ledger-watch';
import { useSettings } from './settings';
import { useLedger } from './store';

/**
 * Keeps the window up to date with what other windows and programs do to the ledger, and with the
 * preferences another window saved: a poll every few seconds while the window is visible, and at
 * once when it comes back into view.
 */
export function useLedgerWatch(): void {
  const poll = useLedger((s) => s.poll);
  const refreshPreferences = useSettings((s) => s.refresh);
  useEffect(() => {
    const check = () => {
      if (document.hidden) return;
      void poll();
      void refreshPreferences();
    };
    const timer = window.setInterval(check, POLL_MS);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [poll, refreshPreferences]);
}
