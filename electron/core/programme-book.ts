/**
 * The loading programme as the journal states it (issue 12 part 4): every nomination, cancelled ones
 * too, and the cargoes a person tied to or kept from a nomination by hand. Folded from `nominate`,
 * `nomination-cancel` and `nomination-link` entries; what a nomination's state is, is programme.ts's.
 */
import type { NominationFields } from './api';

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
