/**
 * The bench's record row with automatic backups on and off (issue 12, part 8): recording one
 * shipment on a 100-cargo ledger whose daily backup is already made (the cost every write pays:
 * one clock read) and the write that is the first of its day (which only queues the backup; the
 * copying happens after the write has answered), each against the same ledger with backups off,
 * interleaved in one loop so the disk's drifting fsync latency is shared.
 *
 *   npx tsx bench/record-backups.ts [reps]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerService, type ServiceOptions } from '../electron/core/service';
import { formatNs, median, sink } from './measure';
import { benchShipments, oneShipment } from './shipments';

const REPS = Number(process.argv[2] ?? 400);
const WARMUP = 20;
/** Every this many repetitions, the clock of the `first of day` ledger moves to the next day. */
const DAY_EVERY = Number(process.argv[3] ?? 5);

let day = Date.parse('2024-12-30T06:00:00Z');
const fixed = () => new Date('2024-12-30T06:00:00Z');
const moving = () => new Date(day);

function ledger(name: string, options: ServiceOptions): LedgerService {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `transit-bench-backup-${name}-`));
  const file = path.join(dir, 'ledger.jsonl');
  const seeder = LedgerService.open(file, { now: fixed, actor: 'bench' });
  seeder.recordMany(benchShipments(100, 2024, '2024-12-30'));
  seeder.close();
  return LedgerService.open(file, { actor: 'bench', ...options });
}

async function main(): Promise<void> {
  const sides = {
    off: { service: ledger('off', { now: fixed, backups: 'manual' }), times: [] as number[] },
    on: { service: ledger('on', { now: fixed, backups: 'auto' }), times: [] as number[] },
    firstOff: { service: ledger('first-off', { now: moving, backups: 'manual' }), times: [] as number[] },
    firstOfDay: { service: ledger('first', { now: moving, backups: 'auto' }), times: [] as number[] },
  };
  let serial = 1_000_000;
  const entries = Object.values(sides);
  for (let rep = -WARMUP; rep < REPS; rep++) {
    const firstRep = rep % DAY_EVERY === 0;
    if (firstRep) day += 86_400_000;
    for (let k = 0; k < entries.length; k++) {
      const side = entries[(k + rep + entries.length * WARMUP) % entries.length] as (typeof entries)[number];
      const isFirst = side === sides.firstOfDay || side === sides.firstOff;
      if (isFirst && !firstRep) continue;
      const start = process.hrtime.bigint();
      const saved = await side.service.recordShipment(oneShipment(serial++, '2024-12-30'));
      const ns = Number(process.hrtime.bigint() - start);
      sink(saved.shipment.netKg);
      if (rep >= 0) side.times.push(ns);
      // The triggered backup runs after the write answered; let it finish before the next sample.
      await side.service.backupsSettled();
    }
  }
  const row = (name: string, times: number[], base: number[]) =>
    console.log(
      `${name.padEnd(44)} ${formatNs(median(times)).padStart(10)}  [n=${times.length}]  vs off ` +
        `${formatNs(median(base)).padStart(10)}  ${(median(times) / median(base)).toFixed(2)}×`,
    );
  row('record 1 shipment, backups on (made today)', sides.on.times, sides.off.times);
  row('record, first write of the day (queues it)', sides.firstOfDay.times, sides.firstOff.times);
  for (const side of entries) side.service.close();
}

void main();
