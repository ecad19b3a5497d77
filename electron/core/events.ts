/**
 * The journal's vocabulary: every line of a ledger file is one of these events. The journal is
 * append-only, so this is also the audit trail: who did what, when and why.
 */
import type { ShipmentFields } from './api';

export type EventPayload =
  | { type: 'header'; format: 'transit-ledger'; version: 1 }
  | { type: 'record'; id: string; shipment: ShipmentFields }
  | { type: 'amend'; id: string; set: Partial<ShipmentFields>; reason: string | null }
  | { type: 'void'; id: string; reason: string }
  | { type: 'targets'; year: number; annualKg: number; monthlyPlanKg: number[] | null }
  | { type: 'baseline'; year: number; kg: number }
  | { type: 'recovery'; backupPath: string | null; lost: number; message: string };

export interface EventMeta {
  seq: number;
  at: string;
  actor: string;
  /** Present on every line of a multi-line write (an import): all lines of it count, or none. */
  batch?: { id: string; size: number };
}

export type LedgerEvent = EventMeta & EventPayload;

/** Called for each intact event, in order; returns why the event cannot apply, or null. */
export type ApplyEvent = (event: LedgerEvent) => string | null;
