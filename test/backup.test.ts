/**
 * Backups that happen without anyone asking (issue 12, part 8): a daily backup at the first write
 * of a day and a monthly one per month, pruned to 14 days and 12 months; each verified after it
 * is written, a damaged or unfinished one never taken for good; a restore writes a verified
 * ledger to a new file, never over an existing one, and it opens with the same totals.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupStatus, ShipmentInput } from '../electron/core/api';
import { listBackups } from '../electron/core/backup/listing';
import type { NamedBackup } from '../electron/core/backup/names';
import { checkBackup, restoreBackup } from '../electron/core/backup/restore';
import { OFF_THREAD_BYTES, verifyCopy, verifyCopyOffThread } from '../electron/core/backup/verify-copy';
import { prunable } from '../electron/core/backup/retention';
import { TransitError } from '../electron/core/errors';
import { LedgerService, type ServiceOptions } from '../electron/core/service';
import { mirrorPath } from '../electron/core/stations/ids';
import { tempDir } from './support/temp';

const ROOT = path.resolve(__dirname, '..');
const WRITER = path.join(__dirname, 'fixtures', 'backup', 'backup-writer.ts');

let tmp: ReturnType<typeof tempDir>;
let clock: Date;
const now = (): Date => clock;
const open: LedgerService[] = [];

function service(file: string, options: ServiceOptions = {}): LedgerService {
  const opened = LedgerService.open(file, { actor: 'anna', now, ...options });
  open.push(opened);
  return opened;
}

function cargo(n: number, change: Partial<ShipmentInput> = {}): ShipmentInput {
  return { blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9959.5', blNumber: `AKT-${n}`, ...change };
}

function issueCode(error: unknown): string | undefined {
  return error instanceof TransitError ? error.issues[0]?.code : undefined;
}

async function failure(work: Promise<unknown>): Promise<TransitError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof TransitError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const folderOf = (ledger: string) => `${ledger}.backups`;
const names = (ledger: string) =>
  listBackups(folderOf(ledger), 'ledger')
    .map((b) => b.name)
    .sort();

beforeEach(() => {
  tmp = tempDir('transit-backup-');
  clock = new Date('2024-08-15T12:00:00Z');
});

afterEach(async () => {
  for (const opened of open.splice(0)) {
    await opened.backupsSettled();
    opened.close();
  }
  tmp.cleanup();
});

describe('which backups pruning removes (a fixed today, 2024-08-15)', () => {
  const daily = (day: string): NamedBackup => ({ name: `d-${day}`, kind: 'daily', day });
  const monthly = (month: string): NamedBackup => ({
    name: `m-${month}`,
    kind: 'monthly',
    day: `${month}-01`,
  });

  test('daily backups of the last 14 days stay; the 15th day back and older go', () => {
    const august = Array.from({ length: 15 }, (_, i) => `2024-08-${String(i + 1).padStart(2, '0')}`);
    const gone = prunable(['2024-07-30', '2024-07-31', ...august].map(daily), '2024-08-15');
    expect(gone.sort()).toEqual(['d-2024-07-30', 'd-2024-07-31', 'd-2024-08-01']);
  });

  test('monthly backups of the last 12 months stay; the 13th month back goes', () => {
    const months = ['2024-08', '2024-01', '2023-09', '2023-08', '2023-07'];
    expect(prunable(months.map(monthly), '2024-08-15').sort()).toEqual(['m-2023-07', 'm-2023-08']);
  });

  test('a backup made on request stays whatever its age', () => {
    const manual: NamedBackup = { name: 'manual-old', kind: 'manual', day: '2020-01-01' };
    expect(prunable([manual, daily('2024-08-15')], '2024-08-15')).toEqual([]);
  });

  test('the newest good backup is never removed, however old: a ledger left for months keeps one', () => {
    const old = [daily('2024-05-01'), daily('2024-05-02'), monthly('2023-01')];
    expect(prunable(old, '2024-08-15').sort()).toEqual(['d-2024-05-01', 'm-2023-01']);
  });
});

describe('backups at the first write of the day', () => {
  test('the first write of a day makes one daily and the month’s monthly backup, holding that write', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file, { backups: 'auto' });
    await ledger.recordShipment(cargo(1));
    await ledger.recordShipment(cargo(2));
    await ledger.recordShipment(cargo(3));
    await ledger.backupsSettled();
    expect(names(file)).toEqual(['ledger-daily-2024-08-15', 'ledger-monthly-2024-08']);
    // Taken after the first write's fsync: the backup holds the shipment that triggered it.
    const [newest, monthly] = listBackups(folderOf(file), 'ledger');
    expect(newest?.summary).toMatchObject({ kind: 'daily', shipments: 1 });
    expect(monthly?.summary.createdAt).toBe(newest?.summary.createdAt);
  });

  test('reopened the same day, no second daily backup; the next day’s first write makes one', async () => {
    const file = tmp.file('ledger.jsonl');
    const first = service(file, { backups: 'auto' });
    await first.recordShipment(cargo(1));
    await first.backupsSettled();
    first.close();
    open.splice(open.indexOf(first), 1);
    const again = service(file, { backups: 'auto' });
    await again.recordShipment(cargo(2));
    await again.backupsSettled();
    expect(names(file)).toEqual(['ledger-daily-2024-08-15', 'ledger-monthly-2024-08']);
    clock = new Date('2024-08-16T12:00:00Z');
    await again.recordShipment(cargo(3));
    await again.recordShipment(cargo(4));
    await again.backupsSettled();
    expect(names(file)).toEqual([
      'ledger-daily-2024-08-15',
      'ledger-daily-2024-08-16',
      'ledger-monthly-2024-08',
    ]);
  });

  test('the status asked right after the day’s first write already shows the backup it started', async () => {
    const ledger = service(tmp.file('ledger.jsonl'), { backups: 'auto' });
    await ledger.recordShipment(cargo(1));
    const status = await ledger.backupStatus();
    expect(status.last).toMatchObject({ kind: 'daily', shipments: 1 });
    expect(status.warning).toBe('none');
  });

  test('the day is the load port’s: 19:30 UTC is already the next day at Aktau', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file, { backups: 'auto' });
    clock = new Date('2024-08-15T18:30:00Z');
    await ledger.recordShipment(cargo(1));
    await ledger.backupsSettled();
    clock = new Date('2024-08-15T19:30:00Z');
    await ledger.recordShipment(cargo(2));
    await ledger.backupsSettled();
    expect(names(file)).toEqual([
      'ledger-daily-2024-08-15',
      'ledger-daily-2024-08-16',
      'ledger-monthly-2024-08',
    ]);
  });

  test('forty-five days of daily work keep the last 14 dailies and one monthly backup per month', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file, { backups: 'auto' });
    clock = new Date('2024-08-01T06:00:00Z');
    for (let day = 0; day < 45; day++) {
      await ledger.recordShipment(cargo(day));
      await ledger.backupsSettled();
      clock = new Date(clock.getTime() + 86_400_000);
    }
    // The last write was on 14 September at Aktau.
    const dailies = names(file).filter((name) => name.includes('-daily-'));
    expect(dailies).toEqual(
      Array.from({ length: 14 }, (_, i) => `ledger-daily-2024-09-${String(i + 1).padStart(2, '0')}`),
    );
    expect(names(file).filter((name) => name.includes('-monthly-'))).toEqual([
      'ledger-monthly-2024-08',
      'ledger-monthly-2024-09',
    ]);
  });

  test('a ledger opened only to read, or the demo, makes no backup of its own', async () => {
    const file = tmp.file('ledger.jsonl');
    await service(file).recordShipment(cargo(1));
    expect(fs.existsSync(folderOf(file))).toBe(false);
    const demo = service(tmp.file('demo.jsonl'), { backups: 'off' });
    await demo.recordShipment(cargo(2));
    expect(issueCode(await failure(demo.backupNow()))).toBe('backup.demo');
    expect(fs.existsSync(folderOf(tmp.file('demo.jsonl')))).toBe(false);
  });
});

describe('each backup verified after it is written', () => {
  test('a ledger damaged on disk since it was opened is refused and reported; the good backup stays', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    await ledger.recordShipment(cargo(1));
    await ledger.recordShipment(cargo(2));
    const good = await ledger.backupNow();
    // One byte of a confirmed entry changed behind the app's back: its checksum no longer matches.
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf('Astana');
    bytes[at] = 'X'.charCodeAt(0);
    fs.writeFileSync(file, bytes);
    clock = new Date('2024-08-15T13:00:00Z');
    const refused = await failure(ledger.backupNow());
    expect(issueCode(refused)).toBe('backup.unverifiable');
    const status: BackupStatus = await ledger.backupStatus();
    expect(status.last?.name).toBe(good.last?.name);
    expect(status.backups).toHaveLength(1);
    expect(status.warning).toBe('failed');
    expect(status.failure).toMatchObject({
      code: 'backup.unverifiable',
      facts: { path: expect.any(String) },
    });
    expect(fs.readdirSync(folderOf(file)).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  test('a backup damaged afterwards is caught: restore refuses it and writes nothing', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    await ledger.recordShipment(cargo(1));
    const made = (await ledger.backupNow()).last;
    const copy = path.join(made?.path ?? '', 'ledger.jsonl');
    const bytes = fs.readFileSync(copy);
    bytes[bytes.indexOf('9959500')] = '8'.charCodeAt(0);
    fs.writeFileSync(copy, bytes);
    const refused = await failure(restoreBackup(made?.path ?? '', tmp.file('restored.jsonl')));
    expect(issueCode(refused)).toBe('restore.damaged');
    expect(fs.existsSync(tmp.file('restored.jsonl'))).toBe(false);
    expect(fs.readdirSync(tmp.dir).filter((name) => name.startsWith('restored'))).toEqual([]);
  });

  test('a backup folder that became a file is reported with its path, and Settings warns', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    await ledger.recordShipment(cargo(1));
    const blocked = tmp.file('usb');
    await ledger.setBackupFolder({ folder: blocked });
    fs.rmSync(blocked, { recursive: true });
    fs.writeFileSync(blocked, 'a file where the folder was');
    const refused = await failure(ledger.backupNow());
    expect(issueCode(refused)).toBe('backup.folder_is_file');
    expect((await ledger.backupStatus()).failure).toMatchObject({
      code: 'backup.folder_is_file',
      facts: { path: blocked },
    });
  });

  test('a backup folder must be a full path', async () => {
    const ledger = service(tmp.file('ledger.jsonl'));
    expect(issueCode(await failure(ledger.setBackupFolder({ folder: 'backups' })))).toBe(
      'backup.folder_invalid',
    );
  });

  test('Settings warns once the newest backup is more than two days old, and when there is none', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    await ledger.recordShipment(cargo(1));
    expect((await ledger.backupStatus()).warning).toBe('never');
    await ledger.backupNow();
    clock = new Date('2024-08-17T11:00:00Z');
    expect((await ledger.backupStatus()).warning).toBe('none');
    clock = new Date('2024-08-17T13:00:00Z');
    expect((await ledger.backupStatus()).warning).toBe('stale');
  });
});

describe('a kill during a backup', () => {
  test('leaves no half backup taken for good, and the next backup clears what it left', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    ledger.recordMany(Array.from({ length: 10_000 }, (_, i) => cargo(i, { blDate: '2024-07-01' })));
    ledger.close();
    open.splice(0);
    const folder = tmp.file('usb');
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', WRITER, file, folder], { cwd: ROOT });
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    // Killed as soon as its temporary folder appears: mid-copy, before any manifest is written.
    const killedMidway = await new Promise<boolean>((resolve) => {
      const look = setInterval(() => {
        const started = fs.existsSync(folder) && fs.readdirSync(folder).some((n) => n.includes('.partial-'));
        if (started || child.exitCode !== null) {
          clearInterval(look);
          child.kill('SIGKILL');
          resolve(started);
        }
      }, 2);
    });
    await exited;
    expect(killedMidway).toBe(true);
    // Whatever moment it died at, only a backup that checks out is listed as one.
    for (const listed of listBackups(folder, 'ledger'))
      await expect(checkBackup(listed.summary.path)).resolves.toBeTruthy();
    expect(
      fs
        .readdirSync(folder)
        .filter((n) => !n.includes('.partial-') && !fs.existsSync(path.join(folder, n, 'manifest.json'))),
    ).toEqual([]);
    // An hour later, the next backup clears the temporary folder the killed one left.
    clock = new Date(Date.now() + 2 * 3_600_000);
    const next = service(file, { readOnly: true });
    await next.backupInto(folder);
    await next.backupNow();
    expect(fs.readdirSync(folder).filter((n) => n.includes('.partial-'))).toEqual([]);
  }, 60_000);
});

/** AKT's ledger (tmp/ledger.jsonl) with a cargo of its own and SNG's journal, with one cargo, received. */
async function stationLedger(): Promise<LedgerService> {
  const other = service(tmp.file('sng.jsonl'));
  other.becomeStation('SNG');
  await other.recordShipment(cargo(10, { vessel: 'Liwa', blNumber: 'SNG-1' }));
  const file = tmp.file('ledger.jsonl');
  const own = service(file);
  own.becomeStation('AKT');
  own.close();
  fs.copyFileSync(tmp.file('sng.jsonl'), mirrorPath(file, 'SNG'));
  const ledger = service(file);
  await ledger.recordShipment(cargo(1));
  return ledger;
}

describe('restore', () => {
  test('a station’s ledger and a received journal restore to a new file with the same totals', async () => {
    const ledger = await stationLedger();
    const made = (await ledger.backupNow()).last;
    expect(made?.stations).toEqual(['SNG']);
    const restored = await restoreBackup(made?.path ?? '', tmp.file('restored.jsonl'));
    expect(restored.stations).toEqual(['SNG']);
    const back = service(tmp.file('restored.jsonl'), { readOnly: true });
    const before = await ledger.progress({ year: 2024 });
    expect(await back.progress({ year: 2024 })).toEqual(before);
    expect(before.shipments).toBe(2);
    const list = await back.listShipments({ year: 2024 });
    expect(list.map((s) => s.vessel).sort()).toEqual(['Astana', 'Liwa']);
    expect((await back.verify()).ok).toBe(true);
  });

  test('refuses to write over an existing file, and leaves it as it was', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    await ledger.recordShipment(cargo(1));
    const made = (await ledger.backupNow()).last;
    fs.writeFileSync(tmp.file('taken.jsonl'), 'someone else’s file\n');
    const refused = await failure(restoreBackup(made?.path ?? '', tmp.file('taken.jsonl')));
    expect(refused.code).toBe('conflict');
    expect(refused.issues[0]).toMatchObject({
      code: 'restore.exists',
      facts: { path: tmp.file('taken.jsonl') },
    });
    expect(fs.readFileSync(tmp.file('taken.jsonl'), 'utf8')).toBe('someone else’s file\n');
    // Nor over the ledger itself.
    expect(issueCode(await failure(restoreBackup(made?.path ?? '', file)))).toBe('restore.exists');
  });

  test('refuses a target that is a link, even one to nowhere, and leaves nothing beside it', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    await ledger.recordShipment(cargo(1));
    const made = (await ledger.backupNow()).last;
    fs.symlinkSync(tmp.file('nowhere/ledger.jsonl'), tmp.file('restored.jsonl'));
    const refused = await failure(restoreBackup(made?.path ?? '', tmp.file('restored.jsonl')));
    expect(refused.code).toBe('conflict');
    expect(refused.issues[0]).toMatchObject({
      code: 'restore.link',
      facts: { path: tmp.file('restored.jsonl') },
    });
    expect(
      fs
        .readdirSync(tmp.dir)
        .filter((name) => name.startsWith('restored'))
        .sort(),
    ).toEqual(['restored.jsonl']);
    expect(fs.existsSync(tmp.file('nowhere'))).toBe(false);
  });

  test('a manifest that is not JSON is a damaged backup, not "no backup"', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    await ledger.recordShipment(cargo(1));
    const made = (await ledger.backupNow()).last;
    fs.writeFileSync(path.join(made?.path ?? '', 'manifest.json'), '{"format": "transit-ledger-backup",');
    const refused = await failure(restoreBackup(made?.path ?? '', tmp.file('restored.jsonl')));
    expect(refused.code).toBe('damaged');
    expect(refused.issues[0]).toMatchObject({
      code: 'restore.damaged',
      facts: { reason: 'its manifest.json cannot be read as a manifest' },
    });
    expect(fs.existsSync(tmp.file('restored.jsonl'))).toBe(false);
  });

  test('a folder that is no backup is refused as such', async () => {
    fs.mkdirSync(tmp.file('not-a-backup'));
    const refused = await failure(restoreBackup(tmp.file('not-a-backup'), tmp.file('restored.jsonl')));
    expect(issueCode(refused)).toBe('restore.not_a_backup');
  });
});

describe('a restore killed part-way', () => {
  async function stationBackup(): Promise<string> {
    const ledger = await stationLedger();
    return (await ledger.backupNow()).last?.path ?? '';
  }

  const KILLER = path.join(__dirname, 'fixtures', 'backup', 'restore-killed.ts');

  test.each(['copied', 'stations', 'tip'])(
    'killed once %s: no ledger at the target, and the next restore clears what it left and succeeds',
    async (step) => {
      const backup = await stationBackup();
      const target = tmp.file('restored.jsonl');
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', KILLER, backup, target, step], {
        cwd: ROOT,
      });
      const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('close', (_code, killed) => resolve(killed)),
      );
      expect(signal).toBe('SIGKILL');
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.readdirSync(tmp.dir).some((name) => name.includes('.restoring-'))).toBe(true);
      const restored = await restoreBackup(backup, target);
      expect(restored.stations).toEqual(['SNG']);
      expect(
        fs
          .readdirSync(tmp.dir)
          .filter((name) => name.startsWith('restored'))
          .sort(),
      ).toEqual(['restored.jsonl', 'restored.jsonl.stations', 'restored.jsonl.tip']);
      const back = service(target, { readOnly: true });
      expect((await back.verify()).ok).toBe(true);
      expect((await back.progress({ year: 2024 })).shipments).toBe(2);
    },
    30_000,
  );
});

describe('backups made by hand', () => {
  test('two in the same second are two backups with distinct names, the later listed first', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    await ledger.recordShipment(cargo(1));
    const first = await ledger.backupNow();
    await ledger.recordShipment(cargo(2));
    const second = await ledger.backupNow();
    expect(first.last?.name).toBe('ledger-manual-20240815T120000Z');
    expect(second.last?.name).toBe('ledger-manual-20240815T120000Z-2');
    expect(second.last?.shipments).toBe(2);
    const usb = tmp.file('usb');
    const there = [await ledger.backupInto(usb), await ledger.backupInto(usb), await ledger.backupInto(usb)];
    expect(there.map((status) => status.last?.name)).toEqual([
      'ledger-manual-20240815T120000Z',
      'ledger-manual-20240815T120000Z-2',
      'ledger-manual-20240815T120000Z-3',
    ]);
  });

  test('a backup folder that is a file is refused in those words, as bad input', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    await ledger.recordShipment(cargo(1));
    fs.writeFileSync(tmp.file('usb'), 'a file, not a folder');
    for (const folder of [tmp.file('usb'), tmp.file('usb/backups')]) {
      const refused = await failure(ledger.backupInto(folder));
      expect(refused.code).toBe('invalid');
      expect(refused.issues[0]).toMatchObject({
        code: 'backup.folder_is_file',
        facts: { path: tmp.file('usb') },
      });
      expect(refused.message).toBe(
        `${tmp.file('usb')} is a file, not a folder: choose a folder for the backups.`,
      );
      expect(issueCode(await failure(ledger.setBackupFolder({ folder })))).toBe('backup.folder_is_file');
    }
    expect(fs.readFileSync(tmp.file('usb'), 'utf8')).toBe('a file, not a folder');
  });

  const linux = process.platform === 'linux';
  if (!linux)
    console.warn(`SKIPPED: the /proc backup folder spec runs on Linux only (this is ${process.platform}).`);
  (linux ? test : test.skip)(
    'a folder the disk will not make (/proc/nope/x) is refused at once as unwritable, with the disk’s reason',
    async () => {
      const ledger = service(tmp.file('ledger.jsonl'));
      await ledger.recordShipment(cargo(1));
      const unwritable = {
        code: 'backup.folder_unwritable',
        facts: { path: '/proc/nope/x', reason: 'ENOENT' },
      };
      expect((await failure(ledger.backupInto('/proc/nope/x'))).issues[0]).toMatchObject(unwritable);
      expect((await failure(ledger.setBackupFolder({ folder: '/proc/nope/x' }))).issues[0]).toMatchObject(
        unwritable,
      );
      expect((await ledger.backupStatus()).folder).toBe(folderOf(tmp.file('ledger.jsonl')));
    },
  );
});

describe('verification off the event loop', () => {
  /** Event-loop turns taken while `work` runs: none when it holds the thread from start to end. */
  async function turnsDuring<T>(
    work: () => Promise<T>,
  ): Promise<{ turns: number; result: PromiseSettledResult<T> }> {
    let turns = 0;
    let running = true;
    const spin = () => {
      if (!running) return;
      turns += 1;
      setImmediate(spin);
    };
    setImmediate(spin);
    const [result] = await Promise.allSettled([work()]);
    running = false;
    return { turns, result: result as PromiseSettledResult<T> };
  }

  test('a large copy is checked on a worker thread: the app goes on meanwhile, and damage is still found', async () => {
    const file = tmp.file('ledger.jsonl');
    const ledger = service(file);
    ledger.recordMany(Array.from({ length: 10_000 }, (_, i) => cargo(i, { blDate: '2024-07-01' })));
    const made = (await ledger.backupNow()).last;
    const dir = made?.path ?? '';
    expect(fs.statSync(path.join(dir, 'ledger.jsonl')).size).toBeGreaterThan(OFF_THREAD_BYTES);
    const intact = await turnsDuring(() => verifyCopyOffThread(dir, { stations: {} }));
    // The same answer as this thread's check: 10,000 cargoes of 9,959.5 t.
    expect(intact.result).toEqual({ status: 'fulfilled', value: verifyCopy(dir, { stations: {} }) });
    expect(intact.result).toMatchObject({ value: { shipments: 10_000, totalKg: 99_595_000_000 } });
    expect(intact.turns).toBeGreaterThan(0);
    // One figure changed in the middle of the copy: the worker finds what this thread's check finds.
    const copy = path.join(dir, 'ledger.jsonl');
    const bytes = fs.readFileSync(copy);
    bytes[bytes.indexOf('9959500', bytes.length / 2)] = '8'.charCodeAt(0);
    fs.writeFileSync(copy, bytes);
    const here = await failure(Promise.resolve().then(() => verifyCopy(dir, { stations: {} })));
    const there = await turnsDuring(() => verifyCopyOffThread(dir, { stations: {} }));
    expect(there.result).toMatchObject({ status: 'rejected', reason: { code: 'io', message: here.message } });
    expect((there.result as PromiseRejectedResult).reason).toBeInstanceOf(TransitError);
    expect(here.issues[0]?.code).toBe('backup.unverifiable');
    expect(there.turns).toBeGreaterThan(0);
  }, 60_000);
});
