/**
 * Year against year (issue 12 part 6) and the baseline's monthly figures: what the core keeps, refuses
 * and computes. Every figure below is worked out by hand in its comment.
 */
import fs from 'node:fs';
import type { Baseline } from '../electron/core/api';
import { baselinePaceSeries, bucketByDay, computeProgress } from '../electron/core/progress';
import { LedgerState } from '../electron/core/state';
import { compareYears } from '../electron/core/year-compare';
import { readWorkbook } from './support/read-workbook';
import { cargo, ClerkLedger } from './support/service';

const T = 1000;
/** 62,000 t in January, 29,000 t in February, 31,000 t in March, nothing until 120,000 t in December: 242,000 t. */
const SHAPED_TONNES = [62_000, 29_000, 31_000, 0, 0, 0, 0, 0, 0, 0, 0, 120_000];
const SHAPED: Baseline = {
  year: 2023,
  kg: 242_000 * T,
  monthlyKg: SHAPED_TONNES.map((tonnes) => tonnes * T),
  source: 'ledger',
};
const PRO_RATA: Baseline = { year: 2023, kg: 242_000 * T, source: 'ledger' };
const TARGETS = { year: 2024, annualKg: 2_200_000 * T, monthlyPlanKg: null, lossAllowancePercent: 0.5 };

const progressAsOf = (asOf: string, baseline: Baseline) =>
  computeProgress({
    year: 2024,
    asOf,
    shipments: [{ blDate: '2024-01-05', netKg: 9_959_500 }],
    targets: { ...TARGETS, source: 'ledger' },
    baseline,
  });

describe('the baseline pace along its monthly figures', () => {
  test('runs straight within each month of the chosen year, February over 29 days in 2024', () => {
    // 10 January: 62,000 × 10/31 = 20,000 t. 15 February: 62,000 + 29,000 × 15/29 = 77,000 t.
    // 29 February (day 60): January and February whole, 91,000 t. 1 March: 91,000 + 31,000/31 = 92,000 t.
    expect(progressAsOf('2024-01-10', SHAPED).baselineProRataKg).toBe(20_000 * T);
    expect(progressAsOf('2024-02-15', SHAPED).baselineProRataKg).toBe(77_000 * T);
    expect(progressAsOf('2024-02-29', SHAPED).baselineProRataKg).toBe(91_000 * T);
    expect(progressAsOf('2024-03-01', SHAPED).baselineProRataKg).toBe(92_000 * T);
    // Flat from April to November at 122,000 t, and the whole 242,000 t on 31 December.
    const pace = progressAsOf('2024-12-31', SHAPED).daily.baselinePaceKg;
    expect(pace[120]).toBe(122_000 * T);
    expect(pace[365]).toBe(242_000 * T);
  });

  test('measures the change against the baseline by that pace, and says the pace is by monthly figures', () => {
    const progress = progressAsOf('2024-01-10', SHAPED);
    // 9,959.5 t shipped against 20,000 t of pace: 10,040.5 t behind, −50.2025%.
    expect(progress.baselinePace).toBe('monthly');
    expect(progress.changeVsBaselineKg).toBe(-10_040_500);
    expect(progress.changeVsBaselinePercent).toBeCloseTo(-50.2025, 10);
  });

  test('without monthly figures stays the total pro rata to the days, and says so', () => {
    const progress = progressAsOf('2024-02-29', PRO_RATA);
    // 242,000,000 kg × 60 / 366 = 39,672,131.1 kg.
    expect(progress.baselinePace).toBe('pro-rata');
    expect(progress.baselineProRataKg).toBe(39_672_131);
    expect(progress.daily.baselinePaceKg[59]).toBe(39_672_131);
  });

  test('a month whose figure does not divide by its days rounds each day, and lands on the month exactly', () => {
    // 1,000 kg over January's 31 days: day 1 is 32.26 → 32 kg, day 16 is 516.13 → 516 kg, day 31 is 1,000 kg.
    const pace = baselinePaceSeries(
      { year: 2023, kg: 1000, monthlyKg: [1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], source: 'ledger' },
      2023,
    );
    expect([pace[0], pace[15], pace[30], pace[364]]).toEqual([32, 516, 1000, 1000]);
  });
});

describe('year against year, lined up by day of year', () => {
  // Day 60 is 29 February in 2024 and 1 March in 2023; 2022's cargo is on its last day, 31 December.
  const days = [
    bucketByDay(2022, [{ blDate: '2022-12-31', netKg: 6_900 * T }]),
    bucketByDay(2023, [{ blDate: '2023-03-01', netKg: 7_000 * T }]),
    bucketByDay(2024, [
      { blDate: '2024-02-29', netKg: 8_000 * T },
      { blDate: '2024-03-01', netKg: 9_000 * T },
      { blDate: '2024-03-02', netKg: 5_000 * T },
    ]),
    // A later year is never among the earlier ones.
    bucketByDay(2025, [{ blDate: '2025-01-02', netKg: 1 }]),
  ];
  const comparison = compareYears({ year: 2024, asOf: '2024-03-01', days, baseline: SHAPED });

  test('lists the earlier years with cargoes in order and the chosen year last', () => {
    expect(comparison.alignment).toBe('day-of-year');
    expect(comparison.years.map((y) => [y.year, y.daysInYear, y.daysCounted])).toEqual([
      [2022, 365, 365],
      [2023, 365, 365],
      [2024, 366, 61],
    ]);
  });

  test('day 60 holds 29 February 2024 and 1 March 2023; the chosen year stops at its as-of date', () => {
    const [y2022, y2023, y2024] = comparison.years;
    expect(y2023?.cumulativeKg.slice(58, 61)).toEqual([0, 7_000 * T, 7_000 * T]);
    expect(y2024?.cumulativeKg.slice(58, 62)).toEqual([0, 8_000 * T, 17_000 * T, null]);
    expect(y2024?.cumulativeKg).toHaveLength(366);
    expect(y2022?.cumulativeKg[364]).toBe(6_900 * T);
    // The cargo of 2 March 2024 is after the as-of date: neither in the series nor in the total.
    expect([y2024?.totalKg, y2024?.shipments]).toEqual([17_000 * T, 2]);
  });

  test('sets the months side by side: a month not begun is null, the running one to date', () => {
    const [, y2023, y2024] = comparison.years;
    expect(y2023?.monthlyKg).toEqual([0, 0, 7_000 * T, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(y2024?.monthlyKg).toEqual([0, 8_000 * T, 9_000 * T, ...new Array(9).fill(null)]);
  });

  test('gives the baseline by its monthly figures through its own year', () => {
    expect(comparison.baseline).toMatchObject({ year: 2023, kg: 242_000 * T, pace: 'monthly' });
    expect(comparison.baseline.monthlyKg).toEqual(SHAPED_TONNES.map((tonnes) => tonnes * T));
    // 2023 has 365 days; day 60 is 1 March: 62,000 + 28-day February's 29,000 + 31,000/31 = 92,000 t.
    expect(comparison.baseline.cumulativeKg).toHaveLength(365);
    expect(comparison.baseline.cumulativeKg[59]).toBe(92_000 * T);
    expect(comparison.baseline.cumulativeKg[364]).toBe(242_000 * T);
  });

  test('spreads a baseline without monthly figures over its months by days, to the kilogram', () => {
    const baseline = { year: 2023, kg: 1_057_000 * T, source: 'default' as const };
    const plain = compareYears({ year: 2024, asOf: '2024-03-01', days, baseline });
    // 1,057,000,000 × 31/365 = 89,772,602 rem 270, × 28/365 = 81,084,931 rem 185, × 30/365 = 86,876,712
    // rem 120; the 7 kg left over go to the seven 31-day months (the largest remainders), one each.
    const [m31, feb, m30] = [89_772_603, 81_084_931, 86_876_712];
    expect(plain.baseline.pace).toBe('pro-rata');
    expect(plain.baseline.monthlyKg).toEqual([m31, feb, m31, m30, m31, m30, m31, m31, m30, m31, m30, m31]);
    // Day 60 of 2023: 1,057,000,000 × 60 / 365 = 173,753,424.7 kg.
    expect(plain.baseline.cumulativeKg[59]).toBe(173_753_425);
  });
});

describe('the baseline monthly figures in the ledger', () => {
  const ledger = ClerkLedger.perTest();
  const months = ['88083.5', ...new Array<string>(10).fill('88083'), '88086.5'];

  test('are kept with the baseline, read back after a reopen, and shape the progress pace', async () => {
    // 88,083.5 + 10 × 88,083 + 88,086.5 = 1,057,000 t.
    await ledger.service.setBaseline({ year: 2023, tonnes: '1057000', monthlyTonnes: months });
    ledger.reopen();
    const baseline = await ledger.service.getBaseline();
    expect(baseline.monthlyKg?.[0]).toBe(88_083_500);
    expect(baseline.monthlyKg?.[11]).toBe(88_086_500);
    expect((await ledger.service.progress({ year: 2024, asOf: '2024-01-31' })).baselinePace).toBe('monthly');
  });

  test('are refused when they do not add up to the baseline, naming both sums, and nothing is written', async () => {
    const short = [...months.slice(0, 11), '88000'];
    const error = await ledger.refused(() =>
      ledger.service.setBaseline({ year: 2023, tonnes: '1057000', monthlyTonnes: short }),
    );
    // The months are 86.5 t short: 1,056,913.5 t.
    expect(error).toMatchObject({
      code: 'invalid',
      issues: [
        {
          field: 'monthlyTonnes',
          code: 'monthlyTonnes.sum',
          facts: { monthlyKg: 1_056_913_500, baselineKg: 1_057_000_000, year: 2023 },
        },
      ],
    });
    expect((error as Error).message).toBe(
      'The 12 monthly figures of the 2023 baseline add up to 1056913.500 t ' +
        'but the baseline is 1057000.000 t; make them agree.',
    );
  });

  test('are refused unless there are twelve of them', async () => {
    const error = await ledger.refused(() =>
      ledger.service.setBaseline({ year: 2023, tonnes: '1057000', monthlyTonnes: months.slice(1) }),
    );
    expect(error).toMatchObject({ issues: [{ code: 'monthlyTonnes.count' }] });
  });

  test('a baseline set without monthly figures is written as before (no monthlyKg) and stays pro rata', async () => {
    await ledger.service.setBaseline({ year: 2022, tonnes: '1000000' });
    // An entry without the key is what every ledger written before monthly figures holds.
    expect(fs.readFileSync(ledger.file, 'utf8')).not.toContain('monthlyKg');
    ledger.reopen();
    expect(await ledger.service.getBaseline()).toEqual({ year: 2022, kg: 1_000_000_000, source: 'ledger' });
    expect((await ledger.service.progress({ year: 2024 })).baselinePace).toBe('pro-rata');
  });

  test('months in an entry that do not fit its total (not written by this app) are not held: pace pro rata', () => {
    const state = new LedgerState();
    const meta = { seq: 1, at: '2024-08-15T12:00:00.000Z', actor: 'elsewhere' };
    // Eleven months, then twelve that add up to 1 kg more than the total: neither is held.
    for (const monthlyKg of [new Array<number>(11).fill(1000), [...new Array<number>(11).fill(1000), 1001]]) {
      expect(state.apply({ ...meta, type: 'baseline', year: 2023, kg: 12_000, monthlyKg })).toBeNull();
      expect(state.currentBaseline()).toEqual({ year: 2023, kg: 12_000, source: 'ledger' });
    }
  });

  test('compareYears answers through the service with the earlier years the ledger holds', async () => {
    await ledger.service.recordShipment(cargo({ blDate: '2023-03-01', netTonnes: '7000' }));
    await ledger.service.recordShipment(cargo({ blDate: '2024-02-29', netTonnes: '8000' }));
    const comparison = await ledger.service.compareYears({ year: 2024, asOf: '2024-03-01' });
    expect(comparison.years.map((y) => [y.year, y.totalKg])).toEqual([
      [2023, 7_000 * T],
      [2024, 8_000 * T],
    ]);
    expect(comparison.baseline).toMatchObject({ year: 2023, pace: 'pro-rata', kg: 1_057_000 * T });
    await expect(ledger.service.compareYears({ year: 2025 })).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('the months side by side as a report', () => {
  const ledger = ClerkLedger.perTest();

  beforeEach(async () => {
    await ledger.service.recordShipment(cargo({ blDate: '2023-03-01', netTonnes: '7000' }));
    await ledger.service.recordShipment(cargo({ blDate: '2024-02-29', netTonnes: '8000,5' }));
    const monthlyTonnes = SHAPED_TONNES.map(String);
    await ledger.service.setBaseline({ year: 2023, tonnes: '242000', monthlyTonnes });
  });

  test('a CSV in Russian for decimal-comma Excel: months as rows, 2023, 2024 to date and the baseline', async () => {
    const report = await ledger.service.exportReport({
      year: 2024,
      report: 'years',
      separator: ';',
      language: 'ru',
    });
    expect(report.fileName).toBe('transit-years-2024.csv');
    // Today at Aktau is 2024-08-15 (the fixed clock): September to December of 2024 are empty.
    const lines = report.content.split('\r\n');
    expect(lines[0]).toBe('\uFEFFМесяц;2023;2024 (по 2024-08-15);База 2023 (по месячным данным)');
    expect(lines[2]).toBe('2;0,000;8000,500;29000,000');
    expect(lines[3]).toBe('3;7000,000;0,000;31000,000');
    expect(lines[9]).toBe('9;0,000;;0,000');
    expect(lines[13]).toBe('Итого;7000,000;8000,500;242000,000');
    expect(lines).toHaveLength(15);
  });

  test('a workbook with the same columns, tonnes as numbers and the totals row', async () => {
    const report = await ledger.service.exportReport({ year: 2024, report: 'years', format: 'xlsx' });
    const [sheet] = await readWorkbook(Buffer.from(report.content, 'base64'));
    expect(sheet?.sheet).toBe('Year against year');
    const header = sheet?.data.findIndex((row) => row[0] === 'Month') ?? -1;
    expect(sheet?.data[header]).toEqual([
      'Month',
      '2023',
      '2024 (to 2024-08-15)',
      'Baseline 2023 (monthly figures)',
    ]);
    expect(sheet?.data[header + 2]).toEqual([2, 0, 8000.5, 29000]);
    expect(sheet?.data[header + 13]).toEqual(['Total', 7000, 8000.5, 242000]);
  });
});
