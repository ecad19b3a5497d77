/** `list`: the cargoes of a year or a date range, as a table, JSON, or the register's CSV. */
import type { Shipment } from '../../core/api';
import { formatKgAsTonnes } from '../../core/quantity';
import { defaultSeparator } from '../../core/preferences';
import { flag, given, languageFlag, type Invocation } from '../args';
import type { Command, LedgerContext } from '../command';
import { EXIT, UsageError } from '../io';
import { shipmentJson, t, table } from '../output';

const FORMATS = ['table', 'json', 'csv'];

function shipmentTable(shipments: readonly Shipment[]): string {
  return table(
    ['ID', 'B/L date', 'B/L number', 'Vessel', 'Grade', 'Status', 'Net tonnes'],
    shipments.map((s) => [
      s.id,
      s.blDate,
      s.blNumber ?? '',
      s.vessel,
      s.grade ?? '',
      s.voided ? 'VOID' : s.status.replace('_', ' '),
      formatKgAsTonnes(s.netKg),
    ]),
    new Set([6]),
  );
}

/** The register export of the year, on stdout without its last line end. */
async function listCsv(invocation: Invocation, { service, io, year }: LedgerContext): Promise<number> {
  if (flag(invocation, 'from') !== undefined || flag(invocation, 'to') !== undefined)
    throw new UsageError('--format csv lists a whole year: use --year.');
  const language = languageFlag(invocation);
  const report = await service.exportReport({
    year,
    report: 'register',
    separator: flag(invocation, 'separator') ?? defaultSeparator(language),
    language,
  });
  io.out(report.content.replace(/\r\n$/, ''));
  return EXIT.ok;
}

async function listShipments(
  invocation: Invocation,
  format: string,
  { service, io, year }: LedgerContext,
): Promise<number> {
  const from = flag(invocation, 'from');
  const to = flag(invocation, 'to');
  const range = from !== undefined || to !== undefined ? { from, to } : { year };
  const shipments = await service.listShipments({
    ...range,
    includeVoided: given(invocation, 'include-voided'),
  });
  if (format === 'json') {
    io.out(JSON.stringify(shipments.map(shipmentJson), null, 2));
    return EXIT.ok;
  }
  io.out(shipmentTable(shipments));
  io.out(
    `${shipments.length} shipments, ${t(shipments.reduce((sum, s) => sum + (s.voided ? 0 : s.netKg), 0))}.`,
  );
  return EXIT.ok;
}

export const list: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: false,
    async run(context) {
      const format = flag(invocation, 'format') ?? 'table';
      if (!FORMATS.includes(format))
        throw new UsageError(`--format ${format} is not one of table, json, csv.`);
      if (format !== 'csv' && flag(invocation, 'language') !== undefined)
        throw new UsageError('--language is for --format csv: the register’s headers and status words.');
      return format === 'csv' ? listCsv(invocation, context) : listShipments(invocation, format, context);
    },
  }),
};
