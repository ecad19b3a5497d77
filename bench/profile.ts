/**
 * Sub-step timings behind the benchmark's ratios, for one ledger size (default 100,000):
 * `tsx bench/profile.ts [size] [open|progress|export|record ...]`. Also usable under
 * `node --cpu-prof --import tsx bench/profile.ts …` to attribute the time to functions (for line
 * numbers, bundle it first: `esbuild bench/profile.ts --bundle --platform=node --outfile=/tmp/p.cjs`,
 * then `node --cpu-prof /tmp/p.cjs …`, since tsx's source maps do not reach the profile).
 * Writes only into a temporary directory, which it removes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Shipment } from '../electron/core/api';
import { registerCsv } from '../electron/core/csv';
import { Ledger, type LedgerIo } from '../electron/core/ledger';
import { computeProgress } from '../electron/core/progress';
import { LedgerService } from '../electron/core/service';
import type { LedgerEvent } from '../electron/core/events';
import { normaliseBlNumber } from '../electron/core/shipment';
import { LedgerState } from '../electron/core/state';
import { formatNs, median, sink, timeTask, type Task } from './measure';
import { benchShipments, oneShipment } from './shipments';

const YEAR = 2024;
const NOW = new Date('2024-12-31T12:00:00Z');
const now = (): Date => NOW;

async function step(label: string, task: Task, runs: number, iterations = 1): Promise<number> {
  await timeTask(task, iterations);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeTask(task, iterations));
  const m = median(times);
  console.log(`  ${label.padEnd(72)} ${formatNs(m).padStart(10)}`);
  return m;
}

function bodies(text: string): string[] {
  // What readJournal checksums: each line without its `,"sum":"…"` tail, closed again with `}`.
  const out: string[] = [];
  for (const line of text.split('\n')) if (line.length > 0) out.push(`${line.slice(0, -26)}}`);
  return out;
}

async function profileOpen(file: string, runs: number): Promise<void> {
  console.log('open (read-only):');
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  const lineBodies = bodies(text);
  await step(
    'LedgerService.open readOnly + close (as benchmarked)',
    () => LedgerService.open(file, { readOnly: true, now }).close(),
    runs,
  );
  await step(
    'Ledger.open readOnly, apply = () => null (journal only, no state)',
    () => Ledger.open(file, { readOnly: true, apply: () => null }).close(),
    runs,
  );
  await step(
    'Ledger.open readOnly, apply = new LedgerState().apply',
    () => Ledger.open(file, { readOnly: true, apply: new LedgerState().apply }).close(),
    runs,
  );
  await step(
    'baseline: readFileSync utf8 + split + JSON.parse each line',
    () => {
      let n = 0;
      for (const line of fs.readFileSync(file, 'utf8').split('\n'))
        if (line.length > 0) n += (JSON.parse(line) as { seq: number }).seq;
      sink(n);
    },
    runs,
  );
  await step(
    '  readFileSync (Buffer) + toString utf8',
    () => sink(fs.readFileSync(file).toString('utf8').length),
    runs,
  );
  await step('  split(\\n)', () => sink(text.split('\n').length), runs);
  await step(
    '  JSON.parse each line, results dropped',
    () => {
      for (const line of lines) sink((JSON.parse(line) as { seq: number }).seq);
    },
    runs,
  );
  await step(
    '  JSON.parse each line, results kept in an array',
    () => {
      const kept: unknown[] = [];
      for (const line of lines) kept.push(JSON.parse(line));
      sink(kept.length);
    },
    runs,
  );
  await step(
    '  sha256 of each line body (crypto.createHash per line)',
    () => {
      for (const body of lineBodies) sink(crypto.createHash('sha256').update(body).digest('hex').length);
    },
    runs,
  );
  await step(
    '  sha256 of each line body, one-shot crypto.hash (Node ≥ 20.12)',
    () => {
      for (const body of lineBodies) sink(crypto.hash('sha256', body, 'hex').length);
    },
    runs,
  );
  await step(
    '  line slicing + body template (wellFormed / body strings)',
    () => {
      for (const line of lines) sink(`${line.slice(0, -26)}}`.length + line.slice(-18, -2).length);
    },
    runs,
  );
  const parsed = lines.map((line) => JSON.parse(line) as Parameters<LedgerState['apply']>[0]);
  await step(
    '  LedgerState.apply of every parsed event (fresh state)',
    () => {
      const state = new LedgerState();
      for (const event of parsed) sink(state.apply(event) === null ? 1 : 0);
    },
    runs,
  );
  // Parse + apply from fresh lines each run, so retention (what survives into the old generation) is part of the cost.
  await step(
    '  parse every line + LedgerState.apply (as open does, minus checksum)',
    () => {
      const state = new LedgerState();
      for (const line of lines) state.apply(JSON.parse(line) as LedgerEvent);
      sink(state.shipments.size);
    },
    runs,
  );
  await step(
    '  parse every line + prototype apply (explicit literal, one B/L normalise, no event kept)',
    () => {
      const shipments = new Map<string, Shipment>();
      const byBl = new Map<string, string>();
      for (const line of lines) {
        const event = JSON.parse(line) as LedgerEvent;
        if (event.type !== 'record') continue;
        const f = event.shipment;
        const key = f.blNumber === null ? null : normaliseBlNumber(f.blNumber);
        if (shipments.has(event.id) || (key !== null && byBl.has(key))) continue;
        shipments.set(event.id, {
          id: event.id,
          blDate: f.blDate,
          vessel: f.vessel,
          netKg: f.netKg,
          blNumber: f.blNumber,
          imo: f.imo,
          voyage: f.voyage,
          grade: f.grade,
          loadPort: f.loadPort,
          dischargeTerminal: f.dischargeTerminal,
          shipper: f.shipper,
          receiver: f.receiver,
          status: f.status,
          outturnKg: f.outturnKg,
          barrels: f.barrels,
          remarks: f.remarks,
          arrivalDate: f.arrivalDate ?? null,
          dischargeDate: f.dischargeDate ?? null,
          voided: false,
          voidReason: null,
          recordedAt: event.at,
          recordedBy: event.actor,
          updatedAt: event.at,
        });
        if (key !== null) byBl.set(key, event.id);
      }
      sink(shipments.size);
    },
    runs,
  );
}

function liveOf(state: LedgerState): Shipment[] {
  const live: Shipment[] = [];
  for (const shipment of state.shipments.values()) if (!shipment.voided) live.push(shipment);
  return live;
}

async function profileProgress(file: string, writer: LedgerService, runs: number): Promise<void> {
  console.log('progress:');
  const state = new LedgerState();
  const ledger = Ledger.open(file, { readOnly: true, apply: state.apply });
  const reopened = LedgerService.open(file, { readOnly: true, now });
  const live = liveOf(state);
  const copies = await writer.listShipments({ year: YEAR });
  const targets = state.targetsFor(YEAR);
  const baseline = state.currentBaseline();
  const query = { year: YEAR, asOf: '2024-12-31' };
  await step(
    'service.progress on the seeding writer (objects built by recordMany)',
    () => writer.progress(query),
    runs,
    10,
  );
  await step(
    'service.progress on a freshly opened service (objects from JSON.parse)',
    () => reopened.progress(query),
    runs,
    10,
  );
  await step('  liveShipments(): Map.values() → array', () => sink(liveOf(state).length), runs, 10);
  await step(
    '  Map.values() walk only, counting live (no array)',
    () => {
      let n = 0;
      for (const shipment of state.shipments.values()) if (!shipment.voided) n++;
      sink(n);
    },
    runs,
    10,
  );
  await step(
    '  Map.values() → preallocated array (new Array(map.size))',
    () => {
      const out = new Array<Shipment>(state.shipments.size);
      let n = 0;
      for (const shipment of state.shipments.values()) if (!shipment.voided) out[n++] = shipment;
      out.length = n;
      sink(out.length);
    },
    runs,
    10,
  );
  await step('  Array.from(map.values())', () => sink(Array.from(state.shipments.values()).length), runs, 10);
  const kept = Array.from(state.shipments.values());
  await step(
    '  kept array → filter(!voided) (what a cached all-shipments array would cost)',
    () => sink(kept.filter((s) => !s.voided).length),
    runs,
    10,
  );
  await step(
    '  computeProgress on state objects (the array above)',
    () =>
      sink(computeProgress({ year: YEAR, asOf: '2024-12-31', shipments: live, targets, baseline }).shipments),
    runs,
    10,
  );
  await step(
    '  computeProgress on listShipments copies',
    () =>
      sink(
        computeProgress({ year: YEAR, asOf: '2024-12-31', shipments: copies, targets, baseline }).shipments,
      ),
    runs,
    10,
  );
  await step(
    '  computeProgress on []',
    () =>
      sink(computeProgress({ year: YEAR, asOf: '2024-12-31', shipments: [], targets, baseline }).shipments),
    runs,
    10,
  );
  const flat = live.map((s) => ({ blDate: s.blDate, netKg: s.netKg }));
  await step(
    '  computeProgress on 2-field {blDate, netKg} objects',
    () =>
      sink(computeProgress({ year: YEAR, asOf: '2024-12-31', shipments: flat, targets, baseline }).shipments),
    runs,
    10,
  );
  await step(
    '  baseline: sum netKg over listShipments copies',
    () => {
      let sum = 0;
      for (let i = 0; i < copies.length; i++) sum += (copies[i] as Shipment).netKg;
      sink(sum);
    },
    runs,
    100,
  );
  await step(
    '  sum netKg over state objects',
    () => {
      let sum = 0;
      for (let i = 0; i < live.length; i++) sum += (live[i] as Shipment).netKg;
      sink(sum);
    },
    runs,
    100,
  );
  await step(
    '  year check only: blDate.charCodeAt(3) over state objects',
    () => {
      let n = 0;
      for (let i = 0; i < live.length; i++) n += (live[i] as Shipment).blDate.charCodeAt(3);
      sink(n);
    },
    runs,
    100,
  );
  await step(
    '  year check only: blDate.charCodeAt(3) over listShipments copies',
    () => {
      let n = 0;
      for (let i = 0; i < copies.length; i++) n += (copies[i] as Shipment).blDate.charCodeAt(3);
      sink(n);
    },
    runs,
    100,
  );
  reopened.close();
  ledger.close();
}

async function profileExport(writer: LedgerService, dir: string, runs: number): Promise<void> {
  console.log('export register:');
  const out = path.join(dir, 'export.csv');
  const request = { year: YEAR, report: 'register', separator: ';' } as const;
  const shipments = await writer.listShipments({ year: YEAR });
  const content = registerCsv(shipments, ';');
  await step(
    'exportReport + writeFileSync (as benchmarked)',
    async () => fs.writeFileSync(out, (await writer.exportReport(request)).content),
    runs,
  );
  await step(
    '  exportReport only (string never flattened or written)',
    async () => sink((await writer.exportReport(request)).rows),
    runs,
  );
  await step(
    '  listShipments({year}) (copy + sort)',
    async () => sink((await writer.listShipments({ year: YEAR })).length),
    runs,
  );
  await step(
    '  registerCsv on that array (rope, unflattened)',
    () => sink(registerCsv(shipments, ';').length),
    runs,
  );
  await step(
    '  registerCsv + flatten (Buffer.from of the result)',
    () => sink(Buffer.from(registerCsv(shipments, ';'), 'utf8').length),
    runs,
  );
  await step(
    '  registerCsv + writeFileSync of the fresh string',
    () => fs.writeFileSync(out, registerCsv(shipments, ';')),
    runs,
  );
  await step(
    '  baseline: writeFileSync of an already-written (flat) string',
    () => fs.writeFileSync(out, content),
    runs,
  );
  // What the fixes below would save: no copies, and a one-byte text with the BOM written as bytes.
  const state = new LedgerState();
  const ledger = Ledger.open(writer.path, { readOnly: true, apply: state.apply });
  const byDate = (x: Shipment, y: Shipment): number =>
    x.blDate < y.blDate ? -1 : x.blDate > y.blDate ? 1 : 0;
  const refs = Array.from(state.shipments.values())
    .filter((sh) => !sh.voided && sh.blDate.startsWith(`${YEAR}-`))
    .sort(byDate);
  await step(
    '  state objects by reference: Map → array + filter + sort (no copies)',
    () => {
      const list = Array.from(state.shipments.values())
        .filter((sh) => !sh.voided && sh.blDate.startsWith(`${YEAR}-`))
        .sort(byDate);
      sink(list.length);
    },
    runs,
  );
  await step(
    '  registerCsv on those references (no copies)',
    () => sink(registerCsv(refs, ';').length),
    runs,
  );
  const rowsOnly = content.slice(1).split('\r\n');
  const oneByteRows = rowsOnly.map((row) => Buffer.from(row, 'utf8').toString('latin1'));
  await step(
    '  final join of the row strings WITH the BOM in row 0 (two-byte result)',
    () => {
      const lines = oneByteRows.slice();
      lines[0] = `\uFEFF${lines[0] ?? ''}`;
      sink(lines.join('\r\n').length);
    },
    runs,
  );
  await step(
    '  final join of the same rows WITHOUT the BOM (one-byte result)',
    () => sink(oneByteRows.slice().join('\r\n').length),
    runs,
  );
  const oneByte = oneByteRows.join('\r\n');
  await step(
    '  writeFileSync of the two-byte content (what is written today)',
    () => fs.writeFileSync(out, content),
    runs,
  );
  await step(
    '  write BOM bytes + the one-byte content (same file bytes)',
    () => {
      const fd = fs.openSync(out, 'w');
      try {
        fs.writeSync(fd, Buffer.from([0xef, 0xbb, 0xbf]));
        fs.writeSync(fd, oneByte);
      } finally {
        fs.closeSync(fd);
      }
    },
    runs,
  );
  const sample = shipments[0];
  if (sample !== undefined) {
    const barrels = shipments.map((sh) => sh.barrels ?? 0);
    await step(
      '  String(barrels) for every row (plainField number path)',
      () => {
        let n = 0;
        for (const value of barrels) n += String(value).length;
        sink(n);
      },
      runs,
    );
  }
  ledger.close();
}

async function profileRecord(writer: LedgerService, file: string, runs: number): Promise<void> {
  console.log('record (CPU only: the fsync replaced by a no-op through the LedgerIo seam):');
  writer.close();
  const noSync: Partial<LedgerIo> = {
    writeSync: (fd, buffer) => fs.writeSync(fd, buffer),
    fsyncSync: () => undefined,
    ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
  };
  const cpuOnly = LedgerService.open(file, { now, actor: 'bench', io: noSync });
  let serial = 900_000;
  const times: number[] = [];
  for (let i = 0; i < runs * 20; i++)
    times.push(await timeTask(() => cpuOnly.recordShipment(oneShipment(serial++, '2024-12-30')), 1));
  console.log(
    `  ${'recordShipment without fsync (median of ' + times.length + ')'.padEnd(0)}`.padEnd(74) +
      formatNs(median(times.slice(20))).padStart(10),
  );
  cpuOnly.close();
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 100_000);
  const wanted = new Set(process.argv.slice(3));
  const all = wanted.size === 0;
  const runs = size >= 100_000 ? 5 : 9;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `transit-profile-${size}-`));
  const file = path.join(dir, 'ledger.jsonl');
  try {
    const writer = LedgerService.open(file, { now, actor: 'bench' });
    writer.recordMany(benchShipments(size, YEAR, '2024-12-31'));
    console.log(`${size} shipments, ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MiB`);
    if (all || wanted.has('open')) await profileOpen(file, runs);
    if (all || wanted.has('progress')) await profileProgress(file, writer, runs);
    if (all || wanted.has('export')) await profileExport(writer, dir, runs);
    if (all || wanted.has('record')) await profileRecord(writer, file, runs);
    else writer.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
