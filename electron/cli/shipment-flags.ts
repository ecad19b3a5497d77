/**
 * The flags of `add` and `amend`, and how they become a shipment's input: each field's flags come
 * from the core's field table (fields.ts). It stays light (the table is pure data: no validator,
 * no ledger, no zod, csv-parse or date-fns), because `--help` loads it to list options.
 */
import type { ParseArgsConfig } from 'node:util';
import type { ShipmentInput } from '../core/api';
import { SHIPMENT_FLAGS } from '../core/fields';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Every shipment flag, each taking a value. */
export const shipmentOptions: Options = Object.fromEntries(
  Object.keys(SHIPMENT_FLAGS).map((flag) => [flag, { type: 'string' } as const]),
);

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
