/**
 * How the desktop's File menu, Ctrl/Cmd+N and the Reports screen's print button reach the screens:
 * each is a store action (store.ts), the App shows the screen it names, and the screen carries it
 * out once it is there. No window event, no timer.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TransitApi } from '../../electron/core/api';
import type { DesktopApi, MenuCommand } from '../../electron/desktop-api';
import { App } from '../../renderer/src/App';
import { useLedger } from '../../renderer/src/store';
import { progress2024 } from './dashboard/fixtures';
import { fakeApi, loadStore, resetSettings, type FakeApi } from './reports/fake-api';

jest.mock('react-chartjs-2', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  const stub = (type: string) => () => createElement('canvas', { 'data-chart': type });
  return { Line: stub('line'), Bar: stub('bar') };
});

type FakeDesktop = { [K in keyof DesktopApi]: jest.Mock };

let api: FakeApi;
let menu: ((command: MenuCommand) => void) | null;
let print: jest.Mock;

function fakeDesktop(): FakeDesktop {
  return {
    saveReport: jest.fn(async () => ({ saved: true, path: '/tmp/transit-monthly-2024.csv' })),
    importFile: jest.fn(async () => ({ cancelled: true, fileName: null, report: null, base64: null })),
    backupLedger: jest.fn(async () => ({ saved: false, path: null })),
    openDataFolder: jest.fn(async () => undefined),
    chooseBackupFolder: jest.fn(async () => ({ chosen: false, path: null })),
    onMenuCommand: jest.fn((listener: (command: MenuCommand) => void) => {
      menu = listener;
      return () => {
        menu = null;
      };
    }),
  };
}

beforeEach(() => {
  api = fakeApi();
  api.progress.mockImplementation(async () => progress2024());
  loadStore(api);
  useLedger.setState({ tab: 'dashboard', entryForm: 0 });
  resetSettings('en');
  menu = null;
  print = jest.fn();
  window.print = print;
});

afterEach(() => {
  delete window.transitDesktop;
});

async function renderApp() {
  const view = render(<App api={api as unknown as TransitApi} />);
  await screen.findByTestId('dashboard');
  return view;
}

test('File › New shipment and Ctrl+N each open a fresh entry form', async () => {
  window.transitDesktop = fakeDesktop();
  await renderApp();
  act(() => menu?.('new-shipment'));
  expect(useLedger.getState()).toMatchObject({ tab: 'entry', entryForm: 1 });
  expect(screen.getByTestId('tab-entry').getAttribute('aria-current')).toBe('page');
  fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
  expect(useLedger.getState()).toMatchObject({ tab: 'entry', entryForm: 2 });
});

test('Ctrl+N in browser mode: Alt+N starts a new shipment there, and the entry screen shows Alt+N', async () => {
  // Browser mode: no desktop bridge. Chromium keeps Ctrl+N for a new window, so Alt+N is the key.
  await renderApp();
  fireEvent.keyDown(window, { key: 'n', code: 'KeyN', altKey: true });
  expect(useLedger.getState()).toMatchObject({ tab: 'entry', entryForm: 1 });
  expect(screen.getByTestId('entry-keys-new').textContent).toBe('Alt+N');
  // A Russian layout types "т" on that key; the key's place still counts.
  fireEvent.keyDown(window, { key: 'т', code: 'KeyN', altKey: true });
  expect(useLedger.getState()).toMatchObject({ entryForm: 2 });
});

test('the desktop app keeps Ctrl+N, shows it, and leaves Alt+N to the menu bar', async () => {
  window.transitDesktop = fakeDesktop();
  await renderApp();
  fireEvent.keyDown(window, { key: 'n', code: 'KeyN', altKey: true });
  expect(useLedger.getState()).toMatchObject({ tab: 'dashboard', entryForm: 0 });
  fireEvent.keyDown(window, { key: 'т', code: 'KeyN', ctrlKey: true });
  expect(useLedger.getState()).toMatchObject({ tab: 'entry', entryForm: 1 });
  expect(screen.getByTestId('entry-keys-new').textContent).toBe('Ctrl+N');
});

test('a File-menu report command opens Reports, which carries it out once', async () => {
  const desktop = fakeDesktop();
  window.transitDesktop = desktop;
  await renderApp();
  act(() => menu?.('export-monthly'));
  await screen.findByTestId('reports-view');
  await waitFor(() =>
    expect(desktop.saveReport).toHaveBeenCalledWith({
      year: useLedger.getState().year,
      report: 'monthly',
      format: 'csv',
      separator: ',',
      language: 'en',
    }),
  );
  expect(desktop.saveReport).toHaveBeenCalledTimes(1);
  expect(useLedger.getState().reportsCommands).toEqual([]);
});

test('the menu subscription ends with the App', async () => {
  window.transitDesktop = fakeDesktop();
  const { unmount } = await renderApp();
  expect(menu).not.toBeNull();
  unmount();
  expect(menu).toBeNull();
});

test('Print on the Reports screen shows the dashboard, then opens the print dialog once', async () => {
  const user = userEvent.setup();
  await renderApp();
  await user.click(screen.getByTestId('tab-reports'));
  expect(print).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Print dashboard / Save as PDF' }));
  await screen.findByTestId('dashboard');
  expect(print).toHaveBeenCalledTimes(1);
  expect(useLedger.getState().printPending).toBe(false);
  await user.click(screen.getByTestId('tab-register'));
  await user.click(screen.getByTestId('tab-dashboard'));
  expect(print).toHaveBeenCalledTimes(1);
});

test('a print asked for before the figures have loaded waits for them', async () => {
  let answer: (value: ReturnType<typeof progress2024>) => void = () => undefined;
  api.progress.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
  useLedger.setState({ printPending: true });
  render(<App api={api as unknown as TransitApi} />);
  await waitFor(() => expect(api.progress).toHaveBeenCalled());
  expect(print).not.toHaveBeenCalled();
  await act(async () => answer(progress2024()));
  await screen.findByTestId('dashboard');
  expect(print).toHaveBeenCalledTimes(1);
});
