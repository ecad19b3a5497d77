/**
 * The renderer's only door to the main process: `window.transit`, the typed TransitApi, one IPC
 * invoke per method. A sandboxed preload may load nothing but `electron`, so the method list is
 * written out here; test/preload.test.ts keeps it equal to the contract's. Failures reject with a
 * plain `{code, message, field?, issues?}` object, which (unlike an Error) crosses the context
 * bridge whole; the IPC event itself is never handed to the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { TransitApi } from './core/api';
import type { DesktopApi } from './desktop-api';
import type { Envelope } from './dispatch';

export const PRELOAD_METHODS = [
  'info',
  'recordShipment',
  'amendShipment',
  'voidShipment',
  'shipmentHistory',
  'listShipments',
  'getTargets',
  'setTargets',
  'getBaseline',
  'setBaseline',
  'progress',
  'exportReport',
  'importCsv',
  'verify',
  'useDemoLedger',
] as const satisfies readonly (keyof TransitApi)[];

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

export function buildTransitApi(invoke: Invoke): TransitApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of PRELOAD_METHODS) {
    api[method] = async (...args: unknown[]) => {
      const envelope = (await invoke(`transit:${method}`, ...args)) as Envelope;
      if (envelope.ok) return envelope.value;
      throw envelope.error;
    };
  }
  return Object.freeze(api) as unknown as TransitApi;
}

export const PRELOAD_DESKTOP_METHODS = ['saveReport', 'importFile', 'backupLedger', 'openDataFolder'] as const satisfies readonly (keyof DesktopApi)[];
const MENU_CHANNEL = 'transit-desktop:menu';

type Subscribe = (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => () => void;

export function buildDesktopApi(invoke: Invoke, subscribe: Subscribe): DesktopApi {
  const api: Record<string, unknown> = {};
  for (const method of PRELOAD_DESKTOP_METHODS) {
    api[method] = async (...args: unknown[]) => {
      const envelope = (await invoke(`transit-desktop:${method}`, ...args)) as Envelope;
      if (envelope.ok) return envelope.value;
      throw envelope.error;
    };
  }
  // The page gets the command word only, never the IPC event (which would expose the sender).
  api.onMenuCommand = (listener: (command: string) => void) =>
    subscribe(MENU_CHANNEL, (_event, command) => {
      if (typeof command === 'string') listener(command);
    });
  return Object.freeze(api) as unknown as DesktopApi;
}

// Only when loaded as a preload: tests import the builders without an Electron renderer.
if (typeof contextBridge?.exposeInMainWorld === 'function' && process.type === 'renderer') {
  const invoke: Invoke = (channel, ...args) => ipcRenderer.invoke(channel, ...args);
  contextBridge.exposeInMainWorld('transit', buildTransitApi(invoke));
  contextBridge.exposeInMainWorld(
    'transitDesktop',
    buildDesktopApi(invoke, (channel, listener) => {
      ipcRenderer.on(channel, listener);
      return () => {
        ipcRenderer.removeListener(channel, listener);
      };
    }),
  );
}
