/**
 * The register on a station's ledger (issue 11): each cargo's recording station in a column of its
 * own and a filter by it, a cargo in conflict flagged with the way to the Conflicts view; a ledger
 * that is no station's keeps the table it always had.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Shipment } from '../../../electron/core/api';
import { resetRegisterView } from '../../../renderer/src/register/viewState';
import { useSettings, type Language } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { Register } from '../../../renderer/src/views/Register';
import { shipment } from './fixtures';

const initialStore = useLedger.getState();

function setup(shipments: Shipment[], language: Language = 'en') {
  useSettings.setState({ language, theme: 'light', separator: null, entryDefaults: {} });
  useLedger.setState({ ...initialStore, shipments, year: 2024, loading: false, info: null });
  return render(<Register viewport={{ width: 1200, height: 600 }} />);
}

const shownIds = () => screen.queryAllByTestId('register-row').map((row) => row.getAttribute('data-id'));
const headers = () => screen.getAllByRole('columnheader').map((th) => th.textContent ?? '');

const stationLedger = () => [
  shipment({ id: 'a1', blDate: '2024-03-01', station: 'AKT', conflict: null }),
  shipment({ id: 'a2', blDate: '2024-03-02', station: 'AKT', conflict: 'fork' }),
  shipment({ id: 's1', blDate: '2024-03-03', station: 'SNG', conflict: null }),
];

beforeEach(() => resetRegisterView());
afterEach(() => useLedger.setState(initialStore));

test('a ledger that is no station’s shows neither the Station column nor its filter', () => {
  setup([shipment({ id: 'p1' }), shipment({ id: 'p2' })]);
  expect(headers().some((text) => text.includes('Station'))).toBe(false);
  expect(screen.queryByTestId('filter-station')).toBeNull();
  expect(screen.queryByTestId('row-conflict')).toBeNull();
});

test('a station’s ledger names each cargo’s recording station, even while all are its own', () => {
  setup([shipment({ id: 'a1', station: 'AKT', conflict: null })]);
  expect(headers()).toContain('Station');
  const row = screen.getByTestId('register-row');
  expect(within(row).getByTitle('AKT').textContent).toBe('AKT');
  expect(screen.getByTestId('filter-station')).toBeTruthy();
});

test('the station filter shows only that station’s cargoes and offers the stations present', () => {
  setup(stationLedger());
  const select = screen.getByTestId('filter-station') as HTMLSelectElement;
  expect([...select.options].map((option) => option.textContent)).toEqual(['All stations', 'AKT', 'SNG']);
  fireEvent.change(select, { target: { value: 'SNG' } });
  expect(shownIds()).toEqual(['s1']);
  expect(screen.getByTestId('filter-clear')).toBeTruthy();
  fireEvent.change(select, { target: { value: 'AKT' } });
  expect(shownIds().sort()).toEqual(['a1', 'a2']);
});

test('sorting by station groups the cargoes by the station that recorded them', () => {
  setup(stationLedger());
  fireEvent.click(screen.getByTestId('sort-station'));
  expect(shownIds()).toEqual(['a1', 'a2', 's1']);
  fireEvent.click(screen.getByTestId('sort-station'));
  expect(shownIds()).toEqual(['s1', 'a1', 'a2']);
});

test('a cargo in conflict is flagged on its row, and the flag opens the Conflicts view', () => {
  setup(stationLedger());
  const flags = screen.getAllByTestId('row-conflict');
  expect(flags).toHaveLength(1);
  const flagged = flags[0] as HTMLElement;
  expect(flagged.closest('[data-testid="register-row"]')?.getAttribute('data-id')).toBe('a2');
  expect(flagged.getAttribute('title')).toBe('In conflict between stations: see Conflicts');
  expect(flagged.textContent).toContain('conflict');
  fireEvent.click(flagged);
  expect(useLedger.getState().tab).toBe('conflicts');
});

test('in Russian the column, the filter and the flag speak Russian', () => {
  setup(stationLedger(), 'ru');
  expect(headers()).toContain('Пункт');
  const select = screen.getByTestId('filter-station') as HTMLSelectElement;
  expect(select.options[0]?.textContent).toBe('Все пункты');
  expect(screen.getByTestId('row-conflict').getAttribute('title')).toBe(
    'Конфликт между пунктами: см. «Конфликты»',
  );
});
