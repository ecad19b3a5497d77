/**
 * `baseline --monthly` and `years` on the command line (issue 12 part 6), run in this process with the
 * fixed clock (today at Aktau is 2024-08-15). Figures are worked out by hand beside them.
 */
import { cliOnTempLedger } from './support/cli-ledger';

const { cli: run } = cliOnTempLedger('transit-cli-years-');

/** 62,000 t in January, 29,000 t in February, 31,000 t in March, nothing until 120,000 t in December. */
const MONTHLY = '62000,29000,31000,0,0,0,0,0,0,0,0,120000';

async function add(date: string, tonnes: string): Promise<void> {
  expect((await run('add', '--bl-date', date, '--vessel', 'Astana', '--tonnes', tonnes)).code).toBe(0);
}

describe('baseline --monthly', () => {
  test('keeps the twelve figures, shows them, and the progress pace follows them', async () => {
    const set = await run('baseline', '--year', '2023', '--tonnes', '242000', '--monthly', MONTHLY);
    expect(set.code).toBe(0);
    expect(set.out).toContain('Set: baseline: 2023, 242000.000 t');
    expect(set.out).toContain('Monthly figures: 62000.000, 29000.000, 31000.000, 0.000');
    const shown = JSON.parse((await run('baseline', '--json')).out) as Record<string, unknown>;
    expect(shown).toEqual({
      year: 2023,
      tonnes: 242_000,
      monthlyTonnes: [62_000, 29_000, 31_000, 0, 0, 0, 0, 0, 0, 0, 0, 120_000],
      pace: 'monthly',
      source: 'ledger',
    });
    // 15 February 2024: 62,000 + 29,000 × 15/29 = 77,000 t.
    const progress = JSON.parse((await run('progress', '--json', '--as-of', '2024-02-15')).out) as {
      baselinePace: string;
      baselineProRataTonnes: number;
    };
    expect(progress).toMatchObject({ baselinePace: 'monthly', baselineProRataTonnes: 77_000 });
    expect((await run('progress', '--as-of', '2024-02-15')).out).toContain(
      '2023 pace          77000.000 t by this day (by its monthly figures)',
    );
  });

  test('figures with decimals take a point, since a comma separates the months', async () => {
    // 88,083.5 + 10 × 88,083 + 88,086.5 = 1,057,000 t.
    const months = ['88083.5', ...new Array<string>(10).fill('88083'), '88086.5'].join(',');
    expect((await run('baseline', '--year', '2023', '--tonnes', '1057000', '--monthly', months)).code).toBe(
      0,
    );
    const shown = JSON.parse((await run('baseline', '--json')).out) as { monthlyTonnes: number[] };
    expect(shown.monthlyTonnes[0]).toBe(88_083.5);
  });

  test('months that do not add up to the baseline are refused with both sums, exit 2, nothing written', async () => {
    const refused = await run('baseline', '--year', '2023', '--tonnes', '242001', '--monthly', MONTHLY);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('add up to 242000.000 t but the baseline is 242001.000 t');
    expect(JSON.parse((await run('baseline', '--json')).out)).toMatchObject({
      pace: 'pro-rata',
      source: 'default',
    });
  });

  test('without monthly figures the baseline says its pace is pro rata', async () => {
    const shown = await run('baseline');
    expect(shown.out).toBe(
      'Baseline: 2023, 1057000.000 t (default)\nNo monthly figures: its pace is the total pro rata to the days.',
    );
    expect((await run('progress', '--json')).out).toContain('"baselinePace": "pro-rata"');
  });
});

describe('years', () => {
  beforeEach(async () => {
    // Day 60 is 1 March in 2023 and 29 February in 2024.
    await add('2023-03-01', '7000');
    await add('2024-02-29', '8000');
    await add('2024-03-01', '9000');
  });

  test('sets the months side by side, the baseline last, with totals', async () => {
    expect((await run('baseline', '--year', '2023', '--tonnes', '242000', '--monthly', MONTHLY)).code).toBe(
      0,
    );
    const shown = await run('years', '--year', '2024', '--as-of', '2024-03-01');
    expect(shown.code).toBe(0);
    expect(shown.out.split('\n')).toEqual([
      'Year 2024 as of 2024-03-01 against earlier years and the baseline (tonnes; lined up by day of year)',
      'Baseline 2023: its monthly figures',
      '',
      'Month      2023  2024 (to 2024-03-01)  Baseline 2023',
      '-----  --------  --------------------  -------------',
      'Jan       0.000                 0.000      62000.000',
      'Feb       0.000              8000.000      29000.000',
      'Mar    7000.000              9000.000      31000.000',
      'Apr       0.000                     -          0.000',
      'May       0.000                     -          0.000',
      'Jun       0.000                     -          0.000',
      'Jul       0.000                     -          0.000',
      'Aug       0.000                     -          0.000',
      'Sep       0.000                     -          0.000',
      'Oct       0.000                     -          0.000',
      'Nov       0.000                     -          0.000',
      'Dec       0.000                     -     120000.000',
      'Total  7000.000             17000.000     242000.000',
    ]);
  });

  test('a year counted to its last day is headed by its number alone, as the exported sheet heads it', async () => {
    const shown = await run('years', '--year', '2023', '--as-of', '2023-12-31');
    expect(shown.code).toBe(0);
    expect(shown.out.split('\n')[3]).toBe('Month      2023  Baseline 2023');
  });

  test('--json gives each year by day of year and the baseline pro rata when it has no months', async () => {
    const json = JSON.parse(
      (await run('years', '--json', '--year', '2024', '--as-of', '2024-03-01')).out,
    ) as {
      alignment: string;
      years: {
        year: number;
        totalTonnes: number;
        monthlyTonnes: (number | null)[];
        cumulativeTonnes: unknown[];
      }[];
      baseline: { pace: string; tonnes: number; cumulativeTonnes: number[] };
    };
    expect(json.alignment).toBe('day-of-year');
    const [y2023, y2024] = json.years;
    expect(y2023?.cumulativeTonnes[59]).toBe(7000);
    expect(y2024?.cumulativeTonnes.slice(58, 62)).toEqual([0, 8000, 17000, null]);
    expect(y2024?.monthlyTonnes.slice(0, 4)).toEqual([0, 8000, 9000, null]);
    // The default baseline pro rata: 1,057,000 t × 60 / 365 = 173,753.425 t on day 60 of 2023.
    expect(json.baseline).toMatchObject({ pace: 'pro-rata', tonnes: 1_057_000 });
    expect(json.baseline.cumulativeTonnes[59]).toBe(173_753.425);
  });

  test('a year not begun is refused (exit 2)', async () => {
    const refused = await run('years', '--year', '2025');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('2025 has not begun');
  });
});
