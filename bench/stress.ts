/**
 * Scale checks (issue 8): ledgers of 1,000,000 and 2,000,000 cargoes. Each command runs as its own
 * node process on the compiled CLI, some under --max-old-space-size=2048, and its wall time and
 * peak memory (max RSS) are printed. Not part of `npm test`: it writes about 1.5 GB and takes minutes.
 *
 *   npm run stress [-- --sizes 1000000,2000000]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerService } from '../electron/core/service';
import { benchShipments } from './shipments';

const CLI = path.resolve(__dirname, '../build/electron/cli.js');
const CHILD = path.resolve(__dirname, 'stress-child.cjs');
const NOW = new Date('2024-12-31T12:00:00Z');
const CHUNK = 50_000;

function sizes(): number[] {
  const at = process.argv.indexOf('--sizes');
  const list = at === -1 ? '1000000,2000000' : (process.argv[at + 1] ?? '');
  return list
    .split(',')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
}

/** Fills a ledger in all-or-nothing writes of 50,000 validated cargoes, as a large import would. */
function seed(file: string, count: number): void {
  const service = LedgerService.open(file, { now: () => NOW, actor: 'stress' });
  try {
    for (let done = 0; done < count; done += CHUNK) {
      const chunk = benchShipments(Math.min(CHUNK, count - done), 2024, '2024-12-31', 7 + done);
      for (const [i, input] of chunk.entries())
        input.blNumber = `STRESS-${String(done + i + 1).padStart(8, '0')}`;
      service.recordMany(chunk);
    }
  } finally {
    service.close();
  }
}

interface Run {
  code: number;
  ms: number;
  maxRssKb: number;
}

function run(heapMb: number | null, args: string[]): Run {
  const flags = heapMb === null ? [] : [`--max-old-space-size=${heapMb}`];
  const child = spawnSync(process.execPath, [...flags, CHILD, CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0 || child.stdout === '') {
    return { code: child.status ?? -1, ms: NaN, maxRssKb: NaN };
  }
  return JSON.parse(child.stdout) as Run;
}

/** One line of the results table: each column padded to its width, separated by │. */
function tableLine(name: string, cargoes: string, heap: string, wall: string, rss: string, result: string) {
  return [
    name.padEnd(28),
    cargoes.padStart(9),
    heap.padEnd(13),
    wall.padStart(8),
    rss.padStart(9),
    result,
  ].join(' │ ');
}

function row(name: string, size: number, heap: string, result: Run): void {
  const seconds = Number.isNaN(result.ms) ? 'failed' : `${(result.ms / 1000).toFixed(1)} s`;
  const memory = Number.isNaN(result.maxRssKb) ? '—' : `${(result.maxRssKb / 1024).toFixed(0)} MiB`;
  const verdict = result.code === 0 ? 'PASS' : `FAIL (exit ${result.code})`;
  console.log(tableLine(name, size.toLocaleString('en-US'), heap, seconds, memory, verdict));
}

function main(): void {
  if (!fs.existsSync(CLI)) throw new Error('Build the CLI first: npm run build:main');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transit-stress-'));
  const ramGib = (os.totalmem() / 2 ** 30).toFixed(1);
  console.log(`node ${process.version}, ${os.cpus().length} cores, ${ramGib} GiB RAM; ledgers in ${dir}`);
  console.log(tableLine('command', 'cargoes', 'heap limit', 'wall', 'peak RSS', 'result'));
  try {
    for (const size of sizes()) {
      const file = path.join(dir, `ledger-${size}.jsonl`);
      const started = Date.now();
      seed(file, size);
      const mib = fs.statSync(file).size / 2 ** 20;
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`seeded ${size.toLocaleString('en-US')} cargoes: ${mib.toFixed(0)} MiB in ${seconds} s`);
      const ledger = ['--ledger', file];
      const heap = size <= 1_000_000 ? 2048 : null;
      const label = heap === null ? 'node default' : `${heap} MiB`;
      row('verify', size, label, run(heap, [...ledger, 'verify']));
      row(
        'progress --year 2024',
        size,
        label,
        run(heap, [...ledger, 'progress', '--year', '2024', '--json']),
      );
      const out = path.join(dir, `register-${size}.csv`);
      row(
        'export register',
        size,
        label,
        run(heap, [...ledger, 'export', '--year', '2024', '--report', 'register', '--out', out]),
      );
      fs.rmSync(out, { force: true });
      fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
