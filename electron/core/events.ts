/**
 * The journal's vocabulary: every line of a ledger file is one of these events. The journal is
 * append-only, so this is also the audit trail: who did what, when and why.
 */
import type { EntryRejection, IssueFacts, NominationFields, RejectionCode, ShipmentFields } from './api';
import type { MonthFigures } from './periods';
import type { FleetVessel } from './fleet';

/** A seq range [from, to] absent from the journal that an earlier repair already reported. */
export type SeqRange = [number, number];

/**
 * `base` (amend, void): the global id (`<station>:<seq>`) of the latest event of that cargo its
 * station had seen; `also`: the other competing versions a resolving edit names. Both are absent in
 * entries written before the ledger became a station's.
 */
export type EventPayload =
  | { type: 'header'; format: 'transit-ledger'; version: 1 | 2 }
  | { type: 'record'; id: string; shipment: ShipmentFields }
  | {
      type: 'amend';
      id: string;
      set: Partial<ShipmentFields>;
      reason: string | null;
      base?: string;
      also?: string[];
    }
  | { type: 'void'; id: string; reason: string; base?: string; also?: string[] }
  | {
      type: 'targets';
      year: number;
      annualKg: number;
      monthlyPlanKg: number[] | null;
      /** Absent in entries written before the allowance was a setting: then the default. */
      lossAllowancePercent?: number;
    }
  /**
   * The baseline year's total; `monthlyKg` (twelve integer kg figures that add up to `kg` exactly)
   * when its real monthly shape is known. Absent in entries written before it could be held.
   */
  | { type: 'baseline'; year: number; kg: number; monthlyKg?: number[] }
  /** A month's figures made final (periods.ts): nothing dated in it may change until it is reopened. */
  | { type: 'close'; month: string; reason: string; figures: MonthFigures }
  | { type: 'reopen'; month: string; reason: string }
  /** A tanker of the fleet added or changed (retired too), whole: the latest by fold order stands. */
  | { type: 'vessel'; vessel: FleetVessel }
  /** A nomination of the month's loading programme (programme.ts), whole. */
  | { type: 'nominate'; nomination: NominationFields }
  | { type: 'nomination-cancel'; id: string; reason: string }
  /** A cargo tied to a nomination by hand (`linked`), or kept from it by hand: overrides the matching. */
  | { type: 'nomination-link'; id: string; cargo: string; linked: boolean }
  /** This journal is station `station`'s own (stations/ids.ts); written once, by `sync setup`. */
  | { type: 'station'; station: string }
  /** The other stations' entries this station held when it wrote this line (their highest numbers). */
  | { type: 'seen'; heads: Record<string, number> }
  /** Opens a multi-entry write (an import): its entries count only once its commit is written. */
  | { type: 'begin'; size: number }
  | { type: 'commit'; size: number }
  /**
   * Written once into a ledger begun before tips: from here
   * on a tip is kept beside it, and its absence is a finding.
   */
  | { type: 'tip-kept' }
  | {
      type: 'recovery';
      backupPath: string | null;
      lost: number;
      message: string;
      /** Seq ranges missing from the repaired file, so that later reads do not report them again. */
      gaps?: SeqRange[];
      /** The tip the damaged file had, so a crash between the repair and the tip's update is no alarm. */
      tipBefore?: { seq: number; sum: string } | null;
      /**
       * Months whose close or reopen was among the confirmed entries lost: they take no write until
       * a later close or reopen of each settles them (periods.ts). Absent when there are none.
       */
      unsettled?: string[];
    };

/** The batch marking of ledgers written before begin/commit: every line named the batch and its size. */
export interface LegacyBatch {
  id: string;
  size: number;
}

export interface EventMeta {
  seq: number;
  at: string;
  actor: string;
  /** The id of the multi-entry write this line belongs to (begin, members and commit all carry it). */
  batch?: string | LegacyBatch;
}

export type LedgerEvent = EventMeta & EventPayload;

/** Why an event cannot apply: a code and its facts for screens, the English for the log and the CLI. */
export interface Rejection extends EntryRejection {
  message: string;
}

export function rejection(code: RejectionCode, message: string, facts: IssueFacts = {}): Rejection {
  return { code, message, facts };
}

/** Called for each intact event, in order; returns why the event cannot apply, or null. */
export type ApplyEvent = (event: LedgerEvent) => Rejection | null;
