/**
 * The reconciliation of the chosen year (or one of its months), asked of the core whenever the
 * year, the month, the targets or the ledger changes (a cargo saved in any window reaches this view
 * at the next poll). Nothing is computed here.
 */
import type { Reconciliation } from '../../../electron/core/api';
import { useLedger } from '../store';
import { useCoreAnswer, type CoreAnswer } from '../useCoreAnswer';

export function useReconciliation(month: string | null): CoreAnswer<Reconciliation> {
  const api = useLedger((s) => s.api);
  const year = useLedger((s) => s.year);
  const info = useLedger((s) => s.info);
  const targets = useLedger((s) => s.targets);
  return useCoreAnswer(api, (core) => core.reconcile({ year, ...(month === null ? {} : { month }) }), [
    year,
    month,
    info,
    targets,
  ]);
}
