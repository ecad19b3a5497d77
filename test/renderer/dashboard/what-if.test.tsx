/**
 * The dashboard's what-if (issue 12, part 5), on the hand-computed 2024 ledger of fixtures.ts
 * (as of 31 July: 33,459,500 kg in 213 days, 153 days left, run rate 157,086.854… kg/day):
 * a stoppage for all of August loses 31 loading days, so
 *   forecast = 33,459,500 + 157,086.854… × (153 − 31) = 52,624,096 kg           → "52.6 kt"
 *   gap      = 52,624,096 − 2,200,000,000 = −2,147,375,904 kg                  → "−2.147 Mt"
 *   required = (2,200,000,000 − 33,459,500) / 122 = 17,758,528.7 kg/day       → "17,759 t/day"
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { useSettings } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { Dashboard } from '../../../renderer/src/views/Dashboard';
import { ledgerInfo, progress2024 } from './fixtures';

const mockLines: { datasets: { label: string; borderDash: number[] }[] }[] = [];
jest.mock('react-chartjs-2', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  return {
    Line: (props: { data: (typeof mockLines)[number] }) => {
      mockLines.push(props.data);
      return createElement('canvas');
    },
    Bar: () => createElement('canvas'),
  };
});

const NBSP = '\u00a0';
const MINUS = '\u2212';

function show(): void {
  useLedger.setState({ progress: progress2024(), info: ledgerInfo(), year: 2024 });
  render(<Dashboard onNewShipment={() => undefined} />);
}

function ask(from: string, to: string): void {
  fireEvent.change(screen.getByTestId('whatif-stoppageFrom'), { target: { value: from } });
  fireEvent.change(screen.getByTestId('whatif-stoppageTo'), { target: { value: to } });
  fireEvent.click(screen.getByTestId('whatif-show'));
}

const value = (id: string) => screen.getByTestId(`whatif-${id}-value`).textContent;
const lastChart = () => mockLines.at(-1)?.datasets ?? [];

beforeEach(() => {
  mockLines.length = 0;
  useSettings.setState({ language: 'en', theme: 'light' });
});

test('a stoppage for August gives the forecast, gap and required rate worked out by hand', () => {
  show();
  ask('2024-08-01', '2024-08-31');
  expect(screen.getByTestId('whatif-active').textContent).toBe(
    `Loadings stopped 2024-08-01 – 2024-08-31: loading days lost after 2024-07-31: 31.`,
  );
  expect(value('forecast')).toBe(`52.6${NBSP}kt`);
  expect(screen.getByTestId('whatif-forecast').textContent).toContain(`Without it 57.5${NBSP}kt`);
  expect(value('gap')).toBe(`${MINUS}2.147${NBSP}Mt`);
  expect(value('required')).toBe(`17,759${NBSP}t/day`);
  expect(screen.getByTestId('whatif-required').textContent).toContain('Loading days left: 122');
});

test('the projection is drawn dashed beside the real line; Clear returns the dashboard to the year as it is', () => {
  show();
  expect(lastChart()).toHaveLength(3);
  ask('2024-08-01', '2024-08-31');
  const projection = lastChart().find((dataset) => dataset.label === 'What if: projection');
  expect(projection?.borderDash.length).toBeGreaterThan(0);
  fireEvent.click(screen.getByTestId('whatif-clear'));
  expect(screen.queryByTestId('whatif-active')).toBeNull();
  expect(screen.queryByTestId('whatif-forecast')).toBeNull();
  expect(lastChart()).toHaveLength(3);
  expect(screen.getByTestId('kpi-forecast-value').textContent).toBe(`57.5${NBSP}kt`);
});

test('in Russian the dates are typed as Russian clerks write them and the answer is said in Russian', () => {
  useSettings.setState({ language: 'ru' });
  show();
  ask('01.08.2024', '31.08.2024');
  expect(screen.getByTestId('whatif-active').textContent).toContain(
    'потеряно дней погрузки после 31.07.2024: 31',
  );
  expect(value('forecast')).toBe(`52,6${NBSP}тыс.${NBSP}т`);
});

test('a date that is not one, or a stoppage ending before it starts, is said by the form and nothing is drawn', () => {
  show();
  ask('soon', '2024-08-31');
  expect(screen.getByRole('alert').textContent).toBe('“soon” is not a date: write it as 2024-08-01.');
  // A day past its month's end is no day, said as the B/L date's is: when that month ends.
  ask('2024-02-30', '2024-08-31');
  expect(screen.getByRole('alert').textContent).toBe(
    '2024-02-30 does not exist: that month ends on 2024-02-29.',
  );
  ask('2024-08-31', '2024-08-01');
  expect(screen.getByRole('alert').textContent).toBe('The stoppage ends before it starts.');
  expect(screen.queryByTestId('whatif-active')).toBeNull();
  expect(lastChart()).toHaveLength(3);
});

test('a year already over offers no what-if', () => {
  useLedger.setState({ progress: progress2024({ asOf: '2024-12-31' }), info: ledgerInfo(), year: 2024 });
  render(<Dashboard onNewShipment={() => undefined} />);
  expect(screen.queryByTestId('whatif')).toBeNull();
});

test.each([
  ['ru', '31.04.2026', 'Даты 31.04.2026 не существует: последний день этого месяца — 30.04.2026.'],
  ['kk', '31.11.2026', '31.11.2026 деген күн жоқ: бұл айдың соңғы күні — 30.11.2026.'],
  ['az', '01.13.2026', '01.13.2026 tarixi mövcud deyil: 13 nömrəli ay yoxdur.'],
] as const)('in %s a stoppage from %s is refused as the B/L date would be', (language, from, said) => {
  useSettings.setState({ language, theme: 'light' });
  show();
  ask(from, '31.12.2026');
  expect(screen.getByRole('alert').textContent).toBe(said);
});

test('a stoppage day typed 2024-08-05 reads 05.08.2024 once the field is left, in Russian', () => {
  useSettings.setState({ language: 'ru', theme: 'light' });
  show();
  const from = screen.getByTestId('whatif-stoppageFrom') as HTMLInputElement;
  fireEvent.change(from, { target: { value: '2024-08-05' } });
  fireEvent.blur(from);
  expect(from.value).toBe('05.08.2024');
});

test('a question refused after an answer clears that answer: nothing shown answers another question', () => {
  show();
  ask('2024-08-01', '2024-08-31');
  expect(screen.getByTestId('whatif-active')).toBeTruthy();
  ask('2024-08-20', '2024-08-10');
  expect(screen.getByRole('alert')).toBeTruthy();
  expect(screen.queryByTestId('whatif-active')).toBeNull();
  expect(lastChart().map((dataset) => dataset.label)).not.toContain('What if: projection');
  expect(screen.getByTestId('kpi-forecast-value').textContent).toBe(`57.5${NBSP}kt`);
});
