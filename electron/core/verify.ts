/**
 * Checks a ledger file as it is on disk now: every line, the chain, the tip. It folds the file
 * once, read-only, into a state of its own, so damage done since the app opened it shows too.
 */
import type { VerifyReport } from './api';
import { Ledger } from './ledger';
import { LedgerState } from './state';

export function verifyLedger(path: string): VerifyReport {
  const fresh = new LedgerState();
  const check = Ledger.open(path, { apply: fresh.apply, readOnly: true });
  check.close();
  let shipments = 0;
  let voided = 0;
  let totalKg = 0;
  for (const shipment of fresh.shipments.values()) {
    if (shipment.voided) voided++;
    else {
      shipments++;
      totalKg += shipment.netKg;
    }
  }
  const found = check.recovery;
  const counts = `${check.entries} entries, ${shipments} shipments (${voided} void)`;
  return {
    ok: found === null,
    path: check.path,
    entries: check.entries,
    shipments,
    voided,
    totalKg,
    problems: found?.lost ?? [],
    notes: found?.notes ?? [],
    confirmedLost: found?.confirmedLost ?? 0,
    complete: found?.complete ?? true,
    message: found === null ? `The ledger is intact: ${counts}.` : found.message,
  };
}
