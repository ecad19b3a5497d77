/**
 * What a window shows of the other stations (issue 11): the dashboard's count of the year's
 * conflicted cargoes with the way to the Conflicts view; the last sync failure, stored as a code
 * with its facts, worded in the page's language (never the core's English); and figures that
 * follow a sync another window or program ran, through the same watch as any other change.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { SyncState, TransitApi } from '../../../electron/core/api';
import { SYNC_FAILURE_CODES } from '../../../electron/core/sync/failure';
import { translate } from '../../../renderer/src/i18n';
import { hasChanged } from '../../../renderer/src/ledger-watch';
import { SyncPanel } from '../../../renderer/src/settings-view/SyncPanel';
import { useLedger } from '../../../renderer/src/store';
import { SyncIndicator } from '../../../renderer/src/sync/SyncIndicator';
import { followLedger, useSync } from '../../../renderer/src/sync/syncStore';
import { syncErrorText } from '../../../renderer/src/sync/text';
import { Dashboard } from '../../../renderer/src/views/Dashboard';
import { ledgerInfo as dashboardInfo, progress2024 } from '../dashboard/fixtures';
import { fakeApi, ledgerInfo, loadStore, resetSettings, type FakeApi } from '../reports/fake-api';

jest.mock('react-chartjs-2', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  return { Line: () => createElement('canvas'), Bar: () => createElement('canvas') };
});

const SERVER = 'https://couch.example.org/transit-ledger';

function syncState(change: Partial<SyncState> = {}): SyncState {
  return {
    station: 'AKT',
    url: SERVER,
    insecure: false,
    lastSync: '2024-08-15T09:30:00Z',
    lastError: null,
    waiting: 0,
    conflicts: 0,
    waitingForOthers: 0,
    refused: [],
    credentials: { source: 'environment', user: 'akt', canStore: false },
    running: false,
    ...change,
  };
}

let api: FakeApi;

beforeEach(() => {
  api = fakeApi();
  loadStore(api);
  resetSettings('en');
  useSync.setState({ api: null, state: null, conflicts: [], offline: false, failure: null, running: false });
});

afterEach(() => useSync.getState().stop());

describe('the dashboard', () => {
  function show(conflicted: number | undefined) {
    useLedger.setState({ progress: { ...progress2024(), conflicted }, info: dashboardInfo(), year: 2024 });
    render(<Dashboard onNewShipment={() => undefined} />);
  }

  test('counts the year’s cargoes in conflict, says how they count, and leads to the Conflicts view', () => {
    show(3);
    const notice = screen.getByTestId('dashboard-conflicts');
    expect(notice.textContent).toContain('Cargoes of 2024 in conflict between stations: 3.');
    expect(notice.textContent).toContain('last agreed version');
    fireEvent.click(screen.getByRole('button', { name: 'Review conflicts' }));
    expect(useLedger.getState().tab).toBe('conflicts');
  });

  test('says nothing of conflicts when there are none, or the ledger is no station’s', () => {
    show(0);
    expect(screen.queryByTestId('dashboard-conflicts')).toBeNull();
  });

  test('says it in Russian on a Russian page', () => {
    resetSettings('ru');
    show(2);
    expect(screen.getByTestId('dashboard-conflicts').textContent).toContain(
      'Грузов 2024 года в конфликте между пунктами: 2.',
    );
    expect(screen.getByRole('button', { name: 'Открыть конфликты' })).toBeTruthy();
  });
});

describe('the last sync failure, as a code with facts', () => {
  const refused = { code: 'sync.refused.status', facts: { server: SERVER, status: 502 } };

  test('every language words each code the core can give, with its facts and no placeholder left', () => {
    const codes = SYNC_FAILURE_CODES;
    const facts = {
      server: SERVER,
      status: 502,
      id: 'AKT:7',
      station: 'AKT',
      why: 'timeout',
      host: 'couch.example.net',
    };
    for (const language of ['en', 'ru', 'az', 'kk'] as const) {
      const t = (key: string, vars?: Record<string, string | number>) => translate(language, key, vars);
      for (const code of codes) {
        const said = syncErrorText(t, { code, facts });
        expect(said).not.toBe(t('error.sync'));
        expect(said).not.toMatch(/\{\w+\}/);
      }
    }
  });

  test('the header and the Sync panel say a stored failure in Russian, never the core’s English', async () => {
    resetSettings('ru');
    api.syncStatus.mockResolvedValue(syncState({ lastSync: null, lastError: refused }));
    api.conflicts.mockResolvedValue([]);
    await useSync.getState().start(api as unknown as TransitApi);
    render(
      <>
        <SyncIndicator />
        <SyncPanel />
      </>,
    );
    const expected = `Сервер синхронизации ${SERVER} отклонил запрос (HTTP 502).`;
    expect(screen.getByTestId('sync-line').getAttribute('title')).toBe(expected);
    expect(screen.getByTestId('sync-line').textContent).toBe(translate('ru', 'sync.header.failed'));
    expect(screen.getByTestId('sync-panel-error').textContent).toBe(
      `Последняя попытка не удалась: ${expected}`,
    );
    expect(document.body.textContent).not.toMatch(/refused|the request/);
  });

  test('a failure to reach the server, left by another window’s round, reads as offline', async () => {
    api.syncStatus.mockResolvedValue(
      syncState({ lastError: { code: 'sync.unreachable', facts: { server: SERVER, why: 'timeout' } } }),
    );
    await useSync.getState().start(api as unknown as TransitApi);
    render(<SyncIndicator />);
    expect(screen.getByTestId('sync-line').textContent).toBe('Offline');
  });

  test('a code this page has no sentence for says that sync did not complete', () => {
    const t = (key: string) => translate('kk', key);
    expect(syncErrorText(t, { code: 'sync.from_a_newer_version', facts: {} })).toBe(t('error.sync'));
  });
});

describe('figures after a sync that pulled entries', () => {
  test('received entries changing is a change the window reloads for, its own journal unchanged', () => {
    const before = ledgerInfo({ entries: 40, received: 12 });
    expect(hasChanged(before, ledgerInfo({ entries: 40, received: 12 }))).toBe(false);
    expect(hasChanged(before, ledgerInfo({ entries: 40, received: 15 }))).toBe(true);
  });

  test('a poll that finds entries received reloads the figures and the sync state, and starts no round', async () => {
    jest.useFakeTimers();
    try {
      api.syncStatus.mockResolvedValue(syncState());
      api.conflicts.mockResolvedValue([]);
      await useSync.getState().start(api as unknown as TransitApi);
      const unfollow = followLedger();
      useLedger.setState({ info: ledgerInfo({ entries: 40, received: 12 }) });
      api.info.mockResolvedValue(ledgerInfo({ entries: 40, received: 15 }));
      api.listShipments.mockClear();
      api.syncStatus.mockClear();
      await act(() => useLedger.getState().poll());
      expect(api.listShipments).toHaveBeenCalled();
      expect(useLedger.getState().info?.received).toBe(15);
      expect(api.syncStatus).toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(10_000);
      expect(api.syncNow).not.toHaveBeenCalled();
      unfollow();
    } finally {
      jest.useRealTimers();
    }
  });
});
