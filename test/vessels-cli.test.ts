/**
 * The command line's voyages (issue 12 part 2): `add`/`amend` with `--arrival-date` and
 * `--discharge-date`, the status they decide, `vessels --year Y [--json]` and `export --report
 * vessels`. Run in this process at the fixed clock (today at Aktau is 2024-08-15); figures worked
 * out by hand beside them, the leap day of 2024 inside one voyage.
 */
import fs from 'node:fs';
import type { ShipmentFields } from '../electron/core/api';
import { Ledger } from '../electron/core/ledger';
import { LedgerState } from '../electron/core/state';
import { readWorkbook } from './support/read-workbook';
import { cliOnTempLedger } from './support/cli-ledger';
import { fixedNow } from './support/temp';

const session = cliOnTempLedger();
const { cli, ok } = session;

const add = (blDate: string, vessel: string, tonnes: string, ...more: string[]) =>
  ok('add', '--bl-date', blDate, '--vessel', vessel, '--tonnes', tonnes, ...more);

/**
 * Astana, voyage 3/24: B/L 28.02.2024, discharged 01.03.2024 (2 days over the leap day); voyage
 * 4/24: B/L 10.03.2024, discharged 14.03.2024 (4 days). Turnaround 28 Feb → 10 Mar: 11 days.
 * Taraz: B/L 01.08.2024, arrived 03.08.2024, not discharged: pending.
 */
async function addCargoes(): Promise<void> {
  await add(
    '28.02.2024',
    'Astana',
    '9959.5',
    '--voyage',
    '3/24',
    '--bl-number',
    'A1',
    '--discharge-date',
    '01.03.2024',
  );
  await add(
    '2024-03-10',
    'Astana',
    '8800',
    '--voyage',
    '4/24',
    '--bl-number',
    'A2',
    '--discharge-date',
    '2024-03-14',
  );
  await add('2024-08-01', 'Taraz', '6980', '--bl-number', 'T1', '--arrival-date', '2024-08-03');
}

describe('add and amend with the voyage dates', () => {
  test('a discharge date makes the cargo discharged, an arrival date alone in transit', async () => {
    await addCargoes();
    const list = JSON.parse(await ok('list', '--year', '2024', '--format', 'json')) as ShipmentFields[];
    expect(list.map((s) => [s.blNumber, s.status, s.arrivalDate, s.dischargeDate])).toEqual([
      ['A1', 'discharged', null, '2024-03-01'],
      ['A2', 'discharged', null, '2024-03-14'],
      ['T1', 'in_transit', '2024-08-03', null],
    ]);
  });

  test('amend --discharge-date alone moves the status to discharged', async () => {
    await addCargoes();
    const list = JSON.parse(await ok('list', '--year', '2024', '--format', 'json')) as {
      id: string;
      blNumber: string;
    }[];
    const taraz = list.find((s) => s.blNumber === 'T1');
    await ok(
      'amend',
      taraz?.id ?? '',
      '--discharge-date',
      '2024-08-04',
      '--reason',
      'discharged at Sangachal',
    );
    const after = JSON.parse(await ok('list', '--year', '2024', '--format', 'json')) as ShipmentFields[];
    expect(after.find((s) => s.blNumber === 'T1')).toMatchObject({
      status: 'discharged',
      dischargeDate: '2024-08-04',
    });
  });

  test('a status the dates contradict is refused with exit 2, naming the rule; nothing is written', async () => {
    const run = await cli(
      'add',
      ...['--bl-date', '2024-08-01', '--vessel', 'Liwa', '--tonnes', '7000'],
      ...['--status', 'loaded', '--discharge-date', '2024-08-03'],
    );
    expect(run.code).toBe(2);
    expect(run.err).toContain('discharge date (2024-08-03)');
    expect(JSON.parse(await ok('list', '--year', '2024', '--format', 'json'))).toEqual([]);
  });

  test('a discharge date before the B/L date is refused', async () => {
    const run = await cli(
      'add',
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Liwa',
      '--tonnes',
      '7000',
      '--discharge-date',
      '2024-07-31',
    );
    expect(run.code).toBe(2);
    expect(run.err).toContain('Discharge date 2024-07-31 is before the B/L date 2024-08-01');
  });
});

describe('vessels', () => {
  test('--json gives each vessel and the totals in kilograms and days, as the README documents', async () => {
    await addCargoes();
    const json = JSON.parse(await ok('vessels', '--year', '2024', '--json')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['year', 'cargoes', 'byVessel', 'totals']);
    expect(json.byVessel).toEqual([
      {
        vessel: 'Astana',
        cargoes: 2,
        netKg: 18_759_500,
        // 18,759,500 / 2
        averageCargoKg: 9_379_750,
        voyages: 2,
        discharged: 2,
        pending: 0,
        // (2 + 4) / 2
        averageTransitDays: 3,
        turnarounds: 1,
        averageTurnaroundDays: 11,
      },
      {
        vessel: 'Taraz',
        cargoes: 1,
        netKg: 6_980_000,
        averageCargoKg: 6_980_000,
        voyages: 1,
        discharged: 0,
        pending: 1,
        averageTransitDays: null,
        turnarounds: 0,
        averageTurnaroundDays: null,
      },
    ]);
    expect(json.totals).toMatchObject({ cargoes: 3, netKg: 25_739_500, voyages: 3, pending: 1 });
    expect(json.cargoes).toContainEqual(
      expect.objectContaining({
        blNumber: 'A1',
        blDate: '2024-02-28',
        dischargeDate: '2024-03-01',
        transitDays: 2,
      }),
    );
  });

  test('the text says the rule, lists the vessels with the total, and marks a pending cargo', async () => {
    await addCargoes();
    const text = await ok('vessels', '--year', '2024');
    expect(text).toContain('transit = discharge date − B/L date');
    expect(text).toContain('3 cargoes, 25739.500 t in 3 voyages; 1 awaiting a discharge date');
    expect(text).toMatch(/Astana\s+2\s+18759\.500\s+9379\.750\s+2\s+2\s+0\s+3\.0\s+11\.0/);
    expect(text).toMatch(/Total\s+3\s+25739\.500\s+8579\.833\s+3\s+2\s+1\s+3\.0\s+11\.0/);
    expect(text).toMatch(/2024-08-01\s+T1\s+Taraz\s+-\s+6980\.000\s+2024-08-03\s+pending\s+2\s+-/);
  });

  test('a year that is no year is refused with exit 2, as every command refuses one', async () => {
    const run = await cli('vessels', '--year', 'soon');
    expect(run.code).toBe(2);
  });

  test('export --report vessels writes the CSV: vessels with the total, then the cargoes', async () => {
    await addCargoes();
    const out = session.temp.file('vessels.csv');
    await ok(
      'export',
      '--year',
      '2024',
      '--report',
      'vessels',
      '--out',
      out,
      '--separator',
      ';',
      '--language',
      'ru',
    );
    const lines = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      '\uFEFFТанкер;Грузов;Масса нетто, т;Средний груз, т;Рейсов;Выгружено;Ожидают выгрузки;' +
        'Средний транзит, сут;Средний оборот рейса, сут',
      'Astana;2;18759,500;9379,750;2;2;0;3;11',
      'Taraz;1;6980,000;6980,000;1;0;1;;',
      'Итого;3;25739,500;8579,833;3;2;1;3;11',
    ]);
    expect(lines).toContain('2024-02-28;A1;Astana;3/24;9959,500;;2024-03-01;;2');
  });
});

test('export --report vessels --format xlsx: the vessels with the total and the cargoes, each on a sheet', async () => {
  await addCargoes();
  const out = session.temp.file('vessels.xlsx');
  await ok('export', '--year', '2024', '--report', 'vessels', '--out', out, '--format', 'xlsx');
  const [vessels, cargoes] = await readWorkbook(fs.readFileSync(out));
  expect(vessels?.sheet).toBe('By vessel');
  expect(vessels?.data[0]).toEqual([
    'Vessels and voyages 2024',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  // Heading, as-of line, a blank row, the header: then the vessels and the total, in tonnes and days.
  expect(vessels?.data.slice(4)).toEqual([
    ['Astana', 2, 18759.5, 9379.75, 2, 2, 0, 3, 11],
    ['Taraz', 1, 6980, 6980, 1, 0, 1, null, null],
    ['Total', 3, 25739.5, 8579.833, 3, 2, 1, 3, 11],
  ]);
  expect(cargoes?.data.find((row) => row[1] === 'A1')?.slice(-3)).toEqual([
    new Date(Date.UTC(2024, 2, 1)),
    null,
    2,
  ]);
  // The workbook writer is loaded when a workbook is first asked for: seconds on a busy machine.
}, 30_000);

describe('a journal written before the voyage dates', () => {
  test('still reads: its cargoes have no dates, and vessels counts them as pending', async () => {
    const state = new LedgerState();
    const journal = Ledger.open(session.ledger, { apply: state.apply, actor: 'clerk', now: fixedNow });
    // A record as the app wrote it before issue 12 part 2: no arrivalDate, no dischargeDate.
    const old = {
      blDate: '2024-07-01',
      vessel: 'Aktau',
      netKg: 7_000_000,
      blNumber: 'OLD-1',
      imo: null,
      voyage: null,
      grade: 'Tengiz',
      loadPort: 'Aktau',
      dischargeTerminal: 'Sangachal',
      shipper: 'KMG',
      receiver: 'SOCAR',
      status: 'discharged',
      outturnKg: null,
      barrels: null,
      remarks: null,
    } as unknown as ShipmentFields;
    journal.append([{ type: 'record', id: 'old0000001', shipment: old }]);
    journal.close();
    const list = JSON.parse(await ok('list', '--year', '2024', '--format', 'json')) as ShipmentFields[];
    expect(list).toEqual([
      expect.objectContaining({ blNumber: 'OLD-1', arrivalDate: null, dischargeDate: null }),
    ]);
    const json = JSON.parse(await ok('vessels', '--year', '2024', '--json')) as { totals: unknown };
    expect(json.totals).toMatchObject({ cargoes: 1, discharged: 0, pending: 1, averageTransitDays: null });
  });
});
