/**
 * Every write names the ledger it is meant for, as a specification. The workspace gives the real
 * ledger the id 'real' and each demo it builds a fresh 'demo-…' id; a write naming another ledger
 * than the open one is refused by the core with 'conflict' and writes nothing anywhere. At the HTTP
 * level: two browser tabs, one switches to the demo, the other's save is refused until it has read
 * the ledger's info again, and then goes where it now believes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ShipmentInput } from '../electron/core/api';
import { LedgerService } from '../electron/core/service';
import { Workspace } from '../electron/core/workspace';
import { newToken, startWebServer, type RunningWebServer } from '../electron/web';
import { fixedNow, tempDir } from './support/temp';

let temp: ReturnType<typeof tempDir>;
let workspace: Workspace;
let realFile: string;
let demoFile: string;

const cargo = (overrides: ShipmentInput = {}): ShipmentInput => ({
  blDate: '2024-08-01',
  vessel: 'Astana',
  netTonnes: '9000',
  ...overrides,
});
const bytes = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : null);

beforeEach(() => {
  temp = tempDir();
  realFile = temp.file('ledger.jsonl');
  demoFile = temp.file('demo-ledger.jsonl');
  workspace = new Workspace(LedgerService.open(realFile, { actor: 'clerk', now: fixedNow }), demoFile, {
    now: fixedNow,
  });
});

afterEach(() => {
  workspace.close();
  temp.cleanup();
});

describe('the workspace refuses a write meant for the other ledger', () => {
  test('ids: "real", and a fresh "demo-…" for each demo built', async () => {
    expect((await workspace.api.info()).ledgerId).toBe('real');
    const first = (await workspace.api.useDemoLedger(true)).ledgerId;
    expect(first).toMatch(/^demo-[a-z0-9]+$/);
    expect((await workspace.api.useDemoLedger(true)).ledgerId).toBe(first);
    await workspace.api.useDemoLedger(false);
    const second = (await workspace.api.useDemoLedger(true)).ledgerId;
    expect(second).toMatch(/^demo-/);
    expect(second).not.toBe(first);
  });

  test('meant for the real ledger while the demo is open: conflict, and neither file changes', async () => {
    await workspace.api.recordShipment(cargo({ blNumber: 'KZ-1' }), { ledgerId: 'real' });
    const { ledgerId: demoId } = await workspace.api.useDemoLedger(true);
    const before = { real: bytes(realFile), demo: bytes(demoFile) };
    const refused = await workspace.api
      .recordShipment(cargo({ blNumber: 'KZ-2' }), { ledgerId: 'real' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'conflict',
      issues: [
        { field: 'ledgerId', code: 'ledger.switched_to_demo', facts: { expected: 'real', current: demoId } },
      ],
    });
    expect((refused as Error).message).toMatch(
      /^Nothing was saved: this window was showing the real ledger, but the demo ledger was opened in another window\./,
    );
    expect({ real: bytes(realFile), demo: bytes(demoFile) }).toEqual(before);
  });

  test('meant for a demo that was closed, or rebuilt since: conflict with its own words', async () => {
    const { ledgerId: oldDemo } = await workspace.api.useDemoLedger(true);
    await workspace.api.useDemoLedger(false);
    await expect(
      workspace.api.voidShipment('abcdefghjk', 'why', { ledgerId: oldDemo }),
    ).rejects.toMatchObject({ code: 'conflict', issues: [{ code: 'ledger.switched_to_real' }] });
    await expect(
      workspace.api.setTargets({ year: 2024, annualTonnes: '1' }, { ledgerId: oldDemo }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(bytes(realFile)).toBeNull();
    const { ledgerId: newDemo } = await workspace.api.useDemoLedger(true);
    const demoBefore = bytes(demoFile);
    await expect(
      workspace.api.setBaseline({ year: 2023, tonnes: '1' }, { ledgerId: oldDemo }),
    ).rejects.toMatchObject({ code: 'conflict', issues: [{ code: 'ledger.demo_renewed' }] });
    expect(bytes(demoFile)).toEqual(demoBefore);
    await expect(
      workspace.api.setBaseline({ year: 2023, tonnes: '1' }, { ledgerId: newDemo }),
    ).resolves.toMatchObject({ kg: 1000 });
  });

  test('a write that names no ledger (the CLI, a script) goes to the open one, as before', async () => {
    await workspace.api.useDemoLedger(true);
    await workspace.api.recordShipment(cargo({ blNumber: 'KZ-9', blDate: '2024-08-14' }));
    expect(bytes(realFile)).toBeNull();
  });
});

describe('two browser tabs, when tab 1 loads the demo', () => {
  let server: RunningWebServer;
  let token: string;

  beforeEach(async () => {
    const rendererDir = temp.file('renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    token = newToken();
    server = await startWebServer({
      api: workspace.api,
      rendererDir,
      token,
      port: 0,
      logInternal: () => undefined,
    });
  });

  afterEach(async () => {
    await server.close();
  });

  /** One tab: its own calls, and the ledger id it last read from info(). */
  function tab() {
    const state = { ledgerId: '' };
    const call = async (method: string, args: unknown[]) => {
      const response = await fetch(`${server.origin}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ args }),
      });
      return (await response.json()) as {
        ok: boolean;
        value?: { ledgerId?: string; demo?: boolean };
        error?: { code: string; field?: string; message: string };
      };
    };
    return {
      call,
      async readInfo() {
        const info = await call('info', []);
        state.ledgerId = info.value?.ledgerId ?? '';
        return info.value;
      },
      record: (input: ShipmentInput) => call('recordShipment', [input, { ledgerId: state.ledgerId }]),
    };
  }

  test("tab 2's stale save is refused and written nowhere; after reading info it saves into the demo", async () => {
    const one = tab();
    const two = tab();
    await one.readInfo();
    await two.readInfo();
    expect(await two.record(cargo({ blNumber: 'REAL-1' }))).toMatchObject({ ok: true });
    const realBefore = bytes(realFile);

    expect(await one.call('useDemoLedger', [true])).toMatchObject({ ok: true, value: { demo: true } });
    const demoBefore = bytes(demoFile);
    const refused = await two.record(cargo({ blNumber: 'REAL-2' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', field: 'ledgerId' } });
    expect(refused.error?.message).toMatch(/^Nothing was saved: this window was showing the real ledger/);
    expect(bytes(realFile)).toEqual(realBefore);
    expect(bytes(demoFile)).toEqual(demoBefore);

    // Tab 2 reads the ledger's info again (its poll, or the reload after the refusal): it now shows the demo.
    expect(await two.readInfo()).toMatchObject({ demo: true });
    expect(await two.record(cargo({ blNumber: 'DEMO-X', blDate: '2024-08-14' }))).toMatchObject({ ok: true });
    expect(bytes(realFile)).toEqual(realBefore);
    expect(bytes(demoFile)?.toString()).toContain('DEMO-X');
  });
});
