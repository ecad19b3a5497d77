/**
 * Runs one parsed command. Each command's module, and the ledger session, are required only when
 * that command runs: `--help` loads none of them, so neither the ledger nor zod, csv-parse or
 * date-fns, and `unlock` loads the lock code alone. `require` rather than `import()`: the build is
 * CommonJS, and jest runs these modules as CommonJS, where `import()` needs an experimental flag.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading per command, as said above */
import type { CommandName } from './args';
import type { Command, CommandContext } from './command';

type RecordModule = typeof import('./commands/record');
type TargetsModule = typeof import('./commands/targets');
type PeriodsModule = typeof import('./commands/periods');
type BackupModule = typeof import('./commands/backup');

const COMMAND_MODULES: Record<CommandName, () => Command> = {
  add: () => (require('./commands/record') as RecordModule).add,
  amend: () => (require('./commands/record') as RecordModule).amend,
  void: () => (require('./commands/record') as RecordModule).voidCommand,
  history: () => (require('./commands/history') as typeof import('./commands/history')).history,
  list: () => (require('./commands/list') as typeof import('./commands/list')).list,
  targets: () => (require('./commands/targets') as TargetsModule).targets,
  baseline: () => (require('./commands/targets') as TargetsModule).baseline,
  fleet: () => (require('./commands/fleet') as typeof import('./commands/fleet')).fleet,
  progress: () => (require('./commands/progress') as typeof import('./commands/progress')).progress,
  years: () => (require('./commands/years') as typeof import('./commands/years')).years,
  reconcile: () =>
    (require('./commands/reconcile') as typeof import('./commands/reconcile')).reconcileCommand,
  vessels: () => (require('./commands/vessels') as typeof import('./commands/vessels')).vesselsCommand,
  export: () => (require('./commands/export') as typeof import('./commands/export')).exportCommand,
  import: () => (require('./commands/import') as typeof import('./commands/import')).importCommand,
  verify: () => (require('./commands/verify') as typeof import('./commands/verify')).verify,
  demo: () => (require('./commands/demo') as typeof import('./commands/demo')).demo,
  unlock: () => (require('./commands/unlock') as typeof import('./commands/unlock')).unlock,
  sync: () => (require('./commands/sync') as typeof import('./commands/sync')).sync,
  conflicts: () => (require('./commands/sync') as typeof import('./commands/sync')).conflicts,
  close: () => (require('./commands/periods') as PeriodsModule).close,
  reopen: () => (require('./commands/periods') as PeriodsModule).reopen,
  periods: () => (require('./commands/periods') as PeriodsModule).periods,
  programme: () => (require('./commands/programme') as typeof import('./commands/programme')).programme,
  backup: () => (require('./commands/backup') as BackupModule).backup,
  backups: () => (require('./commands/backup') as BackupModule).backups,
  restore: () => (require('./commands/backup') as BackupModule).restore,
};

export async function runCommand(context: CommandContext): Promise<number> {
  const command = COMMAND_MODULES[context.invocation.name]();
  if (command.kind === 'standalone') return await command.run(context);
  // Whatever a command checks or reads before the ledger is opened (an import's file) comes first.
  const plan = command.plan(context);
  const { runOnLedger } = require('./session') as typeof import('./session');
  return runOnLedger(context, plan);
}
