/**
 * The loading programme as the journal states it (issue 12 part 4): every nomination, cancelled ones
 * too, and the cargoes a person tied to or kept from a nomination by hand. Folded from `nominate`,
 * `nomination-cancel` and `nomination-link` entries; what a nomination's state is, is programme.ts's.
 */
import type { NominationFields, ProgrammeCargo } from './api';

export interface BookNomination extends NominationFields {
  nominatedAt: string;
  nominatedBy: string;
  cancelled: boolean;
  cancelReason: string | null;
}

export type ProgrammeEvent =
  | { type: 'nominate'; nomination: NominationFields; at: string; actor: string }
  | { type: 'nomination-cancel'; id: string; reason: string }
  | { type: 'nomination-link'; id: string; cargo: string; linked: boolean };

/** The key of a nomination and cargo kept apart by hand. */
export function pairKey(nomination: string, cargo: string): string {
  return `${nomination}\u0000${cargo}`;
}

export class ProgrammeBook {
  private readonly byId = new Map<string, BookNomination>();
  /** Cargo id → the nomination a person tied it to (the latest tie stands). */
  readonly handLinks = new Map<string, string>();
  /** Nomination and cargo pairs a person kept apart: never matched automatically. */
  readonly keptApart = new Set<string>();
  /**
   * Closed month → its nominations' cargoes as the close saw them (nomination id → cargoes). A closed
   * month's programme is this, whatever is recorded or tied after, until the month is reopened.
   */
  readonly frozen = new Map<string, ReadonlyMap<string, readonly ProgrammeCargo[]>>();

  /** Keeps the month's matching as its close saw it. */
  freeze(month: string, matching: ReadonlyMap<string, readonly ProgrammeCargo[]>): void {
    const own = new Map<string, readonly ProgrammeCargo[]>();
    for (const n of this.byId.values()) if (n.month === month) own.set(n.id, matching.get(n.id) ?? []);
    this.frozen.set(month, own);
  }

  /** A reopened month's programme is matched afresh. */
  thaw(month: string): void {
    this.frozen.delete(month);
  }

  /** The closed month's nomination a cargo fulfilled at that month's close, if any. */
  frozenHolder(cargoId: string): BookNomination | undefined {
    for (const month of this.frozen.values())
      for (const [id, cargoes] of month) if (cargoes.some((c) => c.id === cargoId)) return this.byId.get(id);
    return undefined;
  }

  apply(event: ProgrammeEvent): void {
    if (event.type === 'nominate') {
      const { nomination, at, actor } = event;
      this.byId.set(nomination.id, {
        ...nomination,
        nominatedAt: at,
        nominatedBy: actor,
        cancelled: false,
        cancelReason: null,
      });
    } else if (event.type === 'nomination-cancel') {
      const held = this.byId.get(event.id);
      if (held) this.byId.set(event.id, { ...held, cancelled: true, cancelReason: event.reason });
    } else if (event.linked) {
      this.handLinks.set(event.cargo, event.id);
      this.keptApart.delete(pairKey(event.id, event.cargo));
    } else {
      if (this.handLinks.get(event.cargo) === event.id) this.handLinks.delete(event.cargo);
      this.keptApart.add(pairKey(event.id, event.cargo));
    }
  }

  get(id: string): BookNomination | undefined {
    return this.byId.get(id);
  }

  /** Every nomination ever made, cancelled ones too. */
  all(): BookNomination[] {
    return [...this.byId.values()];
  }
}
