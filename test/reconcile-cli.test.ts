/**
 * The command line's reconciliation and what-if (issue 12, parts 1 and 5): `reconcile --year Y
 * [--month YYYY-MM] [--json]`, `targets --allowance`, and `progress --stoppage D1..D2` (or `--rate T
 * --from D`) with `scenario` in its JSON. Run in this process at the fixed clock (today at Aktau
 * is 2024-08-15); figures worked out by hand beside them.
 */
import fs from 'node:fs';
import { cliOnTempLedger } from './support/cli-ledger';

const session = cliOnTempLedger();
const { cli, ok } = session;

async function addCargoes(): Promise<void> {
  // Astana 10,000 t, outturn 9,950 t: 50 t = 0.500% (at the allowance). Taraz 6,980 t, outturn
  // 6,940.5 t: 39.5 t = 0.566% (beyond). Astana 9,000 t in August: no outturn yet (pending).
  await ok(
    'add',
    '--bl-date',
    '2024-07-02',
    '--vessel',
    'Astana',
    '--tonnes',
    '10000',
    '--bl-number',
    'A1',
    '--outturn',
    '9950',
  );
  await ok(
    'add',
    '--bl-date',
    '2024-07-10',
    '--vessel',
    'Taraz',
    '--tonnes',
    '6980',
    '--bl-number',
    'T1',
    '--outturn',
    '6940.5',
  );
  await ok('add', '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9000', '--bl-number', 'A2');
}

describe('reconcile', () => {
  test('--json gives cargoes, byVessel, byMonth and totals in kilograms, over cargoes with an outturn', async () => {
    await addCargoes();
    const json = JSON.parse(await ok('reconcile', '--year', '2024', '--json')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['cargoes', 'byVessel', 'byMonth', 'totals']));
    expect(json.cargoes).toEqual([
      expect.objectContaining({
        blNumber: 'A1',
        vessel: 'Astana',
        blKg: 10_000_000,
        outturnKg: 9_950_000,
        lossKg: 50_000,
        lossPercent: 0.5,
        beyondAllowance: false,
      }),
      expect.objectContaining({
        blNumber: 'T1',
        vessel: 'Taraz',
        blKg: 6_980_000,
        outturnKg: 6_940_500,
        lossKg: 39_500,
        lossPercent: 0.566,
        beyondAllowance: true,
      }),
      expect.objectContaining({
        blNumber: 'A2',
        blKg: 9_000_000,
        outturnKg: null,
        lossKg: null,
        lossPercent: null,
        beyondAllowance: false,
      }),
    ]);
    for (const cargo of json.cargoes as { id: unknown }[]) expect(typeof cargo.id).toBe('string');
    // 16,980,000 − 16,890,500 = 89,500 kg; 89,500 × 100,000 / 16,980,000 = 527.09 → 0.527%.
    expect(json.totals).toMatchObject({
      blKg: 16_980_000,
      outturnKg: 16_890_500,
      lossKg: 89_500,
      lossPercent: 0.527,
      pending: 1,
    });
  });

  test('--month keeps that month alone, and names its year without --year', async () => {
    await addCargoes();
    const json = JSON.parse(await ok('reconcile', '--month', '2024-08', '--json')) as {
      month: string;
      totals: unknown;
    };
    expect(json.month).toBe('2024-08');
    expect(json.totals).toMatchObject({ cargoes: 0, pending: 1, lossPercent: null });
  });

  test('the table flags the cargo beyond the allowance and marks the pending one, with the totals', async () => {
    await addCargoes();
    const text = await ok('reconcile', '--year', '2024');
    expect(text).toMatch(
      /^2024-07-10 +T1 +Taraz +6980\.000 +6940\.500 +39\.500 +0\.566% +BEYOND ALLOWANCE$/m,
    );
    expect(text).toMatch(/^2024-07-02 +A1 +Astana +10000\.000 +9950\.000 +50\.000 +0\.500%$/m);
    expect(text).toMatch(/^2024-08-01 +A2 +Astana +9000\.000 +- +- +- +pending$/m);
    expect(text).toMatch(/^Total +2 +1 +16980\.000 +16890\.500 +89\.500 +0\.527% +1$/m);
  });

  test('targets --allowance 0.4 keeps the year’s target and flags a 0.5% loss from then on', async () => {
    await addCargoes();
    expect(await ok('targets', '--year', '2024', '--allowance', '0.4')).toContain('Loss allowance: 0.4%');
    const targets = JSON.parse(await ok('targets', '--year', '2024', '--json')) as Record<string, unknown>;
    expect(targets).toMatchObject({ annualTonnes: 2_200_000, lossAllowancePercent: 0.4 });
    const json = JSON.parse(await ok('reconcile', '--year', '2024', '--json')) as {
      cargoes: { beyondAllowance: boolean }[];
    };
    expect(json.cargoes.map((c) => c.beyondAllowance)).toEqual([true, true, false]);
  });

  test('a month outside --year is bad input (exit 2) and says so', async () => {
    await addCargoes();
    const run = await cli('reconcile', '--year', '2024', '--month', '2023-12');
    expect(run.code).toBe(2);
    expect(run.err).toContain('Month 2023-12 is not in 2024.');
  });

  test('export --report reconciliation writes the report for Excel', async () => {
    await addCargoes();
    const out = session.temp.file('rec.csv');
    await ok(
      'export',
      '--year',
      '2024',
      '--report',
      'reconciliation',
      '--out',
      out,
      '--separator',
      ';',
      '--language',
      'ru',
    );
    expect(fs.readFileSync(out, 'utf8')).toContain(
      '2024-07-10;T1;Taraz;6980,000;6940,500;39,500;0,566;сверх нормы',
    );
  });
});

describe('progress --stoppage', () => {
  test('--json adds scenario with lostDays, forecastKg and requiredPerDayKg; nothing is written', async () => {
    await ok('add', '--bl-date', '2024-07-31', '--vessel', 'Astana', '--tonnes', '10650');
    const before = fs.readFileSync(session.ledger);
    const json = JSON.parse(
      await ok(
        'progress',
        '--year',
        '2024',
        '--as-of',
        '2024-07-31',
        '--stoppage',
        '2024-07-20..2024-08-10',
        '--json',
      ),
    ) as { scenario: Record<string, unknown> };
    // Run rate 10,650,000 / 213 = 50,000 kg a day; 153 days left, 10 of them stopped (1–10 August).
    // forecast = 10,650,000 + 50,000 × 143 = 17,800,000; required = (2,200,000,000 − 10,650,000) / 143.
    expect(json.scenario).toMatchObject({
      lostDays: 10,
      forecastKg: 17_800_000,
      stoppage: { from: '2024-07-20', to: '2024-08-10' },
    });
    expect(json.scenario.requiredPerDayKg).toBeCloseTo(2_189_350_000 / 143, 6);
    expect(fs.readFileSync(session.ledger)).toEqual(before);
  });

  test('without --stoppage the JSON has no scenario', async () => {
    await ok('add', '--bl-date', '2024-07-31', '--vessel', 'Astana', '--tonnes', '10650');
    expect(JSON.parse(await ok('progress', '--year', '2024', '--json'))).not.toHaveProperty('scenario');
  });

  test('the text says what the stoppage does to the year and that it is not stored', async () => {
    await ok('add', '--bl-date', '2024-07-31', '--vessel', 'Astana', '--tonnes', '10650');
    const text = await ok(
      'progress',
      '--year',
      '2024',
      '--as-of',
      '2024-07-31',
      '--rate',
      '6000',
      '--from',
      '2024-09-01',
    );
    expect(text).toContain('What if: 6000.000 t/day from 2024-09-01 (not stored)');
    // 10,650 t + 50 t × 31 (August) + 6,000 t × 122 = 744,200 t.
    expect(text).toMatch(/Forecast +744200\.000 t, short of the target by 1455800\.000 t/);
  });

  test.each([
    [
      'a stoppage that ends before it starts',
      ['--stoppage', '2024-08-10..2024-08-01'],
      'ends (2024-08-01) before it starts',
    ],
    ['a stoppage of one date', ['--stoppage', '2024-08-10'], 'must be two dates'],
    ['--rate without --from', ['--rate', '6000'], '--rate and --from go together'],
  ])('%s is bad input (exit 2)', async (_name, flags, message) => {
    const run = await cli('progress', '--year', '2024', ...flags);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
  });
});
