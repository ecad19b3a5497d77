import {
  chooseUnit,
  cumulativeChartData,
  cumulativeUnit,
  monthlyChartData,
  monthlyUnit,
  tickDigits,
  toUnit,
} from '../../../renderer/src/dashboard/chartData';
import { progress2024 } from './fixtures';

describe('unit scaling', () => {
  test('kilograms become t, kt and Mt by one exact division', () => {
    expect(toUnit(2_200_000_000, 'Mt')).toBe(2.2);
    expect(toUnit(1_057_000_000, 'Mt')).toBe(1.057);
    expect(toUnit(183_606_557, 'kt')).toBe(183.606557);
    expect(toUnit(9_959_500, 't')).toBe(9959.5);
    expect(toUnit(0, 'kt')).toBe(0);
  });

  test('the axis unit follows the scale: Mt from 1,000,000 t, kt from 10,000 t', () => {
    expect(chooseUnit(2_200_000_000)).toBe('Mt');
    expect(chooseUnit(1_000_000_000)).toBe('Mt');
    expect(chooseUnit(999_999_999)).toBe('kt');
    expect(chooseUnit(10_000_000)).toBe('kt');
    expect(chooseUnit(9_999_999)).toBe('t');
  });

  test('the cumulative axis is in Mt for a 2.2 Mt target; the monthly axis in kt for ~186 kt months', () => {
    const progress = progress2024();
    expect(cumulativeUnit(progress)).toBe('Mt');
    expect(monthlyUnit(progress)).toBe('kt');
    // A 50,000 t target and ~10 kt months: kt on both.
    const small = progress2024({ annualKg: 50_000_000 });
    expect(cumulativeUnit(small)).toBe('Mt'); // the 1.057 Mt baseline level line still has to fit
    expect(monthlyUnit(small)).toBe('t');
  });

  test('tick labels get the decimals their steps need', () => {
    expect(tickDigits([0, 0.5, 1, 1.5, 2, 2.5])).toBe(1);
    expect(tickDigits([0, 0.25, 0.5])).toBe(2);
    expect(tickDigits([0, 50, 100, 150, 200])).toBe(0);
  });
});

describe('cumulative chart data', () => {
  const progress = progress2024();
  const data = cumulativeChartData(progress, 'Mt');

  test('the actual series stops at the as-of date (31 July = day 213)', () => {
    expect(data.actual).toHaveLength(213);
    expect(data.actual[0]).toEqual({ x: 1, y: 0 });
    // 15 January (day 15): the first cargo, 9,959,500 kg.
    expect(data.actual[14]).toEqual({ x: 15, y: 0.0099595 });
    // 31 July (day 213) includes the cargo loaded that day: 33,459,500 kg.
    expect(data.actual.at(-1)).toEqual({ x: 213, y: 0.0334595 });
    expect(data.actual.some((point) => point.x > 213)).toBe(false);
  });

  test('the pace lines run the whole year and end at the target and baseline totals', () => {
    expect(data.targetPace).toHaveLength(366);
    expect(data.baselinePace).toHaveLength(366);
    expect(data.targetPace.at(-1)).toEqual({ x: 366, y: 2.2 });
    expect(data.baselinePace.at(-1)).toEqual({ x: 366, y: 1.057 });
    // Day 213 of the target pace is the pro-rata target: 1,280,327,869 kg.
    expect(data.targetPace[212]).toEqual({ x: 213, y: 1.280327869 });
  });

  test('the level lines are the annual target and the baseline year, in the axis unit', () => {
    expect(data.levels).toEqual({ target: 2.2, baseline: 1.057 });
    expect(cumulativeChartData(progress, 'kt').levels).toEqual({ target: 2200, baseline: 1057 });
  });

  test('today is marked at the as-of date while the year runs, not once it has closed', () => {
    expect(data.today).toBe(213);
    expect(cumulativeChartData(progress2024({ asOf: '2024-12-31' }), 'Mt').today).toBeNull();
    expect(data.xMax).toBe(366);
  });

  test('month ticks: 13 boundaries from 0 to 366 and twelve labels half-way between', () => {
    const boundaries = data.ticks.filter((tick) => tick.month === null).map((tick) => tick.x);
    const labels = data.ticks.filter((tick) => tick.month !== null);
    expect(boundaries).toEqual([0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366]);
    expect(labels).toHaveLength(12);
    expect(labels[0]).toEqual({ x: 15.5, month: '2024-01' });
    expect(labels[1]).toEqual({ x: 45.5, month: '2024-02' });
  });
});

describe('monthly chart data', () => {
  const data = monthlyChartData(progress2024(), 'kt');

  test('shipped bars for the months begun by the as-of date, plan bars for all twelve', () => {
    expect(data.months).toHaveLength(12);
    expect(data.actual.map((point) => point.x)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(data.actual.map((point) => point.y)).toEqual([9.9595, 8.8, 6.9, 0, 0, 0, 7.8]);
    expect(data.plan).toHaveLength(12);
  });

  test('the plan is the 2.2 Mt target spread by days, in kt', () => {
    // January: 2,200,000,000 × 31 / 366 = 186,338,797.8…; February: × 29 / 366 = 174,316,939.9…
    // Each month takes the floor, the kilograms left over go to the largest remainders: both round up.
    expect(data.plan[0]).toEqual({ x: 0, y: 186.338798 });
    expect(data.plan[1]).toEqual({ x: 1, y: 174.31694 });
  });
});
