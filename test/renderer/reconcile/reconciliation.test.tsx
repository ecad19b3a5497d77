/**
 * The Reconciliation view (issue 12, part 1) on the core's own reconciliation of three cargoes:
 * Astana 10,000 t, outturn 9,950 t (50 t, 0.500%: at the allowance, within); Taraz 6,980 t, outturn
 * 6,940.5 t (39.5 t, 0.566%: beyond); Astana 9,000 t with no outturn yet (pending, no loss at all).
 * Totals over the two with an outturn: 16,980 t loaded, 89.5 t lost → 90 t, 0.527%.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReconcileQuery, TransitApi } from '../../../electron/core/api';
import { reconcile, type ReconcileCargo } from '../../../electron/core/reconcile';
import { useSettings } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { Reconciliation } from '../../../renderer/src/views/Reconciliation';

const CARGOES: ReconcileCargo[] = [
  {
    id: 'a1',
    blNumber: 'A1',
    blDate: '2024-07-02',
    vessel: 'Astana',
    netKg: 10_000_000,
    outturnKg: 9_950_000,
  },
  { id: 't1', blNumber: 'T1', blDate: '2024-07-10', vessel: 'Taraz', netKg: 6_980_000, outturnKg: 6_940_500 },
  { id: 'a2', blNumber: null, blDate: '2024-08-01', vessel: 'Astana', netKg: 9_000_000, outturnKg: null },
];

const NBSP = '\u00a0';

function show(language: 'en' | 'ru' = 'en') {
  useSettings.setState({ language, theme: 'light' });
  const asked: ReconcileQuery[] = [];
  const api = {
    reconcile: jest.fn(async (query: ReconcileQuery) => {
      asked.push(query);
      const month = typeof query.month === 'string' ? query.month : null;
      return reconcile({ year: 2024, month, lossAllowancePercent: 0.5, cargoes: CARGOES });
    }),
  } as unknown as TransitApi;
  useLedger.setState({ api, year: 2024, info: null, targets: null });
  render(<Reconciliation desktop={false} />);
  return asked;
}

const row = (id: string) => screen.getByTestId(`reconcile-cargo-${id}`);

test('the cargo beyond the allowance is flagged in words; the one exactly at it is within', async () => {
  show();
  await screen.findByTestId('reconcile-cargoes');
  expect(within(row('t1')).getByTestId('reconcile-status').textContent).toBe('▲ Beyond allowance');
  expect(row('t1').textContent).toContain('0.566%');
  expect(within(row('a1')).getByTestId('reconcile-status').textContent).toBe('Within allowance');
  expect(row('a1').textContent).toContain('0.500%');
});

test('a cargo without outturn says it waits and shows no loss, and is counted apart from the totals', async () => {
  show();
  await screen.findByTestId('reconcile-cargoes');
  expect(within(row('a2')).getByTestId('reconcile-status').textContent).toBe('Awaiting outturn');
  const cells = [...row('a2').querySelectorAll('td')].map((cell) => cell.textContent);
  // Outturn, loss and loss percent: dashes, never 0.
  expect(cells.slice(3, 6)).toEqual(['—', '—', '—']);
  expect(screen.getByTestId('reconcile-pending-value').textContent).toBe('1');
  expect(screen.getByTestId('reconcile-loss-value').textContent).toBe(`90${NBSP}t`);
  expect(screen.getByTestId('reconcile-loss').textContent).toContain('0.527% of 16,980');
  expect(screen.getByTestId('reconcile-flagged-value').textContent).toBe('1');
});

test('by vessel and by month in whole tonnes, the months ending with the total', async () => {
  show();
  await screen.findByTestId('reconcile-vessels');
  expect(screen.getByTestId('reconcile-vessels').textContent).toContain('Taraz10');
  const total = screen.getByTestId('reconcile-months-total');
  expect([...total.querySelectorAll('th, td')].map((cell) => cell.textContent)).toEqual([
    'Total',
    '2',
    '1',
    '16,980',
    '16,891',
    '90',
    '0.527%',
    '1',
  ]);
});

test('in Russian: Russian words, dates as Russian clerks write them, decimal commas', async () => {
  show('ru');
  await screen.findByTestId('reconcile-cargoes');
  expect(within(row('t1')).getByTestId('reconcile-status').textContent).toBe('▲ Сверх нормы');
  expect(row('t1').textContent).toContain('10.07.2024');
  expect(row('t1').textContent).toContain('0,566%');
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Выгрузка и потери в пути, 2024');
});

test('choosing a month asks the core for that month alone', async () => {
  const asked = show();
  await screen.findByTestId('reconcile-cargoes');
  fireEvent.change(screen.getByTestId('reconcile-month'), { target: { value: '2024-08' } });
  await waitFor(() => expect(asked.at(-1)).toEqual({ year: 2024, month: '2024-08' }));
  expect(await screen.findByTestId('reconcile-cargo-a2')).toBeTruthy();
  expect(screen.queryByTestId('reconcile-cargo-t1')).toBeNull();
});
