/**
 * Printing the register (issue 10, point 12): the screen's table is virtualised, so paper gets a
 * plain table of every row the filters show, every column, the header row in <thead> (repeated on
 * each page), and the words for "Page n of N" handed to the page margin boxes.
 */
import { act, render, screen, within } from '@testing-library/react';
import type { Shipment } from '../../../electron/core/api';
import { filterSummary, pageNumberContent } from '../../../renderer/src/register/RegisterPrint';
import { resetRegisterView, useRegisterView } from '../../../renderer/src/register/viewState';
import { translate } from '../../../renderer/src/i18n';
import { useSettings, type Language } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { Register } from '../../../renderer/src/views/Register';
import { manyShipments, shipment } from './fixtures';

const initialStore = useLedger.getState();

function setup(shipments: Shipment[], language: Language = 'en') {
  useSettings.setState({ language, theme: 'light', separator: null, entryDefaults: {} });
  useLedger.setState({ ...initialStore, shipments, year: 2024, loading: false, info: null });
  return render(<Register viewport={{ width: 1200, height: 600 }} />);
}

function print(printing: boolean) {
  act(() => {
    window.dispatchEvent(new Event(printing ? 'beforeprint' : 'afterprint'));
  });
}

beforeEach(() => resetRegisterView());
afterEach(() => {
  print(false);
  useLedger.setState(initialStore);
});

test('on paper every row is there, not the screenful in view: 177 of 177', () => {
  const list = manyShipments(177);
  setup(list);
  expect(screen.getAllByTestId('register-row').length).toBeLessThan(60);
  expect(screen.queryByTestId('register-print')).toBeNull();
  print(true);
  const table = screen.getByTestId('register-print-table');
  const bodyRows = table.querySelectorAll('tbody tr');
  expect(bodyRows.length).toBe(177);
  // The same order as the screen: newest first.
  const dates = Array.from(bodyRows, (row) => row.querySelector('td')?.textContent ?? '');
  const iso = (text: string) => text.split('/').reverse().join('-');
  expect(dates.map(iso)).toEqual([...dates.map(iso)].sort().reverse());
  // The header row is a <thead>, which a printed table repeats at the top of each page.
  expect(
    within(table.querySelector('thead') as HTMLElement)
      .getAllByRole('columnheader')
      .map((th) => th.textContent),
  ).toEqual([
    'B/L date ▼',
    'B/L number',
    'Vessel',
    'Voyage',
    'Grade',
    'Status',
    'Net,\u00a0t',
    'Outturn,\u00a0t',
    'Remarks',
  ]);
  expect(screen.getByTestId('register-print').textContent).toContain(
    'All cargoes of 2024, voided ones left out',
  );
  print(false);
  expect(screen.queryByTestId('register-print')).toBeNull();
});

test('prints the filtered rows only, says which filters, and carries every column of a row', () => {
  const list = [
    shipment({
      vessel: 'Taraz',
      netKg: 6_980_000,
      outturnKg: 6_960_500,
      remarks: 'Sampled twice',
      voyage: 'TAR-1',
    }),
    shipment({ vessel: 'Astana', netKg: 9_959_500 }),
    shipment({ vessel: 'Taraz', netKg: 6_000_000, voided: true, voidReason: 'Entered twice' }),
  ];
  setup(list);
  act(() => useRegisterView.getState().setFilters({ vessel: 'Taraz', showVoided: true }));
  print(true);
  const paper = screen.getByTestId('register-print');
  const rows = paper.querySelectorAll('tbody tr');
  expect(rows.length).toBe(2);
  expect(Array.from(rows[0]?.querySelectorAll('td') ?? [], (td) => td.textContent)).toEqual([
    '2024-03-10',
    list[0]?.blNumber,
    'Taraz',
    'TAR-1',
    'Tengiz',
    'Discharged',
    '6,980.000',
    '6,960.500',
    'Sampled twice',
  ]);
  expect(rows[1]?.className).toContain('is-voided');
  expect(rows[1]?.textContent).toContain('Entered twice');
  expect(paper.textContent).toContain('Vessel: Taraz · Show voided');
  expect(paper.textContent).toContain(
    '2 shipments shown, total 6,980.000\u00a0t · 1 voided, not in the total',
  );
});

test('the page numbers are in the reader’s language, handed to the page margin boxes', () => {
  setup([shipment()], 'ru');
  print(true);
  const root = document.documentElement.style;
  expect(root.getPropertyValue('--print-page-number')).toBe(
    '"Страница " counter(page) " из " counter(pages)',
  );
  expect(root.getPropertyValue('--print-running-title')).toBe('"Transit Ledger · Реестр за 2024 год"');
  print(false);
  expect(root.getPropertyValue('--print-page-number')).toBe('');
});

test('the words of a filter and of the page number', () => {
  const t = (key: string, vars?: Record<string, string | number>) => translate('ru', key, vars);
  expect(
    filterSummary(
      { vessel: '', grade: 'Tengiz', status: 'in_transit', month: '03', text: ' AKT ', showVoided: false },
      t,
      'ru',
    ),
  ).toBe('Сорт: Tengiz · Статус: В пути · Месяц: Март · Поиск: “AKT”');
  expect(pageNumberContent('{page} / {pages}')).toBe('counter(page) " / " counter(pages)');
  expect(pageNumberContent('Say "{page}"')).toBe('"Say \\"" counter(page) "\\""');
});
