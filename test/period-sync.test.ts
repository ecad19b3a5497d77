/**
 * A month closed at one station while another, offline, still records a cargo dated in it (issue
 * 12 part 3): refusing the received cargo at one station and not at another would make their totals
 * differ, so it is folded like every entry, and the month shows as changed since its close in
 * `periods` and in the monthly report, for a manager to look at.
 */
import fs from 'node:fs';
import { LedgerService } from '../electron/core/service';
import { Couch } from '../electron/core/sync/couch';
import { setupStation, syncOnce } from '../electron/core/sync/index';
import { initServer } from '../electron/core/sync/server';
import { startTestCouch, type TestCouch } from './support/couch-server';
import { fixedNow, tempDir } from './support/temp';

const STATIONS = ['AKT', 'SNG'];
const PASSWORD = 'station-pw';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(async () => {
  await couch?.close();
});

test('a cargo received by sync into a month closed here is counted, and the month shows as changed', async () => {
  const temp = tempDir('transit-period-sync-');
  const db = `${couch.base}/periods-${process.pid}`;
  await initServer(new Couch(new URL(db), couch.admin), STATIONS);
  const services = new Map<string, LedgerService>();
  try {
    for (const station of STATIONS) {
      await couch.addUser(station.toLowerCase(), PASSWORD, [station]);
      fs.mkdirSync(temp.file(station));
      const service = LedgerService.open(temp.file(`${station}/ledger.jsonl`), {
        actor: station,
        now: fixedNow,
      });
      setupStation(service, { url: db, station, insecure: false });
      services.set(station, service);
    }
    const at = (station: string) => services.get(station) as LedgerService;
    const sync = (station: string) =>
      syncOnce(at(station), { user: station.toLowerCase(), password: PASSWORD });
    await at('AKT').recordShipment({
      blDate: '2024-07-02',
      blNumber: 'JUL-1',
      vessel: 'Liwa',
      netTonnes: '6980',
    });
    await at('AKT').closeMonth({ month: '2024-07', reason: 'Reconciled with Sangachal' });
    // SNG has not heard of the close: it records a July cargo offline.
    await at('SNG').recordShipment({
      blDate: '2024-07-20',
      blNumber: 'JUL-2',
      vessel: 'Taraz',
      netTonnes: '7000',
    });
    for (const station of ['AKT', 'SNG', 'AKT']) await sync(station);

    for (const station of STATIONS) {
      const [july] = await at(station).periods();
      expect({ station, july }).toMatchObject({
        station,
        july: {
          month: '2024-07',
          closed: true,
          now: { shipments: 2, kg: 13_980_000 },
          lastClose: { figures: { shipments: 1, kg: 6_980_000 } },
          changedSinceClose: true,
        },
      });
      const progress = await at(station).progress({ year: 2024 });
      expect(progress.months[6]).toMatchObject({
        tonnesKg: 13_980_000,
        closed: { by: 'AKT', on: '2024-08-15', changedSinceClose: true },
      });
    }
    // Still closed: nothing more is written in it here.
    await expect(
      at('SNG').recordShipment({
        blDate: '2024-07-21',
        blNumber: 'JUL-3',
        vessel: 'Taraz',
        netTonnes: '7000',
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ code: 'blDate.month_closed' })] });
  } finally {
    for (const service of services.values()) service.close();
    temp.cleanup();
  }
});
