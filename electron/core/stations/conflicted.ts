/**
 * How many of a year's cargoes the figures count while they are in an open conflict between
 * stations: the dashboard's notice and the monthly report's note say this one number.
 */
import type { Conflict } from './fold';

/**
 * The live cargoes of `year` among the conflicts' `shown` versions: each as it counts while the
 * conflict is open (a fork as its last agreed version, each cargo of a duplicated B/L number as
 * recorded), so the count is of cargoes in the year's figures, not of conflicts.
 */
export function conflictedCargoes(conflicts: readonly Conflict[], year: number): number {
  const prefix = `${year}-`;
  const ids = new Set<string>();
  for (const conflict of conflicts)
    for (const shipment of conflict.shown)
      if (!shipment.voided && shipment.blDate.startsWith(prefix)) ids.add(shipment.id);
  return ids.size;
}
