/**
 * The chosen year's vessels and voyages, asked of the core whenever the year or the ledger changes
 * (the store replaces `info` on every reload, so a date saved in any window reaches this view at
 * the next poll). Nothing is computed here.
 */
import { useEffect, useState } from 'react';
import type { Voyages } from '../../../electron/core/api';
import { failureOf, type Failure } from '../errors';
import { useLedger } from '../store';

export type VoyagesState =
  { status: 'loading' } | { status: 'ready'; voyages: Voyages } | { status: 'failed'; failure: Failure };

export function useVoyages(): VoyagesState {
  const api = useLedger((s) => s.api);
  const year = useLedger((s) => s.year);
  const info = useLedger((s) => s.info);
  const [state, setState] = useState<VoyagesState>({ status: 'loading' });

  useEffect(() => {
    if (!api) return;
    let current = true;
    api.vessels({ year }).then(
      (voyages) => {
        if (current) setState({ status: 'ready', voyages });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', failure: failureOf(error) });
      },
    );
    // An answer for a year the person has already left is dropped.
    return () => {
      current = false;
    };
  }, [api, year, info]);

  return state;
}
