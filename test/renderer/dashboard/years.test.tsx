/**
 * The dashboard's year against year (issue 12 part 6): one chart of the chosen year, the earlier years
 * and the baseline by day of year, and the months side by side, from the core's own compareYears.
 * Figures: 2023 holds 7,000 t on 1 March; 2024 holds 8,000 t on 29 February and 9,000 t on 1 March,
 * counted to 1 March; the baseline is 2023's 242,000 t by its monthly figures or pro rata.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import type { Baseline, TransitApi } from '../../../electron/core/api';
import { bucketByDay, computeProgress } from '../../../electron/core/progress';
import { compareYears } from '../../../electron/core/year-compare';
import { dashboardFormat } from '../../../renderer/src/dashboard/formatters';
import { YearsCard } from '../../../renderer/src/dashboard/years/YearsCard';
import { translate } from '../../../renderer/src/i18n';
import type { Language } from '../../../renderer/src/settings';

const mockCharts: { props: Record<string, unknown> }[] = [];
jest.mock('react-chartjs-2', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  const Line = (props: Record<string, unknown>) => {
    mockCharts.push({ props });
    return createElement('canvas', { role: props.role, 'aria-label': props['aria-label'] });
  };
  return { Line };
});

const NBSP = '\u00a0';
const T = 1000;
const MONTHLY: Baseline = {
  year: 2023,
  kg: 242_000 * T,
  monthlyKg: [62_000, 29_000, 31_000, 0, 0, 0, 0, 0, 0, 0, 0, 120_000].map((tonnes) => tonnes * T),
  source: 'ledger',
};
const PRO_RATA: Baseline = { year: 2023, kg: 242_000 * T, source: 'ledger' };
const CARGOES_2024 = [
  { blDate: '2024-02-29', netKg: 8_000 * T },
  { blDate: '2024-03-01', netKg: 9_000 * T },
];

function comparison(baseline: Baseline) {
  const days = [
    bucketByDay(2023, [{ blDate: '2023-03-01', netKg: 7_000 * T }]),
    bucketByDay(2024, CARGOES_2024),
  ];
  return compareYears({ year: 2024, asOf: '2024-03-01', days, baseline });
}

async function show(baseline: Baseline, language: Language = 'en') {
  mockCharts.length = 0;
  const api = { compareYears: jest.fn(async () => comparison(baseline)) } as unknown as TransitApi;
  const progress = computeProgress({
    year: 2024,
    asOf: '2024-03-01',
    shipments: CARGOES_2024,
    targets: {
      year: 2024,
      annualKg: 2_200_000 * T,
      monthlyPlanKg: null,
      lossAllowancePercent: 0.5,
      source: 'default',
    },
    baseline,
  });
  const t = (key: string, vars?: Record<string, string | number>) => translate(language, key, vars);
  const f = dashboardFormat(language, t);
  const palette = {
    actual: '#0072b2',
    target: '#d55e00',
    targetLevel: '#a8388c',
    baseline: '#6b6b6b',
    baselineLevel: '#007a66',
    plan: '#e69f00',
    ahead: '#00795a',
    behind: '#b44700',
    text: '#14202b',
    muted: '#51606e',
    grid: '#d5dbe1',
    surface: '#ffffff',
  };
  render(
    <YearsCard
      api={api}
      progress={progress}
      palette={palette}
      printing={false}
      language={language}
      t={t}
      f={f}
    />,
  );
  await waitFor(() => expect(screen.getByTestId('years-table')).toBeTruthy());
  return api;
}

function row(name: string): string[] {
  const header = within(screen.getByTestId('years-table')).getByRole('rowheader', { name });
  const cells = header.parentElement?.querySelectorAll('td') ?? [];
  return [...cells].map((cell) => cell.textContent ?? '');
}

describe('year against year on the dashboard', () => {
  test('asks the core for the year as of its as-of date', async () => {
    const api = await show(MONTHLY);
    expect(api.compareYears).toHaveBeenCalledWith({ year: 2024, asOf: '2024-03-01' });
  });

  test('sets the months side by side: earlier year, chosen year to date, the baseline, and totals', async () => {
    await show(MONTHLY);
    expect(row('February')).toEqual(['0', '8,000', '29,000']);
    expect(row('March')).toEqual(['7,000', '9,000', '31,000']);
    // April 2024 has not begun: a dash, read out as such.
    expect(row('April')).toEqual(['0', '—month not started', '0']);
    expect(row('Total')).toEqual(['7,000', '17,000', '242,000']);
    const heads = within(screen.getByTestId('years-table')).getAllByRole('columnheader');
    expect(heads.map((head) => head.textContent)).toEqual([
      'Month',
      '2023',
      '2024 (to 2024-03-01)',
      'Baseline 2023 (by its monthly figures)',
    ]);
  });

  test('draws the chosen year first, the earlier year and the baseline by day of year, in the legend', async () => {
    await show(MONTHLY);
    const data = mockCharts.at(-1)?.props.data as {
      datasets: { label: string; data: { x: number; y: number }[] }[];
    };
    expect(data.datasets.map((set) => set.label)).toEqual([
      '2024',
      '2023',
      '2023 baseline (by its monthly figures)',
    ]);
    // Day 60 on each line: 29 February 2024 (8 kt), 1 March 2023 (7 kt), the baseline's 92 kt on 1 March 2023.
    const day60 = data.datasets.map((set) => set.data.find((point) => point.x === 60)?.y);
    expect(day60).toEqual([8, 7, 92]);
    expect(data.datasets[0]?.data).toHaveLength(61);
    expect(screen.getByTestId('years-chart').querySelectorAll('.dash-legend li')).toHaveLength(3);
  });

  test('a baseline without monthly figures says it is pro rata, in the chart, the table and the note', async () => {
    await show(PRO_RATA);
    expect(screen.getByTestId('years-pace-note').textContent).toBe(
      `The 2023 baseline has no monthly figures: its line and months are its total of 242.0${NBSP}kt pro rata ` +
        'to the days (Settings can hold its months).',
    );
    // 242,000 t × 31 / 365 = 20,553.4 t in January (whole tonnes on screen).
    expect(row('January')).toEqual(['0', '0', '20,553']);
  });

  test('speaks Russian: the months, the note and the baseline column', async () => {
    await show(MONTHLY, 'ru');
    expect(screen.getByRole('heading', { name: 'Год к году' })).toBeTruthy();
    expect(screen.getByTestId('years-pace-note').textContent).toBe(
      'База 2023 года идёт по своим месячным данным.',
    );
    expect(row('Итого')).toEqual(['7\u00a0000', '17\u00a0000', '242\u00a0000']);
  });
});
