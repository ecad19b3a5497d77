/**
 * The core's year-against-year comparison for the year the dashboard shows, asked again whenever the
 * year's progress is (a cargo saved, another year chosen, the ledger changed under the window).
 */
import type { Progress, TransitApi, YearComparison } from '../../../../electron/core/api';
import { useCoreAnswer, type CoreAnswer } from '../../useCoreAnswer';

export function useYearComparison(api: TransitApi | null, progress: Progress): CoreAnswer<YearComparison> {
  const { year, asOf } = progress;
  // The progress object is new after every refresh: the comparison follows it.
  return useCoreAnswer(api, (core) => core.compareYears({ year, asOf }), [year, asOf, progress]);
}
