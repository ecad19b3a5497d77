/**
 * The command-line transport: flags in, TransitApi calls, text out. Exit codes: 0 success,
 * 2 bad input (nothing written), 3 ledger damaged or locked, 1 anything unexpected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ImportEncoding, ImportReport, ImportRowReport, Progress, Shipment, ShipmentFields, ShipmentInput, VerifyReport } from './core/api';
import { todayAtLoadPort } from './core/calendar';
import { dayBefore, demoShipments } from './core/demo';
import { ENCODING_LABELS, visible } from './core/encoding';
import { TransitError } from './core/errors';
import { unlockLedger } from './core/lock';
import { currentUser, resolveLedgerPath } from './core/paths';
import { formatKgAsTonnes, kgToTonnes } from './core/quantity';
import { MAX_IMPORT_BYTES, parseYear } from './core/requests';
import { LedgerService } from './core/service';
import { verifyLedger } from './core/verify';
import { FIELD_LABELS } from './core/shipment';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

const EXIT = { ok: 0, unexpected: 1, badInput: 2, ledger: 3 } as const;

const SHIPMENT_FLAGS = {
  'bl-date': 'blDate',
  vessel: 'vessel',
  tonnes: 'netTonnes',
  'net-tonnes': 'netTonnes',
  'bl-number': 'blNumber',
  imo: 'imo',
  voyage: 'voyage',
  grade: 'grade',
  'load-port': 'loadPort',
  'discharge-terminal': 'dischargeTerminal',
  shipper: 'shipper',
  receiver: 'receiver',
  status: 'status',
  'outturn-tonnes': 'outturnTonnes',
  outturn: 'outturnTonnes',
  barrels: 'barrels',
  remarks: 'remarks',
} as const satisfies Record<string, keyof ShipmentInput>;

type Options = NonNullable<ParseArgsConfig['options']>;
const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const shipmentOptions: Options = Object.fromEntries(Object.keys(SHIPMENT_FLAGS).map((flag) => [flag, str]));

const COMMANDS: Record<string, { options: Options; positionals: number; usage: string }> = {
  add: { options: { ...shipmentOptions, force: bool }, positionals: 0, usage: 'add --bl-date YYYY-MM-DD --vessel NAME --tonnes T [--bl-number N] [--grade G] [...] [--force]' },
  amend: { options: { ...shipmentOptions, reason: str, force: bool }, positionals: 1, usage: 'amend ID [--tonnes T] [--vessel NAME] [...] [--reason R] [--force]' },
  void: { options: { reason: str }, positionals: 1, usage: 'void ID --reason R' },
  history: { options: { json: bool }, positionals: 1, usage: 'history ID [--json]' },
  list: { options: { year: str, from: str, to: str, 'include-voided': bool, format: str, separator: str }, positionals: 0, usage: 'list [--year Y | --from D --to D] [--include-voided] [--format table|json|csv]' },
  targets: { options: { year: str, tonnes: str, plan: str, json: bool }, positionals: 0, usage: 'targets [--year Y] [--tonnes N] [--plan m1,…,m12] [--json]' },
  baseline: { options: { year: str, tonnes: str, json: bool }, positionals: 0, usage: 'baseline [--year Y --tonnes N] [--json]' },
  progress: { options: { year: str, 'as-of': str, json: bool }, positionals: 0, usage: 'progress [--year Y] [--as-of YYYY-MM-DD] [--json]' },
  export: { options: { year: str, report: str, out: str, separator: str }, positionals: 0, usage: 'export --year Y --report register|monthly --out FILE [--separator ,|;]' },
  import: { options: { 'dry-run': bool, force: bool, json: bool }, positionals: 1, usage: 'import FILE [--dry-run] [--force] [--json]' },
  verify: { options: { json: bool }, positionals: 0, usage: 'verify [--json]' },
  demo: { options: { out: str }, positionals: 0, usage: 'demo --out FILE' },
  unlock: { options: { force: bool }, positionals: 0, usage: 'unlock [--force]' },
};

const WRITE_COMMANDS = new Set(['add', 'amend', 'void', 'import']);

function usage(): string {
  return [
    'Transit Ledger: crude shipments Aktau → Baku against the annual target.',
    '',
    'Usage: transit-ledger [--ledger PATH] <command> [options]',
    '',
    ...Object.values(COMMANDS).map((command) => `  ${command.usage}`),
    '',
    'The ledger is --ledger PATH, else $TRANSIT_LEDGER, else the desktop app’s file.',
    'Exit codes: 0 done, 2 bad input (nothing written), 3 ledger damaged or locked.',
  ].join('\n');
}

class UsageError extends Error {}

/**
 * A value that starts with a dash (`--tonnes -5`, `--remarks "- see note"`, `--grade -Kashagan`)
 * would read as a missing value followed by a flag; joining it as `--tonnes=-5` keeps it a value,
 * so the validator can say what is wrong with it. A known flag that follows is never swallowed.
 */
function attachDashValues(args: string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && next !== undefined && next.startsWith('-') && !isKnownFlag(next, options)) {
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

function shipmentInput(values: Record<string, unknown>): ShipmentInput {
  const input: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(SHIPMENT_FLAGS)) {
    if (values[flag] !== undefined) {
      if (input[field] !== undefined) throw new UsageError(`--${flag} repeats a value already given.`);
      input[field] = values[flag];
    }
  }
  return input as ShipmentInput;
}

const FIELD_NAMES: Record<keyof ShipmentFields, string> = {
  ...(Object.fromEntries(Object.entries(FIELD_LABELS)) as Record<string, string>),
  netKg: FIELD_LABELS.netTonnes,
  outturnKg: FIELD_LABELS.outturnTonnes,
} as Record<keyof ShipmentFields, string>;

function shown(field: keyof ShipmentFields, value: string | number | null): string {
  if (value === null) return '—';
  if ((field === 'netKg' || field === 'outturnKg') && typeof value === 'number') return t(value);
  return String(value);
}

function t(kg: number): string {
  return `${formatKgAsTonnes(kg)} t`;
}

function describe(shipment: Shipment): string {
  return `${shipment.vessel}, B/L ${shipment.blNumber ?? '(no number)'} dated ${shipment.blDate}, ${t(shipment.netKg)}`;
}

function table(headers: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function shipmentJson(shipment: Shipment) {
  const { netKg, outturnKg, ...rest } = shipment;
  return { ...rest, netTonnes: kgToTonnes(netKg), outturnTonnes: outturnKg === null ? null : kgToTonnes(outturnKg) };
}

function progressJson(progress: Progress) {
  return {
    year: progress.year,
    asOf: progress.asOf,
    daysInYear: progress.daysInYear,
    daysElapsed: progress.daysElapsed,
    daysLeft: progress.daysLeft,
    shipments: progress.shipments,
    tonnes: kgToTonnes(progress.tonnesKg),
    targetTonnes: kgToTonnes(progress.targetKg),
    percentOfTarget: progress.percentOfTarget,
    proRataTonnes: kgToTonnes(progress.proRataKg),
    aheadTonnes: kgToTonnes(progress.aheadKg),
    runRatePerDay: progress.runRatePerDayKg / 1000,
    forecastTonnes: kgToTonnes(progress.forecastKg),
    requiredPerDay: progress.requiredPerDayKg === null ? null : progress.requiredPerDayKg / 1000,
    baselineYear: progress.baselineYear,
    baselineTonnes: kgToTonnes(progress.baselineKg),
    baselineProRataTonnes: kgToTonnes(progress.baselineProRataKg),
    changeVsBaselineTonnes: kgToTonnes(progress.changeVsBaselineKg),
    changeVsBaselinePercent: progress.changeVsBaselinePercent,
    months: progress.months.map((month) => ({
      month: month.month,
      shipments: month.shipments,
      tonnes: kgToTonnes(month.tonnesKg),
      cumulativeTonnes: kgToTonnes(month.cumulativeKg),
      planTonnes: kgToTonnes(month.planKg),
      cumulativePlanTonnes: kgToTonnes(month.cumulativePlanKg),
      varianceTonnes: kgToTonnes(month.varianceKg),
    })),
  };
}

function progressText(p: Progress): string {
  const pct = (value: number) => `${value.toFixed(1)}%`;
  const perDay = (kg: number) => `${formatKgAsTonnes(Math.round(kg))} t/day`;
  const lines = [
    `Year ${p.year} as of ${p.asOf} (day ${p.daysElapsed} of ${p.daysInYear}, ${p.daysLeft} left)`,
    `  Shipped            ${t(p.tonnesKg)} in ${p.shipments} cargoes, ${pct(p.percentOfTarget)} of the ${t(p.targetKg)} target`,
    `  Pro-rata target    ${t(p.proRataKg)}: ${p.aheadKg >= 0 ? 'ahead by' : 'behind by'} ${t(Math.abs(p.aheadKg))}`,
    `  Run rate           ${perDay(p.runRatePerDayKg)}; forecast for the year ${t(p.forecastKg)}`,
    `  Required rate      ${p.requiredPerDayKg === null ? 'the year is over' : perDay(p.requiredPerDayKg)}`,
    `  ${p.baselineYear} pace          ${t(p.baselineProRataKg)} by this day; change ${p.changeVsBaselineKg >= 0 ? '+' : '-'}${t(Math.abs(p.changeVsBaselineKg))}${p.changeVsBaselinePercent === null ? '' : ` (${p.changeVsBaselinePercent >= 0 ? '+' : ''}${pct(p.changeVsBaselinePercent)})`}`,
    '',
    table(
      ['Month', 'Cargoes', 'Tonnes', 'Cumulative', 'Plan', 'Variance'],
      p.months.map((m) => [m.month, String(m.shipments), formatKgAsTonnes(m.tonnesKg), formatKgAsTonnes(m.cumulativeKg), formatKgAsTonnes(m.planKg), formatKgAsTonnes(m.varianceKg)]),
      new Set([1, 2, 3, 4, 5]),
    ),
  ];
  return lines.join('\n');
}

/** Problem rows listed one per line before the summary; the rest are counted, and --json lists every row. */
export const LISTED_IMPORT_PROBLEMS = 50;

const ENCODING_NOTES: Partial<Record<ImportEncoding, string>> = {
  'windows-1251': `Read as ${ENCODING_LABELS['windows-1251']}: the file is not UTF-8, and its letters are Russian in that code page (Russian Excel's plain CSV). Check the vessel names afterwards; saving as CSV UTF-8 avoids the guess.`,
  'utf-16le': `Read as ${ENCODING_LABELS['utf-16le']}.`,
  'utf-16be': `Read as ${ENCODING_LABELS['utf-16be']}.`,
};

/** Invalid rows first, then accepted rows with a warning, then duplicates, then rows the file marks voided. */
const PROBLEM_ORDER: readonly ImportRowReport['outcome'][] = ['invalid', 'add', 'duplicate', 'skipped'];

function importRowLine(row: ImportRowReport, report: ImportReport): string {
  const what = row.outcome === 'add' ? (report.dryRun ? 'would add' : report.committed ? 'added' : 'valid') : row.outcome;
  const notes = [...row.issues, ...row.warnings].map((issue) => issue.message).join(' ');
  // Messages quote the file's cells: an escape sequence in one must not reach the terminal.
  return visible(`line ${row.line}: ${what}${row.blNumber ? ` (B/L ${row.blNumber})` : ''}${notes ? ` — ${notes}` : ''}`);
}

/**
 * The rows a person must read, most serious first, at most LISTED_IMPORT_PROBLEMS of them: a
 * 50 MB sheet with one bad row shows that row, not 96 MB of lines about rows that are fine.
 */
function importProblemLines(report: ImportReport): string[] {
  const problems = report.rows.filter((row) => row.outcome !== 'add' || row.warnings.length > 0);
  problems.sort((a, b) => PROBLEM_ORDER.indexOf(a.outcome) - PROBLEM_ORDER.indexOf(b.outcome));
  const lines = problems.slice(0, LISTED_IMPORT_PROBLEMS).map((row) => importRowLine(row, report));
  const rest = problems.slice(LISTED_IMPORT_PROBLEMS);
  if (rest.length > 0) {
    const count = (outcome: ImportRowReport['outcome']) => rest.filter((row) => row.outcome === outcome).length;
    const parts = [
      [count('invalid'), 'invalid'],
      [count('add'), 'with a warning'],
      [count('duplicate'), 'duplicate'],
      [count('skipped'), 'skipped'],
    ] as const;
    const kinds = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(', ');
    lines.push(`… and ${rest.length} more rows not listed (${kinds}); --json lists every row.`);
  }
  return lines;
}

function importText(report: ImportReport): string {
  const lines: string[] = [];
  const note = report.encoding === null ? undefined : ENCODING_NOTES[report.encoding];
  if (note) lines.push(note);
  for (const issue of report.fileIssues) lines.push(visible(`File: ${issue.message}`));
  lines.push(...importProblemLines(report));
  const summary = `${report.added} to add, ${report.duplicates} duplicate, ${report.skipped} skipped, ${report.invalid} invalid.`;
  if (report.fileIssues.length > 0) lines.push('Nothing was imported: fix the file and try again.');
  else if (report.dryRun) lines.push(`Dry run, nothing written: ${summary}`);
  else if (report.committed) lines.push(`Imported: ${summary}`);
  else lines.push(`Nothing was imported because some rows are invalid: ${summary}`);
  return lines.join('\n');
}

/** Writes a whole file or nothing: a failed export never leaves a half-written report behind. */
function writeFileAtomically(target: string, content: string): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, content, { flush: true });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`Cannot write ${target}: the folder ${path.dirname(path.resolve(target))} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`Cannot write ${target}: permission denied; choose another place.`);
    throw new TransitError('io', `Could not write ${target}: ${code ?? (error as Error).message}.`);
  }
}

/** How much of an import file is read at a time. */
const READ_CHUNK = 1024 * 1024;

/**
 * At most `limit` bytes of an open file, or null when it holds more. Read in chunks to the limit
 * and one byte past it, never to the end: a pipe, a device (/dev/zero) or a /proc file says its
 * size is 0, and reading it whole would not stop before the memory runs out.
 */
function readAtMost(fd: number, limit: number): Buffer | null {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, limit + 1 - total));
    const read = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > limit) return null;
  }
}

/** The file's bytes as they are: decoding them is the core's job (encoding.ts), done once for every path. */
function readInputFile(file: string): Buffer {
  const tooLarge = (size: string) => new UsageError(`Cannot import ${file}: it is ${size}, too large to be a shipment sheet.`);
  let fd: number | null = null;
  try {
    // Checked before reading, so a wrong 3 GB file is refused at once rather than read into memory.
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (stat.size > MAX_IMPORT_BYTES) throw tooLarge(`${Math.ceil(stat.size / 1024 / 1024)} MB (over 64 MB)`);
    fd = fs.openSync(file, 'r');
    const bytes = readAtMost(fd, MAX_IMPORT_BYTES);
    if (bytes === null) throw tooLarge('over 64 MB');
    return bytes;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = {
      ENOENT: 'there is no such file',
      EISDIR: 'it is a folder, not a file',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
    };
    throw new UsageError(`Cannot read ${file}: ${(code && reasons[code]) ?? code ?? (error as Error).message}.`);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function verifyCommand(ledgerPath: string, json: boolean, io: CliIo): number {
  // A mistyped --ledger would otherwise be reported as an intact, empty ledger.
  if (!fs.existsSync(ledgerPath) && !fs.existsSync(`${ledgerPath}.tip`)) {
    throw new UsageError(`There is no ledger at ${ledgerPath}; nothing to verify. (A ledger file is created by its first recorded shipment.)`);
  }
  const report: VerifyReport = verifyLedger(ledgerPath);
  io.out(json ? JSON.stringify({ ...report, totalTonnes: kgToTonnes(report.totalKg) }, null, 2) : `${report.message}\nTotal of live shipments: ${t(report.totalKg)}.`);
  return report.ok ? EXIT.ok : EXIT.ledger;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const global = parseArgs({ args: argv, options: { ledger: str, help: bool, version: bool }, allowPositionals: true, strict: false, tokens: true });
  // Only flags before the command are global; everything after belongs to the command.
  const commandIndex = global.tokens.find((token) => token.kind === 'positional')?.index;
  const globalArgs = commandIndex === undefined ? argv : argv.slice(0, commandIndex);
  const head = parseArgs({ args: globalArgs, options: { ledger: str, help: bool, version: bool }, strict: true });
  if (head.values.help || commandIndex === undefined) {
    (commandIndex === undefined && !head.values.help && !head.values.version ? io.err : io.out)(usage());
    return head.values.help || head.values.version ? EXIT.ok : EXIT.badInput;
  }
  const name = argv[commandIndex] as string;
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`Unknown command "${name}".`);
  const options: Options = { ...command.options, ledger: str };
  const parsed = parseArgs({ args: attachDashValues(argv.slice(commandIndex + 1), options), options, allowPositionals: true, strict: true, tokens: true });
  refuseRepeatedFlags(parsed.tokens);
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const flag = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  if (parsed.positionals.length !== command.positionals) {
    throw new UsageError(`${name} takes ${command.positionals === 0 ? 'no' : command.positionals} argument${command.positionals === 1 ? '' : 's'} besides its flags. Usage: ${command.usage}`);
  }
  const ledgerPath = resolveLedgerPath(flag('ledger') ?? (head.values.ledger as string | undefined), io.env);
  const arg = parsed.positionals[0] as string;

  // Works on the lock file alone, without reading the journal: it is what a stuck lock needs.
  if (name === 'unlock') {
    const outcome = unlockLedger(ledgerPath, { force: values.force === true });
    (outcome.status === 'refused' ? io.err : io.out)(outcome.message);
    return outcome.status === 'refused' ? EXIT.ledger : EXIT.ok;
  }

  if (name === 'demo') {
    const out = flag('out');
    if (!out) throw new UsageError('demo needs --out FILE (a new file; the demo is never mixed with real data).');
    if (fs.existsSync(out)) throw new UsageError(`${out} already exists; the demo ledger must be a new file.`);
    const service = LedgerService.open(out, { actor: 'demo', now: io.now });
    try {
      const recorded = service.recordMany(demoShipments(dayBefore(todayAtLoadPort(io.now()))));
      io.out(`Demo ledger written to ${path.resolve(out)}: ${recorded.length} cargoes.`);
    } finally {
      service.close();
    }
    return EXIT.ok;
  }

  // Verify reads the file once, on its own: opening the ledger first would fold it twice.
  if (name === 'verify') return verifyCommand(ledgerPath, values.json === true, io);

  const setsTargets = name === 'targets' && (flag('tonnes') !== undefined || flag('plan') !== undefined);
  const setsBaseline = name === 'baseline' && (flag('tonnes') !== undefined || flag('year') !== undefined);
  if (setsBaseline && (flag('tonnes') === undefined || flag('year') === undefined)) {
    throw new UsageError('To set the baseline give both --year and --tonnes, e.g. baseline --year 2023 --tonnes 1057000.');
  }
  const writes = WRITE_COMMANDS.has(name) && !(name === 'import' && values['dry-run']);
  const readOnly = !(writes || setsTargets || setsBaseline);
  // Read an import file before opening the ledger, so a missing file never touches it.
  const importBytes = name === 'import' ? readInputFile(arg) : null;
  const service = LedgerService.open(ledgerPath, { readOnly, actor: currentUser(), now: io.now });
  try {
    const info = await service.info();
    if (info.recovery) io.err(info.recovery.message);
    const today = todayAtLoadPort(io.now());
    const yearFlag = flag('year');
    const year = yearFlag === undefined ? Number(today.slice(0, 4)) : parseYear(yearFlag);
    const outcome = await runCommand();
    // A read of a damaged ledger still shows what is intact, but a script must not take its
    // totals for the whole ledger: the exit code says the ledger is damaged.
    if (readOnly && info.recovery && !info.recovery.complete && outcome === EXIT.ok) {
      // Not complete without a missing entry: a serious note (a missing tip, an altered entry).
      io.err(
        info.recovery.confirmedLost > 0
          ? 'The output leaves out the damaged entries listed above. Run verify for the details.'
          : 'No entry is known to be missing from the output, but the ledger file cannot be fully trusted. Run verify for the details.',
      );
      return EXIT.ledger;
    }
    return outcome;

    async function runCommand(): Promise<number> {
      switch (name) {
        case 'add': {
          const { shipment, warnings } = await service.recordShipment(shipmentInput(values), { force: values.force === true });
          for (const warning of warnings) io.err(`Warning: ${warning.message}`);
          io.out(`Recorded ${describe(shipment)}.`);
          io.out(shipment.id);
          return EXIT.ok;
        }
        case 'amend': {
          const { shipment, warnings } = await service.amendShipment(arg, shipmentInput(values), { reason: flag('reason'), force: values.force === true });
          for (const warning of warnings) io.err(`Warning: ${warning.message}`);
          io.out(`Amended ${shipment.id}: ${describe(shipment)}.`);
          return EXIT.ok;
        }
        case 'void': {
          const shipment = await service.voidShipment(arg, flag('reason') as string);
          io.out(`Voided ${shipment.id}: ${describe(shipment)} (${shipment.voidReason ?? ''}).`);
          return EXIT.ok;
        }
        case 'history': {
          const history = await service.shipmentHistory(arg);
          if (values.json) io.out(JSON.stringify(history, null, 2));
          else {
            for (const entry of history) {
              const changes = entry.changes.map((c) => `${FIELD_NAMES[c.field]}: ${shown(c.field, c.before)} → ${shown(c.field, c.after)}`).join('; ');
              io.out(`#${entry.seq} ${entry.at} ${entry.actor} ${entry.action}${entry.reason ? ` (${entry.reason})` : ''}${changes ? `: ${changes}` : ''}`);
            }
          }
          return EXIT.ok;
        }
        case 'list': {
          const format = flag('format') ?? 'table';
          if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format ${format} is not one of table, json, csv.`);
          const range = flag('from') !== undefined || flag('to') !== undefined ? { from: flag('from'), to: flag('to') } : { year };
          if (format === 'csv') {
            if (flag('from') !== undefined || flag('to') !== undefined) throw new UsageError('--format csv lists a whole year: use --year.');
            const report = await service.exportReport({ year, report: 'register', separator: flag('separator') ?? ',' });
            io.out(report.content.replace(/\r\n$/, ''));
            return EXIT.ok;
          }
          const shipments = await service.listShipments({ ...range, includeVoided: values['include-voided'] === true });
          if (format === 'json') io.out(JSON.stringify(shipments.map(shipmentJson), null, 2));
          else {
            io.out(
              table(
                ['ID', 'B/L date', 'B/L number', 'Vessel', 'Grade', 'Status', 'Net tonnes'],
                shipments.map((s) => [s.id, s.blDate, s.blNumber ?? '', s.vessel, s.grade ?? '', s.voided ? 'VOID' : s.status.replace('_', ' '), formatKgAsTonnes(s.netKg)]),
                new Set([6]),
              ),
            );
            io.out(`${shipments.length} shipments, ${t(shipments.reduce((sum, s) => sum + (s.voided ? 0 : s.netKg), 0))}.`);
          }
          return EXIT.ok;
        }
        case 'targets': {
          const targets = setsTargets
            ? await service.setTargets({ year, annualTonnes: flag('tonnes'), monthlyPlanTonnes: flag('plan')?.split(',').map((figure) => figure.trim()) })
            : await service.getTargets(year);
          if (values.json) io.out(JSON.stringify({ year: targets.year, annualTonnes: kgToTonnes(targets.annualKg), monthlyPlanTonnes: targets.monthlyPlanKg?.map(kgToTonnes) ?? null, source: targets.source }));
          else {
            io.out(`${setsTargets ? 'Set: target' : 'Target'} for ${targets.year}: ${t(targets.annualKg)}${targets.source === 'default' ? ' (default)' : ''}`);
            if (targets.monthlyPlanKg) io.out(`Monthly plan: ${targets.monthlyPlanKg.map((kg) => formatKgAsTonnes(kg)).join(', ')}`);
          }
          return EXIT.ok;
        }
        case 'baseline': {
          const baseline = setsBaseline ? await service.setBaseline({ year: yearFlag, tonnes: flag('tonnes') }) : await service.getBaseline();
          if (values.json) io.out(JSON.stringify({ year: baseline.year, tonnes: kgToTonnes(baseline.kg), source: baseline.source }));
          else io.out(`Baseline: ${baseline.year}, ${t(baseline.kg)}${baseline.source === 'default' ? ' (default)' : ''}`);
          return EXIT.ok;
        }
        case 'progress': {
          const progress = await service.progress({ year, asOf: flag('as-of') });
          io.out(values.json ? JSON.stringify(progressJson(progress), null, 2) : progressText(progress));
          return EXIT.ok;
        }
        case 'export': {
          const out = flag('out');
          if (!out) throw new UsageError('export needs --out FILE.');
          if (yearFlag === undefined) throw new UsageError('export needs --year Y.');
          if (flag('report') === undefined) throw new UsageError('export needs --report register or --report monthly.');
          const report = await service.exportReport({ year, report: flag('report'), separator: flag('separator') ?? ',' });
          writeFileAtomically(out, report.content);
          io.out(`Wrote ${report.rows} rows to ${out}.`);
          return EXIT.ok;
        }
        case 'import': {
          // --json lists every row; the text lists only the problems, so needs only the rows that have one.
          const report = await service.importCsv({ base64: importBytes?.toString('base64'), dryRun: values['dry-run'] === true, force: values.force === true, allRows: values.json === true });
          const refused = report.fileIssues.length > 0 || report.invalid > 0;
          (refused && !values.json ? io.err : io.out)(values.json ? JSON.stringify(report, null, 2) : importText(report));
          return refused ? EXIT.badInput : EXIT.ok;
        }
      }
      throw new UsageError(`Unknown command "${name}".`);
    }
  } finally {
    service.close();
  }
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nRun with --help for usage.`);
      return EXIT.badInput;
    }
    if (error instanceof TransitError) {
      if (error.issues.length > 0) {
        for (const issue of error.issues) {
          const hint = issue.overridable ? ' To confirm it, repeat the command with --force.' : '';
          io.err(`${issue.field ? `${issue.field}: ` : ''}${issue.message}${hint}`);
        }
      }
      else io.err(error.message);
      if (error.code === 'damaged' || error.code === 'locked') return EXIT.ledger;
      return error.code === 'io' ? EXIT.unexpected : EXIT.badInput;
    }
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message.replace(/\. To specify a positional.*$/s, '.')}\nRun with --help for usage.`);
      return EXIT.badInput;
    }
    io.err(`Unexpected error: ${(error as Error).stack ?? String(error)}`);
    return EXIT.unexpected;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    now: () => new Date(),
  }).then((code) => {
    process.exitCode = code;
  });
}
