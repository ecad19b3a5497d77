/**
 * Suggestions for the vessel and grade fields: what this ledger already holds, then the route's
 * known tankers and grades (shared/domain/facts.md). Suggestions only: any name may be typed.
 */
import type { Shipment } from '../../../electron/core/api';
import { fieldSpec } from '../../../electron/core/fields';

/** Kazmortransflot / KMG and ASCO tankers seen on the Aktau → Baku run. */
export const KNOWN_TANKERS = [
  'Astana',
  'Aktau',
  'Taraz',
  'Liwa',
  'President Heydar Aliyev',
  'Akademik Khoshbakht Yusifzade',
] as const;

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

/** The ledger's vessels, most recently recorded first, then the route's tankers not yet in it. */
export function vesselSuggestions(shipments: readonly Shipment[]): string[] {
  return unique([...mostRecentFirst(shipments).map((s) => s.vessel), ...KNOWN_TANKERS]);
}

export function gradeSuggestions(shipments: readonly Shipment[]): string[] {
  return unique([...KNOWN_GRADES, ...mostRecentFirst(shipments).map((s) => s.grade ?? '')]);
}

/** The latest live entries, for the "recently recorded" list beside the form. */
export function recentShipments(shipments: readonly Shipment[], count: number): Shipment[] {
  return mostRecentFirst(shipments).slice(0, count);
}
