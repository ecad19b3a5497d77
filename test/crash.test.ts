/**
 * The ledger's promise: no acknowledged tonne is ever lost, whatever crashes. These tests kill
 * real writer processes (test/fixtures/crash-writer.ts) with SIGKILL at random moments, make the
 * disk refuse writes, and start a second writer, then read the file back the way the app would.
 *
 * An acknowledgement is a complete line on the writer's stdout, printed only after its
 * recordShipment (or importCsv) promise resolved: what a person would have been shown as "saved".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ShipmentInput } from '../electron/core/api';
import { TransitError } from '../electron/core/errors';
import type { LedgerIo } from '../electron/core/ledger';
import { LedgerService } from '../electron/core/service';
import { tempDir } from './support/temp';

const ROOT = path.resolve(__dirname, '..');
const WRITER = path.join(__dirname, 'fixtures', 'crash-writer.ts');
/** The writer's clock too: every B/L date of 2024 is in the past. */
const NOW = new Date('2024-12-31T12:00:00Z');
const now = (): Date => NOW;
const ACTOR = 'crash-test';

const KILLS = 50;
const IMPORT_RUNS = 8;
const IMPORT_ROWS = 2000;
/** How long a writer may take to start and print its first line before the test gives up on it. */
const START_TIMEOUT_MS = 30_000;
/** Set CRASH_TEST_REPORT=1 to print what each test exercised (kills, acknowledgements, cut imports). */
const REPORT = process.env.CRASH_TEST_REPORT === '1';

// ---------------------------------------------------------------------------------------------
// Child processes

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running crash-writer: its complete stdout lines, the time each arrived, and how it ended. */
class Writer {
  readonly lines: string[] = [];
  readonly lineTimes: number[] = [];
  stderr = '';
  exit: Exit | null = null;
  readonly closed: Promise<Exit>;
  private readonly child: ChildProcess;
  private partial = '';
  private readonly listeners = new Set<() => void>();

  constructor(args: string[]) {
    this.child = spawn(process.execPath, ['--require', 'tsx/cjs', WRITER, ...args], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    running.add(this);
    this.child.stdout?.setEncoding('utf8');
    this.child.stdout?.on('data', (chunk: string) => {
      // Only a line ending in \n counts: a half-printed line was never seen by anyone.
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      const at = performance.now();
      for (const line of parts) {
        this.lines.push(line);
        this.lineTimes.push(at);
      }
      this.notify();
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.closed = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        this.exit = { code, signal };
        running.delete(this);
        this.notify();
        resolve(this.exit);
      });
    });
  }

  /** Resolves with the index of the first line matching `predicate`; rejects if the writer ends first. */
  waitForLine(predicate: (line: string) => boolean, timeoutMs = START_TIMEOUT_MS): Promise<number> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      const check = () => {
        const index = this.lines.findIndex(predicate);
        if (index >= 0) {
          done();
          resolve(index);
        } else if (this.exit !== null) {
          done();
          reject(
            new Error(
              `the writer ended (${JSON.stringify(this.exit)}) without printing the awaited line. ` +
                `stderr: ${this.stderr}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(`the writer printed no awaited line within ${timeoutMs} ms. stderr: ${this.stderr}`),
        );
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** Lets a writer started with --wait begin writing. */
  go(): void {
    this.child.stdin?.end('go\n');
  }

  /** SIGKILL: no handler, no flush, no cleanup runs in the writer. Resolves once its pipes are drained. */
  async kill(): Promise<Exit> {
    if (this.exit === null) this.child.kill('SIGKILL');
    return this.closed;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** Every writer not yet ended; afterEach kills them, so a failing test leaves no process behind. */
const running = new Set<Writer>();

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function randomBetween(min: number, max: number): number {
  return min + Math.random() * (max - min);
}

async function probe(
  file: string,
  readOnly = false,
): Promise<{ ok: boolean; code?: string; message?: string; shipments?: number }> {
  const writer = new Writer(['probe', file, ...(readOnly ? ['read-only'] : [])]);
  const exit = await writer.closed;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(writer.lines).toHaveLength(1);
  return JSON.parse(writer.lines[0] as string) as {
    ok: boolean;
    code?: string;
    message?: string;
    shipments?: number;
  };
}

// ---------------------------------------------------------------------------------------------
// Ledger helpers

function shipment(blNumber: string, blDate = '2024-12-02', netTonnes = '9959.500'): ShipmentInput {
  return { blDate, vessel: 'Aktau', netTonnes, blNumber };
}

/** Opens writable (taking over a dead writer's lock and cutting a torn tail), reads, closes. */
async function reopen(file: string) {
  const service = LedgerService.open(file, { actor: ACTOR, now });
  try {
    const info = await service.info();
    const shipments = await service.listShipments({});
    return { recovery: info.recovery, shipments };
  } finally {
    service.close();
  }
}

/** verify() on a read-only open made after everything else was closed. */
async function verifyFresh(file: string) {
  const service = LedgerService.open(file, { readOnly: true, now });
  try {
    return await service.verify();
  } finally {
    service.close();
  }
}

function countByBlNumber(shipments: { blNumber: string | null }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of shipments)
    if (s.blNumber !== null) counts.set(s.blNumber, (counts.get(s.blNumber) ?? 0) + 1);
  return counts;
}

function registerCsv(prefix: string, rows: number): string {
  const lines = ['B/L date,B/L number,Vessel,Net tonnes'];
  for (let n = 1; n <= rows; n++) {
    const month = String(1 + (n % 12)).padStart(2, '0');
    const day = String(1 + (n % 28)).padStart(2, '0');
    const kg = 6_000_000 + ((n * 7919) % 4_000_000);
    const tonnes = `${Math.floor(kg / 1000)}.${String(kg % 1000).padStart(3, '0')}`;
    lines.push(`2024-${month}-${day},${prefix}-${n},Liwa,${tonnes}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function errorFrom(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

// ---------------------------------------------------------------------------------------------

let temp: ReturnType<typeof tempDir>;

beforeEach(() => {
  temp = tempDir('transit-crash-');
});

afterEach(async () => {
  await Promise.all([...running].map((writer) => writer.kill()));
  temp.cleanup();
});

describe('a crash never loses an acknowledged shipment', () => {
  test('every acknowledged shipment survives a SIGKILL at a random moment', async () => {
    const file = temp.file('ledger.jsonl');
    const acknowledged: string[] = [];
    let kills = 0;
    let repairs = 0;
    let tornTails = 0;

    // A fresh prefix per run: the B/L numbers of every run are distinct, so "exactly once" means something.
    // Each writer is started two runs early and waits (--wait) without touching the ledger, so
    // its start-up (most of a second of module loading) overlaps the runs before it.
    const recorder = (run: number) => new Writer(['record', file, `R${run}`, '--wait']);
    const waiting = [recorder(0), recorder(1)];
    for (let run = 0; run < KILLS; run++) {
      const writer = waiting.shift() as Writer;
      if (run + 2 < KILLS) waiting.push(recorder(run + 2));
      await writer.waitForLine((line) => line === 'READY');
      writer.go();
      await writer.waitForLine((line) => line !== 'READY');
      await sleep(randomBetween(20, 300));
      const exit = await writer.kill();
      // The writer was stopped by our SIGKILL, not by an error of its own.
      expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
      expect(writer.stderr).toBe('');
      kills++;
      const acks = writer.lines.filter((line) => line !== 'READY');
      acknowledged.push(...acks);

      // A process kill cannot tear a line (the kernel keeps what write() was given); a power cut
      // can. Every tenth run leaves half an entry at the end, as one would, so the repair path
      // runs in this loop too and the next writer carries on from a repaired file.
      let tornBytes: Buffer | null = null;
      if (run % 10 === 9) {
        // Half of what the next entry would have been: the last one renumbered, cut mid-way.
        const lastLine = fs.readFileSync(file, 'utf8').trimEnd().split('\n').pop() as string;
        const next = lastLine.replace(/"seq":(\d+)/, (_, seq: string) => `"seq":${Number(seq) + 1}`);
        fs.appendFileSync(file, next.slice(0, next.length >> 1));
        tornBytes = fs.readFileSync(file);
        tornTails++;
      }

      const { recovery, shipments } = await reopen(file);
      if (tornBytes !== null) {
        expect(recovery?.lost).toHaveLength(1);
        // The damaged original is kept aside byte for byte.
        expect(fs.readFileSync(recovery?.backupPath as string)).toEqual(tornBytes);
      }
      if (recovery !== null) {
        repairs++;
        // A repair may only drop what was never confirmed: a torn last line.
        for (const lost of recovery.lost)
          expect(lost).toMatchObject({
            confirmed: false,
            reason: expect.stringMatching(/before it was confirmed/),
          });
      }
      const counts = countByBlNumber(shipments);
      const missing = acknowledged.filter((bl) => !counts.has(bl));
      const repeated = [...counts].filter(([, n]) => n > 1);
      expect(missing).toEqual([]);
      expect(repeated).toEqual([]);
      // This run's entries are a prefix of what it wrote, in order: its acknowledgements, perhaps
      // followed by an entry saved just before the kill and never acknowledged; no gap anywhere.
      const written = shipments
        .filter((s) => s.blNumber?.startsWith(`R${run}-`))
        .map((s) => Number((s.blNumber as string).slice(`R${run}-`.length)))
        .sort((a, b) => a - b);
      expect(written.length).toBeGreaterThanOrEqual(acks.length);
      expect(written).toEqual(written.map((_n, index) => index + 1));

      const report = await verifyFresh(file);
      expect(report).toMatchObject({ ok: true, problems: [], shipments: shipments.length });
    }

    // The test exercised the mechanism: many kills, and many acknowledgements for them to threaten.
    expect(kills).toBeGreaterThanOrEqual(50);
    expect(acknowledged.length).toBeGreaterThan(100);
    if (REPORT)
      console.log(
        `SIGKILL test: ${kills} kills, ${acknowledged.length} acknowledged shipments, ` +
          `${repairs} opens repaired a torn tail (${tornTails} of them made by the test)`,
      );
    // Fifty writers start, write and are killed: about a minute alone, three on a machine busy with other work.
  }, 300_000);

  test('a kill during an import leaves all of it or none of it', async () => {
    const SEEDED = 3;
    /** A ledger of its own, a 2,000-row sheet for it, and an import writer started early, waiting. */
    const prepare = (run: number) => {
      const file = temp.file(`ledger-${run}.jsonl`);
      const csv = temp.file(`import-${run}.csv`);
      return { file, csv, prefix: `IMP${run}`, writer: new Writer(['import', file, csv, '--wait']) };
    };
    /** Fills the ledger with a few shipments, writes the sheet, lets the writer open the ledger. */
    const begin = async (job: ReturnType<typeof prepare>) => {
      const seed = LedgerService.open(job.file, { actor: ACTOR, now });
      for (let n = 1; n <= SEEDED; n++) await seed.recordShipment(shipment(`SEED-${n}`, `2024-11-0${n}`));
      seed.close();
      fs.writeFileSync(job.csv, registerCsv(job.prefix, IMPORT_ROWS));
      await job.writer.waitForLine((line) => line === 'READY');
      job.writer.go();
      await job.writer.waitForLine((line) => line === 'OPENED');
    };

    // Calibrate: how long one import takes from "ledger open" to "imported", left alone.
    const calibration = prepare(0);
    let next = prepare(1);
    await begin(calibration);
    expect(await calibration.writer.closed).toEqual({ code: 0, signal: null });
    expect(calibration.writer.lines).toEqual(['READY', 'OPENED', `IMPORTED ${IMPORT_ROWS}`]);
    const importMs =
      (calibration.writer.lineTimes[2] as number) - (calibration.writer.lineTimes[1] as number);
    expect((await reopen(calibration.file)).shipments).toHaveLength(SEEDED + IMPORT_ROWS);

    let cutBeforeAcknowledged = 0;
    let cutWithNothingWritten = 0;
    let partialBatchesCut = 0;
    for (let run = 1; run <= IMPORT_RUNS; run++) {
      const job = next;
      if (run < IMPORT_RUNS) next = prepare(run + 1);
      await begin(job);
      // Mostly before the import completes; a quarter beyond, so some runs are acknowledged too.
      await sleep(randomBetween(0, 1.25 * importMs));
      await job.writer.kill();
      const acknowledged = job.writer.lines.includes(`IMPORTED ${IMPORT_ROWS}`);

      const { recovery, shipments } = await reopen(job.file);
      const imported = shipments.filter((s) => s.blNumber?.startsWith(`${job.prefix}-`)).length;
      // All of it or none of it: never a part, and what was there before is untouched.
      expect([0, IMPORT_ROWS]).toContain(imported);
      expect(shipments).toHaveLength(SEEDED + imported);
      expect(shipments.filter((s) => s.blNumber?.startsWith('SEED-'))).toHaveLength(SEEDED);
      if (acknowledged) expect(imported).toBe(IMPORT_ROWS);
      else cutBeforeAcknowledged++;
      if (!acknowledged && imported === 0) cutWithNothingWritten++;
      if (recovery !== null) {
        // The only entries an open may drop are those never confirmed: a cut-short import.
        for (const lost of recovery.lost)
          expect(lost).toMatchObject({
            confirmed: false,
            reason: expect.stringMatching(/before it was confirmed/),
          });
        if (recovery.lost.length > 0) partialBatchesCut++;
      }

      expect(await verifyFresh(job.file)).toMatchObject({ ok: true, shipments: SEEDED + imported });
    }

    // Otherwise the test proved nothing: at least one import was killed before it completed.
    expect(cutBeforeAcknowledged).toBeGreaterThan(0);
    if (REPORT) {
      console.log(
        `Import test: one import takes ${Math.round(importMs)} ms; ` +
          `${cutBeforeAcknowledged} of ${IMPORT_RUNS} killed before IMPORTED ` +
          `(${cutWithNothingWritten} left nothing, ` +
          `${cutBeforeAcknowledged - cutWithNothingWritten} were already durable), ` +
          `${partialBatchesCut} left a partial batch on disk that the next open cut`,
      );
    }
  }, 60_000);
});

describe('a disk that refuses a write', () => {
  type Failure = 'none' | 'write' | 'fsync';

  /** The real disk, except when `failure` says which call should fail. */
  function failingIo() {
    const control = { failure: 'none' as Failure, partialBytes: 0, grownTo: 0 };
    const io: Partial<LedgerIo> = {
      writeSync(fd, buffer) {
        if (control.failure !== 'write') return fs.writeSync(fd, buffer);
        // Half the bytes reach the file, then the disk is full.
        control.partialBytes = fs.writeSync(fd, buffer, 0, Math.floor(buffer.length / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
      fsyncSync(fd) {
        if (control.failure !== 'fsync') return fs.fsyncSync(fd);
        control.grownTo = Math.max(control.grownTo, fs.fstatSync(fd).size);
        throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      },
    };
    return { io, control };
  }

  test.each([
    ['half the bytes are written, then ENOSPC', 'write', 'ENOSPC'],
    ['everything is written, then fsync fails with EIO', 'fsync', 'EIO'],
  ] as const)(
    'a write the disk refuses is not acknowledged and leaves the file as it was (%s)',
    async (_name, failure, code) => {
      const file = temp.file('ledger.jsonl');
      const { io, control } = failingIo();
      const service = LedgerService.open(file, { actor: ACTOR, now, io });
      try {
        await service.recordShipment(shipment('DISK-1', '2024-12-01'));
        await service.recordShipment(shipment('DISK-2', '2024-12-02'));
        const before = fs.readFileSync(file);
        const entriesBefore = (await service.info()).entries;

        control.failure = failure;
        const refused = service.recordShipment(shipment('DISK-3', '2024-12-03'));
        await expect(refused).rejects.toBeInstanceOf(TransitError);
        await expect(refused).rejects.toMatchObject({
          code: 'io',
          message: expect.stringContaining('Nothing was recorded'),
        });
        await expect(refused).rejects.toMatchObject({ message: expect.stringContaining(code) });
        // The failure really left bytes behind for the ledger to take back.
        if (failure === 'write') expect(control.partialBytes).toBeGreaterThan(0);
        else expect(control.grownTo).toBeGreaterThan(before.length);

        expect(fs.readFileSync(file)).toEqual(before);
        expect((await service.listShipments({})).map((s) => s.blNumber)).toEqual(['DISK-1', 'DISK-2']);
        expect((await service.info()).entries).toBe(entriesBefore);

        // The disk recovers: the same shipment can now be saved, its B/L number was never taken.
        control.failure = 'none';
        await service.recordShipment(shipment('DISK-3', '2024-12-03'));
      } finally {
        service.close();
      }

      const { recovery, shipments } = await reopen(file);
      expect(recovery).toBeNull();
      expect(shipments.map((s) => s.blNumber)).toEqual(['DISK-1', 'DISK-2', 'DISK-3']);
      expect(await verifyFresh(file)).toMatchObject({ ok: true, shipments: 3 });
    },
  );
});

describe('one writer at a time', () => {
  test("a second writer is refused with the holder's name while the first holds the lock", async () => {
    const file = temp.file('ledger.jsonl');
    const first = LedgerService.open(file, { actor: ACTOR, now, appName: 'Transit Ledger' });
    try {
      await first.recordShipment(shipment('LOCK-1'));

      // Another process: refused, told which process holds the ledger.
      const other = await probe(file);
      expect(other).toMatchObject({ ok: false, code: 'locked' });
      expect(other.message).toContain(`Transit Ledger (process ${process.pid}`);

      // This process again, as a second window would: refused the same way.
      const error = errorFrom(() => LedgerService.open(file, { actor: ACTOR, now }));
      expect(error).toBeInstanceOf(TransitError);
      expect(error).toMatchObject({
        code: 'locked',
        message: expect.stringContaining(`process ${process.pid}`),
      });

      // Reading is still possible, in this process and in another.
      const reader = LedgerService.open(file, { readOnly: true, now });
      expect((await reader.listShipments({})).map((s) => s.blNumber)).toEqual(['LOCK-1']);
      reader.close();
      expect(await probe(file, true)).toEqual({ ok: true, shipments: 1 });

      // The refused attempts changed nothing: the holder writes on.
      await first.recordShipment(shipment('LOCK-2'));
    } finally {
      first.close();
    }

    // Once the first writer closes, the lock is free for the next.
    expect(await probe(file)).toEqual({ ok: true, shipments: 2 });
  }, 30_000);
});
