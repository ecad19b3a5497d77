/**
 * The baseline year (issue 10, point 11): a year whose only data is the baseline is shown as the
 * baseline, never as a failure; the year list offers only years with cargoes or targets (and this
 * year, where new cargoes go), and names the baseline year when it offers it.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { LedgerInfo, Progress, TransitApi } from '../../../electron/core/api';
import { computeProgress } from '../../../electron/core/progress';
import { App } from '../../../renderer/src/App';
import { useSettings } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { Dashboard } from '../../../renderer/src/views/Dashboard';
import { Register } from '../../../renderer/src/views/Register';
import { selectableYears } from '../../../renderer/src/years';
import { fakeApi, loadStore } from '../reports/fake-api';
import { BASELINE, ledgerInfo, progress2024 } from './fixtures';

jest.mock('react-chartjs-2', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  const stub = (type: string) => () => createElement('canvas', { 'data-chart': type });
  return { Line: stub('line'), Bar: stub('bar') };
});

const NBSP = '\u00a0';

/** 2023 with no cargo of it recorded, against the 1.5 Mt target of the 2022 agreement. */
function progress2023(): Progress {
  return computeProgress({
    year: 2023,
    asOf: '2023-12-31',
    shipments: [{ blDate: '2024-01-15', netKg: 9_959_500 }],
    targets: progress2023Targets(),
    baseline: BASELINE,
  });
}

function progress2023Targets(): Parameters<typeof computeProgress>[0]['targets'] {
  return {
    year: 2023,
    annualKg: 1_500_000_000,
    monthlyPlanKg: null,
    lossAllowancePercent: 0.5,
    source: 'default',
  };
}

beforeEach(() => {
  useSettings.setState({ language: 'en', theme: 'light' });
});

describe('the baseline year on the dashboard', () => {
  test('with cargoes of its own is not compared with itself: a dash and a note, in English and Russian', () => {
    const own = computeProgress({
      year: 2023,
      asOf: '2023-12-31',
      shipments: [{ blDate: '2023-05-01', netKg: 9_959_500 }],
      targets: progress2023Targets(),
      baseline: BASELINE,
    });
    expect(own.changeVsBaselineKg).toBeNull();
    useLedger.setState({
      progress: own,
      info: ledgerInfo({ years: [2023], baselineYear: 2023 }),
      year: 2023,
    });
    const { unmount } = render(<Dashboard onNewShipment={() => undefined} />);
    expect(screen.getByTestId('kpi-baseline-value').textContent).toBe('—');
    expect(screen.getByTestId('kpi-baseline').textContent).toContain(
      '2023 is the baseline year: it is not compared with itself.',
    );
    unmount();
    useSettings.setState({ language: 'ru' });
    render(<Dashboard onNewShipment={() => undefined} />);
    expect(screen.getByTestId('kpi-baseline').textContent).toContain('2023 — базовый год');
  });

  test('is shown as the baseline: its reported figure and what it is for, no "short", no red', () => {
    const setYear = jest.fn(() => Promise.resolve());
    useLedger.setState({
      progress: progress2023(),
      info: ledgerInfo({ years: [2024, 2026], baselineYear: 2023 }),
      year: 2023,
      setYear,
    });
    render(<Dashboard onNewShipment={() => undefined} />);
    const view = screen.getByTestId('dashboard-baseline');
    expect(view.textContent).toContain('2023 is the baseline year.');
    expect(screen.getByTestId('baseline-value').textContent).toBe(`1.057${NBSP}Mt`);
    // 1,057,000,000 kg / 365 = 2,895,890.4 kg a day → 2,896 t/day.
    expect(view.textContent).toContain(`Its pace, 2,896${NBSP}t/day`);
    expect(view.textContent).toContain('No 2023 cargo is recorded in this ledger');
    expect(view.textContent).not.toMatch(/short|−100|behind/i);
    expect(screen.queryByTestId('kpi-ytd')).toBeNull();
    expect(view.querySelector('.dash-behind')).toBeNull();
    // One click to the latest year with cargoes.
    fireEvent.click(screen.getByRole('button', { name: 'Show 2026' }));
    expect(setYear).toHaveBeenCalledWith(2026);
  });

  test('with cargoes of its own recorded, it is a year like any other', () => {
    const progress = computeProgress({
      year: 2023,
      asOf: '2023-12-31',
      shipments: [{ blDate: '2023-05-01', netKg: 9_000_000 }],
      targets: {
        year: 2023,
        annualKg: 1_500_000_000,
        monthlyPlanKg: null,
        lossAllowancePercent: 0.5,
        source: 'default',
      },
      baseline: BASELINE,
    });
    useLedger.setState({ progress, info: ledgerInfo({ years: [2023, 2024] }), year: 2023 });
    render(<Dashboard onNewShipment={() => undefined} />);
    expect(screen.queryByTestId('dashboard-baseline')).toBeNull();
    expect(screen.getByTestId('kpi-ytd-value').textContent).toBe(`9,000${NBSP}t`);
  });

  test('a year that is not the baseline and has no cargo still says so and shows its targets', () => {
    useLedger.setState({
      progress: progress2024({ shipments: [] }),
      info: ledgerInfo({ years: [2023] }),
      year: 2024,
    });
    render(<Dashboard onNewShipment={() => undefined} />);
    expect(screen.queryByTestId('dashboard-baseline')).toBeNull();
    expect(screen.getByTestId('dashboard-year-empty')).toBeTruthy();
  });
});

test("the baseline year's empty register says what the year is", () => {
  useLedger.setState({ shipments: [], year: 2023, loading: false, info: ledgerInfo({ baselineYear: 2023 }) });
  render(<Register />);
  expect(screen.getByTestId('register-empty-baseline').textContent).toBe(
    '2023 is the baseline year: later years are compared with its reported total, not with cargoes recorded here.',
  );
});

describe('the year list', () => {
  const info = (change: Partial<LedgerInfo>): LedgerInfo => ledgerInfo({ baselineYear: 2023, ...change });

  test('offers the years with cargoes or targets, this year and the year shown, newest first', () => {
    expect(selectableYears(info({ years: [2024, 2025], targetYears: [2027] }), 2026, 2026)).toEqual([
      2027, 2026, 2025, 2024,
    ]);
    // The baseline year is not offered for its own sake …
    expect(selectableYears(info({ years: [2024], targetYears: [] }), 2026, 2026)).not.toContain(2023);
    // … only when it has cargoes or a target, or is on screen.
    expect(selectableYears(info({ years: [2023, 2024] }), 2026, 2026)).toContain(2023);
    expect(selectableYears(info({ years: [2024], targetYears: [2023] }), 2026, 2026)).toContain(2023);
    expect(selectableYears(info({ years: [] }), 2026, 2023)).toEqual([2026, 2023]);
    expect(selectableYears(null, 2026, 2026)).toEqual([2026]);
  });

  test('in the header the baseline year says what it is', async () => {
    const api = fakeApi();
    api.info.mockImplementation(async () => info({ years: [2023, 2024], targetYears: [2024] }));
    api.progress.mockImplementation(async () => progress2024());
    loadStore(api, { info: info({ years: [2023, 2024], targetYears: [2024] }) });
    render(<App api={api as unknown as TransitApi} />);
    const select = await screen.findByTestId('year-select');
    await waitFor(() => expect(within(select).getAllByRole('option').length).toBeGreaterThan(1));
    const options = within(select)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toContain('2023 (baseline)');
    expect(options).toContain('2024');
  });
});
