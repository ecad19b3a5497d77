/**
 * The Electron IPC transport as a specification, against a real ledger file on a fixed clock
 * (today at Aktau is 2024-08-15). A fake `ipcMain` records the handler table; each call goes
 * through structuredClone both ways, as Electron's IPC does, so what a test sends and receives is
 * what would really cross the process boundary.
 *
 * Every refusal must leave the ledger file byte-identical (or still absent), carry a stable code
 * and a message for a person, and never a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  TRANSIT_API,
  TRANSIT_API_METHODS,
  type ShipmentInput,
  type TransitApi,
  type TransitMethod,
} from '../electron/core/api';
import { TransitError } from '../electron/core/errors';
import { LedgerService } from '../electron/core/service';
import { callMethod, implement } from '../electron/core/methods';
import { DESKTOP_API, DESKTOP_METHODS, desktopChannel, type DesktopCalls } from '../electron/desktop-api';
import { desktopCalls, type DesktopHost, type FileFilter } from '../electron/desktop-calls';
import { dispatch, dispatchTo, type Envelope } from '../electron/dispatch';
import { channelOf, isTrustedSender, registerDesktopIpc, registerIpc } from '../electron/ipc';
import { fixedNow, tempDir } from './support/temp';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

interface FakeFrame {
  url: string;
}

interface FakeEvent {
  sender: { mainFrame: FakeFrame };
  senderFrame: FakeFrame | null;
}

/** An ipcMain that only records what was registered. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const registrations: string[] = [];
  const ipcMain: Pick<IpcMain, 'handle'> = {
    handle(channel: string, listener: Handler) {
      registrations.push(channel);
      handlers.set(channel, listener);
    },
  };
  return { ipcMain, handlers, registrations };
}

const APP_PAGE = 'app://transit/index.html';

/** The app window's own top-level page. */
function trustedEvent(url = APP_PAGE): FakeEvent {
  const mainFrame = { url };
  return { sender: { mainFrame }, senderFrame: mainFrame };
}

const asEvent = (event: FakeEvent) => event as unknown as IpcMainInvokeEvent;

const cargo = (overrides: Record<string, unknown> = {}): ShipmentInput => ({
  blDate: '2024-08-01',
  vessel: 'Astana',
  netTonnes: '9959.5',
  ...overrides,
});

let temp: ReturnType<typeof tempDir>;
let file: string;
let service: LedgerService;
let logged: { method: string; error: unknown }[];
let apiCalls: number;
let handlers: Map<string, Handler>;
let registrations: string[];

/** The ledger file's bytes, or null while no write has created it. */
const snapshot = () => (fs.existsSync(file) ? fs.readFileSync(file) : null);

function register(api: TransitApi = service) {
  const fake = fakeIpcMain();
  handlers = fake.handlers;
  registrations = fake.registrations;
  registerIpc(
    fake.ipcMain,
    () => {
      apiCalls++;
      return api;
    },
    (method, error) => logged.push({ method, error }),
  );
}

/**
 * What Electron's IPC does to a value: a structured clone. The global structuredClone proves the
 * value can cross (it throws for functions, for instance), but under jest it builds objects in
 * the host realm, whose Object.prototype is not this module's; so the copy used is rebuilt here,
 * keeping own keys such as "__proto__" as own data properties, as the real deserializer does.
 */
function ipcClone<T>(value: T): T {
  structuredClone(value);
  const copy = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(copy);
    if (typeof item === 'object' && item !== null && Object.getPrototypeOf(item) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(item)) {
        Object.defineProperty(out, key, {
          value: copy((item as Record<string, unknown>)[key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return item; // primitives, and Date, Map, Set, typed arrays, which a structured clone keeps as such
  };
  return copy(value) as T;
}

/** Invokes `transit:<method>` as the renderer would: arguments and answer are structured-cloned. */
async function invoke(method: string, args: unknown[], event: FakeEvent = trustedEvent()): Promise<Envelope> {
  const handler = handlers.get(channelOf(method));
  if (!handler) throw new Error(`no handler for ${channelOf(method)}`);
  const answer = await handler(asEvent(event), ...ipcClone(args));
  return ipcClone(answer) as Envelope;
}

async function ok<T>(method: string, args: unknown[]): Promise<T> {
  const envelope = await invoke(method, args);
  if (!envelope.ok) throw new Error(`${method} was refused: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** What no message a person reads may contain: a stack frame, an exception class, a source path. */
function expectNoStack(message: string) {
  expect(typeof message).toBe('string');
  expect(message).not.toMatch(/\n\s*at\s/);
  expect(message).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError|Error):/);
  expect(message).not.toMatch(/\.(ts|js):\d+/);
  expect(message).not.toContain('node_modules');
}

/** An error payload is plain data with only the documented keys. */
function expectPlainPayload(error: unknown) {
  expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
  for (const key of Object.keys(error as object))
    expect(['code', 'message', 'field', 'issues']).toContain(key);
}

beforeEach(() => {
  temp = tempDir();
  file = temp.file('ledger.jsonl');
  service = LedgerService.open(file, { actor: 'clerk', now: fixedNow });
  logged = [];
  apiCalls = 0;
  register();
});

afterEach(() => {
  service.close();
  temp.cleanup();
});

describe('the handler table', () => {
  test('registers exactly one channel per TransitApi method, named transit:<method>', () => {
    expect(registrations).toHaveLength(TRANSIT_API_METHODS.length);
    expect(new Set(registrations).size).toBe(registrations.length);
    expect([...registrations].sort()).toEqual(TRANSIT_API_METHODS.map((m) => `transit:${m}`).sort());
  });

  test('every registered method has an arity rule and a method on the service', () => {
    for (const method of TRANSIT_API_METHODS) {
      expect(TRANSIT_API[method]).toHaveLength(2);
      expect(typeof service[method]).toBe('function');
    }
    expect(Object.keys(TRANSIT_API).sort()).toEqual([...TRANSIT_API_METHODS].sort());
  });

  test.each(TRANSIT_API_METHODS.map((method) => [method]))(
    '%s refuses one argument fewer and one more than the table allows',
    async (method) => {
      const [min, max] = TRANSIT_API[method];
      const counts = [...(min > 0 ? [min - 1] : []), max + 1];
      for (const count of counts) {
        const envelope = await invoke(
          method,
          Array.from({ length: count }, () => ({})),
        );
        expect(envelope).toMatchObject({
          ok: false,
          error: { code: 'invalid', message: expect.stringMatching(new RegExp(`^${method} takes `)) },
        });
      }
      expect(snapshot()).toBeNull();
    },
  );

  test('registering does not open or touch the ledger until a call arrives', () => {
    expect(apiCalls).toBe(0);
    expect(snapshot()).toBeNull();
  });
});

describe('valid calls from the app page work end to end', () => {
  test('recordShipment then listShipments and progress show the cargo', async () => {
    const saved = await ok<{ shipment: { id: string; netKg: number; recordedBy: string } }>(
      'recordShipment',
      [cargo({ blNumber: 'KZ-1' })],
    );
    expect(saved.shipment).toMatchObject({ netKg: 9_959_500, recordedBy: 'clerk' });
    expect(snapshot()).not.toBeNull();

    const listed = await ok<{ id: string; vessel: string; netKg: number }[]>('listShipments', [
      { year: 2024 },
    ]);
    expect(listed).toEqual([
      expect.objectContaining({
        id: saved.shipment.id,
        vessel: 'Astana',
        netKg: 9_959_500,
        blNumber: 'KZ-1',
      }),
    ]);

    const progress = await ok<{ year: number; asOf: string; shipments: number; tonnesKg: number }>(
      'progress',
      [{ year: 2024 }],
    );
    expect(progress).toMatchObject({ year: 2024, asOf: '2024-08-15', shipments: 1, tonnesKg: 9_959_500 });
  });

  test('amend, void and history round-trip with who and why', async () => {
    const { shipment } = await ok<{ shipment: { id: string } }>('recordShipment', [cargo()]);
    await ok('amendShipment', [shipment.id, { netTonnes: '9960' }, { reason: 'B/L corrected' }]);
    const voided = await ok<{ voided: boolean; voidReason: string }>('voidShipment', [
      shipment.id,
      'entered twice',
    ]);
    expect(voided).toMatchObject({ voided: true, voidReason: 'entered twice' });
    const history = await ok<{ action: string; actor: string; reason: string | null }[]>('shipmentHistory', [
      shipment.id,
    ]);
    expect(history.map((h) => [h.action, h.actor, h.reason])).toEqual([
      ['record', 'clerk', null],
      ['amend', 'clerk', 'B/L corrected'],
      ['void', 'clerk', 'entered twice'],
    ]);
    expect(await ok('listShipments', [{ year: 2024 }])).toEqual([]);
  });

  test('targets, baseline, export, import dry run, info and verify answer through the table', async () => {
    await ok('recordShipment', [cargo()]);
    expect(await ok('setTargets', [{ year: 2024, annualTonnes: '2200000' }])).toMatchObject({
      year: 2024,
      annualKg: 2_200_000_000,
      source: 'ledger',
    });
    expect(await ok('getTargets', [2024])).toMatchObject({ year: 2024, annualKg: 2_200_000_000 });
    expect(await ok('setBaseline', [{ year: 2023, tonnes: '1500000' }])).toMatchObject({
      year: 2023,
      kg: 1_500_000_000,
      source: 'ledger',
    });
    expect(await ok('getBaseline', [])).toMatchObject({ year: 2023, kg: 1_500_000_000 });
    const report = await ok<{ fileName: string; rows: number; content: string }>('exportReport', [
      { year: 2024, report: 'register' },
    ]);
    expect(report).toMatchObject({ fileName: 'transit-register-2024.csv', rows: 1 });
    expect(report.content).toContain('Astana');
    const before = snapshot();
    const dry = await ok<{ dryRun: boolean; committed: boolean }>('importCsv', [
      { text: report.content, dryRun: true },
    ]);
    expect(dry).toMatchObject({ dryRun: true, committed: false });
    expect(snapshot()).toEqual(before);
    expect(await ok('info', [])).toMatchObject({ path: file, readOnly: false, shipments: 1, years: [2024] });
    expect(await ok('verify', [])).toMatchObject({ ok: true, shipments: 1 });
  });

  test('optional trailing arguments may be omitted or given', async () => {
    await expect(invoke('recordShipment', [cargo({ blNumber: 'A-1' })])).resolves.toMatchObject({ ok: true });
    await expect(
      invoke('recordShipment', [cargo({ blNumber: 'A-2' }), { force: false }]),
    ).resolves.toMatchObject({ ok: true });
    await expect(invoke('recordShipment', [cargo({ blNumber: 'A-3' }), undefined])).resolves.toMatchObject({
      ok: true,
    });
  });

  test("the service's own refusal keeps its code, field and issues across the boundary", async () => {
    const before = snapshot();
    const envelope = await invoke('recordShipment', [cargo({ netTonnes: 'abc' })]);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid', field: 'netTonnes' } });
    if (envelope.ok) return;
    expect(envelope.error.issues).toEqual([
      expect.objectContaining({ field: 'netTonnes', code: expect.any(String), message: expect.any(String) }),
    ]);
    expectPlainPayload(envelope.error);
    expectNoStack(envelope.error.message);
    expect(snapshot()).toEqual(before);
  });

  test('every write channel refuses a write meant for another ledger as a conflict, writing nothing', async () => {
    const { shipment } = await ok<{ shipment: { id: string } }>('recordShipment', [
      cargo(),
      { ledgerId: 'real' },
    ]);
    expect(await ok('info', [])).toMatchObject({ ledgerId: 'real', writer: null });
    const meantForDemo = { ledgerId: 'demo-3f9a0c1b2d4e' };
    const before = snapshot();
    const writes: [string, unknown[]][] = [
      ['recordShipment', [cargo({ blNumber: 'DEMO-1' }), meantForDemo]],
      ['amendShipment', [shipment.id, { remarks: 'x' }, { reason: 'why', ...meantForDemo }]],
      ['voidShipment', [shipment.id, 'why', meantForDemo]],
      ['setTargets', [{ year: 2024, annualTonnes: '1' }, meantForDemo]],
      ['setBaseline', [{ year: 2023, tonnes: '1' }, meantForDemo]],
      ['importCsv', [{ text: 'B/L date,Vessel,Tonnes\n2024-08-02,Taraz,6000\n' }, meantForDemo]],
    ];
    for (const [method, args] of writes) {
      const envelope = await invoke(method, args);
      expect({ method, envelope }).toMatchObject({
        method,
        envelope: {
          ok: false,
          error: { code: 'conflict', field: 'ledgerId', issues: [{ code: 'ledger.switched_to_real' }] },
        },
      });
    }
    expect(snapshot()).toEqual(before);
    await expect(invoke('voidShipment', [shipment.id, 'why', { ledgerId: 'real' }])).resolves.toMatchObject({
      ok: true,
    });
  });

  test('the same cargo twice is asked about across the boundary, and force records it', async () => {
    const { shipment } = await ok<{ shipment: { id: string } }>('recordShipment', [cargo()]);
    const before = snapshot();
    const asked = await invoke('recordShipment', [cargo({ vessel: 'ASTANA' })]);
    expect(asked).toMatchObject({
      ok: false,
      error: {
        code: 'invalid',
        issues: [{ field: '', code: 'shipment.duplicate', overridable: true, facts: { id: shipment.id } }],
      },
    });
    expect(snapshot()).toEqual(before);
    expect(
      await ok<{ warnings: { code: string }[] }>('recordShipment', [cargo(), { force: true }]),
    ).toMatchObject({ warnings: [{ code: 'shipment.duplicate' }] });
  });

  test('a not_found and a conflict come back with their own codes', async () => {
    expect(await invoke('voidShipment', ['abcdefghjk', 'why'])).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const { shipment } = await ok<{ shipment: { id: string } }>('recordShipment', [cargo()]);
    await ok('voidShipment', [shipment.id, 'first']);
    expect(await invoke('voidShipment', [shipment.id, 'second'])).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});

/** JSON.parse makes `__proto__` an own key, as a hostile renderer's payload would arrive. */
const proto = (json: string): unknown => JSON.parse(json);

const deep = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { next: value };
  return value;
};

interface Malformed {
  name: string;
  method: string;
  args: (id: string) => unknown[];
}

const MALFORMED: Malformed[] = [
  // Wrong types.
  { name: 'getTargets with the year as an object', method: 'getTargets', args: () => [{ year: 2024 }] },
  {
    name: 'progress with the year as an object',
    method: 'progress',
    args: () => [{ year: { value: 2024 } }],
  },
  { name: 'progress with the query as a number', method: 'progress', args: () => [2024] },
  {
    name: 'recordShipment with the input as a string',
    method: 'recordShipment',
    args: () => ['Astana 9959.5 t'],
  },
  {
    name: 'recordShipment with the input as an array',
    method: 'recordShipment',
    args: () => [['2024-08-01', 'Astana', '9959.5']],
  },
  { name: 'recordShipment with the input as a number', method: 'recordShipment', args: () => [9959.5] },
  { name: 'recordShipment with the input as null', method: 'recordShipment', args: () => [null] },
  {
    name: 'recordShipment with options as a string',
    method: 'recordShipment',
    args: () => [cargo(), 'force'],
  },
  {
    name: 'recordShipment with force as a string',
    method: 'recordShipment',
    args: () => [cargo(), { force: 'yes' }],
  },
  {
    name: 'amendShipment with the changes as a string',
    method: 'amendShipment',
    args: (id) => [id, 'netTonnes=1'],
  },
  {
    name: 'amendShipment with the id as a number',
    method: 'amendShipment',
    args: () => [42, { remarks: 'x' }],
  },
  { name: 'voidShipment with the reason as a number', method: 'voidShipment', args: (id) => [id, 42] },
  { name: 'voidShipment with the id as an object', method: 'voidShipment', args: (id) => [{ id }, 'why'] },
  { name: 'shipmentHistory with the id as an array', method: 'shipmentHistory', args: (id) => [[id]] },
  { name: 'listShipments with the query as a string', method: 'listShipments', args: () => ['2024'] },
  {
    name: 'listShipments with includeVoided as a string',
    method: 'listShipments',
    args: () => [{ year: 2024, includeVoided: 'yes' }],
  },
  {
    name: 'setTargets with the annual target as a boolean',
    method: 'setTargets',
    args: () => [{ year: 2024, annualTonnes: true }],
  },
  { name: 'setBaseline as an array', method: 'setBaseline', args: () => [[2023, 1_500_000]] },
  {
    name: 'exportReport with the separator as a number',
    method: 'exportReport',
    args: () => [{ year: 2024, report: 'register', separator: 7 }],
  },
  { name: 'importCsv with the text as a number', method: 'importCsv', args: () => [{ text: 42 }] },
  {
    name: 'importCsv with dryRun as a string',
    method: 'importCsv',
    args: () => [{ text: 'a,b\n', dryRun: 'false' }],
  },
  {
    name: 'importCsv with allRows as a string',
    method: 'importCsv',
    args: () => [{ text: 'a,b\n', allRows: 'true' }],
  },

  // Missing arguments.
  { name: 'recordShipment with no argument', method: 'recordShipment', args: () => [] },
  { name: 'amendShipment with no changes', method: 'amendShipment', args: (id) => [id] },
  { name: 'voidShipment with no reason', method: 'voidShipment', args: (id) => [id] },
  { name: 'shipmentHistory with no id', method: 'shipmentHistory', args: () => [] },
  { name: 'listShipments with no query', method: 'listShipments', args: () => [] },
  { name: 'getTargets with no year', method: 'getTargets', args: () => [] },
  { name: 'setTargets with nothing', method: 'setTargets', args: () => [] },
  { name: 'setBaseline with nothing', method: 'setBaseline', args: () => [] },
  { name: 'progress with no query', method: 'progress', args: () => [] },
  { name: 'exportReport with no request', method: 'exportReport', args: () => [] },
  { name: 'importCsv with no request', method: 'importCsv', args: () => [] },
  { name: 'voidShipment with the reason undefined', method: 'voidShipment', args: (id) => [id, undefined] },

  // Too many arguments.
  { name: 'info with an argument', method: 'info', args: () => [1] },
  { name: 'verify with an argument', method: 'verify', args: () => [{}] },
  { name: 'getBaseline with an argument', method: 'getBaseline', args: () => [null] },
  { name: 'recordShipment with three arguments', method: 'recordShipment', args: () => [cargo(), {}, {}] },
  {
    name: 'amendShipment with four arguments',
    method: 'amendShipment',
    args: (id) => [id, { remarks: 'x' }, {}, 'extra'],
  },
  {
    name: 'voidShipment with four arguments',
    method: 'voidShipment',
    args: (id) => [id, 'why', {}, 'extra'],
  },
  {
    name: 'setBaseline with three arguments',
    method: 'setBaseline',
    args: () => [{ year: 2023, tonnes: '1500000' }, {}, {}],
  },
  { name: 'importCsv with three arguments', method: 'importCsv', args: () => [{ text: 'a\n' }, {}, {}] },

  // The ledger a write is meant for (LedgerGuard), malformed.
  {
    name: 'voidShipment with its options as a string',
    method: 'voidShipment',
    args: (id) => [id, 'why', 'real'],
  },
  {
    name: 'recordShipment with the ledger id as a number',
    method: 'recordShipment',
    args: () => [cargo(), { ledgerId: 7 }],
  },
  {
    name: 'voidShipment with a ledger id that is no ledger id',
    method: 'voidShipment',
    args: (id) => [id, 'why', { ledgerId: '../real' }],
  },
  {
    name: 'setTargets with an unknown option',
    method: 'setTargets',
    args: () => [
      { year: 2024, annualTonnes: '2200000' },
      { ledgerId: 'real', force: true },
    ],
  },
  {
    name: 'importCsv with force among the options instead of the request',
    method: 'importCsv',
    args: () => [{ text: 'a\n' }, { force: true }],
  },
  { name: 'progress with two queries', method: 'progress', args: () => [{ year: 2024 }, { year: 2023 }] },
  { name: 'useDemoLedger with no argument', method: 'useDemoLedger', args: () => [] },
  { name: 'useDemoLedger with two arguments', method: 'useDemoLedger', args: () => [true, true] },
  {
    name: 'setTargets with two requests',
    method: 'setTargets',
    args: () => [
      { year: 2024, annualTonnes: 1 },
      { year: 2025, annualTonnes: 1 },
    ],
  },

  // Fields that are not part of the request.
  {
    name: 'exportReport with an extra field',
    method: 'exportReport',
    args: () => [{ year: 2024, report: 'register', colour: 'red' }],
  },
  { name: 'progress with an extra field', method: 'progress', args: () => [{ year: 2024, colour: 'red' }] },
  {
    name: 'listShipments with an extra field',
    method: 'listShipments',
    args: () => [{ year: 2024, colour: 'red' }],
  },
  {
    name: 'recordShipment with an unknown shipment field',
    method: 'recordShipment',
    args: () => [cargo({ colour: 'red' })],
  },
  {
    name: 'recordShipment with an unknown option',
    method: 'recordShipment',
    args: () => [cargo(), { force: true, colour: 'red' }],
  },
  {
    name: 'amendShipment with an unknown option',
    method: 'amendShipment',
    args: (id) => [id, { remarks: 'x' }, { reason: 'why', colour: 'red' }],
  },
  {
    name: 'amendShipment with an unknown field',
    method: 'amendShipment',
    args: (id) => [id, { colour: 'red' }],
  },
  {
    name: 'setTargets with an extra field',
    method: 'setTargets',
    args: () => [{ year: 2024, annualTonnes: '2200000', colour: 'red' }],
  },
  {
    name: 'setBaseline with an extra field',
    method: 'setBaseline',
    args: () => [{ year: 2023, tonnes: '1500000', colour: 'red' }],
  },
  {
    name: 'importCsv with an extra field',
    method: 'importCsv',
    args: () => [{ text: 'a\n', colour: 'red' }],
  },

  // Oversized text.
  {
    name: 'recordShipment with a 200,000-character vessel',
    method: 'recordShipment',
    args: () => [cargo({ vessel: 'A'.repeat(200_000) })],
  },
  {
    name: 'voidShipment with a 1,000,000-character reason',
    method: 'voidShipment',
    args: (id) => [id, 'r'.repeat(1_000_000)],
  },
  {
    name: 'amendShipment with a 1,000,000-character reason',
    method: 'amendShipment',
    args: (id) => [id, { remarks: 'x' }, { reason: 'r'.repeat(1_000_000) }],
  },
  {
    name: 'voidShipment with a 600-character reason (over the ledger limit)',
    method: 'voidShipment',
    args: (id) => [id, 'r'.repeat(600)],
  },
  {
    name: 'recordShipment with 100,000 characters of remarks',
    method: 'recordShipment',
    args: () => [cargo({ remarks: 'x'.repeat(100_000) })],
  },
  {
    name: 'shipmentHistory with a 200,000-character id',
    method: 'shipmentHistory',
    args: () => ['a'.repeat(200_000)],
  },
  {
    name: 'listShipments with a list of 1,001 items',
    method: 'listShipments',
    args: () => [{ year: Array.from({ length: 1001 }, () => 2024) }],
  },

  // Prototype pollution.
  {
    name: 'recordShipment with a __proto__ key',
    method: 'recordShipment',
    args: () => [
      proto('{"__proto__":{"polluted":true},"blDate":"2024-08-01","vessel":"Astana","netTonnes":"9959.5"}'),
    ],
  },
  {
    name: 'recordShipment with a constructor key',
    method: 'recordShipment',
    args: () => [{ ...cargo(), ...(proto('{"constructor":{"prototype":{"polluted":true}}}') as object) }],
  },
  {
    name: 'recordShipment with a prototype key',
    method: 'recordShipment',
    args: () => [{ ...cargo(), ...(proto('{"prototype":{"polluted":true}}') as object) }],
  },
  {
    name: 'recordShipment options with a __proto__ carrying force',
    method: 'recordShipment',
    args: () => [cargo({ netTonnes: '20000' }), proto('{"__proto__":{"force":true}}')],
  },
  {
    name: 'a __proto__ nested inside a field',
    method: 'recordShipment',
    args: () => [cargo({ remarks: proto('{"a":{"b":{"__proto__":{"polluted":true}}}}') })],
  },
  {
    name: 'a constructor inside a list',
    method: 'setTargets',
    args: () => [
      {
        year: 2024,
        annualTonnes: '12',
        monthlyPlanTonnes: [
          proto('{"constructor":{"prototype":{"polluted":true}}}'),
          1,
          1,
          1,
          1,
          1,
          1,
          1,
          1,
          1,
          1,
          1,
        ],
      },
    ],
  },
  {
    name: 'amendShipment changes with a __proto__ key',
    method: 'amendShipment',
    args: (id) => [id, proto('{"__proto__":{"voided":true},"remarks":"x"}')],
  },
  {
    name: 'exportReport with a prototype key',
    method: 'exportReport',
    args: () => [proto('{"year":2024,"report":"register","prototype":{"polluted":true}}')],
  },
  {
    name: 'a top-level __proto__ query for progress',
    method: 'progress',
    args: () => [proto('{"__proto__":{"year":2024}}')],
  },

  // Numbers that are not finite.
  { name: 'progress for year NaN', method: 'progress', args: () => [{ year: Number.NaN }] },
  { name: 'getTargets for year Infinity', method: 'getTargets', args: () => [Number.POSITIVE_INFINITY] },
  {
    name: 'recordShipment of Infinity tonnes',
    method: 'recordShipment',
    args: () => [cargo({ netTonnes: Number.POSITIVE_INFINITY })],
  },
  {
    name: 'recordShipment of -Infinity barrels',
    method: 'recordShipment',
    args: () => [cargo({ barrels: Number.NEGATIVE_INFINITY })],
  },
  {
    name: 'setTargets of NaN tonnes',
    method: 'setTargets',
    args: () => [{ year: 2024, annualTonnes: Number.NaN }],
  },
  {
    name: 'setBaseline of Infinity tonnes',
    method: 'setBaseline',
    args: () => [{ year: 2023, tonnes: Number.POSITIVE_INFINITY }],
  },

  // Values that are not plain data.
  {
    name: 'recordShipment with a Date as the B/L date',
    method: 'recordShipment',
    args: () => [cargo({ blDate: new Date('2024-08-01T00:00:00Z') })],
  },
  {
    name: 'recordShipment with a Map as the input',
    method: 'recordShipment',
    args: () => [new Map([['vessel', 'Astana']])],
  },
  { name: 'progress with a Set as the year', method: 'progress', args: () => [{ year: new Set([2024]) }] },
  {
    name: 'importCsv with bytes instead of text',
    method: 'importCsv',
    args: () => [{ text: new Uint8Array([97, 10]) }],
  },
  { name: 'a BigInt year', method: 'getTargets', args: () => [BigInt(2024)] },
  {
    name: 'a request nested too deeply',
    method: 'recordShipment',
    args: () => [cargo({ remarks: deep(20) })],
  },
];

describe('malformed arguments are refused as invalid and write nothing', () => {
  test.each(MALFORMED)('$name', async ({ method, args }) => {
    const { shipment } = await service.recordShipment(cargo({ blNumber: 'SEED-1' }));
    const before = snapshot();
    expect(before).not.toBeNull();

    const envelope = await invoke(method, args(shipment.id));

    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.any(String) } });
    if (envelope.ok) return;
    expect(envelope.error.message.length).toBeGreaterThan(0);
    expect(envelope.error.message.length).toBeLessThan(2_000);
    expectNoStack(envelope.error.message);
    expectPlainPayload(envelope.error);
    expect(snapshot()).toEqual(before);
    expect(logged).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await service.listShipments({ year: 2024, includeVoided: true })).toEqual([
      expect.objectContaining({
        id: shipment.id,
        blNumber: 'SEED-1',
        voided: false,
        remarks: null,
        netKg: 9_959_500,
      }),
    ]);
  });

  test('on a new ledger, not one malformed call creates the file', async () => {
    for (const { method, args } of MALFORMED) {
      const envelope = await invoke(method, args('abcdefghjk'));
      expect({ method, ok: envelope.ok }).toEqual({ method, ok: false });
    }
    expect(snapshot()).toBeNull();
    expect(logged).toEqual([]);
  });

  test('nothing was added to Object.prototype by any of them', async () => {
    for (const { method, args } of MALFORMED) await invoke(method, args('abcdefghjk'));
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(probe.force).toBeUndefined();
    expect(probe.voided).toBeUndefined();
    expect(probe.year).toBeUndefined();
  });

  test('the arity message names the method and the count it takes', async () => {
    const envelope = await invoke('voidShipment', ['abcdefghjk']);
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'voidShipment takes 2 to 3 arguments, not 1.' },
    });
  });

  test('a forbidden key is named in the message', async () => {
    const envelope = await invoke('recordShipment', [proto('{"__proto__":{"x":1},"vessel":"A"}')]);
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'invalid', message: '"__proto__" is not allowed in a request.' },
    });
  });
});

describe('dispatch refuses what no channel exists for', () => {
  const log = (method: string, error: unknown) => logged.push({ method, error });

  test.each([
    ['an unknown name', 'deleteEverything'],
    ['a service method outside the contract (recordMany)', 'recordMany'],
    ['a service method outside the contract (close)', 'close'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['an empty name', ''],
    ['a method name in other case', 'RecordShipment'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
  ])('%s', async (_label, method) => {
    const args = method === 'recordMany' ? [[cargo()]] : [];
    const envelope = await dispatch(service, method, args, log);
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/^There is no operation "/) },
    });
    expect(snapshot()).toBeNull();
    expect(logged).toEqual([]);
  });

  test('a very long unknown name is cut in the message', async () => {
    const envelope = await dispatch(service, 'x'.repeat(100_000), [], log);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.message.length).toBeLessThan(100);
  });

  test.each([
    ['undefined', undefined],
    ['an object', { 0: { year: 2024 }, length: 1 }],
    ['a string', '[{"year":2024}]'],
    ['null', null],
  ])('arguments that are not a list (%s) are refused', async (_label, args) => {
    expect(await dispatch(service, 'progress', args, log)).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'The arguments must be a list.' },
    });
  });
});

describe('only the app window’s own top-level page may call', () => {
  interface Foreign {
    name: string;
    event: () => FakeEvent;
  }
  const FOREIGN: Foreign[] = [
    {
      name: 'a subframe of the app page (senderFrame is not sender.mainFrame)',
      event: () => ({ sender: { mainFrame: { url: APP_PAGE } }, senderFrame: { url: APP_PAGE } }),
    },
    { name: 'a page at https://evil.example/', event: () => trustedEvent('https://evil.example/') },
    { name: 'a page at file:///etc/passwd', event: () => trustedEvent('file:///etc/passwd') },
    { name: 'a page at app://other/', event: () => trustedEvent('app://other/') },
    { name: 'a page at app://transit.evil/', event: () => trustedEvent('app://transit.evil/') },
    { name: 'a page at about:blank', event: () => trustedEvent('about:blank') },
    {
      name: 'a frame that has gone (senderFrame null)',
      event: () => ({ sender: { mainFrame: { url: APP_PAGE } }, senderFrame: null }),
    },
  ];

  test.each(FOREIGN)('$name is forbidden on every channel and nothing is written', async ({ event }) => {
    const { shipment } = await service.recordShipment(cargo());
    const before = snapshot();
    apiCalls = 0;
    // Typed by the method table: a method added to the contract must be given its call here.
    const calls: { readonly [M in TransitMethod]: unknown[] } = {
      info: [],
      recordShipment: [cargo({ blNumber: 'EVIL-1' })],
      amendShipment: [shipment.id, { netTonnes: '1' }, { reason: 'evil' }],
      voidShipment: [shipment.id, 'evil'],
      shipmentHistory: [shipment.id],
      listShipments: [{ year: 2024 }],
      getTargets: [2024],
      setTargets: [{ year: 2024, annualTonnes: '1' }],
      getBaseline: [],
      setBaseline: [{ year: 2023, tonnes: '1' }],
      getFleet: [],
      saveVessel: [{ name: 'Evil' }],
      progress: [{ year: 2024 }],
      compareYears: [{ year: 2024 }],
      reconcile: [{ year: 2024 }],
      vessels: [{ year: 2024 }],
      exportReport: [{ year: 2024, report: 'register' }],
      importCsv: [{ text: 'blDate,vessel,netTonnes\n2024-08-02,Evil,1\n' }],
      verify: [],
      useDemoLedger: [true],
      preferences: [],
      savePreferences: [{ theme: 'dark' }],
      syncStatus: [],
      syncNow: [],
      syncSetup: [{ url: 'http://127.0.0.1:5984/evil', station: 'EVL' }],
      testConnection: [{ url: 'http://127.0.0.1:5984/evil', user: 'evil', password: 'evil' }],
      conflicts: [],
      closeMonth: [{ month: '2024-07', reason: 'evil' }],
      reopenMonth: [{ month: '2024-07', reason: 'evil' }],
      periods: [],
      backupStatus: [],
      backupNow: [],
      setBackupFolder: [{ folder: '/tmp/evil' }],
      programme: [{ month: '2024-08' }],
      nominate: [
        { month: '2024-08', vessel: 'Astana', laycanFrom: '01.08.2024', laycanTo: '03.08.2024', tonnes: 1 },
      ],
      cancelNomination: [{ id: 'evil', reason: 'evil' }],
      linkNomination: [{ id: 'evil', cargo: shipment.id, linked: true }],
    };
    for (const method of TRANSIT_API_METHODS) {
      const envelope = await invoke(method, calls[method], event());
      expect({ method, envelope }).toEqual({
        method,
        envelope: { ok: false, error: { code: 'forbidden', message: expect.any(String) } },
      });
    }
    expect(apiCalls).toBe(0);
    expect(snapshot()).toEqual(before);
    expect(await service.listShipments({ year: 2024 })).toEqual([
      expect.objectContaining({ id: shipment.id, netKg: 9_959_500 }),
    ]);
  });

  test('isTrustedSender accepts the app page main frame, with or without a path or query', () => {
    expect(isTrustedSender(asEvent(trustedEvent()))).toBe(true);
    expect(isTrustedSender(asEvent(trustedEvent('app://transit/')))).toBe(true);
    expect(isTrustedSender(asEvent(trustedEvent('app://transit/index.html?view=register#top')))).toBe(true);
  });

  test.each(FOREIGN)('isTrustedSender refuses $name', ({ event }) => {
    expect(isTrustedSender(asEvent(event()))).toBe(false);
  });

  test('a custom trust predicate replaces the default one', async () => {
    const fake = fakeIpcMain();
    const seen: unknown[] = [];
    registerIpc(
      fake.ipcMain,
      () => service,
      () => undefined,
      (event) => {
        seen.push(event);
        return false;
      },
    );
    const handler = fake.handlers.get('transit:info') as Handler;
    const event = asEvent(trustedEvent());
    expect(await handler(event)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(seen).toEqual([event]);
  });
});

describe('a fault inside the service', () => {
  /** The real service with one method replaced by one that throws. */
  function brokenApi(broken: TransitMethod, thrown: unknown): TransitApi {
    return implement(TRANSIT_API, (method, args) =>
      method === broken ? Promise.reject<never>(thrown) : callMethod(service, method, args),
    );
  }

  test('a plain Error becomes code internal, without its text or stack, and goes to the log', async () => {
    const fault = new Error('EACCES: permission denied, open /home/clerk/secret/ledger.jsonl');
    register(brokenApi('recordShipment', fault));
    const envelope = await invoke('recordShipment', [cargo()]);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    if (envelope.ok) return;
    expect(Object.keys(envelope.error)).toEqual(['code', 'message']);
    expect(envelope.error.message).not.toContain('EACCES');
    expect(envelope.error.message).not.toContain('/home/clerk');
    expect(envelope.error.message).not.toContain(fault.stack?.split('\n')[1]?.trim() ?? 'unreachable');
    expectNoStack(envelope.error.message);
    expect(envelope.error.message).toMatch(/log/);
    expect(logged).toEqual([{ method: 'recordShipment', error: fault }]);
    expect(snapshot()).toBeNull();
  });

  test('a thrown non-Error value is treated the same way', async () => {
    register(brokenApi('progress', 'boom: internal detail'));
    const envelope = await invoke('progress', [{ year: 2024 }]);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(envelope)).not.toContain('internal detail');
    expect(logged).toEqual([{ method: 'progress', error: 'boom: internal detail' }]);
  });

  test('a TransitError is passed through with its own code and is not logged', async () => {
    register(
      brokenApi(
        'info',
        new TransitError('locked', 'The ledger is open in Transit Ledger on PC-7; close it there first.'),
      ),
    );
    expect(await invoke('info', [])).toEqual({
      ok: false,
      error: {
        code: 'locked',
        message: 'The ledger is open in Transit Ledger on PC-7; close it there first.',
      },
    });
    expect(logged).toEqual([]);
  });

  test('a fault in one call does not stop the next', async () => {
    register(brokenApi('info', new Error('once')));
    expect(await invoke('info', [])).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await invoke('recordShipment', [cargo()])).toMatchObject({ ok: true });
    expect(await invoke('progress', [{ year: 2024 }])).toMatchObject({ ok: true, value: { shipments: 1 } });
  });
});

/**
 * Regression spec for a bug once in electron/core/requests.ts, and the same pattern elsewhere in core:
 * the behaviour below is now required.
 */
describe('objects whose toString is not a function', () => {
  const HOSTILE = { toString: 1, valueOf: 1 };
  test.each([
    ['getTargets', [HOSTILE]],
    ['progress', [{ year: HOSTILE }]],
    ['voidShipment', [HOSTILE, 'why']],
    ['listShipments', [{ from: HOSTILE }]],
    ['exportReport', [{ year: 2024, report: HOSTILE }]],
    ['setBaseline', [{ year: 2023, tonnes: HOSTILE }]],
  ])('%s is refused as invalid, not as an internal fault', async (method, args) => {
    const envelope = await invoke(method as string, args as unknown[]);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(logged).toEqual([]);
  });

  test('whatever the code, such a call writes nothing and leaks no stack', async () => {
    const envelope = await invoke('getTargets', [HOSTILE]);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expectNoStack(envelope.error.message);
    expect(snapshot()).toBeNull();
  });
});

describe('the desktop calls go through the same dispatch', () => {
  interface Host {
    host: DesktopHost;
    saveTo: jest.Mock<Promise<string | null>, [string, FileFilter[]]>;
    openFrom: jest.Mock<Promise<string | null>, [FileFilter[]]>;
    showFolder: jest.Mock<Promise<string>, [string]>;
    pickFolder: jest.Mock<Promise<string | null>, []>;
  }

  /** The dialogs as a person answers them: a path, or null for Cancel. */
  function fakeHost(): Host {
    const saveTo = jest.fn<Promise<string | null>, [string, FileFilter[]]>(async () =>
      temp.file('chosen.csv'),
    );
    const openFrom = jest.fn<Promise<string | null>, [FileFilter[]]>(async () => null);
    const showFolder = jest.fn<Promise<string>, [string]>(async () => '');
    const pickFolder = jest.fn<Promise<string | null>, []>(async () => null);
    const host: DesktopHost = {
      api: () => service,
      ledgerPath: () => file,
      backupInto: (folder) => service.backupInto(folder),
      chooseSavePath: saveTo,
      chooseOpenPath: openFrom,
      chooseFolder: pickFolder,
      showFolder,
      log: (context, error) => logged.push({ method: context, error }),
      now: fixedNow,
    };
    return { host, saveTo, openFrom, showFolder, pickFolder };
  }

  function registerDesktop(host: DesktopHost) {
    const fake = fakeIpcMain();
    registerDesktopIpc(fake.ipcMain, desktopCalls(host), (method, error) => logged.push({ method, error }));
    return async (method: string, args: unknown[], event: FakeEvent = trustedEvent()) => {
      const handler = fake.handlers.get(desktopChannel(method));
      if (!handler) throw new Error(`no handler for ${desktopChannel(method)}`);
      return ipcClone(await handler(asEvent(event), ...ipcClone(args))) as Envelope;
    };
  }

  test('one channel per method of the desktop table, named transit-desktop:<method>', () => {
    const fake = fakeIpcMain();
    registerDesktopIpc(fake.ipcMain, desktopCalls(fakeHost().host), () => undefined);
    expect(fake.registrations.sort()).toEqual(DESKTOP_METHODS.map((m) => `transit-desktop:${m}`).sort());
  });

  test('a page that is not the app is forbidden on every desktop channel, and no dialog opens', async () => {
    const { host, saveTo, openFrom, showFolder } = fakeHost();
    const call = registerDesktop(host);
    const args: { readonly [M in keyof DesktopCalls]: unknown[] } = {
      saveReport: [{ year: 2024, report: 'register', separator: ';' }],
      importFile: [{ dryRun: false }],
      backupLedger: [],
      openDataFolder: [],
      chooseBackupFolder: [],
    };
    for (const method of DESKTOP_METHODS) {
      expect(await call(method, args[method], trustedEvent('https://evil.example/'))).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.any(String) },
      });
    }
    expect([saveTo, openFrom, showFolder].map((dialog) => dialog.mock.calls.length)).toEqual([0, 0, 0]);
  });

  test('the guards apply: arity, prototype keys, unknown names', async () => {
    const { host, saveTo } = fakeHost();
    const call = registerDesktop(host);
    expect(await call('backupLedger', [{ path: '/etc/passwd' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'backupLedger takes 0 arguments, not 1.' },
    });
    expect(await call('saveReport', [proto('{"__proto__":{"year":2024},"report":"register"}')])).toEqual({
      ok: false,
      error: { code: 'invalid', message: '"__proto__" is not allowed in a request.' },
    });
    expect(
      await dispatchTo(
        { table: DESKTOP_API },
        desktopCalls(host),
        'recordShipment',
        [cargo()],
        () => undefined,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'There is no operation "recordShipment".' },
    });
    expect(saveTo).not.toHaveBeenCalled();
  });

  test('saveReport validates with the core, then writes the chosen file', async () => {
    const { host, saveTo } = fakeHost();
    const call = registerDesktop(host);
    expect(await call('saveReport', [{ year: 'last', report: 'register' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(saveTo).not.toHaveBeenCalled();
    await service.recordShipment(cargo());
    const saved = await call('saveReport', [{ year: 2024, report: 'register', separator: ';' }]);
    expect(saved).toEqual({ ok: true, value: { saved: true, path: temp.file('chosen.csv') } });
    expect(saveTo.mock.calls[0]?.[0]).toMatch(/2024.*\.csv$/);
    expect(fs.readFileSync(temp.file('chosen.csv'), 'utf8')).toContain('Astana');
    // In the reader's language: a Russian page's register has Russian headers and status words.
    await call('saveReport', [{ year: 2024, report: 'register', separator: ';', language: 'ru' }]);
    const russian = fs.readFileSync(temp.file('chosen.csv'), 'utf8');
    expect(russian).toMatch(/^\uFEFFID;Дата коносамента;Номер коносамента;Танкер;/);
    expect(russian).toContain(';погружен;');
  });

  test('a cancelled dialog writes nothing; a disk that refuses is an io error a person can read', async () => {
    const { host, saveTo } = fakeHost();
    const call = registerDesktop(host);
    saveTo.mockResolvedValueOnce(null);
    expect(await call('saveReport', [{ year: 2024, report: 'monthly', separator: ',' }])).toEqual({
      ok: true,
      value: { saved: false, path: null },
    });
    saveTo.mockResolvedValueOnce(temp.file('no-such-folder/report.csv'));
    const refused = await call('saveReport', [{ year: 2024, report: 'monthly', separator: ',' }]);
    const file = temp.file('no-such-folder/report.csv');
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: `The file ${file} could not be written (ENOENT).`,
        field: 'file',
        // The code and facts a page in any language words the refusal with.
        issues: [
          {
            field: 'file',
            code: 'report.write_failed',
            message: `The file ${file} could not be written (ENOENT).`,
            facts: { path: file, reason: 'ENOENT' },
          },
        ],
      },
    });
    if (!refused.ok) expectNoStack(refused.error.message);
  });

  test('importFile previews the chosen file through the core and gives back its bytes', async () => {
    const { host, openFrom } = fakeHost();
    const call = registerDesktop(host);
    expect(await call('importFile', [{ dryRun: true }])).toEqual({
      ok: true,
      value: { cancelled: true, fileName: null, report: null, base64: null },
    });
    const sheet = temp.file('sheet.csv');
    fs.writeFileSync(sheet, 'B/L date,Vessel,Net tonnes\n2024-08-02,Taraz,6980\n');
    openFrom.mockResolvedValueOnce(sheet);
    const envelope = await call('importFile', [{ dryRun: true }]);
    expect(envelope).toMatchObject({
      ok: true,
      value: {
        cancelled: false,
        fileName: 'sheet.csv',
        report: { dryRun: true, added: 1 },
        base64: fs.readFileSync(sheet).toString('base64'),
      },
    });
    expect(snapshot()).toBeNull();
  });

  test('backupLedger backs up the whole ledger, verified, into a chosen folder; openDataFolder shows it', async () => {
    const { host, saveTo, showFolder, pickFolder } = fakeHost();
    const call = registerDesktop(host);
    await service.recordShipment(cargo());
    expect(await call('backupLedger', [])).toEqual({ ok: true, value: { saved: false, path: null } });
    pickFolder.mockResolvedValueOnce(temp.file('usb'));
    const made = temp.file('usb/ledger-manual-20240815T120000Z');
    expect(await call('backupLedger', [])).toEqual({ ok: true, value: { saved: true, path: made } });
    expect(saveTo).not.toHaveBeenCalled();
    // The same backup as Settings and the command line make: the journal with its tip, checked, and a manifest.
    expect(fs.readdirSync(made).sort()).toEqual(['ledger.jsonl', 'ledger.jsonl.tip', 'manifest.json']);
    expect(fs.readFileSync(path.join(made, 'ledger.jsonl'))).toEqual(snapshot());
    expect(JSON.parse(fs.readFileSync(path.join(made, 'manifest.json'), 'utf8'))).toMatchObject({
      kind: 'manual',
      shipments: 1,
    });
    // A folder that is a file is refused with its code, which the page words in its language.
    fs.writeFileSync(temp.file('stick'), '');
    pickFolder.mockResolvedValueOnce(temp.file('stick'));
    expect(await call('backupLedger', [])).toMatchObject({
      ok: false,
      error: {
        code: 'invalid',
        issues: [{ code: 'backup.folder_is_file', facts: { path: temp.file('stick') } }],
      },
    });
    expect(await call('openDataFolder', [])).toEqual({ ok: true });
    expect(showFolder).toHaveBeenCalledWith(temp.dir);
    showFolder.mockResolvedValueOnce('No application is registered for folders.');
    expect(await call('openDataFolder', [])).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('No application') },
    });
  });
});
