/**
 * The built command line given a folder the system refuses to make (/proc/nope on Linux, where
 * /proc exists but says ENOENT to any new folder): it ends at once with the clear message and exit 1,
 * where Node's recursive mkdir spun for ever at full CPU, deaf to SIGTERM. Each command runs as its
 * own process, killed (SIGKILL) after 20 s, so a hang fails the spec instead of stalling the suite.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './support/temp';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'transit-ledger.js');
const HANG_LIMIT_MS = 20_000;
jest.setTimeout(HANG_LIMIT_MS + 10_000);

const linux = process.platform === 'linux';
if (!linux)
  console.warn(
    `SKIPPED: the /proc folder specs of the command line run on Linux only (this is ${process.platform}).`,
  );
const onLinux = linux ? describe : describe.skip;

let tmp: ReturnType<typeof tempDir>;
let backup: string;

/** Runs the built command line; `signal` is 'SIGKILL' when it did not end within HANG_LIMIT_MS. */
function run(args: string[], timeout = HANG_LIMIT_MS) {
  const done = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, TRANSIT_LEDGER: '' },
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
  });
  return { code: done.status, signal: done.signal, out: done.stdout, err: done.stderr };
}

const ADD = ['add', '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9959.5'];

onLinux('a folder under /proc', () => {
  beforeAll(() => {
    tmp = tempDir('transit-cli-folders-');
    // The first run may build the command line first (bin/transit-ledger.js), so it has longer.
    const made = run(['--ledger', tmp.file('ledger.jsonl'), ...ADD], 120_000);
    expect(made.err).not.toContain('Unexpected');
    expect(made.code).toBe(0);
    const written = run(['--ledger', tmp.file('ledger.jsonl'), 'backup', '--json']);
    expect(written.code).toBe(0);
    backup = (JSON.parse(written.out) as { path: string }).path;
  }, 130_000);

  afterAll(() => tmp.cleanup());

  test('backup --dir /proc/nope/x ends with exit 1, saying backups cannot be written there', () => {
    const refused = run(['--ledger', tmp.file('ledger.jsonl'), 'backup', '--dir', '/proc/nope/x']);
    expect(refused.signal).toBeNull();
    expect(refused.err.trim()).toBe('backup: Backups cannot be written to /proc/nope/x (ENOENT).');
    expect(refused.code).toBe(1);
  });

  test('add to --ledger /proc/nope/l.jsonl ends with exit 1, saying the ledger could not be created', () => {
    const refused = run(['--ledger', '/proc/nope/l.jsonl', ...ADD]);
    expect(refused.signal).toBeNull();
    expect(refused.err.trim()).toBe('Could not create the ledger /proc/nope/l.jsonl: ENOENT.');
    expect(refused.code).toBe(1);
  });

  test('restore --to /proc/nope/l.jsonl ends with exit 1, saying the restored ledger cannot be written there', () => {
    const refused = run(['restore', backup, '--to', '/proc/nope/l.jsonl']);
    expect(refused.signal).toBeNull();
    expect(refused.err.trim()).toBe(
      'backup: The restored ledger cannot be written in /proc/nope (ENOENT): choose another place for it.',
    );
    expect(refused.code).toBe(1);
  });

  test('sync setup on --ledger /proc/nope/l.jsonl ends with exit 1, saying the stations’ folder was not made', () => {
    const refused = run([
      '--ledger',
      '/proc/nope/l.jsonl',
      'sync',
      'setup',
      '--url',
      'http://127.0.0.1:9/x',
      '--station',
      'AKT',
    ]);
    expect(refused.signal).toBeNull();
    expect(refused.err.trim()).toBe(
      "The folder /proc/nope/l.jsonl.stations for the other stations' journals could not be made: ENOENT. " +
        'The ledger was not made a station.',
    );
    expect(refused.code).toBe(1);
  });
});

describe('a path the system cannot follow: a file on the way, a loop of links', () => {
  beforeAll(() => {
    tmp = tempDir('transit-cli-paths-');
    fs.writeFileSync(tmp.file('afile'), '');
    fs.symlinkSync(tmp.file('loopA'), tmp.file('loopB'));
    fs.symlinkSync(tmp.file('loopB'), tmp.file('loopA'));
    const made = run(['--ledger', tmp.file('ledger.jsonl'), ...ADD], 120_000);
    expect(made.code).toBe(0);
    backup = (
      JSON.parse(run(['--ledger', tmp.file('ledger.jsonl'), 'backup', '--json']).out) as { path: string }
    ).path;
  }, 130_000);

  afterAll(() => tmp.cleanup());

  test.each([
    ['a file on the way', 'afile/l.jsonl', 'part of its folder path is a file, not a folder'],
    ['a loop of links', 'loopA/l.jsonl', 'ELOOP'],
  ])('a ledger behind %s is refused in one sentence, no stack trace', (_what, relative, reason) => {
    const refused = run(['--ledger', tmp.file(relative), ...ADD]);
    expect(refused.err.trim()).toBe(`Could not open the ledger ${tmp.file(relative)}: ${reason}.`);
    expect(refused.code).toBe(1);
  });

  test('a restore behind a loop of links says the restored ledger cannot be written there', () => {
    const refused = run(['restore', backup, '--to', tmp.file('loopA/r.jsonl')]);
    expect(refused.err.trim()).toBe(
      `backup: The restored ledger cannot be written at ${tmp.file('loopA/r.jsonl')} (ELOOP): ` +
        'choose another place for it.',
    );
    expect(refused.code).toBe(1);
  });
});
