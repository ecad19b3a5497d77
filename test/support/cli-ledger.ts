/**
 * The command line run in this process on a fresh temporary ledger for each test of the calling
 * file, at the fixed clock (today at Aktau is 2024-08-15): what every in-process CLI spec begins with.
 */
import { main, type CliIo } from '../../electron/cli';
import { fixedNow, tempDir } from './temp';

export interface CliOutcome {
  code: number;
  out: string;
  err: string;
}

export interface CliOnLedger {
  /** This test's temporary folder, removed after it. */
  readonly temp: ReturnType<typeof tempDir>;
  /** This test's ledger file, inside `temp` (not created until a command writes it). */
  readonly ledger: string;
  /** Runs `transit-ledger --ledger <ledger> ...args`, collecting what it prints. */
  cli(...args: string[]): Promise<CliOutcome>;
  /** As `cli`, for a command that must succeed: its standard output, or an error naming the failure. */
  ok(...args: string[]): Promise<string>;
}

/** Registers the temporary folder's `beforeEach`/`afterEach`; call it at a file's or block's top level. */
export function cliOnTempLedger(prefix?: string): CliOnLedger {
  let temp: ReturnType<typeof tempDir> | undefined;
  beforeEach(() => {
    temp = tempDir(prefix);
  });
  afterEach(() => {
    temp?.cleanup();
    temp = undefined;
  });
  const current = (): ReturnType<typeof tempDir> => {
    if (!temp) throw new Error('cliOnTempLedger: used outside a test');
    return temp;
  };
  const ledgerFile = () => current().file('ledger.jsonl');
  const cli = async (...args: string[]): Promise<CliOutcome> => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, now: fixedNow };
    const code = await main(['--ledger', ledgerFile(), ...args], io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const ok = async (...args: string[]): Promise<string> => {
    const run = await cli(...args);
    if (run.code !== 0) throw new Error(`${args.join(' ')} exited ${run.code}: ${run.err}`);
    return run.out;
  };
  return {
    get temp() {
      return current();
    },
    get ledger() {
      return ledgerFile();
    },
    cli,
    ok,
  };
}
