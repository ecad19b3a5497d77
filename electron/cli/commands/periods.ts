/** `close`, `reopen` and `periods`: make a month's figures final, reopen it, list the months closed. */
import type { PeriodReport } from '../../core/api';
import { closedOn } from '../../core/periods';
import { kgToTonnes } from '../../core/quantity';
import { flag, given } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';
import { t, table } from '../output';

/** "1 cargo", "2 cargoes". */
function cargoes(count: number): string {
  return `${count} ${count === 1 ? 'cargo' : 'cargoes'}`;
}

function periodJson(period: PeriodReport): Record<string, unknown> {
  const close = period.lastClose;
  return {
    month: period.month,
    closed: period.closed,
    closedBy: close.actor,
    closedAt: close.at,
    reason: close.reason,
    closedShipments: close.figures?.shipments ?? null,
    closedTonnes: close.figures ? kgToTonnes(close.figures.kg) : null,
    closedDigest: close.figures?.digest ?? null,
    shipments: period.now.shipments,
    tonnes: kgToTonnes(period.now.kg),
    digest: period.now.digest,
    changedSinceClose: period.changedSinceClose,
    steps: period.steps.map((step) => ({
      action: step.action,
      at: step.at,
      by: step.actor,
      reason: step.reason,
    })),
  };
}

function periodWrite(action: 'close' | 'reopen'): Command {
  return {
    kind: 'ledger',
    plan: ({ invocation }) => {
      const month = flag(invocation, 'month');
      const reason = flag(invocation, 'reason');
      if (month === undefined || reason === undefined)
        throw new UsageError(`${action} needs --month YYYY-MM and --reason R.`);
      return {
        writes: true,
        async run({ service, io }) {
          const request = { month, reason };
          const period =
            action === 'close' ? await service.closeMonth(request) : await service.reopenMonth(request);
          if (given(invocation, 'json')) io.out(JSON.stringify(period === null ? null : periodJson(period)));
          else if (action === 'close' && period !== null)
            io.out(`Closed ${month}: ${cargoes(period.now.shipments)}, ${t(period.now.kg)}.`);
          else io.out(`Reopened ${month}. Close it again once its figures are final.`);
          return EXIT.ok;
        },
      };
    },
  };
}

export const close = periodWrite('close');
export const reopen = periodWrite('reopen');

export const periods: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: false,
    async run({ service, io }) {
      const all = await service.periods();
      const held = (await service.info()).heldMonths ?? [];
      if (given(invocation, 'json')) {
        io.out(JSON.stringify([...all.map(periodJson), ...held.map((month) => ({ month, held: true }))]));
        return EXIT.ok;
      }
      for (const month of held)
        io.out(
          `${month} is held: a repair lost its close or reopen. Close it again, or reopen it to keep it open ` +
            `(transit-ledger close|reopen --month ${month} --reason R).`,
        );
      if (all.length === 0) {
        io.out('No month has been closed.');
        return EXIT.ok;
      }
      const rows = all.map((p) => [
        p.month,
        p.closed ? 'closed' : 'reopened',
        p.lastClose.actor,
        closedOn(p.lastClose),
        t(p.now.kg),
        p.changedSinceClose ? `changed (closed at ${t(p.lastClose.figures?.kg ?? 0)})` : 'unchanged',
      ]);
      io.out(table(['Month', 'State', 'Closed by', 'On', 'Tonnes now', 'Since close'], rows, new Set([4])));
      return EXIT.ok;
    },
  }),
};
