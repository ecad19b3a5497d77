/**
 * A vessel typed wrong, in the entry form: the core's question about a name the fleet does not
 * know, with its closest names as buttons beside the field and in the question; a known spelling
 * saved and carried over as the fleet names the tanker; a cargo above its deadweight asked about.
 * The fake ledger runs the core's own validator on the default fleet.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { DEFAULT_FLEET, type FleetVessel } from '../../../electron/core/fleet';
import type { Language } from '../../../renderer/src/settings';
import { useSettings } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { EntryForm } from '../../../renderer/src/views/EntryForm';
import { FakeLedger, FIXED_NOW } from './fake-ledger';
import { standInForModalDialogs } from './modal-dialog';

jest.setTimeout(30_000);

standInForModalDialogs();

async function setup(language: Language = 'en'): Promise<{ fake: FakeLedger; user: UserEvent }> {
  localStorage.clear();
  useSettings.setState({ language, theme: 'light', separator: null, entryDefaults: {} });
  useLedger.setState({ api: null, info: null, shipments: [], lastSaved: null, error: null, year: 2024 });
  const fake = new FakeLedger({ fleet: DEFAULT_FLEET });
  await act(() => useLedger.getState().init(fake.api, 2024));
  const user = userEvent.setup({ delay: null });
  render(<EntryForm now={() => FIXED_NOW} />);
  return { fake, user };
}

async function settle(): Promise<void> {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

/** Waits out the pause after leaving a field, and the core's answer to the check it starts. */
async function afterCheck(): Promise<void> {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 400)));
  await settle();
}

const vessel = () => document.getElementById('entry-vessel') as HTMLInputElement;
const tonnes = () => document.getElementById('entry-netTonnes') as HTMLInputElement;
const dialog = () => screen.getByTestId('entry-confirm');

/** Fills the vessel and the tonnes (the B/L date is today's), leaving the focus in the tonnes. */
async function typeCargo(user: UserEvent, name: string, netTonnes = '9959,5') {
  await user.click(vessel());
  await user.keyboard(name);
  await user.click(tonnes());
  await user.keyboard(netTonnes);
}

test('leaving "Astna" shows the question beside the vessel, Astana as a button that fills the field', async () => {
  const { fake, user } = await setup();
  await typeCargo(user, 'Astna');
  await afterCheck();
  const names = screen.getByTestId('entry-vessel-names');
  expect(names.getAttribute('role')).toBe('group');
  expect(names.getAttribute('aria-label')).toBe('Which tanker did you mean?');
  expect(document.getElementById('entry-vessel-note')?.textContent).toBe(
    'Vessel “Astna” is not in the fleet. Did you mean Astana? Choose it, or save anyway to keep the name as typed.',
  );
  await user.click(within(names).getByRole('button', { name: 'Astana' }));
  expect(vessel().value).toBe('Astana');
  expect(document.activeElement).toBe(vessel());
  await user.keyboard('{Enter}');
  await settle();
  expect(fake.recordCalls).toEqual([expect.objectContaining({ force: false })]);
  expect(fake.live()[0]?.vessel).toBe('Astana');
});

test('saving "Astna" asks before anything is saved; choosing Astana in the question goes back with it', async () => {
  const { fake, user } = await setup();
  await typeCargo(user, 'Astna');
  await user.keyboard('{Enter}');
  await settle();
  expect(dialog().hasAttribute('open')).toBe(true);
  expect(fake.recordCalls).toHaveLength(0);
  await user.click(within(dialog()).getByRole('button', { name: 'Astana' }));
  await settle();
  expect(dialog().hasAttribute('open')).toBe(false);
  expect(vessel().value).toBe('Astana');
  expect(document.activeElement).toBe(vessel());
  await user.keyboard('{Enter}');
  await settle();
  expect(fake.live().map((s) => s.vessel)).toEqual(['Astana']);
});

test('"Save anyway" keeps a new name as typed, confirmed', async () => {
  const { fake, user } = await setup();
  await typeCargo(user, 'Atyrau');
  await user.keyboard('{Enter}');
  await settle();
  expect(within(dialog()).queryByRole('group')).toBeNull();
  expect(within(dialog()).getByText(/Vessel “Atyrau” is not in the fleet\. Check the name/)).toBeTruthy();
  await user.click(screen.getByTestId('entry-confirm-save-anyway'));
  await settle();
  expect(fake.recordCalls.map((call) => call.force)).toEqual([true]);
  expect(fake.live()[0]?.vessel).toBe('Atyrau');
});

test('"Лива" is saved as Liwa without a question, and the next cargo starts with Liwa', async () => {
  const { fake, user } = await setup();
  await typeCargo(user, 'Лива');
  await user.keyboard('{Enter}');
  await settle();
  expect(fake.recordCalls.map((call) => call.force)).toEqual([false]);
  expect(fake.live()[0]?.vessel).toBe('Liwa');
  expect(vessel().value).toBe('Liwa');
});

test('in Russian: the question, its names and the deadweight are said the Russian way', async () => {
  const { user } = await setup('ru');
  await typeCargo(user, 'Тарз', '13 500');
  await user.keyboard('{Enter}');
  await settle();
  const text = (dialog().textContent ?? '').replace(/\s/g, ' ');
  expect(text).toContain('Танкера «Тарз» нет во флоте. Может быть, Taraz?');
  expect(within(dialog()).getByRole('group', { name: 'Какой танкер вы имели в виду?' })).toBeTruthy();
  await user.click(within(dialog()).getByRole('button', { name: 'Taraz' }));
  await user.keyboard('{Enter}');
  await settle();
  expect((dialog().textContent ?? '').replace(/\s/g, ' ')).toContain(
    '13 500,000 т — больше, чем берёт Taraz (дедвейт 13 000 т).',
  );
});

test('a vessel in mixed letters reading as two tankers is asked about in Russian, each one a button', async () => {
  localStorage.clear();
  useSettings.setState({ language: 'ru', theme: 'light', separator: null, entryDefaults: {} });
  useLedger.setState({ api: null, info: null, shipments: [], lastSaved: null, error: null, year: 2024 });
  const named = (id: string, name: string) => ({
    ...(DEFAULT_FLEET[0] as FleetVessel),
    id,
    name,
    aliases: [],
  });
  // `Tapa3` in Latin letters and `Тара3` in Cyrillic ones, both in a fleet written before the rule.
  const fleet = [...DEFAULT_FLEET, named('latin', 'Tapa3'), named('cyrillic', '\u0422\u0430\u0440\u04303')];
  const fake = new FakeLedger({ fleet });
  await act(() => useLedger.getState().init(fake.api, 2024));
  const user = userEvent.setup({ delay: null });
  render(<EntryForm now={() => FIXED_NOW} />);
  await typeCargo(user, 'T\u0430\u0440\u04303');
  await afterCheck();
  expect(document.getElementById('entry-vessel-note')?.textContent).toBe(
    'Судно «T\u0430\u0440\u04303» читается как несколько танкеров флота: Tapa3, \u0422\u0430\u0440\u04303. ' +
      'Выберите нужный; в названии могут быть смешаны латинские и русские буквы.',
  );
  const names = within(screen.getByTestId('entry-vessel-names')).getAllByRole('button');
  expect(names.map((button) => button.textContent)).toEqual(['Tapa3', '\u0422\u0430\u0440\u04303']);
  await user.click(names[1] as HTMLElement);
  expect(vessel().value).toBe('\u0422\u0430\u0440\u04303');
});
