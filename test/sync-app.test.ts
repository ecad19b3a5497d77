/**
 * Sync as the app's API (issue 11): syncStatus, syncNow, syncSetup, testConnection and conflicts
 * through the same dispatch every transport uses, against an in-memory CouchDB-protocol server;
 * the desktop's safeStorage login with a fake safeStorage; and the password in no answer, no file
 * beside the ledger and no message.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TransitApi } from '../electron/core/api';
import { LedgerService } from '../electron/core/service';
import { environmentCredentials, type CredentialStore } from '../electron/core/sync/app';
import { Couch } from '../electron/core/sync/couch';
import { initServer } from '../electron/core/sync/server';
import { Workspace } from '../electron/core/workspace';
import { dispatch, type Envelope } from '../electron/dispatch';
import { LOGIN_FILE_NAME, safeStorageLogin, type SafeStorageLike } from '../electron/sync-login';
import { warnSkipped } from './support/browser';
import { realCouch, startTestCouch, type TestCouch } from './support/couch-server';
import { cargo } from './support/service';
import { fixedNow, tempDir } from './support/temp';

const PASSWORD = 'Sekret-Pa55-word';
const internal: string[] = [];

let couch: TestCouch;
let db: string;
let dbCounter = 0;
let temp: ReturnType<typeof tempDir>;
const open: Workspace[] = [];

/** The in-memory server, started once for the file (PouchDB's plugins are registered once per process). */
let inMemory: Promise<TestCouch> | null = null;
const startedOnce = (): Promise<TestCouch> => (inMemory ??= startTestCouch());
afterAll(async () => {
  if (inMemory) await (await inMemory).close();
});

/** The server the specs of this describe talk to: the one started here, or the real CouchDB of COUCHDB_URL. */
function servedBy(make: () => Promise<TestCouch> | TestCouch): void {
  beforeAll(async () => {
    couch = await make();
  });
}

beforeEach(async () => {
  temp = tempDir('transit-sync-app-');
  db = `${couch.base}/app-${process.pid}-${++dbCounter}`;
  await initServer(new Couch(new URL(db), couch.admin), ['AKT', 'SNG']);
  await couch.addUser('akt', PASSWORD, ['AKT']);
  await couch.addUser('sng', PASSWORD, ['SNG']);
});
afterEach(() => {
  for (const workspace of open.splice(0)) workspace.close();
  temp.cleanup();
});

function station(name: string, credentials: CredentialStore): { api: TransitApi; file: string } {
  fs.mkdirSync(temp.file(name), { recursive: true });
  const file = temp.file(`${name}/ledger.jsonl`);
  const options = { actor: `clerk-${name}`, now: fixedNow, credentials };
  const workspace = new Workspace(
    LedgerService.open(file, options),
    temp.file(`${name}/demo.jsonl`),
    options,
  );
  open.push(workspace);
  return { api: workspace.api, file };
}

async function call(api: TransitApi, method: string, ...args: unknown[]): Promise<Envelope> {
  return dispatch(api, method, args, (m, error) => internal.push(`${m}: ${String(error)}`));
}

function value<T = unknown>(envelope: Envelope): T {
  if (!envelope.ok) throw new Error(`refused: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

const env = (user: string) =>
  environmentCredentials({ TRANSIT_SYNC_USER: user, TRANSIT_SYNC_PASSWORD: PASSWORD });

/** Every file under the ledger's folder, as text. */
function filesUnder(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1'))
    .join('\n');
}

/** A fake safeStorage: reversible, but never the plain text. */
function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike & { calls: number } {
  const fake = {
    calls: 0,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(text: string) {
      fake.calls++;
      return Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a));
    },
    decryptString: (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a)).toString('utf8'),
  };
  return fake;
}

/** The API's specifications, run against each server there is. */
function apiSpecs(): void {
  test('a ledger not set up says so; syncNow is refused in words', async () => {
    const { api } = station('AKT', env('akt'));
    const status = value<Record<string, unknown>>(await call(api, 'syncStatus'));
    expect(status).toEqual(
      expect.objectContaining({
        station: null,
        url: null,
        conflicts: 0,
        credentials: { source: 'environment', user: 'akt', canStore: false },
      }),
    );
    const refused = await call(api, 'syncNow');
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid' }) });
    expect(value(await call(api, 'conflicts'))).toEqual([]);
  });

  test('syncSetup refuses as the CLI does, and writes nothing when it refuses', async () => {
    const { api, file } = station('AKT', env('akt'));
    await api.recordShipment(cargo());
    const before = fs.readFileSync(file);
    for (const url of [
      'http://couch.example.org/ledger',
      `http://akt:pw@127.0.0.1:5984/x`,
      'ftp://x/y',
      'nonsense',
    ]) {
      const answer = await call(api, 'syncSetup', { url, station: 'AKT' });
      expect(answer).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'invalid',
          field: 'url',
          issues: [expect.objectContaining({ code: expect.stringMatching(/^sync\.url/) })],
        }),
      });
    }
    expect(await call(api, 'syncSetup', { url: db, station: 'A-1' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid', field: 'station' }),
    });
    // Browser mode never keeps a password: it reads the environment.
    expect(
      await call(api, 'syncSetup', { url: db, station: 'AKT', user: 'akt', password: PASSWORD }),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        issues: [expect.objectContaining({ code: 'sync.credentials.environment' })],
      }),
    });
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.existsSync(`${file}.stations`)).toBe(false);

    const state = value<Record<string, unknown>>(await call(api, 'syncSetup', { url: db, station: 'akt' }));
    expect(state).toEqual(expect.objectContaining({ station: 'AKT', url: db }));
    // A station's id never changes.
    expect(await call(api, 'syncSetup', { url: db, station: 'SNG' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'conflict' }),
    });
    expect(value(await call(api, 'syncSetup', { url: db, station: 'AKT' }))).toEqual(
      expect.objectContaining({ station: 'AKT' }),
    );
  });

  test('testConnection: a good login, a wrong password, no server, no login', async () => {
    const { api } = station('AKT', env('akt'));
    expect(value(await call(api, 'testConnection', { url: db }))).toEqual(
      expect.objectContaining({ ok: true, failure: null, url: db }),
    );
    const wrong = value<{ ok: boolean; failure: string; message: string }>(
      await call(api, 'testConnection', { url: db, user: 'akt', password: 'wrong' }),
    );
    expect(wrong).toEqual(expect.objectContaining({ ok: false, failure: 'refused' }));
    expect(wrong.message).not.toContain('wrong');
    expect(value(await call(api, 'testConnection', { url: 'http://127.0.0.1:9/x' }))).toEqual(
      expect.objectContaining({ ok: false, failure: 'unreachable' }),
    );
    expect(await call(api, 'testConnection', { url: db, user: 'akt' })).toEqual({
      ok: false,
      error: expect.objectContaining({ field: 'password' }),
    });
    const none = station('SNG', environmentCredentials({}));
    expect(await call(none.api, 'testConnection', { url: db })).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'sync',
        issues: [expect.objectContaining({ code: 'sync.credentials.missing' })],
      }),
    });
  });

  test('two stations fork a cargo: syncNow carries it, conflicts() lists both, an amend resolves it', async () => {
    const akt = station('AKT', env('akt'));
    const sng = station('SNG', env('sng'));
    value(await call(akt.api, 'syncSetup', { url: db, station: 'AKT' }));
    value(await call(sng.api, 'syncSetup', { url: db, station: 'SNG' }));
    const { shipment } = await akt.api.recordShipment(cargo({ blNumber: 'AKT-7' }));
    expect(value(await call(akt.api, 'syncStatus'))).toEqual(
      expect.objectContaining({ waiting: expect.any(Number) }),
    );
    expect(value<{ pushed: number }>(await call(akt.api, 'syncNow')).pushed).toBeGreaterThan(0);
    expect(
      value<{ pulled: Record<string, number> }>(await call(sng.api, 'syncNow')).pulled.AKT,
    ).toBeGreaterThan(0);
    await akt.api.amendShipment(shipment.id, { netTonnes: '9000' }, { reason: 'draft survey' });
    await sng.api.amendShipment(shipment.id, { netTonnes: '9100' }, { reason: 'outturn' });
    for (const s of [akt, sng, akt]) value(await call(s.api, 'syncNow'));
    const status = value<{ conflicts: number; lastSync: string; waiting: number }>(
      await call(akt.api, 'syncStatus'),
    );
    expect(status).toEqual(
      expect.objectContaining({ conflicts: 1, waiting: 0, lastSync: expect.any(String) }),
    );
    const conflicts = value<{ kind: string; versions: { station: string }[] }[]>(
      await call(akt.api, 'conflicts'),
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.kind).toBe('fork');
    expect(conflicts[0]?.versions.map((v) => v.station).sort()).toEqual(['AKT', 'SNG']);
    // "Keep this one" is an amend with that version's figures: it names both versions.
    await akt.api.amendShipment(shipment.id, { netTonnes: '9100' }, { reason: 'keep SNG' });
    for (const s of [akt, sng]) value(await call(s.api, 'syncNow'));
    expect(value(await call(sng.api, 'conflicts'))).toEqual([]);
    expect((await sng.api.listShipments({ year: 2024 }))[0]).toEqual(
      expect.objectContaining({ netKg: 9_100_000, conflict: null, station: 'AKT' }),
    );
  });

  test('a wrong password or a gone server: the sync error carries its kind, the status keeps the reason', async () => {
    const akt = station(
      'AKT',
      environmentCredentials({ TRANSIT_SYNC_USER: 'akt', TRANSIT_SYNC_PASSWORD: 'nope' }),
    );
    value(await call(akt.api, 'syncSetup', { url: db, station: 'AKT' }));
    expect(await call(akt.api, 'syncNow')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'sync',
        issues: [expect.objectContaining({ code: 'sync.refused' })],
      }),
    });
    expect(value(await call(akt.api, 'syncStatus'))).toEqual(
      expect.objectContaining({
        lastError: { code: 'sync.refused', facts: expect.objectContaining({ server: db }) },
      }),
    );
    const gone = station('SNG', env('sng'));
    value(await call(gone.api, 'syncSetup', { url: 'http://127.0.0.1:9/ledger', station: 'SNG' }));
    expect(await call(gone.api, 'syncNow')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'sync',
        issues: [expect.objectContaining({ code: 'sync.unreachable' })],
      }),
    });
    expect(internal).toEqual([]);
  });

  test('two rounds asked at once run as one', async () => {
    const akt = station('AKT', env('akt'));
    value(await call(akt.api, 'syncSetup', { url: db, station: 'AKT' }));
    await akt.api.recordShipment(cargo());
    const [a, b] = await Promise.all([akt.api.syncNow(), akt.api.syncNow()]);
    expect(a).toBe(b);
  });
}

describe('the sync API', () => {
  servedBy(startedOnce);
  apiSpecs();
});

const real = realCouch();
if (real)
  describe('the sync API through Apache CouchDB (COUCHDB_URL)', () => {
    servedBy(() => real);
    apiSpecs();
  });
else {
  warnSkipped('the sync API against Apache CouchDB', 'COUCHDB_URL is not set; it ran on express-pouchdb');
  test.skip('the sync API through Apache CouchDB (COUCHDB_URL not set)', () => undefined);
}

describe('the desktop login, kept with safeStorage', () => {
  servedBy(startedOnce);
  test('saved encrypted, read back for a round, never in any answer or file in plain text', async () => {
    const storage = fakeSafeStorage();
    const login = safeStorageLogin(storage, temp.file('userData'), {});
    const akt = station('AKT', login);
    const before = value<{ credentials: unknown }>(await call(akt.api, 'syncStatus'));
    expect(before.credentials).toEqual({ source: null, user: null, canStore: true });
    const answers: unknown[] = [];
    answers.push(value(await call(akt.api, 'testConnection', { url: db, user: 'akt', password: PASSWORD })));
    answers.push(
      value(await call(akt.api, 'syncSetup', { url: db, station: 'AKT', user: 'akt', password: PASSWORD })),
    );
    expect(storage.calls).toBe(1);
    await akt.api.recordShipment(cargo({ blNumber: 'AKT-1' }));
    answers.push(value(await call(akt.api, 'syncNow')));
    answers.push(value(await call(akt.api, 'syncStatus')));
    answers.push(value(await call(akt.api, 'testConnection')));
    answers.push(value(await call(akt.api, 'info')));
    answers.push(value(await call(akt.api, 'listShipments', { year: 2024 })));
    answers.push(value(await call(akt.api, 'exportReport', { year: 2024, report: 'register' })));
    expect(answers[3]).toEqual(
      expect.objectContaining({
        station: 'AKT',
        credentials: { source: 'stored', user: 'akt', canStore: true },
      }),
    );
    expect(answers[4]).toEqual(expect.objectContaining({ ok: true }));
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(PASSWORD);
    // Not in the journal, the checkpoint, the received journals, nor the login file itself (encrypted).
    expect(fs.existsSync(temp.file(`userData/${LOGIN_FILE_NAME}`))).toBe(true);
    expect(filesUnder(temp.dir)).not.toContain(PASSWORD);
    expect(filesUnder(temp.dir)).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    // A new login replaces the old one.
    value(
      await call(akt.api, 'syncSetup', { url: db, station: 'AKT', user: 'akt2', password: 'other-secret' }),
    );
    expect(login.read()).toEqual({ user: 'akt2', password: 'other-secret' });
  });

  test('refused where the system offers no real encryption; nothing is written', async () => {
    for (const storage of [
      fakeSafeStorage(false),
      ...(process.platform === 'linux' ? [fakeSafeStorage(true, 'basic_text')] : []),
    ]) {
      const dir = temp.file(`userData-${storage.isEncryptionAvailable()}`);
      const login = safeStorageLogin(storage, dir, {});
      expect(() => login.save?.({ user: 'akt', password: PASSWORD })).toThrow(/never kept in plain text/);
      expect(fs.existsSync(path.join(dir, LOGIN_FILE_NAME))).toBe(false);
    }
  });

  test('the environment is used until a login is kept; a file the keychain cannot read counts as none', () => {
    const dir = temp.file('userData');
    const login = safeStorageLogin(fakeSafeStorage(), dir, {
      TRANSIT_SYNC_USER: 'env',
      TRANSIT_SYNC_PASSWORD: 'e',
    });
    expect([login.source(), login.read()]).toEqual(['environment', { user: 'env', password: 'e' }]);
    login.save?.({ user: 'akt', password: PASSWORD });
    expect([login.source(), login.read()?.user]).toEqual(['stored', 'akt']);
    const otherKeychain = safeStorageLogin(
      {
        ...fakeSafeStorage(),
        decryptString: () => {
          throw new Error('cannot decrypt');
        },
      },
      dir,
      {},
    );
    expect([otherKeychain.source(), otherKeychain.read()]).toEqual([null, null]);
  });
});
