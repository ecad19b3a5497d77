/**
 * The closed months, read from the ledger and written back through the one API: close a month,
 * reopen one. Reread whenever the ledger changes (a write here, in another window, or by sync).
 */
import { useCallback, useEffect, useState } from 'react';
import type { PeriodReport } from '../../../electron/core/api';
import { failureMessage } from '../reports/errors';
import { useLanguage } from '../i18n';
import { guardOf } from '../ledger-watch';
import { useLedger } from '../store';

export interface PeriodsController {
  periods: PeriodReport[] | null;
  busy: boolean;
  error: string | null;
  close(month: string, reason: string): Promise<boolean>;
  reopen(month: string, reason: string): Promise<boolean>;
}

export function usePeriods(): PeriodsController {
  const language = useLanguage();
  const api = useLedger((s) => s.api);
  const info = useLedger((s) => s.info);
  const [periods, setPeriods] = useState<PeriodReport[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!api) return;
    let live = true;
    api.periods().then(
      (found) => live && setPeriods(found),
      (failure: unknown) => live && setError(failureMessage(language, failure)),
    );
    return () => {
      live = false;
    };
  }, [api, info, language]);

  const write = useCallback(
    async (action: 'closeMonth' | 'reopenMonth', month: string, reason: string): Promise<boolean> => {
      if (!api) return false;
      setBusy(true);
      setError(null);
      try {
        await api[action]({ month, reason }, guardOf(info));
        setPeriods(await api.periods());
        await useLedger.getState().refresh();
        return true;
      } catch (failure) {
        setError(failureMessage(language, failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [api, info, language],
  );

  return {
    periods,
    busy,
    error,
    close: (month, reason) => write('closeMonth', month, reason),
    reopen: (month, reason) => write('reopenMonth', month, reason),
  };
}
