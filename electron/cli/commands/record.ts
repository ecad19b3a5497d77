/** `add`, `amend` and `void`: the commands that write one cargo. */
import type { FieldIssue } from '../../core/errors';
import { flag, given } from '../args';
import type { Command } from '../command';
import { EXIT, type CliIo } from '../io';
import { describe } from '../output';
import { shipmentInput } from '../shipment-flags';

function warn(io: CliIo, warnings: readonly FieldIssue[]): void {
  for (const warning of warnings) io.err(`Warning: ${warning.message}`);
}

/** Prints the new id alone on the last line, for scripts. */
export const add: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: true,
    async run({ service, io }) {
      const { shipment, warnings } = await service.recordShipment(shipmentInput(invocation.values), {
        force: given(invocation, 'force'),
      });
      warn(io, warnings);
      io.out(`Recorded ${describe(shipment)}.`);
      io.out(shipment.id);
      return EXIT.ok;
    },
  }),
};

export const amend: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: true,
    async run({ service, io }) {
      const options = { reason: flag(invocation, 'reason'), force: given(invocation, 'force') };
      const { shipment, warnings } = await service.amendShipment(
        invocation.arg,
        shipmentInput(invocation.values),
        options,
      );
      warn(io, warnings);
      io.out(`Amended ${shipment.id}: ${describe(shipment)}.`);
      return EXIT.ok;
    },
  }),
};

export const voidCommand: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: true,
    async run({ service, io }) {
      const shipment = await service.voidShipment(invocation.arg, flag(invocation, 'reason') as string);
      io.out(`Voided ${shipment.id}: ${describe(shipment)} (${shipment.voidReason ?? ''}).`);
      return EXIT.ok;
    },
  }),
};
