/**
 * Checks a ledger file as it is on disk now: every line, the chain, the tip. It folds the file
 * once, read-only, into a state of its own, so damage done since the app opened it shows too.
 */
import type { VerifyReport } from './api';
import { unsettledMonths } from './journal/describe';
import { Ledger } from './ledger';
import { LedgerState } from './state';

export function verifyLedger(path: string): VerifyReport {
  const fresh = new LedgerState();
  // Every line hashed, whatever the tip's CRC says: this check stands on the lines' own checksums.
  const check = Ledger.open(path, { apply: fresh.apply, readOnly: true, everyLine: true });
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
  // Months a repair, now or earlier, left unsettled: the file may be whole, but they take no write.
  const unsettled = [
    ...new Set([...fresh.periods.allUnsettled(), ...unsettledMonths(found?.lost ?? [])]),
  ].sort();
  const held =
    found === null && unsettled.length > 0
      ? ` A close or reopen of ${unsettled.join(', ')} was lost in an earlier repair: no cargo dated in ` +
        `${unsettled.length === 1 ? 'that month' : 'those months'} can be written until a manager closes it again.`
      : '';
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
    unsettledMonths: unsettled,
    message: found === null ? `The ledger is intact: ${counts}.${held}` : found.message,
  };
}
