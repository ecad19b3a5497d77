/**
 * makeFolders: the one way the app makes a folder a person chose (or one beside their ledger). It
 * makes each missing level in turn and gives up at the first refusal, where Node's own recursive
 * mkdir retries forever under a folder that refuses with ENOENT (/proc on Linux).
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from '../electron/core/folders';
import { LedgerService } from '../electron/core/service';
import { tempDir } from './support/temp';

let tmp: ReturnType<typeof tempDir>;

beforeEach(() => {
  tmp = tempDir('transit-folders-');
});

afterEach(() => tmp.cleanup());

const codeOf = (run: () => void): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
  return undefined;
};

test('makes every missing level of a nested folder', () => {
  const folder = tmp.file(path.join('a', 'b', 'c'));
  makeFolders(folder);
  expect(fs.statSync(folder).isDirectory()).toBe(true);
});

test('an existing folder is fine and keeps what it holds', () => {
  fs.writeFileSync(tmp.file('kept.txt'), 'kept');
  makeFolders(tmp.dir);
  expect(fs.readFileSync(tmp.file('kept.txt'), 'utf8')).toBe('kept');
});

test('a relative folder is made from the working directory', () => {
  const before = process.cwd();
  process.chdir(tmp.dir);
  try {
    makeFolders(path.join('x', 'y'));
  } finally {
    process.chdir(before);
  }
  expect(fs.statSync(tmp.file(path.join('x', 'y'))).isDirectory()).toBe(true);
});

test('a file where a folder above should be is refused (ENOTDIR) and nothing is made', () => {
  fs.writeFileSync(tmp.file('file'), '');
  expect(codeOf(() => makeFolders(tmp.file(path.join('file', 'x', 'y'))))).toBe('ENOTDIR');
  expect(fs.readdirSync(tmp.dir)).toEqual(['file']);
});

test('a file standing where the folder itself should be is refused (EEXIST)', () => {
  fs.writeFileSync(tmp.file('file'), 'mine');
  expect(codeOf(() => makeFolders(tmp.file('file')))).toBe('EEXIST');
  expect(fs.readFileSync(tmp.file('file'), 'utf8')).toBe('mine');
});

test('a ledger whose stations’ folder is a file is refused as a station, in a code a page words', async () => {
  const file = tmp.file('ledger.jsonl');
  const service = LedgerService.open(file, { actor: 'clerk' });
  try {
    await service.recordShipment({ blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9959.5' });
    fs.writeFileSync(`${file}.stations`, '');
    const before = fs.readFileSync(file);
    let refused: unknown = null;
    try {
      service.becomeStation('AKT');
    } catch (error) {
      refused = error;
    }
    expect((refused as { issues: unknown[] }).issues[0]).toMatchObject({
      code: 'station.folder_failed',
      facts: { path: `${file}.stations`, trouble: 'other', reason: 'EEXIST' },
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  } finally {
    service.close();
  }
});

const linux = process.platform === 'linux';
if (!linux) console.warn(`SKIPPED: the /proc refusal spec runs on Linux only (this is ${process.platform}).`);
(linux ? test : test.skip)(
  'a folder /proc refuses to hold is refused at once with ENOENT, not retried',
  () => {
    expect(codeOf(() => makeFolders('/proc/nope/x'))).toBe('ENOENT');
    expect(fs.existsSync('/proc/nope')).toBe(false);
  },
);
