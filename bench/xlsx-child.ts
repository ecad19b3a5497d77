/**
 * One export of bench/xlsx.ts, in a process of its own so its peak memory is its own: the ledger
 * opened read-only, then the register written one way, timed from after the open (the memory
 * after the open is given too, so what the export itself adds can be told apart).
 *   node -r tsx/cjs bench/xlsx-child.ts LEDGER xlsx|csv|plain-in-memory
 */
import ExcelJS from 'exceljs';
import { LedgerService } from '../electron/core/service';
import { registerTable, type WorkbookContext } from '../electron/core/xlsx/reports';

/** exceljs's in-memory workbook given the same cells with no formats, widths, filter or totals: a floor. */
async function plainInMemory(service: LedgerService, context: WorkbookContext): Promise<number> {
  const shipments = (await service.listShipments({ year: 2024 })).filter((s) => !s.voided);
  const table = registerTable(shipments, context);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.name);
  sheet.addRow(table.columns.map((column) => column.header));
  for (const row of table.rows) sheet.addRow([...row]);
  return (await workbook.xlsx.writeBuffer()).byteLength;
}

async function main(): Promise<void> {
  const [ledger, how] = process.argv.slice(2) as [string, string];
  const now = new Date('2024-12-31T12:00:00Z');
  const service = LedgerService.open(ledger, { readOnly: true, now: () => now });
  const context: WorkbookContext = { year: 2024, language: 'en', asOf: '2024-12-31', station: null, now };
  const openRssKb = process.memoryUsage().rss / 1024;
  const started = process.hrtime.bigint();
  let bytes: number;
  if (how === 'plain-in-memory') bytes = await plainInMemory(service, context);
  else {
    const report = await service.exportReport({ year: 2024, report: 'register', format: how });
    bytes = Buffer.byteLength(report.content, report.encoding);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  service.close();
  process.stdout.write(JSON.stringify({ ms, bytes, openRssKb, maxRssKb: process.resourceUsage().maxRSS }));
}

void main();
