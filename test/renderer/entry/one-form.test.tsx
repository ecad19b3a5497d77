/**
 * Issue 9's points, as a clerk meets them, in the entry form and the register's edit dialog alike,
 * both against the real core validator (fake-ledger.ts): dates as clerks write them, numbers as the
 * app shows them, the core asked (a check that saves nothing) when a field is left and on save, and
 * one form with one order, one set of questions and one set of keys.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { Shipment } from '../../../electron/core/api';
import { EditDialog } from '../../../renderer/src/register/EditDialog';
import { useSettings, type Language } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { EntryForm } from '../../../renderer/src/views/EntryForm';
import { FakeLedger, FIXED_NOW } from './fake-ledger';
import { standInForModalDialogs } from './modal-dialog';

jest.setTimeout(30_000);

standInForModalDialogs();

async function start(language: Language = 'en', fake = new FakeLedger()) {
  localStorage.clear();
  useSettings.setState({ language, theme: 'light', separator: null, entryDefaults: {} });
  useLedger.setState({ api: null, info: null, shipments: [], lastSaved: null, error: null, year: 2024 });
  await act(() => useLedger.getState().init(fake.api, 2024));
  return { fake, user: userEvent.setup({ delay: null }) };
}

function entryForm() {
  render(<EntryForm now={() => FIXED_NOW} />);
}

function editDialog(shipment: Shipment, onSaved = jest.fn()) {
  render(<EditDialog shipment={shipment} vessels={[]} grades={[]} onClose={jest.fn()} onSaved={onSaved} />);
  return { dialog: screen.getByTestId('register-edit-dialog'), onSaved };
}

async function settle(): Promise<void> {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

async function press(user: UserEvent, keys: string): Promise<void> {
  await user.keyboard(keys);
  await settle();
}

/** The control a label names, inside `root`: by the label's `for`, as a screen reader finds it. */
function input(label: RegExp, root: HTMLElement = document.body): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => label.test(l.textContent ?? ''));
  const control = found ? document.getElementById(found.htmlFor) : null;
  if (!control) throw new Error(`no control labelled ${label}`);
  return control as HTMLInputElement;
}

/** Replaces a field's text as a clerk does: select all, type. */
async function retype(user: UserEvent, field: HTMLElement, text: string) {
  await user.click(field);
  await user.keyboard('{Control>}a{/Control}');
  await user.paste(text);
}

function described(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

const cargo = { blDate: '2024-08-03', blNumber: 'AKT-1', vessel: 'Astana', netTonnes: '9959.5' };

describe('dates as clerks write them', () => {
  test('in Russian the form starts at 15.08.2024 (today) and takes DD.MM.YYYY, YYYY-MM-DD, the calendar', async () => {
    const { fake, user } = await start('ru');
    entryForm();
    const date = input(/^Дата коносамента/);
    expect(date.value).toBe('15.08.2024');
    expect(date.placeholder).toBe('ДД.ММ.ГГГГ');
    expect(described(date)).toMatch(/например 03\.05\.2024/);

    await retype(user, date, '03.08.2024');
    await retype(user, input(/^Танкер/), 'Astana');
    await retype(user, input(/^Масса нетто/), '9000');
    await press(user, '{Enter}');
    // The next cargo: the tanker carries over, the figure starts blank.
    await retype(user, date, '2024-08-04');
    await retype(user, input(/^Масса нетто/), '9001');
    await press(user, '{Enter}');
    await retype(user, input(/^Масса нетто/), '9002');
    // The calendar gives YYYY-MM-DD; the field shows it the Russian way, as every screen does.
    fireEvent.change(document.querySelector('input[type="date"]') as HTMLInputElement, {
      target: { value: '2024-08-05' },
    });
    expect(date.value).toBe('05.08.2024');
    await user.click(date);
    await press(user, '{ArrowUp}');
    expect(date.value).toBe('06.08.2024');
    await press(user, '{Enter}');

    // 2024-08-04 was shown 04.08.2024 once the field was left, and sent as it was shown.
    expect(fake.recordCalls.map((call) => call.input.blDate)).toEqual([
      '03.08.2024',
      '04.08.2024',
      '06.08.2024',
    ]);
    expect(fake.live().map((s) => s.blDate)).toEqual(['2024-08-03', '2024-08-04', '2024-08-06']);
    // One way of showing a date: the status, the recent list, the messages.
    expect(screen.getByTestId('entry-status').textContent).toContain('06.08.2024');
    expect(screen.getByTestId('entry-recent').textContent).toContain('03.08.2024');
  });

  test("an impossible date is explained from the core's facts, in the language's own way", async () => {
    const { user } = await start('ru');
    entryForm();
    await retype(user, input(/^Дата коносамента/), '30.02.2024');
    await press(user, '{Enter}');
    expect(described(input(/^Дата коносамента/))).toMatch(
      /^Даты 30\.02\.2024 не существует: последний день этого месяца — 29\.02\.2024\./,
    );
  });

  test('the edit dialog shows the date as the register does and takes either form back', async () => {
    const { fake, user } = await start('ru');
    const shipment = fake.add(cargo);
    const { dialog } = editDialog(shipment);
    const date = input(/^Дата коносамента/, dialog);
    expect(date.value).toBe('03.08.2024');
    expect(date.placeholder).toBe('ДД.ММ.ГГГГ');
    await retype(user, date, '05.08.2024');
    await retype(user, within(dialog).getByTestId('edit-reason'), 'Опечатка');
    await press(user, '{Control>}{Enter}{/Control}');
    expect(fake.amendCalls).toEqual([
      { id: shipment.id, changes: { blDate: '05.08.2024' }, force: false, reason: 'Опечатка' },
    ]);
    expect(fake.shipments.get(shipment.id)?.blDate).toBe('2024-08-05');
  });
});

describe('numbers as the app shows them', () => {
  test.each([['9 959,5'], ['9,959.5'], ['9.959,5'], ['9959.5'], ['9\u202f959,5'], ['9\u00a0959,5']])(
    'the entry form sends %j as typed and the core reads 9,959.500 t',
    async (typed) => {
      const { fake, user } = await start('en');
      entryForm();
      await retype(user, input(/^Vessel/), 'Astana');
      await retype(user, input(/^Net tonnes/), typed);
      await press(user, '{Enter}');
      expect(fake.recordCalls.map((call) => call.input.netTonnes)).toEqual([typed]);
      expect(fake.live()[0]?.netKg).toBe(9_959_500);
    },
  );

  test('the edit dialog shows the figure as the language writes it and takes it back written any way', async () => {
    const { fake, user } = await start('ru');
    const shipment = fake.add(cargo);
    const { dialog, onSaved } = editDialog(shipment);
    const tonnes = input(/^Масса нетто/, dialog);
    expect(tonnes.value).toBe('9959,5');
    await retype(user, tonnes, '9\u00a0960,25');
    await retype(user, within(dialog).getByTestId('edit-reason'), 'Береговой замер');
    await press(user, '{Control>}{Enter}{/Control}');
    expect(fake.amendCalls[0]?.changes).toEqual({ netTonnes: '9\u00a0960,25' });
    expect(fake.shipments.get(shipment.id)?.netKg).toBe(9_960_250);
    expect(onSaved).toHaveBeenCalled();
  });

  test('an ambiguous figure in the edit dialog is asked about on leaving the field: both readings', async () => {
    const { fake, user } = await start('en');
    const shipment = fake.add(cargo);
    const { dialog } = editDialog(shipment);
    await retype(user, input(/^Net tonnes/, dialog), '9,959');
    await user.tab();
    const choices = await within(dialog).findByRole('group', { name: 'Which figure did you mean?' });
    expect(described(input(/^Net tonnes/, dialog))).toMatch(/could be 9,959\.000 t or 9\.959 t/);
    await user.click(within(choices).getByRole('button', { name: '9,959.000 t' }));
    expect(input(/^Net tonnes/, dialog).value).toBe('9959');
    await retype(user, within(dialog).getByTestId('edit-reason'), 'B/L figure');
    await press(user, '{Control>}{Enter}{/Control}');
    expect(fake.shipments.get(shipment.id)?.netKg).toBe(9_959_000);
  });
});

describe('the core is asked, on leaving a field and on save; the form keeps no rule of its own', () => {
  test('nothing is asked while typing; leaving the field asks once; only fields left show their problems', async () => {
    const { fake, user } = await start('en');
    entryForm();
    await user.click(input(/^Net tonnes/));
    await user.keyboard('-5');
    expect(fake.checkCalls).toHaveLength(0);
    await user.tab();
    await waitFor(() =>
      expect(described(input(/^Net tonnes/))).toMatch(/^Net tonnes must be more than zero\./),
    );
    expect(fake.checkCalls).toHaveLength(1);
    expect(fake.checkCalls[0]?.netTonnes).toBe('-5');
    // The vessel is missing too, but the clerk has not been there yet.
    expect(input(/^Vessel/).hasAttribute('aria-invalid')).toBe(false);
    expect(fake.recordCalls).toHaveLength(0);
    // On save every problem shows, the first in form order focused; a check is still no save.
    await press(user, '{Control>}{Enter}{/Control}');
    expect(input(/^Vessel/).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input(/^Vessel/));
    expect(fake.recordCalls).toHaveLength(0);
  });

  test('a question found on leaving a field is shown beside it before the save asks it', async () => {
    const { user } = await start('en');
    entryForm();
    // The rules across fields run once the fields themselves are sound: a vessel is needed first.
    await retype(user, input(/^Vessel/), 'Astana');
    await retype(user, input(/^Net tonnes/), '14000');
    await user.tab();
    await waitFor(() => expect(described(input(/^Net tonnes/))).toMatch(/very large cargo for the Caspian/));
    expect(input(/^Net tonnes/).hasAttribute('aria-invalid')).toBe(false);
  });
});

describe('one form', () => {
  function labels(root: HTMLElement): string[] {
    return [...root.querySelectorAll('.entry-field > label')].map((l) => l.textContent ?? '');
  }

  test('the entry form and the edit dialog have the same fields, in the same order, with the same marks', async () => {
    const { fake } = await start('en');
    entryForm();
    const entry = labels(screen.getByTestId('entry-form'));
    cleanup();
    const { dialog } = editDialog(fake.add(cargo));
    const edit = labels(dialog).filter((label) => !/Reason/.test(label));
    expect(edit).toEqual(entry);
    expect(entry.slice(0, 7)).toEqual([
      'B/L date *',
      'B/L number',
      'Vessel *',
      'Voyage',
      'Grade',
      'Status',
      'Net tonnes *',
    ]);
  });

  test('the same question in the same words; Enter in the reason is a new line, Ctrl+Enter saves', async () => {
    const { fake, user } = await start('en');
    entryForm();
    await retype(user, input(/^Vessel/), 'Astana');
    await retype(user, input(/^Net tonnes/), '20000');
    await press(user, '{Enter}');
    const asked = within(screen.getByTestId('entry-confirm')).getByRole('list').textContent;
    cleanup();

    const shipment = fake.add({ ...cargo, blDate: '2024-08-15', netTonnes: '9000' });
    const { dialog } = editDialog(shipment);
    await retype(user, input(/^Net tonnes/, dialog), '20000');
    const reason = within(dialog).getByTestId('edit-reason');
    await retype(user, reason, 'Two parcels');
    await press(user, '{Enter}and one B/L');
    expect((reason as HTMLTextAreaElement).value).toBe('Two parcels\nand one B/L');
    expect(fake.amendCalls).toHaveLength(0);
    await press(user, '{Control>}{Enter}{/Control}');
    const question = within(dialog).getByTestId('edit-confirm');
    expect(question.hasAttribute('open')).toBe(true);
    expect(within(question).getByRole('list').textContent).toBe(asked);
    expect(document.activeElement?.textContent).toBe('Go back and fix');
    expect(fake.amendCalls).toHaveLength(0);
    await user.click(within(question).getByRole('button', { name: 'Save anyway' }));
    await settle();
    expect(fake.amendCalls).toEqual([
      { id: shipment.id, changes: { netTonnes: '20000' }, force: true, reason: 'Two parcels\nand one B/L' },
    ]);
  });

  test('a duplicate B/L number is refused at its field in the edit dialog as in the entry form', async () => {
    const { fake, user } = await start('en');
    fake.add(cargo);
    const other = fake.add({ ...cargo, blNumber: 'AKT-2', netTonnes: '8000' });
    const { dialog } = editDialog(other);
    await retype(user, input(/^B\/L number/, dialog), 'akt-1');
    await retype(user, within(dialog).getByTestId('edit-reason'), 'Typo');
    await press(user, '{Enter}');
    // Enter in the reason (a textarea) is a new line: the save is Ctrl+Enter, or Enter in a field.
    expect(fake.amendCalls).toHaveLength(0);
    await user.click(input(/^B\/L number/, dialog));
    await press(user, '{Enter}');
    const field = input(/^B\/L number/, dialog);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(described(field)).toMatch(/^B\/L number akt-1 is already in the ledger \(Astana, 2024-08-03, id /);
    expect(document.activeElement).toBe(field);
    expect(fake.amendCalls).toHaveLength(0);
  });
});
