/**
 * The preload's exposed surface as a specification: `window.transit` is the TransitApi, method
 * for method, built from the one method table (core/api-methods.ts), and cannot drift from the
 * interface — checked at run time here and at compile time by `npm run typecheck` (the type
 * assertions below stop compiling if the table and the interface disagree on a name or an argument
 * count). Failures must cross the context bridge whole, so they are plain objects, and the page
 * never receives an IPC event. The bundle the build makes is run as Electron's sandbox runs it.
 *
 * The real 'electron' package cannot be required in Node (it throws without its binary), so it is
 * replaced by a stand-in whose contextBridge has no exposeInMainWorld: the preload's own guard
 * then skips exposing anything, and the builders are tested directly.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { TRANSIT_API, TRANSIT_API_METHODS, type TransitApi, type TransitMethod } from '../electron/core/api';
import type { Implementation, MethodTable } from '../electron/core/methods';
import {
  DESKTOP_API,
  DESKTOP_METHODS,
  MENU_CHANNEL,
  MENU_COMMANDS,
  type DesktopApi,
  type DesktopCalls,
  type MenuCommand,
} from '../electron/desktop-api';
import type { Envelope } from '../electron/dispatch';
import { buildDesktopApi, buildTransitApi } from '../electron/preload';
import { tempDir } from './support/temp';

jest.mock('electron', () => ({ contextBridge: {}, ipcRenderer: {} }));

// ---------------------------------------------------------------------------------------------
// Compile-time: these lines stop `tsc -p tsconfig.node.json` if the table and the interface drift.

/** True only when A and B are the same type (not merely assignable one way). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type ListedMethod = (typeof TRANSIT_API_METHODS)[number];
type Built = ReturnType<typeof buildTransitApi>;

/** The table is keyed by exactly the interface's methods, and the list is its keys. */
const assertTableKeys: Equals<keyof typeof TRANSIT_API, keyof TransitApi> = true;
const assertListNames: Equals<ListedMethod, keyof TransitApi> = true;
const assertMethodType: Equals<TransitMethod, keyof TransitApi> = true;
/** What a transport builds from the table is the interface, both ways. */
const assertBuiltEqualsApi: Equals<Built, TransitApi> = true;
const assertImplementationIsApi: [Implementation<TransitApi>] extends [TransitApi] ? true : false = true;
const assertApiIsImplementation: [TransitApi] extends [Implementation<TransitApi>] ? true : false = true;
/** An argument count is the parameters' own: recordShipment(input, options?) takes 1 to 2. */
const assertArityFromSignature: Equals<MethodTable<TransitApi>['recordShipment'], readonly [min: 1, max: 2]> =
  true;

// A table that drifts from its interface does not compile (each line below must be an error).
// @ts-expect-error a method the interface does not have
const extraMethod: MethodTable<TransitApi> = { ...TRANSIT_API, exportEverything: [0, 0] };
// @ts-expect-error an argument count the parameters do not allow
const wrongArity: MethodTable<TransitApi> = { ...TRANSIT_API, recordShipment: [1, 3] };
// @ts-expect-error a required argument counted as optional
const wrongMinimum: MethodTable<TransitApi> = { ...TRANSIT_API, amendShipment: [1, 3] };
const { verify: _verify, ...withoutVerify } = TRANSIT_API;
// @ts-expect-error a method of the interface missing from the table
const missingMethod: MethodTable<TransitApi> = withoutVerify;

type BuiltDesktop = ReturnType<typeof buildDesktopApi>;
const assertDesktopTableKeys: Equals<keyof typeof DESKTOP_API, keyof DesktopCalls> = true;
const assertDesktopListNames: Equals<(typeof DESKTOP_METHODS)[number], keyof DesktopCalls> = true;
const assertBuiltDesktopEqualsApi: Equals<BuiltDesktop, DesktopApi> = true;
/** The menu listener's argument is a known command word: the page is never typed to receive an event. */
const assertMenuListenerTakesCommand: Equals<
  Parameters<Parameters<DesktopApi['onMenuCommand']>[0]>,
  [command: MenuCommand]
> = true;

test('the compile-time assertions hold (they are checked by npm run typecheck)', () => {
  expect([
    assertTableKeys,
    assertListNames,
    assertMethodType,
    assertBuiltEqualsApi,
    assertImplementationIsApi,
    assertApiIsImplementation,
    assertArityFromSignature,
    assertDesktopTableKeys,
    assertDesktopListNames,
    assertBuiltDesktopEqualsApi,
    assertMenuListenerTakesCommand,
  ]).toEqual(Array.from({ length: 11 }, () => true));
  // The drifting tables are still objects at run time; only the compiler refuses them.
  expect(
    [extraMethod, wrongArity, wrongMinimum, missingMethod].every((table) => typeof table === 'object'),
  ).toBe(true);
});

// ---------------------------------------------------------------------------------------------

interface InvokeCall {
  channel: string;
  args: unknown[];
}

/** An ipcRenderer.invoke stand-in: records each call and answers with the given envelope. */
function fakeInvoke(
  answer: (channel: string, args: unknown[]) => Envelope = (channel, args) => ({
    ok: true,
    value: { channel, args },
  }),
) {
  const calls: InvokeCall[] = [];
  const invoke = async (channel: string, ...args: unknown[]): Promise<unknown> => {
    calls.push({ channel, args });
    return answer(channel, args);
  };
  return { invoke, calls };
}

const sorted = (list: readonly string[]) => [...list].sort();

describe('window.transit mirrors TransitApi', () => {
  test('TRANSIT_API_METHODS is the keys of the table, in order, without repeats, each with a [min, max] count', () => {
    expect(TRANSIT_API_METHODS).toEqual(Object.keys(TRANSIT_API));
    expect(new Set(TRANSIT_API_METHODS).size).toBe(TRANSIT_API_METHODS.length);
    for (const method of TRANSIT_API_METHODS) {
      const [min, max] = TRANSIT_API[method];
      expect(Number.isInteger(min) && Number.isInteger(max) && min >= 0 && min <= max).toBe(true);
    }
  });

  test('buildTransitApi has exactly those own keys, each a function', () => {
    const api = buildTransitApi(fakeInvoke().invoke);
    expect(sorted(Object.keys(api))).toEqual(sorted(TRANSIT_API_METHODS));
    expect(sorted(Reflect.ownKeys(api).map(String))).toEqual(sorted(TRANSIT_API_METHODS));
    for (const method of TRANSIT_API_METHODS) expect(typeof api[method]).toBe('function');
  });

  test('the api is frozen: methods cannot be replaced, added or removed', () => {
    const api = buildTransitApi(fakeInvoke().invoke) as unknown as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      api.recordShipment = () => Promise.resolve('hijacked');
    }).toThrow(TypeError);
    expect(() => {
      api.extra = 1;
    }).toThrow(TypeError);
    expect(() => {
      delete api.info;
    }).toThrow(TypeError);
    expect(typeof api.info).toBe('function');
  });

  test.each(TRANSIT_API_METHODS.map((m) => [m]))(
    '%s invokes channel transit:%s with exactly the given arguments',
    async (method) => {
      const { invoke, calls } = fakeInvoke();
      const api = buildTransitApi(invoke) as unknown as Record<
        string,
        (...args: unknown[]) => Promise<unknown>
      >;
      const args = [{ year: 2024 }, 'second', { force: true }];
      const value = await (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      expect(calls).toEqual([{ channel: `transit:${method}`, args }]);
      expect(value).toEqual({ channel: `transit:${method}`, args });

      await (api[method] as () => Promise<unknown>)();
      expect(calls[1]).toEqual({ channel: `transit:${method}`, args: [] });
    },
  );

  test('an ok envelope resolves with its value, whatever it is', async () => {
    for (const value of [null, 0, '', false, [], { shipments: 3 }]) {
      const api = buildTransitApi(fakeInvoke(() => ({ ok: true, value })).invoke);
      await expect(api.info()).resolves.toEqual(value);
    }
  });

  test('an {ok:false} envelope rejects with exactly the plain error object, not an Error', async () => {
    const error = {
      code: 'invalid' as const,
      message: 'Net tonnes "abc" must be a number.',
      field: 'netTonnes',
      issues: [{ field: 'netTonnes', code: 'netTonnes.invalid', message: 'x' }],
    };
    const api = buildTransitApi(fakeInvoke(() => ({ ok: false, error })).invoke);
    const rejected = await api.recordShipment({ netTonnes: 'abc' }).then(
      () => 'resolved',
      (reason: unknown) => reason,
    );
    expect(rejected).toBe(error);
    expect(rejected).not.toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(rejected)).toBe(Object.prototype);
    expect(rejected).toEqual({
      code: 'invalid',
      message: 'Net tonnes "abc" must be a number.',
      field: 'netTonnes',
      issues: [{ field: 'netTonnes', code: 'netTonnes.invalid', message: 'x' }],
    });
  });

  test('a forbidden answer rejects the same way', async () => {
    const error = { code: 'forbidden' as const, message: 'This page may not use the ledger.' };
    const api = buildTransitApi(fakeInvoke(() => ({ ok: false, error })).invoke);
    await expect(api.progress({ year: 2024 })).rejects.toBe(error);
  });

  test('a failing invoke (the main process gone) rejects rather than resolving', async () => {
    const api = buildTransitApi(async () => {
      throw new Error('Error invoking remote method');
    });
    await expect(api.verify()).rejects.toThrow('Error invoking remote method');
  });
});

describe('window.transitDesktop', () => {
  const noSubscribe = () => () => undefined;

  test('DESKTOP_METHODS is the keys of the desktop table', () => {
    expect(DESKTOP_METHODS).toEqual(Object.keys(DESKTOP_API));
  });

  test('has exactly the desktop methods and onMenuCommand, frozen', () => {
    const api = buildDesktopApi(fakeInvoke().invoke, noSubscribe);
    expect(sorted(Object.keys(api))).toEqual(sorted([...DESKTOP_METHODS, 'onMenuCommand']));
    for (const key of Object.keys(api))
      expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  test.each(DESKTOP_METHODS.map((m) => [m]))('%s invokes channel transit-desktop:%s', async (method) => {
    const { invoke, calls } = fakeInvoke();
    const api = buildDesktopApi(invoke, noSubscribe) as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    await (api[method] as (...a: unknown[]) => Promise<unknown>)({ dryRun: true });
    expect(calls).toEqual([{ channel: `transit-desktop:${method}`, args: [{ dryRun: true }] }]);
  });

  test('a desktop failure rejects with the plain error object', async () => {
    const error = { code: 'io' as const, message: 'The disk refused the write.' };
    const api = buildDesktopApi(fakeInvoke(() => ({ ok: false, error })).invoke, noSubscribe);
    await expect(api.backupLedger()).rejects.toBe(error);
  });

  function subscribed() {
    const subscriptions: { channel: string; listener: (event: unknown, ...args: unknown[]) => void }[] = [];
    const unsubscribe = jest.fn();
    const subscribe = (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      subscriptions.push({ channel, listener });
      return unsubscribe;
    };
    const api = buildDesktopApi(fakeInvoke().invoke, subscribe);
    const page = jest.fn();
    const returned = api.onMenuCommand(page);
    const [only] = subscriptions;
    if (!only) throw new Error('onMenuCommand did not subscribe');
    return { subscriptions, unsubscribe, page, returned, listener: only.listener };
  }

  test('onMenuCommand subscribes once, to the menu channel', () => {
    const { subscriptions } = subscribed();
    expect(subscriptions.map((s) => s.channel)).toEqual([MENU_CHANNEL]);
    expect(MENU_CHANNEL).toBe('transit-desktop:menu');
  });

  test('the page callback receives only the command string, never the event', () => {
    const { listener, page } = subscribed();
    const event = { sender: { send: () => undefined }, senderId: 0, ports: [] };
    listener(event, 'new-shipment');
    expect(page).toHaveBeenCalledTimes(1);
    expect(page.mock.calls[0]).toEqual(['new-shipment']);
    expect(page.mock.calls[0]).toHaveLength(1);
    listener(event, 'import', 'extra', { more: true });
    expect(page.mock.calls[1]).toEqual(['import']);
  });

  test.each([
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
    ['an object', { command: 'import' }],
    ['a list', ['import']],
  ])('a non-string command (%s) is ignored', (_label, command) => {
    const { listener, page } = subscribed();
    listener({}, command);
    expect(page).not.toHaveBeenCalled();
  });

  test.each([
    ['a word the menu does not send', 'format-disk'],
    ['a prototype key', '__proto__'],
    ['a different case', 'IMPORT'],
  ])('%s is ignored', (_label, command) => {
    const { listener, page } = subscribed();
    listener({}, command);
    expect(page).not.toHaveBeenCalled();
  });

  test.each(MENU_COMMANDS.map((command) => [command]))('the menu command %s reaches the page', (command) => {
    const { listener, page } = subscribed();
    listener({}, command);
    expect(page.mock.calls).toEqual([[command]]);
  });

  test('a command given only as the event is ignored', () => {
    const { listener, page } = subscribed();
    listener('import');
    expect(page).not.toHaveBeenCalled();
  });

  test('the unsubscribe function from subscribe is returned to the page', () => {
    const { returned, unsubscribe } = subscribed();
    expect(returned).toBe(unsubscribe);
    returned();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});

describe('when loaded as the real preload', () => {
  const originalType = Object.getOwnPropertyDescriptor(process, 'type');

  afterEach(() => {
    if (originalType) Object.defineProperty(process, 'type', originalType);
    else delete (process as { type?: string }).type;
  });

  /** The stand-in 'electron' module the top of this file installed, given real-looking members for one load. */
  const electronStub = jest.requireMock<{
    contextBridge: Record<string, unknown>;
    ipcRenderer: Record<string, unknown>;
  }>('electron');

  afterEach(() => {
    for (const member of [electronStub.contextBridge, electronStub.ipcRenderer]) {
      for (const key of Object.keys(member)) Reflect.deleteProperty(member, key);
    }
  });

  function loadPreloadAs(type: string | undefined) {
    Object.defineProperty(process, 'type', { value: type, configurable: true, writable: true });
    const exposed = new Map<string, unknown>();
    const ipcRenderer = {
      invoke: jest.fn(async () => ({ ok: true, value: 'answer' })),
      on: jest.fn(),
      removeListener: jest.fn(),
    };
    const contextBridge = {
      exposeInMainWorld: jest.fn((key: string, value: unknown) => exposed.set(key, value)),
    };
    Object.assign(electronStub.contextBridge, contextBridge);
    Object.assign(electronStub.ipcRenderer, ipcRenderer);
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../electron/preload');
    });
    return { exposed, ipcRenderer, contextBridge };
  }

  test('in a renderer it exposes exactly window.transit and window.transitDesktop', async () => {
    const { exposed, ipcRenderer } = loadPreloadAs('renderer');
    expect([...exposed.keys()].sort()).toEqual(['transit', 'transitDesktop']);
    const transit = exposed.get('transit') as TransitApi;
    expect(sorted(Object.keys(transit))).toEqual(sorted(TRANSIT_API_METHODS));
    await expect(transit.progress({ year: 2024 })).resolves.toBe('answer');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('transit:progress', { year: 2024 });
  });

  test('the menu subscription is removed with the same listener it added', () => {
    const { exposed, ipcRenderer } = loadPreloadAs('renderer');
    const desktop = exposed.get('transitDesktop') as DesktopApi;
    const page = jest.fn();
    const unsubscribe = desktop.onMenuCommand(page);
    expect(ipcRenderer.on).toHaveBeenCalledTimes(1);
    const [channel, listener] = ipcRenderer.on.mock.calls[0] as unknown as [
      string,
      (event: unknown, ...args: unknown[]) => void,
    ];
    expect(channel).toBe(MENU_CHANNEL);
    listener({ sender: 'secret' }, 'export-register');
    expect(page.mock.calls).toEqual([['export-register']]);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(MENU_CHANNEL, listener);
  });

  test('outside a renderer it exposes nothing', () => {
    const { contextBridge } = loadPreloadAs(undefined);
    expect(contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
  });
});

describe('the built preload, as the sandbox of Electron runs it', () => {
  let temp: ReturnType<typeof tempDir>;
  let source: string;

  beforeAll(() => {
    temp = tempDir();
    const run = spawnSync(process.execPath, ['scripts/bundle-preload.mjs', '--out', temp.dir], {
      cwd: path.join(__dirname, '..'),
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`bundle-preload failed: ${run.stderr}`);
    source = fs.readFileSync(path.join(temp.dir, 'preload.js'), 'utf8');
  }, 60_000);

  afterAll(() => temp.cleanup());

  /** Runs the bundle in a fresh context whose require knows only `electron`, as a sandboxed preload's does. */
  function runSandboxed() {
    const required: string[] = [];
    const exposed = new Map<string, unknown>();
    const invoke = jest.fn(async (channel: string, ...args: unknown[]) => ({
      ok: true,
      value: { channel, args },
    }));
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: { invoke, on: jest.fn(), removeListener: jest.fn() },
    };
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`module not found: ${name}`);
      return electron;
    };
    const preloadModule = { exports: {} };
    const wrapper = vm.runInNewContext(
      `(function (exports, require, module, process) {\n${source}\n})`,
      {},
    ) as (...args: unknown[]) => void;
    wrapper(preloadModule.exports, sandboxRequire, preloadModule, { type: 'renderer' });
    return { required, exposed, invoke };
  }

  test('it requires nothing but electron', () => {
    expect(runSandboxed().required).toEqual(['electron']);
  });

  test('it exposes the whole table as window.transit and the desktop table as window.transitDesktop', async () => {
    const { exposed, invoke } = runSandboxed();
    expect([...exposed.keys()].sort()).toEqual(['transit', 'transitDesktop']);
    const transit = exposed.get('transit') as TransitApi;
    expect(sorted(Object.keys(transit))).toEqual(sorted(TRANSIT_API_METHODS));
    expect(sorted(Object.keys(exposed.get('transitDesktop') as object))).toEqual(
      sorted([...DESKTOP_METHODS, 'onMenuCommand']),
    );
    await expect(transit.getTargets(2024)).resolves.toEqual({ channel: 'transit:getTargets', args: [2024] });
    expect(invoke).toHaveBeenCalledWith('transit:getTargets', 2024);
  });
});
