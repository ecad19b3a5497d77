/**
 * A read-only view follows the file, as a specification. A service opened read-only because
 * another program writes sees that program's entries on its next call (one stat when there are
 * none), is rebuilt when the writer replaces the file (a repair), says who writes, and — when the
 * app asks for it — takes the ledger for writing once the writer lets go. Browser mode, at the HTTP
 * level, shows totals that follow the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShipmentInput } from '../electron/core/api';
import { LedgerService } from '../electron/core/service';
import { Workspace } from '../electron/core/workspace';
import { newToken, startWebServer } from '../electron/web';
import { fixedNow, tempDir } from './support/temp';

let temp: ReturnType<typeof tempDir>;
let file: string;
const open: { close(): void }[] = [];

const cargo = (overrides: ShipmentInput = {}): ShipmentInput => ({
  blDate: '2024-08-01',
  vessel: 'Astana',
  netTonnes: '9000',
  ...overrides,
});

/** Who a lock taken by this test process names: the writer info() reports. */
const THIS_USER = { user: os.userInfo().username, host: os.hostname() };

/** The ledger's lock file as written: its `since` is the time info() reports, as an ISO instant. */
function lockFile(): { app: string; since: string } {
  const lock = JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')) as { app: string; since: string };
  expect(lock.since).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  return lock;
}

function service(options: Parameters<typeof LedgerService.open>[1] = {}): LedgerService {
  const opened = LedgerService.open(file, { actor: 'clerk', now: fixedNow, ...options });
  open.push(opened);
  return opened;
}

beforeEach(() => {
  temp = tempDir();
  file = temp.file('ledger.jsonl');
});

afterEach(() => {
  for (const item of open.splice(0).reverse()) item.close();
  temp.cleanup();
});

describe('a read-only service follows its writer', () => {
  test('sees cargoes, amendments and voids written by another service after it opened', async () => {
    const writer = service({ appName: 'Transit Ledger (desktop)' });
    const first = await writer.recordShipment(cargo({ blNumber: 'KZ-1' }));
    const reader = service({ readOnly: true });
    expect(await reader.info()).toMatchObject({ readOnly: true, shipments: 1 });

    await writer.recordShipment(cargo({ blNumber: 'KZ-2', netTonnes: '9000.001' }));
    await writer.amendShipment(first.shipment.id, { netTonnes: '6000' }, { reason: 'B/L corrected' });
    expect((await reader.listShipments({ year: 2024 })).map((s) => [s.blNumber, s.netKg])).toEqual([
      ['KZ-1', 6_000_000],
      ['KZ-2', 9_000_001],
    ]);
    expect((await reader.progress({ year: 2024 })).tonnesKg).toBe(15_000_001);

    await writer.voidShipment(first.shipment.id, 'entered twice');
    const info = await reader.info();
    expect(info).toMatchObject({ shipments: 1, entries: (await writer.info()).entries });
    expect((await reader.shipmentHistory(first.shipment.id)).map((h) => h.action)).toEqual([
      'record',
      'amend',
      'void',
    ]);
  });

  test('says who writes: the holder the lock names', async () => {
    const writer = service({ appName: 'Transit Ledger (desktop)' });
    await writer.recordShipment(cargo());
    const reader = service({ readOnly: true });
    expect((await reader.info()).writer).toEqual({ ...THIS_USER, since: lockFile().since });
    writer.close();
    expect((await reader.info()).writer).toBeNull();
    expect((await writer.info()).writer).toBeNull();
  });

  test('a file the writer replaced (restored from an older copy) is read afresh, not appended to', async () => {
    const writer = service();
    await writer.recordShipment(cargo({ blNumber: 'KZ-1' }));
    const older = temp.file('older.jsonl');
    fs.copyFileSync(file, older);
    await writer.recordShipment(cargo({ blNumber: 'KZ-2' }));
    const reader = service({ readOnly: true });
    expect((await reader.info()).shipments).toBe(2);
    writer.close();
    // A restore: the older copy renamed over the ledger (another inode, and shorter).
    fs.rmSync(`${file}.tip`, { force: true });
    fs.renameSync(older, file);
    expect((await reader.listShipments({ year: 2024 })).map((s) => s.blNumber)).toEqual(['KZ-1']);
  });

  test('with takeOverWhenFree, it becomes the writer once the other lets go; without, it stays read-only', async () => {
    const writer = service({ appName: 'Transit Ledger (desktop)' });
    await writer.recordShipment(cargo({ blNumber: 'KZ-1' }));
    const follower = service({
      readOnly: true,
      takeOverWhenFree: true,
      appName: 'Transit Ledger (browser mode)',
    });
    const plain = service({ readOnly: true });
    await expect(follower.recordShipment(cargo({ blNumber: 'KZ-2' }))).rejects.toMatchObject({
      code: 'read_only',
    });
    expect(await follower.info()).toMatchObject({
      readOnly: true,
      writer: { ...THIS_USER, since: lockFile().since },
    });

    await writer.recordShipment(cargo({ blNumber: 'KZ-3' }));
    writer.close();
    expect(await follower.info()).toMatchObject({ readOnly: false, writer: null, shipments: 2 });
    await follower.recordShipment(cargo({ blNumber: 'KZ-4' }));
    // The lock is now the follower's own: its time, not the first writer's.
    expect(lockFile().app).toBe('Transit Ledger (browser mode)');
    expect(await plain.info()).toMatchObject({
      readOnly: true,
      writer: { ...THIS_USER, since: lockFile().since },
      shipments: 3,
    });
  });
});

describe('a writable service that loses its lock', () => {
  test('refuses the write, then follows the new writer read-only and says who writes', async () => {
    const first = service({ appName: 'Transit Ledger (browser mode)' });
    await first.recordShipment(cargo({ blNumber: 'KZ-1' }));
    // The lock file is removed (by hand, or a takeover), and another program takes the ledger and writes.
    fs.rmSync(`${file}.lock`);
    const second = service({ appName: 'Transit Ledger (desktop)' });
    await second.recordShipment(cargo({ blNumber: 'KZ-2' }));

    await expect(first.recordShipment(cargo({ blNumber: 'KZ-3' }))).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringMatching(/no longer holds the lock/),
    });
    expect(await first.info()).toMatchObject({
      readOnly: true,
      writer: { ...THIS_USER, since: lockFile().since },
      shipments: 2,
    });
    expect(lockFile().app).toBe('Transit Ledger (desktop)');
    await second.recordShipment(cargo({ blNumber: 'KZ-4' }));
    expect((await first.listShipments({ year: 2024 })).map((s) => s.blNumber)).toEqual([
      'KZ-1',
      'KZ-2',
      'KZ-4',
    ]);
    await expect(first.recordShipment(cargo({ blNumber: 'KZ-5' }))).rejects.toMatchObject({
      code: 'read_only',
    });
  });

  test('becomes the writer again once the new writer lets go', async () => {
    const first = service({ appName: 'Transit Ledger (browser mode)' });
    await first.recordShipment(cargo({ blNumber: 'KZ-1' }));
    fs.rmSync(`${file}.lock`);
    const second = service({ appName: 'Transit Ledger (desktop)' });
    await second.recordShipment(cargo({ blNumber: 'KZ-2' }));
    await expect(first.recordShipment(cargo({ blNumber: 'KZ-3' }))).rejects.toMatchObject({ code: 'locked' });

    second.close();
    await first.recordShipment(cargo({ blNumber: 'KZ-3' }));
    expect(await first.info()).toMatchObject({ readOnly: false, writer: null, shipments: 3 });
    expect(lockFile().app).toBe('Transit Ledger (browser mode)');
  });
});

describe('browser mode on a ledger another program writes', () => {
  test("the read-only view's totals follow the file, over HTTP", async () => {
    const writer = service({ appName: 'Transit Ledger (CLI)' });
    await writer.recordShipment(cargo({ blNumber: 'KZ-1', netTonnes: '1' }));
    const workspace = new Workspace(
      LedgerService.open(file, { readOnly: true, now: fixedNow, takeOverWhenFree: true }),
      temp.file('demo-ledger.jsonl'),
      { now: fixedNow },
    );
    open.push(workspace);
    const rendererDir = temp.file('renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const token = newToken();
    const server = await startWebServer({
      api: workspace.api,
      rendererDir,
      token,
      port: 0,
      logInternal: () => undefined,
    });
    const call = async (method: string, args: unknown[]) => {
      const response = await fetch(`${server.origin}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ args }),
      });
      return ((await response.json()) as { value: Record<string, unknown> }).value;
    };
    try {
      expect(await call('progress', [{ year: 2024 }])).toMatchObject({ shipments: 1, tonnesKg: 1_000 });
      expect(await call('info', [])).toMatchObject({
        readOnly: true,
        writer: { ...THIS_USER, since: lockFile().since },
      });
      await writer.recordShipment(cargo({ blNumber: 'KZ-2', netTonnes: '9000' }));
      await writer.recordShipment(cargo({ blNumber: 'KZ-3', netTonnes: '9000' }));
      expect(await call('progress', [{ year: 2024 }])).toMatchObject({ shipments: 3, tonnesKg: 18_001_000 });
      expect(await call('info', [])).toMatchObject({ entries: (await writer.info()).entries, shipments: 3 });
    } finally {
      await server.close();
    }
  });
});
