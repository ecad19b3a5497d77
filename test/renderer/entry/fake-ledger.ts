/**
 * An in-memory TransitApi for the entry form's tests: recordShipment runs the REAL core validator
 * (electron/core/shipment.ts) with a fixed "today", so every refusal, question and message the
 * form shows is the core's own. Errors reach the store as the client delivers them: ApiError.
 */
import type {
  LedgerInfo,
  Progress,
  Shipment,
  ShipmentInput,
  TransitApi,
  WriteOptions,
  YearTargets,
} from '../../../electron/core/api';
import { invalid, TransitError } from '../../../electron/core/errors';
import { normaliseBlNumber, normaliseVessel, validateShipment } from '../../../electron/core/shipment';
import { ApiError } from '../../../renderer/src/client';

/** 2024-08-15 12:00 UTC: 17:00 at Aktau, so the load-port date is 2024-08-15 all day long for a test. */
export const FIXED_NOW = new Date('2024-08-15T12:00:00Z');
export const TODAY = '2024-08-15';

export interface RecordCall {
  input: ShipmentInput;
  force: boolean;
}

export class FakeLedger {
  readonly shipments = new Map<string, Shipment>();
  readonly recordCalls: RecordCall[] = [];
  readonly voidCalls: { id: string; reason: string }[] = [];
  readOnly = false;
  private serial = 0;
  readonly api: TransitApi;

  constructor(options: { readOnly?: boolean } = {}) {
    this.readOnly = options.readOnly ?? false;
    const notUsed = () =>
      Promise.reject(new ApiError({ code: 'internal', message: 'not used by the entry form' }));
    this.api = {
      info: async () => this.info(),
      recordShipment: async (input, options) => this.record(input, options),
      amendShipment: notUsed,
      voidShipment: async (id, reason) => this.void(id, reason),
      shipmentHistory: notUsed,
      listShipments: async (query) =>
        [...this.shipments.values()]
          .filter((s) => query.year === undefined || s.blDate.startsWith(`${query.year}-`))
          .map((s) => ({ ...s })),
      getTargets: async (year): Promise<YearTargets> => ({
        year,
        annualKg: 2_200_000_000,
        monthlyPlanKg: null,
        source: 'default',
      }),
      setTargets: notUsed,
      getBaseline: notUsed,
      setBaseline: notUsed,
      // The entry form shows no totals; the store only keeps what it is given.
      progress: async () => ({}) as Progress,
      exportReport: notUsed,
      importCsv: notUsed,
      verify: notUsed,
      useDemoLedger: notUsed,
      syncStatus: notUsed,
      syncNow: notUsed,
      syncSetup: notUsed,
      testConnection: notUsed,
      conflicts: notUsed,
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

  private async record(input: ShipmentInput, options?: WriteOptions) {
    const force = options?.force === true;
    this.recordCalls.push({ input: { ...input }, force });
    if (this.readOnly)
      throw new ApiError({ code: 'read_only', message: 'This ledger was opened read-only.' });
    const findByBlNumber = (blNumber: string) =>
      this.live().find(
        (s) => s.blNumber !== null && normaliseBlNumber(s.blNumber) === normaliseBlNumber(blNumber),
      );
    const findSameCargo = (blDate: string, vessel: string, netKg: number) =>
      this.live().filter(
        (s) =>
          s.blDate === blDate && normaliseVessel(s.vessel) === normaliseVessel(vessel) && s.netKg === netKg,
      );
    const result = validateShipment(input, { today: TODAY, findByBlNumber, findSameCargo, force });
    if (!result.ok) throw new ApiError(invalid(result.errors).toPayload());
    const id = `id${String(++this.serial).padStart(8, '0')}`;
    const at = new Date(FIXED_NOW.getTime() + this.serial * 1000).toISOString();
    const shipment: Shipment = {
      ...result.value,
      id,
      voided: false,
      voidReason: null,
      recordedAt: at,
      recordedBy: 'test',
      updatedAt: at,
    };
    this.shipments.set(id, shipment);
    return { shipment: { ...shipment }, warnings: result.warnings };
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
