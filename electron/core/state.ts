/**
 * The ledger's present, folded from its journal: live and voided shipments, each one's history,
 * the targets and the baseline. Every event passes through `apply`, at open and after each write.
 */
import type { Baseline, HistoryEntry, Shipment, ShipmentFields, YearTargets } from './api';
import { DEFAULT_BASELINE, defaultAnnualTargetKg } from './defaults';
import type { LedgerEvent } from './events';
import { normaliseBlNumber } from './shipment';

type ShipmentEvent = Extract<LedgerEvent, { type: 'record' | 'amend' | 'void' }>;

export class LedgerState {
  readonly shipments = new Map<string, Shipment>();
  private readonly byBlNumber = new Map<string, string>();
  private readonly events = new Map<string, ShipmentEvent[]>();
  private readonly targets = new Map<number, { annualKg: number; monthlyPlanKg: number[] | null }>();
  private baseline: { year: number; kg: number } | null = null;

  /** Returns why the event cannot apply (it refers to a shipment that is not there), or null. */
  readonly apply = (event: LedgerEvent): string | null => {
    switch (event.type) {
      case 'record': {
        if (this.shipments.has(event.id)) return `shipment ${event.id} is recorded twice`;
        // The validator never lets two live cargoes share a B/L number; a journal that has them was tampered with or double-written.
        const holder = event.shipment.blNumber === null ? undefined : this.findByBlNumber(event.shipment.blNumber);
        if (holder) return `B/L number ${event.shipment.blNumber} is already recorded for shipment ${holder.id}`;
        const shipment: Shipment = {
          id: event.id,
          ...event.shipment,
          voided: false,
          voidReason: null,
          recordedAt: event.at,
          recordedBy: event.actor,
          updatedAt: event.at,
        };
        this.shipments.set(event.id, shipment);
        this.indexBlNumber(shipment);
        this.events.set(event.id, [event]);
        return null;
      }
      case 'amend': {
        const current = this.shipments.get(event.id);
        if (!current) return `it amends shipment ${event.id}, whose record was lost`;
        this.unindexBlNumber(current);
        const next: Shipment = { ...current, ...event.set, updatedAt: event.at };
        this.shipments.set(event.id, next);
        this.indexBlNumber(next);
        this.events.get(event.id)?.push(event);
        return null;
      }
      case 'void': {
        const current = this.shipments.get(event.id);
        if (!current) return `it voids shipment ${event.id}, whose record was lost`;
        this.unindexBlNumber(current);
        this.shipments.set(event.id, { ...current, voided: true, voidReason: event.reason, updatedAt: event.at });
        this.events.get(event.id)?.push(event);
        return null;
      }
      case 'targets':
        this.targets.set(event.year, { annualKg: event.annualKg, monthlyPlanKg: event.monthlyPlanKg });
        return null;
      case 'baseline':
        this.baseline = { year: event.year, kg: event.kg };
        return null;
      case 'header':
      case 'recovery':
        return null;
    }
  };

  private indexBlNumber(shipment: Shipment): void {
    if (shipment.blNumber !== null && !shipment.voided) this.byBlNumber.set(normaliseBlNumber(shipment.blNumber), shipment.id);
  }

  private unindexBlNumber(shipment: Shipment): void {
    if (shipment.blNumber === null) return;
    const key = normaliseBlNumber(shipment.blNumber);
    if (this.byBlNumber.get(key) === shipment.id) this.byBlNumber.delete(key);
  }

  /** The live shipment holding a B/L number; a voided cargo's number may be used again. */
  findByBlNumber = (blNumber: string): Shipment | undefined => {
    const id = this.byBlNumber.get(normaliseBlNumber(blNumber));
    return id === undefined ? undefined : this.shipments.get(id);
  };

  targetsFor(year: number): YearTargets {
    const set = this.targets.get(year);
    if (set) return { year, annualKg: set.annualKg, monthlyPlanKg: set.monthlyPlanKg ? [...set.monthlyPlanKg] : null, source: 'ledger' };
    return { year, annualKg: defaultAnnualTargetKg(year), monthlyPlanKg: null, source: 'default' };
  }

  currentBaseline(): Baseline {
    return this.baseline ? { ...this.baseline, source: 'ledger' } : { ...DEFAULT_BASELINE, source: 'default' };
  }

  history(id: string): HistoryEntry[] {
    const entries: HistoryEntry[] = [];
    let state: Partial<ShipmentFields> = {};
    for (const event of this.events.get(id) ?? []) {
      if (event.type === 'record') {
        state = { ...event.shipment };
        entries.push({ seq: event.seq, at: event.at, actor: event.actor, action: 'record', reason: null, changes: [] });
      } else if (event.type === 'amend') {
        const changes = (Object.keys(event.set) as (keyof ShipmentFields)[]).map((field) => ({
          field,
          before: state[field] ?? null,
          after: event.set[field] ?? null,
        }));
        state = { ...state, ...event.set };
        entries.push({ seq: event.seq, at: event.at, actor: event.actor, action: 'amend', reason: event.reason, changes });
      } else {
        entries.push({ seq: event.seq, at: event.at, actor: event.actor, action: 'void', reason: event.reason, changes: [] });
      }
    }
    return entries;
  }

  years(): number[] {
    const years = new Set<number>();
    for (const shipment of this.shipments.values()) if (!shipment.voided) years.add(Number(shipment.blDate.slice(0, 4)));
    return [...years].sort((a, b) => a - b);
  }
}
