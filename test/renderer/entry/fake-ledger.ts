/**
 * An in-memory TransitApi for the entry form's and edit dialog's tests: recordShipment and
 * amendShipment run the REAL core validator (electron/core/shipment.ts) with a fixed "today", so
 * every refusal, question and message the forms show is the core's own. A check (WriteOptions.check)
 * validates as the service's does and writes nothing; it is counted apart from the saves. Errors
 * reach the store as the client delivers them: ApiError.
 */
import type {
  AmendOptions,
  FieldIssue,
  LedgerInfo,
  Progress,
  Shipment,
  ShipmentInput,
  TransitApi,
  WriteOptions,
  YearTargets,
} from '../../../electron/core/api';
import { invalid, TransitError } from '../../../electron/core/errors';
import { DEFAULT_FLEET, type FleetVessel } from '../../../electron/core/fleet';
import {
  normaliseBlNumber,
  normaliseVessel,
  validateAmendment,
  validateShipment,
  type ValidationContext,
} from '../../../electron/core/shipment';
import { ApiError } from '../../../renderer/src/client';

/** 2024-08-15 12:00 UTC: 17:00 at Aktau, so the load-port date is 2024-08-15 all day long for a test. */
export const FIXED_NOW = new Date('2024-08-15T12:00:00Z');
export const TODAY = '2024-08-15';

export interface RecordCall {
  input: ShipmentInput;
  force: boolean;
}

export interface AmendCall {
  id: string;
  changes: ShipmentInput;
  force: boolean;
  reason: string | undefined;
}

/** A refusal as the service gives it: a check's carries the questions a save would ask too. */
function refusal(result: { errors: FieldIssue[]; warnings: FieldIssue[] }, check: boolean): ApiError {
  return new ApiError(invalid(check ? [...result.errors, ...result.warnings] : result.errors).toPayload());
}

export class FakeLedger {
  readonly shipments = new Map<string, Shipment>();
  /** Saves only: a check is never one. */
  readonly recordCalls: RecordCall[] = [];
  readonly amendCalls: AmendCall[] = [];
  /** Checks of a new shipment or of an amendment: what the forms asked without saving. */
  readonly checkCalls: ShipmentInput[] = [];
  readonly voidCalls: { id: string; reason: string }[] = [];
  readOnly = false;
  private serial = 0;
  readonly api: TransitApi;

  /** The fleet the validator matches vessels to, as the service gives it; none: any name is taken as typed. */
  private readonly fleet: readonly FleetVessel[] | undefined;

  constructor(options: { readOnly?: boolean; fleet?: readonly FleetVessel[] } = {}) {
    this.readOnly = options.readOnly ?? false;
    this.fleet = options.fleet;
    const notUsed = () =>
      Promise.reject(new ApiError({ code: 'internal', message: 'not used by the entry form' }));
    this.api = {
      info: async () => this.info(),
      recordShipment: async (input, options) => this.record(input, options),
      amendShipment: async (id, changes, options) => this.amend(id, changes, options),
      voidShipment: async (id, reason) => this.void(id, reason),
      shipmentHistory: notUsed,
      // In the service's order: by B/L date, then by time of recording.
      listShipments: async (query) =>
        [...this.shipments.values()]
          .filter((s) => query.year === undefined || s.blDate.startsWith(`${query.year}-`))
          .sort((a, b) => a.blDate.localeCompare(b.blDate) || a.recordedAt.localeCompare(b.recordedAt))
          .map((s) => ({ ...s })),
      getTargets: async (year): Promise<YearTargets> => ({
        year,
        annualKg: 2_200_000_000,
        monthlyPlanKg: null,
        lossAllowancePercent: 0.5,
        source: 'default',
      }),
      setTargets: notUsed,
      getBaseline: notUsed,
      setBaseline: notUsed,
      getFleet: async () => (this.fleet ?? DEFAULT_FLEET).map((vessel) => ({ ...vessel })),
      saveVessel: notUsed,
      // The entry form shows no totals; the store only keeps what it is given.
      progress: async () => ({}) as Progress,
      compareYears: notUsed,
      reconcile: notUsed,
      vessels: notUsed,
      exportReport: notUsed,
      importCsv: notUsed,
      verify: notUsed,
      useDemoLedger: notUsed,
      preferences: notUsed,
      savePreferences: notUsed,
      syncStatus: notUsed,
      syncNow: notUsed,
      syncSetup: notUsed,
      testConnection: notUsed,
      conflicts: notUsed,
      closeMonth: notUsed,
      reopenMonth: notUsed,
      periods: notUsed,
      backupStatus: notUsed,
      backupNow: notUsed,
      setBackupFolder: notUsed,
      programme: notUsed,
      nominate: notUsed,
      cancelNomination: notUsed,
      linkNomination: notUsed,
    };
  }

  /** Live shipments, oldest first. */
  live(): Shipment[] {
    return [...this.shipments.values()].filter((s) => !s.voided);
  }

  private info(): LedgerInfo {
    return {
      path: '/tmp/fake-ledger.jsonl',
      ledgerId: 'real',
      readOnly: this.readOnly,
      writer: null,
      demo: false,
      entries: this.shipments.size,
      shipments: this.live().length,
      years: [2024],
      recovery: null,
    };
  }

  private context(force: boolean): ValidationContext {
    return {
      today: TODAY,
      findByBlNumber: (blNumber: string) =>
        this.live().find(
          (s) => s.blNumber !== null && normaliseBlNumber(s.blNumber) === normaliseBlNumber(blNumber),
        ),
      findSameCargo: (blDate: string, vessel: string, netKg: number) =>
        this.live().filter(
          (s) =>
            s.blDate === blDate && normaliseVessel(s.vessel) === normaliseVessel(vessel) && s.netKg === netKg,
        ),
      force,
      ...(this.fleet ? { fleet: this.fleet } : {}),
    };
  }

  private async record(input: ShipmentInput, options?: WriteOptions) {
    const force = options?.force === true;
    const check = options?.check === true;
    if (check) this.checkCalls.push({ ...input });
    else this.recordCalls.push({ input: { ...input }, force });
    // A check writes nothing, so a read-only ledger answers it (as the service does).
    if (this.readOnly && !check)
      throw new ApiError({ code: 'read_only', message: 'This ledger was opened read-only.' });
    const result = validateShipment(input, this.context(force));
    if (!result.ok) throw refusal(result, check);
    const id = check ? '' : `id${String(++this.serial).padStart(8, '0')}`;
    const at = new Date(FIXED_NOW.getTime() + this.serial * 1000).toISOString();
    const shipment: Shipment = {
      ...result.value,
      id,
      voided: false,
      voidReason: null,
      recordedAt: at,
      recordedBy: 'test',
      updatedAt: at,
      recordedOrder: this.serial,
    };
    if (check) return { shipment, warnings: result.warnings, checked: true };
    this.shipments.set(id, shipment);
    return { shipment: { ...shipment }, warnings: result.warnings };
  }

  private async amend(id: string, changes: ShipmentInput, options?: AmendOptions) {
    const force = options?.force === true;
    const check = options?.check === true;
    if (check) this.checkCalls.push({ ...changes });
    else this.amendCalls.push({ id, changes: { ...changes }, force, reason: options?.reason });
    const current = this.shipments.get(id);
    if (!current)
      throw new ApiError(new TransitError('not_found', `There is no shipment with id ${id}.`).toPayload());
    const result = validateAmendment(current, changes, this.context(force));
    if (!result.ok) throw refusal(result, check);
    const next: Shipment = { ...current, ...result.value };
    if (!check) this.shipments.set(id, next);
    return { shipment: { ...next }, warnings: result.warnings, ...(check ? { checked: true } : {}) };
  }

  /** Puts a recorded cargo in the ledger, as an earlier session would have left it. */
  add(input: ShipmentInput): Shipment {
    const result = validateShipment(input, this.context(true));
    if (!result.ok) throw new Error(`not a valid cargo: ${result.errors.map((e) => e.message).join(' ')}`);
    const id = `id${String(++this.serial).padStart(8, '0')}`;
    const at = FIXED_NOW.toISOString();
    const shipment: Shipment = {
      ...result.value,
      id,
      voided: false,
      voidReason: null,
      recordedAt: at,
      recordedBy: 'test',
      updatedAt: at,
      recordedOrder: this.serial,
    };
    this.shipments.set(id, shipment);
    return { ...shipment };
  }

  private async void(id: string, reason: string): Promise<Shipment> {
    this.voidCalls.push({ id, reason });
    const shipment = this.shipments.get(id);
    if (!shipment)
      throw new ApiError(new TransitError('not_found', `There is no shipment with id ${id}.`).toPayload());
    const voided = { ...shipment, voided: true, voidReason: reason };
    this.shipments.set(id, voided);
    return { ...voided };
  }
}
