/**
 * `sync` (one round), `sync setup`, `sync status`, `sync init-server` and `conflicts`: a ledger
 * shared between stations through a CouchDB server. The server's credentials come from
 * TRANSIT_SYNC_USER / TRANSIT_SYNC_PASSWORD only; a server that cannot be reached or refuses
 * is exit 4, with the reason in words.
 */
import type { Conflict } from '../../core/api';
import { kgToTonnes } from '../../core/quantity';
import { parseStationId } from '../../core/stations/ids';
import { Couch } from '../../core/sync/couch';
import { requireCredentials, setupStation, syncOnce, syncStatus } from '../../core/sync/index';
import { initServer } from '../../core/sync/server';
import { parseServerUrl, shownUrl } from '../../core/sync/url';
import { flag, given } from '../args';
import type { Command, CommandContext, LedgerPlan } from '../command';
import { EXIT, UsageError } from '../io';
import { describe } from '../output';

function required(context: CommandContext, name: string): string {
  const value = flag(context.invocation, name);
  if (value === undefined || value.trim() === '')
    throw new UsageError(`sync ${context.invocation.arg} needs --${name}. Usage: ${usageOf()}`);
  return value;
}

function usageOf(): string {
  return (
    'sync [--json] | sync setup --url URL --station ID | sync status ' +
    '[--json] | sync init-server --url URL --stations AKT,SNG,HQ'
  );
}

async function initServerCommand(context: CommandContext): Promise<number> {
  const { io, invocation } = context;
  const url = parseServerUrl(required(context, 'url'), given(invocation, 'insecure'));
  const stations = [
    ...new Set(
      required(context, 'stations')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .map(parseStationId),
    ),
  ];
  const couch = new Couch(url, requireCredentials(io.env));
  const outcome = await initServer(couch, stations);
  io.out(
    [
      `${outcome.createdDatabase ? 'Created' : 'Found'} the ledger database ${shownUrl(url)}.`,
      `Validation: ${outcome.designUpdated ? 'installed' : 'already in place'}.`,
      `Stations admitted: ${stations.join(', ')} (roles ${stations.map((s) => `station:${s}`).join(', ')})` +
        `${outcome.securityUpdated ? '' : ', as before'}.`,
    ].join('\n'),
  );
  return EXIT.ok;
}

const setupPlan = (context: CommandContext): LedgerPlan => ({
  writes: true,
  async run({ service, io, invocation }) {
    const outcome = setupStation(service, {
      url: required(context, 'url'),
      station: required(context, 'station'),
      insecure: given(invocation, 'insecure'),
    });
    io.out(`This ledger is station ${outcome.station}; it syncs with ${outcome.url}.`);
    return EXIT.ok;
  },
});

const roundPlan = (): LedgerPlan => ({
  writes: true,
  async run({ service, io, invocation }) {
    // TRANSIT_SYNC_BATCH: documents per request (1000); the kill specifications make rounds of many small steps.
    const batch = Number(io.env.TRANSIT_SYNC_BATCH ?? '') || undefined;
    const report = await syncOnce(service, requireCredentials(io.env), { now: io.now, batch });
    const pulled = Object.entries(report.pulled).filter(([, n]) => n > 0);
    const conflicts = (await service.conflicts()).length;
    if (given(invocation, 'json')) {
      io.out(JSON.stringify({ ...report, conflicts }, null, 2));
      return EXIT.ok;
    }
    io.out(
      `Pushed ${report.pushed} ${report.pushed === 1 ? 'entry' : 'entries'} of station ${service.station}.`,
    );
    io.out(
      pulled.length === 0
        ? 'Pulled nothing new.'
        : `Pulled ${pulled.map(([station, n]) => `${n} from ${station}`).join(', ')}.`,
    );
    for (const entry of report.refused) io.err(`Refused ${entry.id}: ${entry.reason}.`);
    if (conflicts > 0)
      io.out(`${conflicts} open conflict${conflicts === 1 ? '' : 's'}: see "transit-ledger conflicts".`);
    return EXIT.ok;
  },
});

const statusPlan = (): LedgerPlan => ({
  writes: false,
  async run({ service, io, invocation }) {
    const status = syncStatus(service);
    if (given(invocation, 'json')) {
      io.out(JSON.stringify(status, null, 2));
      return EXIT.ok;
    }
    if (status.url === null) {
      io.out('This ledger is not set up for sync. Run "transit-ledger sync setup --url URL --station ID".');
      return EXIT.ok;
    }
    io.out(`Station ${status.station}, server ${status.url}.`);
    io.out(`Last successful sync: ${status.lastSync ?? 'never'}.`);
    if (status.lastError) io.out(`Last attempt failed: ${status.lastError.message}`);
    io.out(`Waiting to be pushed: ${status.waiting}. Open conflicts: ${status.conflicts}.`);
    if (status.waitingForOthers > 0)
      io.out(`Received but waiting for entries of other stations: ${status.waitingForOthers}.`);
    for (const entry of status.refused) io.out(`Refused ${entry.id}: ${entry.reason}.`);
    return EXIT.ok;
  },
});

export const sync: Command = {
  kind: 'standalone',
  async run(context) {
    const sub = context.invocation.arg;
    if (sub === 'init-server') return initServerCommand(context);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when needed, as in run-command.ts
    const { runOnLedger } = require('../session') as typeof import('../session');
    const plan = sub === 'setup' ? setupPlan(context) : sub === 'status' ? statusPlan() : roundPlan();
    return runOnLedger(context, plan);
  },
};

function conflictJson(conflict: Conflict): Record<string, unknown> {
  return {
    kind: conflict.kind,
    cargo: conflict.shipmentId,
    shipmentIds: conflict.shipmentIds,
    blNumber: conflict.blNumber,
    shown: conflict.shown.map((s) => ({ ...s, netTonnes: kgToTonnes(s.netKg) })),
    versions: conflict.versions.map((v) => ({
      ...v,
      shipment: { ...v.shipment, netTonnes: kgToTonnes(v.shipment.netKg) },
    })),
  };
}

export const conflicts: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: false,
    async run({ service, io }) {
      const open = await service.conflicts();
      if (given(invocation, 'json')) {
        io.out(JSON.stringify(open.map(conflictJson), null, 2));
        return EXIT.ok;
      }
      if (open.length === 0) io.out('No open conflicts.');
      for (const conflict of open) {
        io.out(
          conflict.kind === 'fork'
            ? `Cargo ${conflict.shipmentId} was edited at two places; it ` +
                `counts as ${describe(conflict.shown[0] as never)} until resolved:`
            : `B/L ${conflict.blNumber} is recorded ${conflict.shipmentIds.length} times:`,
        );
        for (const v of conflict.versions)
          io.out(
            `  ${v.station} (${v.eventId}, ${v.action} by ${v.actor} at ${v.at}` +
              `${v.reason ? `, "${v.reason}"` : ''}): ${v.shipment.voided ? 'void' : describe(v.shipment)}`,
          );
        io.out(
          conflict.kind === 'fork'
            ? `  Resolve: transit-ledger amend ${conflict.shipmentId} [the right figures] --reason R`
            : `  Resolve: transit-ledger void <one of ${conflict.shipmentIds.join(', ')}> --reason R`,
        );
      }
      return EXIT.ok;
    },
  }),
};
