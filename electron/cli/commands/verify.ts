/** `verify`: reads the file once, on its own; opening the ledger first would fold it twice. */
import fs from 'node:fs';
import { kgToTonnes } from '../../core/quantity';
import { verifyLedger } from '../../core/verify';
import { given } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';
import { t } from '../output';

export const verify: Command = {
  kind: 'standalone',
  run({ invocation, ledgerPath, io }) {
    // A mistyped --ledger would otherwise be reported as an intact, empty ledger.
    if (!fs.existsSync(ledgerPath) && !fs.existsSync(`${ledgerPath}.tip`)) {
      throw new UsageError(
        `There is no ledger at ${ledgerPath}; nothing to verify. ` +
          '(A ledger file is created by its first recorded shipment.)',
      );
    }
    const report = verifyLedger(ledgerPath);
    const text = `${report.message}\nTotal of live shipments: ${t(report.totalKg)}.`;
    io.out(
      given(invocation, 'json')
        ? JSON.stringify({ ...report, totalTonnes: kgToTonnes(report.totalKg) }, null, 2)
        : text,
    );
    return report.ok ? EXIT.ok : EXIT.ledger;
  },
};
