/**
 * The ledger's lock, as a specification: one writer at a time, a lock left by a program that is
 * gone is taken over (and only such a lock), a writer that loses its lock stops writing, and a
 * lock that cannot be judged from here is released by a person with `unlock`.
 *
 * Most tests judge lock files written by hand, as a crash or an older version leaves them; a
 * "running holder" is this jest process or a child started from test/fixtures/lock/hold.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, type CliIo } from '../electron/cli';
import { TransitError } from '../electron/core/errors';
import { LedgerLock, lockWriter, unlockLedger, type LockIo } from '../electron/core/lock';
import { parseProcStat } from '../electron/core/lock/holder';
import { LockHolder } from './support/holder';
import { tempDir } from './support/temp';

const HOLD = path.join(__dirname, 'fixtures', 'lock', 'hold.ts');
const HOST = os.hostname();

let temp: ReturnType<typeof tempDir>;
let ledger: string;
let lockFile: string;
const held: LedgerLock[] = [];

beforeEach(() => {
  temp = tempDir('transit-lock-');
  ledger = temp.file('ledger.jsonl');
  lockFile = `${ledger}.lock`;
});

const children: ChildProcess[] = [];

afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  for (const child of children.splice(0)) child.kill('SIGKILL');
  temp.cleanup();
});

const linuxOnly = process.platform === 'linux' ? test : test.skip;

/** Starts a program that stays running until the test ends; resolves with its pid once it runs. */
function startProgram(command: string, args: string[]): Promise<{ child: ChildProcess; firstLine: string }> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0] as string;
      if (out.includes('\n')) resolve({ child, firstLine: line });
    });
    child.once('error', reject);
  });
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error('timed out waiting');
}

/** A running program that is not Transit Ledger (`sleep 1000`), started now: its pid. */
async function unrelatedProgram(): Promise<number> {
  const { child } = await startProgram('sh', ['-c', 'echo started; exec sleep 1000']);
  const pid = child.pid as number;
  if (process.platform === 'linux')
    await waitFor(() => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('sleep'));
  return pid;
}

function acquire(app = 'Test writer'): LedgerLock {
  const lock = LedgerLock.acquire(ledger, app);
  held.push(lock);
  return lock;
}

/** A PID that was running a moment ago and is not any more. */
function deadPid(): number {
  return spawnSync(process.execPath, ['--version']).pid as number;
}

function writeLock(fields: Record<string, unknown>): string {
  const content = JSON.stringify({
    host: HOST,
    user: 'clerk',
    app: 'Transit Ledger',
    since: new Date().toISOString(),
    ...fields,
  });
  fs.writeFileSync(lockFile, content);
  return content;
}

function setAge(file: string, seconds: number): void {
  const then = new Date(Date.now() - seconds * 1000);
  fs.utimesSync(file, then, then);
}

function lockContent(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Record<string, unknown>;
}

function errorFrom(action: () => unknown): TransitError {
  try {
    action();
  } catch (error) {
    if (error instanceof TransitError) return error;
    throw error;
  }
  throw new Error('expected a TransitError, and nothing was thrown');
}

/** Everything in the ledger's folder but the named files: what a failed lock must not leave behind. */
function leftovers(...expected: string[]): string[] {
  return fs.readdirSync(temp.dir).filter((name) => !expected.includes(name));
}

// ---------------------------------------------------------------------------------------------

describe('taking the lock', () => {
  test('is written complete, with a nonce and the holder process start, and leaves no temp file', () => {
    const lock = acquire('Transit Ledger');
    const content = lockContent();
    expect(content).toMatchObject({
      pid: process.pid,
      host: HOST,
      app: 'Transit Ledger',
      nonce: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    if (process.platform === 'linux')
      expect(content).toMatchObject({
        start: expect.stringMatching(/^linux:\d+$/),
        boot: expect.any(String),
      });
    expect(leftovers()).toEqual(['ledger.jsonl.lock']);
    lock.release();
    expect(leftovers()).toEqual([]);
  });

  test('is refused to a second writer in the same program, naming the holder', () => {
    acquire('Transit Ledger');
    const error = errorFrom(() => acquire('Second window'));
    expect(error.code).toBe('locked');
    expect(error.message).toContain(`Transit Ledger (process ${process.pid}, user `);
    expect(error.message).toMatch(/Close it there and try again; reading is still possible\.$/);
  });
});

describe('a lock left behind', () => {
  test('by a process that no longer runs is taken over', () => {
    writeLock({ pid: deadPid() });
    acquire();
    expect(lockContent()).toMatchObject({ pid: process.pid, app: 'Test writer' });
  });

  test('naming a PID now used by a process started after the lock was taken (an older lock file) is taken over', () => {
    // This jest process started minutes ago at most; the lock says its holder started a day ago.
    writeLock({ pid: process.pid, since: new Date(Date.now() - 86_400_000).toISOString() });
    acquire();
    expect(lockContent()).toMatchObject({ pid: process.pid, app: 'Test writer', nonce: expect.any(String) });
  });

  test('naming a running PID whose process start differs from the recorded one is taken over', () => {
    writeLock({ pid: process.pid, start: 'linux:1', nonce: 'a'.repeat(24) });
    acquire();
    expect(lockContent()).toMatchObject({ app: 'Test writer' });
  });

  (process.platform === 'linux' ? test : test.skip)(
    'from before the computer restarted (another boot id) is taken over even though its PID runs',
    () => {
      writeLock({ pid: 1, boot: '00000000-0000-4000-8000-000000000000', nonce: 'b'.repeat(24) });
      acquire();
      expect(lockContent()).toMatchObject({ app: 'Test writer' });
    },
  );

  linuxOnly(
    'naming a zombie (a process that has exited but was not yet reaped by its parent) is taken over',
    async () => {
      // sh starts `sleep 0` in the background, then becomes `sleep 5`, which never reaps it.
      const { firstLine } = await startProgram('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5']);
      const zombie = Number(firstLine);
      await waitFor(() => parseProcStat(fs.readFileSync(`/proc/${zombie}/stat`, 'utf8'))?.state === 'Z');
      expect(() => process.kill(zombie, 0)).not.toThrow(); // kill(pid, 0) alone calls it alive
      writeLock({ pid: zombie, since: new Date().toISOString() });
      acquire();
      expect(lockContent()).toMatchObject({ app: 'Test writer' });
    },
  );

  test('of an older version, naming a running process that started before it, is still respected', () => {
    writeLock({ pid: process.pid, since: new Date().toISOString() });
    expect(errorFrom(() => acquire()).code).toBe('locked');
  });

  test('empty and older than a few seconds (a crash of an older version) is taken over', () => {
    fs.writeFileSync(lockFile, '');
    setAge(lockFile, 30);
    acquire();
    expect(lockContent()).toMatchObject({ app: 'Test writer' });
  });

  test('empty and fresh is being written: refused with "try again", and left alone', () => {
    fs.writeFileSync(lockFile, '');
    const error = errorFrom(() => acquire());
    expect(error.code).toBe('locked');
    expect(error.message).toMatch(/try again in a few seconds/);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe('');
  });

  test('by another computer cannot be judged: refused, naming the holder and the exact unlock command', () => {
    writeLock({ pid: 4242, host: 'port-office-7', user: 'aliya', since: '2024-05-03T08:00:00.000Z' });
    const error = errorFrom(() => acquire());
    expect(error.code).toBe('locked');
    expect(error.message).toContain(
      'Transit Ledger (process 4242, user aliya on port-office-7, since 2024-05-03T08:00:00.000Z)',
    );
    expect(error.message).toContain(
      'If Transit Ledger is no longer running on port-office-7, release the lock with: ' +
        `transit-ledger --ledger ${ledger} unlock --force`,
    );
    expect(lockContent()).toMatchObject({ host: 'port-office-7' });
  });

  test('by another computer, on a path with spaces, gives a command that can be pasted into a shell', () => {
    const folder = temp.file('Transit Ledger');
    fs.mkdirSync(folder);
    ledger = path.join(folder, "clerk's ledger.jsonl");
    lockFile = `${ledger}.lock`;
    writeLock({ pid: 4242, host: 'port-office-7' });
    expect(errorFrom(() => acquire()).message).toContain(
      `--ledger '${folder}/clerk'\\''s ledger.jsonl' unlock --force`,
    );
  });
});

describe('a takeover is a compare-and-swap', () => {
  test('never removes a lock another process took after this one judged it stale (issue 8, point 1)', () => {
    writeLock({ pid: deadPid() });
    let second: LedgerLock | null = null;
    // A has judged the stale lock and is about to remove it; B takes it over first.
    const first = errorFrom(() =>
      LedgerLock.acquire(ledger, 'Writer A', {
        beforeTakeover: () => {
          second ??= LedgerLock.acquire(ledger, 'Writer B');
        },
      }),
    );
    expect(second).not.toBeNull();
    held.push(second as unknown as LedgerLock);
    expect(first.code).toBe('locked');
    expect(first.message).toContain(`Writer B (process ${process.pid}`);
    expect(lockContent()).toMatchObject({ app: 'Writer B' });
    expect(() => (second as unknown as LedgerLock).assertHeld()).not.toThrow();
  });

  test('a break token left by a takeover that crashed does not block the next one, and is cleared', () => {
    const stale = writeLock({ pid: deadPid(), nonce: 'c'.repeat(24) });
    const token = `${lockFile}.break-${crypto.createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
    fs.writeFileSync(
      token,
      JSON.stringify({
        pid: deadPid(),
        host: HOST,
        user: 'x',
        app: 'Crashed writer',
        since: new Date().toISOString(),
        nonce: 'd'.repeat(24),
      }),
    );
    acquire();
    expect(lockContent()).toMatchObject({ app: 'Test writer' });
    expect(leftovers()).toEqual(['ledger.jsonl.lock']);
  });

  test('a takeover under way in a running process is left to finish: the stale lock is not removed under it', () => {
    const stale = writeLock({ pid: deadPid(), nonce: 'e'.repeat(24) });
    const token = `${lockFile}.break-${crypto.createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
    fs.writeFileSync(
      token,
      JSON.stringify({
        pid: process.pid,
        host: HOST,
        user: 'x',
        app: 'Busy writer',
        since: new Date().toISOString(),
      }),
    );
    expect(errorFrom(() => acquire()).code).toBe('locked');
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(stale);
  });
});

describe('a writer that loses its lock', () => {
  test('is told so when its lock file was removed: nothing may be recorded', () => {
    const lock = acquire();
    expect(() => lock.assertHeld()).not.toThrow();
    fs.rmSync(lockFile);
    const error = errorFrom(() => lock.assertHeld());
    expect(error.code).toBe('locked');
    expect(error.message).toBe(
      `This program no longer holds the lock of the ledger ${ledger}: ` +
        'another program took it over or the lock file was removed. ' +
        'Nothing was recorded. Close the ledger and open it again.',
    );
  });

  test("is told so when another program took the lock over, and its release leaves the new holder's lock alone", () => {
    const first = acquire('Writer A');
    fs.rmSync(lockFile);
    const second = acquire('Writer B');
    expect(errorFrom(() => first.assertHeld()).code).toBe('locked');
    expect(() => second.assertHeld()).not.toThrow();
    first.release();
    expect(lockContent()).toMatchObject({ app: 'Writer B' });
    expect(() => second.assertHeld()).not.toThrow();
  });

  test('is told so when its lock file was moved away, though the file still exists elsewhere', () => {
    const lock = acquire();
    fs.renameSync(lockFile, temp.file('moved.lock'));
    expect(errorFrom(() => lock.assertHeld()).code).toBe('locked');
  });

  test('the check before each append is one fstat; the path is looked up only once in a while', () => {
    const lock = acquire();
    lock.assertHeld();
    const fstat = jest.spyOn(fs, 'fstatSync');
    const stat = jest.spyOn(fs, 'statSync');
    try {
      for (let i = 0; i < 1000; i++) lock.assertHeld();
      expect(fstat).toHaveBeenCalledTimes(1000);
      // 1,000 checks within one path-check interval (200 ms) look the path up at most once.
      expect(stat.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      fstat.mockRestore();
      stat.mockRestore();
    }
  });
});

describe('/proc/<pid>/stat', () => {
  test('gives fields 3 (state) and 22 (start ticks), even with spaces and parentheses in the name', () => {
    const rest = ' 1 1 1 0 -1 4194304 100 0 0 0 0 0 0 0 20 0 1 0 987654 1000 10 18446744073709551615';
    expect(parseProcStat(`4242 (sleep) S${rest}`)).toEqual({ state: 'S', startTicks: '987654' });
    expect(parseProcStat(`4242 (a) b) (c) Z${rest}`)).toEqual({ state: 'Z', startTicks: '987654' });
    expect(parseProcStat('4242 (cut')).toBeNull();
    expect(parseProcStat('')).toBeNull();
  });
});

describe('a lock that cannot be written', () => {
  const failing = (code: string, step: keyof LockIo): Partial<LockIo> => ({
    [step]: () => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    },
  });

  test('in a folder that is not writable gives a clear sentence and leaves nothing behind', () => {
    const error = errorFrom(() =>
      LedgerLock.acquire(ledger, 'Test writer', { io: failing('EACCES', 'openSync') }),
    );
    expect(error.code).toBe('io');
    expect(error.message).toMatch(new RegExp(`^The folder ${temp.dir} is not writable: `));
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(leftovers()).toEqual([]);
  });

  (process.getuid?.() === 0 || process.platform === 'win32' ? test.skip : test)(
    'in a read-only folder (not as root) says the folder is not writable',
    () => {
      fs.chmodSync(temp.dir, 0o555);
      try {
        expect(errorFrom(() => acquire()).message).toMatch(/is not writable/);
      } finally {
        fs.chmodSync(temp.dir, 0o755);
      }
      expect(leftovers()).toEqual([]);
    },
  );

  test('on a full disk says the disk is full and leaves no temp file', () => {
    for (const step of ['writeSync', 'fsyncSync', 'linkSync'] as const) {
      const error = errorFrom(() =>
        LedgerLock.acquire(ledger, 'Test writer', { io: failing('ENOSPC', step) }),
      );
      expect(error).toMatchObject({ code: 'io', message: expect.stringMatching(/^The disk is full: /) });
      expect(leftovers()).toEqual([]);
    }
  });

  test('on a full disk during a takeover leaves the stale lock as it was and no break token', () => {
    const stale = writeLock({ pid: deadPid() });
    let writes = 0;
    const io: Partial<LockIo> = {
      // The first write is the new lock's (refused: the stale one is there); the second is the token's.
      writeSync: (fd, buffer) => {
        if (++writes === 2) throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
        return fs.writeSync(fd, buffer);
      },
    };
    expect(errorFrom(() => LedgerLock.acquire(ledger, 'Test writer', { io })).message).toMatch(
      /^The disk is full/,
    );
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(stale);
    expect(leftovers('ledger.jsonl.lock')).toEqual([]);
  });

  test('on a full disk is still released by its holder: no lock is left behind after a successful write', () => {
    // The break token of a release needs a few bytes; a full disk (ENOSPC or EDQUOT) refuses them.
    for (const code of ['ENOSPC', 'EDQUOT']) {
      let full = false;
      const io: Partial<LockIo> = {
        writeSync: (fd, buffer) => {
          if (full) throw Object.assign(new Error(`${code}: simulated`), { code });
          return fs.writeSync(fd, buffer);
        },
      };
      const lock = LedgerLock.acquire(ledger, 'Test writer', { io });
      full = true;
      lock.release();
      expect(leftovers()).toEqual([]);
    }
  });

  test('on a full disk, a release never removes a lock that is no longer its own', () => {
    let full = false;
    const io: Partial<LockIo> = {
      writeSync: (fd, buffer) => {
        if (full) throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
        return fs.writeSync(fd, buffer);
      },
    };
    const first = LedgerLock.acquire(ledger, 'Writer A', { io });
    fs.rmSync(lockFile);
    acquire('Writer B');
    full = true;
    first.release();
    expect(lockContent()).toMatchObject({ app: 'Writer B' });
  });

  test('under a path that is not a folder gives a clear sentence, not a stack trace', () => {
    const blocker = temp.file('not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const error = errorFrom(() => LedgerLock.acquire(path.join(blocker, 'ledger.jsonl'), 'Test writer'));
    expect(error).toMatchObject({
      code: 'io',
      message: expect.stringContaining(`The folder ${blocker} does not exist or is not a folder`),
    });
    expect(leftovers('not-a-folder')).toEqual([]);
  });
});

describe('who holds the ledger', () => {
  const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

  test('is the user, computer and time the lock names while it is held: facts, not a sentence', () => {
    acquire('Transit Ledger');
    expect(lockWriter(ledger)).toEqual({
      user: os.userInfo().username,
      host: HOST,
      since: expect.stringMatching(ISO_INSTANT),
    });
  });

  test('is nobody when there is no lock, or only one left by a program that is gone', () => {
    expect(lockWriter(ledger)).toBeNull();
    writeLock({ pid: deadPid() });
    expect(lockWriter(ledger)).toBeNull();
  });

  test('names a holder on another computer', () => {
    writeLock({ pid: 4242, host: 'port-office-7', user: 'aliya', since: '2026-11-29T18:27:46.235Z' });
    expect(lockWriter(ledger)).toEqual({
      user: 'aliya',
      host: 'port-office-7',
      since: '2026-11-29T18:27:46.235Z',
    });
  });

  test('leaves unknown what the lock does not say: no user, no usable time', () => {
    writeLock({ pid: 4242, host: 'port-office-7', user: undefined, since: 'yesterday' });
    expect(lockWriter(ledger)).toEqual({ user: null, host: 'port-office-7', since: null });
  });

  test('is someone unknown while the lock file is being written (empty and young)', () => {
    fs.writeFileSync(lockFile, '');
    expect(lockWriter(ledger)).toEqual({ user: null, host: null, since: null });
  });
});

// ---------------------------------------------------------------------------------------------

describe('the unlock command', () => {
  const holder = LockHolder.perTest();

  /** Another program that holds the ledger's lock; resolves with its pid once it does. */
  const holdLock = (): Promise<number> => holder.start(HOLD, ledger);

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      env: {},
      now: () => new Date(),
    };
    const code = await main(['--ledger', ledger, ...args], io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  test('refuses while the holder runs on this computer, naming it, even with --force (exit 3)', async () => {
    const pid = await holdLock();
    for (const args of [['unlock'], ['unlock', '--force']]) {
      const result = await cli(...args);
      expect(result.code).toBe(3);
      expect(result.err).toContain(`Lock holder (test) (process ${pid}, user `);
      expect(result.err).toMatch(/still running on this computer\. Close it there/);
    }
    expect(lockContent()).toMatchObject({ pid });
  }, 30_000);

  test('releases the lock of a program that no longer runs, without reading the journal', async () => {
    fs.writeFileSync(ledger, 'not a journal at all\n');
    const pid = deadPid();
    writeLock({ pid });
    const result = await cli('unlock');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(`Released the lock of Transit Ledger (process ${pid}`);
    expect(result.out).toContain(`process ${pid} no longer runs`);
    expect(fs.existsSync(lockFile)).toBe(false);
    expect(fs.readFileSync(ledger, 'utf8')).toBe('not a journal at all\n');
  });

  test('needs --force for a lock from another computer, and says why', async () => {
    writeLock({ pid: 4242, host: 'port-office-7' });
    const refused = await cli('unlock');
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('on another computer; from here it cannot be told whether it still runs');
    expect(refused.err).toContain(`release the lock with: transit-ledger --ledger ${ledger} unlock --force`);
    expect(fs.existsSync(lockFile)).toBe(true);

    const forced = await cli('unlock', '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/^Released the lock of Transit Ledger \(process 4242.*\(--force\)/);
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  test('needs --force for a fresh empty lock file, which may be being written', async () => {
    fs.writeFileSync(lockFile, '');
    expect((await cli('unlock')).code).toBe(3);
    expect((await cli('unlock', '--force')).code).toBe(0);
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  linuxOnly(
    'for an older lock file whose PID another program now has: refuses, saying unlock --force releases it',
    async () => {
      const pid = await unrelatedProgram();
      // Written after the program started: its start time cannot prove that the lock is not its.
      writeLock({ pid, since: new Date().toISOString() });
      const refused = await cli('unlock');
      expect(refused.code).toBe(3);
      expect(refused.err).toContain(`process ${pid} is now "sleep 1000", which is not Transit Ledger`);
      expect(refused.err).toContain(`transit-ledger --ledger ${ledger} unlock --force will release it`);
      expect(fs.existsSync(lockFile)).toBe(true);
      expect(errorFrom(() => acquire()).message).toContain(
        `release the lock with: transit-ledger --ledger ${ledger} unlock --force`,
      );

      const forced = await cli('unlock', '--force');
      expect(forced).toMatchObject({ code: 0, err: '' });
      expect(forced.out).toContain(`Released the lock of Transit Ledger (process ${pid}`);
      expect(forced.out).toContain(`process ${pid} is now "sleep 1000", not Transit Ledger`);
      expect(fs.existsSync(lockFile)).toBe(false);
    },
    30_000,
  );

  test('for an older lock file naming a running Transit Ledger look-alike: refuses, even with --force', async () => {
    writeLock({ pid: process.pid, since: new Date().toISOString() }); // this jest process: node
    for (const args of [['unlock'], ['unlock', '--force']]) {
      const result = await cli(...args);
      expect(result.code).toBe(3);
      expect(result.err).toMatch(/still running on this computer\. Close it there/);
    }
    expect(fs.existsSync(lockFile)).toBe(true);
  });

  test('says there is no lock to release when there is none', async () => {
    expect(await cli('unlock')).toEqual({
      code: 0,
      out: `The ledger ${ledger} has no lock: there is no lock to release.`,
      err: '',
    });
  });

  test('is listed in the usage', async () => {
    expect((await cli('--help')).out).toContain('unlock [--force]');
  });

  test('is also a function for the other transports', () => {
    writeLock({ pid: deadPid() });
    expect(unlockLedger(ledger)).toMatchObject({ status: 'released' });
    expect(unlockLedger(ledger)).toMatchObject({ status: 'none' });
  });
});
