/** The shape of a command: what it is given, and whether it works on the open ledger or without it. */
import type { LedgerService } from '../core/service';
import type { Invocation } from './args';
import type { CliIo } from './io';

/** What every command is run with. */
export interface CommandContext {
  invocation: Invocation;
  /** The ledger file: --ledger, else $TRANSIT_LEDGER, else the desktop app's. */
  ledgerPath: string;
  io: CliIo;
}

/** A command on the open ledger also has the service and the year it is about (--year, else this year at Aktau). */
export interface LedgerContext extends CommandContext {
  service: LedgerService;
  year: number;
}

/** What a ledger command will do once the ledger is open, decided (and its input read) before opening it. */
export interface LedgerPlan {
  /** Opened for writing when true; a read of a damaged ledger exits 3 only when false. */
  writes: boolean;
  run(context: LedgerContext): Promise<number>;
}

export type Command =
  /** Works on files of its own (the lock, a new demo ledger, a verify pass), never opening the ledger as a service. */
  | { kind: 'standalone'; run(context: CommandContext): number | Promise<number> }
  | { kind: 'ledger'; plan(context: CommandContext): LedgerPlan };
