/**
 * A station's figures carry its conflicts into the reports (issue 11): the register export names
 * each cargo's station and conflict, and imports back; the monthly export notes how many conflicted
 * cargoes its figures hold; progress gives that number to the dashboard; a pull changes what a
 * window watches; and a last failure stored by an earlier version is still read.
 */
import fs from 'node:fs';
import type { ShipmentInput } from '../electron/core/api';
import { registerHeaders } from '../electron/core/csv';
import { LedgerService } from '../electron/core/service';
import { checkpointPath } from '../electron/core/sync/checkpoint';
import { setupStation, syncStatus } from '../electron/core/sync/index';
import { warnSkipped } from './support/browser';
import { realCouch, startTestCouch, type TestCouch } from './support/couch-server';
import { readWorkbook } from './support/read-workbook';
import { stationsOn } from './support/stations';
import { fixedNow, tempDir } from './support/temp';

const STATIONS = ['AKT', 'SNG'];
const cargo = (over: ShipmentInput): ShipmentInput => ({ blDate: '2024-08-01', vessel: 'Astana', ...over });
let dbCounter = 0;

/** AKT and SNG after a fork of one cargo and a B/L number recorded at both: three conflicted cargoes. */
async function conflictedStations(couch: TestCouch) {
  const net = await stationsOn(couch, {
    stations: STATIONS,
    db: `reports-${process.pid}-${++dbCounter}`,
    tempPrefix: 'transit-sync-reports-',
  });
  const { at, sync } = net;
  const forked = await at('AKT').recordShipment(cargo({ blNumber: 'AKT-7', netTonnes: '9959.5' }));
  await at('AKT').recordShipment(cargo({ blNumber: 'BL-100', netTonnes: '7000', vessel: 'Taraz' }));
  // Recorded offline, before SNG hears of AKT's BL-100.
  await at('SNG').recordShipment(cargo({ blNumber: 'bl-100', netTonnes: '8800', vessel: 'Liwa' }));
  await sync('AKT');
  const receivedBefore = (await at('SNG').info()).received;
  const entriesBefore = (await at('SNG').info()).entries;
  await sync('SNG');
  const afterPull = await at('SNG').info();
  await at('AKT').amendShipment(forked.shipment.id, { netTonnes: '9000' }, { reason: 'draft survey' });
  await at('SNG').amendShipment(forked.shipment.id, { netTonnes: '9100' }, { reason: 'outturn' });
  for (const s of ['AKT', 'SNG', 'AKT']) await sync(s);
  return {
    at,
    pull: { receivedBefore, entriesBefore, afterPull },
    close: net.close,
  };
}

function csvLines(content: string): string[] {
  return content
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(0, -1);
}

function suite(name: string, make: () => Promise<TestCouch> | TestCouch) {
  describe(name, () => {
    let couch: TestCouch;
    let net: Awaited<ReturnType<typeof conflictedStations>>;
    beforeAll(async () => {
      couch = await make();
      net = await conflictedStations(couch);
    });
    afterAll(async () => {
      net?.close();
      await couch?.close();
    });

    test('a pull changes the received count a window watches, not its own journal’s entries', () => {
      const { receivedBefore, entriesBefore, afterPull } = net.pull;
      expect(receivedBefore).toBe(0);
      expect(afterPull.received).toBeGreaterThanOrEqual(2);
      expect(afterPull.entries).toBe(entriesBefore);
    });

    test('progress counts the year’s conflicted cargoes, the same at every station', async () => {
      for (const station of STATIONS) {
        expect(await net.at(station).conflicts()).toHaveLength(2);
        expect((await net.at(station).progress({ year: 2024 })).conflicted).toBe(3);
        expect((await net.at(station).progress({ year: 2023 })).conflicted).toBe(0);
      }
    });

    test('the register export names each cargo’s station and conflict, in the reader’s language', async () => {
      const en = await net.at('SNG').exportReport({ year: 2024, report: 'register', separator: ',' });
      const [header, ...rows] = csvLines(en.content);
      expect(header).toBe([...registerHeaders('en'), 'Station', 'Conflict'].join(','));
      const tail = (bl: string) =>
        rows
          .find((row) => row.includes(`,${bl},`))
          ?.split(',')
          .slice(-2);
      expect(tail('AKT-7')).toEqual(['AKT', 'edited at two stations']);
      expect(tail('BL-100')).toEqual(['AKT', 'B/L recorded twice']);
      expect(tail('bl-100')).toEqual(['SNG', 'B/L recorded twice']);
      const ru = await net
        .at('SNG')
        .exportReport({ year: 2024, report: 'register', separator: ';', language: 'ru' });
      const [ruHeader, ...ruRows] = csvLines(ru.content);
      expect(ruHeader?.endsWith(';Пункт;Конфликт')).toBe(true);
      expect(ruRows.find((row) => row.includes(';AKT-7;'))?.endsWith(';AKT;изменён в двух пунктах')).toBe(
        true,
      );
    });

    test('workbooks name the station on top, each cargo’s station and conflict, and the conflict count', async () => {
      const register = await net
        .at('SNG')
        .exportReport({ year: 2024, report: 'register', format: 'xlsx', language: 'ru' });
      const [sheet] = await readWorkbook(Buffer.from(register.content, 'base64'));
      expect(sheet?.data[2]?.[0]).toBe('Станция SNG');
      const header = sheet?.data[4] ?? [];
      expect(header.slice(-2)).toEqual(['Пункт', 'Конфликт']);
      const row = sheet?.data.find((cells) => cells.includes('AKT-7')) ?? [];
      expect(row.slice(-2)).toEqual(['AKT', 'изменён в двух пунктах']);
      const monthly = await net.at('AKT').exportReport({ year: 2024, report: 'monthly', format: 'xlsx' });
      const [months] = await readWorkbook(Buffer.from(monthly.content, 'base64'));
      expect(months?.data.map((cells) => cells[0]).slice(0, 4)).toEqual([
        'Monthly shipments against plan 2024',
        expect.stringMatching(/^As of /),
        'Station AKT',
        expect.stringMatching(/^Cargoes in conflict between stations in these figures: 3\. /),
      ]);
    });

    test('a station’s register export imports back: Station and Conflict are read and set aside', async () => {
      const exported = await net.at('SNG').exportReport({ year: 2024, report: 'register', language: 'kk' });
      const temp = tempDir('transit-reimport-');
      const fresh = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'clerk', now: fixedNow });
      try {
        const report = await fresh.importCsv({ text: exported.content, dryRun: true, allRows: true });
        expect(report.fileIssues).toEqual([]);
        expect(report.invalid).toBe(0);
        expect(report.added + report.duplicates + report.skipped).toBe(3);
      } finally {
        fresh.close();
        temp.cleanup();
      }
    });

    test('the monthly export says under its table how many conflicted cargoes its figures hold', async () => {
      const en = csvLines((await net.at('AKT').exportReport({ year: 2024, report: 'monthly' })).content);
      expect(en).toHaveLength(1 + 12 + 1);
      expect(en[13]).toMatch(
        /^"Cargoes in conflict between stations in these figures: 3\. .*last agreed version/,
      );
      const ru = csvLines(
        (await net.at('AKT').exportReport({ year: 2024, report: 'monthly', language: 'ru', separator: ';' }))
          .content,
      );
      expect(ru[13]).toMatch(/^Грузов в конфликте между пунктами в этих цифрах: 3\./);
    });
  });
}

jest.setTimeout(120_000);
suite('reports of conflicted stations through express-pouchdb (in memory)', startTestCouch);
const real = realCouch();
if (real) suite('reports of conflicted stations through Apache CouchDB (COUCHDB_URL)', () => real);
else {
  warnSkipped(
    'the reports of conflicted stations against Apache CouchDB',
    'COUCHDB_URL is not set; they ran on express-pouchdb',
  );
  test.skip('reports of conflicted stations through Apache CouchDB (COUCHDB_URL not set)', () => undefined);
}

test('a ledger that is no station’s exports the register and monthly table it always did', async () => {
  const temp = tempDir('transit-plain-');
  const service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'clerk', now: fixedNow });
  try {
    await service.recordShipment(cargo({ blNumber: 'P-1', netTonnes: '9959.5' }));
    const register = csvLines((await service.exportReport({ year: 2024, report: 'register' })).content);
    expect(register[0]).toBe(registerHeaders('en').join(','));
    expect((await service.progress({ year: 2024 })).conflicted).toBeUndefined();
    expect((await service.info()).received).toBeUndefined();
    expect(csvLines((await service.exportReport({ year: 2024, report: 'monthly' })).content)).toHaveLength(
      13,
    );
  } finally {
    service.close();
    temp.cleanup();
  }
});

test('a last failure stored as a sentence by an earlier version is read as a code, its sentence kept', async () => {
  const temp = tempDir('transit-old-checkpoint-');
  const service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'clerk', now: fixedNow });
  try {
    setupStation(service, { url: 'https://couch.example.org/ledger', station: 'AKT', insecure: false });
    const file = checkpointPath(service.path);
    const old =
      'The sync server https://couch.example.org/ledger cannot be reached: it did not answer in time.';
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), lastError: old }));
    expect(syncStatus(service).lastError).toEqual({
      code: 'sync.failed',
      facts: { said: old },
      message: old,
    });
    expect((await service.syncStatus()).lastError).toEqual({ code: 'sync.failed', facts: { said: old } });
  } finally {
    service.close();
    temp.cleanup();
  }
});
