/**
 * A window keeps up with what other windows and programs do to the ledger: the store's poll of
 * info() reloads only when something changed, every write names the ledger the window shows, a
 * write refused because another window switched the ledger reloads at once, and the banners say
 * which ledger is shown, that it is read-only and who writes, and what changed.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TransitApi } from '../../electron/core/api';
import { readPreferences } from '../../electron/core/preferences';
import { ApiError } from '../../renderer/src/client';
import { LedgerBanners } from '../../renderer/src/components/LedgerBanners';
import { failureText } from '../../renderer/src/errors';
import { dateTime } from '../../renderer/src/format';
import { translate } from '../../renderer/src/i18n';
import { POLL_MS } from '../../renderer/src/ledger-watch';
import { useSettings } from '../../renderer/src/settings';
import { useLedger } from '../../renderer/src/store';
import { useLedgerWatch } from '../../renderer/src/useLedgerWatch';
import { shipment } from './register/fixtures';
import { fakeApi, ledgerInfo, loadStore, resetSettings, type FakeApi } from './reports/fake-api';

let api: FakeApi;

/** A writer as the core reports it: the facts of its lock, worded by the window. */
const ANNA = { user: 'anna', host: 'pc', since: '2024-08-15T08:00:00.000Z' };

const switchedToDemo = () =>
  new ApiError({
    code: 'conflict',
    message:
      'Nothing was saved: this window was showing the real ledger, but the demo ledger was opened in another window.',
    issues: [
      {
        field: 'ledgerId',
        code: 'ledger.switched_to_demo',
        message: 'Nothing was saved: …',
        facts: { expected: 'real', current: 'demo-abc123' },
      },
    ],
  });

beforeEach(() => {
  api = fakeApi();
  loadStore(api);
  useLedger.setState({ notice: null });
  resetSettings('en');
});

describe('the poll', () => {
  test('nothing changed: one info() call and nothing reloaded', async () => {
    await useLedger.getState().poll();
    expect(api.info).toHaveBeenCalledTimes(1);
    expect(api.listShipments).not.toHaveBeenCalled();
    expect(api.progress).not.toHaveBeenCalled();
  });

  test('the ledger grew (another program wrote): what the window shows is reloaded', async () => {
    api.info.mockResolvedValue(ledgerInfo({ entries: 1235, shipments: 1181 }));
    api.listShipments.mockResolvedValue([shipment({ id: 'k3m9x2pq7d' })]);
    await useLedger.getState().poll();
    expect(useLedger.getState().shipments.map((s) => s.id)).toEqual(['k3m9x2pq7d']);
    expect(useLedger.getState().info?.entries).toBe(1235);
    expect(useLedger.getState().notice).toBeNull();
  });

  test('another window opened the demo: reload, a notice, and no Undo into the other ledger', async () => {
    useLedger.setState({ lastSaved: shipment({ id: 'k3m9x2pq7d' }) });
    api.info.mockResolvedValue(ledgerInfo({ ledgerId: 'demo-abc123', demo: true }));
    await useLedger.getState().poll();
    expect(useLedger.getState()).toMatchObject({
      notice: 'demo',
      lastSaved: null,
      info: { ledgerId: 'demo-abc123' },
    });
    expect(api.progress).toHaveBeenCalled();

    api.info.mockResolvedValue(ledgerInfo({ ledgerId: 'demo-def456', demo: true }));
    await useLedger.getState().poll();
    expect(useLedger.getState().notice).toBe('renewed');
    api.info.mockResolvedValue(ledgerInfo());
    await useLedger.getState().poll();
    expect(useLedger.getState().notice).toBe('real');
  });

  test('the other program let go and this window now writes: a notice says so', async () => {
    loadStore(api, { info: ledgerInfo({ readOnly: true, writer: ANNA }) });
    await useLedger.getState().poll();
    expect(useLedger.getState()).toMatchObject({
      notice: 'writable',
      info: { readOnly: false, writer: null },
    });
  });

  test('the same writer, reported afresh at each poll, is no change: nothing reloaded', async () => {
    loadStore(api, { info: ledgerInfo({ readOnly: true, writer: { ...ANNA } }) });
    api.info.mockResolvedValue(ledgerInfo({ readOnly: true, writer: { ...ANNA } }));
    await useLedger.getState().poll();
    expect(api.listShipments).not.toHaveBeenCalled();
    api.info.mockResolvedValue(
      ledgerInfo({ readOnly: true, writer: { ...ANNA, since: '2024-08-15T09:00:00.000Z' } }),
    );
    await useLedger.getState().poll();
    expect(api.listShipments).toHaveBeenCalled();
  });

  test("this window's own switch to the demo is no news", async () => {
    api.info.mockResolvedValue(ledgerInfo({ ledgerId: 'demo-abc123', demo: true }));
    api.useDemoLedger.mockResolvedValue(ledgerInfo({ ledgerId: 'demo-abc123', demo: true }));
    await useLedger.getState().switchDemo(true);
    await useLedger.getState().poll();
    expect(useLedger.getState().notice).toBeNull();
  });

  test('a server that stopped answering is said in the banner, and cleared once it answers again', async () => {
    api.info.mockRejectedValueOnce(
      new ApiError({ code: 'unreachable', message: 'Transit Ledger is not answering. Is it still running?' }),
    );
    await useLedger.getState().poll();
    expect(useLedger.getState().error?.code).toBe('unreachable');
    await useLedger.getState().poll();
    expect(useLedger.getState().error).toBeNull();
  });

  test('a window whose first load failed loads once the ledger answers', async () => {
    useLedger.setState({
      info: null,
      error: { code: 'unreachable', message: 'Transit Ledger is not answering.', issues: [] },
    });
    await useLedger.getState().poll();
    expect(useLedger.getState()).toMatchObject({ error: null, info: { ledgerId: 'real' } });
  });

  test('runs every few seconds while the window is visible', async () => {
    jest.useFakeTimers();
    try {
      function Watcher() {
        useLedgerWatch();
        return null;
      }
      const view = render(<Watcher />);
      await act(async () => {
        jest.advanceTimersByTime(POLL_MS * 2 + 10);
      });
      expect(api.info).toHaveBeenCalledTimes(2);
      view.unmount();
      jest.advanceTimersByTime(POLL_MS * 2);
      expect(api.info).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  test('on the same beat, the preferences another window saved reach this one', async () => {
    await useSettings.getState().connect(api as unknown as TransitApi);
    expect(useSettings.getState().theme).toBe('system');
    api.preferences.mockResolvedValue({
      preferences: readPreferences({ theme: 'dark', language: 'ru' }),
      stored: true,
    });
    jest.useFakeTimers();
    try {
      function Watcher() {
        useLedgerWatch();
        return null;
      }
      const view = render(<Watcher />);
      await act(async () => {
        jest.advanceTimersByTime(POLL_MS + 10);
      });
      expect(useSettings.getState()).toMatchObject({ theme: 'dark', language: 'ru' });
      view.unmount();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('writes name the ledger the window shows', () => {
  test('record, amend, void, targets and import all carry ledgerId', async () => {
    api.recordShipment.mockResolvedValue({ shipment: shipment({ id: 'k3m9x2pq7d' }), warnings: [] });
    api.amendShipment.mockResolvedValue({ shipment: shipment({ id: 'k3m9x2pq7d' }), warnings: [] });
    api.voidShipment.mockResolvedValue({ ...shipment({ id: 'k3m9x2pq7d' }), voided: true });
    const store = useLedger.getState();
    await store.record({ vessel: 'Astana' }, true);
    await store.amend('k3m9x2pq7d', { remarks: 'x' }, 'why', false);
    await store.voidShipment('k3m9x2pq7d', 'undo');
    await store.saveTargets('2200000', null);
    await store.importCsv('YSxiCg==', true);
    expect(api.recordShipment).toHaveBeenCalledWith({ vessel: 'Astana' }, { force: true, ledgerId: 'real' });
    expect(api.amendShipment).toHaveBeenCalledWith(
      'k3m9x2pq7d',
      { remarks: 'x' },
      { reason: 'why', force: false, ledgerId: 'real' },
    );
    expect(api.voidShipment).toHaveBeenCalledWith('k3m9x2pq7d', 'undo', { ledgerId: 'real' });
    expect(api.setTargets.mock.calls[0]?.[1]).toEqual({ ledgerId: 'real' });
    expect(api.importCsv.mock.calls[0]?.[1]).toEqual({ ledgerId: 'real' });
  });

  test('a save refused because another window opened the demo fails; the window shows the demo at once', async () => {
    api.recordShipment.mockRejectedValue(switchedToDemo());
    api.info.mockResolvedValue(ledgerInfo({ ledgerId: 'demo-abc123', demo: true }));
    const outcome = await useLedger.getState().record({ vessel: 'Astana' }, false);
    expect(outcome).toMatchObject({ status: 'failed', code: 'conflict' });
    expect(useLedger.getState()).toMatchObject({
      notice: 'demo',
      info: { ledgerId: 'demo-abc123', demo: true },
    });
  });
});

describe('the banners', () => {
  test('read-only names who writes: the user, the computer and since when, worded by the window', () => {
    loadStore(api, { info: ledgerInfo({ readOnly: true, writer: ANNA }) });
    render(<LedgerBanners />);
    expect(screen.getByTestId('read-only-banner').textContent).toBe(
      `Read-only: user anna on computer pc has been writing to this ledger since ${dateTime('en', ANNA.since)}. ` +
        `This window shows the new entries as they are saved.`,
    );
    expect(dateTime('en', ANNA.since)).toMatch(/^2024-08-1[456] \d\d:\d\d$/);
  });

  test("in Russian the banner is Russian: no Latin word but the user's and computer's names, a Russian date", () => {
    resetSettings('ru');
    const since = '2026-11-29T18:27:46.235Z';
    loadStore(api, {
      info: ledgerInfo({ readOnly: true, writer: { user: 'clerk', host: 'aktau-pc', since } }),
    });
    render(<LedgerBanners />);
    const text = screen.getByTestId('read-only-banner').textContent ?? '';
    expect(text).toBe(
      `Только чтение: в этот журнал сейчас пишет пользователь clerk на компьютере aktau-pc ` +
        `(с ${dateTime('ru', since)}). Это окно показывает новые записи по мере их сохранения.`,
    );
    // Whatever the viewer's time zone, the day is the 29th or 30th of November, as Russian writes dates.
    expect(dateTime('ru', since)).toMatch(/^(29|30)\.11\.2026 \d\d:\d\d$/);
    expect(text).not.toContain(since);
    expect(text.replace(/\b(clerk|aktau-pc)\b/g, '').match(/[A-Za-z]+/g)).toBeNull();
    for (const word of ['process', 'since', 'user', 'Transit Ledger']) expect(text).not.toContain(word);
  });

  test('a holder whose lock says nothing usable is "another program"; one without a time is named without it', () => {
    resetSettings('ru');
    loadStore(api, { info: ledgerInfo({ readOnly: true, writer: { user: null, host: null, since: null } }) });
    const view = render(<LedgerBanners />);
    expect(screen.getByTestId('read-only-banner').textContent).toMatch(
      /^Только чтение: в этот журнал сейчас пишет другая программа\./,
    );
    view.unmount();
    loadStore(api, {
      info: ledgerInfo({ readOnly: true, writer: { user: 'clerk', host: 'aktau-pc', since: null } }),
    });
    render(<LedgerBanners />);
    expect(screen.getByTestId('read-only-banner').textContent).toMatch(
      /^Только чтение: в этот журнал сейчас пишет пользователь clerk на компьютере aktau-pc\. /,
    );
  });

  test('Azerbaijani and Kazakh write the time as their dates are written everywhere in the app', () => {
    for (const language of ['az', 'kk'] as const) {
      resetSettings(language);
      loadStore(api, {
        info: ledgerInfo({
          readOnly: true,
          writer: { user: 'clerk', host: 'aktau-pc', since: '2026-11-29T18:27:46.235Z' },
        }),
      });
      const view = render(<LedgerBanners />);
      const text = screen.getByTestId('read-only-banner').textContent ?? '';
      expect(text).toContain(dateTime(language, '2026-11-29T18:27:46.235Z'));
      expect(text).not.toContain('{');
      view.unmount();
    }
    expect(dateTime('az', '2026-11-29T18:27:46.235Z')).toMatch(/^(29|30)\.11\.2026 \d\d:\d\d$/);
    expect(dateTime('kk', '2026-11-29T18:27:46.235Z')).toMatch(/^(29|30)\.11\.2026 \d\d:\d\d$/);
  });

  test('read-only with nobody writing says how to write here; in Russian too', () => {
    resetSettings('ru');
    loadStore(api, { info: ledgerInfo({ readOnly: true, writer: null }) });
    render(<LedgerBanners />);
    expect(screen.getByTestId('read-only-banner').textContent).toMatch(
      /^Только чтение: сейчас никакая другая программа не пишет в этот журнал\./,
    );
  });

  test('a switch made in another window is shown until dismissed', async () => {
    useLedger.setState({ notice: 'demo', info: ledgerInfo({ ledgerId: 'demo-abc123', demo: true }) });
    render(<LedgerBanners />);
    expect(screen.getByTestId('ledger-notice').textContent).toMatch(
      /^Another window opened the demo ledger: this window now shows the demo data too\./,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByTestId('ledger-notice')).toBeNull();
  });

  test("the refusal itself reads as one sentence in the person's language", () => {
    const error = switchedToDemo();
    const failure = { code: error.code, message: error.message, issues: error.issues };
    expect(failureText((key) => translate('kk', key), 'kk', failure)).toBe(
      translate('kk', 'error.issue.ledger.switched_to_demo'),
    );
    expect(translate('kk', 'error.issue.ledger.switched_to_demo')).toMatch(/^Ештеңе сақталмады/);
  });
});
