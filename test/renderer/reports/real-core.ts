/**
 * The real core behind a page's specs: a ledger on a fresh file, opened by the core's service as
 * the clerk at a fixed clock (15 August 2024), holding two cargoes an import can collide with, and
 * a sheet of bad rows, one for each thing the core refuses or asks about. The core's modules use
 * Node, which the page's types leave out: they are loaded untyped and typed here.
 */
import type { ImportReport, ShipmentInput } from '../../../electron/core/api';

interface Fs {
  mkdtempSync(prefix: string): string;
  readFileSync(path: string, encoding: 'utf8'): string;
  rmSync(path: string, options: { recursive: boolean; force: boolean }): void;
}

export interface RealLedger {
  recordShipment(input: ShipmentInput): Promise<unknown>;
  importCsv(request: {
    text?: string;
    base64?: string;
    dryRun: boolean;
    allRows?: boolean;
  }): Promise<ImportReport>;
  close(): void;
}

export const fs = jest.requireActual<Fs>('node:fs');
const { tmpdir } = jest.requireActual<{ tmpdir(): string }>('node:os');
const util = jest.requireActual<{ TextDecoder: typeof TextDecoder; TextEncoder: typeof TextEncoder }>(
  'node:util',
);
const { LedgerService } = jest.requireActual<{
  LedgerService: { open(path: string, options: object): RealLedger };
}>('../../../electron/core/service');

/**
 * A real ledger for each test of the calling file, with Liwa's KZ-1 of 1 August and Taraz's
 * unnumbered cargo of 2 August in it; and the core's text decoder and encoder, which jsdom lacks.
 */
export function realLedgerPerTest(): { current: RealLedger } {
  const ledger = { current: null as unknown as RealLedger };
  const globals = globalThis as { TextDecoder?: unknown; TextEncoder?: unknown };
  let dir = '';
  beforeEach(async () => {
    globals.TextDecoder = util.TextDecoder;
    globals.TextEncoder = util.TextEncoder;
    dir = fs.mkdtempSync(`${tmpdir()}/transit-import-`);
    ledger.current = LedgerService.open(`${dir}/ledger.jsonl`, {
      actor: 'clerk',
      now: () => new Date('2024-08-15T12:00:00Z'),
    });
    await ledger.current.recordShipment({
      blDate: '2024-08-01',
      vessel: 'Liwa',
      netTonnes: '8800',
      blNumber: 'KZ-1',
    });
    await ledger.current.recordShipment({ blDate: '2024-08-02', vessel: 'Taraz', netTonnes: '6980' });
  });
  afterEach(() => {
    ledger.current.close();
    fs.rmSync(dir, { recursive: true, force: true });
    delete globals.TextDecoder;
    delete globals.TextEncoder;
  });
  return ledger;
}

type Cell = 'date' | 'bl' | 'vessel' | 'imo' | 'status' | 'net' | 'out' | 'bbl' | 'remarks' | 'voided';

const HEADER = 'B/L date;B/L number;Vessel;IMO;Status;Net tonnes;Outturn tonnes;Barrels;Remarks;Voided';

/** A row of the sheet: Astana, 5 August 2024, 9 959,5 t, unless `cells` says otherwise. */
function row(cells: Partial<Record<Cell, string>>): string {
  return [
    cells.date ?? '05.08.2024',
    cells.bl ?? '',
    cells.vessel ?? 'Astana',
    cells.imo ?? '',
    cells.status ?? '',
    cells.net ?? '9 959,5',
    cells.out ?? '',
    cells.bbl ?? '',
    cells.remarks ?? '',
    cells.voided ?? '',
  ].join(';');
}

/** One row for each refusal and question of the core, from line 2 on (the comments number the lines specs name). */
export const BAD_ROWS: readonly string[] = [
  row({ date: '31.02.2024' }), // 2
  row({ date: '2024-13-01' }),
  row({ date: '03.05.24' }),
  row({ date: '01.01.1999' }),
  row({ date: '2024-09-01' }), // 6
  row({ date: '02.01.2024' }),
  row({ date: '' }),
  row({ vessel: '' }),
  row({ vessel: 'A'.repeat(101) }),
  row({ vessel: 'Ast\u0007ana' }),
  row({ imo: '123' }),
  row({ imo: '9301616' }),
  row({ status: 'sunk' }),
  row({ net: 'abc' }),
  row({ net: '9959,5555' }),
  row({ net: '0' }),
  row({ net: '200 000' }),
  row({ net: '20 000' }), // 19
  row({ net: '14 000' }), // 20: above Astana's deadweight
  row({ net: '10 000', out: '9 000' }),
  row({ out: 'x' }),
  row({ bbl: 'x' }),
  row({ bbl: '100' }),
  row({ remarks: 'r'.repeat(1001) }),
  row({ remarks: 'bad\u0001' }),
  row({ bl: 'KZ-1' }), // 27
  row({ bl: 'KZ-9', vessel: 'Aktau' }),
  row({ bl: 'KZ-9', vessel: 'Aktau', net: '7000' }), // 29
  row({ date: '02.08.2024', vessel: 'TARAZ', net: '6 980' }), // 30
  row({ date: '06.08.2024', vessel: 'Aktau', net: '7100' }),
  row({ date: '06.08.2024', vessel: 'Aktau', net: '7100' }), // 32
  row({ voided: 'да' }),
  row({ vessel: 'Astna' }), // 34: not in the fleet, Astana offered
  row({ vessel: 'Caspian Star' }), // 35: not in the fleet, nothing close
  row({ date: '07.08.2024', vessel: 'Лива' }), // 36: the fleet's Liwa
];

/** The sheet: a Russian Excel's `;` file (decimal commas), every row of it bad or asked about. */
export const BAD_SHEET = [HEADER, ...BAD_ROWS, ''].join('\r\n');
