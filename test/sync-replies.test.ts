/**
 * A server that answers 2xx with something CouchDB never sends: every reply a round reads (the
 * database, _changes, _bulk_docs, _all_docs, _security) is checked for its shape, and a wrong one is
 * `sync.refused.not_couch`, kept as the last failure, never a crash. A redirect is not followed: it
 * is said with its status and where it points. A tiny loopback server plays CouchDB, one reply wrong.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { main, type CliIo } from '../electron/cli';
import { LedgerService } from '../electron/core/service';
import { readCheckpoint } from '../electron/core/sync/checkpoint';
import { Couch } from '../electron/core/sync/couch';
import { SyncFailure } from '../electron/core/sync/failure';
import { setupStation, syncOnce } from '../electron/core/sync/index';
import { initServer } from '../electron/core/sync/server';
import { serialise } from '../electron/core/journal/format';
import { fixedNow, tempDir } from './support/temp';

type Reply = { status: number; body: string; headers?: Record<string, string> };
type Answer = Reply | ((sent: { docs?: { _id: string }[] }) => Reply);
const json = (value: unknown, status = 200): Reply => ({ status, body: JSON.stringify(value) });

/** What a well-behaved CouchDB answers a station with one new entry to push, by route. */
function couchReplies(): Record<string, Answer> {
  return {
    'GET /ledger': json({ db_name: 'ledger' }),
    'GET /ledger/_changes': json({ results: [], last_seq: '0' }),
    'POST /ledger/_bulk_docs': (sent) =>
      json(
        (sent.docs ?? []).map((doc) => ({ id: doc._id, ok: true, rev: '1-a' })),
        201,
      ),
    'POST /ledger/_all_docs': json({ rows: [] }),
    'PUT /ledger': json({ ok: true }, 201),
    'GET /ledger/_design/transit-ledger': json({ error: 'not_found' }, 404),
    'PUT /ledger/_design/transit-ledger': json({ ok: true }, 201),
    'GET /ledger/_security': json({}),
    'PUT /ledger/_security': json({ ok: true }),
  };
}

/** The station's journal after setup and one cargo: its header, the station entry, the record. */
const JOURNAL_ENTRIES = 3;

let server: http.Server;
let db = '';
let replies = couchReplies();
let temp: ReturnType<typeof tempDir>;
let service: LedgerService;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const route = `${request.method} ${(request.url ?? '').split('?')[0]}`;
      const answer = replies[route] ?? json({ error: 'not_found' }, 404);
      const reply = typeof answer === 'function' ? answer(text === '' ? {} : JSON.parse(text)) : answer;
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  db = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ledger`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  replies = couchReplies();
  temp = tempDir('transit-sync-replies-');
  service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'clerk', now: fixedNow });
  setupStation(service, { url: db, station: 'AKT', insecure: true });
  await service.recordShipment({ blDate: '2024-08-01', vessel: 'Aktau', netTonnes: '8800' });
});
afterEach(() => {
  service.close();
  temp.cleanup();
});

async function failureOf(act: () => Promise<unknown>): Promise<SyncFailure> {
  const outcome = await act().then(
    () => new Error('the round completed'),
    (error: unknown) => error,
  );
  if (outcome instanceof SyncFailure) return outcome;
  throw outcome;
}

const round = () => syncOnce(service, { user: 'akt', password: 'pw' });

test('a well-formed exchange completes: the loopback server is a fair CouchDB', async () => {
  expect(await round()).toEqual({ pushed: JOURNAL_ENTRIES, pulled: {}, refused: [] });
});

describe('a reply of the wrong shape is not CouchDB, kept as the last failure', () => {
  test.each([
    ['_changes whose results are not a list', 'GET /ledger/_changes', json({ results: 'nope' })],
    ['_changes with a row without an id', 'GET /ledger/_changes', json({ results: [{}], last_seq: 1 })],
    ['_changes without last_seq', 'GET /ledger/_changes', json({ results: [] })],
    ['the database answering with a list', 'GET /ledger', json([])],
    ['the database answering null', 'GET /ledger', json(null)],
    ['_bulk_docs answering an object', 'POST /ledger/_bulk_docs', json({ ok: true }, 201)],
    ['_bulk_docs leaving out the document sent', 'POST /ledger/_bulk_docs', json([], 201)],
    ['_bulk_docs answering for another document', 'POST /ledger/_bulk_docs', json([{ id: 'X', ok: true }])],
  ])('%s', async (_name, route, reply) => {
    replies[route] = reply;
    const failure = await failureOf(round);
    expect(failure.record).toEqual({
      code: 'sync.refused.not_couch',
      facts: { server: db, status: (reply as Reply).status },
    });
    expect(readCheckpoint(service.path)?.lastError).toEqual(failure.record);
  });

  test('_all_docs whose rows are not a list, asked after a refused push', async () => {
    replies['POST /ledger/_bulk_docs'] = (sent) =>
      json(
        (sent.docs ?? []).map((doc) => ({ id: doc._id, error: 'conflict' })),
        201,
      );
    replies['POST /ledger/_all_docs'] = json({ rows: 5 });
    const failure = await failureOf(round);
    expect(failure.record).toEqual({ code: 'sync.refused.not_couch', facts: { server: db, status: 200 } });
  });

  test('nothing counts as pushed when _bulk_docs answers wrongly: the next round sends the entry again', async () => {
    replies['POST /ledger/_bulk_docs'] = json([], 201);
    await failureOf(round);
    replies = couchReplies();
    const pushedFirst = (await round()).pushed;
    expect(pushedFirst).toBe(JOURNAL_ENTRIES);
    expect((await round()).pushed).toBe(0);
  });

  test('_security answering a string stops init-server', async () => {
    replies['GET /ledger/_security'] = json('nope');
    const failure = await failureOf(() => initServer(new Couch(new URL(db), null), ['AKT']));
    expect(failure.record).toEqual({ code: 'sync.refused.not_couch', facts: { server: db, status: 200 } });
  });

  test('the command line says it in words and exits 4, no stack trace', async () => {
    service.close();
    replies['GET /ledger/_changes'] = json({ results: 'nope' });
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      env: { TRANSIT_SYNC_USER: 'akt', TRANSIT_SYNC_PASSWORD: 'pw' },
      now: fixedNow,
    };
    const code = await main(['--ledger', temp.file('ledger.jsonl'), 'sync'], io);
    expect(code).toBe(4);
    expect(err.join('\n')).toBe(
      `The server at ${db} answered with something that is not CouchDB (HTTP 200).`,
    );
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'clerk', now: fixedNow });
  });
});

describe('a redirect', () => {
  test('is not followed: said with its status and the host it points to', async () => {
    replies['GET /ledger'] = {
      status: 302,
      body: '',
      headers: { location: 'https://login.example.org/sso?x=1' },
    };
    const failure = await failureOf(round);
    expect(failure.record).toEqual({
      code: 'sync.refused.redirect',
      facts: { server: db, status: 302, host: 'login.example.org' },
    });
    expect(failure.message).toBe(
      `The sync server ${db} redirected the app to login.example.org (HTTP 302); a redirect is not followed. ` +
        "Check the server's address in the sync settings, or ask the server's administrator.",
    );
    expect(readCheckpoint(service.path)?.lastError).toEqual(failure.record);
  });

  test('that names no place is refused by its status', async () => {
    replies['GET /ledger'] = { status: 307, body: '' };
    const failure = await failureOf(round);
    expect(failure.record).toEqual({ code: 'sync.refused.status', facts: { server: db, status: 307 } });
  });
});

describe('an entry from the server that no station wrote stops the round before any work on it', () => {
  const row = (id: string, seq: number, line: string) => ({
    id,
    doc: { _id: id, station: 'SNG', seq, type: 'record', line },
  });

  test.each([
    [
      'a number no journal reaches, with a line that is no journal line',
      'SNG:999999999999',
      999999999999,
      'x',
    ],
    ['a line that is not a journal entry', 'SNG:3', 3, 'x'],
    ['a line of another number', 'SNG:3', 3, '{"seq":4}'],
  ])('%s is sync.refused.bad_entry, kept as the last failure', async (_name, id, seq, line) => {
    replies['GET /ledger/_changes'] = json({ results: [row(id, seq, line)], last_seq: '1' });
    const failure = await failureOf(round);
    expect(failure.record).toEqual({
      code: 'sync.refused.bad_entry',
      facts: { server: db, id, station: 'SNG' },
    });
    expect(readCheckpoint(service.path)?.lastError).toEqual(failure.record);
  });
});

test('a full page of _changes that does not move last_seq on is not CouchDB, not a loop', async () => {
  const rows = Array.from({ length: 1000 }, (_, n) => ({ id: `_design/d${n}` }));
  let pages = 0;
  replies['GET /ledger/_changes'] = () => {
    pages++;
    return json({ results: rows, last_seq: '5' });
  };
  const failure = await failureOf(round);
  expect(failure.record).toEqual({ code: 'sync.refused.not_couch', facts: { server: db, status: 200 } });
  expect(pages).toBe(2);
});

test('an entry far ahead asks for one window of missing numbers, never every number before it', async () => {
  // A real journal line (checksummed as the app writes it) renumbered to 999,999,999, within the guard's bound.
  const own = fs.readFileSync(service.path, 'utf8').trimEnd().split('\n').pop() as string;
  const { sum: _sum, ...body } = JSON.parse(own) as Record<string, unknown>;
  const far = { ...body, seq: 999_999_999 } as unknown as Parameters<typeof serialise>[0];
  const line = serialise(far, String(body.prev)).line.trimEnd();
  const id = 'SNG:999999999';
  replies['GET /ledger/_changes'] = json({
    results: [{ id, doc: { _id: id, station: 'SNG', seq: 999_999_999, type: 'record', line } }],
    last_seq: '1',
  });
  const asked: number[] = [];
  replies['POST /ledger/_all_docs'] = (sent) => {
    asked.push((sent as { keys?: string[] }).keys?.length ?? 0);
    return json({ rows: [] });
  };
  expect(await round()).toEqual({ pushed: JOURNAL_ENTRIES, pulled: { SNG: 0 }, refused: [] });
  expect(asked).toEqual([1000]);
  expect(readCheckpoint(service.path)?.pull.since).toBe('1');
});

test('full pages of _changes whose last_seq comes back to one asked already are not CouchDB, not a loop', async () => {
  const rows = Array.from({ length: 1000 }, (_, n) => ({ id: `_design/d${n}` }));
  const next: Record<string, string> = { '0': 'a', a: 'b', b: 'a' };
  const sent: string[] = [];
  replies['GET /ledger/_changes'] = () => {
    const since = ['0', 'a', 'b'][sent.length] as string;
    sent.push(since);
    return json({ results: rows, last_seq: next[since] });
  };
  const failure = await failureOf(round);
  expect(failure.record).toEqual({ code: 'sync.refused.not_couch', facts: { server: db, status: 200 } });
  expect(sent).toEqual(['0', 'a', 'b']);
});
