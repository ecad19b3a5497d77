/** `history ID`: who did what to a cargo, when, and each field before → after. */
import type { ShipmentFields } from '../../core/api';
import { fieldName, isQuantity } from '../../core/fields';
import { given } from '../args';
import type { Command } from '../command';
import { EXIT } from '../io';
import { t } from '../output';

function shown(field: keyof ShipmentFields, value: string | number | null): string {
  if (value === null) return '—';
  if (isQuantity(field) && typeof value === 'number') return t(value);
  return String(value);
}

export const history: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: false,
    async run({ service, io }) {
      const entries = await service.shipmentHistory(invocation.arg);
      if (given(invocation, 'json')) {
        io.out(JSON.stringify(entries, null, 2));
        return EXIT.ok;
      }
      for (const entry of entries) {
        const changes = entry.changes
          .map((c) => `${fieldName(c.field)}: ${shown(c.field, c.before)} → ${shown(c.field, c.after)}`)
          .join('; ');
        const reason = entry.reason ? ` (${entry.reason})` : '';
        const changed = changes ? `: ${changes}` : '';
        io.out(`#${entry.seq} ${entry.at} ${entry.actor} ${entry.action}${reason}${changed}`);
      }
      return EXIT.ok;
    },
  }),
};
