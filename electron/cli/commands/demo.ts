/** `demo --out FILE`: a realistic demo ledger in a new file, never mixed with real data. */
import fs from 'node:fs';
import path from 'node:path';
import { todayAtLoadPort } from '../../core/calendar';
import { dayBefore, demoShipments } from '../../core/demo';
import { LedgerService } from '../../core/service';
import { flag } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';

export const demo: Command = {
  kind: 'standalone',
  run({ invocation, io }) {
    const out = flag(invocation, 'out');
    if (!out)
      throw new UsageError('demo needs --out FILE (a new file; the demo is never mixed with real data).');
    if (fs.existsSync(out))
      throw new UsageError(`${out} already exists; the demo ledger must be a new file.`);
    const service = LedgerService.open(out, { actor: 'demo', now: io.now });
    try {
      const recorded = service.recordMany(demoShipments(dayBefore(todayAtLoadPort(io.now()))));
      io.out(`Demo ledger written to ${path.resolve(out)}: ${recorded.length} cargoes.`);
    } finally {
      service.close();
    }
    return EXIT.ok;
  },
};
