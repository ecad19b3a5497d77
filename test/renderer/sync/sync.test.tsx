/**
 * The app's part of sync (issue 11): the store's background rounds (every few minutes and after a
 * save, only while set up), the header's state and "Sync now", the Sync panel (the password never
 * shown back, browser mode's environment login), and the Conflicts view's "Keep this one" and
 * "Enter the right figures".
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Conflict, ConflictVersion, SyncState, TransitApi } from '../../../electron/core/api';
import { ApiError } from '../../../renderer/src/client';
import { SyncPanel } from '../../../renderer/src/settings-view/SyncPanel';
import { useLedger } from '../../../renderer/src/store';
import { SyncIndicator } from '../../../renderer/src/sync/SyncIndicator';
import { AFTER_SAVE_MS, followLedger, SYNC_INTERVAL_MS, useSync } from '../../../renderer/src/sync/syncStore';
import { Conflicts } from '../../../renderer/src/views/Conflicts';
import { shipment } from '../register/fixtures';
import { fakeApi, ledgerInfo, loadStore, resetSettings, type FakeApi } from '../reports/fake-api';

function syncState(change: Partial<SyncState> = {}): SyncState {
  return {
    station: 'AKT',
    url: 'https://couch.example.org/transit-ledger',
    insecure: false,
    lastSync: '2024-08-15T09:30:00Z',
    lastError: null,
    waiting: 2,
    conflicts: 1,
    waitingForOthers: 0,
    refused: [],
    credentials: { source: 'stored', user: 'akt', canStore: true },
    running: false,
    ...change,
  };
}

const cargo = shipment({ id: 'c1', blNumber: 'AKT-7', netKg: 9_959_500, station: 'AKT', conflict: 'fork' });
const fork: Conflict = {
  kind: 'fork',
  shipmentId: 'c1',
  shipmentIds: ['c1'],
  blNumber: 'AKT-7',
  shown: [cargo],
  versions: [
    {
      eventId: 'AKT:5',
      station: 'AKT',
      action: 'amend',
      at: '2024-08-14T10:00:00Z',
      actor: 'anna',
      reason: 'draft survey',
      shipment: { ...cargo, netKg: 9_000_000 },
    },
    {
      eventId: 'SNG:4',
      station: 'SNG',
      action: 'amend',
      at: '2024-08-14T11:00:00Z',
      actor: 'rauf',
      reason: 'outturn',
      shipment: { ...cargo, netKg: 9_100_000 },
    },
  ],
};

let api: FakeApi;

function ready(state: SyncState | null, conflicts: Conflict[] = []) {
  api.syncStatus.mockResolvedValue(state);
  api.conflicts.mockResolvedValue(conflicts);
  api.syncNow.mockImplementation(async () => ({
    pushed: 1,
    pulled: {},
    refused: 0,
    state: state ?? syncState(),
  }));
}

beforeEach(() => {
  api = fakeApi();
  loadStore(api);
  resetSettings('en');
  useSync.setState({ api: null, state: null, conflicts: [], offline: false, failure: null, running: false });
});

afterEach(() => {
  useSync.getState().stop();
  jest.useRealTimers();
});

describe('background rounds', () => {
  test('every few minutes while set up, and a round shortly after a save', async () => {
    jest.useFakeTimers();
    ready(syncState());
    await useSync.getState().start(api as unknown as TransitApi);
    expect(api.syncNow).not.toHaveBeenCalled();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(SYNC_INTERVAL_MS);
    });
    expect(api.syncNow).toHaveBeenCalledTimes(1);
    expect(api.syncNow).toHaveBeenCalledWith({ ledgerId: 'real' });
    const unfollow = followLedger();
    useLedger.setState({ info: ledgerInfo({ entries: 1236 }) });
    useLedger.setState({ info: ledgerInfo({ entries: 1238 }) });
    await jest.advanceTimersByTimeAsync(AFTER_SAVE_MS);
    // Two quick saves, one round.
    expect(api.syncNow).toHaveBeenCalledTimes(2);
    unfollow();
  });

  test('no timer when the ledger is not a station; it stops once it is not any more', async () => {
    jest.useFakeTimers();
    ready(syncState({ station: null, url: null }));
    await useSync.getState().start(api as unknown as TransitApi);
    useSync.getState().afterSave();
    await jest.advanceTimersByTimeAsync(SYNC_INTERVAL_MS * 3);
    expect(api.syncNow).not.toHaveBeenCalled();
    ready(syncState());
    await useSync.getState().reload();
    await jest.advanceTimersByTimeAsync(SYNC_INTERVAL_MS);
    expect(api.syncNow).toHaveBeenCalledTimes(1);
    ready(syncState({ station: null, url: null }));
    await useSync.getState().reload();
    await jest.advanceTimersByTimeAsync(SYNC_INTERVAL_MS * 3);
    expect(api.syncNow).toHaveBeenCalledTimes(1);
  });

  test('an unreachable server is "offline"; the next good round clears it', async () => {
    ready(syncState());
    await useSync.getState().start(api as unknown as TransitApi);
    const message = 'The sync server cannot be reached.';
    api.syncNow.mockRejectedValueOnce(
      new ApiError({ code: 'sync', message, issues: [{ field: 'sync', code: 'sync.unreachable', message }] }),
    );
    expect(await useSync.getState().syncNow()).toBe(false);
    expect(useSync.getState().offline).toBe(true);
    expect(await useSync.getState().syncNow()).toBe(true);
    expect(useSync.getState().offline).toBe(false);
  });
});

describe('the header', () => {
  test('last sync, waiting, conflicts (to the Conflicts view) and Sync now; nothing when not set up', async () => {
    ready(syncState());
    await useSync.getState().start(api as unknown as TransitApi);
    const { container } = render(<SyncIndicator />);
    const header = screen.getByTestId('sync-state');
    expect(header.textContent).toContain('Station AKT');
    expect(screen.getByTestId('sync-line').textContent).toMatch(/Synced/);
    expect(screen.getByTestId('sync-waiting').textContent).toContain('2 to send');
    await userEvent.click(screen.getByTestId('sync-now'));
    expect(api.syncNow).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByTestId('sync-conflicts'));
    expect(useLedger.getState().tab).toBe('conflicts');
    act(() => useSync.setState({ offline: true }));
    expect(screen.getByTestId('sync-line').textContent).toContain('Offline');
    act(() => useSync.setState({ state: syncState({ station: null, url: null }) }));
    expect(container.innerHTML).toBe('');
  });

  test('in Russian', async () => {
    resetSettings('ru');
    ready(syncState({ lastSync: null }));
    await useSync.getState().start(api as unknown as TransitApi);
    render(<SyncIndicator />);
    expect(screen.getByTestId('sync-line').textContent).toContain('Ещё не синхронизировано');
    expect(screen.getByTestId('sync-now').textContent).toContain('Синхронизировать');
  });
});

describe('Settings → Sync', () => {
  test('sets the ledger up with the login; the password is sent once and never shown back', async () => {
    ready(syncState({ station: null, url: null, credentials: { source: null, user: null, canStore: true } }));
    await useSync.getState().start(api as unknown as TransitApi);
    api.testConnection.mockResolvedValue({
      ok: true,
      url: 'https://couch.example.org/transit-ledger',
      failure: null,
      message: '',
    });
    api.syncSetup.mockImplementation(async () => {
      ready(syncState());
      return syncState();
    });
    render(<SyncPanel />);
    await userEvent.type(screen.getByTestId('sync-url'), 'https://couch.example.org/transit-ledger');
    await userEvent.type(screen.getByTestId('sync-station'), 'akt');
    await userEvent.type(screen.getByTestId('sync-user'), 'akt');
    await userEvent.type(screen.getByTestId('sync-password'), 's3cret');
    await userEvent.click(screen.getByTestId('sync-test'));
    expect(api.testConnection).toHaveBeenCalledWith({
      url: 'https://couch.example.org/transit-ledger',
      insecure: false,
      user: 'akt',
      password: 's3cret',
    });
    expect((await screen.findByTestId('sync-result')).textContent).toContain('lets this user in');
    await userEvent.click(screen.getByTestId('sync-save'));
    expect(api.syncSetup).toHaveBeenCalledWith(
      {
        url: 'https://couch.example.org/transit-ledger',
        station: 'AKT',
        insecure: false,
        user: 'akt',
        password: 's3cret',
      },
      { ledgerId: 'real' },
    );
    await waitFor(() => expect(screen.getByTestId('sync-station').hasAttribute('readonly')).toBe(true));
    expect((screen.getByTestId('sync-password') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('sync-login-note').textContent).toContain('A password is kept');
    expect(document.body.innerHTML).not.toContain('s3cret');
  });

  test('browser mode: the login comes from the environment and the fields are not editable', async () => {
    ready(syncState({ credentials: { source: 'environment', user: 'akt', canStore: false } }));
    await useSync.getState().start(api as unknown as TransitApi);
    render(<SyncPanel />);
    expect((screen.getByTestId('sync-password') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('sync-user') as HTMLInputElement).value).toBe('akt');
    expect(screen.getByTestId('sync-login-note').textContent).toContain('TRANSIT_SYNC_USER');
  });

  test('a refusal is shown in the person’s language', async () => {
    resetSettings('ru');
    ready(syncState());
    await useSync.getState().start(api as unknown as TransitApi);
    api.testConnection.mockResolvedValue({
      ok: false,
      url: 'x',
      failure: 'refused',
      message: 'refused the user name',
    });
    render(<SyncPanel />);
    await userEvent.click(screen.getByTestId('sync-test'));
    expect((await screen.findByTestId('sync-result')).textContent).toContain(
      'отклонил имя пользователя или пароль',
    );
  });
});

describe('Conflicts', () => {
  test('both versions side by side; "Keep this one" amends with that version’s figures', async () => {
    ready(syncState(), [fork]);
    await useSync.getState().start(api as unknown as TransitApi);
    api.amendShipment.mockResolvedValue({ shipment: cargo, warnings: [] });
    render(<Conflicts />);
    const sng = within(await screen.findByTestId('conflict-version-SNG'));
    expect(sng.getByText(/9[\s ,.]?100/).className).toBe('cf-differs');
    expect(screen.getByTestId('conflict-version-AKT').textContent).toContain('draft survey');
    await userEvent.click(screen.getByTestId('conflict-keep-SNG'));
    expect(api.amendShipment).toHaveBeenCalledWith(
      'c1',
      expect.objectContaining({ netTonnes: '9100', vessel: cargo.vessel }),
      expect.objectContaining({ reason: 'Conflict resolved: kept the version of SNG (SNG:4)', force: true }),
    );
  });

  test('a version that voids the cargo is kept by a void; a duplicate B/L by voiding the other cargo', async () => {
    const voiding: Conflict = {
      ...fork,
      versions: [
        fork.versions[0] as ConflictVersion,
        { ...(fork.versions[1] as ConflictVersion), action: 'void', shipment: { ...cargo, voided: true } },
      ],
    };
    const twin = shipment({ id: 'c2', blNumber: 'AKT-7', station: 'SNG', conflict: 'duplicate-bl' });
    const duplicate: Conflict = {
      kind: 'duplicate-bl',
      shipmentId: 'c1',
      shipmentIds: ['c1', 'c2'],
      blNumber: 'AKT-7',
      shown: [cargo, twin],
      versions: [
        {
          eventId: 'AKT:3',
          station: 'AKT',
          action: 'record',
          at: '2024-08-14T10:00:00Z',
          actor: 'anna',
          reason: null,
          shipment: cargo,
        },
        {
          eventId: 'SNG:2',
          station: 'SNG',
          action: 'record',
          at: '2024-08-14T11:00:00Z',
          actor: 'rauf',
          reason: null,
          shipment: twin,
        },
      ],
    };
    ready(syncState({ conflicts: 2 }), [voiding, duplicate]);
    await useSync.getState().start(api as unknown as TransitApi);
    api.voidShipment.mockResolvedValue(cargo);
    render(<Conflicts />);
    const [first, second] = await screen.findAllByTestId('conflict-c1');
    await userEvent.click(within(first as HTMLElement).getByTestId('conflict-keep-SNG'));
    expect(api.voidShipment).toHaveBeenLastCalledWith('c1', expect.stringContaining('SNG'), {
      ledgerId: 'real',
    });
    await userEvent.click(within(second as HTMLElement).getByTestId('conflict-keep-AKT'));
    expect(api.voidShipment).toHaveBeenLastCalledWith('c2', expect.stringContaining('AKT'), {
      ledgerId: 'real',
    });
    expect(screen.getByText('B/L AKT-7 recorded twice')).toBeTruthy();
  });

  test('"Enter the right figures" opens the edit dialog on the cargo as it counts meanwhile', async () => {
    ready(syncState(), [fork]);
    await useSync.getState().start(api as unknown as TransitApi);
    render(<Conflicts />);
    await userEvent.click(await screen.findByTestId('conflict-enter'));
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });

  test('none open', async () => {
    ready(syncState({ conflicts: 0 }), []);
    await useSync.getState().start(api as unknown as TransitApi);
    render(<Conflicts />);
    expect((await screen.findByTestId('conflicts-none')).textContent).toContain('No open conflicts.');
  });
});
