/**
 * Suggestions for the vessel and grade fields: the fleet's tankers in service (the ledger's own,
 * kept in Settings), the ones used lately first; the known grades, then the ledger's. Suggestions
 * only: any name may be typed, and the core asks about one the fleet does not know.
 */
import type { FleetVessel, Shipment } from '../../../electron/core/api';
import { fieldSpec } from '../../../electron/core/fields';
import { activeNames } from '../../../electron/core/fleet';

/**
 * Tengiz (main) and Kashagan (regular from January 2025):
 * the grades the field table knows, as the core writes them.
 */
const gradeSpec = fieldSpec('grade');
export const KNOWN_GRADES: readonly string[] = (gradeSpec?.kind === 'text' && gradeSpec.known) || [];

/**
 * Newest entry first, by the ledger's recording order: the rows of one import or of the demo share
 * a time, so `recordedAt` alone would list them in the register's B/L-date order (3 January first).
 */
function newerFirst(a: Shipment, b: Shipment): number {
  if (a.recordedOrder !== undefined && b.recordedOrder !== undefined)
    return b.recordedOrder - a.recordedOrder;
  return a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0;
}

function mostRecentFirst(shipments: readonly Shipment[]): Shipment[] {
  return shipments.filter((s) => !s.voided).sort(newerFirst);
}

function unique(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = name.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name.trim());
  }
  return out;
}

/**
 * The fleet's tankers in service, those of the latest entries first. A name the ledger holds but
 * the fleet does not (a slip confirmed once) is not offered again.
 */
export function vesselSuggestions(shipments: readonly Shipment[], fleet: readonly FleetVessel[]): string[] {
  const names = activeNames(fleet);
  const inFleet = new Set(names);
  const recent = mostRecentFirst(shipments)
    .map((s) => s.vessel)
    .filter((name) => inFleet.has(name));
  return unique([...recent, ...names]);
}

export function gradeSuggestions(shipments: readonly Shipment[]): string[] {
  return unique([...KNOWN_GRADES, ...mostRecentFirst(shipments).map((s) => s.grade ?? '')]);
}

/** The latest live entries, for the "recently recorded" list beside the form. */
export function recentShipments(shipments: readonly Shipment[], count: number): Shipment[] {
  return mostRecentFirst(shipments).slice(0, count);
}
