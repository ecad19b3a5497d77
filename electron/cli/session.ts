/**
 * A command on the ledger: opened read-only unless the command writes, the recovery report said
 * once, the year worked out, and a read of a damaged ledger turned into exit 3.
 */
import type { RecoveryReport } from '../core/api';
import { todayAtLoadPort } from '../core/calendar';
import { currentUser } from '../core/paths';
import { parseYear } from '../core/requests';
import { LedgerService } from '../core/service';
import { flag } from './args';
import type { CommandContext, LedgerPlan } from './command';
import { EXIT, type CliIo } from './io';

export async function runOnLedger(context: CommandContext, plan: LedgerPlan): Promise<number> {
  const { io } = context;
  const service = LedgerService.open(context.ledgerPath, {
    readOnly: !plan.writes,
    actor: currentUser(),
    now: io.now,
    // A command that writes makes the day's backup after its first write; the process waits for it to finish.
    backups: plan.writes ? 'auto' : 'manual',
  });
  try {
    const info = await service.info();
    if (info.recovery) io.err(info.recovery.message);
    const outcome = await plan.run({ ...context, service, year: yearOf(context) });
    await service.backupsSettled();
    return plan.writes ? outcome : readOutcome(info.recovery, outcome, io);
  } finally {
    service.close();
  }
}

/** --year, else the current year at the load port. */
function yearOf({ invocation, io }: CommandContext): number {
  const today = todayAtLoadPort(io.now());
  const year = flag(invocation, 'year');
  return year === undefined ? Number(today.slice(0, 4)) : parseYear(year);
}

/**
 * A read of a damaged ledger still shows what is intact, but a script must not take its totals
 * for the whole ledger: the exit code says the ledger is damaged.
 */
function readOutcome(recovery: RecoveryReport | null, outcome: number, io: CliIo): number {
  if (!recovery || recovery.complete || outcome !== EXIT.ok) return outcome;
  // Not complete without a missing entry: a serious note (a missing tip, an altered entry).
  const finding =
    recovery.confirmedLost > 0
      ? 'The output leaves out the damaged entries listed above.'
      : 'No entry is known to be missing from the output, but the ledger file cannot be fully trusted.';
  io.err(`${finding} Run verify for the details.`);
  return EXIT.ledger;
}
