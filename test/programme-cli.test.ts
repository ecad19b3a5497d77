/**
 * The command line's loading programme (issue 12 part 4): `programme --month YYYY-MM [--json]`,
 * `--add --vessel V --laycan D1..D2 --tonnes T`, `--cancel ID --reason R`, `--link/--unlink ID --cargo C`.
 * Run in this process at the fixed clock (today at Aktau is 2024-08-15); figures worked out by hand.
 */
import fs from 'node:fs';
import { cliOnTempLedger } from './support/cli-ledger';

const session = cliOnTempLedger('transit-programme-cli-');
const { cli, ok } = session;

/** `programme --month M --add --vessel V --laycan L --tonnes T`, with any further flags. */
const nominationArgs = (month: string, vessel: string, laycan: string, tonnes: string, ...more: string[]) => [
  'programme',
  '--month',
  month,
  '--add',
  '--vessel',
  vessel,
  '--laycan',
  laycan,
  '--tonnes',
  tonnes,
  ...more,
];

/** `add --bl-date D --vessel V --tonnes T`, with any further flags. */
const cargoArgs = (blDate: string, vessel: string, tonnes: string, ...more: string[]) => [
  'add',
  '--bl-date',
  blDate,
  '--vessel',
  vessel,
  '--tonnes',
  tonnes,
  ...more,
];

/** The id `--add` prints alone on its last line. */
const lastLine = (out: string) => out.trim().split('\n').at(-1) ?? '';

interface JsonProgramme {
  planTonnes: number;
  shippedTonnes: number;
  nominatedTonnes: number;
  outlookTonnes: number;
  gapTonnes: number;
  nominations: {
    id: string;
    vessel: string;
    state: string;
    loadedTonnes: number;
    cargoes: { blNumber: string }[];
  }[];
}

async function july(): Promise<JsonProgramme> {
  return JSON.parse(await ok('programme', '--month', '2024-07', '--json')) as JsonProgramme;
}

test('a laycan across the month end: nominated in July, loaded on 1 August, listed in July as loaded', async () => {
  // 2,196,000 t / 366 days = 6,000 t a day: July's plan is 31 × 6,000 = 186,000 t.
  await ok('targets', '--year', '2024', '--tonnes', '2196000');
  const taraz = lastLine(await ok(...nominationArgs('2024-07', 'TARAZ', '29.07.2024..02.08.2024', '7000')));
  const astana = lastLine(
    await ok(...nominationArgs('2024-07', 'Astana', '2024-07-10..2024-07-12', '8 000')),
  );
  await ok('add', '--bl-date', '01.08.2024', '--vessel', 'Taraz', '--tonnes', '6980', '--bl-number', 'T-801');
  await ok(...cargoArgs('2024-07-20', 'Liwa', '9959.5', '--bl-number', 'L-720'));
  const listed = await july();
  expect(listed.nominations.map((n) => [n.id, n.vessel, n.state, n.loadedTonnes])).toEqual([
    [astana, 'Astana', 'missed', 0],
    [taraz, 'Taraz', 'loaded', 6980],
  ]);
  expect(listed.nominations[1]?.cargoes.map((c) => c.blNumber)).toEqual(['T-801']);
  // Shipped in July: the Liwa cargo alone (9,959.5 t); nothing open; gap 186,000 − 9,959.5 = 176,040.5 t.
  expect(listed).toMatchObject({
    planTonnes: 186000,
    shippedTonnes: 9959.5,
    nominatedTonnes: 0,
    outlookTonnes: 9959.5,
    gapTonnes: 176040.5,
  });
  const table = await ok('programme', '--month', '2024-07');
  expect(table).toContain('Programme for 2024-07, as of 2024-08-15');
  expect(table).toMatch(
    /Taraz\s+2024-07-29\.\.2024-08-02\s+7000\.000 t\s+loaded\s+6980\.000 t\s+T-801 2024-08-01/,
  );
  expect(table).toContain('Short of plan 176040.500 t');
});

test('a cargo tied by hand, kept apart, and a nomination cancelled with a reason', async () => {
  const astana = lastLine(await ok(...nominationArgs('2024-07', 'Astana', '10.07.2024..12.07.2024', '8000')));
  const cargo = lastLine(await ok('add', '--bl-date', '2024-07-14', '--vessel', 'Liwa', '--tonnes', '7900'));
  const asked = await cli('programme', '--link', astana, '--cargo', cargo);
  expect(asked.code).toBe(2);
  expect(asked.err).toContain('was loaded by Liwa, not Astana, the tanker nominated');
  expect(asked.err).toContain('is dated 2024-07-14, outside the laycan 2024-07-10..2024-07-12');
  expect((await july()).nominations[0]).toMatchObject({ state: 'missed' });
  expect(lastLine(await ok('programme', '--link', astana, '--cargo', cargo, '--force'))).toBe(
    `Tied cargo ${cargo} to nomination ${astana}.`,
  );
  expect((await july()).nominations[0]).toMatchObject({ state: 'loaded', loadedTonnes: 7900 });
  await ok('programme', '--unlink', astana, '--cargo', cargo);
  expect((await july()).nominations[0]).toMatchObject({ state: 'missed', loadedTonnes: 0 });
  await ok('programme', '--cancel', astana, '--reason', 'slot moved to August');
  expect((await july()).nominations[0]).toMatchObject({ state: 'cancelled' });
});

test('bad input exits 2 naming the field, and nothing is written', async () => {
  const unknown = await cli(...nominationArgs('2024-07', 'Astna', '10.07.2024..12.07.2024', '8000'));
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('Vessel "Astna" is not in the fleet. The closest in the fleet: Astana.');
  const noLaycan = await cli(...nominationArgs('2024-07', 'Astana', '10.07.2024', '8000'));
  expect(noLaycan.code).toBe(2);
  expect(noLaycan.err).toContain('--laycan needs two days, D1..D2');
  const both = await cli(
    'programme',
    '--cancel',
    'a1b2c3d4e5',
    '--reason',
    'x',
    '--link',
    'a1b2c3d4e5',
    '--cargo',
    'k3m9x2pq7d',
  );
  expect(both.code).toBe(2);
  expect(both.err).toContain('programme does one thing at a time');
  const order = await cli(...nominationArgs('2024-07', 'Astana', '12.07.2024..10.07.2024', '8000'));
  expect(order.code).toBe(2);
  expect(order.err).toContain('The laycan ends (2024-07-10) before it begins (2024-07-12).');
  expect((await july()).nominations).toEqual([]);
  // Confirmed, the unknown tanker is nominated as typed.
  await ok(...nominationArgs('2024-07', 'Astna', '10.07.2024..12.07.2024', '8000', '--force'));
  expect((await july()).nominations.map((n) => n.vessel)).toEqual(['Astna']);
});

test('a closed month refuses a new nomination, naming who closed it and how to reopen', async () => {
  await ok('close', '--month', '2024-07', '--reason', 'Reconciled');
  const refused = await cli(...nominationArgs('2024-07', 'Liwa', '20.07.2024..22.07.2024', '9000'));
  expect(refused.code).toBe(2);
  expect(refused.err).toContain('so its programme cannot change');
  expect(refused.err).toContain('transit-ledger reopen --month 2024-07 --reason R');
});

test('a hand tie taking a cargo from a closed month’s nomination is refused, naming the month', async () => {
  const add = async (month: string, vessel: string, laycan: string) =>
    lastLine(
      await ok(
        'programme',
        '--month',
        month,
        '--add',
        '--vessel',
        vessel,
        '--laycan',
        laycan,
        '--tonnes',
        '8000',
      ),
    );
  await add('2024-07', 'Astana', '29.07.2024..31.07.2024');
  const august = await add('2024-08', 'Astana', '01.08.2024..03.08.2024');
  const d1 = lastLine(await ok('add', '--bl-date', '2024-07-30', '--vessel', 'Astana', '--tonnes', '7800'));
  await ok('close', '--month', '2024-07', '--reason', 'Reconciled');
  const refused = await cli('programme', '--link', august, '--cargo', d1, '--force');
  expect(refused.code).toBe(2);
  expect(refused.err).toContain('2024-07 was closed by');
  expect((await july()).nominations[0]).toMatchObject({ state: 'loaded', loadedTonnes: 7800 });
});

test('planned tonnes: beyond any tanker refused even with --force; above 15,000 t asked until --force', async () => {
  const plan = (tonnes: string, ...more: string[]) =>
    cli(
      'programme',
      '--month',
      '2024-07',
      '--add',
      '--vessel',
      'Liwa',
      '--laycan',
      '02.07.2024..04.07.2024',
      '--tonnes',
      tonnes,
      ...more,
    );
  const huge = await plan('99999999999', '--force');
  expect(huge.code).toBe(2);
  expect(huge.err).toContain('far more than any Caspian tanker carries');
  const large = await plan('16000');
  expect(large.code).toBe(2);
  expect(large.err).toContain('16000.000 t is more than a Caspian tanker carries');
  expect((await july()).nominations).toEqual([]);
  expect((await plan('16000', '--force')).code).toBe(0);
  expect((await july()).nominations.map((n) => n.vessel)).toEqual(['Liwa']);
});

test("export --report programme: the year's nominations as CSV for Russian Excel, states and tonnes", async () => {
  const taraz = lastLine(await ok(...nominationArgs('2024-07', 'Taraz', '29.07.2024..02.08.2024', '7000')));
  await ok(...nominationArgs('2024-08', 'Liwa', '14.08.2024..16.08.2024', '9000,5'));
  await ok(...cargoArgs('2024-08-01', 'Taraz', '6980.25', '--bl-number', 'T-801'));
  const out = session.temp.file('programme.csv');
  await ok(
    'export',
    '--year',
    '2024',
    '--report',
    'programme',
    '--out',
    out,
    '--separator',
    ';',
    '--language',
    'ru',
  );
  const text = fs.readFileSync(out, 'utf8');
  expect(text.split('\r\n')).toEqual([
    '\uFEFFМесяц;Судно;Лейкан с;Лейкан по;План, т;Состояние;Погружено, т;Номера коносаментов;Причина отмены',
    '2024-07;Taraz;2024-07-29;2024-08-02;7000,000;погружена;6980,250;T-801;',
    '2024-08;Liwa;2024-08-14;2024-08-16;9000,500;открыта;0,000;;',
    '',
  ]);
  expect(taraz).toMatch(/^\w{10}$/);
  const xlsx = await cli(
    'export',
    '--year',
    '2024',
    '--report',
    'programme',
    '--out',
    session.temp.file('p.xlsx'),
  );
  expect(xlsx.code).toBe(2);
  expect(xlsx.err).toContain('The programme is exported as CSV only.');
});
