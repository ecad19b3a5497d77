/**
 * Correcting from the keyboard (issue 10, point 1): the table is one Tab stop that names its active
 * row, the keys move it (past the rendered window of a virtualised table too) and open its
 * dialogs, the dialogs submit with Ctrl+Enter, and focus comes back to the same cargo's row.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Shipment } from '../../../electron/core/api';
import { resetRegisterView } from '../../../renderer/src/register/viewState';
import { useSettings, type Language } from '../../../renderer/src/settings';
import { useLedger, type LedgerStore } from '../../../renderer/src/store';
import { Register } from '../../../renderer/src/views/Register';
import { standInForModalDialogs } from '../entry/modal-dialog';
import { manyShipments, shipment } from './fixtures';

standInForModalDialogs();

const VIEWPORT = { width: 1200, height: 600 };
const initialStore = useLedger.getState();

function setup(shipments: Shipment[], options: { language?: Language; store?: Partial<LedgerStore> } = {}) {
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
  const view = render(<Register viewport={VIEWPORT} />);
  // jsdom has no layout and does not scroll: this gives the scroll box the size the browser would (the
  // viewport, a 40 px header and 36 px rows) and does what its scrollTo does, so the table renders there.
  const scroller = screen.getByTestId('register-scroll');
  Object.defineProperty(scroller, 'clientHeight', { value: VIEWPORT.height });
  Object.defineProperty(scroller, 'scrollHeight', { value: 40 + 36 * shipments.length });
  scroller.scrollTo = ((options: ScrollToOptions) => {
    scroller.scrollTop = options.top ?? scroller.scrollTop;
    // A browser fires scroll at its next frame, not inside the call.
    window.setTimeout(() => scroller.dispatchEvent(new Event('scroll')), 0);
  }) as typeof scroller.scrollTo;
  return view;
}

const table = () => screen.getByTestId('register-table');
const search = () => screen.getByTestId('filter-text');

/** The row the table names as active, which must be rendered. */
function activeRow(): HTMLElement {
  const id = table().getAttribute('aria-activedescendant');
  const row = id ? document.getElementById(id) : null;
  if (!row) throw new Error(`no active row rendered (aria-activedescendant=${id})`);
  return row;
}

function press(key: string, init: Partial<KeyboardEventInit> = {}, target: Element = table()) {
  return fireEvent.keyDown(target, { key, code: key, ...init });
}

/** Focus is on the table and the active row is this cargo's (patient: the machine may be busy). */
async function focusIsOnRow(id: string) {
  await waitFor(() => expect(document.activeElement).toBe(table()), { timeout: 5000 });
  await waitFor(() => expect(activeRow().getAttribute('data-id')).toBe(id), { timeout: 5000 });
}

beforeEach(() => resetRegisterView());
afterEach(() => useLedger.setState(initialStore));

const three = () => [
  shipment({ id: 'a', blDate: '2024-03-01', blNumber: 'AKT-A', vessel: 'Astana' }),
  shipment({ id: 'b', blDate: '2024-03-02', blNumber: 'AKT-B', vessel: 'Liwa' }),
  shipment({ id: 'c', blDate: '2024-03-03', blNumber: 'AKT-C', vessel: 'Taraz' }),
];

describe('the table as one Tab stop', () => {
  test('it is a grid in the Tab order, its row buttons are not, and it names the newest row as active', () => {
    setup(three());
    expect(table().getAttribute('role')).toBe('grid');
    expect(table().tabIndex).toBe(0);
    for (const button of within(table()).getAllByRole('button', { name: /^(Edit|Void|History)/ }))
      expect(button.tabIndex).toBe(-1);
    table().focus();
    expect(activeRow().getAttribute('data-id')).toBe('c');
    expect(activeRow().className).toContain('is-active');
  });

  test('the keys are listed under the table in the page’s language, and describe the table', () => {
    setup(three(), { language: 'ru' });
    const keys = screen.getByTestId('register-keys');
    expect(keys.textContent).toContain('Enter изменить');
    expect(keys.textContent).toContain('Delete аннулировать');
    expect(keys.textContent).toContain('H история');
    expect(keys.textContent).toContain('/ Ctrl+F поиск');
    expect(table().getAttribute('aria-describedby')).toBe(keys.id);
  });

  test('a read-only ledger lists no key to edit or void', () => {
    setup(three(), {
      store: {
        info: {
          ...{ path: 'l', ledgerId: 'real', readOnly: true, writer: null, demo: false },
          ...{ entries: 3, shipments: 3, years: [2024], recovery: null },
        },
      },
    });
    const keys = screen.getByTestId('register-keys').textContent ?? '';
    expect(keys).not.toContain('Delete');
    expect(keys).not.toContain('edit');
    expect(keys).toContain('H history');
  });
});

describe('moving between rows', () => {
  test('↓ in the search box runs the search at once and goes on to its first row; ↑ there goes back', async () => {
    setup(three());
    search().focus();
    fireEvent.change(search(), { target: { value: 'liwa' } });
    press('ArrowDown', {}, search());
    await focusIsOnRow('b');
    expect(screen.getAllByTestId('register-row')).toHaveLength(1);
    press('ArrowUp');
    expect(document.activeElement).toBe(search());
  });

  test('↑ and ↓ move one row and stop at the ends; a clicked row becomes the active one', async () => {
    setup(three());
    table().focus();
    press('ArrowDown');
    expect(activeRow().getAttribute('data-id')).toBe('b');
    press('ArrowDown');
    press('ArrowDown');
    expect(activeRow().getAttribute('data-id')).toBe('a');
    fireEvent.mouseDown(within(screen.getAllByTestId('register-row')[1] as HTMLElement).getByText('AKT-B'));
    expect(activeRow().getAttribute('data-id')).toBe('b');
  });

  test('in 100,000 rows ↓ goes past the rendered window, End reaches the last row and Home the first', async () => {
    setup(manyShipments(100_000));
    table().focus();
    const rendered = screen.getAllByTestId('register-row').length;
    expect(rendered).toBeLessThan(41);
    for (let i = 0; i < 40; i++) press('ArrowDown');
    await waitFor(() => expect(activeRow().getAttribute('aria-rowindex')).toBe('42'));
    expect(screen.getByTestId('register-scroll').scrollTop).toBeGreaterThan(0);
    press('End');
    await waitFor(() => expect(activeRow().getAttribute('aria-rowindex')).toBe('100001'));
    press('ArrowUp');
    await waitFor(() => expect(activeRow().getAttribute('aria-rowindex')).toBe('100000'));
    press('Home');
    await waitFor(() => expect(activeRow().getAttribute('aria-rowindex')).toBe('2'));
    expect(screen.getByTestId('register-scroll').scrollTop).toBe(0);
    expect(screen.getAllByTestId('register-row').length).toBeLessThan(60);
  }, 60_000); // 100,000 rows in jsdom on a shared machine: slow, not timed

  test('focus coming into the table with its active row scrolled away makes the first row in view active', async () => {
    setup(manyShipments(1_000));
    const scroller = screen.getByTestId('register-scroll');
    scroller.scrollTo({ top: 50 * 36 });
    await waitFor(() =>
      expect(screen.getAllByTestId('register-row')[0]?.getAttribute('aria-rowindex')).not.toBe('2'),
    );
    act(() => table().focus());
    // Row 51 starts right under the header: 40 px + 50 rows of 36 px.
    expect(activeRow().getAttribute('aria-rowindex')).toBe('52');
  });

  test('PageDown and PageUp move a screenful less one row, as in Excel; Ctrl+↓ and Ctrl+↑ the ends', async () => {
    setup(manyShipments(1_000));
    table().focus();
    // 600 px less the 40 px header hold 15 rows of 36 px: a page moves 14.
    press('PageDown');
    await waitFor(() => expect(activeRow().getAttribute('aria-rowindex')).toBe('16'));
    press('PageUp');
    await waitFor(() => expect(activeRow().getAttribute('aria-rowindex')).toBe('2'));
    press('ArrowDown', { ctrlKey: true });
    await waitFor(() => expect(activeRow().getAttribute('aria-rowindex')).toBe('1001'));
    press('ArrowUp', { ctrlKey: true });
    await waitFor(() => expect(activeRow().getAttribute('aria-rowindex')).toBe('2'));
  });

  test('after a sort the same cargo stays active at its new place', async () => {
    setup(three());
    table().focus();
    press('ArrowDown');
    fireEvent.click(screen.getByTestId('sort-blDate'));
    table().focus();
    expect(activeRow().getAttribute('data-id')).toBe('b');
    expect(screen.getAllByTestId('register-row').map((row) => row.getAttribute('data-id'))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  test('keys pressed on a header’s sort button are the button’s: Enter there opens no dialog', () => {
    setup(three());
    press('Enter', {}, screen.getByTestId('sort-vessel'));
    expect(screen.queryByTestId('register-edit-dialog')).toBeNull();
  });
});

describe('acting on the active row', () => {
  test('Enter edits; Ctrl+Enter in the reason saves; focus follows the cargo to its new place', async () => {
    const list = three();
    const amend = jest.fn(async (id: string) => {
      // The edited B/L date makes it the newest cargo: the register reloads with it on top.
      const edited = { ...(list.find((s) => s.id === id) as Shipment), blDate: '2024-03-04' };
      useLedger.setState({ shipments: list.map((s) => (s.id === id ? edited : s)) });
      return { status: 'saved' as const, shipment: edited, warnings: [] };
    });
    const checkAmend = jest.fn().mockResolvedValue({ status: 'ok', warnings: [] });
    setup(list, { store: { amend, checkAmend } });
    table().focus();
    press('ArrowDown');
    press('ArrowDown');
    press('Enter');
    const dialog = screen.getByTestId('register-edit-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Edit shipment AKT-A');
    fireEvent.change(within(dialog).getByLabelText(/^B\/L date/), { target: { value: '2024-03-04' } });
    const reason = within(dialog).getByTestId('edit-reason');
    fireEvent.change(reason, { target: { value: 'Date from the B/L copy' } });
    press('Enter', { ctrlKey: true }, reason);
    await waitFor(() =>
      expect(amend).toHaveBeenCalledWith('a', { blDate: '2024-03-04' }, 'Date from the B/L copy', false),
    );
    await waitFor(() => expect(screen.queryByTestId('register-edit-dialog')).toBeNull());
    await focusIsOnRow('a');
    expect(activeRow().getAttribute('aria-rowindex')).toBe('2');
  });

  test('Ctrl+Enter on the edit dialog’s Cancel button saves too: the key is the dialog’s', async () => {
    const amend = jest.fn().mockResolvedValue({ status: 'saved', shipment: three()[2], warnings: [] });
    const checkAmend = jest.fn().mockResolvedValue({ status: 'ok', warnings: [] });
    setup(three(), { store: { amend, checkAmend } });
    table().focus();
    press('Enter');
    const dialog = screen.getByTestId('register-edit-dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Remarks/), { target: { value: 'Shore figure' } });
    fireEvent.change(within(dialog).getByTestId('edit-reason'), { target: { value: 'Shore tank' } });
    press('Enter', { metaKey: true }, within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(amend).toHaveBeenCalledTimes(1));
  });

  test('Cancel, or Escape, puts focus back on the same row', async () => {
    setup(three());
    table().focus();
    press('ArrowDown');
    press('Enter');
    fireEvent.click(
      within(screen.getByTestId('register-edit-dialog')).getByRole('button', { name: 'Cancel' }),
    );
    await focusIsOnRow('b');
    press('Delete');
    fireEvent(screen.getByTestId('register-void-dialog'), new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByTestId('register-void-dialog')).toBeNull());
    await focusIsOnRow('b');
  });

  test('Delete asks to void; Ctrl+Enter in the reason voids; the row that takes its place is active', async () => {
    const list = three();
    const voidShipment = jest.fn(async (id: string, reason: string) => {
      useLedger.setState({
        shipments: list.map((s) => (s.id === id ? { ...s, voided: true, voidReason: reason } : s)),
      });
      return { ok: true as const };
    });
    setup(list, { store: { voidShipment } });
    table().focus();
    press('ArrowDown');
    press('Delete');
    const dialog = screen.getByTestId('register-void-dialog');
    const reason = within(dialog).getByTestId('void-reason');
    press('Enter', { ctrlKey: true }, reason);
    // No reason: nothing voided, and the reason says what is missing.
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    fireEvent.change(reason, { target: { value: 'Entered twice' } });
    press('Enter', { ctrlKey: true }, reason);
    await waitFor(() => expect(voidShipment).toHaveBeenCalledWith('b', 'Entered twice'));
    expect(voidShipment).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId('register-void-dialog')).toBeNull());
    // The voided cargo is hidden (voided cargoes are, until "Show voided"): the next one is in its place.
    await focusIsOnRow('a');
    expect(screen.getByTestId('register-notice').textContent).toMatch(/AKT-B voided/);
  });

  test('H shows the history, in a Russian layout too (the key’s place); closing it returns to the row', async () => {
    const history = jest.fn().mockResolvedValue([]);
    setup(three(), { store: { history } });
    table().focus();
    press('ArrowDown');
    press('р', { code: 'KeyH' });
    expect(history).toHaveBeenCalledWith('b');
    const dialog = screen.getByTestId('register-history-dialog');
    await within(dialog).findByText('No entries.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await focusIsOnRow('b');
  });

  test('a voided row: Enter shows its history and Delete does nothing', async () => {
    const history = jest.fn().mockResolvedValue([]);
    const list = [shipment({ id: 'v', voided: true, voidReason: 'Duplicate', blNumber: 'AKT-V' })];
    setup(list, { store: { history } });
    fireEvent.click(screen.getByLabelText('Show voided'));
    table().focus();
    press('Delete');
    expect(screen.queryByTestId('register-void-dialog')).toBeNull();
    press('Enter');
    await within(screen.getByTestId('register-history-dialog')).findByText('No entries.');
    expect(history).toHaveBeenCalledWith('v');
  });

  test('opening by mouse returns focus to the clicked row too', async () => {
    setup(three());
    const row = screen.getAllByTestId('register-row')[2] as HTMLElement;
    const edit = within(row).getByTestId('row-edit');
    fireEvent.mouseDown(edit);
    fireEvent.click(edit);
    fireEvent.click(
      within(screen.getByTestId('register-edit-dialog')).getByRole('button', { name: 'Cancel' }),
    );
    await focusIsOnRow('a');
  });
});

describe('the search from anywhere on the page', () => {
  test('/ goes to the search from the table, but is a character in a field', () => {
    setup(three());
    table().focus();
    expect(press('/')).toBe(false); // taken: not typed anywhere
    expect(document.activeElement).toBe(search());
    const vessel = screen.getByTestId('filter-vessel');
    vessel.focus();
    expect(press('/', { code: 'Slash' }, vessel)).toBe(true);
    expect(document.activeElement).toBe(vessel);
  });

  test('Ctrl+F goes to the search from a field as well, and selects what it holds', () => {
    setup(three());
    fireEvent.change(search(), { target: { value: 'Astana' } });
    const vessel = screen.getByTestId('filter-vessel');
    vessel.focus();
    expect(press('а', { ctrlKey: true, code: 'KeyF' }, vessel)).toBe(false);
    const box = search() as HTMLInputElement;
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 'Astana'.length]);
  });

  test('while a dialog is open Ctrl+F is left to the browser', async () => {
    setup(three(), { store: { history: jest.fn().mockResolvedValue([]) } });
    table().focus();
    press('h');
    const dialog = screen.getByTestId('register-history-dialog');
    await within(dialog).findByText('No entries.');
    expect(press('f', { ctrlKey: true, code: 'KeyF' }, dialog)).toBe(true);
    expect(document.activeElement).not.toBe(search());
  });
});
