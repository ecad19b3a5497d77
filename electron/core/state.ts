/**
 * The ledger's present, folded from its journal: live and voided shipments, each one's history,
 * the targets and the baseline. Every event passes through `apply`, at open and after each write.
 */
import type { Baseline, HistoryEntry, Shipment, ShipmentFields, YearTargets } from './api';
import { DEFAULT_BASELINE, defaultAnnualTargetKg } from './defaults';
import type { LedgerEvent } from './events';
import { STORED_KEYS, type StoredKey } from './fields';
import { addToYearDays, dayOfYearIndex, emptyYearDays, type YearDays } from './progress';
import { normaliseBlNumber, normaliseVessel } from './shipment';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A real YYYY-MM-DD date; cheaper than a full parse, which matters when replaying 100,000 entries. */
function isCalendarDate(text: string): boolean {
  if (!DATE_SHAPE.test(text)) return false;
  try {
    dayOfYearIndex(text, Number(text.slice(0, 4)));
    return true;
  } catch {
    return false;
  }
}

type ShipmentEvent = Extract<LedgerEvent, { type: 'record' | 'amend' | 'void' }>;

/**
 * The duplicate index's key: a cargo's weight and B/L day in one number (kg × 10⁶ + days since
 * 1970 stays below 2⁵³), so cargoes of a common round weight on other days never share a slot.
 */
function weightAndDay(netKg: number, blDate: string): number {
  const day =
    Date.UTC(Number(blDate.slice(0, 4)), Number(blDate.slice(5, 7)) - 1, Number(blDate.slice(8, 10))) /
    86_400_000;
  return netKg * 1_000_000 + day;
}

/**
 * A shipment as first recorded. Every one is built by adding the same properties in the same
 * order (the field table's), so all share one object shape, which keeps replaying and summing
 * 100,000 of them fast; a spread would copy the journal line's own order instead.
 */
function newShipment(id: string, fields: ShipmentFields, at: string, actor: string): Shipment {
  const shipment: Record<string, unknown> = { id };
  for (let i = 0; i < STORED_KEYS.length; i++) {
    const key = STORED_KEYS[i] as StoredKey;
    shipment[key] = fields[key];
  }
  shipment.voided = false;
  shipment.voidReason = null;
  shipment.recordedAt = at;
  shipment.recordedBy = actor;
  shipment.updatedAt = at;
  return shipment as unknown as Shipment;
}

export class LedgerState {
  readonly shipments = new Map<string, Shipment>();
  private readonly byBlNumber = new Map<string, string>();
  /**
   * Live cargoes by weight and B/L day (one number key: cheap to build, about 35 ms for 100,000
   * cargoes), with or without a B/L number, for the duplicate question. Built at the first question
   * and kept in step from then on, so opening or reading a ledger pays nothing for it.
   */
  private cargoIndex: { numbered: Map<number, string[]>; unnumbered: Map<number, string[]> } | null = null;
  private readonly events = new Map<string, ShipmentEvent[]>();
  private readonly targets = new Map<number, { annualKg: number; monthlyPlanKg: number[] | null }>();
  private baseline: { year: number; kg: number } | null = null;
  private readonly yearDays = new Map<number, YearDays>();

  /** Returns why the event cannot apply (it refers to a shipment that is not there), or null. */
  readonly apply = (event: LedgerEvent): string | null => {
    switch (event.type) {
      case 'record': {
        if (this.shipments.has(event.id)) return `shipment ${event.id} is recorded twice`;
        const f = event.shipment;
        if (!isCalendarDate(f.blDate)) return `its B/L date ${f.blDate} is not a calendar date`;
        // The validator never lets two live cargoes share a B/L number; a journal that has them was tampered with or double-written.
        const blKey = f.blNumber === null ? null : normaliseBlNumber(f.blNumber);
        const holder = blKey === null ? undefined : this.byBlNumber.get(blKey);
        if (holder !== undefined)
          return `B/L number ${f.blNumber} is already recorded for shipment ${holder}`;
        const shipment = newShipment(event.id, f, event.at, event.actor);
        this.shipments.set(event.id, shipment);
        if (blKey !== null) this.byBlNumber.set(blKey, event.id);
        this.indexCargo(shipment);
        this.events.set(event.id, [event]);
        this.count(shipment, 1);
        return null;
      }
      case 'amend': {
        const current = this.shipments.get(event.id);
        if (!current) return `it amends shipment ${event.id}, whose record was lost`;
        if (event.set.blDate !== undefined && !isCalendarDate(event.set.blDate))
          return `its B/L date ${event.set.blDate} is not a calendar date`;
        this.unindexBlNumber(current);
        this.unindexCargo(current);
        this.count(current, -1);
        const next: Shipment = { ...current, ...event.set, updatedAt: event.at };
        this.shipments.set(event.id, next);
        this.indexBlNumber(next);
        this.indexCargo(next);
        this.count(next, 1);
        this.events.get(event.id)?.push(event);
        return null;
      }
      case 'void': {
        const current = this.shipments.get(event.id);
        if (!current) return `it voids shipment ${event.id}, whose record was lost`;
        this.unindexBlNumber(current);
        this.unindexCargo(current);
        this.count(current, -1);
        this.shipments.set(event.id, {
          ...current,
          voided: true,
          voidReason: event.reason,
          updatedAt: event.at,
        });
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
      case 'begin':
      case 'commit':
      case 'tip-kept':
        return null;
    }
  };

  /** Keeps the per-day totals of live cargoes in step with every record, amendment and void. */
  private count(shipment: Shipment, sign: 1 | -1): void {
    if (shipment.voided) return;
    const year = Number(shipment.blDate.slice(0, 4));
    let days = this.yearDays.get(year);
    if (!days) {
      days = emptyYearDays(year);
      this.yearDays.set(year, days);
    }
    addToYearDays(days, shipment.blDate, shipment.netKg, sign);
  }

  /** The live cargoes of a year summed per day: what progress is computed from. */
  daysFor(year: number): YearDays {
    return this.yearDays.get(year) ?? emptyYearDays(year);
  }

  private indexBlNumber(shipment: Shipment): void {
    if (shipment.blNumber !== null && !shipment.voided)
      this.byBlNumber.set(normaliseBlNumber(shipment.blNumber), shipment.id);
  }

  private unindexBlNumber(shipment: Shipment): void {
    if (shipment.blNumber === null) return;
    const key = normaliseBlNumber(shipment.blNumber);
    if (this.byBlNumber.get(key) === shipment.id) this.byBlNumber.delete(key);
  }

  private indexCargo(shipment: Shipment): void {
    if (this.cargoIndex === null || shipment.voided) return;
    const bucket = shipment.blNumber === null ? this.cargoIndex.unnumbered : this.cargoIndex.numbered;
    const key = weightAndDay(shipment.netKg, shipment.blDate);
    const held = bucket.get(key);
    if (held === undefined) bucket.set(key, [shipment.id]);
    else held.push(shipment.id);
  }

  private unindexCargo(shipment: Shipment): void {
    if (this.cargoIndex === null || shipment.voided) return;
    const bucket = shipment.blNumber === null ? this.cargoIndex.unnumbered : this.cargoIndex.numbered;
    const key = weightAndDay(shipment.netKg, shipment.blDate);
    const rest = (bucket.get(key) ?? []).filter((id) => id !== shipment.id);
    if (rest.length === 0) bucket.delete(key);
    else bucket.set(key, rest);
  }

  /**
   * The live shipments a new cargo of this date, vessel (however spelled) and weight would look like
   * a second entry of; `unnumberedOnly` for a cargo with a B/L number, which only an unnumbered one can repeat.
   */
  findSameCargo = (blDate: string, vessel: string, netKg: number, unnumberedOnly = false): Shipment[] => {
    if (this.cargoIndex === null) {
      this.cargoIndex = { numbered: new Map(), unnumbered: new Map() };
      for (const shipment of this.shipments.values()) this.indexCargo(shipment);
    }
    const key = weightAndDay(netKg, blDate);
    const ids = [
      ...(this.cargoIndex.unnumbered.get(key) ?? []),
      ...(unnumberedOnly ? [] : (this.cargoIndex.numbered.get(key) ?? [])),
    ];
    const spelled = normaliseVessel(vessel);
    return ids
      .map((id) => this.shipments.get(id) as Shipment)
      .filter((shipment) => shipment.blDate === blDate && normaliseVessel(shipment.vessel) === spelled);
  };

  /** The live shipment holding a B/L number; a voided cargo's number may be used again. */
  findByBlNumber = (blNumber: string): Shipment | undefined => {
    const id = this.byBlNumber.get(normaliseBlNumber(blNumber));
    return id === undefined ? undefined : this.shipments.get(id);
  };

  targetsFor(year: number): YearTargets {
    const set = this.targets.get(year);
    if (set)
      return {
        year,
        annualKg: set.annualKg,
        monthlyPlanKg: set.monthlyPlanKg ? [...set.monthlyPlanKg] : null,
        source: 'ledger',
      };
    return { year, annualKg: defaultAnnualTargetKg(year), monthlyPlanKg: null, source: 'default' };
  }

  currentBaseline(): Baseline {
    return this.baseline
      ? { ...this.baseline, source: 'ledger' }
      : { ...DEFAULT_BASELINE, source: 'default' };
  }

  history(id: string): HistoryEntry[] {
    const entries: HistoryEntry[] = [];
    let state: Partial<ShipmentFields> = {};
    for (const event of this.events.get(id) ?? []) {
      if (event.type === 'record') {
        state = { ...event.shipment };
        entries.push({
          seq: event.seq,
          at: event.at,
          actor: event.actor,
          action: 'record',
          reason: null,
          changes: [],
        });
      } else if (event.type === 'amend') {
        const changes = (Object.keys(event.set) as (keyof ShipmentFields)[]).map((field) => ({
          field,
          before: state[field] ?? null,
          after: event.set[field] ?? null,
        }));
        state = { ...state, ...event.set };
        entries.push({
          seq: event.seq,
          at: event.at,
          actor: event.actor,
          action: 'amend',
          reason: event.reason,
          changes,
        });
      } else {
        entries.push({
          seq: event.seq,
          at: event.at,
          actor: event.actor,
          action: 'void',
          reason: event.reason,
          changes: [],
        });
      }
    }
    return entries;
  }

  /** The years whose target a targets event sets, ascending. */
  targetYears(): number[] {
    return [...this.targets.keys()].sort((a, b) => a - b);
  }

  years(): number[] {
    const years: number[] = [];
    for (const [year, days] of this.yearDays) if (days.shipments.some((count) => count > 0)) years.push(year);
    return years.sort((a, b) => a - b);
  }
}
