import fs from 'node:fs';
import { LedgerService } from '../electron/core/service';
import { Workspace } from '../electron/core/workspace';
import { fixedNow, tempDir } from './support/temp';

let temp: ReturnType<typeof tempDir>;
let workspace: Workspace;

beforeEach(() => {
  temp = tempDir();
  workspace = new Workspace(
    LedgerService.open(temp.file('ledger.jsonl'), { actor: 'clerk', now: fixedNow }),
    temp.file('demo-ledger.jsonl'),
    { now: fixedNow },
  );
});

afterEach(() => {
  workspace.close();
  temp.cleanup();
});

describe('the demo ledger', () => {
  test('opens as a separate file full of cargoes, marked as demo, and leaves the real ledger untouched', async () => {
    await workspace.api.recordShipment({ blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9000' });
    const realBytes = fs.readFileSync(temp.file('ledger.jsonl'));
    const info = await workspace.api.useDemoLedger(true);
    expect(info.demo).toBe(true);
    expect(info.path).toBe(temp.file('demo-ledger.jsonl'));
    // With the clock at 2024-08-15 the demo holds 2024 up to the 14th of August.
    const demo2024 = await workspace.api.progress({ year: 2024 });
    expect(demo2024.shipments).toBeGreaterThan(80);
    await workspace.api.recordShipment({ blDate: '2024-08-02', vessel: 'Taraz', netTonnes: '6000' });
    expect(fs.readFileSync(temp.file('ledger.jsonl')).equals(realBytes)).toBe(true);

    const back = await workspace.api.useDemoLedger(false);
    expect(back.demo).toBe(false);
    expect((await workspace.api.listShipments({ year: 2024 })).map((s) => s.vessel)).toEqual(['Astana']);
  });

  test('starts afresh each time it is opened', async () => {
    await workspace.api.useDemoLedger(true);
    const first = (await workspace.api.progress({ year: 2024 })).tonnesKg;
    await workspace.api.recordShipment({ blDate: '2024-08-02', vessel: 'Taraz', netTonnes: '6000' });
    await workspace.api.useDemoLedger(false);
    await workspace.api.useDemoLedger(true);
    expect((await workspace.api.progress({ year: 2024 })).tonnesKg).toBe(first);
  });

  test('refuses anything but true or false', async () => {
    await expect(workspace.api.useDemoLedger('yes' as unknown as boolean)).rejects.toMatchObject({
      code: 'invalid',
    });
  });
});

test('a real ledger named like the demo file is never the one the demo deletes', async () => {
  const dir = tempDir();
  const realPath = dir.file('demo-ledger.jsonl');
  const named = new Workspace(LedgerService.open(realPath, { now: fixedNow }), realPath, { now: fixedNow });
  try {
    await named.api.recordShipment({ blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9000' });
    const info = await named.api.useDemoLedger(true);
    expect(info.path).not.toBe(realPath);
    await named.api.useDemoLedger(false);
    expect((await named.api.listShipments({ year: 2024 })).map((s) => s.vessel)).toEqual(['Astana']);
    expect(fs.existsSync(realPath)).toBe(true);
  } finally {
    named.close();
    dir.cleanup();
  }
});
