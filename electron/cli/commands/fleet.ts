/** `fleet`: the tankers a vessel name is matched to, listed; `fleet add`: a new one kept in the ledger. */
import type { FleetVessel } from '../../core/fleet';
import { formatKgAsTonnes, kgToTonnes } from '../../core/quantity';
import { flag, given } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';

function line(vessel: FleetVessel): string {
  const deadweight = vessel.deadweightKg === null ? '—' : `${formatKgAsTonnes(vessel.deadweightKg)} t dwt`;
  const aliases = vessel.aliases.length > 0 ? `; also ${vessel.aliases.join(', ')}` : '';
  const retired = vessel.retired ? ' (retired)' : '';
  return `${vessel.name}${retired}: IMO ${vessel.imo ?? '—'}, ${deadweight}${aliases}`;
}

export const fleet: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => {
    const adds = invocation.arg === 'add';
    if (adds && flag(invocation, 'name') === undefined)
      throw new UsageError(
        "fleet add needs the tanker's name, e.g. fleet add --name Atyrau --deadweight 12000.",
      );
    return {
      writes: adds,
      async run({ service, io }) {
        const vessels = adds
          ? await service.saveVessel({
              name: flag(invocation, 'name'),
              imo: flag(invocation, 'imo'),
              deadweightTonnes: flag(invocation, 'deadweight'),
              aliases: flag(invocation, 'aliases'),
            })
          : await service.getFleet();
        if (given(invocation, 'json')) {
          const shown = vessels.map(({ deadweightKg, ...vessel }) => ({
            ...vessel,
            deadweightTonnes: deadweightKg === null ? null : kgToTonnes(deadweightKg),
          }));
          io.out(JSON.stringify(shown));
          return EXIT.ok;
        }
        if (adds) io.out(`Added to the fleet: ${line(vessels.at(-1) as FleetVessel)}`);
        else for (const vessel of vessels) io.out(line(vessel));
        return EXIT.ok;
      },
    };
  },
};
