/**
 * The ledger's present, folded from its journal: live and voided shipments, each one's history,
 * the targets and the baseline. Every event passes through `apply`, at open and after each write.
 */
import type { Baseline, HistoryEntry, Shipment, ShipmentFields, YearTargets } from './api';
import { DEFAULT_BASELINE, DEFAULT_LOSS_ALLOWANCE_PERCENT, defaultAnnualTargetKg } from './defaults';
import { rejection, type LedgerEvent, type Rejection } from './events';
import { DEFAULT_FLEET, type FleetVessel } from './fleet';
import { STORED_KEYS, type StoredKey } from './fields';
import { PeriodBook } from './periods';
import { ProgrammeBook } from './programme-book';
import { matchProgramme, type Matching } from './programme';
import { addToYearDays, dayOfYearIndex, emptyYearDays, type YearDays } from './progress';
import { blLookKey, isOwnLook, normaliseBlNumber, normaliseVessel } from './shipment';

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A real YYYY-MM-DD date; cheaper than a full parse, which matters when replaying 100,000 entries. */
function isCalendarDate(text: string): boolean {
  // The shape /^\d{4}-\d{2}-\d{2}$/, checked char by char.
  if (
    typeof text !== 'string' ||
    text.length !== 10 ||
    text.charCodeAt(4) !== 0x2d ||
    text.charCodeAt(7) !== 0x2d
  )
    return false;
  for (let i = 0; i < DATE_DIGITS.length; i++)
    if (!isDigit(text.charCodeAt(DATE_DIGITS[i] as number))) return false;
  try {
    dayOfYearIndex(text, Number(text.slice(0, 4)));
    return true;
  } catch {
    return false;
  }
}

const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/** The year of a date that isCalendarDate accepted: Number(blDate.slice(0, 4)) without the slice. */
function yearOf(blDate: string): number {
  return (
    (blDate.charCodeAt(0) - 0x30) * 1000 +
    (blDate.charCodeAt(1) - 0x30) * 100 +
    (blDate.charCodeAt(2) - 0x30) * 10 +
    (blDate.charCodeAt(3) - 0x30)
  );
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

/** True when the fields' own keys are the table's stored keys, in its order: how the app writes every record. */
function inTableShape(fields: object): boolean {
  let i = 0;
  for (const key in fields) {
    if (key !== STORED_KEYS[i]) return false;
    i++;
  }
  return i === STORED_KEYS.length;
}

/**
 * A shipment as first recorded. Every one has the same properties in the same order (the field
 * table's), so all share one object shape, which keeps replaying and summing 100,000 of them fast.
 * Fields as the app writes them are copied whole (a third of the cost of a store per key); any
 * other (a key missing, or one more) is read key by key, so the shipment has the table's keys only.
 */
function newShipment(id: string, fields: ShipmentFields, at: string, actor: string, order: number): Shipment {
  if (inTableShape(fields))
    return {
      id,
      ...fields,
      voided: false,
      voidReason: null,
      recordedAt: at,
      recordedBy: actor,
      updatedAt: at,
      recordedOrder: order,
    };
  const shipment: Record<string, unknown> = { id };
  for (let i = 0; i < STORED_KEYS.length; i++) {
    const key = STORED_KEYS[i] as StoredKey;
    // A record written before a field existed (the voyage dates) holds it as blank.
    shipment[key] = fields[key] ?? null;
  }
  shipment.voided = false;
  shipment.voidReason = null;
  shipment.recordedAt = at;
  shipment.recordedBy = actor;
  shipment.updatedAt = at;
  shipment.recordedOrder = order;
  return shipment as unknown as Shipment;
}

/**
 * normaliseBlNumber, without its two string operations for a number that is already normal
 * (printable ASCII, no space, no lower-case letter), as the validator stores every one.
 */
function blNumberKey(blNumber: string): string {
  for (let i = 0; i < blNumber.length; i++) {
    const code = blNumber.charCodeAt(i);
    if (code <= 0x20 || code >= 0x7f || (code >= 0x61 && code <= 0x7a)) return normaliseBlNumber(blNumber);
  }
  return blNumber;
}

/** Whether a baseline's months are twelve non-negative whole kilograms that add up to its total exactly. */
function monthsFit(monthlyKg: unknown, kg: number): monthlyKg is number[] {
  if (!Array.isArray(monthlyKg) || monthlyKg.length !== 12) return false;
  let sum = 0;
  for (const figure of monthlyKg) {
    if (!Number.isSafeInteger(figure) || (figure as number) < 0) return false;
    sum += figure as number;
  }
  return sum === kg;
}

function addTo<K>(map: Map<K, string[]>, key: K, id: string): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, [id]);
  else held.push(id);
}

function removeFrom<K>(map: Map<K, string[]>, key: K, id: string): void {
  const rest = (map.get(key) ?? []).filter((held) => held !== id);
  if (rest.length === 0) map.delete(key);
  else map.set(key, rest);
}

export class LedgerState {
  readonly shipments = new Map<string, Shipment>();
  /** Cargoes recorded so far, in the order applied: each new one's `recordedOrder`. */
  private recorded = 0;
  private readonly byBlNumber = new Map<string, string>();
  /**
   * Live cargoes by weight and B/L day (one number key: cheap to build, about 35 ms for 100,000
   * cargoes), with or without a B/L number, for the duplicate question. Built at the first question
   * and kept in step from then on, so opening or reading a ledger pays nothing for it.
   */
  private cargoIndex: {
    numbered: Map<number, string[]>;
    unnumbered: Map<number, string[]>;
    /**
     * Live cargoes by the look of their B/L number (blLookKey), for the look-alike question: only
     * numbers that are not their own look (Cyrillic letters, lower case, spaces), which are few; one
     * that is, is found by its key in byBlNumber.
     */
    looks: Map<string, string[]>;
  } | null = null;
  /** Each cargo's events, for its history: the record alone until it is amended or voided (no array per cargo). */
  private readonly events = new Map<string, ShipmentEvent | ShipmentEvent[]>();
  private readonly targets = new Map<
    number,
    { annualKg: number; monthlyPlanKg: number[] | null; lossAllowancePercent: number }
  >();
  private baseline: { year: number; kg: number; monthlyKg?: number[] } | null = null;
  /** Closed months and their history of closes and reopens. */
  readonly periods = new PeriodBook();
  /** The loading programme's nominations and the cargoes tied to or kept from them by hand. */
  readonly programme = new ProgrammeBook();

  /** Which cargo fulfils which nomination now, closed months as their close saw them (programme.ts). */
  programmeMatching(): Matching {
    const book = this.programme;
    return matchProgramme({
      nominations: book.all(),
      cargoes: this.shipments.values(),
      fleet: this.fleet(),
      handLinks: book.handLinks,
      keptApart: book.keptApart,
      frozen: book.frozen,
    });
  }
  /** The fleet by id, in the order first known: the default tankers until vessel events change them. */
  private readonly vessels = new Map<string, FleetVessel>(DEFAULT_FLEET.map((vessel) => [vessel.id, vessel]));
  private fleetList: readonly FleetVessel[] | null = null;
  private readonly yearDays = new Map<number, YearDays>();

  /**
   * @param sharedBlNumbers for the fold of several stations' journals: a B/L number recorded at two
   * stations is a conflict to show (stations/fold.ts), not an entry to refuse.
   */
  constructor(private readonly sharedBlNumbers = false) {}
  /** B/L numbers two live cargoes have held at once (shared mode only). */
  private readonly sharedKeys = new Set<string>();

  /** Returns why the event cannot apply (it refers to a shipment that is not there), or null. */
  readonly apply = (event: LedgerEvent): Rejection | null => {
    switch (event.type) {
      case 'record': {
        if (this.shipments.has(event.id))
          return rejection('recorded-twice', `shipment ${event.id} is recorded twice`, { id: event.id });
        const f = event.shipment;
        if (!isCalendarDate(f.blDate))
          return rejection('not-a-date', `its B/L date ${f.blDate} is not a calendar date`, {
            date: f.blDate,
          });
        // The validator never lets two live cargoes share a B/L number;
        // a journal that has them was tampered with or double-written.
        const blKey = f.blNumber === null ? null : blNumberKey(f.blNumber);
        const holder = blKey === null ? undefined : this.byBlNumber.get(blKey);
        if (holder !== undefined && !this.sharedBlNumbers)
          return rejection(
            'bl-number-taken',
            `B/L number ${f.blNumber} is already recorded for shipment ${holder}`,
            { blNumber: f.blNumber ?? '', id: holder },
          );
        const shipment = newShipment(event.id, f, event.at, event.actor, ++this.recorded);
        this.shipments.set(event.id, shipment);
        if (blKey !== null && holder === undefined) this.byBlNumber.set(blKey, event.id);
        else if (blKey !== null) this.sharedKeys.add(blKey);
        this.indexCargo(shipment);
        this.events.set(event.id, event);
        this.count(shipment, 1);
        return null;
      }
      case 'amend': {
        const current = this.shipments.get(event.id);
        // An edit naming its base may be of a cargo another station recorded: the stations' fold judges it.
        if (!current && event.base !== undefined) return null;
        if (!current)
          return rejection('amends-lost', `it amends shipment ${event.id}, whose record was lost`, {
            id: event.id,
          });
        if (event.set.blDate !== undefined && !isCalendarDate(event.set.blDate))
          return rejection('not-a-date', `its B/L date ${event.set.blDate} is not a calendar date`, {
            date: event.set.blDate,
          });
        this.unindexBlNumber(current);
        this.unindexCargo(current);
        this.count(current, -1);
        // An amend that resolves competing versions (`also`) states the cargo whole, live again.
        const next: Shipment =
          event.also === undefined
            ? { ...current, ...event.set, updatedAt: event.at }
            : { ...current, ...event.set, voided: false, voidReason: null, updatedAt: event.at };
        this.shipments.set(event.id, next);
        this.indexBlNumber(next);
        this.indexCargo(next);
        this.count(next, 1);
        this.remember(event);
        return null;
      }
      case 'void': {
        const current = this.shipments.get(event.id);
        if (!current && event.base !== undefined) return null;
        if (!current)
          return rejection('voids-lost', `it voids shipment ${event.id}, whose record was lost`, {
            id: event.id,
          });
        this.unindexBlNumber(current);
        this.unindexCargo(current);
        this.count(current, -1);
        this.shipments.set(event.id, {
          ...current,
          voided: true,
          voidReason: event.reason,
          updatedAt: event.at,
        });
        this.remember(event);
        return null;
      }
      case 'targets':
        this.targets.set(event.year, {
          annualKg: event.annualKg,
          monthlyPlanKg: event.monthlyPlanKg,
          lossAllowancePercent: event.lossAllowancePercent ?? DEFAULT_LOSS_ALLOWANCE_PERCENT,
        });
        return null;
      case 'baseline':
        // Months that are not twelve whole kilograms adding up to the total (an entry no app of ours
        // writes: received from elsewhere, or edited by hand) are not held: the pace stays pro rata.
        this.baseline = monthsFit(event.monthlyKg, event.kg)
          ? { year: event.year, kg: event.kg, monthlyKg: event.monthlyKg.slice() }
          : { year: event.year, kg: event.kg };
        return null;
      case 'close':
      case 'reopen':
        this.periods.apply(event);
        // The close freezes the month's programme as it stands; a reopen lets it be matched afresh.
        if (event.type === 'close') this.programme.freeze(event.month, this.programmeMatching());
        else this.programme.thaw(event.month);
        return null;
      case 'recovery':
        if (event.unsettled) this.periods.unsettle(event.unsettled);
        return null;
      case 'nominate':
      case 'nomination-cancel':
      case 'nomination-link':
        this.programme.apply(event);
        return null;
      case 'vessel':
        this.vessels.set(event.vessel.id, { ...event.vessel, aliases: [...event.vessel.aliases] });
        this.fleetList = null;
        return null;
      case 'header':
      case 'station':
      case 'seen':
      case 'begin':
      case 'commit':
      case 'tip-kept':
        return null;
    }
  };

  /** Adds an amendment or a void to its cargo's events. */
  private remember(event: ShipmentEvent): void {
    const held = this.events.get(event.id);
    if (held === undefined) return;
    if (Array.isArray(held)) held.push(event);
    else this.events.set(event.id, [held, event]);
  }

  /** Keeps the per-day totals of live cargoes in step with every record, amendment and void. */
  private count(shipment: Shipment, sign: 1 | -1): void {
    if (shipment.voided) return;
    const year = yearOf(shipment.blDate);
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
    if (shipment.blNumber === null || shipment.voided) return;
    const key = blNumberKey(shipment.blNumber);
    const holder = this.sharedBlNumbers ? this.byBlNumber.get(key) : undefined;
    if (holder === undefined) this.byBlNumber.set(key, shipment.id);
    else if (holder !== shipment.id) this.sharedKeys.add(key);
  }

  private unindexBlNumber(shipment: Shipment): void {
    if (shipment.blNumber === null) return;
    const key = blNumberKey(shipment.blNumber);
    if (this.byBlNumber.get(key) !== shipment.id) return;
    this.byBlNumber.delete(key);
    if (!this.sharedKeys.has(key)) return;
    // Another station's live cargo may hold the same number: it holds it now.
    for (const other of this.shipments.values())
      if (
        other.id !== shipment.id &&
        !other.voided &&
        other.blNumber !== null &&
        blNumberKey(other.blNumber) === key
      ) {
        this.byBlNumber.set(key, other.id);
        return;
      }
  }

  private indexCargo(shipment: Shipment): void {
    if (this.cargoIndex === null || shipment.voided) return;
    const bucket = shipment.blNumber === null ? this.cargoIndex.unnumbered : this.cargoIndex.numbered;
    addTo(bucket, weightAndDay(shipment.netKg, shipment.blDate), shipment.id);
    if (shipment.blNumber !== null && !isOwnLook(shipment.blNumber))
      addTo(this.cargoIndex.looks, blLookKey(shipment.blNumber), shipment.id);
  }

  private unindexCargo(shipment: Shipment): void {
    if (this.cargoIndex === null || shipment.voided) return;
    const bucket = shipment.blNumber === null ? this.cargoIndex.unnumbered : this.cargoIndex.numbered;
    removeFrom(bucket, weightAndDay(shipment.netKg, shipment.blDate), shipment.id);
    if (shipment.blNumber !== null && !isOwnLook(shipment.blNumber))
      removeFrom(this.cargoIndex.looks, blLookKey(shipment.blNumber), shipment.id);
  }

  /** The duplicate questions' index, built at the first question and kept in step from then on. */
  private questionIndex(): NonNullable<LedgerState['cargoIndex']> {
    if (this.cargoIndex === null) {
      this.cargoIndex = { numbered: new Map(), unnumbered: new Map(), looks: new Map() };
      for (const shipment of this.shipments.values()) this.indexCargo(shipment);
    }
    return this.cargoIndex;
  }

  /**
   * The live shipments a new cargo of this date, vessel (however spelled) and weight would look like
   * a second entry of; `unnumberedOnly` for a cargo with a B/L number, which only an unnumbered one can repeat.
   */
  findSameCargo = (blDate: string, vessel: string, netKg: number, unnumberedOnly = false): Shipment[] => {
    const index = this.questionIndex();
    const key = weightAndDay(netKg, blDate);
    const ids = [
      ...(index.unnumbered.get(key) ?? []),
      ...(unnumberedOnly ? [] : (index.numbered.get(key) ?? [])),
    ];
    const spelled = normaliseVessel(vessel);
    return ids
      .map((id) => this.shipments.get(id) as Shipment)
      .filter((shipment) => shipment.blDate === blDate && normaliseVessel(shipment.vessel) === spelled);
  };

  /** The live shipments whose B/L number looks the same as this one, Cyrillic letters drawn as Latin read as those. */
  findByBlLook = (blNumber: string): Shipment[] => {
    const look = blLookKey(blNumber);
    const plain = this.byBlNumber.get(blNumberKey(look));
    const looks = this.questionIndex().looks.get(look);
    const ids = looks === undefined ? [] : looks.filter((id) => id !== plain);
    if (plain !== undefined) ids.push(plain);
    return ids.map((id) => this.shipments.get(id) as Shipment);
  };

  /** The live shipment holding a B/L number; a voided cargo's number may be used again. */
  findByBlNumber = (blNumber: string): Shipment | undefined => {
    const id = this.byBlNumber.get(blNumberKey(blNumber));
    return id === undefined ? undefined : this.shipments.get(id);
  };

  targetsFor(year: number): YearTargets {
    const set = this.targets.get(year);
    if (set)
      return {
        year,
        annualKg: set.annualKg,
        monthlyPlanKg: set.monthlyPlanKg ? [...set.monthlyPlanKg] : null,
        lossAllowancePercent: set.lossAllowancePercent,
        source: 'ledger',
      };
    return {
      year,
      annualKg: defaultAnnualTargetKg(year),
      monthlyPlanKg: null,
      lossAllowancePercent: DEFAULT_LOSS_ALLOWANCE_PERCENT,
      source: 'default',
    };
  }

  /** Every vessel of the fleet, retired ones too, in the order first known. */
  fleet(): readonly FleetVessel[] {
    this.fleetList ??= [...this.vessels.values()];
    return this.fleetList;
  }

  currentBaseline(): Baseline {
    const held = this.baseline;
    if (held?.monthlyKg) return { ...held, monthlyKg: held.monthlyKg.slice(), source: 'ledger' };
    return held ? { ...held, source: 'ledger' } : { ...DEFAULT_BASELINE, source: 'default' };
  }

  history(id: string): HistoryEntry[] {
    const entries: HistoryEntry[] = [];
    let state: Partial<ShipmentFields> = {};
    const held = this.events.get(id);
    for (const event of held === undefined ? [] : Array.isArray(held) ? held : [held]) {
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
