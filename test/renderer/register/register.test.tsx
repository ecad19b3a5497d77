import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { HistoryEntry, Shipment } from '../../../electron/core/api';
import { resetRegisterView } from '../../../renderer/src/register/viewState';
import { useSettings, type Language } from '../../../renderer/src/settings';
import { useLedger, type LedgerStore } from '../../../renderer/src/store';
import { Register } from '../../../renderer/src/views/Register';
import { manyShipments, shipment } from './fixtures';

const VIEWPORT = { width: 1200, height: 600 };
const initialStore = useLedger.getState();

function setup(
  shipments: Shipment[],
  options: { language?: Language; store?: Partial<LedgerStore>; onNewShipment?: () => void } = {},
) {
  useSettings.setState({
    language: options.language ?? 'en',
    theme: 'light',
    separator: null,
    entryDefaults: {},
  });
  useLedger.setState({
    ...initialStore,
    shipments,
    year: 2024,
    loading: false,
    info: null,
    ...options.store,
  });
  return render(<Register viewport={VIEWPORT} onNewShipment={options.onNewShipment} />);
}

function shownIds(): string[] {
  return screen.queryAllByTestId('register-row').map((row) => row.getAttribute('data-id') as string);
}

function footer(): string {
  return screen.getByTestId('register-footer').textContent ?? '';
}

function row(id: string): HTMLElement {
  const found = screen.getAllByTestId('register-row').find((r) => r.getAttribute('data-id') === id);
  if (!found) throw new Error(`row ${id} is not rendered`);
  return found;
}

beforeEach(() => resetRegisterView());
afterEach(() => useLedger.setState(initialStore));

describe('a year of 100,000 shipments', () => {
  test('the DOM holds a bounded window of rows, and the table tells its true size', () => {
    const list = manyShipments(100_000);
    setup(list);
    const table = screen.getByTestId('register-table');
    expect(table.getAttribute('aria-rowcount')).toBe('100001'); // 100,000 shipments + the header row
    const rows = screen.getAllByTestId('register-row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(table.querySelectorAll('tr').length).toBeLessThan(100);
    expect(screen.getAllByRole('row').length).toBeLessThan(100);
    // Newest first (same-day cargoes in ledger order); each row knows its place among the 100,001.
    expect(rows[0]?.getAttribute('aria-rowindex')).toBe('2');
    const latest = list.reduce((max, s) => (s.blDate > max ? s.blDate : max), '');
    expect(rows[0]?.getAttribute('data-id')).toBe(list.find((s) => s.blDate === latest)?.id);
    expect(rows[1]?.getAttribute('aria-rowindex')).toBe('3');
    expect(footer()).toMatch(/^100,000 shipments shown, total /);
  });

  test('filtering 100,000 rows keeps the window bounded and the total exact', async () => {
    const list = manyShipments(100_000);
    setup(list);
    fireEvent.change(screen.getByTestId('filter-grade'), { target: { value: 'Kashagan' } });
    await waitFor(() => expect(footer()).toMatch(/^10,000 shipments shown/));
    let expected = 0;
    for (const s of list) if (s.grade === 'Kashagan') expected += s.netKg;
    const whole = Math.floor(expected / 1000).toLocaleString('en-GB');
    expect(footer()).toContain(`total ${whole}.${String(expected % 1000).padStart(3, '0')}\u00a0t`);
    expect(screen.getByTestId('register-table').getAttribute('aria-rowcount')).toBe('10001');
    expect(screen.getAllByTestId('register-row').length).toBeLessThan(60);
  });
});

describe('filters', () => {
  const list = [
    shipment({ id: 'a', blDate: '2024-01-05', vessel: 'Astana', netKg: 9_959_500, remarks: 'Draft survey' }),
    shipment({
      id: 'b',
      blDate: '2024-01-20',
      vessel: 'Liwa',
      netKg: 8_800_000,
      remarks: 'shore figure pending',
    }),
    shipment({
      id: 'd',
      blDate: '2024-01-25',
      vessel: 'Astana',
      netKg: 7_000_250,
      remarks: 'shore tank',
      voided: true,
      voidReason: 'Entered twice',
    }),
    shipment({
      id: 'e',
      blDate: '2024-01-28',
      vessel: 'Astana',
      netKg: 9_000_999,
      remarks: 'Shore figures pending',
    }),
    shipment({ id: 'f', blDate: '2024-01-31', vessel: 'Astana', netKg: 8_123_456, blNumber: 'SHORE-7' }),
    shipment({ id: 'c', blDate: '2024-02-03', vessel: 'Astana', netKg: 6_900_001, remarks: 'Shore tank' }),
  ];

  test('vessel + month + text combine, and the footer gives the hand-computed exact total', async () => {
    setup(list);
    expect(footer()).toBe('5 shipments shown, total 42,783.956\u00a0t');
    fireEvent.change(screen.getByTestId('filter-vessel'), { target: { value: 'Astana' } });
    fireEvent.change(screen.getByTestId('filter-month'), { target: { value: '01' } });
    fireEvent.change(screen.getByTestId('filter-text'), { target: { value: 'shore' } });
    // The search waits for a pause in typing.
    await waitFor(() => expect(shownIds()).toEqual(['f', 'e']));
    // 9,000.999 t + 8,123.456 t
    expect(footer()).toBe('2 shipments shown, total 17,124.455\u00a0t');
  });

  test('the month list names the months in the chosen language', () => {
    setup(list, { language: 'ru' });
    const options = within(screen.getByTestId('filter-month'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toHaveLength(13);
    expect(options[1]).toBe('Январь');
    expect(options[12]).toBe('Декабрь');
  });

  test('voided rows are hidden until "Show voided"; then struck through with their reason, and not counted', () => {
    setup(list);
    expect(shownIds()).not.toContain('d');
    fireEvent.click(screen.getByLabelText('Show voided'));
    expect(shownIds()).toContain('d');
    const voided = row('d');
    expect(voided.className).toContain('is-voided');
    expect(voided.textContent).toContain('Voided: Entered twice');
    expect(within(voided).queryByTestId('row-edit')).toBeNull();
    expect(within(voided).queryByTestId('row-void')).toBeNull();
    expect(within(voided).getByTestId('row-history')).toBeTruthy();
    expect(footer()).toBe('6 shipments shown, total 42,783.956\u00a0t · 1 voided, not in the total');
  });

  test('no match says so and offers to clear the filters', async () => {
    setup(list);
    fireEvent.change(screen.getByTestId('filter-text'), { target: { value: 'no such cargo' } });
    await waitFor(() => expect(screen.getByTestId('register-no-match')).toBeTruthy());
    expect(footer()).toBe('0 shipments shown, total 0.000\u00a0t');
    fireEvent.click(
      within(screen.getByTestId('register-no-match')).getByRole('button', { name: 'Clear filters' }),
    );
    expect(shownIds()).toHaveLength(5);
  });

  test('Russian counts and tonnes are written the Russian way', () => {
    setup(list.slice(0, 2), { language: 'ru' });
    expect(footer()).toBe('Показаны 2 отгрузки, итого 18\u00a0759,500\u00a0т');
  });
});

describe('sorting', () => {
  const list = [
    shipment({ id: 'p', blDate: '2024-05-01', netKg: 7_000_000 }),
    shipment({ id: 'q', blDate: '2024-05-02', netKg: 9_000_000 }),
    shipment({ id: 'r', blDate: '2024-04-30', netKg: 7_000_000 }),
    shipment({ id: 's', blDate: '2024-12-31', netKg: 6_000_000 }),
  ];
  const header = (key: string) => screen.getByTestId(`sort-${key}`).closest('th') as HTMLElement;

  test('by date: newest first, then oldest first; aria-sort follows', () => {
    setup(list);
    expect(header('blDate').getAttribute('aria-sort')).toBe('descending');
    expect(shownIds()).toEqual(['s', 'q', 'p', 'r']);
    fireEvent.click(screen.getByTestId('sort-blDate'));
    expect(header('blDate').getAttribute('aria-sort')).toBe('ascending');
    expect(shownIds()).toEqual(['r', 'p', 'q', 's']);
  });

  test('by tonnes: largest first, then smallest first, equal cargoes in ledger order; other headers say none', () => {
    setup(list);
    fireEvent.click(screen.getByTestId('sort-netKg'));
    expect(header('netKg').getAttribute('aria-sort')).toBe('descending');
    expect(header('blDate').getAttribute('aria-sort')).toBe('none');
    expect(shownIds()).toEqual(['q', 'p', 'r', 's']);
    fireEvent.click(screen.getByTestId('sort-netKg'));
    expect(header('netKg').getAttribute('aria-sort')).toBe('ascending');
    expect(shownIds()).toEqual(['s', 'p', 'r', 'q']);
  });

  test('headers are buttons, so Enter on a focused header sorts', () => {
    setup(list);
    const button = screen.getByTestId('sort-vessel');
    expect(button.tagName).toBe('BUTTON');
    button.focus();
    // A native button turns Enter into a click; jsdom does not, so the click stands in for it.
    fireEvent.keyDown(button, { key: 'Enter' });
    fireEvent.click(button);
    expect(header('vessel').getAttribute('aria-sort')).toBe('ascending');
  });
});

describe('editing a shipment', () => {
  const target = shipment({ id: 'x', blNumber: 'AKT-2024-0101', netKg: 9_959_500, remarks: 'Draft survey' });
  // The dialog asks the core before it saves (a check that writes nothing): here it finds nothing to ask.
  const checkAmend = jest.fn().mockResolvedValue({ status: 'ok', warnings: [] });

  function openEdit() {
    fireEvent.click(within(row('x')).getByTestId('row-edit'));
    return screen.getByTestId('register-edit-dialog');
  }

  test('shows the fields with the entry form’s labels, tonnes as the language writes them for typing', () => {
    setup([target]);
    const dialog = openEdit();
    expect(within(dialog).getByLabelText(/^Net tonnes/)).toHaveProperty('value', '9959.5');
    expect(within(dialog).getByLabelText(/^B\/L date/)).toHaveProperty('value', target.blDate);
    expect(within(dialog).getByLabelText(/^Remarks/)).toHaveProperty('value', 'Draft survey');
    expect(within(dialog).getByRole('heading').textContent).toBe('Edit shipment AKT-2024-0101');
  });

  test('refuses to save without a reason', async () => {
    const amend = jest.fn();
    setup([target], { store: { amend } });
    const dialog = openEdit();
    fireEvent.change(within(dialog).getByLabelText(/^Net tonnes/), { target: { value: '9960' } });
    fireEvent.click(within(dialog).getByTestId('edit-save'));
    await waitFor(() => expect(within(dialog).getByText(/Give the reason for the change/)).toBeTruthy());
    const reason = within(dialog).getByTestId('edit-reason');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(reason.getAttribute('aria-describedby') as string)?.textContent).toMatch(
      /Give the reason/,
    );
    expect(amend).not.toHaveBeenCalled();
  });

  test('sends only the changed fields and the reason', async () => {
    const amend = jest
      .fn()
      .mockResolvedValue({ status: 'saved', shipment: { ...target, netKg: 9_960_000 }, warnings: [] });
    setup([target], { store: { amend, checkAmend } });
    const dialog = openEdit();
    fireEvent.change(within(dialog).getByLabelText(/^Net tonnes/), { target: { value: '9960' } });
    fireEvent.change(within(dialog).getByLabelText(/^Remarks/), { target: { value: '' } });
    // Retyping a value the same way is no change.
    fireEvent.change(within(dialog).getByLabelText(/^Vessel/), { target: { value: 'Astana ' } });
    fireEvent.change(within(dialog).getByTestId('edit-reason'), { target: { value: 'Shore tank figure' } });
    fireEvent.click(within(dialog).getByTestId('edit-save'));
    await waitFor(() => expect(amend).toHaveBeenCalledTimes(1));
    expect(checkAmend).toHaveBeenLastCalledWith('x', { netTonnes: '9960', remarks: null });
    expect(amend).toHaveBeenCalledWith('x', { netTonnes: '9960', remarks: null }, 'Shore tank figure', false);
    await waitFor(() => expect(screen.queryByTestId('register-edit-dialog')).toBeNull());
    expect(screen.getByTestId('register-notice').textContent).toMatch(/AKT-2024-0101/);
  });

  test('nothing changed: says so and does not call the core', async () => {
    const amend = jest.fn();
    setup([target], { store: { amend } });
    const dialog = openEdit();
    fireEvent.change(within(dialog).getByTestId('edit-reason'), { target: { value: 'Checking' } });
    fireEvent.click(within(dialog).getByTestId('edit-save'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('edit-alert').textContent).toMatch(/Nothing has been changed/),
    );
    expect(amend).not.toHaveBeenCalled();
  });

  test('the core’s issues appear next to their fields, and nothing is saved', async () => {
    const amend = jest.fn();
    const refusing = jest.fn().mockResolvedValue({
      status: 'invalid',
      issues: [
        {
          field: 'blDate',
          code: 'blDate.future',
          message: 'B/L date 2099-01-01 is in the future; today at Aktau is 2024-06-01.',
        },
      ],
    });
    setup([target], { store: { amend, checkAmend: refusing } });
    const dialog = openEdit();
    fireEvent.change(within(dialog).getByLabelText(/^B\/L date/), { target: { value: '2099-01-01' } });
    fireEvent.change(within(dialog).getByTestId('edit-reason'), { target: { value: 'Typo' } });
    fireEvent.click(within(dialog).getByTestId('edit-save'));
    const date = within(dialog).getByLabelText(/^B\/L date/);
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(
      document.getElementById(date.getAttribute('aria-describedby')?.split(' ')[0] as string)?.textContent,
    ).toMatch(/in the future/);
    expect(amend).not.toHaveBeenCalled();
  });

  test('an unusual figure is asked about before saving, as in the entry form; "Save anyway" forces', async () => {
    const amend = jest
      .fn()
      .mockResolvedValue({ status: 'saved', shipment: { ...target, netKg: 19_000_000 }, warnings: [] });
    const asking = jest.fn().mockResolvedValue({
      status: 'confirm',
      issues: [
        {
          field: 'netTonnes',
          code: 'netTonnes.unusual',
          message:
            '19000.000 t is more than a Caspian tanker carries (about 13,000 t at most). ' +
            'Check the figure; if it is right, confirm it.',
          overridable: true,
        },
      ],
    });
    setup([target], { store: { amend, checkAmend: asking } });
    const dialog = openEdit();
    fireEvent.change(within(dialog).getByLabelText(/^Net tonnes/), { target: { value: '19000' } });
    fireEvent.change(within(dialog).getByTestId('edit-reason'), {
      target: { value: 'Two cargoes on one B/L' },
    });
    fireEvent.click(within(dialog).getByTestId('edit-save'));
    // The same question the entry form asks, in the same words.
    const question = await within(dialog).findByTestId('edit-confirm');
    await waitFor(() => expect(question.hasAttribute('open')).toBe(true));
    expect(within(question).getByText(/more than a Caspian tanker carries/)).toBeTruthy();
    expect(amend).not.toHaveBeenCalled();
    fireEvent.click(within(question).getByTestId('edit-confirm-save-anyway'));
    await waitFor(() => expect(amend).toHaveBeenCalledTimes(1));
    expect(amend).toHaveBeenLastCalledWith('x', { netTonnes: '19000' }, 'Two cargoes on one B/L', true);
  });

  test('a read-only ledger offers History but no Edit or Void', () => {
    setup([target], {
      store: {
        info: {
          path: 'l',
          ledgerId: 'real',
          readOnly: true,
          writer: null,
          demo: false,
          entries: 1,
          shipments: 1,
          years: [2024],
          recovery: null,
        },
      },
    });
    expect(within(row('x')).queryByTestId('row-edit')).toBeNull();
    expect(within(row('x')).queryByTestId('row-void')).toBeNull();
    expect(within(row('x')).getByTestId('row-history')).toBeTruthy();
  });
});

describe('voiding a shipment', () => {
  const target = shipment({ id: 'v', blNumber: 'AKT-2024-0200' });

  test('requires a reason, then voids with it', async () => {
    const voidShipment = jest.fn().mockResolvedValue({ ok: true });
    setup([target], { store: { voidShipment } });
    fireEvent.click(within(row('v')).getByRole('button', { name: 'Void AKT-2024-0200' }));
    const dialog = screen.getByTestId('register-void-dialog');
    fireEvent.click(within(dialog).getByTestId('void-confirm'));
    await waitFor(() => expect(within(dialog).getByText(/Give the reason for voiding/)).toBeTruthy());
    expect(within(dialog).getByTestId('void-reason').getAttribute('aria-invalid')).toBe('true');
    expect(voidShipment).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByTestId('void-reason'), { target: { value: '  Entered twice  ' } });
    fireEvent.click(within(dialog).getByTestId('void-confirm'));
    await waitFor(() => expect(voidShipment).toHaveBeenCalledWith('v', 'Entered twice'));
    await waitFor(() => expect(screen.queryByTestId('register-void-dialog')).toBeNull());
  });

  test('a refusal from the core is shown in the dialog', async () => {
    const voidShipment = jest
      .fn()
      .mockResolvedValue({ ok: false, message: 'This shipment is already void.', issues: [] });
    setup([target], { store: { voidShipment } });
    fireEvent.click(within(row('v')).getByTestId('row-void'));
    const dialog = screen.getByTestId('register-void-dialog');
    fireEvent.change(within(dialog).getByTestId('void-reason'), { target: { value: 'Duplicate' } });
    fireEvent.click(within(dialog).getByTestId('void-confirm'));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('This shipment is already void.');
  });
});

describe('history', () => {
  const target = shipment({ id: 'h', blNumber: 'AKT-2024-0300' });
  const entries: HistoryEntry[] = [
    { seq: 1, at: '2024-03-11T08:00:00.000Z', actor: 'aliya', action: 'record', reason: null, changes: [] },
    {
      seq: 7,
      at: '2024-03-12T09:30:00.000Z',
      actor: 'rustam',
      action: 'amend',
      reason: 'Shore tank figure',
      changes: [
        { field: 'netKg', before: 9_959_500, after: 9_960_000 },
        { field: 'outturnKg', before: null, after: 9_950_125 },
        { field: 'status', before: 'in_transit', after: 'discharged' },
      ],
    },
    {
      seq: 9,
      at: '2024-03-13T10:00:00.000Z',
      actor: 'aliya',
      action: 'void',
      reason: 'Entered twice',
      changes: [],
    },
  ];

  test('lists each entry: when, who, what, why, and the changes before → after in tonnes', async () => {
    const history = jest.fn().mockResolvedValue(entries);
    setup([target], { store: { history } });
    fireEvent.click(within(row('h')).getByRole('button', { name: 'History of AKT-2024-0300' }));
    const list = await screen.findByTestId('history-list');
    expect(history).toHaveBeenCalledWith('h');
    const items = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(items).toHaveLength(3);
    expect(items[0]?.textContent).toMatch(/Recorded.*by aliya/);
    expect(items[1]?.textContent).toMatch(/Amended.*by rustam.*Reason: Shore tank figure/);
    expect(items[2]?.textContent).toMatch(/Voided.*Reason: Entered twice/);
    const changes = within(list)
      .getAllByTestId('history-change')
      .map((li) => li.textContent);
    expect(changes).toEqual([
      'Net tonnes: 9,959.500 t → 9,960.000 t',
      'Outturn tonnes: (empty) → 9,950.125 t',
      'Status: In transit → Discharged',
    ]);
    // The moment is this computer's local date and time.
    const time = items[1]?.querySelector('time');
    expect(time?.getAttribute('dateTime')).toBe('2024-03-12T09:30:00.000Z');
    const local = new Date('2024-03-12T09:30:00.000Z');
    const two = (n: number) => String(n).padStart(2, '0');
    expect(time?.textContent).toBe(
      `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())} ` +
        `${two(local.getHours())}:${two(local.getMinutes())}`,
    );
  });

  test('in Russian, labels and tonnes are Russian', async () => {
    setup([target], { language: 'ru', store: { history: jest.fn().mockResolvedValue(entries) } });
    fireEvent.click(within(row('h')).getByTestId('row-history'));
    await screen.findByTestId('history-list');
    expect(screen.getAllByTestId('history-change')[0]?.textContent).toBe(
      'Масса нетто, т: 9\u00a0959,500 т → 9\u00a0960,000 т',
    );
  });

  test('Close returns focus to the cargo’s row, which the table names as active', async () => {
    setup([target], { store: { history: jest.fn().mockResolvedValue(entries) } });
    fireEvent.click(within(row('h')).getByTestId('row-history'));
    await screen.findByTestId('history-list');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    const table = screen.getByTestId('register-table');
    await waitFor(() => expect(document.activeElement).toBe(table));
    expect(document.getElementById(table.getAttribute('aria-activedescendant') as string)).toBe(row('h'));
  });
});

describe('an empty year', () => {
  test('says so and points to New shipment', () => {
    const onNewShipment = jest.fn();
    setup([], { onNewShipment });
    const empty = screen.getByTestId('register-empty');
    expect(empty.textContent).toMatch(/No shipments in 2024 yet\./);
    expect(empty.textContent).toMatch(/New shipment/);
    fireEvent.click(within(empty).getByRole('button', { name: 'New shipment' }));
    expect(onNewShipment).toHaveBeenCalled();
    expect(screen.queryByTestId('register-table')).toBeNull();
  });

  test('while the year loads it says loading, not empty', () => {
    setup([], { store: { loading: true } });
    expect(screen.queryByTestId('register-empty')).toBeNull();
  });

  test('a store update with new shipments fills the table', () => {
    setup([]);
    act(() => useLedger.setState({ shipments: [shipment({ id: 'n' })] }));
    expect(shownIds()).toEqual(['n']);
  });
});
