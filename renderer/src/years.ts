/**
 * The years a person may pick in the header: the ones with something to show. A year is offered
 * when it has cargoes or a target the ledger sets, and so is this year (where new cargoes go) and
 * the year on screen. The baseline year is not offered for its own sake: its figure is the
 * reported total every other year is compared with, not cargoes of this ledger.
 */
import type { LedgerInfo } from '../../electron/core/api';

/** Newest first, as a year list in a desktop app reads. */
export function selectableYears(info: LedgerInfo | null, thisYear: number, shown: number): number[] {
  const years = new Set<number>([...(info?.years ?? []), ...(info?.targetYears ?? []), thisYear, shown]);
  return [...years].sort((a, b) => b - a);
}
