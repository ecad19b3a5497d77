/**
 * What if (issue 12, part 5): a stoppage or a new daily rate asked of a year's progress, never
 * stored. Every figure is worked out by hand beside it:
 *   forecast = year to date + run rate × (days left − stopped days after the as-of date)
 *   required = (target − year to date) / (days left − stopped days after the as-of date)
 */
import type { Progress } from '../electron/core/api';
import { computeProgress } from '../electron/core/progress';
import { parseRateChange, parseStoppage, readStoppage, whatIf } from '../electron/core/scenario';

const TARGET_KG = 2_200_000_000;
const DAY_KG = 6_000_000; // 6,000 t a day

/** A year loaded at exactly 6,000 t on every day up to the as-of date: the run rate is 6,000,000 kg/day. */
function steady(year: number, asOf: string): Progress {
  const shipments = [];
  for (let day = new Date(`${year}-01-01T00:00:00Z`); day.toISOString().slice(0, 10) <= asOf;) {
    shipments.push({ blDate: day.toISOString().slice(0, 10), netKg: DAY_KG });
    day = new Date(day.getTime() + 86_400_000);
  }
  return computeProgress({
    year,
    asOf,
    shipments,
    targets: { year, annualKg: TARGET_KG, monthlyPlanKg: null, lossAllowancePercent: 0.5, source: 'default' },
    baseline: { year: 2023, kg: 1_057_000_000, source: 'default' },
  });
}

// 2024 (leap) as of 31 July: 213 days elapsed, 153 left; year to date 213 × 6,000 t = 1,278,000 t.
const JULY_2024 = steady(2024, '2024-07-31');

describe('a stoppage that starts before the as-of date and ends after it', () => {
  const s = whatIf(JULY_2024, { stoppage: parseStoppage('2024-07-20..2024-08-10'), rate: null });

  test('only days after the as-of date are lost (1–10 August: 10); 20–31 July are in the year to date', () => {
    expect(JULY_2024.daysElapsed).toBe(213);
    expect(s.lostDays).toBe(10);
    expect(s.pastStoppedDays).toBe(12);
    expect(s.workingDaysLeft).toBe(143);
  });

  test('forecast: 1,278,000 t + 6,000 t × (153 − 10) = 2,136,000 t, 64,000 t short of the target', () => {
    expect(s.forecastKg).toBe(2_136_000_000);
    expect(s.gapKg).toBe(-64_000_000);
  });

  test('required rate: (2,200,000 − 1,278,000) t / 143 days = 6,447.552… t a day', () => {
    expect(s.requiredPerDayKg).toBeCloseTo(922_000_000 / 143, 6);
    expect(Math.round(s.requiredPerDayKg ?? 0)).toBe(6_447_552);
  });

  test('the projection starts at the year to date on the as-of date, is level while stopped, ends at forecast', () => {
    const index = (date: string) => JULY_2024.daily.dates.indexOf(date);
    expect(s.projectedKg[index('2024-07-30')]).toBeNull();
    expect(s.projectedKg[index('2024-07-31')]).toBe(1_278_000_000);
    expect(s.projectedKg[index('2024-08-10')]).toBe(1_278_000_000);
    expect(s.projectedKg[index('2024-08-11')]).toBe(1_284_000_000);
    expect(s.projectedKg[index('2024-12-31')]).toBe(s.forecastKg);
  });
});

describe('a stoppage entirely in the past', () => {
  const s = whatIf(JULY_2024, { stoppage: parseStoppage('01.03.2024..15.03.2024'), rate: null });

  test('loses no day still to come: forecast and required rate are the year’s own', () => {
    // 6,000 t × 366 = 2,196,000 t; (2,200,000 − 1,278,000) / 153 = 6,026.1… t a day.
    expect(s.lostDays).toBe(0);
    expect(s.pastStoppedDays).toBe(15);
    expect(s.forecastKg).toBe(JULY_2024.forecastKg);
    expect(s.forecastKg).toBe(2_196_000_000);
    expect(s.requiredPerDayKg).toBe(JULY_2024.requiredPerDayKg);
  });
});

describe('a leap year', () => {
  test('a stoppage over the end of February loses 29 February too in 2024 (3 days), not in 2025 (2 days)', () => {
    const leap = whatIf(steady(2024, '2024-01-31'), {
      stoppage: parseStoppage('2024-02-28..2024-03-01'),
      rate: null,
    });
    const common = whatIf(steady(2025, '2025-01-31'), {
      stoppage: parseStoppage('2025-02-28..2025-03-01'),
      rate: null,
    });
    expect(leap.lostDays).toBe(3);
    expect(common.lostDays).toBe(2);
    // 2024: 186,000 t + 6,000 t × (335 − 3) = 2,178,000 t; 2025: 186,000 t + 6,000 t × (334 − 2) = 2,178,000 t.
    expect(leap.forecastKg).toBe(2_178_000_000);
    expect(common.forecastKg).toBe(2_178_000_000);
  });

  test('a stoppage past the year end counts only its days within the year (20–31 December: 12)', () => {
    const s = whatIf(JULY_2024, { stoppage: parseStoppage('2024-12-20..2025-01-10'), rate: null });
    expect(s.lostDays).toBe(12);
    // 1,278,000 t + 6,000 t × 141 = 2,124,000 t.
    expect(s.forecastKg).toBe(2_124_000_000);
  });
});

describe('a different daily rate from a date', () => {
  test('7,000 t a day from 1 September: 1,278,000 + 6,000 × 31 + 7,000 × 122 = 2,318,000 t', () => {
    const s = whatIf(JULY_2024, { stoppage: null, rate: parseRateChange('7000', '2024-09-01') });
    expect(s.forecastKg).toBe(2_318_000_000);
    expect(s.gapKg).toBe(118_000_000);
    expect(s.lostDays).toBe(0);
  });

  test('with a stoppage too, stopped days load nothing at either rate', () => {
    // August 1–10 stopped: 21 days at 6,000 t, then 122 days at 7,000 t → 1,278,000 + 126,000 + 854,000.
    const s = whatIf(JULY_2024, {
      stoppage: parseStoppage('2024-08-01..2024-08-10'),
      rate: parseRateChange('7 000', '01.09.2024'),
    });
    expect(s.forecastKg).toBe(2_258_000_000);
  });
});

describe('when the year has no loading day left', () => {
  test('a stoppage to the year end leaves no required rate (null), not a division by zero', () => {
    const s = whatIf(JULY_2024, { stoppage: parseStoppage('2024-08-01..2024-12-31'), rate: null });
    expect(s.workingDaysLeft).toBe(0);
    expect(s.requiredPerDayKg).toBeNull();
    expect(s.forecastKg).toBe(1_278_000_000);
  });
});

describe('reading the question', () => {
  test('a stoppage that ends before it starts is refused with its code and both dates', () => {
    expect(readStoppage('2024-08-10', '2024-08-01')).toEqual([
      expect.objectContaining({
        code: 'stoppageTo.before_from',
        facts: { from: '2024-08-10', to: '2024-08-01' },
      }),
    ]);
  });

  test('a date that is not one is refused per field', () => {
    expect(readStoppage('2024-02-30', 'soon')).toEqual([
      expect.objectContaining({ field: 'stoppageFrom', code: 'stoppageFrom.impossible' }),
      expect.objectContaining({ field: 'stoppageTo', code: 'stoppageTo.format' }),
    ]);
  });

  test('--stoppage without two dates is refused as the core’s invalid input', () => {
    expect(() => parseStoppage('2024-08-01')).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});
