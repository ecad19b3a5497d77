/**
 * The flags of `add` and `amend`, and how they become a shipment's input. The only place that
 * knows them: when the core's field table gives each field its CLI flag, this module is what
 * changes. It stays light (no validator, no ledger), because `--help` loads it to list options.
 */
import type { ParseArgsConfig } from 'node:util';
import type { ShipmentInput } from '../core/api';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

const SHIPMENT_FLAGS = {
  'bl-date': 'blDate',
  vessel: 'vessel',
  tonnes: 'netTonnes',
  'net-tonnes': 'netTonnes',
  'bl-number': 'blNumber',
  imo: 'imo',
  voyage: 'voyage',
  grade: 'grade',
  'load-port': 'loadPort',
  'discharge-terminal': 'dischargeTerminal',
  shipper: 'shipper',
  receiver: 'receiver',
  status: 'status',
  'outturn-tonnes': 'outturnTonnes',
  outturn: 'outturnTonnes',
  barrels: 'barrels',
  remarks: 'remarks',
} as const satisfies Record<string, keyof ShipmentInput>;

/** Every shipment flag, each taking a value. */
export const shipmentOptions: Options = Object.fromEntries(Object.keys(SHIPMENT_FLAGS).map((flag) => [flag, { type: 'string' } as const]));

/** The shipment fields the flags give; two flags for one field (`--tonnes`, `--net-tonnes`) are refused. */
export function shipmentInput(values: Readonly<Record<string, unknown>>): ShipmentInput {
  const input: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(SHIPMENT_FLAGS)) {
    if (values[flag] !== undefined) {
      if (input[field] !== undefined) throw new UsageError(`--${flag} repeats a value already given.`);
      input[field] = values[flag];
    }
  }
  return input as ShipmentInput;
}
