/**
 * `npm run bench`, sync row: one station syncing 10,000 new entries to another through a
 * CouchDB-protocol server (express-pouchdb, in memory, on loopback), against CouchDB's own work
 * in the same run: one raw _bulk_docs of the same documents into a fresh database plus one
 * _changes read of them. Target ≤ 3×. Alternated, median of the runs. A report: exits 0 either way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerService } from '../electron/core/service';
import { globalId } from '../electron/core/stations/ids';
import { Couch } from '../electron/core/sync/couch';
import { setupStation, syncOnce } from '../electron/core/sync/index';
import { initServer } from '../electron/core/sync/server';
import { startTestCouch } from '../test/support/couch-server';
import { benchShipments } from './shipments';

const COUNT = 10_000;
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  const couch = await startTestCouch();
  await couch.addUser('akt', 'pw', ['AKT']);
  await couch.addUser('sng', 'pw', ['SNG']);
  const shipments = benchShipments(COUNT, 2024, '2024-12-31');
  const ours: number[] = [];
  const raw: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transit-bench-sync-'));
      try {
        const db = `${couch.base}/bench-${run}`;
        await initServer(new Couch(new URL(db), couch.admin), ['AKT', 'SNG']);
        const akt = LedgerService.open(path.join(dir, 'akt.jsonl'), { actor: 'bench' });
        const sng = LedgerService.open(path.join(dir, 'sng.jsonl'), { actor: 'bench' });
        setupStation(akt, { url: db, station: 'AKT', insecure: false });
        setupStation(sng, { url: db, station: 'SNG', insecure: false });
        await syncOnce(sng, { user: 'sng', password: 'pw' });
        akt.recordMany(shipments);
        // The same documents, for the raw side.
        const lines = fs.readFileSync(path.join(dir, 'akt.jsonl'), 'utf8').trimEnd().split('\n');
        const docs = lines.map((line, i) => ({
          _id: globalId('AKT', i + 1),
          station: 'AKT',
          seq: i + 1,
          type: 'x',
          line,
        }));

        const started = process.hrtime.bigint();
        await syncOnce(akt, { user: 'akt', password: 'pw' });
        const report = await syncOnce(sng, { user: 'sng', password: 'pw' });
        ours.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (report.pulled.AKT !== lines.length)
          throw new Error(`pulled ${report.pulled.AKT} of ${lines.length}`);

        const rawDb = `${couch.base}/raw-${run}`;
        await couch.request('PUT', `/raw-${run}`);
        const rawStart = process.hrtime.bigint();
        await couch.request('POST', `/raw-${run}/_bulk_docs`, { docs });
        const changes = await couch.request('GET', `/raw-${run}/_changes?include_docs=true`);
        raw.push(Number(process.hrtime.bigint() - rawStart) / 1e6);
        if (changes.body.results.length !== docs.length)
          throw new Error(`raw read ${changes.body.results.length}`);
        void rawDb;
        akt.close();
        sng.close();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await couch.close();
  }
  const ratio = median(ours) / median(raw);
  console.log('');
  console.log('sync (express-pouchdb in memory on loopback)');
  console.log(
    `sync 10,000 entries station → station │ ${median(ours).toFixed(0)} ms [n=${RUNS}] │ raw _bulk_docs + _changes ` +
      `${median(raw).toFixed(0)} ms [n=${RUNS}] │ ${ratio.toFixed(2)}× │ ≤ 3× │ ${ratio <= 3 ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `  runs (ms): ours ${ours.map((v) => v.toFixed(0)).join(', ')}; raw ${raw.map((v) => v.toFixed(0)).join(', ')}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
