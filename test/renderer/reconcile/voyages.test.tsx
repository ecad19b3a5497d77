/**
 * The Reconciliation view's "Vessels and voyages" tab (issue 12 part 2) on the core's own voyages:
 * Astana, voyage 3/24 loaded 28.02.2024 and discharged 01.03.2024 (2 days over the leap day),
 * voyage 4/24 loaded 10.03.2024 and discharged 15.03.2024 (5 days): transit (2 + 5) / 2 = 3.5,
 * turnaround 28 Feb → 10 Mar = 11 days. Taraz 6,980 t, arrived, not discharged: awaiting.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { TransitApi, VesselsQuery } from '../../../electron/core/api';
import { voyages, type VoyageCargo } from '../../../electron/core/voyages';
import { useSettings } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { Reconciliation } from '../../../renderer/src/views/Reconciliation';

const none = { blNumber: null, voyage: null, arrivalDate: null, dischargeDate: null };
const CARGOES: VoyageCargo[] = [
  {
    ...none,
    id: 'a1',
    blNumber: 'A1',
    blDate: '2024-02-28',
    vessel: 'Astana',
    voyage: '3/24',
    netKg: 9_959_500,
    arrivalDate: '2024-02-29',
    dischargeDate: '2024-03-01',
  },
  {
    ...none,
    id: 'a2',
    blDate: '2024-03-10',
    vessel: 'Astana',
    voyage: '4/24',
    netKg: 8_800_000,
    dischargeDate: '2024-03-15',
  },
  { ...none, id: 't1', blDate: '2024-08-01', vessel: 'Taraz', netKg: 6_980_000, arrivalDate: '2024-08-03' },
];

function show(language: 'en' | 'ru' = 'en') {
  useSettings.setState({ language, theme: 'light' });
  const asked: VesselsQuery[] = [];
  const api = {
    reconcile: jest.fn(() => new Promise(() => undefined)),
    vessels: jest.fn(async (query: VesselsQuery) => {
      asked.push(query);
      return voyages({ year: Number(query.year), cargoes: CARGOES });
    }),
  } as unknown as TransitApi;
  useLedger.setState({ api, year: 2024, info: null, targets: null });
  render(<Reconciliation desktop={false} />);
  fireEvent.click(screen.getByTestId('reconcile-tab-voyages'));
  return asked;
}

const cells = (element: HTMLElement) =>
  [...element.querySelectorAll('th, td')].map((cell) => cell.textContent);

test('the tab asks the core for the year at the top and shows each vessel with the total', async () => {
  const asked = show();
  await screen.findByTestId('voyages-vessels');
  expect(asked).toEqual([{ year: 2024 }]);
  expect(screen.getByTestId('reconcile-tab-voyages').getAttribute('aria-selected')).toBe('true');
  expect(cells(screen.getByTestId('voyages-vessel-Astana'))).toEqual([
    'Astana',
    '2',
    // 18,759.5 t in whole tonnes, and its half
    '18,760',
    '9,380',
    '2',
    '2',
    '0',
    '3.5',
    '11.0',
  ]);
  // Taraz has nothing to average: dashes, never 0.
  expect(cells(screen.getByTestId('voyages-vessel-Taraz'))).toEqual([
    'Taraz',
    '1',
    '6,980',
    '6,980',
    '1',
    '0',
    '1',
    '—',
    '—',
  ]);
  expect(cells(screen.getByTestId('voyages-total'))).toEqual([
    'Total',
    '3',
    '25,740',
    // 25,739,500 / 3 = 8,579,833 kg
    '8,580',
    '3',
    '2',
    '1',
    '3.5',
    '11.0',
  ]);
});

test("each cargo's dates and days; one without a discharge date awaits it", async () => {
  show();
  await screen.findByTestId('voyages-cargoes');
  expect(cells(screen.getByTestId('voyages-cargo-a1'))).toEqual([
    '2024-02-28',
    'A1',
    'Astana',
    '3/24',
    '9,959.500',
    '2024-02-29',
    '2024-03-01',
    '1',
    '2',
  ]);
  const taraz = screen.getByTestId('voyages-cargo-t1');
  expect(within(taraz).getByText('awaiting discharge')).toBeTruthy();
  expect(cells(taraz).slice(-2)).toEqual(['2', '—']);
});

test('in Russian: the headings, dates and decimals the Russian way', async () => {
  show('ru');
  await screen.findByTestId('voyages-vessels');
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Танкеры и рейсы, 2024');
  expect(cells(screen.getByTestId('voyages-vessel-Astana')).slice(-2)).toEqual(['3,5', '11,0']);
  expect(cells(screen.getByTestId('voyages-cargo-a1')).slice(5, 7)).toEqual(['29.02.2024', '01.03.2024']);
  expect(screen.getByTestId('voyages-vessels').textContent).toContain('Средний транзит, сут');
});

test('a year without cargoes says so', async () => {
  useSettings.setState({ language: 'en', theme: 'light' });
  const api = {
    reconcile: jest.fn(() => new Promise(() => undefined)),
    vessels: jest.fn(),
  } as unknown as TransitApi;
  (api.vessels as jest.Mock).mockResolvedValue(voyages({ year: 2023, cargoes: [] }));
  useLedger.setState({ api, year: 2023, info: null, targets: null });
  render(<Reconciliation desktop={false} />);
  fireEvent.click(screen.getByTestId('reconcile-tab-voyages'));
  expect((await screen.findByTestId('voyages-empty')).textContent).toBe(
    'No cargoes have a B/L date in 2023.',
  );
});

test('← → move between the tabs, as a tab list does', () => {
  show();
  const voyagesTab = screen.getByTestId('reconcile-tab-voyages');
  fireEvent.keyDown(voyagesTab, { key: 'ArrowLeft' });
  expect(screen.getByTestId('reconcile-tab-outturn').getAttribute('aria-selected')).toBe('true');
  expect(document.activeElement).toBe(screen.getByTestId('reconcile-tab-outturn'));
});
