/**
 * The command line, as a specification. Almost every test calls `main()` in this process with a
 * captured io and the fixed clock (today at Aktau is 2024-08-15); two spawn the real command to
 * prove the wiring, and the lock tests need a second process to hold the ledger.
 *
 * Exit codes: 0 done, 2 bad input (stderr says which field and what is wrong; nothing written),
 * 3 ledger damaged or locked. Figures in the progress test are worked out by hand beside them.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { main, type CliIo } from '../electron/cli';
import { cp1251 } from './support/cp1251';
import { LockHolder } from './support/holder';
import { readWorkbook } from './support/read-workbook';
import { fixedNow, tempDir } from './support/temp';

const ROOT = path.resolve(__dirname, '..');
const HOLD_LOCK = path.join(__dirname, 'fixtures', 'cli', 'hold-lock.ts');
/** Ids are 10 characters from an alphabet without 0, 1, l and o. */
const ID = /^[a-km-np-z2-9]{10}$/;

interface CliRun {
  code: number;
  out: string;
  err: string;
  /** The last line written to stdout. */
  lastLine: string;
}

interface ListedShipment {
  id: string;
  blDate: string;
  blNumber: string | null;
  vessel: string;
  imo: string | null;
  voyage: string | null;
  grade: string | null;
  loadPort: string;
  dischargeTerminal: string;
  shipper: string;
  receiver: string;
  status: string;
  netTonnes: number;
  outturnTonnes: number | null;
  barrels: number | null;
  remarks: string | null;
  voided: boolean;
  voidReason: string | null;
  recordedAt: string;
  recordedBy: string;
  updatedAt: string;
  recordedOrder?: number;
}

interface MonthJson {
  month: string;
  shipments: number;
  tonnes: number;
  cumulativeTonnes: number;
  planTonnes: number;
}

interface ProgressJson {
  year: number;
  asOf: string;
  daysInYear: number;
  daysElapsed: number;
  daysLeft: number;
  shipments: number;
  tonnes: number;
  targetTonnes: number;
  percentOfTarget: number;
  proRataTonnes: number;
  aheadTonnes: number;
  runRatePerDay: number;
  forecastTonnes: number;
  requiredPerDay: number | null;
  baselineYear: number;
  baselineTonnes: number;
  baselineProRataTonnes: number;
  changeVsBaselineTonnes: number;
  months: MonthJson[];
}

interface HistoryJson {
  seq: number;
  action: string;
  reason: string | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

/** Runs the CLI in this process; `env` is empty unless given, so the real TRANSIT_LEDGER never leaks in. */
async function cli(
  args: string[],
  options: { now?: () => Date; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: options.env ?? {},
    now: options.now ?? fixedNow,
  };
  const code = await main(args, io);
  const outText = out.join('\n');
  return { code, out: outText, err: err.join('\n'), lastLine: outText.split('\n').at(-1) ?? '' };
}

function explain(run: CliRun): string {
  return `exit ${run.code}\n--- stdout\n${run.out}\n--- stderr\n${run.err}`;
}

/** Runs a command that must succeed, failing the test with its output otherwise. */
async function ok(args: string[], options?: { now?: () => Date; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  const run = await cli(args, options);
  if (run.code !== 0) throw new Error(`transit-ledger ${args.join(' ')} failed:\n${explain(run)}`);
  return run;
}

/** Records a shipment and returns the id the CLI printed on its last line. */
async function add(ledger: string, ...flags: string[]): Promise<string> {
  const run = await ok(['--ledger', ledger, 'add', ...flags]);
  expect(run.lastLine).toMatch(ID);
  return run.lastLine;
}

async function listJson(ledger: string, ...flags: string[]): Promise<ListedShipment[]> {
  return JSON.parse(
    (await ok(['--ledger', ledger, 'list', '--format', 'json', ...flags])).out,
  ) as ListedShipment[];
}

async function progressJson(ledger: string, ...flags: string[]): Promise<ProgressJson> {
  return JSON.parse((await ok(['--ledger', ledger, 'progress', '--json', ...flags])).out) as ProgressJson;
}

/** A shipment as the person entered it: without the id and the ledger's own timestamps. */
function withoutIdentity(
  shipment: ListedShipment,
): Omit<ListedShipment, 'id' | 'recordedAt' | 'recordedBy' | 'updatedAt' | 'recordedOrder'> {
  const {
    id: _id,
    recordedAt: _recordedAt,
    recordedBy: _recordedBy,
    updatedAt: _updatedAt,
    recordedOrder: _recordedOrder,
    ...fields
  } = shipment;
  return fields;
}

let tmp: ReturnType<typeof tempDir>;
let ledger: string;

beforeEach(() => {
  tmp = tempDir('transit-cli-');
  ledger = tmp.file('ledger.jsonl');
});

afterEach(() => {
  tmp.cleanup();
});

/** Runs the CLI against this test's ledger. */
function run(...args: string[]): Promise<CliRun> {
  return cli(['--ledger', ledger, ...args]);
}

/** `export` of `report` for `year` from the ledger at `from` into `out`, then any further flags. */
function exportArgs(from: string, year: string, report: string, out: string, ...more: string[]): string[] {
  return ['--ledger', from, 'export', '--year', year, '--report', report, '--out', out, ...more];
}

describe('add and list', () => {
  test('add prints the new id alone on its last line; list --format json fills in the defaults', async () => {
    const added = await run('add', '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9959.5');
    expect(added.code).toBe(0);
    expect(added.lastLine).toMatch(ID);
    expect(added.out).toContain('Recorded Astana');
    expect(added.out).toContain('9959.500 t');

    const listed = await listJson(ledger);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: added.lastLine,
      blDate: '2024-08-01',
      vessel: 'Astana',
      netTonnes: 9959.5,
      blNumber: null,
      loadPort: 'Aktau',
      dischargeTerminal: 'Sangachal',
      shipper: 'KMG',
      receiver: 'SOCAR',
      status: 'loaded',
      outturnTonnes: null,
      voided: false,
    });
    expect(typeof listed[0]?.netTonnes).toBe('number');
  });

  test('the table lists the shipment with its id, tonnes to the kilogram and a total', async () => {
    const id = await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'AKT-1',
    );
    const table = await run('list');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(new RegExp(`${id}\\s+2024-08-01\\s+AKT-1\\s+Astana\\s+loaded\\s+9959\\.500`));
    expect(table.lastLine).toBe('1 shipments, 9959.500 t.');
  });

  test('a cargo above 15,000 t is refused without --force, and recorded with --force and a warning', async () => {
    const refused = await run('add', '--bl-date', '2024-08-01', '--vessel', 'Liwa', '--tonnes', '20000');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/more than a Caspian tanker carries/);
    expect(refused.err).toMatch(/--force/);

    const forced = await run(
      'add',
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Liwa',
      '--tonnes',
      '20000',
      '--force',
    );
    expect(forced.code).toBe(0);
    expect(forced.lastLine).toMatch(ID);
    expect(forced.err).toMatch(
      /^Warning: 20000\.000 t is more than a Caspian tanker usually carries .*; saved as confirmed\.$/m,
    );
    expect((await listJson(ledger)).map((s) => s.netTonnes)).toEqual([20000]);
  });

  test('an unknown vessel is refused naming the closest tankers, and recorded as typed with --force', async () => {
    const cargo = ['add', '--bl-date', '2024-08-01', '--vessel', 'Astna', '--tonnes', '9959.5'];
    const refused = await run(...cargo);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/Vessel "Astna" is not in the fleet\. The closest in the fleet: Astana\./);
    expect(refused.err).toMatch(/repeat the command with --force/);
    expect(fs.existsSync(ledger)).toBe(false);

    const forced = await run(...cargo, '--force');
    expect(forced.code).toBe(0);
    expect(forced.err).toMatch(
      /^Warning: Vessel "Astna" is not in the fleet; saved as typed, as confirmed\.$/m,
    );
    expect((await listJson(ledger)).map((s) => s.vessel)).toEqual(['Astna']);
  });

  test('a Cyrillic spelling of a tanker is recorded as the fleet names it: Лива → Liwa', async () => {
    const added = await run('add', '--bl-date', '2024-08-01', '--vessel', 'Лива', '--tonnes', '9959.5');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Recorded Liwa');
    expect((await listJson(ledger)).map((s) => s.vessel)).toEqual(['Liwa']);
  });

  test('fleet lists the tankers; fleet add keeps a new one, which add then takes without a question', async () => {
    const listed = await run('fleet');
    expect(listed.code).toBe(0);
    expect(listed.out.split('\n')).toContain('Liwa: IMO —, 13000.000 t dwt; also Лива');
    const added = await run(
      'fleet',
      'add',
      '--name',
      'Atyrau',
      '--deadweight',
      '12000',
      '--aliases',
      'Атырау',
    );
    expect(added.code).toBe(0);
    expect(added.lastLine).toBe('Added to the fleet: Atyrau: IMO —, 12000.000 t dwt; also Атырау');
    const recorded = await run('add', '--bl-date', '2024-08-01', '--vessel', 'атырау', '--tonnes', '9959.5');
    expect(recorded.code).toBe(0);
    expect(recorded.out).toContain('Recorded Atyrau');
  });

  test('without --bl-number, the same add twice is refused (exit 2, nothing written) unless --force', async () => {
    const cargo = ['add', '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9959.5'];
    const first = await run(...cargo);
    expect(first.code).toBe(0);
    const before = fs.readFileSync(ledger);

    // The same tanker spelled in other case and spacing is the same tanker.
    const again = await run('add', '--bl-date', '2024-08-01', '--vessel', ' ASTANA ', '--tonnes', '9959.500');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(
      new RegExp(
        'already holds a cargo with the same B/L date, vessel and tonnes ' +
          `\\(Astana, B/L date 2024-08-01, 9959\\.500 t, id ${first.lastLine}\\)`,
      ),
    );
    expect(again.err).toMatch(/repeat the command with --force/);
    expect(fs.readFileSync(ledger).equals(before)).toBe(true);

    const forced = await run(...cargo, '--force');
    expect(forced.code).toBe(0);
    expect(forced.lastLine).toMatch(ID);
    expect(forced.err).toMatch(/^Warning: .*saved as a separate cargo, as confirmed\.$/m);
    expect((await listJson(ledger)).map((s) => s.id)).toEqual([first.lastLine, forced.lastLine]);
  });

  test('two cargoes alike but for their distinct B/L numbers are two bills of lading: no question', async () => {
    await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'AKT-1',
    );
    await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'AKT-2',
    );
    const unnumbered = await run(
      'add',
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
    );
    expect(unnumbered.code).toBe(2);
    expect(await listJson(ledger)).toHaveLength(2);
  });

  test('--ledger picks the file, else TRANSIT_LEDGER does', async () => {
    const fromEnv = tmp.file('from-env.jsonl');
    const envRun = await cli(['add', '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9000'], {
      env: { TRANSIT_LEDGER: fromEnv },
    });
    expect(envRun.code).toBe(0);
    expect((await listJson(fromEnv)).map((s) => s.id)).toEqual([envRun.lastLine]);

    const envBefore = fs.readFileSync(fromEnv);
    const flagRun = await cli(
      ['--ledger', ledger, 'add', '--bl-date', '2024-08-02', '--vessel', 'Liwa', '--tonnes', '8800'],
      { env: { TRANSIT_LEDGER: fromEnv } },
    );
    expect(flagRun.code).toBe(0);
    expect((await listJson(ledger)).map((s) => s.id)).toEqual([flagRun.lastLine]);
    expect(fs.readFileSync(fromEnv)).toEqual(envBefore);
  });

  test('--help prints the usage and exits 0; no command at all is bad input', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage: transit-ledger/);
    const nothing = await cli([]);
    expect(nothing.code).toBe(2);
    expect(nothing.err).toMatch(/Usage: transit-ledger/);
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  let liveId: string;
  let voidId: string;

  beforeEach(async () => {
    liveId = await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'KZ 1',
    );
    voidId = await add(
      ledger,
      '--bl-date',
      '2024-08-02',
      '--vessel',
      'Liwa',
      '--tonnes',
      '8800',
      '--bl-number',
      'KZ 2',
    );
    await ok(['--ledger', ledger, 'void', voidId, '--reason', 'Entered twice']);
    await add(
      ledger,
      '--bl-date',
      '2024-08-03',
      '--vessel',
      'Taraz',
      '--tonnes',
      '6900',
      '--bl-number',
      'KZ 3',
    );
  });

  interface Context {
    liveId: string;
    voidId: string;
    dir: string;
  }

  interface BadInput {
    name: string;
    args: (ctx: Context) => string[];
    /** stderr names the field (its label, key or flag) or the shipment… */
    field: RegExp | ((ctx: Context) => RegExp);
    /** …and says what is wrong with it. */
    problem: RegExp;
    /** A file (in the test's directory) that must not exist afterwards. */
    absent?: string;
  }

  const shipment = (overrides: Record<string, string | null>): string[] => {
    const flags: Record<string, string | null> = {
      'bl-date': '2024-08-10',
      vessel: 'Taraz',
      tonnes: '6900',
      ...overrides,
    };
    return [
      'add',
      ...Object.entries(flags).flatMap(([flag, value]) => (value === null ? [] : [`--${flag}`, value])),
    ];
  };
  const NET = /Net tonnes|netTonnes/;
  const BL_DATE = /B\/L date|blDate/;
  const VESSEL = /Vessel|vessel/;

  const cases: BadInput[] = [
    // Tonnes
    {
      name: 'negative tonnes written "--tonnes -5"',
      args: () => shipment({ tonnes: '-5' }),
      field: NET,
      problem: /more than zero/,
    },
    {
      name: 'negative tonnes written "--tonnes=-5"',
      args: () => [...shipment({ tonnes: null }), '--tonnes=-5'],
      field: NET,
      problem: /more than zero/,
    },
    { name: 'zero tonnes', args: () => shipment({ tonnes: '0' }), field: NET, problem: /more than zero/ },
    {
      name: 'non-numeric tonnes "abc"',
      args: () => shipment({ tonnes: 'abc' }),
      field: NET,
      problem: /not a number of tonnes/,
    },
    {
      name: 'tonnes "NaN"',
      args: () => shipment({ tonnes: 'NaN' }),
      field: NET,
      problem: /not a number of tonnes/,
    },
    {
      name: 'tonnes "Infinity"',
      args: () => shipment({ tonnes: 'Infinity' }),
      field: NET,
      problem: /not a number of tonnes/,
    },
    {
      name: 'tonnes finer than a kilogram (9959.5001)',
      args: () => shipment({ tonnes: '9959.5001' }),
      field: NET,
      problem: /finer than a kilogram/,
    },
    {
      name: 'absurd tonnes (105000), which no --force could make believable',
      args: () => [...shipment({ tonnes: '105000' }), '--force'],
      field: NET,
      problem: /far more than any/,
    },
    {
      name: 'a 20,000 t cargo without --force',
      args: () => shipment({ tonnes: '20000' }),
      field: NET,
      problem: /more than a Caspian tanker carries.*--force/s,
    },
    // Dates
    {
      name: 'an impossible date (2024-02-30)',
      args: () => shipment({ 'bl-date': '2024-02-30' }),
      field: BL_DATE,
      problem: /does not exist: February 2024 has 29 days/,
    },
    {
      name: 'an impossible month (2023-13-01)',
      args: () => shipment({ 'bl-date': '2023-13-01' }),
      field: BL_DATE,
      problem: /there is no month 13/,
    },
    {
      name: 'a malformed date (24-05-03)',
      args: () => shipment({ 'bl-date': '24-05-03' }),
      field: BL_DATE,
      problem: /not in the form YYYY-MM-DD/,
    },
    {
      name: 'a B/L date after today at Aktau (2024-08-16)',
      args: () => shipment({ 'bl-date': '2024-08-16' }),
      field: BL_DATE,
      problem: /in the future; today at Aktau is 2024-08-15/,
    },
    // Vessel
    { name: 'an empty vessel', args: () => shipment({ vessel: '' }), field: VESSEL, problem: /required/ },
    {
      name: 'a blank vessel of spaces',
      args: () => shipment({ vessel: '   ' }),
      field: VESSEL,
      problem: /required/,
    },
    {
      name: 'a 500-character vessel',
      args: () => shipment({ vessel: 'x'.repeat(500) }),
      field: VESSEL,
      problem: /500 characters long; at most 100/,
    },
    // Missing fields
    {
      name: 'a missing --vessel',
      args: () => shipment({ vessel: null }),
      field: VESSEL,
      problem: /required/,
    },
    { name: 'a missing --tonnes', args: () => shipment({ tonnes: null }), field: NET, problem: /required/ },
    {
      name: 'a missing --bl-date',
      args: () => shipment({ 'bl-date': null }),
      field: BL_DATE,
      problem: /required/,
    },
    // Duplicates: B/L numbers are compared without case or spaces ("KZ 1" is on the ledger).
    {
      name: 'a duplicate B/L number written exactly ("KZ 1")',
      args: () => shipment({ 'bl-number': 'KZ 1' }),
      field: /B\/L number|blNumber/,
      problem: /already in the ledger/,
    },
    {
      name: 'a duplicate B/L number in other case and spacing ("kz1")',
      args: () => shipment({ 'bl-number': 'kz1' }),
      field: /B\/L number|blNumber/,
      problem: /already in the ledger/,
    },
    {
      name: 'an amendment giving a shipment the B/L number of another ("kz 3")',
      args: (c) => ['amend', c.liveId, '--bl-number', 'kz 3'],
      field: /B\/L number|blNumber/,
      problem: /already in the ledger/,
    },
    // Flags and commands
    {
      name: 'an unknown flag (--colour)',
      args: () => [...shipment({}), '--colour', 'red'],
      field: /--colour/,
      problem: /Unknown option/,
    },
    {
      name: 'an unknown command',
      args: () => ['frobnicate'],
      field: /frobnicate/,
      problem: /Unknown command/,
    },
    // Amend and void
    {
      name: 'amending an id that does not exist',
      args: () => ['amend', 'zzzzzzzzzz', '--vessel', 'Taraz'],
      field: /zzzzzzzzzz/,
      problem: /no shipment with id/,
    },
    {
      name: 'voiding an id that does not exist',
      args: () => ['void', 'zzzzzzzzzz', '--reason', 'typo'],
      field: /zzzzzzzzzz/,
      problem: /no shipment with id/,
    },
    {
      name: 'a malformed id',
      args: () => ['void', 'NOT-AN-ID', '--reason', 'typo'],
      field: /NOT-AN-ID/,
      problem: /not a shipment id/,
    },
    {
      name: 'voiding a shipment that is already void',
      args: (c) => ['void', c.voidId, '--reason', 'again'],
      field: (c) => new RegExp(`Shipment ${c.voidId}`),
      problem: /already void \(Entered twice\)/,
    },
    {
      name: 'amending a shipment that is void',
      args: (c) => ['amend', c.voidId, '--vessel', 'Taraz'],
      field: (c) => new RegExp(`Shipment ${c.voidId}`),
      problem: /void and cannot be amended/,
    },
    {
      name: 'void without --reason',
      args: (c) => ['void', c.liveId],
      field: /reason/i,
      problem: /Give a reason/,
    },
    {
      name: 'an amendment that changes nothing',
      args: (c) => ['amend', c.liveId, '--vessel', 'Astana'],
      field: /every field given/,
      problem: /Nothing to change/,
    },
    {
      name: 'an amendment to 20,000 t without --force',
      args: (c) => ['amend', c.liveId, '--tonnes', '20000'],
      field: NET,
      problem: /more than a Caspian tanker carries/,
    },
    // Years, dates and reports
    {
      name: 'progress --year 1899',
      args: () => ['progress', '--year', '1899'],
      field: /year/i,
      problem: /from 2000 to 2100/,
    },
    {
      name: 'progress --year abc',
      args: () => ['progress', '--year', 'abc'],
      field: /year/i,
      problem: /"abc" must be a year/,
    },
    {
      name: 'progress --as-of 2024-02-30',
      args: () => ['progress', '--as-of', '2024-02-30'],
      field: /As-of date|asOf/,
      problem: /not a real calendar date/,
    },
    {
      name: 'progress --as-of after today',
      args: () => ['progress', '--as-of', '2024-08-20'],
      field: /As-of date|asOf/,
      problem: /in the future/,
    },
    {
      name: 'progress --as-of in another year than --year',
      args: () => ['progress', '--year', '2024', '--as-of', '2023-12-31'],
      field: /As-of date|asOf/,
      problem: /not in 2024/,
    },
    {
      name: 'list --year abc',
      args: () => ['list', '--year', 'abc'],
      field: /year/i,
      problem: /must be a year/,
    },
    {
      name: 'list --format xml',
      args: () => ['list', '--format', 'xml'],
      field: /--format/,
      problem: /not one of table, json, csv/,
    },
    {
      name: 'export --report bogus, which writes no file',
      args: (c) => ['export', '--year', '2024', '--report', 'bogus', '--out', path.join(c.dir, 'bogus.csv')],
      field: /report/,
      problem: /no report "bogus"; choose register, monthly, reconciliation, years, vessels, programme/,
      absent: 'bogus.csv',
    },
    {
      name: 'export with a bad --separator, which writes no file',
      args: (c) => [
        'export',
        '--year',
        '2024',
        '--report',
        'register',
        '--separator',
        '|',
        '--out',
        path.join(c.dir, 'pipe.csv'),
      ],
      field: /[Ss]eparator/,
      problem: /must be , \(comma\) or ; \(semicolon\)/,
      absent: 'pipe.csv',
    },
    // Targets
    {
      name: 'targets --tonnes abc',
      args: () => ['targets', '--year', '2024', '--tonnes', 'abc'],
      field: /Annual target|annualTonnes/,
      problem: /must be a number of tonnes/,
    },
    {
      name: 'a monthly plan of 11 figures',
      args: () => ['targets', '--year', '2024', '--plan', '1,2,3,4,5,6,7,8,9,10,11'],
      field: /monthlyPlanTonnes|plan/i,
      problem: /exactly 12 figures/,
    },
    // Import
    {
      name: 'importing a file that does not exist',
      args: (c) => ['import', path.join(c.dir, 'missing.csv')],
      field: /missing\.csv/,
      problem: /Cannot read .*: there is no such file\./,
    },
    // Flags
    {
      name: 'a flag given twice (--tonnes 6900 --tonnes 100)',
      args: () => [...shipment({}), '--tonnes', '100'],
      field: /--tonnes/,
      problem: /given more than once/,
    },
    {
      name: 'a vessel given twice',
      args: () => [...shipment({}), '--vessel', 'Liwa'],
      field: /--vessel/,
      problem: /given more than once/,
    },
    // Years
    {
      name: 'progress for a year that has not begun (2025)',
      args: () => ['progress', '--year', '2025'],
      field: /2025/,
      problem: /has not begun; today at Aktau is 2024-08-15/,
    },
    {
      name: 'verify of a ledger path that does not exist (a mistyped --ledger)',
      args: (c) => ['verify', '--ledger', path.join(c.dir, 'ledgr.jsonl')],
      field: /ledgr\.jsonl/,
      problem: /There is no ledger at/,
    },
  ];

  test.each(cases)(
    '$name: exit 2, a message naming the field and the problem, the ledger byte-identical',
    async (bad) => {
      const before = fs.readFileSync(ledger);
      const filesBefore = fs.readdirSync(tmp.dir).sort();
      const ctx = { liveId, voidId, dir: tmp.dir };
      const result = await run(...bad.args(ctx));
      expect({ code: result.code, out: result.out }).toEqual({ code: 2, out: '' });
      expect(result.err).toMatch(typeof bad.field === 'function' ? bad.field(ctx) : bad.field);
      expect(result.err).toMatch(bad.problem);
      expect(fs.readFileSync(ledger).equals(before)).toBe(true);
      expect(fs.readdirSync(tmp.dir).sort()).toEqual(filesBefore);
      if (bad.absent) expect(fs.existsSync(path.join(tmp.dir, bad.absent))).toBe(false);
    },
  );

  test('bad input aimed at a ledger file that does not exist yet creates no file', async () => {
    const fresh = tmp.file('new-ledger.jsonl');
    const result = await cli([
      '--ledger',
      fresh,
      'add',
      '--bl-date',
      '2024-08-10',
      '--vessel',
      'Taraz',
      '--tonnes',
      'abc',
    ]);
    expect(result.code).toBe(2);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  test('an import with one bad row imports nothing, exits 2 and names the bad row, not the valid ones', async () => {
    const csv = tmp.file('sheet.csv');
    fs.writeFileSync(
      csv,
      [
        'B/L date,Vessel,Net tonnes,B/L number',
        '2024-07-01,Astana,9959.5,IMP-1',
        '2024-07-02,Liwa,-5,IMP-2',
        '2024-07-03,Taraz,6900,IMP-3',
        '',
      ].join('\n'),
    );
    const before = fs.readFileSync(ledger);
    const result = await run('import', csv);
    expect(result.code).toBe(2);
    const report = `${result.out}\n${result.err}`;
    // The row as read beside its message, so it can be found in the sheet.
    expect(report).toMatch(
      /^line 3: invalid \(2024-07-02, Liwa, -5\.000 t, B\/L IMP-2\) — Net tonnes must be more than zero\.$/m,
    );
    expect(report).not.toMatch(/^line [24]:/m);
    expect(result.err.split('\n').at(-1)).toBe(
      'Nothing was imported because some rows are invalid: 2 to add, 0 duplicate, 0 skipped, 1 invalid.',
    );
    expect(fs.readFileSync(ledger).equals(before)).toBe(true);
    expect((await listJson(ledger)).map((s) => s.blNumber)).toEqual(['KZ 1', 'KZ 3']);
  });
});

describe('amend, history and void', () => {
  test('amend changes a field; history lists the record, then the amendment: before → after, and why', async () => {
    const id = await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'KZ-7',
    );
    const amended = await run('amend', id, '--vessel', 'Taraz', '--reason', 'Vessel misread on the B/L scan');
    expect(amended.code).toBe(0);
    expect(amended.out).toMatch(new RegExp(`Amended ${id}: Taraz`));
    expect((await listJson(ledger))[0]).toMatchObject({
      id,
      vessel: 'Taraz',
      netTonnes: 9959.5,
      blNumber: 'KZ-7',
    });

    const history = await run('history', id);
    expect(history.code).toBe(0);
    const lines = history.out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^#2 2024-08-15T12:00:00\.000Z \S+ record$/);
    expect(lines[1]).toMatch(
      /^#3 2024-08-15T12:00:00\.000Z \S+ amend \(Vessel misread on the B\/L scan\): Vessel: Astana → Taraz$/,
    );

    const json = JSON.parse((await ok(['--ledger', ledger, 'history', id, '--json'])).out) as HistoryJson[];
    expect(json.map((entry) => entry.action)).toEqual(['record', 'amend']);
    expect(json[1]).toMatchObject({
      reason: 'Vessel misread on the B/L scan',
      changes: [{ field: 'vessel', before: 'Astana', after: 'Taraz' }],
    });
  });

  test('an amendment of the tonnes is kept in history with the figure before and after', async () => {
    const id = await add(ledger, '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9959.5');
    await ok(['--ledger', ledger, 'amend', id, '--tonnes', '9960', '--reason', 'Final B/L figure']);
    expect((await listJson(ledger))[0]?.netTonnes).toBe(9960);
    const json = JSON.parse((await ok(['--ledger', ledger, 'history', id, '--json'])).out) as HistoryJson[];
    // The JSON history speaks the ledger's own units: integer kilograms.
    expect(json[1]?.changes).toEqual([{ field: 'netKg', before: 9_959_500, after: 9_960_000 }]);
  });

  test('void hides a shipment unless --include-voided; history ends with the void and its reason', async () => {
    const kept = await add(ledger, '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9959.5');
    const id = await add(ledger, '--bl-date', '2024-08-02', '--vessel', 'Liwa', '--tonnes', '8800');
    const voided = await run('void', id, '--reason', 'Entered twice');
    expect(voided.code).toBe(0);
    expect(voided.out).toMatch(new RegExp(`Voided ${id}: .*\\(Entered twice\\)`));

    expect((await listJson(ledger)).map((s) => s.id)).toEqual([kept]);
    const all = await listJson(ledger, '--include-voided');
    expect(all.map((s) => [s.id, s.voided, s.voidReason])).toEqual([
      [kept, false, null],
      [id, true, 'Entered twice'],
    ]);
    const history = await run('history', id);
    expect(history.out.split('\n').at(-1)).toMatch(/ void \(Entered twice\)$/);
    // The totals leave a voided cargo out.
    expect((await progressJson(ledger, '--year', '2024')).tonnes).toBe(9959.5);
  });

  test('a voided B/L number may be used again', async () => {
    const id = await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'KZ 5',
    );
    await ok(['--ledger', ledger, 'void', id, '--reason', 'Wrong vessel']);
    await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Aktau',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'KZ5',
    );
  });
});

describe('targets', () => {
  const PLAN = [
    '150000',
    '150000',
    '150000',
    '150000',
    '200000',
    '200000',
    '200000',
    '200000',
    '200000',
    '200000',
    '200000',
    '200000',
  ];

  test('the 2024 target is 2,200,000 t by default, and reading it creates no ledger', async () => {
    const text = await run('targets', '--year', '2024');
    expect(text.code).toBe(0);
    expect(text.out).toBe('Target for 2024: 2200000.000 t (default)');
    const json = JSON.parse(
      (await ok(['--ledger', ledger, 'targets', '--year', '2024', '--json'])).out,
    ) as unknown;
    expect(json).toEqual({
      year: 2024,
      annualTonnes: 2_200_000,
      monthlyPlanTonnes: null,
      lossAllowancePercent: 0.5,
      source: 'default',
    });
    expect(fs.existsSync(ledger)).toBe(false);
  });

  test('--tonnes sets a year’s target in the ledger', async () => {
    const set = await run('targets', '--year', '2025', '--tonnes', '1500000');
    expect(set.code).toBe(0);
    expect(set.out).toBe('Set: target for 2025: 1500000.000 t');
    const json = JSON.parse(
      (await ok(['--ledger', ledger, 'targets', '--year', '2025', '--json'])).out,
    ) as unknown;
    expect(json).toEqual({
      year: 2025,
      annualTonnes: 1_500_000,
      monthlyPlanTonnes: null,
      lossAllowancePercent: 0.5,
      source: 'ledger',
    });
    // A year's target may be set before it begins; its progress is counted once it has.
    const in2025 = () => new Date('2025-03-01T08:00:00Z');
    const p2025 = JSON.parse(
      (await ok(['--ledger', ledger, 'progress', '--json', '--year', '2025'], { now: in2025 })).out,
    ) as ProgressJson;
    expect(p2025.targetTonnes).toBe(1_500_000);
    // Other years keep their default.
    expect((await progressJson(ledger, '--year', '2024')).targetTonnes).toBe(2_200_000);
  });

  test('--plan sets twelve monthly figures that add up to the annual target, and progress plans by them', async () => {
    const set = await run('targets', '--year', '2024', '--tonnes', '2200000', '--plan', PLAN.join(','));
    expect(set.code).toBe(0);
    expect(set.out).toMatch(
      /^Monthly plan: 150000\.000, 150000\.000, 150000\.000, 150000\.000, 200000\.000/m,
    );
    const json = JSON.parse(
      (await ok(['--ledger', ledger, 'targets', '--year', '2024', '--json'])).out,
    ) as unknown;
    expect(json).toEqual({
      year: 2024,
      annualTonnes: 2_200_000,
      monthlyPlanTonnes: PLAN.map(Number),
      lossAllowancePercent: 0.5,
      source: 'ledger',
    });
    const progress = await progressJson(ledger, '--year', '2024', '--as-of', '2024-07-31');
    expect(progress.months.map((m) => m.planTonnes)).toEqual(PLAN.map(Number));
  });

  test('a plan whose figures do not add up to the annual target is refused and nothing is written', async () => {
    await add(ledger, '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9959.5');
    const before = fs.readFileSync(ledger);
    const wrong = [...PLAN.slice(0, 11), '199999'];
    const refused = await run('targets', '--year', '2024', '--tonnes', '2200000', '--plan', wrong.join(','));
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/monthlyPlanTonnes/);
    expect(refused.err).toMatch(/add up to 2199999\.000 t but the annual target is 2200000\.000 t/);
    expect(fs.readFileSync(ledger).equals(before)).toBe(true);
    expect(
      JSON.parse((await ok(['--ledger', ledger, 'targets', '--year', '2024', '--json'])).out),
    ).toMatchObject({ source: 'default' });
  });
});

describe('progress', () => {
  test('progress --json for 2024 as of 31 July: figures worked out by hand', async () => {
    await add(ledger, '--bl-date', '2024-01-10', '--vessel', 'Astana', '--tonnes', '9959.5');
    await add(ledger, '--bl-date', '2024-03-05', '--vessel', 'Liwa', '--tonnes', '8800');
    await add(ledger, '--bl-date', '2024-07-31', '--vessel', 'Taraz', '--tonnes', '6900.123');
    // After the as-of date, and in another year: neither counts.
    await add(ledger, '--bl-date', '2024-08-02', '--vessel', 'Aktau', '--tonnes', '7000');
    await add(ledger, '--bl-date', '2023-12-31', '--vessel', 'Astana', '--tonnes', '9000');

    const p = await progressJson(ledger, '--year', '2024', '--as-of', '2024-07-31');
    expect(p).toMatchObject({
      year: 2024,
      asOf: '2024-07-31',
      daysInYear: 366,
      // Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31 = 213; 366 − 213 = 153.
      daysElapsed: 213,
      daysLeft: 153,
      shipments: 3,
      // 9,959.500 + 8,800.000 + 6,900.123
      tonnes: 25659.623,
      targetTonnes: 2_200_000,
      // 2,200,000 × 213 / 366 = 1,280,327.868 85… → 1,280,327.869 (to the kg)
      proRataTonnes: 1280327.869,
      // 25,659.623 − 1,280,327.869
      aheadTonnes: -1254668.246,
      // 25,659,623 kg × 366 / 213 = 44,091,183.18… kg
      forecastTonnes: 44091.183,
      baselineYear: 2023,
      baselineTonnes: 1_057_000,
      // 1,057,000 × 213 / 366 = 615,139.344 26… → 615,139.344
      baselineProRataTonnes: 615139.344,
      // 25,659.623 − 615,139.344
      changeVsBaselineTonnes: -589479.721,
    });
    // 25,659.623 / 2,200,000 × 100
    expect(p.percentOfTarget).toBeCloseTo(1.1663465, 6);
    // 25,659.623 t / 213 days = 120.467 713 6… t/day
    expect(p.runRatePerDay).toBeCloseTo(120.4677136, 6);
    // (2,200,000 − 25,659.623) t / 153 days = 14,211.375 013… t/day
    expect(p.requiredPerDay).toBeCloseTo(14211.375013, 5);

    expect(p.months.map((m) => m.month)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    expect(p.months.map((m) => [m.shipments, m.tonnes, m.cumulativeTonnes])).toEqual([
      [1, 9959.5, 9959.5],
      [0, 0, 9959.5],
      [1, 8800, 18759.5],
      [0, 0, 18759.5],
      [0, 0, 18759.5],
      [0, 0, 18759.5],
      [1, 6900.123, 25659.623],
      [0, 0, 25659.623],
      [0, 0, 25659.623],
      [0, 0, 25659.623],
      [0, 0, 25659.623],
      [0, 0, 25659.623],
    ]);
    // 2.2 Mt spread by days: a 31-day month 2,200,000 × 31/366 = 186,338.797 81 t; the 10 kg left after
    // flooring go to the largest remainders (Feb, the 30-day months, then Jan, Mar, May, Jul, Aug).
    expect(p.months[0]?.planTonnes).toBe(186338.798);
    expect(p.months[1]?.planTonnes).toBe(174316.94);
    expect(p.months[9]?.planTonnes).toBe(186338.797);
    const planKg = p.months.reduce((sum, m) => sum + Math.round(m.planTonnes * 1000), 0);
    expect(planKg).toBe(2_200_000_000);
  });

  test('progress without --as-of counts to today at Aktau, and the text report shows the same figures', async () => {
    await add(ledger, '--bl-date', '2024-08-15', '--vessel', 'Astana', '--tonnes', '9959.5');
    const p = await progressJson(ledger);
    expect(p).toMatchObject({ year: 2024, asOf: '2024-08-15', tonnes: 9959.5, shipments: 1 });
    const text = await run('progress');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Year 2024 as of 2024-08-15 \(day 228 of 366, 138 left\)$/m);
    expect(text.out).toMatch(/Shipped\s+9959\.500 t in 1 cargoes/);
  });
});

describe('export and import', () => {
  let source: string;

  beforeEach(async () => {
    source = tmp.file('source.jsonl');
    await add(
      source,
      '--bl-date',
      '2024-07-02',
      '--vessel',
      'President Heydar Aliyev',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'AKT-2024-0101',
      '--imo',
      '9301615',
      '--voyage',
      'PHA-24/017',
      '--grade',
      'tengiz',
      '--status',
      'discharged',
      '--outturn',
      '9950.1',
      '--barrels',
      '79377.22',
      '--remarks',
      '=SUM(A1:A2); "pumped slow"',
    );
    await add(
      source,
      '--bl-date',
      '2024-07-15',
      '--vessel',
      'Taraz',
      '--tonnes',
      '6900.123',
      '--grade',
      'Kashagan',
      '--status',
      'in transit',
    );
    const voided = await add(
      source,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Liwa',
      '--tonnes',
      '8800',
      '--bl-number',
      'AKT-2024-0102',
    );
    await ok(['--ledger', source, 'void', voided, '--reason', 'Cargo cancelled']);
  });

  async function exportRegister(separator: ',' | ';'): Promise<string> {
    const out = tmp.file(`register${separator === ';' ? '-semicolon' : ''}.csv`);
    const result = await ok(exportArgs(source, '2024', 'register', out, '--separator', separator));
    expect(result.out).toBe(`Wrote 2 rows to ${out}.`);
    return out;
  }

  test('export register with ";" writes a UTF-8 BOM, CRLF line ends and decimal commas', async () => {
    const bytes = fs.readFileSync(await exportRegister(';'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^ID;B\/L date;B\/L number;Vessel;.*;Net tonnes;Outturn tonnes;Barrels;Remarks;Arrival date;Discharge date$/,
    );
    const pha = lines.find((line) => line.includes('AKT-2024-0101')) ?? '';
    expect(pha).toContain(';discharged;9959,500;9950,100;79377,22;');
    // The remark is guarded against Excel formulas and quoted for its ";" and quotes.
    // Remarks are the last column but the voyage's two dates (blank for this cargo).
    expect(pha.endsWith(`;"'=SUM(A1:A2); ""pumped slow""";;`)).toBe(true);
    expect(lines.find((line) => line.includes('Taraz'))).toContain(';in transit;6900,123;;');
  });

  test('export monthly with "," writes twelve months with decimal points', async () => {
    const out = tmp.file('monthly.csv');
    const result = await ok(exportArgs(source, '2024', 'monthly', out));
    expect(result.out).toBe(`Wrote 12 rows to ${out}.`);
    const lines = fs.readFileSync(out, 'utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Month,Shipments,Tonnes,Cumulative tonnes,Plan tonnes,Cumulative plan tonnes,Plan to date tonnes,' +
        'Variance tonnes,Closed by,Closed on',
    );
    expect(lines[7]).toMatch(/^2024-07,2,16859\.623,16859\.623,/);
    // Today is 15 August 2024: December has not begun, so it carries its plan and nothing else.
    expect(lines[12]).toMatch(/^2024-12,,,,\d+\.\d{3},2200000\.000,,,,$/);
  });

  test.each([
    ['ru', ';', 'ID;Дата коносамента;Номер коносамента;Танкер;', ';6900,123;'],
    ['az', ';', 'ID;Konosament tarixi;Konosament nömrəsi;Tanker;', ';6900,123;'],
    ['kk', ';', 'ID;Коносамент күні;Коносамент нөмірі;Танкер;', ';6900,123;'],
    ['en', ',', 'ID,B/L date,B/L number,Vessel,', ',6900.123,'],
  ])(
    'export --language %s without --separator writes "%s" and the decimal mark that language’s Excel reads',
    async (language, separator, header, taraz) => {
      const out = tmp.file(`register-${language}.csv`);
      await ok(exportArgs(source, '2024', 'register', out, '--language', language));
      const [first = '', ...rows] = fs.readFileSync(out, 'utf8').slice(1).split('\r\n');
      expect(first.startsWith(header)).toBe(true);
      // Eighteen columns, each parted by the language's separator.
      expect(first.split(separator)).toHaveLength(18);
      expect(rows.find((line) => line.includes('Taraz'))).toContain(taraz);
    },
  );

  test('an explicit --separator still wins over the language’s own', async () => {
    const out = tmp.file('register-ru-comma.csv');
    const flags = ['--report', 'register', '--out', out, '--language', 'ru', '--separator', ','];
    await ok(['--ledger', source, 'export', '--year', '2024', ...flags]);
    const [first = '', ...rows] = fs.readFileSync(out, 'utf8').slice(1).split('\r\n');
    expect(first.startsWith('ID,Дата коносамента,Номер коносамента,Танкер,')).toBe(true);
    expect(rows.find((line) => line.includes('Taraz'))).toContain(',6900.123,');
  });

  test('export --format xlsx writes a workbook, and a FILE named .xlsx gets one without asking', async () => {
    const asked = tmp.file('register.bin');
    const named = tmp.file('monthly.xlsx');
    const base = ['--ledger', source, 'export', '--year', '2024', '--language', 'ru'];
    expect((await ok([...base, '--report', 'register', '--format', 'xlsx', '--out', asked])).out).toBe(
      `Wrote 2 rows to ${asked}.`,
    );
    expect((await ok([...base, '--report', 'monthly', '--out', named])).out).toBe(
      `Wrote 12 rows to ${named}.`,
    );
    const [register] = await readWorkbook(fs.readFileSync(asked));
    expect(register?.sheet).toBe('Реестр');
    expect(register?.data[4]?.slice(0, 4)).toEqual([
      expect.any(String),
      new Date('2024-07-02T00:00:00Z'),
      'AKT-2024-0101',
      'President Heydar Aliyev',
    ]);
    const [monthly] = await readWorkbook(fs.readFileSync(named));
    expect(monthly?.data[3]).toEqual(expect.arrayContaining(['Месяц', 'Отклонение, т']));
  });

  test('export --format xls is refused by name, and nothing is written', async () => {
    const out = tmp.file('register.xls');
    const result = await cli([
      '--ledger',
      source,
      'export',
      '--year',
      '2024',
      '--report',
      'register',
      '--format',
      'xls',
      '--out',
      out,
    ]);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('Format "xls" must be csv or xlsx.');
    expect(fs.existsSync(out)).toBe(false);
  });

  // The register's B/L date header, a status word and the monthly report's first header, in each language.
  const LANGUAGE_WORDS = [
    ['en', 'B/L date', 'discharged', 'Month'],
    ['ru', 'Дата коносамента', 'выгружен', 'Месяц'],
    ['az', 'Konosament tarixi', 'boşaldılıb', 'Ay'],
    ['kk', 'Коносамент күні', 'түсірілді', 'Ай'],
  ] as const;

  test.each(LANGUAGE_WORDS)(
    '--language %s: export and list --format csv write the headers and status words in it',
    async (language, blDate, discharged, month) => {
      const out = tmp.file(`register-${language}.csv`);
      await ok(exportArgs(source, '2024', 'register', out, '--language', language));
      // The separator the language's Excel reads: ',' in English, ';' in the other three.
      const separator = language === 'en' ? ',' : ';';
      const [header, ...rows] = fs.readFileSync(out, 'utf8').slice(1).split('\r\n');
      expect(header?.split(separator)).toContain(blDate);
      expect(rows.find((row) => row.includes('AKT-2024-0101'))?.split(separator)).toContain(discharged);

      const listed = await ok([
        '--ledger',
        source,
        'list',
        '--year',
        '2024',
        '--format',
        'csv',
        '--language',
        language,
      ]);
      expect(listed.out).toBe(fs.readFileSync(out, 'utf8').replace(/\r\n$/, ''));

      const monthly = tmp.file(`monthly-${language}.csv`);
      await ok(exportArgs(source, '2024', 'monthly', monthly, '--language', language));
      expect(fs.readFileSync(monthly, 'utf8').slice(1).split(separator)[0]).toBe(month);
    },
  );

  test('a --language not among en, ru, az, kk is refused: exit 2, the four named, nothing written', async () => {
    const out = tmp.file('register-de.csv');
    const refused = await cli(exportArgs(source, '2024', 'register', out, '--language', 'de'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--language de is not one of en, ru, az, kk.');
    expect(fs.existsSync(out)).toBe(false);

    const listed = await cli([
      '--ledger',
      source,
      'list',
      '--year',
      '2024',
      '--format',
      'csv',
      '--language',
      'RU',
    ]);
    expect(listed.code).toBe(2);
    expect(listed.out).toBe('');
    expect(listed.err).toContain('--language RU is not one of en, ru, az, kk.');

    const table = await cli(['--ledger', source, 'list', '--year', '2024', '--language', 'ru']);
    expect(table.code).toBe(2);
    expect(table.out).toBe('');
    expect(table.err).toContain('--language is for --format csv');
  });

  test.each([';', ','] as const)(
    'export (separator "%s") → import into a fresh ledger gives the same shipments; a dry run writes nothing',
    async (separator) => {
      const file = await exportRegister(separator);
      const fresh = tmp.file('fresh.jsonl');
      // The fresh ledger already holds an unrelated 2023 cargo, so it exists before the dry run.
      await add(fresh, '--bl-date', '2023-12-30', '--vessel', 'Aktau', '--tonnes', '7000');
      const before = fs.readFileSync(fresh);

      const dry = await cli(['--ledger', fresh, 'import', file, '--dry-run']);
      expect(dry.code).toBe(0);
      // Rows that are fine are counted, not listed one by one.
      expect(dry.out).not.toMatch(/^line /m);
      expect(dry.lastLine).toBe('Dry run, nothing written: 2 to add, 0 duplicate, 0 skipped, 0 invalid.');
      expect(fs.readFileSync(fresh).equals(before)).toBe(true);

      const imported = await cli(['--ledger', fresh, 'import', file]);
      expect(imported.code).toBe(0);
      expect(imported.lastLine).toBe('Imported: 2 to add, 0 duplicate, 0 skipped, 0 invalid.');

      const byVessel = (a: ListedShipment, b: ListedShipment) => a.vessel.localeCompare(b.vessel);
      const original = (await listJson(source, '--year', '2024')).sort(byVessel).map(withoutIdentity);
      const copy = (await listJson(fresh, '--year', '2024')).sort(byVessel).map(withoutIdentity);
      expect(copy).toEqual(original);
      expect(copy[0]).toMatchObject({
        imo: '9301615',
        grade: 'Tengiz',
        status: 'discharged',
        outturnTonnes: 9950.1,
        barrels: 79377.22,
        remarks: '=SUM(A1:A2); "pumped slow"',
      });
      // The voided cargo does not come back to life.
      expect(
        (await listJson(fresh, '--year', '2024', '--include-voided')).map((s) => s.vessel),
      ).not.toContain('Liwa');
    },
  );

  test('importing the same file again reports every row as a duplicate and adds nothing', async () => {
    const file = await exportRegister(';');
    const fresh = tmp.file('fresh.jsonl');
    await ok(['--ledger', fresh, 'import', file]);
    const before = fs.readFileSync(fresh);

    const again = await cli(['--ledger', fresh, 'import', file]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(
      new RegExp(
        String.raw`^line 2: duplicate \(2024-07-02, President Heydar Aliyev, 9959\.500 t, ` +
          String.raw`B\/L AKT-2024-0101\) — B\/L number AKT-2024-0101 is already in the ledger`,
        'm',
      ),
    );
    // A row without a B/L number is matched on date, vessel and tonnes.
    expect(again.out).toMatch(
      new RegExp(
        String.raw`^line 3: duplicate \(2024-07-15, Taraz, [\d,.]+ t\) — ` +
          String.raw`A cargo of Taraz on 2024-07-15 with the same tonnes is already in the ledger`,
        'm',
      ),
    );
    expect(again.lastLine).toBe('Imported: 0 to add, 2 duplicate, 0 skipped, 0 invalid.');
    expect(fs.readFileSync(fresh).equals(before)).toBe(true);
    expect(await listJson(fresh)).toHaveLength(2);
  });

  test('a dry run on a ledger that does not exist yet creates no file', async () => {
    const file = await exportRegister(',');
    const fresh = tmp.file('never.jsonl');
    const dry = await cli(['--ledger', fresh, 'import', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(fs.existsSync(fresh)).toBe(false);
  });
});

describe('import: how a file is read, and what is printed', () => {
  const HEADER_EN = 'B/L date,Vessel,Net tonnes,B/L number';

  /** A ledger that exists, so "nothing written" can be checked byte for byte. */
  async function existingLedger(): Promise<Buffer> {
    await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'KZ 1',
    );
    return fs.readFileSync(ledger);
  }

  function sheet(name: string, bytes: Uint8Array): string {
    const file = tmp.file(name);
    fs.writeFileSync(file, bytes);
    return file;
  }

  test.each([
    [
      'a Latin name with a byte that is not UTF-8',
      Buffer.from(`${HEADER_EN}\n2024-07-01,Ast\xff(na,9959.5,IMP-1\n`, 'latin1'),
      2,
      52,
      'FF',
    ],
    [
      'a Cyrillic UTF-8 name followed by a stray byte',
      Buffer.concat([
        Buffer.from(`${HEADER_EN}\r\n2024-07-01,Актау`),
        Buffer.from([0xd0]),
        Buffer.from(',8800,IMP-2\r\n'),
      ]),
      2,
      60,
      'D0',
    ],
  ])(
    '%s: refused naming the line and byte offset and how to save as UTF-8; exit 2, nothing written',
    async (_name, bytes, line, offset, byte) => {
      const before = await existingLedger();
      for (const flags of [[], ['--dry-run']]) {
        const result = await run('import', sheet('bad.csv', bytes), ...flags);
        expect(result.code).toBe(2);
        expect(result.out).toBe('');
        expect(result.err).toContain(`line ${line} has byte 0x${byte} at byte offset ${offset}`);
        expect(result.err).toContain('In Excel: File → Save As → CSV UTF-8 (Comma delimited)');
        expect(result.err).not.toContain('\uFFFD');
        expect(result.err.split('\n').at(-1)).toBe('Nothing was imported: fix the file and try again.');
      }
      expect(fs.readFileSync(ledger).equals(before)).toBe(true);
    },
  );

  test('Windows-1251 from Russian Excel imports with Cyrillic vessel names and says how it was read', async () => {
    const text = [
      'Дата коносамента;№ коносамента;Судно;Тонны',
      '01.07.2024;АКТ-0417;Актау;9\u00a0959,5',
      '02.07.2024;АКТ-0418;«Ёлкино»;6980',
      '',
    ].join('\r\n');
    // --force: «Ёлкино» is no tanker of the fleet, kept as written; Актау is the fleet's Aktau.
    const file = sheet('cp1251.csv', cp1251(text.replace('\u00a0', ' ')));
    const result = await run('import', file, '--force');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Read as Windows-1251 \(Cyrillic\)/);
    expect(result.lastLine).toBe('Imported: 2 to add, 0 duplicate, 0 skipped, 0 invalid.');
    expect((await listJson(ledger)).map((s) => [s.vessel, s.blNumber, s.netTonnes])).toEqual([
      ['Aktau', 'АКТ-0417', 9959.5],
      ['«Ёлкино»', 'АКТ-0418', 6980],
    ]);
  });

  test.each([
    ['LE', Buffer.from([0xff, 0xfe]), (text: string) => Buffer.from(text, 'utf16le')],
    ['BE', Buffer.from([0xfe, 0xff]), (text: string) => Buffer.from(text, 'utf16le').swap16()],
  ])('UTF-16%s with a BOM (Excel "Unicode text", tab-separated) imports', async (_order, bom, encode) => {
    const text = [
      'Дата коносамента\tСудно\tТонны\tНомер коносамента',
      '01.07.2024\tАктау\t9959,5\tАКТ-1',
      '02.07.2024\tAstana\t6980\tАКТ-2',
      '',
    ].join('\r\n');
    const result = await run('import', sheet('unicode.txt', Buffer.concat([bom, encode(text)])));
    expect(result.code).toBe(0);
    expect(result.lastLine).toBe('Imported: 2 to add, 0 duplicate, 0 skipped, 0 invalid.');
    // Актау read right is the fleet's Aktau (read wrong, it would be no tanker and refused).
    expect((await listJson(ledger)).map((s) => [s.vessel, s.netTonnes])).toEqual([
      ['Aktau', 9959.5],
      ['Astana', 6980],
    ]);
  });

  test('UTF-16 without a BOM is refused as UTF-16, not as control characters; no NUL byte is printed', async () => {
    const before = await existingLedger();
    const result = await run(
      'import',
      sheet(
        'no-bom.txt',
        Buffer.from(`${HEADER_EN.replaceAll(',', '\t')}\r\n2024-07-01\tAstana\t9959.5\tIMP-1\r\n`, 'utf16le'),
      ),
    );
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/looks like UTF-16LE text/);
    expect(result.err).not.toMatch(/control characters/);
    expect(`${result.out}${result.err}`).not.toContain('\0');
    expect(fs.readFileSync(ledger).equals(before)).toBe(true);
  });

  test('a sheet opening with Excel’s sep=; line imports as the same sheet without it', async () => {
    const rows = [
      'B/L date;Vessel;Net tonnes;B/L number',
      '01.07.2024;Astana;9 959,5;IMP-1',
      '02.07.2024;Taraz;6980,25;',
    ];
    const plain = sheet('plain.csv', Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`));
    const named = sheet('named.csv', Buffer.from(`\uFEFFsep=;\r\n${rows.join('\r\n')}\r\n`));
    const other = tmp.file('other.jsonl');
    const imported = await run('import', named);
    expect(imported.err).toBe('');
    expect(imported.lastLine).toBe('Imported: 2 to add, 0 duplicate, 0 skipped, 0 invalid.');
    await ok(['--ledger', other, 'import', plain]);
    const read = await listJson(ledger);
    expect(read.map((s) => [s.blDate, s.vessel, s.netTonnes, s.blNumber])).toEqual([
      ['2024-07-01', 'Astana', 9959.5, 'IMP-1'],
      ['2024-07-02', 'Taraz', 6980.25, null],
    ]);
    expect(read.map(withoutIdentity)).toEqual((await listJson(other)).map(withoutIdentity));
  });

  test('a bad row under a sep=, line is named by its line in the file, the sep line counted', async () => {
    const text = ['sep=,', HEADER_EN, '2024-07-01,Astana,9959.5,IMP-1', '2024-07-02,Liwa,-5,IMP-2', ''].join(
      '\n',
    );
    const result = await run('import', sheet('named.csv', Buffer.from(text)));
    expect(result.code).toBe(2);
    expect(`${result.out}\n${result.err}`).toMatch(
      /^line 4: invalid \(2024-07-02, Liwa, -5\.000 t, B\/L IMP-2\) — Net tonnes must be more than zero\.$/m,
    );
  });

  test('a file with a header and no rows says so and exits 2', async () => {
    const before = await existingLedger();
    const result = await run(
      'import',
      sheet('header-only.csv', Buffer.from('\uFEFFB/L date;Vessel;Net tonnes\r\n')),
    );
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      'File: The file has a header but no rows: nothing to import.\nNothing was imported: fix the file and try again.',
    );
    expect(fs.readFileSync(ledger).equals(before)).toBe(true);
  });

  test('one bad row in 20,000 prints two lines: the bad row, then the summary', async () => {
    // The defect: a 50 MB sheet with one bad row printed 96 MB, a line for every valid row.
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `2024-07-${String(1 + (i % 31)).padStart(2, '0')},Astana,${i === 14_321 ? 'abc' : 5000 + (i % 4000)},BIG-${i}`,
    );
    const file = sheet('big.csv', Buffer.from([HEADER_EN, ...rows, ''].join('\n')));
    const result = await run('import', file);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    const lines = result.err.split('\n');
    expect(lines[0]).toMatch(
      /^line 14323: invalid \(2024-07-\d\d, Astana, "abc" t, B\/L BIG-14321\) — Net tonnes "abc" is not a number/,
    );
    expect(lines.at(-1)).toBe(
      'Nothing was imported because some rows are invalid: 19999 to add, 0 duplicate, 0 skipped, 1 invalid.',
    );
    expect(lines).toHaveLength(2);
  });

  (process.platform === 'win32' ? test.skip : test)(
    'a file with no size of its own (/dev/zero) is refused as too large once it passes 64 MB, not read without end',
    async () => {
      const result = await run('import', '/dev/zero');
      expect(result.code).toBe(2);
      expect(result.err).toMatch(
        /^Cannot import \/dev\/zero: it is over 64 MB, too large to be a shipment sheet\./,
      );
      expect(fs.existsSync(ledger)).toBe(false);
    },
  );

  (process.platform === 'win32' ? test.skip : test)(
    'a named pipe (as <(…) gives) is read to its end and imported',
    async () => {
      const fifo = tmp.file('sheet.fifo');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const source = sheet(
        'sheet.csv',
        Buffer.from(`${HEADER_EN}\n2024-07-01,Astana,9959.5,PIPE-1\n2024-07-02,Liwa,8800,PIPE-2\n`),
      );
      // Another process writes the pipe while this one reads it.
      const writer = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', source, fifo], { stdio: 'ignore' });
      const result = await run('import', fifo);
      await new Promise((resolve) =>
        writer.exitCode === null ? writer.once('exit', resolve) : resolve(null),
      );
      expect(result.code).toBe(0);
      expect(result.lastLine).toBe('Imported: 2 to add, 0 duplicate, 0 skipped, 0 invalid.');
    },
  );

  test('a terminal escape in a cell is printed quoted and escaped, never sent to the terminal', async () => {
    const result = await run(
      'import',
      sheet(
        'escape.csv',
        Buffer.from(`${HEADER_EN}\n2024-07-01,Astana,\u001b[2J\u001b[31m9959,IMP-\u0007\n`),
      ),
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'line 2: invalid (2024-07-01, Astana, "\\x1B[2J\\x1B[31m9959" t, B/L IMP-\\x07) — ',
    );
    expect(result.err).toContain('"\\x1B[2J\\x1B[31m9959"');
    expect([...result.err].filter((c) => c.charCodeAt(0) < 0x20 && c !== '\n')).toEqual([]);
  });

  test('many problems: invalid rows first, at most 50 listed, the rest counted by kind', async () => {
    await existingLedger();
    const rows = [
      ...Array.from({ length: 30 }, (_, i) =>
        `2024-07-02,Liwa,8800,KZ 1`.replace('KZ 1', i === 0 ? 'KZ 1' : `DUP-${i % 2}`),
      ),
      ...Array.from({ length: 70 }, (_, i) => `2024-07-03,Taraz,-${i + 1},BAD-${i}`),
      '2024-07-04,Taraz,6900,OK-1',
    ];
    const file = sheet('many.csv', Buffer.from([HEADER_EN, ...rows, ''].join('\n')));
    const result = await run('import', file);
    expect(result.code).toBe(2);
    const lines = result.err.split('\n');
    expect(
      lines
        .slice(0, 50)
        .every((line) => / invalid \(2024-07-03, Taraz, -\d+\.000 t, B\/L BAD-\d+\)/.test(line)),
    ).toBe(true);
    expect(lines[50]).toBe(
      '… and 48 more rows not listed (20 invalid, 28 duplicate); --json lists every row.',
    );
    expect(lines.at(-1)).toBe(
      'Nothing was imported because some rows are invalid: 3 to add, 28 duplicate, 0 skipped, 70 invalid.',
    );
    expect(lines).toHaveLength(52);

    // --json keeps every row, listed or not.
    const json = await run('import', file, '--json');
    expect((JSON.parse(json.out) as { rows: unknown[] }).rows).toHaveLength(101);
  });
});

describe('verify and repair', () => {
  test('verify passes, then fails naming the flipped line; a write repairs, keeping the damaged file', async () => {
    await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'A1',
    );
    await add(ledger, '--bl-date', '2024-08-02', '--vessel', 'Liwa', '--tonnes', '8800', '--bl-number', 'A2');
    await add(
      ledger,
      '--bl-date',
      '2024-08-03',
      '--vessel',
      'Taraz',
      '--tonnes',
      '6900',
      '--bl-number',
      'A3',
    );
    const good = await run('verify');
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/The ledger is intact: 4 entries, 3 shipments \(0 void\)/);
    expect(good.out).toMatch(/Total of live shipments: 25659\.500 t\./);

    // Line 1 is the header; line 3 records Liwa. Flip one character inside it.
    const lines = fs.readFileSync(ledger, 'utf8').split('\n');
    expect(lines[2]).toContain('"vessel":"Liwa"');
    lines[2] = (lines[2] ?? '').replace('"vessel":"Liwa"', '"vessel":"Liwb"');
    fs.writeFileSync(ledger, lines.join('\n'));
    const damaged = fs.readFileSync(ledger);

    const bad = await run('verify');
    expect(bad.code).toBe(3);
    expect(`${bad.out}\n${bad.err}`).toMatch(/line 3: record of Liwb, B\/L A2 dated 2024-08-02/);
    expect(`${bad.out}\n${bad.err}`).toMatch(/damaged/);
    // verify only reads.
    expect(fs.readFileSync(ledger).equals(damaged)).toBe(true);

    const repaired = await run(
      'add',
      '--bl-date',
      '2024-08-04',
      '--vessel',
      'Liwa',
      '--tonnes',
      '8800',
      '--bl-number',
      'A2',
    );
    expect(repaired.code).toBe(0);
    expect(repaired.lastLine).toMatch(ID);
    const backup = `${ledger}.damaged-2024-08-15T12-00-00-000Z`;
    expect(repaired.err).toMatch(/1 confirmed entry is lost/);
    expect(repaired.err).toMatch(/line 3: record of Liwb, B\/L A2/);
    expect(repaired.err).toContain(`kept unchanged as ${backup}`);
    expect(fs.readFileSync(backup).equals(damaged)).toBe(true);

    const after = await run('verify');
    expect(after.code).toBe(0);
    expect(after.out).toMatch(/The ledger is intact/);
    expect((await listJson(ledger)).map((s) => s.blNumber)).toEqual(['A1', 'A3', 'A2']);
  });
});

describe('values that start with a dash', () => {
  test('a remark "- see note" and a grade "-Kashagan" are kept as typed, not taken for flags', async () => {
    await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--remarks',
      '- see note',
      '--grade',
      '-Kashagan',
    );
    const [shipment] = await listJson(ledger);
    expect(shipment).toMatchObject({ remarks: '- see note', grade: '-Kashagan' });
  });

  test('a flag after a value-taking flag is never swallowed as its value', async () => {
    const result = await run('add', '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '--force');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--tonnes/);
    expect(fs.existsSync(ledger)).toBe(false);
  });
});

describe('reading a damaged ledger', () => {
  test('list, progress and export still show the intact entries, say what is missing, and exit 3', async () => {
    await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'A1',
    );
    await add(ledger, '--bl-date', '2024-08-02', '--vessel', 'Liwa', '--tonnes', '8800', '--bl-number', 'A2');
    const lines = fs.readFileSync(ledger, 'utf8').split('\n');
    lines[2] = (lines[2] ?? '').replace('"vessel":"Liwa"', '"vessel":"Liwb"');
    fs.writeFileSync(ledger, lines.join('\n'));
    const damaged = fs.readFileSync(ledger);

    const listed = await run('list', '--format', 'json');
    expect(listed.code).toBe(3);
    expect((JSON.parse(listed.out) as ListedShipment[]).map((s) => s.blNumber)).toEqual(['A1']);
    expect(listed.err).toMatch(/line 3: record of Liwb, B\/L A2/);
    expect(listed.err).toMatch(/leaves out the damaged entries/);

    const progress = await run('progress', '--year', '2024', '--json');
    expect(progress.code).toBe(3);
    expect((JSON.parse(progress.out) as ProgressJson).tonnes).toBe(9959.5);

    const out = tmp.file('register.csv');
    const exported = await run('export', '--year', '2024', '--report', 'register', '--out', out);
    expect(exported.code).toBe(3);
    expect(fs.readFileSync(out, 'utf8')).toContain('Astana');
    // Reading never repairs: the damaged file is as it was.
    expect(fs.readFileSync(ledger).equals(damaged)).toBe(true);
  });

  test('nothing missing but the tip gone: the output is not said to leave anything out', async () => {
    await add(
      ledger,
      '--bl-date',
      '2024-08-01',
      '--vessel',
      'Astana',
      '--tonnes',
      '9959.5',
      '--bl-number',
      'A1',
    );
    await add(ledger, '--bl-date', '2024-08-02', '--vessel', 'Liwa', '--tonnes', '8800', '--bl-number', 'A2');
    fs.rmSync(`${ledger}.tip`);
    const listed = await run('list', '--format', 'json', '--year', '2024');
    expect(listed.code).toBe(3);
    expect((JSON.parse(listed.out) as ListedShipment[]).map((s) => s.blNumber)).toEqual(['A1', 'A2']);
    expect(listed.err).not.toMatch(/leaves out/);
    expect(listed.err.split('\n').at(-1)).toBe(
      'No entry is known to be missing from the output, but the ledger file cannot be fully trusted. ' +
        'Run verify for the details.',
    );
  });
});

describe('a ledger held by another process', () => {
  const holder = LockHolder.perTest();

  /**
   * Starts a process that opens the ledger for writing and keeps it; resolves with its pid once it
   * holds the lock.
   */
  const holdLedger = (file: string): Promise<number> => holder.start(HOLD_LOCK, file);

  test('writes exit 3 naming its process and change nothing; reads work; once it closes, writes work', async () => {
    const id = await add(ledger, '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9959.5');
    const pid = await holdLedger(ledger);
    const before = fs.readFileSync(ledger);

    const locked = await run('add', '--bl-date', '2024-08-02', '--vessel', 'Liwa', '--tonnes', '8800');
    expect(locked.code).toBe(3);
    expect(locked.out).toBe('');
    expect(locked.err).toContain(`process ${pid}`);
    expect(locked.err).toMatch(/Close it there and try again/);
    expect(fs.readFileSync(ledger).equals(before)).toBe(true);

    const voided = await run('void', id, '--reason', 'test');
    expect(voided.code).toBe(3);

    const list = await run('list', '--format', 'json');
    expect(list.code).toBe(0);
    expect((JSON.parse(list.out) as ListedShipment[]).map((s) => s.id)).toEqual([id]);
    expect((await run('verify')).code).toBe(0);

    await holder.stop();
    await add(ledger, '--bl-date', '2024-08-02', '--vessel', 'Liwa', '--tonnes', '8800');
  }, 30_000);
});

describe('demo', () => {
  // The demo fills every day up to yesterday, so a clock in 2025 gives a whole 2024.
  const in2025 = () => new Date('2025-06-01T08:00:00Z');

  test('demo --out creates a ledger whose 2024 total is near the reported 1.4 Mt', async () => {
    const demo = tmp.file('demo.jsonl');
    const created = await cli(['demo', '--out', demo], { now: in2025 });
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^Demo ledger written to .*demo\.jsonl: \d+ cargoes\.$/);

    const p = JSON.parse(
      (await ok(['--ledger', demo, 'progress', '--year', '2024', '--json'], { now: in2025 })).out,
    ) as ProgressJson;
    expect(p.asOf).toBe('2024-12-31');
    expect(p.tonnes).toBeGreaterThanOrEqual(1_380_000);
    expect(p.tonnes).toBeLessThanOrEqual(1_450_000);
    // Caspian cargoes of 6–10 kt: well over a hundred in a year.
    expect(p.shipments).toBeGreaterThan(120);
    const cargoes = JSON.parse(
      (await ok(['--ledger', demo, 'list', '--year', '2024', '--format', 'json'], { now: in2025 })).out,
    ) as ListedShipment[];
    expect(cargoes.filter((c) => c.netTonnes < 6_000 || c.netTonnes > 10_000)).toEqual([]);
    expect((await cli(['--ledger', demo, 'verify'], { now: in2025 })).code).toBe(0);
  });

  test('demo refuses to write over an existing file', async () => {
    await add(ledger, '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9959.5');
    const before = fs.readFileSync(ledger);
    const refused = await cli(['demo', '--out', ledger]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already exists/);
    expect(fs.readFileSync(ledger).equals(before)).toBe(true);
  });
});

describe('the real command', () => {
  // The real clock runs here: B/L dates in 2024 are in the past whenever this runs.
  const env = { ...process.env, TRANSIT_LEDGER: '' };

  test('npm run --silent cli -- add exits 0 and prints the new id alone on its last line', async () => {
    const result = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'cli',
        '--',
        '--ledger',
        ledger,
        'add',
        '--bl-date',
        '2024-08-01',
        '--vessel',
        'Astana',
        '--tonnes',
        '9959.5',
      ],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(ID);
    expect(lines[0]).toMatch(/^Recorded Astana/);
    expect((await listJson(ledger)).map((s) => s.id)).toEqual([lines.at(-1)]);
  }, 60_000);

  test('tsx electron/cli.ts, bad tonnes: exit 2, the field named on stderr, the ledger byte-identical', async () => {
    await add(ledger, '--bl-date', '2024-08-01', '--vessel', 'Astana', '--tonnes', '9959.5');
    const before = fs.readFileSync(ledger);
    const result = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      [
        'electron/cli.ts',
        '--ledger',
        ledger,
        'add',
        '--bl-date',
        '2024-08-02',
        '--vessel',
        'Liwa',
        '--tonnes',
        'abc',
      ],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Net tonnes "abc" is not a number of tonnes/);
    expect(fs.readFileSync(ledger).equals(before)).toBe(true);
  }, 60_000);
});
