/**
 * The lock under contention (issue 8, point 1): six writer processes start together on a stale
 * lock, round after round, and each writes if it gets the ledger. Whatever the interleaving, no
 * two acknowledged writes may share a seq, every acknowledged cargo is in the ledger when it is
 * read again, and the ledger verifies clean.
 *
 * The writers (test/fixtures/lock/contender.ts) are started once and told to go each round, so a
 * round costs the contention, not six Node start-ups. The stale lock changes form from round to
 * round: a dead PID in an older lock file, a dead PID with a start time and nonce, and an empty
 * lock file left by a crash long ago.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerService } from '../electron/core/service';
import { tempDir } from './support/temp';

const ROOT = path.resolve(__dirname, '..');
const CONTENDER = path.join(__dirname, 'fixtures', 'lock', 'contender.ts');
const WRITERS = 6;
const ROUNDS = 40;
const NOW = new Date('2024-12-31T12:00:00Z');

/** A contender process and the lines it printed. */
class Contender {
  readonly lines: string[] = [];
  stderr = '';
  private partial = '';
  private readonly waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(ledger: string) {
    this.child = spawn(process.execPath, ['-r', 'tsx/cjs', CONTENDER, ledger], { cwd: ROOT });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => {
      this.child.on('close', (code) => {
        for (const wake of this.waiters.splice(0)) wake();
        resolve(code);
      });
    });
  }

  async waitFor(line: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.lines.includes(line)) {
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(
          `contender ${this.child.pid} did not print "${line}". ` +
            `Lines: ${this.lines.slice(-5).join(' / ')}. stderr: ${this.stderr}`,
        );
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  end(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** Leaves the lock a crash would have left, in one of three forms. */
function writeStaleLock(lockFile: string, round: number, deadPid: number): void {
  const since = new Date(Date.now() - 60_000).toISOString();
  const base = { pid: deadPid, host: os.hostname(), user: 'clerk', app: 'Crashed writer', since };
  if (round % 3 === 0) {
    fs.writeFileSync(lockFile, JSON.stringify(base));
  } else if (round % 3 === 1) {
    fs.writeFileSync(
      lockFile,
      JSON.stringify({ ...base, nonce: `${round}`.padStart(24, '0'), start: 'linux:1' }),
    );
  } else {
    fs.writeFileSync(lockFile, '');
    const then = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile, then, then);
  }
}

interface JournalLine {
  seq?: number;
  type?: string;
  id?: string;
}

function journal(file: string): JournalLine[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JournalLine);
}

let temp: ReturnType<typeof tempDir>;
const contenders: Contender[] = [];

beforeEach(() => {
  temp = tempDir('transit-lock-stress-');
});

afterEach(async () => {
  for (const contender of contenders.splice(0)) contender.kill();
  temp.cleanup();
});

describe(`${WRITERS} writers starting together on a stale lock, ${ROUNDS} rounds`, () => {
  test('one writer at a time, every acknowledged cargo kept', async () => {
    const ledger = temp.file('ledger.jsonl');
    const lockFile = `${ledger}.lock`;
    const seed = LedgerService.open(ledger, { actor: 'seed', now: () => NOW });
    await seed.recordShipment({
      blDate: '2024-01-05',
      vessel: 'Astana',
      netTonnes: '9000',
      blNumber: 'SEED-1',
    });
    seed.close();
    const deadPid = spawnSync(process.execPath, ['--version']).pid as number;

    for (let i = 0; i < WRITERS; i++) contenders.push(new Contender(ledger));
    await Promise.all(contenders.map((contender) => contender.waitFor('READY', 30_000)));

    const acksPerRound: number[] = [];
    const lockLeftBefore: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Every writer of the round before should have released it.
      if (fs.existsSync(lockFile)) lockLeftBefore.push(round);
      writeStaleLock(lockFile, round, deadPid);
      for (const contender of contenders) contender.send(`go ${round}`);
      await Promise.all(contenders.map((contender) => contender.waitFor(`done ${round}`)));
      acksPerRound.push(
        contenders.filter((contender) => contender.lines.some((line) => line.startsWith(`ack ${round} `)))
          .length,
      );
    }
    await Promise.all(contenders.map((contender) => contender.end()));

    const all = contenders.flatMap((contender) => contender.lines);
    const acked = all.filter((line) => line.startsWith('ack ')).map((line) => line.split(' ')[2] as string);
    const lines = journal(ledger);
    const seqs = lines.map((line) => line.seq).filter((seq): seq is number => typeof seq === 'number');
    expect(new Set(seqs).size).toBe(seqs.length);
    const seqOf = new Map(
      lines.filter((line) => line.type === 'record' && line.id).map((line) => [line.id as string, line.seq]),
    );
    expect(new Set(acked.map((id) => seqOf.get(id))).size).toBe(acked.length);

    const reader = LedgerService.open(ledger, { readOnly: true, now: () => NOW });
    try {
      const ids = new Set((await reader.listShipments({})).map((shipment) => shipment.id));
      expect(acked.filter((id) => !ids.has(id))).toEqual([]);
      expect(await reader.verify()).toMatchObject({ ok: true });
    } finally {
      reader.close();
    }
    // No writer met anything but a refusal or its own write: no error, and no write lost its lock.
    expect(all.filter((line) => /^(error|refused) /.test(line))).toEqual([]);
    // Every round, the stale lock was taken over by someone, who released it when done.
    expect(acksPerRound.filter((acks) => acks === 0)).toEqual([]);
    expect(lockLeftBefore).toEqual([]);
    // Nothing left behind: no lock, no break token, no temp file.
    expect(fs.readdirSync(temp.dir).filter((name) => name.startsWith('ledger.jsonl.lock'))).toEqual([]);
  }, 60_000);
});
