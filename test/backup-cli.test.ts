/**
 * Backups on the command line: `add` leaves the day's backup behind it, `backup [--dir DIR]` makes
 * one now, `backups [--json]` lists them and says when one is overdue, and `restore BACKUP --to
 * FILE` writes a verified ledger to a new file (exit 2 when the file exists, 3 when the backup is
 * damaged).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupStatus, BackupSummary } from '../electron/core/api';
import { main, type CliIo } from '../electron/cli';
import { fixedNow, tempDir } from './support/temp';

interface CliRun {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[], now: () => Date = fixedNow): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), env: {}, now };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// The first command compiles the command line's modules under ts-jest.
jest.setTimeout(30_000);

let tmp: ReturnType<typeof tempDir>;
let ledger: string;

const add = (bl: string) =>
  cli([
    '--ledger',
    ledger,
    'add',
    '--bl-date',
    '01.08.2024',
    '--vessel',
    'Astana',
    '--tonnes',
    '9959.5',
    '--bl-number',
    bl,
  ]);

/** `restore BACKUP --to TARGET` on this test's ledger. */
const restore = (backup: string, to: string) => cli(['--ledger', ledger, 'restore', backup, '--to', to]);

async function status(): Promise<BackupStatus> {
  const run = await cli(['--ledger', ledger, 'backups', '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as BackupStatus;
}

beforeEach(() => {
  tmp = tempDir('transit-backup-cli-');
  ledger = tmp.file('ledger.jsonl');
});

afterEach(() => tmp.cleanup());

test('add prints the new id, then leaves the day’s daily and monthly backup beside the ledger', async () => {
  const run = await add('AKT-1');
  expect(run.code).toBe(0);
  expect(run.out.split('\n').at(-1)).toMatch(/^[a-z2-9]{10}$/);
  await add('AKT-2');
  const listed = await status();
  expect(listed.folder).toBe(`${ledger}.backups`);
  expect(listed.backups.map((b) => b.name).sort()).toEqual([
    'ledger-daily-2024-08-15',
    'ledger-monthly-2024-08',
  ]);
  expect(listed.warning).toBe('none');
  const text = await cli(['--ledger', ledger, 'backups']);
  expect(text.out).toContain('ledger-daily-2024-08-15');
  expect(text.err).toBe('');
});

test('backups says on stderr when a ledger has no backup, and when the newest is over two days old', async () => {
  fs.writeFileSync(`${ledger}.backup.json`, JSON.stringify({ folder: tmp.file('elsewhere'), failure: null }));
  await add('AKT-1');
  fs.rmSync(tmp.file('elsewhere'), { recursive: true });
  expect((await cli(['--ledger', ledger, 'backups'])).err).toBe('This ledger has no backup yet.');
  expect((await cli(['--ledger', ledger, 'backup'])).code).toBe(0);
  const later = () => new Date('2024-08-18T12:00:00Z');
  expect((await cli(['--ledger', ledger, 'backups'], later)).err).toBe(
    'The newest backup is more than two days old.',
  );
});

test('backup --dir DIR makes a verified backup there now and says what it holds', async () => {
  await add('AKT-1');
  const run = await cli(['--ledger', ledger, 'backup', '--dir', tmp.file('usb'), '--json']);
  expect(run.code).toBe(0);
  const made = JSON.parse(run.out) as BackupSummary;
  expect(made).toMatchObject({ kind: 'manual', shipments: 1, totalKg: 9_959_500, entries: 2 });
  expect(path.dirname(made.path)).toBe(tmp.file('usb'));
  expect(fs.existsSync(path.join(made.path, 'manifest.json'))).toBe(true);
});

test('restore writes a verified ledger to a new file listing the same cargoes; never over a file', async () => {
  await add('AKT-1');
  await add('AKT-2');
  const [daily] = (await status()).backups.filter((b) => b.kind === 'daily');
  const restored = tmp.file('restored.jsonl');
  const run = await restore(daily?.name ?? '', restored);
  expect(run.code).toBe(0);
  expect(run.out).toContain('Restored and verified');
  const list = async (file: string) =>
    JSON.parse((await cli(['--ledger', file, 'list', '--format', 'json'])).out);
  // The daily backup was made after the day's first write: it holds that one cargo.
  expect(await list(restored)).toEqual([(await list(ledger))[0]]);
  const again = await restore(daily?.path ?? '', restored);
  expect(again.code).toBe(2);
  expect(again.err).toContain('already exists');
});

test('restore of a damaged backup exits 3 and writes nothing', async () => {
  await add('AKT-1');
  const [daily] = (await status()).backups;
  fs.appendFileSync(path.join(daily?.path ?? '', 'ledger.jsonl'), '{"seq":3}\n');
  const run = await restore(daily?.path ?? '', tmp.file('restored.jsonl'));
  expect(run.code).toBe(3);
  expect(run.err).toContain('cannot be restored');
  expect(fs.existsSync(tmp.file('restored.jsonl'))).toBe(false);
});

test('restore of a backup whose manifest is not JSON exits 3, as a damaged backup does', async () => {
  await add('AKT-1');
  const [daily] = (await status()).backups;
  fs.writeFileSync(path.join(daily?.path ?? '', 'manifest.json'), '{ not json');
  const run = await restore(daily?.path ?? '', tmp.file('restored.jsonl'));
  expect(run.code).toBe(3);
  expect(run.err).toContain('its manifest.json cannot be read as a manifest');
  // A folder with no manifest at all is not a backup: bad input.
  fs.mkdirSync(tmp.file('empty'));
  const none = await restore(tmp.file('empty'), tmp.file('restored.jsonl'));
  expect(none.code).toBe(2);
  expect(none.err).toContain('is not a Transit Ledger backup');
});

test('restore --to a link, even one to nowhere, exits 2 and leaves no file beside it', async () => {
  await add('AKT-1');
  const [daily] = (await status()).backups;
  fs.symlinkSync(tmp.file('gone/ledger.jsonl'), tmp.file('restored.jsonl'));
  const run = await restore(daily?.path ?? '', tmp.file('restored.jsonl'));
  expect(run.code).toBe(2);
  expect(run.err).toContain('is a link');
  expect(fs.readdirSync(tmp.dir).filter((name) => name.startsWith('restored'))).toEqual(['restored.jsonl']);
});

test('restore --to a path under a file says so and exits 2; backup --dir "" is refused', async () => {
  await add('AKT-1');
  const [daily] = (await status()).backups;
  fs.writeFileSync(tmp.file('usb'), '');
  const run = await restore(daily?.path ?? '', tmp.file('usb/restored.jsonl'));
  expect(run.code).toBe(2);
  expect(run.err).toContain(`${tmp.file('usb')} is a file, not a folder`);
  const empty = await cli(['--ledger', ledger, 'backup', '--dir', '']);
  expect(empty.code).toBe(2);
  expect(empty.err).toContain('backup --dir needs a folder.');
});

test('backup --dir FILE says it is a file, not a folder, and exits 2', async () => {
  await add('AKT-1');
  fs.writeFileSync(tmp.file('usb'), '');
  const run = await cli(['--ledger', ledger, 'backup', '--dir', tmp.file('usb')]);
  expect(run.code).toBe(2);
  expect(run.err).toBe(
    `backup: ${tmp.file('usb')} is a file, not a folder: choose a folder for the backups.`,
  );
});

test('two backups in the same second are both written, under distinct names', async () => {
  await add('AKT-1');
  const made: BackupSummary[] = [];
  for (let i = 0; i < 2; i += 1) {
    const run = await cli(['--ledger', ledger, 'backup', '--dir', tmp.file('usb'), '--json']);
    expect(run.code).toBe(0);
    made.push(JSON.parse(run.out) as BackupSummary);
  }
  expect(made.map((b) => b.name)).toEqual([
    'ledger-manual-20240815T120000Z',
    'ledger-manual-20240815T120000Z-2',
  ]);
  expect(fs.readdirSync(tmp.file('usb')).sort()).toEqual(made.map((b) => b.name));
});
