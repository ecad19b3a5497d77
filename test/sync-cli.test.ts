/**
 * The sync commands as a person and a script run them (issue 11): the real command in a process
 * of its own against a CouchDB-protocol server started here; a server that goes away mid-round is
 * exit 4 and a rerun completes; a round killed (SIGKILL) at random moments, then run again, loses
 * and duplicates nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerService } from '../electron/core/service';
import { mirrorPath } from '../electron/core/stations/ids';
import { MirrorJournal } from '../electron/core/stations/mirror';
import { startTestCouch, type TestCouch } from './support/couch-server';
import { tempDir } from './support/temp';

const CLI = path.resolve(__dirname, '..', 'build', 'electron', 'cli.js');
const BIN = path.resolve(__dirname, '..', 'bin', 'transit-ledger.js');
jest.setTimeout(180_000);

/**
 * The installed command builds the compiled one when it is missing (a fresh clone) or older than
 * electron/ (an edit): run once here, so the spawns below never run a build older than the sources.
 */
function ensureBuilt(): void {
  const built = spawnSync(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (built.status !== 0) throw new Error(`the command line could not be built:\n${built.stderr}`);
}

let couch: TestCouch;
let temp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  ensureBuilt();
  couch = await startTestCouch();
  await couch.addUser('akt', 'pw-akt', ['AKT']);
  await couch.addUser('sng', 'pw-sng', ['SNG']);
});
afterAll(async () => {
  await couch.close();
});
beforeEach(() => {
  temp = tempDir('transit-sync-cli-');
});
afterEach(() => temp.cleanup());

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

function run(args: string[], env: Record<string, string> = {}, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, TRANSIT_LEDGER: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, out, err });
    });
  });
}

const as = (station: string) => ({
  TRANSIT_SYNC_USER: station.toLowerCase(),
  TRANSIT_SYNC_PASSWORD: `pw-${station.toLowerCase()}`,
});
const ADMIN_ENV = { TRANSIT_SYNC_USER: 'admin', TRANSIT_SYNC_PASSWORD: 'admin-secret' };
let dbs = 0;

async function twoStations() {
  const db = `${couch.base}/cli-${process.pid}-${++dbs}`;
  const init = await run(['sync', 'init-server', '--url', db, '--stations', 'AKT,SNG'], ADMIN_ENV);
  expect(init).toEqual(expect.objectContaining({ code: 0 }));
  // Idempotent: a second run changes nothing and says so.
  const again = await run(['sync', 'init-server', '--url', db, '--stations', 'AKT,SNG'], ADMIN_ENV);
  expect(again.out).toMatch(/Found the ledger database[\s\S]*already in place[\s\S]*as before/);
  const akt = temp.file('akt.jsonl');
  const sng = temp.file('sng.jsonl');
  expect((await run(['--ledger', akt, 'sync', 'setup', '--url', db, '--station', 'AKT'])).code).toBe(0);
  expect((await run(['--ledger', sng, 'sync', 'setup', '--url', db, '--station', 'sng'])).code).toBe(0);
  return { db, akt, sng };
}

/** Tankers of the fleet: an unknown name is a question that needs a person's confirmation. */
const FLEET_NAMES = ['Astana', 'Aktau', 'Taraz', 'Liwa'];

async function seed(file: string, count: number): Promise<void> {
  const service = LedgerService.open(file, { actor: 'seed' });
  try {
    service.recordMany(
      Array.from({ length: count }, (_, i) => ({
        blDate: `2024-0${1 + (i % 8)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        vessel: FLEET_NAMES[i % FLEET_NAMES.length] as string,
        netTonnes: String(6000 + i),
        blNumber: `AKT-${i}`,
      })),
    );
  } finally {
    service.close();
  }
}

async function statusOf(file: string, station: string) {
  const status = await run(['--ledger', file, 'sync', 'status', '--json'], as(station));
  expect(status.code).toBe(0);
  return JSON.parse(status.out);
}

test('setup, sync, status, conflicts and an amend that resolves, as commands', async () => {
  const { db, akt, sng } = await twoStations();
  const refused = await run(['--ledger', akt, 'sync', 'setup', '--url', db, '--station', 'HQ']);
  expect(refused.code).toBe(2);
  expect(refused.err).toMatch(/station AKT; a station's id never changes/);
  const plain = await run([
    '--ledger',
    akt,
    'sync',
    'setup',
    '--url',
    'http://couch.example.org/x',
    '--station',
    'AKT',
  ]);
  expect(plain.code).toBe(2);
  expect(plain.err).toMatch(/--insecure/);

  const added = await run([
    '--ledger',
    akt,
    'add',
    '--bl-date',
    '2024-08-01',
    '--vessel',
    'Astana',
    '--tonnes',
    '9959.5',
  ]);
  const id = added.out.trim().split('\n').pop() as string;
  expect((await statusOf(akt, 'AKT')).waiting).toBeGreaterThan(0);
  const first = await run(['--ledger', akt, 'sync'], as('AKT'));
  expect(first.code).toBe(0);
  expect(first.out).toMatch(/Pushed \d+ entries of station AKT/);
  expect(await statusOf(akt, 'AKT')).toEqual(
    expect.objectContaining({
      station: 'AKT',
      url: db,
      waiting: 0,
      conflicts: 0,
      lastSync: expect.any(String),
    }),
  );
  const pulled = await run(['--ledger', sng, 'sync'], as('SNG'));
  expect(pulled.out).toMatch(/Pulled \d+ from AKT/);

  expect((await run(['--ledger', akt, 'amend', id, '--tonnes', '9000', '--reason', 'survey'])).code).toBe(0);
  expect((await run(['--ledger', sng, 'amend', id, '--tonnes', '9100', '--reason', 'outturn'])).code).toBe(0);
  for (const [file, station] of [
    [akt, 'AKT'],
    [sng, 'SNG'],
    [akt, 'AKT'],
  ] as const)
    expect((await run(['--ledger', file, 'sync'], as(station))).code).toBe(0);
  for (const file of [akt, sng]) {
    const open = JSON.parse((await run(['--ledger', file, 'conflicts', '--json'])).out);
    expect(open).toHaveLength(1);
    expect(open[0]).toEqual(expect.objectContaining({ kind: 'fork', cargo: id }));
    expect(
      open[0].versions
        .map((v: { station: string; shipment: { netTonnes: number } }) => [v.station, v.shipment.netTonnes])
        .sort(),
    ).toEqual([
      ['AKT', 9000],
      ['SNG', 9100],
    ]);
  }
  expect((await run(['--ledger', sng, 'amend', id, '--tonnes', '9050', '--reason', 'agreed'])).code).toBe(0);
  await run(['--ledger', sng, 'sync'], as('SNG'));
  await run(['--ledger', akt, 'sync'], as('AKT'));
  for (const file of [akt, sng]) {
    expect(JSON.parse((await run(['--ledger', file, 'conflicts', '--json'])).out)).toEqual([]);
    expect((await run(['--ledger', file, 'list', '--year', '2024', '--format', 'json'])).out).toMatch(
      /"9050"|9050/,
    );
  }
  // No credential in anything written beside the ledger.
  for (const name of fs.readdirSync(temp.dir, { recursive: true }) as string[]) {
    const full = path.join(temp.dir, name);
    if (fs.statSync(full).isFile())
      expect(fs.readFileSync(full, 'utf8')).not.toMatch(/pw-akt|pw-sng|admin-secret/);
  }
});

test('a wrong password, and a server stopped mid-round: exit 4 with the reason; a rerun completes', async () => {
  const { akt, sng } = await twoStations();
  const wrong = await run(['--ledger', akt, 'sync'], {
    TRANSIT_SYNC_USER: 'akt',
    TRANSIT_SYNC_PASSWORD: 'nope',
  });
  expect(wrong.code).toBe(4);
  expect(wrong.err).toMatch(/refused the user name or password/);
  await seed(akt, 3000);
  const env = { ...as('AKT'), TRANSIT_SYNC_BATCH: '100' };
  const round = run(['--ledger', akt, 'sync'], env);
  await new Promise((resolve) => setTimeout(resolve, 700));
  await couch.stop();
  const stopped = await round;
  await couch.start();
  expect(stopped.code).toBe(4);
  expect(stopped.err).toMatch(/cannot be reached/);
  expect((await statusOf(akt, 'AKT')).lastError).toEqual({
    code: 'sync.unreachable',
    facts: expect.objectContaining({ server: expect.any(String) }),
    message: expect.stringMatching(/cannot be reached/),
  });
  const rerun = await run(['--ledger', akt, 'sync'], env);
  expect(rerun.code).toBe(0);
  expect((await statusOf(akt, 'AKT')).waiting).toBe(0);
  expect((await run(['--ledger', sng, 'sync'], as('SNG'))).code).toBe(0);
  const list = JSON.parse((await run(['--ledger', sng, 'list', '--year', '2024', '--format', 'json'])).out);
  expect(list).toHaveLength(3000);
});

test('SIGKILL at random moments of pushing and pulling, then sync again: nothing lost or duplicated', async () => {
  const { db, akt, sng } = await twoStations();
  await seed(akt, 2000);
  let seedValue = 7;
  const random = () => {
    seedValue = (seedValue * 48271) % 2147483647;
    return seedValue / 2147483647;
  };
  const kills = { push: 0, pull: 0 };
  for (const [file, station, key] of [
    [akt, 'AKT', 'push'],
    [sng, 'SNG', 'pull'],
  ] as const) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const result = await run(
        ['--ledger', file, 'sync'],
        { ...as(station), TRANSIT_SYNC_BATCH: '50' },
        150 + random() * 900,
      );
      if (result.signal === 'SIGKILL') kills[key]++;
    }
    const last = await run(['--ledger', file, 'sync'], as(station));
    expect(last.code).toBe(0);
  }
  expect(kills.push + kills.pull).toBeGreaterThan(0);
  // Every entry of AKT on the server once, and at SNG once, its chain whole.
  const all = await couch.request('GET', `${new URL(db).pathname}/_all_docs`);
  const aktLines = fs.readFileSync(akt, 'utf8').trimEnd().split('\n').length;
  expect(all.body.rows.filter((r: { id: string }) => r.id.startsWith('AKT:'))).toHaveLength(aktLines);
  const received = MirrorJournal.open('AKT', mirrorPath(sng, 'AKT'), false, () => undefined);
  expect(received.damage).toBeNull();
  expect(received.lastSeq).toBe(aktLines);
  const list = JSON.parse((await run(['--ledger', sng, 'list', '--year', '2024', '--format', 'json'])).out);
  expect(list).toHaveLength(2000);
  expect(new Set(list.map((s: { id: string }) => s.id)).size).toBe(2000);
  expect((await run(['--ledger', sng, 'verify'])).code).toBe(0);
});
