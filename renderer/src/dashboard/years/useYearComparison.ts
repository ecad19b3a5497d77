/**
 * The core's year-against-year comparison for the year the dashboard shows, asked again whenever the
 * year's progress is (a cargo saved, another year chosen, the ledger changed under the window).
 */
import { useEffect, useState } from 'react';
import type { Progress, TransitApi, YearComparison } from '../../../../electron/core/api';
import { failureOf, type Failure } from '../../errors';

export type ComparisonState =
  { kind: 'loading' } | { kind: 'ready'; comparison: YearComparison } | { kind: 'failed'; failure: Failure };

export function useYearComparison(api: TransitApi | null, progress: Progress): ComparisonState {
  const [state, setState] = useState<ComparisonState>({ kind: 'loading' });
  const { year, asOf } = progress;
  useEffect(() => {
    if (!api) return;
    let current = true;
    api.compareYears({ year, asOf }).then(
      (comparison) => current && setState({ kind: 'ready', comparison }),
      (error: unknown) => current && setState({ kind: 'failed', failure: failureOf(error) }),
    );
    return () => {
      current = false;
    };
    // The progress object is new after every refresh: the comparison follows it.
  }, [api, year, asOf, progress]);
  return state;
}
