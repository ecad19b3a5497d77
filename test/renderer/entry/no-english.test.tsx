/**
 * No English on a Russian, Azerbaijani or Kazakh screen: the entry form and the edit dialog, against the
 * real core validator (FakeLedger), fed input an adversary found the translations missed.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { EditDialog } from '../../../renderer/src/register/EditDialog';
import { useSettings, type Language } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { EntryForm } from '../../../renderer/src/views/EntryForm';
import { FakeLedger, FIXED_NOW } from './fake-ledger';
import { standInForModalDialogs } from './modal-dialog';

jest.setTimeout(60_000);

standInForModalDialogs();

/** English words the core's messages use; none may show on a ru/az/kk screen. */
const ENGLISH = new RegExp(
  String.raw`(?<!\p{L})(Net|Outturn|tonnes|is|far|more|than|any|tanker|carries|` +
    String.raw`Nothing|change|every|field|given|already|has|that|value)(?!\p{L})`,
  'u',
);

async function start(language: Language, fake = new FakeLedger()) {
  localStorage.clear();
  useSettings.setState({ language, theme: 'light', separator: null, entryDefaults: {} });
  useLedger.setState({ api: null, info: null, shipments: [], lastSaved: null, error: null, year: 2024 });
  await act(() => useLedger.getState().init(fake.api, 2024));
  return { fake, user: userEvent.setup({ delay: null }) };
}

async function settle(): Promise<void> {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

function input(label: RegExp, root: HTMLElement = document.body): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => label.test(l.textContent ?? ''));
  const control = found ? document.getElementById(found.htmlFor) : null;
  if (!control) throw new Error(`no control labelled ${label}`);
  return control as HTMLInputElement;
}

async function retype(user: UserEvent, field: HTMLElement, text: string) {
  await user.click(field);
  await user.keyboard('{Control>}a{/Control}');
  if (text === '') await user.keyboard('{Delete}');
  else await user.paste(text);
}

const NET: Record<'ru' | 'az' | 'kk', RegExp> = { ru: /^Масса нетто/, az: /^Netto/, kk: /^Нетто/ };
const PORT: Record<'ru' | 'az' | 'kk', RegExp> = {
  ru: /^Порт погрузки/,
  az: /^Yükləmə limanı/,
  kk: /^Тиеу порты/,
};

describe.each(['ru', 'az', 'kk'] as const)('%s', (language) => {
  test('entry form: a figure too long to read ("10000000000000") is refused in the language', async () => {
    const { fake, user } = await start(language);
    render(<EntryForm now={() => FIXED_NOW} />);
    await retype(user, input(NET[language]), '10000000000000');
    await user.keyboard('{Enter}');
    await settle();
    await settle();
    expect(fake.recordCalls).toHaveLength(0);
    const form = screen.getByTestId('entry-form') ?? document.body;
    expect(form.textContent ?? '').not.toMatch(ENGLISH);
  });

  test('edit dialog: emptying a defaulted field (Load port) says "nothing to change" in the language', async () => {
    const { fake, user } = await start(language);
    const shipment = fake.add({ blDate: '2024-08-03', vessel: 'Astana', netTonnes: '9959.5' });
    render(
      <EditDialog shipment={shipment} vessels={[]} grades={[]} onClose={jest.fn()} onSaved={jest.fn()} />,
    );
    const dialog = screen.getByTestId('register-edit-dialog');
    const port = input(PORT[language], dialog);
    expect(port.value).toBe('Aktau');
    await retype(user, port, '');
    await retype(user, within(dialog).getByTestId('edit-reason'), 'x');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await settle();
    await settle();
    expect(dialog.textContent ?? '').not.toMatch(ENGLISH);
  });
});

/** One way of showing a date per language, in a dialog's title too. */
test.each(['ru', 'az', 'kk'] as const)(
  '%s: the edit dialog of a cargo without a B/L number names its date as the language writes it',
  async (language) => {
    const { fake } = await start(language);
    const shipment = fake.add({ blDate: '2024-08-03', vessel: 'Astana', netTonnes: '9959.5' });
    render(
      <EditDialog shipment={shipment} vessels={[]} grades={[]} onClose={jest.fn()} onSaved={jest.fn()} />,
    );
    const title = screen.getByRole('heading', { level: 2 }).textContent ?? '';
    expect(title).toContain('03.08.2024');
    expect(title).not.toContain('2024-08-03');
  },
);
