/**
 * `npm run bench`: the ledger's everyday operations at 100, 10,000 and 100,000 shipments, each
 * next to a raw baseline measured in the same run (what the same bytes cost with no ledger in
 * between), with the ratio judged against a target. A report: it exits 0 even when a target fails.
 * Writes only into temporary directories, which it removes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Shipment } from '../electron/core/api';
import { readTip } from '../electron/core/journal/tip';
import type { LedgerIo } from '../electron/core/ledger';
import type { LedgerEvent } from '../electron/core/events';
import { LedgerService } from '../electron/core/service';
import { LedgerState } from '../electron/core/state';
import { compare, formatNs, median, sink, sinkChecksum, type CompareOptions, type Stats } from './measure';
import { benchShipments, oneShipment } from './shipments';

const YEAR = 2024;
const NOW = new Date('2024-12-31T12:00:00Z');
const AS_OF = '2024-12-31';
const now = (): Date => NOW;
const SIZES = [100, 10_000, 100_000] as const;
type Size = (typeof SIZES)[number];

const RECORD_REPS = 200;
const RECORD_WARMUP = 20;
const RECORD_NOSYNC_REPS = 500;
const MS = 1_000_000;

/** Samples per size: fewer for the slow 100k operations. */
// At 100 one operation lasts microseconds, so many untimed runs are needed before the optimising
// compiler has settled on both sides; with 5, the real side was still partly interpreted and the
// ratio swung between 1.9× and 2.8× from run to run. The journal scan has more paths to settle
// (order, damage, tip) than the baseline's split and parse: 300 runs left it at 3–4.5×, 2,000 steady.
const OPEN: Record<Size, CompareOptions> = {
  100: { samples: 31, warmup: 2000, minSampleNs: 5 * MS },
  10000: { samples: 15, warmup: 2, minSampleNs: 0 },
  100000: { samples: 7, warmup: 1, minSampleNs: 0 },
};
const PROGRESS: Record<Size, CompareOptions> = {
  100: { samples: 31, warmup: 1000, minSampleNs: 5 * MS },
  10000: { samples: 21, warmup: 20, minSampleNs: 5 * MS },
  100000: { samples: 15, warmup: 5, minSampleNs: 5 * MS },
};
const EXPORT: Record<Size, CompareOptions> = {
  100: { samples: 31, warmup: 300, minSampleNs: 5 * MS },
  10000: { samples: 11, warmup: 2, minSampleNs: 0 },
  100000: { samples: 7, warmup: 1, minSampleNs: 0 },
};
const EXPORT_FLUSH_100K: CompareOptions = { samples: 3, warmup: 1, minSampleNs: 0 };
/** Progress at one size against progress at 100, interleaved: both last microseconds, so many runs per sample. */
const PROGRESS_FLAT: CompareOptions = { samples: 31, warmup: 1000, minSampleNs: 5 * MS };
/** A new process per sample on both sides: tens of milliseconds each. */
const CLI_START: CompareOptions = { samples: 21, warmup: 2, minSampleNs: 0 };
/** The installed command, as `npm link` or `npm install -g` puts it on PATH. */
const BIN = path.resolve(__dirname, '../bin/transit-ledger.js');

interface Row {
  operation: string;
  /** Cargoes in the ledger; null for a row about no ledger (the command line's start). */
  size: number | null;
  measured: Stats;
  baseline: Stats;
  /** Highest acceptable ratio, or null for a row shown for information only. */
  target: number | null;
}

const rows: Row[] = [];
const notes: string[] = [];

function fsName(type: number): string {
  const known: Record<number, string> = {
    0xef53: 'ext2/3/4',
    0x01021994: 'tmpfs (fsync is a no-op!)',
    0x9123683e: 'btrfs',
    0x58465342: 'xfs',
    0x794c7630: 'overlayfs',
    0x65735546: 'fuse',
  };
  return known[type] ?? `type 0x${type.toString(16)}`;
}

function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  let tmpFs = 'unknown';
  try {
    tmpFs = fsName(fs.statfsSync(os.tmpdir()).type);
  } catch {
    // statfs is not available everywhere; the line just says unknown.
  }
  return [
    `node ${process.version} (${process.platform}/${process.arch}, V8 ${process.versions.v8})`,
    `cpu: ${model} × ${cpus.length} logical cores (availableParallelism ${os.availableParallelism()}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `temp dir: ${os.tmpdir()} on ${tmpFs}`,
  ].join('\n');
}

function elapsed(since: bigint): string {
  return formatNs(Number(process.hrtime.bigint() - since));
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A live ledger kept open for the record phase, which interleaves every size. */
interface Writer {
  size: Size;
  service: LedgerService;
  dir: string;
}

/**
 * The disk calls the ledger makes, routed through the LedgerIo
 * seam so the fsync can be switched off for the CPU-only rows.
 */
const syncSwitch = { on: true };
const switchableIo: Partial<LedgerIo> = {
  writeSync: (fd, buffer) => fs.writeSync(fd, buffer),
  fsyncSync: (fd) => {
    if (syncSwitch.on) fs.fsyncSync(fd);
  },
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
};

interface RecordSide {
  writer: Writer;
  fd: number;
  lineBytes: number;
  real: number[];
  baseline: number[];
  lineSizes: number[];
}

function statsOf(values: readonly number[]): Stats {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    samples: values.length,
    iterations: 1,
  };
}

/**
 * Record one shipment durably vs one append of a line of the same byte size (fsynced when
 * `fsync`). All sizes and their baselines run in one loop, the order rotating each repetition, so
 * the disk's fsync latency (which drifts between 0.3 and 4 ms on a VM) is shared by every column.
 */
async function benchRecord(
  writers: readonly Writer[],
  fsync: boolean,
  reps: number,
  warmup: number,
  serial: { next: number },
): Promise<RecordSide[]> {
  syncSwitch.on = fsync;
  const sides: RecordSide[] = writers.map((writer) => ({
    writer,
    fd: fs.openSync(
      path.join(writer.dir, fsync ? 'baseline-append.jsonl' : 'baseline-append-nosync.jsonl'),
      'a',
    ),
    lineBytes: 460,
    real: [],
    baseline: [],
    lineSizes: [],
  }));
  const real = async (side: RecordSide, keep: boolean): Promise<void> => {
    const file = side.writer.service.path;
    const input = oneShipment(serial.next++, '2024-12-30');
    const before = fs.statSync(file).size;
    const start = process.hrtime.bigint();
    const saved = await side.writer.service.recordShipment(input);
    const ns = Number(process.hrtime.bigint() - start);
    side.lineBytes = fs.statSync(file).size - before;
    sink(saved.shipment.netKg);
    if (keep) {
      side.real.push(ns);
      side.lineSizes.push(side.lineBytes);
    }
  };
  const baseline = (side: RecordSide, keep: boolean): void => {
    const line = `${'x'.repeat(side.lineBytes - 1)}\n`;
    const start = process.hrtime.bigint();
    fs.writeSync(side.fd, line);
    if (fsync) fs.fsyncSync(side.fd);
    const ns = Number(process.hrtime.bigint() - start);
    if (keep) side.baseline.push(ns);
  };
  const tasks: ((keep: boolean) => Promise<void> | void)[] = [];
  for (const side of sides)
    tasks.push(
      (keep) => real(side, keep),
      (keep) => baseline(side, keep),
    );
  try {
    for (let rep = -warmup; rep < reps; rep++) {
      const keep = rep >= 0;
      const offset = ((rep % tasks.length) + tasks.length) % tasks.length;
      for (let k = 0; k < tasks.length; k++)
        await (tasks[(offset + k) % tasks.length] as (keep: boolean) => Promise<void> | void)(keep);
    }
  } finally {
    for (const side of sides) fs.closeSync(side.fd);
    syncSwitch.on = true;
  }
  return sides;
}

async function benchOpen(file: string, size: Size, expectedEntries: number): Promise<void> {
  // Sanity: a clean, complete ledger, so the measured open is the normal path (no repair report).
  const check = LedgerService.open(file, { readOnly: true, now });
  const info = await check.info();
  check.close();
  if (info.recovery !== null || info.entries !== expectedEntries) {
    throw new Error(
      `open sanity: ${info.entries} entries (expected ${expectedEntries}), ` +
        `recovery ${info.recovery?.message ?? 'none'}`,
    );
  }
  const real = (): void => {
    const service = LedgerService.open(file, { readOnly: true, now });
    service.close();
  };
  const baseline = (): void => {
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    let parsed = 0;
    for (const line of lines) {
      if (line.length === 0) continue;
      const value = JSON.parse(line) as { seq: number };
      parsed += value.seq;
    }
    sink(parsed);
  };
  const result = await compare(real, baseline, OPEN[size]);
  rows.push({
    operation: 'open ledger (read-only)',
    size,
    measured: result.real,
    baseline: result.baseline,
    target: 2,
  });
  if (size === SIZES[0]) await openFloorRows(file, size, real, baseline);
}

/**
 * The least any open of this journal must do, timed against the open's own baseline, to show how
 * much of the target is left for everything else. Three steps, each on top of the one before: read
 * it, check its bytes against the CRC-32 its tip keeps (journal/tip.ts) and parse each line (no
 * index, no state); fold the entries into the state the app reads (the shipments, their B/L numbers
 * and history, the day totals); and check the chain (each entry the next number, naming the sum of
 * the one before) and the tip beside the file, without which a lost entry would go unnoticed.
 */
async function openFloorRows(
  file: string,
  size: Size,
  real: () => void,
  baseline: () => void,
): Promise<void> {
  const tipNow = readTip(file);
  if (tipNow.state !== 'ok' || tipNow.tip.crc === undefined)
    throw new Error('open floor: the tip has no CRC');
  const vouched = tipNow.tip;
  // Read into one buffer kept from read to read, as the open reads (journal/lines.ts): a fresh buffer
  // each time is paid for page by page and made this floor cost more than the open itself.
  const kept = Buffer.allocUnsafe(fs.statSync(file).size);
  const checked = (): string[] => {
    const fd = fs.openSync(file, 'r');
    let length = 0;
    try {
      length = fs.readSync(fd, kept, 0, kept.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (zlib.crc32(kept.subarray(0, vouched.size)) !== vouched.crc)
      throw new Error('open floor: the CRC differs');
    return kept
      .toString('utf8', 0, length)
      .split('\n')
      .filter((line) => line.length > 0);
  };
  const floor = (): void => {
    let parsed = 0;
    for (const line of checked()) parsed += (JSON.parse(line) as { seq: number }).seq;
    sink(parsed);
  };
  const floorAndFold = (): void => {
    const state = new LedgerState();
    for (const line of checked()) state.apply(JSON.parse(line) as LedgerEvent);
    sink(state.shipments.size);
  };
  const leastOpen = (): void => {
    const state = new LedgerState();
    let before: { seq: number; sum: string } | null = null;
    for (const line of checked()) {
      const event = JSON.parse(line) as LedgerEvent & { prev: string; sum: string };
      if (before !== null && (event.seq !== before.seq + 1 || event.prev !== before.sum))
        throw new Error('open floor: the chain is broken');
      state.apply(event);
      before = event;
    }
    const tip = readTip(file);
    if (tip.state !== 'ok' || tip.tip.seq !== before?.seq || tip.tip.sum !== before.sum)
      throw new Error('open floor: the tip does not match the end of the file');
    sink(state.shipments.size);
  };
  const steps: [string, () => void, () => void][] = [
    ['open floor: read + CRC + parse (info)', floor, baseline],
    ['open floor + fold into the state (info)', floorAndFold, baseline],
    ['open floor + fold + chain + tip (info)', leastOpen, baseline],
    ['open vs floor + fold + chain + tip (info)', real, leastOpen],
  ];
  for (const [operation, measured, against] of steps) {
    const row = await compare(measured, against, OPEN[size]);
    rows.push({ operation, size, measured: row.real, baseline: row.baseline, target: null });
  }
}

async function benchProgress(service: LedgerService, size: Size): Promise<void> {
  const shipments: Shipment[] = await service.listShipments({ year: YEAR });
  let expected = 0;
  for (const s of shipments) expected += s.netKg;
  const check = await service.progress({ year: YEAR, asOf: AS_OF });
  if (check.tonnesKg !== expected || shipments.length !== size) {
    throw new Error(
      `progress sanity: ${check.tonnesKg} kg vs ${expected} kg over ${shipments.length} shipments`,
    );
  }
  const real = async (): Promise<void> => {
    const progress = await service.progress({ year: YEAR, asOf: AS_OF });
    sink(progress.shipments);
  };
  const baseline = (): void => {
    let sum = 0;
    for (let i = 0; i < shipments.length; i++) sum += (shipments[i] as Shipment).netKg;
    sink(sum);
  };
  const result = await compare(real, baseline, PROGRESS[size]);
  rows.push({
    operation: 'progress vs bare loop (info)',
    size,
    measured: result.real,
    baseline: result.baseline,
    target: null,
  });
  if (size === SIZES[0]) {
    // Day totals as the ledger keeps them (per day, maintained as entries arrive), taken from the answer itself.
    const dayKg = check.daily.actualKg.map(
      (value, i, all) => (value ?? 0) - (i === 0 ? 0 : (all[i - 1] ?? 0)),
    );
    const floor = await compare(
      real,
      () => sink(progressFloor(check.daily.dates, dayKg).months.length),
      PROGRESS[size],
    );
    rows.push({
      operation: 'progress vs its floor: series only (info)',
      size,
      measured: floor.real,
      baseline: floor.baseline,
      target: null,
    });
  }
}

/**
 * Progress is flat in the ledger's size: at 10,000 and 100,000 cargoes it may cost at most twice
 * what it costs at 100. The services of every size are open at once, so each size and the
 * 100-cargo ledger are sampled alternately in the same loop, as the record rows are.
 */
async function benchProgressFlat(writers: readonly Writer[]): Promise<void> {
  const [small, ...larger] = writers;
  if (small === undefined) return;
  const progressOf = (writer: Writer) => async (): Promise<void> =>
    sink((await writer.service.progress({ year: YEAR, asOf: AS_OF })).shipments);
  for (const writer of larger) {
    const result = await compare(progressOf(writer), progressOf(small), PROGRESS_FLAT);
    rows.push({
      operation: 'progress at N vs progress at 100',
      size: writer.size,
      measured: result.real,
      baseline: result.baseline,
      target: 2,
    });
  }
}

/**
 * The least work any implementation must do to answer a progress query from day totals, with no
 * ledger, no validation and no KPIs: the chart's 366-point series and the twelve-month table.
 * Timed at 100 shipments it shows whether a fixed-size answer can come within 5× of the bare loop.
 */
function progressFloor(
  dates: readonly string[],
  dayKg: readonly number[],
): { months: number[]; series: unknown[][] } {
  const days = dates.length;
  const actual = new Array<number>(days);
  const target = new Array<number>(days);
  const base = new Array<number>(days);
  let cumulative = 0;
  for (let i = 0; i < days; i++) {
    cumulative += dayKg[i] ?? 0;
    actual[i] = cumulative;
    target[i] = Math.round((2_200_000_000 * (i + 1)) / days);
    base[i] = Math.round((1_057_000_000 * (i + 1)) / days);
  }
  const months = new Array<number>(12);
  for (let m = 0; m < 12; m++) months[m] = actual[Math.min(days - 1, m * 31)] ?? 0;
  return { months, series: [dates.slice(), actual, target, base] };
}

async function benchExport(service: LedgerService, dir: string, size: Size): Promise<void> {
  const realFile = path.join(dir, 'export-real.csv');
  const baselineFile = path.join(dir, 'export-baseline.csv');
  const request = { year: YEAR, report: 'register', separator: ';' } as const;
  const sample = await service.exportReport(request);
  if (sample.rows !== size) throw new Error(`export sanity: ${sample.rows} rows, expected ${size}`);
  const content = sample.content;
  if (size === SIZES[SIZES.length - 1]) {
    notes.push(
      `export: the 100,000-row register is ${(Buffer.byteLength(content) / 2 ** 20).toFixed(1)} MiB of UTF-8.`,
    );
  }
  const run = (flush: boolean) => {
    const real = async (): Promise<void> => {
      const report = await service.exportReport(request);
      fs.writeFileSync(realFile, report.content, { flush });
    };
    const baseline = (): void => {
      fs.writeFileSync(baselineFile, content, { flush });
    };
    return { real, baseline };
  };
  // Each sample writes a fresh file: overwriting the last one would truncate it, and on ext4 a
  // truncate-and-rewrite waits for the writeback the previous write started (auto_da_alloc),
  // which made the write side swing tenfold between runs. The unlink happens outside the timing.
  const fresh = {
    prepareReal: () => fs.rmSync(realFile, { force: true }),
    prepareBaseline: () => fs.rmSync(baselineFile, { force: true }),
  };
  const plain = run(false);
  const result = await compare(plain.real, plain.baseline, { ...EXPORT[size], ...fresh });
  rows.push({
    operation: 'export vs raw write (info)',
    size,
    measured: result.real,
    baseline: result.baseline,
    target: null,
  });
  if (size !== SIZES[0]) {
    // The floor of any export that returns its text as one string: the rows already formatted,
    // only joined into the file's text and written. Formatting comes on top of this.
    const lines = content.split('\r\n');
    const floorFile = path.join(dir, 'export-floor.csv');
    const joinOnly = async (): Promise<void> => fs.writeFileSync(floorFile, lines.join('\r\n'));
    const floorFresh = { prepareBaseline: () => fs.rmSync(floorFile, { force: true }) };
    // The target: the export against its floor, sampled alternately
    // (formatting 1.6 M cells costs no more than writing them).
    const target = await compare(plain.real, joinOnly, {
      ...EXPORT[size],
      prepareReal: fresh.prepareReal,
      ...floorFresh,
    });
    rows.push({
      operation: 'export register + write vs floor',
      size,
      measured: target.real,
      baseline: target.baseline,
      target: 2,
    });
    const floor = await compare(joinOnly, plain.baseline, {
      ...EXPORT[size],
      prepareReal: floorFresh.prepareBaseline,
      prepareBaseline: fresh.prepareBaseline,
    });
    rows.push({
      operation: 'export floor: join + write (info)',
      size,
      measured: floor.real,
      baseline: floor.baseline,
      target: null,
    });
    // The same floor had the export produced bytes instead (rows kept formatted as UTF-8): copying
    // them into one buffer and writing it, against writing that buffer. Writing bytes skips the
    // string's encoding, so the baseline shrinks too.
    const rowBytes = lines.map((line) => Buffer.from(`${line}\r\n`, 'utf8'));
    const fileBytes = Buffer.concat(rowBytes);
    const concatOnly = async (): Promise<void> => fs.writeFileSync(realFile, Buffer.concat(rowBytes));
    const bytesBaseline = (): void => fs.writeFileSync(baselineFile, fileBytes);
    const bytesFloor = await compare(concatOnly, bytesBaseline, { ...EXPORT[size], ...fresh });
    rows.push({
      operation: 'export floor: bytes copy + write (info)',
      size,
      measured: bytesFloor.real,
      baseline: bytesFloor.baseline,
      target: null,
    });
  }
  if (size === 100_000) {
    const flushed = run(true);
    const withFlush = await compare(flushed.real, flushed.baseline, { ...EXPORT_FLUSH_100K, ...fresh });
    rows.push({
      operation: 'export + write, flush:true (info)',
      size,
      measured: withFlush.real,
      baseline: withFlush.baseline,
      target: null,
    });
  }
}

/**
 * Seeds a ledger of `size` shipments, reopens it as the app
 * does on start, and runs open, progress and export on it.
 */
async function benchSize(size: Size, dirs: string[]): Promise<Writer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `transit-bench-${size}-`));
  dirs.push(dir);
  const file = path.join(dir, 'ledger.jsonl');
  let phase = process.hrtime.bigint();
  const seeder = LedgerService.open(file, { now, actor: 'bench' });
  try {
    seeder.recordMany(benchShipments(size, YEAR, AS_OF));
  } finally {
    seeder.close();
  }
  log(
    `[${size}] seeded ${size} shipments (${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MiB) in ${elapsed(phase)}`,
  );
  phase = process.hrtime.bigint();
  // Header + one batch of `size` records.
  // The header, then the seeding batch: its begin line, one line per cargo, its commit line.
  await benchOpen(file, size, size + 3);
  log(`[${size}] open done in ${elapsed(phase)}`);
  phase = process.hrtime.bigint();
  // Opened afresh, so its shipments come from the journal as in a real session, not from recordMany.
  const service = LedgerService.open(file, { now, actor: 'bench', io: switchableIo });
  try {
    await benchProgress(service, size);
    log(`[${size}] progress done in ${elapsed(phase)}`);
    phase = process.hrtime.bigint();
    await benchExport(service, dir, size);
    log(`[${size}] export done in ${elapsed(phase)}`);
  } catch (error) {
    service.close();
    throw error;
  }
  return { size, service, dir };
}

/**
 * `transit-ledger --help` as a person or a script starts it: a new node process on the installed
 * command (bin/transit-ledger.js, which runs the compiled CLI), against `node -e 0` started the
 * same way, sampled alternately. A run that would build the CLI first is a warm-up run.
 */
async function benchCliStart(): Promise<void> {
  const help = (): void => {
    const result = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    if (result.status !== 0 || !result.stdout.includes('Usage: transit-ledger')) {
      throw new Error(`transit-ledger --help exited ${result.status}: ${result.stderr}`);
    }
  };
  const bare = (): void => {
    const result = spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`node -e 0 exited ${result.status}: ${result.stderr}`);
  };
  const result = await compare(help, bare, CLI_START);
  rows.push({
    operation: 'transit-ledger --help (new process)',
    size: null,
    measured: result.real,
    baseline: result.baseline,
    target: 3,
  });
}

function recordRows(sides: readonly RecordSide[], fsync: boolean): void {
  for (const side of sides) {
    rows.push({
      operation: fsync ? 'record 1 shipment (fsync)' : 'record, fsync off (CPU+write, info)',
      size: side.writer.size,
      measured: statsOf(side.real),
      baseline: statsOf(side.baseline),
      target: fsync ? 1.5 : null,
    });
  }
  const first = sides[0];
  const last = sides[sides.length - 1];
  if (first !== undefined && last !== undefined && first !== last) {
    rows.push({
      operation: fsync ? 'record at 100k vs record at 100' : 'record fsync off, 100k vs 100 (info)',
      size: last.writer.size,
      measured: statsOf(last.real),
      baseline: statsOf(first.real),
      target: fsync ? 1.5 : null,
    });
  }
  if (fsync && first !== undefined)
    notes.push(
      `record: the appended journal line is ${median(first.lineSizes)} bytes (median at 100); ` +
        `each baseline line has the byte count of the last real line of its size.`,
    );
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

const ORDER = [
  'transit-ledger --help (new process)',
  'record 1 shipment (fsync)',
  'record at 100k vs record at 100',
  'record, fsync off (CPU+write, info)',
  'record fsync off, 100k vs 100 (info)',
  'open ledger (read-only)',
  'open floor: read + CRC + parse (info)',
  'open floor + fold into the state (info)',
  'open floor + fold + chain + tip (info)',
  'open vs floor + fold + chain + tip (info)',
  'progress at N vs progress at 100',
  'progress vs bare loop (info)',
  'progress vs its floor: series only (info)',
  'export register + write vs floor',
  'export vs raw write (info)',
  'export floor: join + write (info)',
  'export floor: bytes copy + write (info)',
  'export + write, flush:true (info)',
];

/** The operations per sample, when more than one: "×1000". */
const times = (iterations: number) => (iterations > 1 ? `×${iterations}` : '');

function printTable(): number {
  rows.sort(
    (a, b) => ORDER.indexOf(a.operation) - ORDER.indexOf(b.operation) || (a.size ?? 0) - (b.size ?? 0),
  );
  const header = ['operation', 'size', 'measured (median)', 'baseline (median)', 'ratio', 'target', 'result'];
  const body = rows.map((row) => {
    const ratio = row.measured.median / row.baseline.median;
    const pass = row.target === null ? null : ratio <= row.target;
    return {
      pass,
      cells: [
        row.operation,
        row.size === null ? '—' : row.size.toLocaleString('en-US'),
        `${formatNs(row.measured.median)}  [n=${row.measured.samples}${times(row.measured.iterations)}]`,
        `${formatNs(row.baseline.median)}  [n=${row.baseline.samples}${times(row.baseline.iterations)}]`,
        `${ratio.toFixed(2)}×`,
        row.target === null ? '—' : `≤ ${row.target}×`,
        pass === null ? 'info' : pass ? 'PASS' : 'FAIL',
      ],
    };
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b.cells[i] ?? '').length)));
  const rightAligned = new Set([1, 2, 3, 4]);
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => pad(c, widths[i] ?? 0, rightAligned.has(i))).join(' │ ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const b of body) console.log(line(b.cells));
  const failures = body.filter((b) => b.pass === false);
  const judged = body.filter((b) => b.pass !== null).length;
  console.log('');
  console.log(
    `SUMMARY: ${failures.length} of ${judged} targets FAILED` +
      (failures.length > 0 ? ` (${failures.map((f) => `${f.cells[0]} @ ${f.cells[1]}`).join('; ')})` : ''),
  );
  return failures.length;
}

/** What each row compares, printed under the table. */
function printLegend(): void {
  const say = (lines: readonly string[]) => {
    for (const line of lines) console.log(line);
  };
  say([
    'What each row compares (same run, same temp directory; real and baseline samples interleaved, order flipped ' +
      'each sample):',
    '  --help   : real = spawnSync(node, [bin/transit-ledger.js, "--help"]), the installed command on the ' +
      'compiled CLI, wall time;',
    "             baseline = spawnSync(node, ['-e', '0']). Both a new process per sample, output read through a pipe.",
    '  record   : real = service.recordShipment(one new cargo) on a writable service (validate, append one JSON ' +
      'line, fsync).',
    "             baseline = fs.writeSync(fd, 'x'×(N−1)+'\\n') + fs.fsyncSync(fd), fd opened once with flag 'a' " +
      'on a separate file in the',
    '             same directory, N = byte size of the journal line the real call just appended. All three sizes ' +
      'and their baselines run',
    `             in ONE loop (${RECORD_REPS} reps + ${RECORD_WARMUP} warm-up, order rotating), so fsync drift ` +
      `hits every column alike.`,
    '             The writable services use the LedgerIo seam with fs.writeSync/fs.fsyncSync (identical calls to ' +
      'the default); the',
    `             "fsync off" info rows switch the fsync off on both sides (${RECORD_NOSYNC_REPS} reps) to show ` +
      `the CPU cost alone.`,
    '  open     : real = LedgerService.open(ledger, { readOnly: true }) + close().',
    "             baseline = fs.readFileSync(ledger, 'utf8') → text.split('\\n') → JSON.parse(line) of every " +
      'non-empty line (results dropped).',
    '             (info) floor = the same read, its bytes checked against the CRC-32 the tip keeps (an open',
    '             hashes each line by itself only where no CRC vouches for it), split and parsed: what any open',
    '             of the journal must do, with no index or state.',
    '             (info) floor + fold = that, each parsed line then applied to a new LedgerState (what the app reads).',
    '             (info) floor + fold + chain + tip = that, each entry checked to be the next number naming the',
    '             checksum of the one before, and the tip read and matched with the end of the file: the least an',
    '             open that finds every lost entry must do.',
    '             (info) open vs floor + fold + chain + tip = the open against that: the path, the station check,',
    '             the entry-number account that names a gap, a fork or a duplicate.',
    "  progress : service.progress({ year: 2024, asOf: '2024-12-31' }) on a service opened from the seeded file. " +
      'The target row:',
    '             real = progress on the N-cargo ledger, baseline = progress on the 100-cargo ledger, both ' +
      'services open at once.',
    '             (info) bare loop = a for-loop summing .netKg over the array listShipments({ year: 2024 }) ' +
      'returned (the same N).',
    "  export   : real = service.exportReport({ year: 2024, report: 'register', separator: ';' }) then " +
      'fs.writeFileSync(file, content).',
    '             The target row: baseline = the export floor below. (info) raw write = ' +
      'fs.writeFileSync(otherFile, the same content).',
    '             No fsync on either side; the flush:true row passes { flush: true } (fsync) on both sides, as ' +
      'the CLI does. Every',
    '             side unlinks its file (untimed) before each sample, so every write creates a new file (a timed ' +
      'overwrite would',
    '             wait on the previous write-back, ext4 auto_da_alloc).',
    "  floors   : the least work any implementation must do. progress floor = filling the chart's three 366-point " +
      'series and a',
    '             12-month table from day totals, nothing else (timed against progress at 100); export floor = ' +
      'joining the already',
    '             formatted rows into the content string and writing it, with no formatting at all (timed against ' +
      'the raw write);',
    '             bytes floor = Buffer.concat of the rows already encoded as UTF-8 + writing it, against writing ' +
      'that same Buffer.',
    '  record at 100k vs record at 100: median recordShipment at 100,000 ÷ median at 100, from the same ' +
      'interleaved loop.',
    'Medians; [n=samples×operations per sample]. Every row with a target is judged.',
  ]);
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  console.log('Transit Ledger benchmark');
  console.log(machine());
  console.log(
    `ledger: B/L dates all in ${YEAR}, fixed now ${NOW.toISOString()}, seeded per size with one recordMany batch,`,
  );
  console.log('        then reopened (as the app does on start) for progress, export and record');
  console.log('');
  const dirs: string[] = [];
  const writers: Writer[] = [];
  try {
    for (const size of SIZES) writers.push(await benchSize(size, dirs));
    let phase = process.hrtime.bigint();
    await benchProgressFlat(writers);
    log(`[all] progress across sizes done in ${elapsed(phase)}`);
    for (const writer of writers) {
      // The export files are gone before the fsync phase, so their dirty pages are not flushed by it.
      for (const name of ['export-real.csv', 'export-baseline.csv', 'export-floor.csv'])
        fs.rmSync(path.join(writer.dir, name), { force: true });
    }
    const serial = { next: 1 };
    phase = process.hrtime.bigint();
    recordRows(await benchRecord(writers, true, RECORD_REPS, RECORD_WARMUP, serial), true);
    log(`[all] record (fsync) done in ${elapsed(phase)}`);
    phase = process.hrtime.bigint();
    recordRows(await benchRecord(writers, false, RECORD_NOSYNC_REPS, RECORD_WARMUP, serial), false);
    log(`[all] record (fsync off) done in ${elapsed(phase)}`);
    // Last, so the processes it starts leave the in-process rows above as they were measured before.
    phase = process.hrtime.bigint();
    await benchCliStart();
    log(`[cli] --help done in ${elapsed(phase)}`);
  } finally {
    for (const writer of writers) writer.service.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }

  printTable();
  console.log('');
  printLegend();
  for (const note of notes) console.log(`  note: ${note}`);
  console.log('');
  console.log(`total runtime: ${elapsed(started)} (sink ${sinkChecksum()})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
