/**
 * The renderer's only door to the main process: `window.transit`, the typed TransitApi, one IPC
 * invoke per method, and `window.transitDesktop`, the desktop calls and the File menu. Both are
 * built from their method tables (core/api-methods.ts, desktop-api.ts); a sandboxed preload may
 * load nothing but `electron`, so the build bundles those tables into this file
 * (scripts/bundle-preload.mjs), and test/preload.test.ts runs the bundle as the sandbox would.
 * Failures reject with a plain `{code, message, field?, issues?}` object, which (unlike an Error)
 * crosses the context bridge whole; the IPC event itself is never handed to the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { TransitApi } from './core/api';
import { TRANSIT_API } from './core/api-methods';
import { remote } from './core/methods';
import {
  DESKTOP_API,
  desktopChannel,
  isMenuCommand,
  MENU_CHANNEL,
  transitChannel,
  type DesktopApi,
  type MenuCommand,
} from './desktop-api';
import type { Envelope } from './dispatch';

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** The value of an answered call, or a rejection with its plain error object. */
async function unwrap(answer: Promise<unknown>): Promise<unknown> {
  const envelope = (await answer) as Envelope;
  if (envelope.ok) return envelope.value;
  throw envelope.error;
}

export function buildTransitApi(invoke: Invoke): TransitApi {
  return remote(TRANSIT_API, (method, args) => unwrap(invoke(transitChannel(method), ...args)));
}

type Subscribe = (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => () => void;

export function buildDesktopApi(invoke: Invoke, subscribe: Subscribe): DesktopApi {
  const calls = remote(DESKTOP_API, (method, args) => unwrap(invoke(desktopChannel(method), ...args)));
  // The page gets a known command word only, never the IPC event (which would expose the sender).
  const onMenuCommand = (listener: (command: MenuCommand) => void) =>
    subscribe(MENU_CHANNEL, (_event, command) => {
      if (isMenuCommand(command)) listener(command);
    });
  return Object.freeze({ ...calls, onMenuCommand });
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
