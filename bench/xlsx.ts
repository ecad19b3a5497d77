/**
 * The register as an Excel workbook at scale (issue 12 part 7): the year's register of a ledger of
 * 100,000 cargoes written as the app writes it (exceljs's streaming writer, every format, width,
 * filter and total), beside two baselines timed in the same run, samples interleaved: the same
 * ledger's CSV export, and exceljs's in-memory workbook given the same cells with no formatting at
 * all (how exceljs is used by default: each cell an object until the file is written). Each export
 * runs in a process of its own (bench/xlsx-child.ts), so its peak memory (max RSS) is its own;
 * the time is the export's alone, after the ledger is open. Not part of `npm run bench`: it
 * seeds 50 MiB and takes minutes.
 *
 *   npx tsx bench/xlsx.ts [--sizes 100000] [--reps 3]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerService } from '../electron/core/service';
import { median } from './measure';
import { benchShipments } from './shipments';

const CHILD = path.resolve(__dirname, 'xlsx-child.ts');
const NOW = new Date('2024-12-31T12:00:00Z');
const CHUNK = 50_000;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback);
}

function seed(file: string, count: number): void {
  const service = LedgerService.open(file, { now: () => NOW, actor: 'bench' });
  try {
    for (let done = 0; done < count; done += CHUNK) {
      const chunk = benchShipments(Math.min(CHUNK, count - done), 2024, '2024-12-31', 7 + done);
      for (const [i, input] of chunk.entries())
        input.blNumber = `XLSX-${String(done + i + 1).padStart(8, '0')}`;
      service.recordMany(chunk);
    }
  } finally {
    service.close();
  }
}

interface Run {
  ms: number;
  bytes: number;
  openRssKb: number;
  maxRssKb: number;
}

function run(ledger: string, how: string): Run {
  const child = spawnSync(process.execPath, ['--require', 'tsx/cjs', CHILD, ledger, how], {
    encoding: 'utf8',
    cwd: path.resolve(__dirname, '..'),
  });
  if (child.status !== 0)
    throw new Error(`${how} failed (exit ${child.status}): ${child.stderr.slice(0, 400)}`);
  return JSON.parse(child.stdout) as Run;
}

const WIDTHS = [46, 9, 9, 10, 10, 9];

function line(cells: readonly string[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(WIDTHS[i] ?? 0) : cell.padStart(WIDTHS[i] ?? 0)))
    .join(' │ ');
}

const KINDS = [
  ['register XLSX, streamed (the app)', 'xlsx'],
  ['exceljs in memory, same cells, no format', 'plain-in-memory'],
  ['register CSV (the app)', 'csv'],
] as const;

function main(): void {
  const reps = Number(option('reps', '3'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transit-bench-xlsx-'));
  console.log(`node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}`);
  console.log(
    line(['export (own process; time after the open)', 'cargoes', 'time', 'peak RSS', 'over open', 'file']),
  );
  try {
    for (const size of option('sizes', '100000').split(',').map(Number)) {
      const file = path.join(dir, `ledger-${size}.jsonl`);
      seed(file, size);
      const runs = new Map<string, Run[]>(KINDS.map(([, how]) => [how, []]));
      // Interleaved, so every kind shares whatever else the machine is doing.
      for (let rep = 0; rep < reps; rep += 1)
        for (const [, how] of KINDS) runs.get(how)?.push(run(file, how));
      for (const [name, how] of KINDS) {
        const done = runs.get(how) ?? [];
        const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
        console.log(
          line([
            `${name} [n=${done.length}]`,
            size.toLocaleString('en-US'),
            `${(median(done.map((r) => r.ms)) / 1000).toFixed(2)} s`,
            mib(median(done.map((r) => r.maxRssKb))),
            mib(median(done.map((r) => r.maxRssKb - r.openRssKb))),
            `${((done[0]?.bytes ?? 0) / 2 ** 20).toFixed(1)} MiB`,
          ]),
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
