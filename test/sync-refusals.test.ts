/**
 * Issue 9, point 3: a sync round that stops says why as a code a clerk's screen can word, with the
 * server and the status or the entry as facts. The guard on the server sends each refusal's cause
 * as a code (`guard.<cause>: …`), which the station reads; a status the server answers with is
 * sorted by what a clerk can do about it (wait, tell the administrator, sync again).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LedgerService } from '../electron/core/service';
import { Couch } from '../electron/core/sync/couch';
import { entryRefused, GUARD_CAUSES, SyncFailure, syncFailureMessage } from '../electron/core/sync/failure';
import { setupStation, syncOnce } from '../electron/core/sync/index';
import { initServer, VALIDATE_DOC_UPDATE } from '../electron/core/sync/server';
import { startTestCouch, type TestCouch } from './support/couch-server';
import { fixedNow, tempDir } from './support/temp';

jest.setTimeout(120_000);

/** What `act` is refused with; a round that completes fails the spec. */
async function failureOf(act: () => Promise<unknown>): Promise<SyncFailure> {
  const outcome = await act().then(
    () => new Error('the round completed'),
    (error: unknown) => error,
  );
  if (outcome instanceof SyncFailure) return outcome;
  throw outcome;
}

describe('the guard on the server', () => {
  test('refuses with a cause the station knows, and the station knows every cause it sends', () => {
    const sent = [...VALIDATE_DOC_UPDATE.matchAll(/refuse\('(\w+)'/g)].map((match) => match[1]);
    expect([...sent].sort()).toEqual([...GUARD_CAUSES].sort());
  });

  describe('through express-pouchdb', () => {
    let couch: TestCouch;
    let temp: ReturnType<typeof tempDir>;
    beforeAll(async () => {
      couch = await startTestCouch();
      await couch.addUser('akt', 'pw-akt', ['AKT']);
      await couch.addUser('sng', 'pw-sng', ['SNG']);
      temp = tempDir('transit-sync-refusals-');
    });
    afterAll(async () => {
      temp.cleanup();
      await couch.close();
    });

    test('an entry of another station is refused as foreign, naming the entry and its station', async () => {
      const db = `${couch.base}/ledger-refusals-${process.pid}`;
      await initServer(new Couch(new URL(db), couch.admin), ['AKT', 'SNG']);
      fs.mkdirSync(temp.file('akt'));
      const akt = LedgerService.open(temp.file('akt/ledger.jsonl'), { actor: 'clerk', now: fixedNow });
      try {
        setupStation(akt, { url: db, station: 'AKT', insecure: false });
        await akt.recordShipment({ blDate: '2024-08-01', vessel: 'Aktau', netTonnes: '8800' });
        // Aktau's ledger, but the Sangachal office's login: the server takes no entry of AKT from it.
        const failure = await failureOf(() => syncOnce(akt, { user: 'sng', password: 'pw-sng' }));
        expect(failure.record).toEqual({
          code: 'sync.refused.entry.foreign_station',
          facts: { server: db, id: 'AKT:1', station: 'AKT' },
        });
        expect(failure.message).toBe(
          `The sync server ${db} refused entry AKT:1: this user may write only its own station's entries, ` +
            "not AKT's. Sync with station AKT's user name and password.",
        );
      } finally {
        akt.close();
      }
    });
    test.each([
      ['a line that is not a journal line', 'SNG:5', 5, 'x', 'line'],
      ['a line of another number', 'SNG:5', 5, '{"seq":6,"type":"record"}', 'line'],
      ['a number past any journal (1e9)', 'SNG:999999999999', 999999999999, '{"seq":999999999999}', 'number'],
    ])("refuses a station's own event with %s", async (_name, id, seq, line, cause) => {
      const db = `${couch.base}/ledger-guard-${process.pid}`;
      await initServer(new Couch(new URL(db), couch.admin), ['AKT', 'SNG']);
      const sng = new Couch(new URL(db), { user: 'sng', password: 'pw-sng' });
      const answer = await sng.call<{ reason?: string }>('PUT', `/${id}`, {
        station: 'SNG',
        seq,
        type: 'x',
        line,
      });
      expect(answer.status).toBe(403);
      expect(answer.body.reason).toMatch(new RegExp(`^guard\\.${cause}:`));
    });
  });

  test('a refusal in words of its own (an older guard, another server) stays a refusal of that entry', () => {
    const failure = entryRefused('https://couch.example.org/ledger', 'AKT:7', 'AKT', 'Not on Tuesdays.');
    expect(failure.record).toEqual({
      code: 'sync.refused.entry',
      facts: { server: 'https://couch.example.org/ledger', id: 'AKT:7', reason: 'Not on Tuesdays.' },
    });
    const unknown = entryRefused('https://couch.example.org/ledger', 'AKT:7', 'AKT', 'guard.moon: Waning.');
    expect(unknown.code).toBe('sync.refused.entry');
  });
});

describe('a status the server answers with', () => {
  let server: http.Server;
  let db = '';
  let status = 200;
  beforeAll(async () => {
    server = http.createServer((_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'x', reason: `status ${status}` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    db = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ledger`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test.each([
    [500, 'sync.refused.server'],
    [503, 'sync.refused.server'],
    [413, 'sync.refused.too_large'],
    [409, 'sync.refused.conflict'],
    [412, 'sync.refused.conflict'],
    [400, 'sync.refused.bad_request'],
    [418, 'sync.refused.status'],
  ])('HTTP %i is %s, with the server, the status and what the server said', async (answer, code) => {
    status = answer;
    const failure = await failureOf(() => new Couch(new URL(db), null).expect('GET', ''));
    expect(failure.record).toEqual({
      code,
      facts: { server: db, status: answer, reason: `status ${answer}` },
    });
  });

  test.each([
    [401, 'sync.refused'],
    [403, 'sync.refused.role'],
    [404, 'sync.setup'],
  ])('HTTP %i is %s, whose code says the status', async (answer, code) => {
    status = answer;
    const failure = await failureOf(() => new Couch(new URL(db), null).expect('GET', ''));
    expect(failure.record).toEqual({ code, facts: { server: db, reason: `status ${answer}` } });
  });

  test('a server in trouble is said, on the command line, to have lost nothing and to be tried later', () => {
    const message = syncFailureMessage({ code: 'sync.refused.server', facts: { server: db, status: 503 } });
    expect(message).toBe(
      `The sync server ${db} is in trouble (HTTP 503). Nothing was lost; sync again later, ` +
        "and tell the server's administrator if it goes on.",
    );
  });
});
