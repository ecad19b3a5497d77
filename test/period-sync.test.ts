/**
 * A month closed at one station while another, offline, still records a cargo dated in it (issue
 * 12 part 3): refusing the received cargo at one station and not at another would make their totals
 * differ, so it is folded like every entry, and the month shows as changed since its close in
 * `periods` and in the monthly report, for a manager to look at.
 */
import { startTestCouch, type TestCouch } from './support/couch-server';
import { stationsOn } from './support/stations';

const STATIONS = ['AKT', 'SNG'];

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(async () => {
  await couch?.close();
});

test('a cargo received by sync into a month closed here is counted, and the month shows as changed', async () => {
  const net = await stationsOn(couch, {
    stations: STATIONS,
    db: `periods-${process.pid}`,
    tempPrefix: 'transit-period-sync-',
  });
  try {
    const { at, sync } = net;
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
    net.close();
  }
});
