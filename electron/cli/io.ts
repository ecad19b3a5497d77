/**
 * What every part of the command line shares, and nothing heavier: the io a command writes to,
 * the exit codes, and the error that means "the command line itself is wrong".
 */

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/**
 * 0 success, 2 bad input (nothing written), 3 ledger damaged or locked, 4 sync server unreachable or
 * refusing, 1 anything unexpected.
 */
export const EXIT = { ok: 0, unexpected: 1, badInput: 2, ledger: 3, sync: 4 } as const;

/** A mistake in the command line (a flag, an argument, a file it names): printed with a pointer to --help, exit 2. */
export class UsageError extends Error {}
