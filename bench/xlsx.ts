/**
 * The register as an Excel workbook at scale (issue 12 part 7): `export --format xlsx` of a ledger
 * of 100,000 cargoes, each run as its own node process on the compiled CLI, with its wall time and
 * peak memory (max RSS), beside the same ledger's CSV export in the same run as the baseline (the
 * same open, the same rows, written as text). Not part of `npm run bench`: it seeds 50 MiB.
 *
 *   npm run --silent build:main && npx tsx bench/xlsx.ts [--sizes 100000] [--reps 3]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerService } from '../electron/core/service';
import { median } from './measure';
import { benchShipments } from './shipments';

const CLI = path.resolve(__dirname, '../build/electron/cli.js');
const CHILD = path.resolve(__dirname, 'stress-child.cjs');
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
  code: number;
  ms: number;
  maxRssKb: number;
}

function run(args: string[]): Run {
  const child = spawnSync(process.execPath, [CHILD, CLI, ...args], { encoding: 'utf8' });
  if (child.status !== 0 || child.stdout === '') return { code: child.status ?? -1, ms: NaN, maxRssKb: NaN };
  return JSON.parse(child.stdout) as Run;
}

function line(cells: readonly string[]): string {
  const widths = [34, 9, 10, 10, 12];
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join(' │ ');
}

function main(): void {
  if (!fs.existsSync(CLI)) throw new Error('Build the CLI first: npm run build:main');
  const reps = Number(option('reps', '3'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transit-bench-xlsx-'));
  console.log(`node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}`);
  console.log(line(['export (new process each)', 'cargoes', 'wall', 'peak RSS', 'file']));
  try {
    for (const size of option('sizes', '100000').split(',').map(Number)) {
      const file = path.join(dir, `ledger-${size}.jsonl`);
      seed(file, size);
      const kinds = [
        ['register CSV (baseline)', 'csv'],
        ['register XLSX', 'xlsx'],
      ] as const;
      const runs = new Map<string, Run[]>(kinds.map(([name]) => [name, []]));
      // Interleaved, so both share whatever else the machine is doing.
      for (let rep = 0; rep < reps; rep += 1)
        for (const [name, ext] of kinds) {
          const out = path.join(dir, `register-${size}.${ext}`);
          fs.rmSync(out, { force: true });
          const args = ['--ledger', file, 'export', '--year', '2024', '--report', 'register', '--out', out];
          const result = run(args);
          if (result.code !== 0) throw new Error(`${name} failed (exit ${result.code})`);
          runs.get(name)?.push({ ...result, code: fs.statSync(out).size });
        }
      for (const [name] of kinds) {
        const done = runs.get(name) ?? [];
        const ms = median(done.map((r) => r.ms));
        const rss = median(done.map((r) => r.maxRssKb)) / 1024;
        const mib = (done[0]?.code ?? 0) / 2 ** 20;
        console.log(
          line([
            `${name} [n=${done.length}]`,
            size.toLocaleString('en-US'),
            `${(ms / 1000).toFixed(2)} s`,
            `${rss.toFixed(0)} MiB`,
            `${mib.toFixed(1)} MiB`,
          ]),
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
