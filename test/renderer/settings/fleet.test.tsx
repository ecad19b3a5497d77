/**
 * Settings' Fleet panel: the ledger's tankers listed with IMO, deadweight and other spellings;
 * a tanker added, edited, retired from the keyboard; the core's refusals said beside their field
 * in the page's language.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_FLEET, type FleetVessel } from '../../../electron/core/fleet';
import { TransitError } from '../../../electron/core/errors';
import { ApiError } from '../../../renderer/src/client';
import { useLedger } from '../../../renderer/src/store';
import { SettingsView } from '../../../renderer/src/views/SettingsView';
import { fakeApi, loadStore, resetSettings, type FakeApi } from '../reports/fake-api';

let api: FakeApi;

beforeEach(() => {
  api = fakeApi();
  loadStore(api);
  useLedger.setState({ fleet: DEFAULT_FLEET });
  resetSettings('en');
});

const panel = () => screen.getByTestId('fleet-panel');
/** Each tanker's row: name, IMO, deadweight, other spellings, as shown. */
const rows = () =>
  [...screen.getByTestId('fleet-table').querySelectorAll('tbody tr')].map((row) =>
    [...row.children].slice(0, 4).map((cell) => cell.textContent),
  );

test("lists the ledger's tankers with IMO, deadweight in whole tonnes and other spellings", () => {
  render(<SettingsView />);
  expect(within(panel()).getByRole('heading', { name: 'Fleet' })).toBeTruthy();
  expect(rows()[0]).toEqual(['Astana', '—', '13,000', 'Астана']);
  expect(rows()[3]).toEqual(['Liwa', '—', '13,000', 'Лива']);
  expect(rows()).toHaveLength(DEFAULT_FLEET.length);
});

test('a tanker is added from the keyboard: Enter saves, the panel says so and the focus returns to Add', async () => {
  const added: FleetVessel = {
    id: 'new1',
    name: 'Atyrau',
    imo: '9301615',
    deadweightKg: 12_000_000,
    aliases: ['Атырау'],
    retired: false,
  };
  api.saveVessel.mockImplementation(async () => [...DEFAULT_FLEET, added]);
  const user = userEvent.setup({ delay: null });
  render(<SettingsView />);
  screen.getByTestId('add-vessel').focus();
  await user.keyboard('{Enter}');
  expect(document.activeElement).toBe(screen.getByLabelText('Name'));
  await user.keyboard('Atyrau');
  await user.tab();
  await user.keyboard('9301615');
  await user.tab();
  await user.keyboard('12 000');
  await user.tab();
  await user.keyboard('Атырау{Enter}');
  await screen.findByText('Atyrau saved in the fleet.');
  expect(api.saveVessel).toHaveBeenCalledWith(
    { name: 'Atyrau', imo: '9301615', deadweightTonnes: '12 000', aliases: 'Атырау', retired: false },
    { ledgerId: 'real' },
  );
  expect(rows().at(-1)).toEqual(['Atyrau', '9301615', '12,000', 'Атырау']);
  expect(screen.getByTestId('fleet-status').textContent).toBe('Atyrau saved in the fleet.');
  expect(document.activeElement).toBe(screen.getByTestId('add-vessel'));
});

test('a name another tanker answers to is refused beside the name, in Russian', async () => {
  resetSettings('ru');
  const taken = new TransitError('invalid', 'taken', [
    {
      field: 'name',
      code: 'fleet.name_taken',
      message: '"Лива" is already Liwa in the fleet.',
      facts: { value: 'Лива', vessel: 'Liwa' },
    },
  ]);
  api.saveVessel.mockRejectedValue(new ApiError(taken.toPayload()));
  const user = userEvent.setup({ delay: null });
  render(<SettingsView />);
  await user.click(screen.getByTestId('add-vessel'));
  await user.keyboard('Лива{Enter}');
  await waitFor(() => expect(document.getElementById('st-vessel-name-error')).not.toBeNull());
  const name = screen.getByLabelText('Название');
  expect(name.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById('st-vessel-name-error')?.textContent).toBe(
    '«Лива» уже значится во флоте как Liwa.',
  );
  expect(document.activeElement).toBe(name);
});

test.each([
  ['en', 'The name is 101 characters long; at most 100 are allowed.'],
  ['ru', 'В названии 101 симв.; допускается не более 100.'],
] as const)(
  'a name too long says its length and the limit beside the name, in %s',
  async (language, said) => {
    resetSettings(language);
    const long = new TransitError('invalid', 'long', [
      {
        field: 'name',
        code: 'fleet.name_too_long',
        message: 'The vessel name is 101 characters long; at most 100 are allowed.',
        facts: { length: 101, limit: 100 },
      },
    ]);
    api.saveVessel.mockRejectedValue(new ApiError(long.toPayload()));
    const user = userEvent.setup({ delay: null });
    render(<SettingsView />);
    await user.click(screen.getByTestId('add-vessel'));
    await user.keyboard('A'.repeat(101) + '{Enter}');
    await waitFor(() => expect(document.getElementById('st-vessel-name-error')).not.toBeNull());
    expect(document.getElementById('st-vessel-name-error')?.textContent).toBe(said);
  },
);

test('a name looking like a tanker’s in the other alphabet is refused naming it, in Russian', async () => {
  resetSettings('ru');
  const alike = new TransitError('invalid', 'alike', [
    {
      field: 'name',
      code: 'fleet.name_lookalike',
      message: '"Tapa3" looks the same as "Тара3"',
      facts: { value: 'Tapa3', vessel: 'Тара3', like: 'Тара3' },
    },
  ]);
  api.saveVessel.mockRejectedValue(new ApiError(alike.toPayload()));
  const user = userEvent.setup({ delay: null });
  render(<SettingsView />);
  await user.click(screen.getByTestId('add-vessel'));
  await user.keyboard('Tapa3{Enter}');
  await waitFor(() => expect(document.getElementById('st-vessel-name-error')).not.toBeNull());
  expect(document.getElementById('st-vessel-name-error')?.textContent).toBe(
    '«Tapa3» выглядит так же, как «Тара3» (Тара3 во флоте), но написано другими буквами. ' +
      'Дайте танкеру название, которое читается иначе.',
  );
});

test('Edit opens the tanker as it is; Escape cancels and gives the focus back to its Edit button', async () => {
  const user = userEvent.setup({ delay: null });
  render(<SettingsView />);
  const edit = screen.getByRole('button', { name: 'Edit Taraz' });
  await user.click(edit);
  expect(screen.getByLabelText('Deadweight, t')).toHaveProperty('value', '13000');
  expect(screen.getByLabelText('Other spellings')).toHaveProperty('value', 'Тараз');
  await user.keyboard('{Escape}');
  expect(screen.queryByTestId('vessel-form')).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Taraz' }));
  expect(api.saveVessel).not.toHaveBeenCalled();
});

test('Retire states the tanker whole with retired set, and the row says so', async () => {
  const retired = DEFAULT_FLEET.map((vessel) =>
    vessel.id === 'aktau' ? { ...vessel, retired: true } : vessel,
  );
  api.saveVessel.mockImplementation(async () => retired);
  const user = userEvent.setup({ delay: null });
  render(<SettingsView />);
  await user.click(screen.getByRole('button', { name: 'Retire Aktau' }));
  expect(api.saveVessel).toHaveBeenCalledWith(
    {
      id: 'aktau',
      name: 'Aktau',
      imo: null,
      deadweightTonnes: 13000,
      aliases: ['Актау', 'Ақтау'],
      retired: true,
    },
    { ledgerId: 'real' },
  );
  expect(await screen.findByRole('button', { name: 'Return Aktau to service' })).toBeTruthy();
  expect(rows()[1]?.[0]).toBe('Aktauretired');
  expect(screen.getByTestId('fleet-status').textContent).toMatch(/^Aktau is retired/);
});
