/**
 * The command line as words: which commands there are, the flags each takes, the usage text, and
 * the parse of argv into one command and its flags. Loads nothing of the ledger, so `--help` is
 * answered by this module alone.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LANGUAGES, type Language } from '../core/fields';
import { UsageError } from './io';
import { shipmentOptions } from './shipment-flags';

type Options = NonNullable<ParseArgsConfig['options']>;
const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const LANGUAGE_CHOICES = LANGUAGES.join('|');

interface CommandSpec {
  options: Options;
  /** How many arguments besides the flags (an id, a file). */
  positionals: number;
  /** A command with subcommands (`sync status`): its one argument, if given, is one of these. */
  subcommands?: readonly string[];
  usage: string;
}

export const COMMANDS = {
  add: {
    options: { ...shipmentOptions, force: bool },
    positionals: 0,
    usage:
      'add --bl-date DD.MM.YYYY|YYYY-MM-DD --vessel NAME --tonnes T [--bl-number N] [--grade G] [...] [--force]',
  },
  amend: {
    options: { ...shipmentOptions, reason: str, force: bool },
    positionals: 1,
    usage: 'amend ID [--tonnes T] [--vessel NAME] [...] [--reason R] [--force]',
  },
  void: { options: { reason: str }, positionals: 1, usage: 'void ID --reason R' },
  history: { options: { json: bool }, positionals: 1, usage: 'history ID [--json]' },
  list: {
    options: {
      year: str,
      from: str,
      to: str,
      'include-voided': bool,
      format: str,
      separator: str,
      language: str,
    },
    positionals: 0,
    usage:
      'list [--year Y | --from D --to D] [--include-voided] ' +
      `[--format table|json|csv [--language ${LANGUAGE_CHOICES}]]`,
  },
  targets: {
    options: { year: str, tonnes: str, plan: str, allowance: str, json: bool },
    positionals: 0,
    usage: 'targets [--year Y] [--tonnes N] [--plan m1,…,m12] [--allowance PERCENT] [--json]',
  },
  fleet: {
    options: { name: str, imo: str, deadweight: str, aliases: str, json: bool },
    positionals: 0,
    subcommands: ['add'],
    usage: 'fleet [--json] | fleet add --name NAME [--imo N] [--deadweight T] [--aliases A,B]',
  },
  baseline: {
    options: { year: str, tonnes: str, monthly: str, json: bool },
    positionals: 0,
    usage: 'baseline [--year Y --tonnes N [--monthly m1,…,m12]] [--json]',
  },
  progress: {
    options: { year: str, 'as-of': str, stoppage: str, rate: str, from: str, json: bool },
    positionals: 0,
    usage: 'progress [--year Y] [--as-of YYYY-MM-DD] [--stoppage D1..D2] [--rate T --from D] [--json]',
  },
  years: {
    options: { year: str, 'as-of': str, json: bool },
    positionals: 0,
    usage: 'years [--year Y] [--as-of YYYY-MM-DD] [--json]',
  },
  reconcile: {
    options: { year: str, month: str, json: bool },
    positionals: 0,
    usage: 'reconcile --year Y [--month YYYY-MM] [--json]',
  },
  vessels: {
    options: { year: str, json: bool },
    positionals: 0,
    usage: 'vessels --year Y [--json]',
  },
  export: {
    options: { year: str, report: str, out: str, separator: str, language: str, format: str },
    positionals: 0,
    usage:
      'export --year Y --report register|monthly|reconciliation|years|vessels|programme --out FILE ' +
      '[--format csv|xlsx] [--separator ,|;] ' +
      `[--language ${LANGUAGE_CHOICES}]`,
  },
  import: {
    options: { 'dry-run': bool, force: bool, json: bool },
    positionals: 1,
    usage: 'import FILE [--dry-run] [--force] [--json]',
  },
  verify: { options: { json: bool }, positionals: 0, usage: 'verify [--json]' },
  demo: { options: { out: str }, positionals: 0, usage: 'demo --out FILE' },
  unlock: { options: { force: bool }, positionals: 0, usage: 'unlock [--force]' },
  sync: {
    options: { url: str, station: str, stations: str, insecure: bool, json: bool },
    positionals: 0,
    subcommands: ['init-server', 'setup', 'status'],
    usage:
      'sync [--json] | sync setup --url URL --station ID [--insecure] | sync status ' +
      '[--json] | sync init-server --url URL --stations AKT,SNG,HQ [--insecure]',
  },
  conflicts: { options: { json: bool }, positionals: 0, usage: 'conflicts [--json]' },
  close: {
    options: { month: str, reason: str, json: bool },
    positionals: 0,
    usage: 'close --month YYYY-MM --reason R',
  },
  reopen: {
    options: { month: str, reason: str, json: bool },
    positionals: 0,
    usage: 'reopen --month YYYY-MM --reason R',
  },
  periods: { options: { json: bool }, positionals: 0, usage: 'periods [--json]' },
  programme: {
    options: {
      month: str,
      'as-of': str,
      add: bool,
      vessel: str,
      laycan: str,
      tonnes: str,
      force: bool,
      cancel: str,
      reason: str,
      link: str,
      unlink: str,
      cargo: str,
      json: bool,
    },
    positionals: 0,
    usage:
      'programme --month YYYY-MM [--as-of D] [--json] | programme --month YYYY-MM --add --vessel V ' +
      '--laycan D1..D2 --tonnes T [--force] | programme --cancel ID --reason R | ' +
      'programme --link|--unlink ID --cargo CARGO [--force]',
  },
  backup: { options: { dir: str, json: bool }, positionals: 0, usage: 'backup [--dir DIR] [--json]' },
  backups: { options: { json: bool }, positionals: 0, usage: 'backups [--json]' },
  restore: { options: { to: str }, positionals: 1, usage: 'restore BACKUP --to FILE' },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

const GLOBAL_OPTIONS = { ledger: str, help: bool, version: bool } as const satisfies Options;

export function usage(): string {
  return [
    'Transit Ledger: crude shipments Aktau → Baku against the annual target.',
    '',
    'Usage: transit-ledger [--ledger PATH] <command> [options]',
    '',
    ...Object.values(COMMANDS).map((command) => `  ${command.usage}`),
    '',
    'The ledger is --ledger PATH, else $TRANSIT_LEDGER, else the desktop app’s file.',
    'progress --stoppage (or --rate tonnes a day --from a date) asks what it does to the year; nothing is stored.',
    'baseline --monthly: twelve figures in tonnes that add up to --tonnes, split by commas (decimals with a point).',
    'years sets the year against earlier years and the baseline, lined up by day of year, months side by side.',
    'reconcile counts transit loss over cargoes with an outturn; --allowance sets a year’s (default 0.5%).',
    'vessels: transit is discharge − B/L date in calendar days; a cargo without a discharge date is pending.',
    'export and list CSV without --separator: "," for --language en, ";" and decimal commas for ru, az, kk.',
    'Sync reads the CouchDB user and password from TRANSIT_SYNC_USER and TRANSIT_SYNC_PASSWORD.',
    'Exit codes: 0 done, 2 bad input (nothing written), 3 ledger ' +
      'damaged or locked, 4 sync server unreachable or refusing.',
  ].join('\n');
}

/** One command as given: its name, its one argument if it takes one, and its flags. */
export interface Invocation {
  name: CommandName;
  /** The command's argument (an id, a file); '' for a command that takes none. */
  arg: string;
  values: Readonly<Record<string, string | boolean | undefined>>;
  /** --ledger, after the command or before it. */
  ledger: string | undefined;
}

/** A string flag's value, or undefined when it was not given. */
export function flag(invocation: Invocation, key: string): string | undefined {
  const value = invocation.values[key];
  return typeof value === 'string' ? value : undefined;
}

/** `--language`: the language of a CSV's headers and status words; English when not given. */
export function languageFlag(invocation: Invocation): Language {
  const value = flag(invocation, 'language');
  if (value === undefined) return 'en';
  const language = LANGUAGES.find((known) => known === value);
  if (!language) throw new UsageError(`--language ${value} is not one of ${LANGUAGES.join(', ')}.`);
  return language;
}

/** Whether a boolean flag was given. */
export function given(invocation: Invocation, key: string): boolean {
  return invocation.values[key] === true;
}

/** Either the usage is what to print (`asked`: --help or --version, else no command was given), or a command to run. */
export type CommandLine = { kind: 'usage'; asked: boolean } | { kind: 'command'; invocation: Invocation };

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const args = [...argv];
  const global = parseArgs({
    args,
    options: GLOBAL_OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  // Only flags before the command are global; everything after belongs to the command.
  const commandIndex = global.tokens.find((token) => token.kind === 'positional')?.index;
  const head = parseArgs({
    args: commandIndex === undefined ? args : args.slice(0, commandIndex),
    options: GLOBAL_OPTIONS,
    strict: true,
  });
  if (head.values.help || commandIndex === undefined)
    return { kind: 'usage', asked: head.values.help === true || head.values.version === true };
  const name = args[commandIndex] as string;
  if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(`Unknown command "${name}".`);
  const invocation = parseCommand(name as CommandName, args.slice(commandIndex + 1));
  return { kind: 'command', invocation: { ...invocation, ledger: invocation.ledger ?? head.values.ledger } };
}

function parseCommand(name: CommandName, args: string[]): Invocation {
  const spec: CommandSpec = COMMANDS[name];
  const options: Options = { ...spec.options, ledger: str };
  const parsed = parseArgs({
    args: attachDashValues(args, options),
    options,
    allowPositionals: true,
    strict: true,
    tokens: true,
  });
  refuseRepeatedFlags(parsed.tokens);
  const sub = spec.subcommands;
  if (sub !== undefined && parsed.positionals.length === 1 && !sub.includes(parsed.positionals[0] as string))
    throw new UsageError(`${name} has no subcommand "${parsed.positionals[0]}". Usage: ${spec.usage}`);
  const fits =
    parsed.positionals.length === spec.positionals || (sub !== undefined && parsed.positionals.length === 1);
  if (!fits) {
    const count = spec.positionals === 0 ? 'no' : spec.positionals;
    throw new UsageError(
      `${name} takes ${count} argument${spec.positionals === 1 ? '' : 's'} besides its flags. Usage: ${spec.usage}`,
    );
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  return {
    name,
    arg: parsed.positionals[0] ?? '',
    values,
    ledger: typeof values.ledger === 'string' ? values.ledger : undefined,
  };
}

/**
 * A value that starts with a dash (`--tonnes -5`, `--remarks "- see note"`, `--grade -Kashagan`)
 * would read as a missing value followed by a flag; joining it as `--tonnes=-5` keeps it a value,
 * so the validator can say what is wrong with it. A known flag that follows is never swallowed.
 */
function attachDashValues(args: readonly string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null;
    if (
      name !== null &&
      options[name]?.type === 'string' &&
      next !== undefined &&
      next.startsWith('-') &&
      !isKnownFlag(next, options)
    ) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function isKnownFlag(arg: string, options: Options): boolean {
  if (!arg.startsWith('--')) return false;
  const name = arg.slice(2).split('=')[0] ?? '';
  return name in options || name === 'help';
}

/** `--tonnes 9000 --tonnes 100` would silently keep the last figure; a clerk must give each once. */
function refuseRepeatedFlags(tokens: readonly { kind: string; name?: string }[]): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once; give it once.`);
    seen.add(token.name);
  }
}
