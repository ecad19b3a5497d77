/**
 * An adversarial tester's findings on issue 9 ("dates shown one way per language", "the entry form
 * and the edit dialog are one form"), pinned in both forms against the core's own validator:
 * a date left in a field is shown the language's way, a date in a message too, and the edit dialog
 * asks every question the entry form asks.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { Shipment } from '../../../electron/core/api';
import { DEFAULT_FLEET } from '../../../electron/core/fleet';
import { EditDialog } from '../../../renderer/src/register/EditDialog';
import { useSettings, type Language } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { EntryForm } from '../../../renderer/src/views/EntryForm';
import { FakeLedger, FIXED_NOW } from './fake-ledger';
import { standInForModalDialogs } from './modal-dialog';

jest.setTimeout(30_000);

standInForModalDialogs();

async function start(language: Language, fake = new FakeLedger({ fleet: DEFAULT_FLEET })) {
  localStorage.clear();
  useSettings.setState({ language, theme: 'light', separator: null, entryDefaults: {} });
  useLedger.setState({ api: null, info: null, shipments: [], lastSaved: null, error: null, year: 2024 });
  await act(() => useLedger.getState().init(fake.api, 2024));
  return { fake, user: userEvent.setup({ delay: null }) };
}

function editDialog(shipment: Shipment): HTMLElement {
  render(<EditDialog shipment={shipment} vessels={[]} grades={[]} onClose={jest.fn()} onSaved={jest.fn()} />);
  return screen.getByTestId('register-edit-dialog');
}

async function settle(): Promise<void> {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

/** Replaces a field's text as a clerk does: select all, type. */
async function retype(user: UserEvent, field: HTMLElement, text: string) {
  await user.click(field);
  await user.keyboard('{Control>}a{/Control}');
  await user.paste(text);
}

/** A field of the form by its name (the field table's key); the reason by its name too. */
function field(root: HTMLElement, name: string): HTMLInputElement {
  const control = root.querySelector(`[name="${name}"]`);
  if (!(control instanceof HTMLElement)) throw new Error(`no field named ${name}`);
  return control as HTMLInputElement;
}

function described(control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

describe('a date left in a field is shown as the language writes dates; the core still gets it', () => {
  test.each([
    ['ru', '2024-05-04', '04.05.2024'],
    ['ru', '9.5.2024', '09.05.2024'],
    ['kk', '04/05/2024', '04.05.2024'],
    ['en', '9.5.2024', '2024-05-09'],
    ['en', ' 2024-05-04 ', '2024-05-04'],
  ])('in %s the entry form turns %j into %j on leaving the date', async (language, typed, shown) => {
    const { user } = await start(language as Language);
    render(<EntryForm now={() => FIXED_NOW} />);
    const date = document.getElementById('entry-blDate') as HTMLInputElement;
    await retype(user, date, typed);
    await user.tab();
    expect(date.value).toBe(shown);
  });

  test.each([['31.11.2026'], ['2024-13-01'], ['4 мая']])(
    'text that is no date (%j) stays as typed, for the refusal to quote',
    async (typed) => {
      const { user } = await start('ru');
      render(<EntryForm now={() => FIXED_NOW} />);
      const date = document.getElementById('entry-blDate') as HTMLInputElement;
      await retype(user, date, typed);
      await user.tab();
      expect(date.value).toBe(typed);
    },
  );

  test('in the edit dialog 2024-08-05 becomes 05.08.2024 on leaving it, and the core stores 2024-08-05', async () => {
    const { fake, user } = await start('ru');
    const shipment = fake.add({ blDate: '2024-08-03', vessel: 'Astana', netTonnes: '9000' });
    const dialog = editDialog(shipment);
    const date = field(dialog, 'blDate');
    await retype(user, date, '2024-08-05');
    await user.tab();
    expect(date.value).toBe('05.08.2024');
    await retype(user, field(dialog, 'reason'), 'Опечатка');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await settle();
    expect(fake.shipments.get(shipment.id)?.blDate).toBe('2024-08-05');
  });

  test('an old B/L date typed 2022-05-04 and saved with Enter is asked about as 04.05.2022, 834 days', async () => {
    const { user } = await start('ru');
    render(<EntryForm now={() => FIXED_NOW} />);
    await retype(user, document.getElementById('entry-vessel') as HTMLElement, 'Astana');
    await retype(user, document.getElementById('entry-netTonnes') as HTMLElement, '9000');
    // Typed and saved from the field itself: it is never left, so it still reads as typed.
    await retype(user, document.getElementById('entry-blDate') as HTMLElement, '2022-05-04');
    await user.keyboard('{Enter}');
    await settle();
    const question = screen.getByTestId('entry-confirm').textContent ?? '';
    expect(question).toContain('Дата коносамента 04.05.2022 — 834 дн. назад');
    expect(question).not.toContain('2022-05-04');
  });
});

describe('the edit dialog asks what the entry form asks', () => {
  /** F4 is already another cargo's; Astna is no tanker of the fleet; 14 000 t is above every deadweight. */
  async function fill(user: UserEvent, root: HTMLElement) {
    await retype(user, field(root, 'blNumber'), 'F4');
    await retype(user, field(root, 'vessel'), 'Astna');
    await retype(user, field(root, 'netTonnes'), '14000');
  }

  function findings(root: HTMLElement) {
    const names = within(root).queryByTestId(/-vessel-names$/);
    return {
      blNumber: described(field(root, 'blNumber')),
      vessel: described(field(root, 'vessel')),
      names: names
        ? within(names)
            .getAllByRole('button')
            .map((button) => button.textContent)
        : [],
    };
  }

  test('in Kazakh both show the B/L refusal and the unknown-tanker question with Astana to choose', async () => {
    const { fake, user } = await start('kk');
    fake.add({ blDate: '2024-08-01', blNumber: 'F4', vessel: 'Aktau', netTonnes: '9000' });
    const other = fake.add({ blDate: '2024-08-02', blNumber: 'F5', vessel: 'Taraz', netTonnes: '6900' });

    render(<EntryForm now={() => FIXED_NOW} />);
    const entry = screen.getByTestId('entry-form');
    await fill(user, entry);
    await user.keyboard('{Enter}');
    await settle();
    const fromEntry = findings(entry);
    expect(fromEntry.blNumber).toMatch(/F4/);
    expect(fromEntry.vessel).toMatch(/Astna/);
    expect(fromEntry.names).toContain('Astana');
    cleanup();

    const dialog = editDialog(other);
    await fill(user, dialog);
    await retype(user, field(dialog, 'reason'), 'Түзету');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await settle();
    expect(findings(dialog)).toEqual(fromEntry);
    expect(fake.amendCalls).toEqual([]);
  });
});
