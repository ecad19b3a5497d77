import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Progress } from '../../../electron/core/api';
import { useSettings } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { Dashboard } from '../../../renderer/src/views/Dashboard';
import { ledgerInfo, progress2024 } from './fixtures';

// jsdom has no canvas: the chart components are replaced by a stand-in that keeps their props,
// so the tests can check what the charts were given.
const mockCharts: { type: string; props: Record<string, unknown> }[] = [];
jest.mock('react-chartjs-2', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  const stub = (type: string) => (props: Record<string, unknown>) => {
    mockCharts.push({ type, props });
    return createElement('canvas', {
      role: props.role,
      'aria-label': props['aria-label'],
      'data-chart': type,
    });
  };
  return { Line: stub('line'), Bar: stub('bar') };
});

const NBSP = '\u00a0';
const MINUS = '\u2212';

function show(progress: Progress, info = ledgerInfo()) {
  const switchDemo = jest.fn(() => Promise.resolve());
  const onNewShipment = jest.fn();
  useLedger.setState({ progress, info, year: progress.year, switchDemo });
  render(<Dashboard onNewShipment={onNewShipment} />);
  return { switchDemo, onNewShipment };
}

function kpi(id: string): string {
  return screen.getByTestId(`kpi-${id}-value`).textContent ?? '';
}

function kpiCard(id: string): string {
  return screen.getByTestId(`kpi-${id}`).textContent ?? '';
}

beforeEach(() => {
  mockCharts.length = 0;
  useSettings.setState({ language: 'en', theme: 'light' });
});

describe('key figures, hand-computed (see fixtures.ts)', () => {
  test('2024 as of 31 July against 2.2 Mt, in English', () => {
    show(progress2024());
    expect(kpi('ytd')).toBe(`33.5${NBSP}kt`);
    expect(kpiCard('ytd')).toContain('Cargoes: 4');
    expect(kpiCard('ytd')).toContain('2024-07-31');
    expect(kpi('percent')).toBe('1.5%');
    expect(kpiCard('percent')).toContain(`of the 2.200${NBSP}Mt annual target`);
    expect(kpi('ahead')).toBe(`${MINUS}1.247${NBSP}Mt`);
    expect(kpiCard('ahead')).toContain('Behind');
    expect(kpiCard('ahead')).toContain(`Pro-rata target to 2024-07-31: 1.280${NBSP}Mt`);
    expect(kpi('runRate')).toBe(`157${NBSP}t/day`);
    expect(kpiCard('runRate')).toContain('over 213\u00a0days');
    expect(kpi('forecast')).toBe(`57.5${NBSP}kt`);
    expect(kpiCard('forecast')).toContain('Short of target');
    expect(kpi('required')).toBe(`14,160${NBSP}t/day`);
    expect(kpiCard('required')).toContain('153\u00a0days left');
    expect(kpi('baseline')).toBe(`${MINUS}581.7${NBSP}kt ${MINUS}94.6%`);
    expect(kpiCard('baseline')).toContain('Below 2023 pace');
    expect(kpiCard('baseline')).toContain(`2023 pace to 2024-07-31: 615.1${NBSP}kt`);
  });

  test('the headline says behind, with the figures', () => {
    show(progress2024());
    expect(screen.getByTestId('dashboard-headline').textContent).toBe(
      `▼2024 is 1.247${NBSP}Mt behind the pro-rata target: 33.5${NBSP}kt shipped of 1.280${NBSP}Mt due by 2024-07-31.`,
    );
  });

  test('against a 50,000 t target the year is ahead: headline, sign, word and arrow', () => {
    show(progress2024({ annualKg: 50_000_000 }));
    expect(screen.getByTestId('dashboard-headline').textContent).toBe(
      `▲2024 is 4,361${NBSP}t ahead of the pro-rata target: 33.5${NBSP}kt shipped against 29.1${NBSP}kt due by ` +
        `2024-07-31.`,
    );
    expect(kpi('ahead')).toBe(`+4,361${NBSP}t`);
    expect(kpiCard('ahead')).toContain('Ahead');
    expect(screen.getByTestId('kpi-ahead-value').className).toContain('dash-ahead');
    expect(kpi('required')).toBe(`108${NBSP}t/day`);
    // 57,493,789 kg forecast against a 50,000,000 kg target.
    expect(kpiCard('forecast')).toContain('Reaches target');
  });

  test('"Target reached" when nothing more is required (a 30,000 t target, 33,459.5 t shipped)', () => {
    show(progress2024({ annualKg: 30_000_000 }));
    expect(kpi('required')).toBe('Target reached');
  });

  test('a closed year: the headline speaks of the annual target and the required rate of a closed year', () => {
    // As of 31 Dec all five 2024 cargoes count: 33,459,500 + 9,000,000 = 42,459,500 kg;
    // short of 2,200,000,000 by 2,157,540,500 kg → "2.158 Mt".
    show(progress2024({ asOf: '2024-12-31' }));
    expect(kpi('required')).toBe('Year closed');
    expect(screen.getByTestId('dashboard-headline').textContent).toBe(
      `▼2024 closed 2.158${NBSP}Mt short of the annual target: 42.5${NBSP}kt shipped of 2.200${NBSP}Mt.`,
    );
  });

  test('in Russian: decimal comma, translated units and words', () => {
    useSettings.setState({ language: 'ru' });
    show(progress2024());
    expect(kpi('ytd')).toBe(`33,5${NBSP}тыс.\u00a0т`);
    expect(kpi('runRate')).toBe(`157${NBSP}т/сут`);
    // Russian groups thousands with a no-break space.
    expect(kpi('required')).toBe(`14${NBSP}160${NBSP}т/сут`);
    expect(kpi('ahead')).toBe(`${MINUS}1,247${NBSP}млн${NBSP}т`);
    expect(kpiCard('ahead')).toContain('Отставание');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Отгрузки нарастающим итогом против плана' }),
    ).toBeTruthy();
  });
});

describe('monthly table', () => {
  const monthRow = (table: HTMLElement, name: string) =>
    within(table)
      .getByRole('rowheader', { name: new RegExp(`^${name}`) })
      .closest('tr') as HTMLElement;
  const monthCells = (table: HTMLElement, name: string) =>
    within(monthRow(table, name))
      .getAllByRole('cell')
      .map((td) => td.textContent);

  test('whole tonnes, cumulative, plan and signed variance per month; months not begun show dashes', () => {
    show(progress2024());
    const table = screen.getByTestId('monthly-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Month',
      'Cargoes',
      // The unit is held to the word before it: a wrapped header never leaves "t" alone.
      `Shipped,${NBSP}t`,
      `Cumulative,${NBSP}t`,
      `Plan,${NBSP}t`,
      `Variance,${NBSP}t`,
    ]);
    // January: 9,959.500 t against a plan of 186,338.798 t → −176,379.298 t; shown to the tonne,
    // half away from zero (9,959.5 → 9,960).
    expect(monthCells(table, 'January')).toEqual(['1', '9,960', '9,960', '186,339', `${MINUS}176,379`]);
    // February: 8,800.000 t (loaded on the 29th), cumulative 18,759.500 t, plan 174,316.940 t.
    expect(monthCells(table, 'February')).toEqual(['1', '8,800', '18,760', '174,317', `${MINUS}165,517`]);
    // 31 July is July's last day: the month is closed, compared with its whole plan, and has no note.
    expect(within(monthRow(table, 'July')).getByRole('rowheader').textContent).toBe('July');
    expect(screen.queryByTestId('variance-to-date')).toBeNull();
    expect(monthCells(table, 'August')[0]).toContain('—');
    expect(monthCells(table, 'August')[3]).toBe('186,339');
    expect(monthCells(table, 'August')[4]).toContain('—');
    expect(within(monthRow(table, 'January')).getAllByRole('cell')[4]?.className).toContain('dash-behind');
    expect(table.textContent).not.toMatch(/\d\.\d{3}\b/);
  });

  test('the month in progress is measured against its plan to date, and its variance cell says so', () => {
    show(progress2024({ asOf: '2024-03-05' }));
    const table = screen.getByTestId('monthly-table');
    expect(within(monthRow(table, 'March')).getByRole('rowheader').textContent).toBe('March (to 2024-03-05)');
    // March's plan 186,338.798 t × 5 / 31 days = 30,054.645 t due by the 5th; 6,900 t shipped
    // (the 5 March cargo) → −23,154.645 t, not −179,438.798 t against the whole month.
    const cells = monthCells(table, 'March');
    expect(cells.slice(0, 4)).toEqual(['1', '6,900', '25,660', '186,339']);
    expect(screen.getByTestId('variance-to-date').textContent).toBe('vs plan to 2024-03-05: 30,055');
    expect(cells[4]).toBe(`${MINUS}23,155vs plan to 2024-03-05: 30,055`);
    // February closed: against its whole plan.
    expect(monthCells(table, 'February')[4]).toBe(`${MINUS}165,517`);
  });

  test('a variance that rounds to 0 t reads "0", neither red nor green', () => {
    const base = progress2024();
    const january = { ...(base.months[0] as Progress['months'][number]), varianceKg: -400 };
    show({ ...base, months: [january, ...base.months.slice(1)] });
    const cell = within(monthRow(screen.getByTestId('monthly-table'), 'January')).getAllByRole('cell')[4];
    expect(cell?.textContent).toBe('0');
    expect(cell?.className).not.toMatch(/dash-(ahead|behind)/);
  });

  test('a closed month is marked final, with who closed it and when on hover', () => {
    const base = progress2024();
    const january = {
      ...(base.months[0] as Progress['months'][number]),
      closed: { by: 'aliya', on: '2024-02-03' },
    };
    useSettings.setState({ language: 'ru' });
    show({ ...base, months: [january, ...base.months.slice(1)] });
    const mark = screen.getByTestId('closed-2024-01');
    expect(mark.textContent?.trim()).toBe('· закрыт');
    expect(mark.title).toBe('Цифры окончательные: закрыл(а) aliya, 03.02.2024');
    expect(screen.queryByTestId('closed-2024-02')).toBeNull();
  });

  test('a closed month whose cargoes changed since its close (received by sync) says so', () => {
    const base = progress2024();
    const january = {
      ...(base.months[0] as Progress['months'][number]),
      closed: { by: 'aliya', on: '2024-02-03', changedSinceClose: true as const },
    };
    useSettings.setState({ language: 'ru' });
    show({ ...base, months: [january, ...base.months.slice(1)] });
    const mark = screen.getByTestId('changed-2024-01');
    expect(mark.textContent?.trim()).toBe('· изменён после закрытия');
    expect(mark.title).toMatch(/^Отгрузки месяца отличаются от закрытых/);
    expect(screen.getByTestId('closed-2024-01').textContent?.trim()).toBe('· закрыт');
    expect(screen.queryByTestId('changed-2024-02')).toBeNull();
  });

  test('the monthly chart marks the plan to date on the running month, and its legend names it', () => {
    show(progress2024({ asOf: '2024-03-05' }));
    const bar = mockCharts.filter((chart) => chart.type === 'bar').at(-1);
    const marker = (bar?.props.options as { plugins: { planToDate: { index: number; value: number } } })
      .plugins.planToDate;
    // March (index 2): 30,054.645 t due by the 5th, on an axis in kt.
    expect(marker.index).toBe(2);
    expect(marker.value).toBeCloseTo(30.054645, 6);
    expect(screen.getByTestId('monthly-chart').textContent).toContain('Plan to 2024-03-05');
  });

  test('with no month in progress the chart marks nothing', () => {
    show(progress2024());
    const bar = mockCharts.filter((chart) => chart.type === 'bar').at(-1);
    expect((bar?.props.options as { plugins: { planToDate: unknown } }).plugins.planToDate).toBe(false);
    expect(screen.getByTestId('monthly-chart').textContent).not.toContain('Plan to');
  });

  test('the chart tooltip gives whole tonnes, and the running month its variance against plan to date', () => {
    show(progress2024({ asOf: '2024-03-05' }));
    const bar = mockCharts.filter((chart) => chart.type === 'bar').at(-1);
    type Item = { parsed: { x: number }; datasetIndex: number; dataset: { label: string } };
    const { label, footer } = (
      bar?.props.options as {
        plugins: { tooltip: { callbacks: { label(item: Item): string; footer(items: Item[]): string } } };
      }
    ).plugins.tooltip.callbacks;
    const item = (x: number, datasetIndex = 0): Item => ({
      parsed: { x },
      datasetIndex,
      dataset: { label: 'Plan' },
    });
    expect(label(item(2, 1))).toBe(`Plan: 186,339${NBSP}t`);
    expect(footer([item(0)])).toBe(`Variance: ${MINUS}176,379${NBSP}t`);
    expect(footer([item(2)])).toBe(
      `Variance against the plan to 2024-03-05 (30,055${NBSP}t): ${MINUS}23,155${NBSP}t`,
    );
    expect(footer([item(3)])).toBe('');
  });
});

describe('charts', () => {
  test('both charts are labelled images with a text summary, and get the core series', () => {
    show(progress2024());
    expect(screen.getByRole('img', { name: /Line chart: cumulative tonnes shipped in 2024/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Bar chart: tonnes shipped each month of 2024/ })).toBeTruthy();
    expect(screen.getByTestId('cumulative-chart').querySelector('figcaption')?.textContent).toBe(
      `By 2024-07-31, 33.5${NBSP}kt shipped, against 1.280${NBSP}Mt at the target pace and 615.1${NBSP}kt at the ` +
        `2023 pace. Annual target 2.200${NBSP}Mt; 2023 total 1.057${NBSP}Mt.`,
    );
    const line = mockCharts.filter((chart) => chart.type === 'line').at(-1);
    const data = line?.props.data as { datasets: { label: string; data: { x: number; y: number }[] }[] };
    expect(data.datasets.map((dataset) => dataset.label)).toEqual([
      'Shipped, cumulative',
      'Target pace',
      '2023 baseline pace',
    ]);
    expect(data.datasets[0]?.data.at(-1)).toEqual({ x: 213, y: 0.0334595 });
    const options = line?.props.options as {
      animation: boolean;
      parsing: boolean;
      normalized: boolean;
      plugins: { decimation: { enabled: boolean } };
    };
    expect(options).toMatchObject({
      animation: false,
      parsing: false,
      normalized: true,
      plugins: { decimation: { enabled: true } },
    });
  });
});

describe('the cumulative chart', () => {
  test("its tooltip names the day and each series' whole tonnes, and its day axis is labelled at month starts", () => {
    show(progress2024());
    const line = mockCharts.filter((chart) => chart.type === 'line').at(-1);
    type Item = { parsed: { x: number }; datasetIndex: number; dataset: { label: string } };
    const options = line?.props.options as {
      plugins: { tooltip: { callbacks: { title(items: Item[]): string; label(item: Item): string } } };
      scales: {
        x: {
          afterBuildTicks(axis: { ticks?: { value: number }[] }): void;
          ticks: { callback(value: number): string };
        };
      };
    };
    const items = ['Shipped, cumulative', 'Target pace', '2023 baseline pace'].map((label, datasetIndex) => ({
      parsed: { x: 213 },
      datasetIndex,
      dataset: { label },
    }));
    const { title, label } = options.plugins.tooltip.callbacks;
    expect(title(items)).toBe('2024-07-31');
    expect(label(items[0] as Item)).toBe(`Shipped, cumulative: 33,460${NBSP}t`);
    expect(label(items[1] as Item)).toBe(`Target pace: 1,280,328${NBSP}t`);
    const axis: { ticks?: { value: number }[] } = {};
    options.scales.x.afterBuildTicks(axis);
    const labels = (axis.ticks ?? [])
      .map((tick) => options.scales.x.ticks.callback(tick.value))
      .filter((text) => text !== '');
    expect(labels).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ]);
  });
});

describe('empty ledger', () => {
  test('explains what to do and offers both ways in; demo data switches to the demo ledger', () => {
    const { switchDemo, onNewShipment } = show(
      progress2024({ shipments: [] }),
      ledgerInfo({ shipments: 0, entries: 0, years: [] }),
    );
    expect(screen.getByRole('heading', { name: 'No shipments recorded yet' })).toBeTruthy();
    expect(screen.getByText(/separate demo ledger/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load demo data' }));
    expect(switchDemo).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Record the first shipment' }));
    expect(onNewShipment).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('kpi-ytd')).toBeNull();
  });

  test('a year without cargoes in a ledger that has others: says so and still shows the target lines', () => {
    show(
      progress2024({ shipments: [{ blDate: '2023-05-01', netKg: 9_000_000 }] }),
      ledgerInfo({ shipments: 1, years: [2023] }),
    );
    expect(screen.getByTestId('dashboard-year-empty').textContent).toContain(
      'No cargoes recorded for 2024 yet.',
    );
    expect(screen.getByTestId('dashboard-year-empty').textContent).toContain(
      'The ledger holds shipments for 2023.',
    );
    expect(kpi('ytd')).toBe(`0${NBSP}t`);
    const line = mockCharts.filter((chart) => chart.type === 'line').at(-1);
    const options = line?.props.options as { plugins: { dashboardMarkers: { levels: { value: number }[] } } };
    expect(options.plugins.dashboardMarkers.levels.map((level) => level.value)).toEqual([2.2, 1.057]);
  });
});

describe('print', () => {
  test('the print button prints, and the printed title names year, date, ledger and demo', () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    show(progress2024(), ledgerInfo({ demo: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Print / Save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('dashboard').querySelector('.dash-print-title')?.textContent).toBe(
      'Transit Ledger · Year 2024 · as of 2024-07-31 · ledger ledger.jsonlDEMO DATA',
    );
    print.mockRestore();
  });
});
