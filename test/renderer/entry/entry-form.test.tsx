/**
 * The entry form, driven from the keyboard as a clerk drives it, against the real core validator
 * (fake-ledger.ts): what is sent, what is refused and where it is shown, what is asked before
 * saving, what the status says afterwards, and what the next cargo starts with.
 *
 * Since issue 9 the form asks the core (a check that writes nothing) before it saves: fields in the
 * field table's order (Status before Net tonnes), figures and dates sent as typed, every question
 * asked before any save, so `recordCalls` (saves only) no longer holds a first, refused attempt.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { ApiError } from '../../../renderer/src/client';
import type { EntryDefaults, Language } from '../../../renderer/src/settings';
import { useSettings } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { EntryForm } from '../../../renderer/src/views/EntryForm';
import { FakeLedger, FIXED_NOW, TODAY } from './fake-ledger';
import { standInForModalDialogs } from './modal-dialog';

// Forty keystrokes a test; generous for a loaded CI machine.
jest.setTimeout(30_000);

standInForModalDialogs();

interface Setup {
  fake: FakeLedger;
  user: UserEvent;
  remount: () => void;
}

async function setup(
  options: { language?: Language; readOnly?: boolean; defaults?: Partial<EntryDefaults> } = {},
): Promise<Setup> {
  localStorage.clear();
  useSettings.setState({
    language: options.language ?? 'en',
    theme: 'light',
    separator: null,
    entryDefaults: options.defaults ?? {},
  });
  useLedger.setState({ api: null, info: null, shipments: [], lastSaved: null, error: null, year: 2024 });
  const fake = new FakeLedger({ readOnly: options.readOnly });
  await act(() => useLedger.getState().init(fake.api, 2024));
  // No pause between keystrokes: a clerk types fast, and the suite stays quick on a busy machine.
  const user = userEvent.setup({ delay: null });
  const view = render(<EntryForm now={() => FIXED_NOW} />);
  return { fake, user, remount: () => view.rerender(<EntryForm key="again" now={() => FIXED_NOW} />) };
}

/** Lets the save's promises (store → fake core → store) finish and React render their outcome. */
async function settle(): Promise<void> {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

/** Presses keys, then waits for whatever they started to finish. */
async function press(user: UserEvent, keys: string): Promise<void> {
  await user.keyboard(keys);
  await settle();
}

const field = (label: RegExp | string) => screen.getByLabelText(label) as HTMLInputElement;
const dialog = () => screen.queryByTestId('entry-confirm');
const dialogIsOpen = () => dialog()?.hasAttribute('open') === true;

/** Types a whole cargo from the first field, moving on with Tab as a clerk does (Status is left as it is). */
async function typeCargo(
  user: UserEvent,
  cargo: {
    blDate?: string;
    blNumber?: string;
    vessel?: string;
    voyage?: string;
    grade?: string;
    netTonnes: string;
  },
) {
  expect(document.activeElement).toBe(document.getElementById('entry-blDate'));
  if (cargo.blDate !== undefined) await user.keyboard(cargo.blDate);
  for (const value of [cargo.blNumber, cargo.vessel, cargo.voyage, cargo.grade, undefined, cargo.netTonnes]) {
    await user.tab();
    if (value) await user.keyboard(value);
  }
}

/** The message an input points at through aria-describedby, as the screen reader reads it. */
function describedText(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? `<missing ${id}>`).join(' | ');
}

describe('keyboard-only entry', () => {
  test("Tab walks the fields in the field table's order and Enter sends what was typed, as typed", async () => {
    const { fake, user } = await setup();
    // The first field has the focus, holding today's date at Aktau, selected so typing replaces it.
    expect(field(/^B\/L date/).value).toBe(TODAY);
    await user.keyboard('2024-08-03');
    const order = ['B/L number', 'Vessel', 'Voyage', 'Grade', 'Status', 'Net tonnes'];
    const typed = ['AKT-2024-0101', 'Astana', 'V-12', 'Tengiz', '', '9959,5'];
    for (const [index, label] of order.entries()) {
      await user.tab();
      expect(document.activeElement).toBe(field(new RegExp(`^${label}`)));
      if (typed[index]) await user.keyboard(typed[index]);
    }
    // Status is a select: Enter saves from it too.
    await user.tab({ shift: true });
    await press(user, '{Enter}');

    expect(fake.recordCalls).toEqual([
      {
        input: {
          blDate: '2024-08-03',
          blNumber: 'AKT-2024-0101',
          vessel: 'Astana',
          voyage: 'V-12',
          grade: 'Tengiz',
          netTonnes: '9959,5',
          status: 'loaded',
          loadPort: 'Aktau',
          dischargeTerminal: 'Sangachal',
          shipper: 'KMG',
          receiver: 'SOCAR',
        },
        force: false,
      },
    ]);
    expect(fake.live()).toHaveLength(1);
    expect(fake.live()[0]?.netKg).toBe(9_959_500);
  });

  test('Enter from a text field saves; in Remarks Enter is a new line and Ctrl+Enter saves', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { vessel: 'Taraz', netTonnes: '6980' });
    await press(user, '{Enter}');
    expect(fake.recordCalls).toHaveLength(1);
    expect(fake.recordCalls[0]?.input).toMatchObject({ vessel: 'Taraz', netTonnes: '6980', blDate: TODAY });

    // The next cargo, finished in Remarks inside "More details".
    await user.keyboard(TODAY);
    await user.tab();
    await user.tab();
    await user.keyboard('{Control>}a{/Control}Liwa');
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    await user.keyboard('8800');
    await user.click(screen.getByText('More details'));
    await user.click(field(/^Remarks/));
    await user.keyboard('first line{Enter}second line');
    expect(fake.recordCalls).toHaveLength(1);
    await press(user, '{Control>}{Enter}{/Control}');
    expect(fake.recordCalls).toHaveLength(2);
    expect(fake.recordCalls[1]?.input).toMatchObject({
      vessel: 'Liwa',
      netTonnes: '8800',
      remarks: 'first line\nsecond line',
    });
  });

  test('an ambiguous "9,959" is not guessed: sent as typed, the core asks, each reading a button', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { vessel: 'Astana', netTonnes: '9,959' });
    await press(user, '{Enter}');
    expect(fake.checkCalls.at(-1)?.netTonnes).toBe('9,959');
    expect(fake.recordCalls).toEqual([]);
    expect(describedText(field(/^Net tonnes/))).toMatch(
      /^Net tonnes "9,959" could be 9,959\.000 t or 9\.959 t\. Choose the one on the bill of lading\. \| /,
    );
    const choices = screen.getByRole('group', { name: 'Which figure did you mean?' });
    expect(
      within(choices)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['9,959.000 t', '9.959 t']);
    await user.click(within(choices).getByRole('button', { name: '9,959.000 t' }));
    // Written so that it can only mean what was chosen, and the figure has the focus again.
    expect(field(/^Net tonnes/).value).toBe('9959');
    expect(document.activeElement).toBe(field(/^Net tonnes/));
    await press(user, '{Enter}');
    expect(fake.live()[0]?.netKg).toBe(9_959_000);
  });

  test('↑ and ↓ in the B/L date move it a day, across a month end', async () => {
    const { user } = await setup();
    await user.keyboard('2024-02-28');
    await user.keyboard('{ArrowUp}');
    expect(field(/^B\/L date/).value).toBe('2024-02-29');
    await user.keyboard('{ArrowUp}');
    expect(field(/^B\/L date/).value).toBe('2024-03-01');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(field(/^B\/L date/).value).toBe('2024-02-27');
  });
});

describe('refusals from the core', () => {
  test('an impossible date is shown at the B/L date, linked for screen readers, focused; nothing saved', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { blDate: '2024-02-30', vessel: 'Astana', netTonnes: '9959.5' });
    await press(user, '{Enter}');

    const date = field(/^B\/L date/);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById('entry-blDate-error');
    expect(message?.textContent).toBe('B/L date 2024-02-30 does not exist: February 2024 has 29 days.');
    expect(date.getAttribute('aria-describedby')?.split(' ')).toContain('entry-blDate-error');
    expect(document.activeElement).toBe(date);
    expect(field(/^Net tonnes/).hasAttribute('aria-invalid')).toBe(false);
    expect(fake.live()).toHaveLength(0);
    expect(dialogIsOpen()).toBe(false);

    // Correcting the field clears its error; the next Enter saves.
    await user.keyboard('2024-02-29');
    expect(date.hasAttribute('aria-invalid')).toBe(false);
    expect(document.getElementById('entry-blDate-error')).toBeNull();
  });

  test('several refusals: each at its own field, the first in form order focused', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { blDate: '2024-13-01', netTonnes: '-5' });
    await press(user, '{Enter}');
    expect(describedText(field(/^B\/L date/))).toMatch(
      /^B\/L date 2024-13-01 does not exist: there is no month 13\./,
    );
    expect(describedText(field(/^Vessel/))).toMatch(/^Vessel is required\./);
    expect(describedText(field(/^Net tonnes/))).toMatch(/^Net tonnes must be more than zero\./);
    expect(document.activeElement).toBe(field(/^B\/L date/));
    expect(fake.live()).toHaveLength(0);
  });

  test('105,000 t is refused outright: no confirmation, nothing saved', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { vessel: 'Astana', netTonnes: '105000' });
    await press(user, '{Enter}');
    expect(dialogIsOpen()).toBe(false);
    const tonnes = field(/^Net tonnes/);
    expect(tonnes.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(tonnes)).toMatch(
      /Net tonnes 105,000\.000 t is far more than any Caspian tanker carries \(about 13,000 t at most\)\./,
    );
    // The check refused it: no save was even tried.
    expect(fake.recordCalls).toEqual([]);
    expect(fake.live()).toHaveLength(0);
  });

  test('a duplicate B/L number names the cargo already holding it', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { blDate: '2024-08-03', blNumber: 'AKT-7', vessel: 'Astana', netTonnes: '9000' });
    await press(user, '{Enter}');
    await typeCargo(user, { blNumber: 'akt-7', netTonnes: '8000' });
    await press(user, '{Enter}');
    expect(fake.live()).toHaveLength(1);
    const blNumber = field(/^B\/L number/);
    expect(document.activeElement).toBe(blNumber);
    expect(describedText(blNumber)).toBe(
      `B/L number akt-7 is already in the ledger (Astana, 2024-08-03, id ${fake.live()[0]?.id}).`,
    );
  });

  test('an issue the form has no field for goes into a form-level alert', async () => {
    const { fake, user } = await setup();
    // A core that refuses with an issue about no particular field.
    fake.api.recordShipment = () =>
      Promise.reject(
        new ApiError({
          code: 'invalid',
          message: 'x',
          issues: [
            {
              field: '',
              code: 'shipment.type',
              message: 'A shipment must be given as a set of named fields.',
            },
          ],
        }),
      );
    await typeCargo(user, { vessel: 'Astana', netTonnes: '9000' });
    await press(user, '{Enter}');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The shipment was not saved.');
    expect(alert.textContent).toContain('A shipment must be given as a set of named fields.');
  });
});

describe('unusual but possible values are asked about', () => {
  test('20,000 t: the core asks for confirmation before any save, and "Save anyway" saves it with force', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { vessel: 'Astana', netTonnes: '20000' });
    await press(user, '{Enter}');
    expect(dialogIsOpen()).toBe(true);
    expect(
      within(dialog() as HTMLElement).getByText(
        /20,000\.000 t is more than a Caspian tanker carries \(about 13,000 t at most\)/,
      ),
    ).toBeTruthy();
    expect(fake.live()).toHaveLength(0);
    // The safe answer has the focus; Tab then Enter is "Save anyway".
    expect(document.activeElement?.textContent).toBe('Go back and fix');
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Save anyway');
    await press(user, '{Enter}');
    expect(fake.recordCalls.map((call) => call.force)).toEqual([true]);
    expect(fake.live()[0]?.netKg).toBe(20_000_000);
    expect(dialogIsOpen()).toBe(false);
    expect(screen.getByTestId('entry-status').textContent).toMatch(
      /Saved: Astana, 2024-08-15, 20,000\.000 t/,
    );
  });

  test('the same cargo twice: the core asks, naming the one recorded; "Save anyway" records a second', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { vessel: 'Astana', netTonnes: '9000' });
    await press(user, '{Enter}');
    const first = fake.live()[0]?.id as string;
    // The vessel carries over: the same figure again is a second entry of the same cargo.
    await typeCargo(user, { netTonnes: '9000,000' });
    await press(user, '{Enter}');
    expect(dialogIsOpen()).toBe(true);
    expect(
      within(dialog() as HTMLElement).getByText(
        `The ledger already holds a cargo of Astana dated 2024-08-15 with the same net tonnes (id ${first}). ` +
          'If this is a second cargo, save it anyway; if it is the same one, it is already recorded.',
      ),
    ).toBeTruthy();
    expect(fake.live()).toHaveLength(1);
    await user.click(screen.getByTestId('entry-confirm-save-anyway'));
    await settle();
    expect(fake.recordCalls.map((call) => call.force)).toEqual([false, true]);
    expect(fake.live()).toHaveLength(2);
  });

  test('14,000 t is asked about BEFORE anything is sent; "Go back and fix" returns to the figure', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { vessel: 'Astana', netTonnes: '14000' });
    await press(user, '{Enter}');
    expect(dialogIsOpen()).toBe(true);
    expect(
      within(dialog() as HTMLElement).getByText(
        '14,000.000 t is a very large cargo for the Caspian; check the figure.',
      ),
    ).toBeTruthy();
    expect(fake.recordCalls).toHaveLength(0);

    await press(user, '{Enter}'); // the focused "Go back and fix"
    expect(dialogIsOpen()).toBe(false);
    const tonnes = field(/^Net tonnes/);
    expect(document.activeElement).toBe(tonnes);
    expect(describedText(tonnes)).toMatch(/very large cargo/);
    expect(fake.recordCalls).toHaveLength(0);

    // Asked again on the next Enter; this time saved, unforced: the core still decides.
    await press(user, '{Enter}');
    expect(dialogIsOpen()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await settle();
    expect(fake.recordCalls).toEqual([
      { input: expect.objectContaining({ netTonnes: '14000' }), force: false },
    ]);
    expect(fake.live()[0]?.netKg).toBe(14_000_000);
  });

  test('a B/L date 75 days back is asked about before saving; Escape closes the question', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { blDate: '2024-06-01', vessel: 'Taraz', netTonnes: '6980' });
    await press(user, '{Enter}');
    expect(dialogIsOpen()).toBe(true);
    expect(
      within(dialog() as HTMLElement).getByText('B/L date 2024-06-01 is 75 days ago; check the date.'),
    ).toBeTruthy();
    expect(fake.recordCalls).toHaveLength(0);

    await press(user, '{Escape}');
    expect(dialogIsOpen()).toBe(false);
    expect(document.activeElement).toBe(field(/^B\/L date/));
    expect(fake.recordCalls).toHaveLength(0);

    await press(user, '{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await settle();
    expect(fake.live()[0]?.blDate).toBe('2024-06-01');
  });

  test('a refusal comes before any question; the question follows the fix, and is asked only once', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { blDate: '2024-06-01', blNumber: 'X1', vessel: 'Taraz', netTonnes: '6980' });
    await press(user, '{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await settle();
    expect(fake.live()).toHaveLength(1);
    await typeCargo(user, { blDate: '2024-06-02', blNumber: 'X1', netTonnes: '7000' });
    await press(user, '{Enter}');
    // Refused by the core: the B/L number is taken. The old date waits beside its field.
    expect(dialogIsOpen()).toBe(false);
    expect(document.activeElement).toBe(field(/^B\/L number/));
    expect(describedText(field(/^B\/L date/))).toMatch(/74 days ago/);
    await press(user, '{Control>}a{/Control}X2{Enter}');
    expect(dialogIsOpen()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await settle();
    expect(fake.live().map((s) => s.blNumber)).toEqual(['X1', 'X2']);
    // A question answered stays answered while its value stands: a save that fails after the
    // answer (the ledger was taken read-only meanwhile) is tried again without asking again.
    await typeCargo(user, { blDate: '2024-06-03', blNumber: 'X3', netTonnes: '7100' });
    await press(user, '{Enter}');
    expect(dialogIsOpen()).toBe(true);
    fake.readOnly = true;
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toMatch(/read-only/);
    fake.readOnly = false;
    await press(user, '{Control>}{Enter}{/Control}');
    expect(dialogIsOpen()).toBe(false);
    expect(fake.live().map((s) => s.blNumber)).toEqual(['X1', 'X2', 'X3']);
  });

  test('an old date AND 20,000 t: both are asked at once, before anything is saved', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { blDate: '2024-06-01', vessel: 'Astana', netTonnes: '20000' });
    await press(user, '{Enter}');
    expect(dialog()?.textContent).toMatch(/75 days ago/);
    expect(dialog()?.textContent).toMatch(/20,000\.000 t is more than a Caspian tanker carries/);
    expect(fake.recordCalls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await settle();
    expect(fake.recordCalls.map((call) => call.force)).toEqual([true]);
    expect(fake.live()).toHaveLength(1);
    // Both answers were given: the status repeats neither as a note.
    expect(screen.getByTestId('entry-status').textContent).not.toMatch(/Please check/);
  });
});

describe('when the ledger cannot save', () => {
  test('a failed save says so in an alert and keeps every figure typed', async () => {
    const { fake, user } = await setup();
    // Another window took the ledger after this form opened.
    fake.readOnly = true;
    await typeCargo(user, { blNumber: 'AKT-9', vessel: 'Astana', netTonnes: '9000' });
    await press(user, '{Enter}');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('The shipment was not saved.This ledger was opened read-only.');
    expect(field(/^Net tonnes/).value).toBe('9000');
    expect(field(/^B\/L number/).value).toBe('AKT-9');
    expect(screen.getByTestId('entry-status').textContent).toBe('');
  });
});

describe('after saving', () => {
  test('the status names the cargo and its id; Undo voids it with reason "undo", the figures come back', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, {
      blDate: '2024-08-03',
      blNumber: 'AKT-2024-0101',
      vessel: 'Astana',
      netTonnes: '9959,5',
    });
    await press(user, '{Enter}');
    const status = screen.getByTestId('entry-status');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    const id = fake.live()[0]?.id as string;
    expect(status.textContent).toContain('Saved: Astana, B/L AKT-2024-0101, 2024-08-03, 9,959.500 t');
    expect(status.textContent).toContain(`Entry id ${id}`);
    expect(document.activeElement).toBe(field(/^B\/L date/));
    expect(field(/^Net tonnes/).value).toBe('');

    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    await settle();
    expect(fake.voidCalls).toEqual([{ id, reason: 'undo' }]);
    expect(fake.live()).toHaveLength(0);
    expect(status.textContent).toContain(
      'Undone: Astana, B/L AKT-2024-0101, 2024-08-03, 9,959.500 t is void.',
    );
    expect(within(status).queryByRole('button', { name: 'Undo' })).toBeNull();
    // The form was untouched, so the undone cargo is back for correcting.
    expect(field(/^Net tonnes/).value).toBe('9959,5');
    expect(field(/^B\/L number/).value).toBe('AKT-2024-0101');
    expect(document.activeElement).toBe(field(/^B\/L date/));
  });

  test('B/L date, vessel, grade, status and parties carry over, and are remembered for the next session', async () => {
    const { user, remount } = await setup();
    await typeCargo(user, { vessel: 'Akademik Khoshbakht Yusifzade', grade: 'Kashagan', netTonnes: '7800' });
    await user.selectOptions(field(/^Status/), 'in_transit');
    await user.click(screen.getByText('More details'));
    await user.clear(field(/^Receiver/));
    await user.type(field(/^Receiver/), 'SOCAR Trading{Enter}');
    await settle();

    expect(screen.getByTestId('entry-status').textContent).toMatch(/Saved: Akademik Khoshbakht Yusifzade/);
    const carried = {
      blDate: TODAY,
      vessel: 'Akademik Khoshbakht Yusifzade',
      grade: 'Kashagan',
      status: 'in_transit',
      loadPort: 'Aktau',
      dischargeTerminal: 'Sangachal',
      shipper: 'KMG',
      receiver: 'SOCAR Trading',
    };
    expect(useSettings.getState().entryDefaults).toEqual(carried);
    expect(JSON.parse(localStorage.getItem('transit-ledger-settings') ?? '{}').entryDefaults).toEqual(
      carried,
    );
    const check = () => {
      expect(field(/^Vessel/).value).toBe(carried.vessel);
      expect(field(/^Grade/).value).toBe('Kashagan');
      expect(field(/^Status/).value).toBe('in_transit');
      expect(field(/^Receiver/).value).toBe('SOCAR Trading');
      expect(field(/^Net tonnes/).value).toBe('');
      expect(field(/^B\/L number/).value).toBe('');
      expect(field(/^B\/L date/).value).toBe(TODAY);
    };
    check();
    // Ctrl+N remounts the form: it starts from the remembered defaults.
    remount();
    check();
  });

  test("the vessel field offers the fleet's tankers, the one just used first", async () => {
    const { user } = await setup();
    await typeCargo(user, { vessel: 'Taraz', netTonnes: '5000' });
    await press(user, '{Enter}');
    const options = [...document.querySelectorAll('#entry-vessel-options option')].map((o) =>
      o.getAttribute('value'),
    );
    expect(options).toEqual([
      'Taraz',
      'Astana',
      'Aktau',
      'Liwa',
      'President Heydar Aliyev',
      'Akademik Khoshbakht Yusifzade',
    ]);
    expect(field(/^Vessel/).getAttribute('list')).toBe('entry-vessel-options');
  });
});

describe('read-only ledger', () => {
  test('the form is disabled, says why, and Enter saves nothing', async () => {
    const { fake, user } = await setup({ readOnly: true });
    expect(screen.getByTestId('entry-readonly').textContent).toMatch(/open read-only/);
    expect(field(/^B\/L date/).matches(':disabled')).toBe(true);
    expect((screen.getByTestId('entry-save') as HTMLButtonElement).matches(':disabled')).toBe(true);
    await press(user, '{Enter}');
    expect(fake.recordCalls).toHaveLength(0);
  });
});

describe('languages', () => {
  test("Russian: Russian labels, and the core's refusal as a Russian sentence with its specifics", async () => {
    const { user } = await setup({ language: 'ru' });
    expect(field('Дата коносамента *')).toBeTruthy();
    expect(screen.getByLabelText(/^Танкер/)).toBeTruthy();
    expect(screen.getByLabelText(/^Масса нетто, т/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Сохранить отгрузку/ })).toBeTruthy();
    await typeCargo(user, { blDate: '2024-02-30', vessel: 'Астана', netTonnes: '9959,5' });
    await press(user, '{Enter}');
    const message = describedText(field(/^Дата коносамента/));
    expect(message).toMatch(/^Даты 2024-02-30 не существует: последний день этого месяца — 29\.02\.2024\./);
    expect(message).not.toMatch(/does not exist/);
  });

  test('Kazakh and Azerbaijani questions keep the figure, written their way', async () => {
    const { user } = await setup({ language: 'kk' });
    await typeCargo(user, { vessel: 'Astana', netTonnes: '14000' });
    await press(user, '{Enter}');
    expect(dialog()?.textContent).toMatch(/14\s000,000 т — Каспий үшін өте үлкен жүк/);
    await press(user, '{Escape}');
    act(() => useSettings.getState().update({ language: 'az' }));
    expect(describedText(field(/^Netto çəki/))).toMatch(/14\.000,000 t Xəzər üçün çox böyük yükdür/);
  });
});

describe('a batch of bills', () => {
  test("a batch of yesterday's bills: the B/L date carries to the next cargo, as the vessel does", async () => {
    const { fake, user, remount } = await setup({ language: 'ru' });
    await typeCargo(user, { blDate: '14.08.2024', vessel: 'Astana', netTonnes: '7000' });
    await press(user, '{Enter}');
    expect(fake.live()).toHaveLength(1);
    // The next bill of the batch starts on the same date (written the Russian way), selected for retyping.
    const date = field(/^Дата коносамента/);
    expect(date.value).toBe('14.08.2024');
    expect(document.activeElement).toBe(date);
    expect(useSettings.getState().entryDefaults.blDate).toBe('2024-08-14');
    await typeCargo(user, { netTonnes: '7100' });
    await press(user, '{Enter}');
    expect(fake.live().map((s) => [s.vessel, s.blDate])).toEqual([
      ['Astana', '2024-08-14'],
      ['Astana', '2024-08-14'],
    ]);
    // Remembered as YYYY-MM-DD: a form opened in English shows it the English way.
    act(() => useSettings.getState().update({ language: 'en' }));
    remount();
    expect(field(/^B\/L date/).value).toBe('2024-08-14');
  });
});

describe('recently recorded', () => {
  test("after an import it lists the clerk's latest entries, newest first, not the batch's earliest", async () => {
    const { fake, user } = await setup();
    // An import (or the demo): every row recorded at one time, in the sheet's order, B/L dates not in order.
    const batch = [
      ['2024-01-03', 'Astana'],
      ['2024-01-04', 'Taraz'],
      ['2024-03-10', 'Liwa'],
      ['2024-02-01', 'Aktau'],
      ['2024-08-01', 'Astana'],
      ['2024-05-20', 'Taraz'],
      ['2024-04-02', 'Liwa'],
    ];
    batch.forEach(([blDate, vessel], index) =>
      fake.add({ blDate, vessel, netTonnes: String(7000 + index), blNumber: `IMP-${index}` }),
    );
    // Then the clerk records one by hand.
    await typeCargo(user, { blNumber: 'AKT-9', vessel: 'President Heydar Aliyev', netTonnes: '6500' });
    await press(user, '{Enter}');
    const recent = within(screen.getByTestId('entry-recent'))
      .getAllByRole('listitem')
      .map((item) => item.textContent ?? '');
    expect(recent.map((text) => /(AKT|IMP)-\d/.exec(text)?.[0])).toEqual([
      'AKT-9',
      'IMP-6',
      'IMP-5',
      'IMP-4',
      'IMP-3',
    ]);
  });
});

describe('the saved banner', () => {
  test('the saved status shows beside Save, moving nothing above it, and Undo is reached by Tab', async () => {
    const { fake, user } = await setup();
    const form = screen.getByTestId('entry-form');
    // Whatever stands before the form's fields, and before Save within the form, is the same after a save.
    const before = (element: Element) => {
      const all = [...document.querySelectorAll('.entry-card *')];
      return all.slice(0, all.indexOf(element)).filter((node) => node.textContent !== '').length;
    };
    const save = screen.getByTestId('entry-save');
    const counts = [before(form), before(save)];
    await typeCargo(user, { blNumber: 'AKT-1', vessel: 'Astana', netTonnes: '9000' });
    await press(user, '{Enter}');
    const status = screen.getByTestId('entry-status');
    expect(status.textContent).toMatch(/Saved: Astana/);
    expect([before(form), before(save)]).toEqual(counts);
    expect(form.querySelector('.entry-actions')?.contains(status)).toBe(true);
    expect(save.compareDocumentPosition(status) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // From the next cargo's first field, Tab alone reaches Undo; moving through fields keeps the status.
    const undo = within(status).getByRole('button', { name: 'Undo' });
    for (let step = 0; step < 20 && document.activeElement !== undo; step++) await user.tab();
    expect(document.activeElement).toBe(undo);
    await press(user, '{Enter}');
    expect(fake.voidCalls).toEqual([{ id: fake.shipments.keys().next().value, reason: 'undo' }]);
  });

  test('the saved status goes once the next cargo starts: the first keystroke in a field', async () => {
    const { user } = await setup();
    await typeCargo(user, { vessel: 'Astana', netTonnes: '9000' });
    await press(user, '{Enter}');
    const status = screen.getByTestId('entry-status');
    expect(status.textContent).toMatch(/Saved: Astana/);
    // Tab and Shift+Tab through the fields type nothing: the status stays.
    await user.tab();
    await user.tab({ shift: true });
    expect(status.textContent).toMatch(/Saved: Astana/);
    // A day down in the B/L date is the next cargo begun.
    await press(user, '{ArrowDown}');
    expect(status.textContent).toBe('');
    // And so is a keystroke after the next save.
    await typeCargo(user, { netTonnes: '9100' });
    await press(user, '{Enter}');
    expect(status.textContent).toMatch(/Saved: Astana/);
    await user.tab();
    await user.keyboard('A');
    expect(status.textContent).toBe('');
    // The live region itself stays in place, empty, for the next save's announcement.
    expect(status.getAttribute('role')).toBe('status');
  });
});

describe('errors announced', () => {
  const announced = () => screen.getByTestId('entry-announce').textContent ?? '';

  test('a refusal at the focused field is announced once, politely, and linked by aria-describedby', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { vessel: 'Astana', netTonnes: 'abc' });
    const tonnes = field(/^Net tonnes/);
    expect(document.activeElement).toBe(tonnes);
    await press(user, '{Enter}');
    expect(fake.recordCalls).toEqual([]);
    // The focus stays where it was, so nothing would be read: the live region says it.
    expect(document.activeElement).toBe(tonnes);
    const region = screen.getByTestId('entry-announce');
    expect(region.getAttribute('aria-live')).toBe('polite');
    const error = document.getElementById('entry-netTonnes-error');
    expect(tonnes.getAttribute('aria-describedby')?.split(' ')).toContain('entry-netTonnes-error');
    expect(announced()).toBe(`Net tonnes: ${error?.textContent}`);
    // The same refusal again is a new announcement (a new node), not silence.
    const first = region.firstElementChild;
    await press(user, '{Enter}');
    expect(region.firstElementChild).not.toBe(first);
    expect(announced()).toBe(`Net tonnes: ${error?.textContent}`);
  });

  test('a refusal the focus moves to is read from aria-describedby only, not announced twice', async () => {
    const { user } = await setup();
    await typeCargo(user, { blDate: '2024-02-30', vessel: 'Astana', netTonnes: '9000' });
    // The quiet check after leaving the date may already have said it (a slow machine pauses long
    // enough): Enter, which moves the focus there, adds nothing to the live region either way.
    const region = screen.getByTestId('entry-announce');
    const before = region.firstElementChild;
    await press(user, '{Enter}');
    expect(document.activeElement).toBe(field(/^B\/L date/));
    expect(describedText(field(/^B\/L date/))).toMatch(/2024-02-30 does not exist/);
    expect(region.firstElementChild).toBe(before);
  });

  test('an error found after leaving a field is announced with its field, once', async () => {
    const { user } = await setup();
    await user.keyboard('2024-02-30');
    await user.tab();
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 400)));
    await settle();
    expect(announced()).toMatch(/^B\/L date: .*2024-02-30 does not exist/);
    const said = screen.getByTestId('entry-announce').firstElementChild;
    // Leaving another field brings no new error there: the region says nothing new.
    await user.keyboard('AKT-5');
    await user.tab();
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 400)));
    await settle();
    expect(screen.getByTestId('entry-announce').firstElementChild).toBe(said);
  });
});

describe('the next cargo after a save', () => {
  test('starts without errors: the field Save was pressed from is not checked blank as focus leaves it', async () => {
    const { fake, user } = await setup();
    await typeCargo(user, { vessel: 'Astana', netTonnes: '9000' });
    await press(user, '{Enter}');
    expect(fake.live()).toHaveLength(1);
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 400)));
    await settle();
    expect(document.querySelectorAll('[data-testid="entry-form"] .field-error')).toHaveLength(0);
    expect(field(/^Net tonnes/).getAttribute('aria-invalid')).toBeNull();
  });
});
