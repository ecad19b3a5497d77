/**
 * The command-line transport: flags in, TransitApi calls, text out. Exit codes: 0 success,
 * 2 bad input (nothing written), 3 ledger damaged or locked, 4 sync server unreachable or
 * refusing (nothing partial left), 1 anything unexpected.
 *
 * This entry point loads only the parse of the command line (cli/args.ts); each command's module,
 * and through it the ledger, is required when that command runs (cli/run-command.ts), so
 * `--help` starts in about the time node itself takes.
 */
import { TransitError } from './core/errors';
import { resolveLedgerPath } from './core/paths';
import { parseCommandLine, usage } from './cli/args';
import { EXIT, UsageError, type CliIo } from './cli/io';
import { runCommand } from './cli/run-command';

export type { CliIo } from './cli/io';

async function run(argv: string[], io: CliIo): Promise<number> {
  const line = parseCommandLine(argv);
  if (line.kind === 'usage') {
    (line.asked ? io.out : io.err)(usage());
    return line.asked ? EXIT.ok : EXIT.badInput;
  }
  const { invocation } = line;
  return runCommand({ invocation, ledgerPath: resolveLedgerPath(invocation.ledger, io.env), io });
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** What went wrong, said to the person, and the exit code that says it to a script. */
function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\nRun with --help for usage.`);
    return EXIT.badInput;
  }
  if ((error as Error).name === 'SyncFailure') {
    io.err((error as Error).message);
    return EXIT.sync;
  }
  if (error instanceof TransitError) {
    if (error.issues.length === 0) io.err(error.message);
    for (const issue of error.issues) {
      const hint = issue.overridable ? ' To confirm it, repeat the command with --force.' : '';
      io.err(`${issue.field ? `${issue.field}: ` : ''}${issue.message}${hint}`);
    }
    if (error.code === 'damaged' || error.code === 'locked') return EXIT.ledger;
    return error.code === 'io' ? EXIT.unexpected : EXIT.badInput;
  }
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.err(
      `${(error as Error).message.replace(/\. To specify a positional.*$/s, '.')}\nRun with --help for usage.`,
    );
    return EXIT.badInput;
  }
  io.err(`Unexpected error: ${(error as Error).stack ?? String(error)}`);
  return EXIT.unexpected;
}

/**
 * Runs the command line as this process: its arguments, stdout and stderr, environment and clock;
 * the exit code is the command's.
 */
export function runAsProcess(): void {
  // A reader that stops early (`| head -1`) closes the pipe: the rest of the output has no one to read
  // it, so it is dropped and the command ends as it would have, instead of dying of an unhandled EPIPE.
  let readerGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  main(process.argv.slice(2), {
    out: (text) => {
      if (!readerGone) process.stdout.write(`${text}\n`);
    },
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    now: () => new Date(),
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runAsProcess();
