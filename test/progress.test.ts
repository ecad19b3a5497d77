/**
 * progress.ts is the one place KPIs are computed, for the CLI, the reports and the charts alike.
 * Every expected value below is worked out by hand (arithmetic in the comment beside it), never
 * by calling the code under test.
 */
import type { Baseline, YearTargets } from '../electron/core/api';
import { computeProgress, defaultAsOf, planForYear, type ProgressShipment } from '../electron/core/progress';

const TARGET_KG = 2_200_000_000; // 2.2 Mt
const BASELINE: Baseline = { year: 2023, kg: 1_057_000_000, source: 'default' };

function targets(year: number, annualKg = TARGET_KG, monthlyPlanKg: number[] | null = null): YearTargets {
  return { year, annualKg, monthlyPlanKg, lossAllowancePercent: 0.5, source: 'default' };
}

function ship(blDate: string, netKg: number): ProgressShipment {
  return { blDate, netKg };
}

function progress(
  year: number,
  asOf: string,
  shipments: ProgressShipment[],
  options: { annualKg?: number; monthlyPlanKg?: number[] | null; baseline?: Baseline } = {},
) {
  return computeProgress({
    year,
    asOf,
    shipments,
    targets: targets(year, options.annualKg ?? TARGET_KG, options.monthlyPlanKg ?? null),
    baseline: options.baseline ?? BASELINE,
  });
}

describe('days elapsed, pro-rata and the baseline', () => {
  test('2024 as of 31 July: 213 days elapsed of 366 and 153 left', () => {
    const p = progress(2024, '2024-07-31', []);
    // Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31 = 213; 366 - 213 = 153.
    expect(p.daysInYear).toBe(366);
    expect(p.daysElapsed).toBe(213);
    expect(p.daysLeft).toBe(153);
  });

  test('pro-rata target and baseline pace as of 31 July 2024 are rounded to the kilogram', () => {
    const p = progress(2024, '2024-07-31', []);
    // 2,200,000,000 × 213 / 366 = 468,600,000,000 / 366 = 1,280,327,868.85… → 1,280,327,869.
    expect(p.proRataKg).toBe(1_280_327_869);
    // 1,057,000,000 × 213 / 366 = 225,141,000,000 / 366 = 615,139,344.26… → 615,139,344.
    expect(p.baselineProRataKg).toBe(615_139_344);
    expect(p.baselineYear).toBe(2023);
    expect(p.baselineKg).toBe(1_057_000_000);
    expect(p.targetKg).toBe(2_200_000_000);
  });

  test('837,000 t loaded Jan–Jul 2024 is behind the 2.2 Mt pace but ahead of the 2023 pace', () => {
    const p = progress(2024, '2024-07-31', [
      ship('2024-03-15', 400_000_000),
      ship('2024-07-31', 437_000_000),
    ]);
    expect(p.tonnesKg).toBe(837_000_000);
    expect(p.shipments).toBe(2);
    // 837,000,000 − 1,280,327,869 = −443,327,869 (behind).
    expect(p.aheadKg).toBe(-443_327_869);
    // 837 / 2,200 × 100 = 38.0454…
    expect(p.percentOfTarget).toBeCloseTo(38.04545, 4);
    // 837,000,000 / 213 = 3,929,577.4647…
    expect(p.runRatePerDayKg).toBeCloseTo(3_929_577.4648, 3);
    // 837,000,000 × 366 / 213 = 1,438,225,352.11… → 1,438,225,352.
    expect(p.forecastKg).toBe(1_438_225_352);
    // (2,200,000,000 − 837,000,000) / 153 = 1,363,000,000 / 153 = 8,908,496.7320…
    expect(p.requiredPerDayKg).toBeCloseTo(8_908_496.732, 2);
    // 837,000,000 − 615,139,344 = 221,860,656; / 615,139,344 × 100 = 36.0667…
    expect(p.changeVsBaselineKg).toBe(221_860_656);
    expect(p.changeVsBaselinePercent).toBeCloseTo(36.06673, 4);
  });

  test('1 January counts as one day elapsed', () => {
    const p = progress(2024, '2024-01-01', []);
    expect(p.daysElapsed).toBe(1);
    expect(p.daysLeft).toBe(365);
    // 2,200,000,000 / 366 = 6,010,928.96… → 6,010,929.
    expect(p.proRataKg).toBe(6_010_929);
  });

  test('a past year as of its 31 December has every day elapsed, and 2023 has 365', () => {
    const p = progress(2023, '2023-12-31', [ship('2023-06-01', 9_959_000)], { annualKg: 1_500_000_000 });
    expect(p.daysInYear).toBe(365);
    expect(p.daysElapsed).toBe(365);
    expect(p.daysLeft).toBe(0);
    // Whole year elapsed: pro-rata is the whole target, baseline pace the whole baseline.
    expect(p.proRataKg).toBe(1_500_000_000);
    expect(p.baselineProRataKg).toBe(1_057_000_000);
  });

  test('an as-of date after the year is clamped to the whole year', () => {
    const p = progress(2024, '2025-03-01', [ship('2024-12-31', 1_000), ship('2025-01-02', 2_000)]);
    expect(p.daysElapsed).toBe(366);
    expect(p.daysLeft).toBe(0);
    expect(p.tonnesKg).toBe(1_000);
  });

  test('an as-of date before the year means nothing has elapsed, and nothing divides by zero', () => {
    const p = progress(2025, '2024-12-31', [ship('2024-12-31', 5_000_000), ship('2025-01-01', 7_000_000)]);
    expect(p.daysInYear).toBe(365);
    expect(p.daysElapsed).toBe(0);
    expect(p.daysLeft).toBe(365);
    expect(p.shipments).toBe(0);
    expect(p.tonnesKg).toBe(0);
    expect(p.proRataKg).toBe(0);
    expect(p.aheadKg).toBe(0);
    expect(p.percentOfTarget).toBe(0);
    expect(p.runRatePerDayKg).toBe(0);
    expect(p.forecastKg).toBe(0);
    // 2,200,000,000 / 365 = 6,027,397.2602…
    expect(p.requiredPerDayKg).toBeCloseTo(6_027_397.2603, 3);
    expect(p.baselineProRataKg).toBe(0);
    expect(p.changeVsBaselineKg).toBe(0);
    expect(p.changeVsBaselinePercent).toBeNull();
    expect(p.daily.actualKg.every((kg) => kg === null)).toBe(true);
  });

  test('a zero target gives 0 % of target rather than a division by zero', () => {
    const p = progress(2024, '2024-07-31', [ship('2024-07-01', 1_000)], { annualKg: 0 });
    expect(p.percentOfTarget).toBe(0);
    expect(p.proRataKg).toBe(0);
    expect(p.requiredPerDayKg).toBe(0);
  });

  test('a malformed as-of date is refused', () => {
    expect(() => progress(2024, '2024-7-31', [])).toThrow(RangeError);
    expect(() => progress(2024, '2024-02-30', [])).toThrow(RangeError);
  });
});

describe('which shipments count', () => {
  const newYear = [ship('2023-12-31', 5_000_000), ship('2024-01-01', 7_000_000)];

  test('a 31 December B/L counts in its own year and not in the next', () => {
    const p2023 = progress(2023, '2023-12-31', newYear);
    expect(p2023.tonnesKg).toBe(5_000_000);
    expect(p2023.months[11]?.tonnesKg).toBe(5_000_000);
    expect(p2023.months[0]?.tonnesKg).toBe(0);
  });

  test('a 1 January B/L counts in the new year', () => {
    const p2024 = progress(2024, '2024-12-31', newYear);
    expect(p2024.tonnesKg).toBe(7_000_000);
    expect(p2024.shipments).toBe(1);
    expect(p2024.months[0]?.tonnesKg).toBe(7_000_000);
  });

  test('a B/L dated after the as-of date is not counted; one on the as-of date is', () => {
    const p = progress(2024, '2024-07-31', [ship('2024-07-31', 1_000), ship('2024-08-01', 2_000)]);
    expect(p.tonnesKg).toBe(1_000);
    expect(p.shipments).toBe(1);
    expect(p.months[7]?.shipments).toBe(0);
  });

  test('shipments of other years are not counted', () => {
    const p = progress(2024, '2024-12-31', [
      ship('2023-06-15', 100),
      ship('2024-06-15', 20),
      ship('2025-06-15', 3),
      ship('2014-06-15', 4_000),
      ship('1024-06-15', 50_000),
    ]);
    expect(p.tonnesKg).toBe(20);
    expect(p.shipments).toBe(1);
  });

  test('a B/L date that is not a calendar date is refused rather than silently misplaced', () => {
    expect(() => progress(2024, '2024-12-31', [ship('2024-02-30', 1)])).toThrow(RangeError);
    expect(() => progress(2024, '2024-12-31', [ship('2024-13-01', 1)])).toThrow(RangeError);
    expect(() => progress(2024, '2024-12-31', [ship('2024-1-5', 1)])).toThrow(RangeError);
  });
});

describe('exact kilograms', () => {
  test('100,000 cargoes of 9,999.999 t sum to exactly 999,999,900,000 kg', () => {
    const shipments: ProgressShipment[] = [];
    for (let i = 0; i < 100_000; i++) {
      // Spread over the twelve months so every bucket takes part.
      const month = String((i % 12) + 1).padStart(2, '0');
      const day = String((i % 28) + 1).padStart(2, '0');
      shipments.push(ship(`2024-${month}-${day}`, 9_999_999));
    }
    const p = progress(2024, '2024-12-31', shipments);
    // 9,999,999 × 100,000 = 999,999,900,000.
    expect(p.tonnesKg).toBe(999_999_900_000);
    expect(p.shipments).toBe(100_000);
    expect(p.months[11]?.cumulativeKg).toBe(999_999_900_000);
    expect(p.daily.actualKg[365]).toBe(999_999_900_000);
  });
});

describe('run rate, forecast and required rate', () => {
  // 2025 has 365 days; as of 10 January, 10 days have elapsed and 355 are left.
  const shipments = [ship('2025-01-03', 400_000), ship('2025-01-09', 600_000)];
  const baseline: Baseline = { year: 2023, kg: 730_000, source: 'ledger' };

  test('run rate, forecast, required rate and baseline change on a small example', () => {
    const p = progress(2025, '2025-01-10', shipments, { annualKg: 4_550_000, baseline });
    expect(p.daysElapsed).toBe(10);
    expect(p.daysLeft).toBe(355);
    // 400,000 + 600,000.
    expect(p.tonnesKg).toBe(1_000_000);
    // 1,000,000 / 10.
    expect(p.runRatePerDayKg).toBe(100_000);
    // 100,000 × 365.
    expect(p.forecastKg).toBe(36_500_000);
    // (4,550,000 − 1,000,000) / 355 = 3,550,000 / 355.
    expect(p.requiredPerDayKg).toBe(10_000);
    // 4,550,000 × 10 / 365 = 124,657.53… → 124,658; 1,000,000 − 124,658.
    expect(p.proRataKg).toBe(124_658);
    expect(p.aheadKg).toBe(875_342);
    // 730,000 × 10 / 365 = 20,000; 1,000,000 − 20,000 = 980,000; 980,000 / 20,000 × 100 = 4,900.
    expect(p.baselineProRataKg).toBe(20_000);
    expect(p.changeVsBaselineKg).toBe(980_000);
    expect(p.changeVsBaselinePercent).toBe(4_900);
  });

  test('the required rate is 0 once the target is met, never negative', () => {
    const p = progress(2025, '2025-01-10', shipments, { annualKg: 900_000 });
    // 1,000,000 loaded against 900,000: (900,000 − 1,000,000) / 355 < 0 → 0.
    expect(p.requiredPerDayKg).toBe(0);
    expect(p.percentOfTarget).toBeCloseTo(111.111, 2);
  });

  test('the required rate is null on the last day of the year, when no day is left', () => {
    const p = progress(2024, '2024-12-31', [ship('2024-05-05', 1_464_000)]);
    expect(p.daysLeft).toBe(0);
    expect(p.requiredPerDayKg).toBeNull();
    // 1,464,000 / 366 = 4,000 a day; × 366 = the year's own total.
    expect(p.runRatePerDayKg).toBe(4_000);
    expect(p.forecastKg).toBe(1_464_000);
  });
});

describe('monthly plan', () => {
  test('2.2 Mt spread over 2024 by days sums exactly to the target', () => {
    // Shares: 31-day months 2,200,000,000 × 31 / 366 = 186,338,797 r 298; 30-day months
    // 180,327,868 r 312; February 174,316,939 r 326. Floors sum to 2,199,999,990, so 10 kg go to the
    // largest remainders: February, the four 30-day months, then Jan, Mar, May, Jul, Aug.
    const plan = planForYear(targets(2024));
    expect(plan).toEqual([
      186_338_798, 174_316_940, 186_338_798, 180_327_869, 186_338_798, 180_327_869, 186_338_798, 186_338_798,
      180_327_869, 186_338_797, 180_327_869, 186_338_797,
    ]);
    // 5 × 186,338,798 + 2 × 186,338,797 + 4 × 180,327,869 + 174,316,940 = 2,200,000,000.
    expect(plan.reduce((sum, kg) => sum + kg, 0)).toBe(2_200_000_000);
  });

  test('2.2 Mt spread over 2025 by days sums exactly to the target', () => {
    // 31-day months 2,200,000,000 × 31 / 365 = 186,849,315 r 25; 30-day months 180,821,917 r 295;
    // February 168,767,123 r 105. Floors sum to 2,199,999,996; the 4 kg go to the 30-day months.
    const plan = planForYear(targets(2025));
    expect(plan[0]).toBe(186_849_315);
    expect(plan).toEqual([
      186_849_315, 168_767_123, 186_849_315, 180_821_918, 186_849_315, 180_821_918, 186_849_315, 186_849_315,
      180_821_918, 186_849_315, 180_821_918, 186_849_315,
    ]);
    expect(plan.reduce((sum, kg) => sum + kg, 0)).toBe(2_200_000_000);
  });

  test('equal remainders are broken by month order', () => {
    // 5 kg over 2025: every floor is 0; remainders 5 × 31 = 155 for the seven 31-day months,
    // 150 for the 30-day months, 140 for February. The five kilograms go to the first five
    // 31-day months: Jan, Mar, May, Jul, Aug.
    expect(planForYear(targets(2025, 5))).toEqual([1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0]);
  });

  test('an explicit twelve-figure plan is used as given', () => {
    const explicit = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];
    expect(planForYear(targets(2024, 999, explicit))).toEqual(explicit);
  });

  test('a plan that is not twelve figures falls back to the spread by days', () => {
    // 366 kg over 2024 is exactly one kilogram a day.
    expect(planForYear(targets(2024, 366, [1, 2, 3]))).toEqual([
      31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });

  test('months carry shipments, tonnes, running totals, plan and variance', () => {
    const plan = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100];
    const p = progress(
      2024,
      '2024-03-31',
      [ship('2024-01-05', 60), ship('2024-01-20', 70), ship('2024-03-31', 90), ship('2024-04-01', 500)],
      { annualKg: 1_200, monthlyPlanKg: plan },
    );
    expect(p.months.map((m) => m.month)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    // January: 60 + 70 = 130 against 100 → +30.
    expect(p.months[0]).toEqual({
      month: '2024-01',
      state: 'closed',
      daysElapsed: 31,
      shipments: 2,
      tonnesKg: 130,
      cumulativeKg: 130,
      planKg: 100,
      cumulativePlanKg: 100,
      planToDateKg: 100,
      varianceKg: 30,
    });
    // February: nothing against 100 → −100; running totals 130 and 200.
    expect(p.months[1]).toEqual({
      month: '2024-02',
      state: 'closed',
      daysElapsed: 29,
      shipments: 0,
      tonnesKg: 0,
      cumulativeKg: 130,
      planKg: 100,
      cumulativePlanKg: 200,
      planToDateKg: 100,
      varianceKg: -100,
    });
    // March: 90 against 100 → −10; running totals 220 and 300. The as-of date is its last day: closed.
    expect(p.months[2]).toEqual({
      month: '2024-03',
      state: 'closed',
      daysElapsed: 31,
      shipments: 1,
      tonnesKg: 90,
      cumulativeKg: 220,
      planKg: 100,
      cumulativePlanKg: 300,
      planToDateKg: 100,
      varianceKg: -10,
    });
    // April's cargo is after the as-of date: the plan still runs on, the actuals do not, and a
    // month not begun has no plan to date and no variance (not −100: nothing is behind yet).
    expect(p.months[3]).toEqual({
      month: '2024-04',
      state: 'future',
      daysElapsed: 0,
      shipments: 0,
      tonnesKg: 0,
      cumulativeKg: 220,
      planKg: 100,
      cumulativePlanKg: 400,
      planToDateKg: null,
      varianceKg: null,
    });
    // 12 × 100.
    expect(p.months[11]?.cumulativePlanKg).toBe(1_200);
  });
});

describe('the month in progress', () => {
  // 2026 (365 days), 2.2 Mt spread by days: March's plan is 2,200,000,000 × 31 / 365
  // = 186,849,315.07 → 186,849,315 kg (its remainder is not among the largest; see planForYear).
  const MARCH_PLAN_KG = 186_849_315;

  test('on 3 March it is compared with the plan for three days, not the whole month', () => {
    const p = progress(2026, '2026-03-03', [ship('2026-03-02', 9_959_500), ship('2026-03-05', 8_800_000)]);
    const march = p.months[2];
    expect(march?.planKg).toBe(MARCH_PLAN_KG);
    // 186,849,315 × 3 / 31 = 18,082,191.77… → 18,082,192 kg; 9,959,500 − 18,082,192 = −8,122,692.
    expect(march).toMatchObject({
      state: 'current',
      daysElapsed: 3,
      shipments: 1,
      tonnesKg: 9_959_500,
      planToDateKg: 18_082_192,
      varianceKg: -8_122_692,
    });
    // February is closed and measured against its whole plan; April has not begun.
    expect(p.months[1]).toMatchObject({ state: 'closed', daysElapsed: 28 });
    expect(p.months[1]?.planToDateKg).toBe(p.months[1]?.planKg);
    expect(p.months[3]).toMatchObject({
      state: 'future',
      daysElapsed: 0,
      planToDateKg: null,
      varianceKg: null,
    });
  });

  test('on the first of a month one day of its plan is due; on its last day the whole plan', () => {
    // 186,849,315 / 31 = 6,027,397.25… → 6,027,397 kg.
    expect(progress(2026, '2026-03-01', []).months[2]).toMatchObject({
      state: 'current',
      daysElapsed: 1,
      planToDateKg: 6_027_397,
      varianceKg: -6_027_397,
    });
    expect(progress(2026, '2026-03-31', []).months[2]).toMatchObject({
      state: 'closed',
      daysElapsed: 31,
      planToDateKg: MARCH_PLAN_KG,
      varianceKg: -MARCH_PLAN_KG,
    });
  });

  test('a past year has every month closed, a year not begun every month in the future', () => {
    expect(progress(2025, '2025-12-31', []).months.every((m) => m.state === 'closed')).toBe(true);
    const future = progress(2027, '2026-12-31', []);
    expect(future.months.every((m) => m.state === 'future' && m.varianceKg === null)).toBe(true);
  });

  test("an explicit monthly plan is pro-rated the same way: 29 February 2024's 100 t on the 10th", () => {
    const plan = [100, 100_000, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100];
    const p = progress(2024, '2024-02-10', [ship('2024-02-09', 50_000)], { monthlyPlanKg: plan });
    // 100,000 × 10 / 29 = 34,482.75… → 34,483 kg; 50,000 − 34,483 = +15,517.
    expect(p.months[1]).toMatchObject({ state: 'current', planToDateKg: 34_483, varianceKg: 15_517 });
  });
});

describe('daily series', () => {
  const shipments = [
    ship('2024-01-01', 1_000),
    ship('2024-01-03', 2_000),
    ship('2024-02-29', 4_000),
    ship('2024-08-01', 8_000),
  ];

  test('2024 has 366 points from 1 January to 31 December, 29 February included', () => {
    const { daily } = progress(2024, '2024-07-31', shipments);
    expect(daily.dates).toHaveLength(366);
    expect(daily.actualKg).toHaveLength(366);
    expect(daily.targetPaceKg).toHaveLength(366);
    expect(daily.baselinePaceKg).toHaveLength(366);
    expect(daily.dates[0]).toBe('2024-01-01');
    // 31 (January) + 28 = index 59.
    expect(daily.dates[59]).toBe('2024-02-29');
    expect(daily.dates[212]).toBe('2024-07-31');
    expect(daily.dates[365]).toBe('2024-12-31');
  });

  test('2023 has 365 points', () => {
    const { daily } = progress(2023, '2023-12-31', []);
    expect(daily.dates).toHaveLength(365);
    expect(daily.dates[364]).toBe('2023-12-31');
  });

  test('the target and baseline pace start at one day’s share and end at the full figure', () => {
    const { daily } = progress(2024, '2024-07-31', shipments);
    // 2,200,000,000 / 366 = 6,010,928.96… → 6,010,929; 1,057,000,000 / 366 = 2,887,978.14… → 2,887,978.
    expect(daily.targetPaceKg[0]).toBe(6_010_929);
    expect(daily.baselinePaceKg[0]).toBe(2_887_978);
    // Day 213 (31 July) matches the pro-rata figures above.
    expect(daily.targetPaceKg[212]).toBe(1_280_327_869);
    expect(daily.baselinePaceKg[212]).toBe(615_139_344);
    expect(daily.targetPaceKg[365]).toBe(2_200_000_000);
    expect(daily.baselinePaceKg[365]).toBe(1_057_000_000);
  });

  test('actuals are cumulative through each day and null after the as-of date', () => {
    const { daily } = progress(2024, '2024-07-31', shipments);
    expect(daily.actualKg[0]).toBe(1_000); // 1 Jan
    expect(daily.actualKg[1]).toBe(1_000); // 2 Jan: nothing new
    expect(daily.actualKg[2]).toBe(3_000); // 3 Jan: 1,000 + 2,000
    expect(daily.actualKg[58]).toBe(3_000); // 28 Feb
    expect(daily.actualKg[59]).toBe(7_000); // 29 Feb: 3,000 + 4,000
    expect(daily.actualKg[212]).toBe(7_000); // 31 Jul, the as-of day
    expect(daily.actualKg[213]).toBeNull(); // 1 Aug: after the as-of date, its cargo not counted
    expect(daily.actualKg[365]).toBeNull();
  });
});

describe('defaultAsOf', () => {
  test('the current year runs to today', () => {
    expect(defaultAsOf(2025, '2025-09-14')).toBe('2025-09-14');
  });

  test('a past year runs to its 31 December', () => {
    expect(defaultAsOf(2024, '2025-09-14')).toBe('2024-12-31');
  });

  test('a future year has not begun: the day before its 1 January, so nothing has elapsed', () => {
    expect(defaultAsOf(2026, '2025-09-14')).toBe('2025-12-31');
    const p = progress(2026, defaultAsOf(2026, '2025-09-14'), []);
    expect(p.daysElapsed).toBe(0);
    expect(p.daysLeft).toBe(365);
  });
});
