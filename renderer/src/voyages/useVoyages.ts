/**
 * The chosen year's vessels and voyages, asked of the core whenever the year or the ledger changes
 * (a date saved in any window reaches this view at the next poll). Nothing is computed here.
 */
import type { Voyages } from '../../../electron/core/api';
import { useLedger } from '../store';
import { useCoreAnswer, type CoreAnswer } from '../useCoreAnswer';

export function useVoyages(): CoreAnswer<Voyages> {
  const api = useLedger((s) => s.api);
  const year = useLedger((s) => s.year);
  const info = useLedger((s) => s.info);
  return useCoreAnswer(api, (core) => core.vessels({ year }), [year, info]);
}
