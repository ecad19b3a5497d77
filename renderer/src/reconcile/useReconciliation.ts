/**
 * The reconciliation of the chosen year (or one of its months), asked of the core whenever the
 * year, the month or the ledger changes: the store replaces `info` on every reload, so a cargo
 * saved in any window reaches this view at the next poll. Nothing is computed here.
 */
import { useEffect, useState } from 'react';
import type { Reconciliation } from '../../../electron/core/api';
import { failureOf, type Failure } from '../errors';
import { useLedger } from '../store';

export type ReconciliationState =
  | { status: 'loading' }
  | { status: 'ready'; reconciliation: Reconciliation }
  | { status: 'failed'; failure: Failure };

export function useReconciliation(month: string | null): ReconciliationState {
  const api = useLedger((s) => s.api);
  const year = useLedger((s) => s.year);
  const info = useLedger((s) => s.info);
  const targets = useLedger((s) => s.targets);
  const [state, setState] = useState<ReconciliationState>({ status: 'loading' });

  useEffect(() => {
    if (!api) return;
    let current = true;
    api.reconcile({ year, ...(month === null ? {} : { month }) }).then(
      (reconciliation) => {
        if (current) setState({ status: 'ready', reconciliation });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', failure: failureOf(error) });
      },
    );
    // An answer for a year or month the person has already left is dropped.
    return () => {
      current = false;
    };
  }, [api, year, month, info, targets]);

  return state;
}
