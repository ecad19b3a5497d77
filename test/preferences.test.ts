/**
 * A person's preferences as the core keeps them: one file in the app's data folder, read through
 * one reader that drops what it does not know, replaced whole and atomically, and never a reason
 * for the app not to start. The service and the workspace serve them the same whichever ledger is open.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_PREFERENCES,
  mergePreferences,
  readPreferences,
  samePreferences,
} from '../electron/core/preferences';
import { PreferencesFile, preferencesPathFor } from '../electron/core/preferences-file';
import { realReplaceIo, type ReplaceIo } from '../electron/core/replace-file';
import { LedgerService } from '../electron/core/service';
import { Workspace } from '../electron/core/workspace';
import { fixedNow, tempDir } from './support/temp';

let temp: ReturnType<typeof tempDir>;
let file: string;

beforeEach(() => {
  temp = tempDir();
  file = temp.file('preferences.json');
});

afterEach(() => temp.cleanup());

const leftovers = () => fs.readdirSync(temp.dir).filter((name) => name !== 'preferences.json');

describe('reading preferences', () => {
  test('unknown keys are dropped and a value of the wrong kind becomes its default, key by key', () => {
    expect(
      readPreferences({
        language: 'ru',
        theme: 'purple',
        separator: 7,
        entryDefaults: { vessel: 'Astana', blNumber: 'AKT-1', grade: 42, shipper: 'KMG' },
        fontSize: 'huge',
      }),
    ).toEqual({
      language: 'ru',
      theme: 'system',
      separator: null,
      entryDefaults: { vessel: 'Astana', shipper: 'KMG' },
    });
  });

  test('anything that is not an object reads as the defaults', () => {
    for (const value of [null, 'dark', 3, ['ru'], undefined])
      expect(readPreferences(value)).toEqual(DEFAULT_PREFERENCES);
  });

  test('a language outside the four and a carried text of absurd length are not kept', () => {
    expect(readPreferences({ language: 'de', entryDefaults: { vessel: 'x'.repeat(501) } })).toEqual(
      DEFAULT_PREFERENCES,
    );
  });

  test('a change replaces only the keys it names, read by the same rules', () => {
    const current = readPreferences({ language: 'az', theme: 'dark', separator: ';' });
    expect(mergePreferences(current, { theme: 'light', colour: 'red' })).toEqual({
      language: 'az',
      theme: 'light',
      separator: ';',
      entryDefaults: {},
    });
    expect(mergePreferences(current, { language: 'xx' }).language).toBeNull();
  });

  test('two sets of preferences are the same when every value and carried field is', () => {
    const a = readPreferences({ theme: 'dark', entryDefaults: { vessel: 'Liwa' } });
    expect(samePreferences(a, readPreferences({ theme: 'dark', entryDefaults: { vessel: 'Liwa' } }))).toBe(
      true,
    );
    expect(samePreferences(a, readPreferences({ theme: 'dark', entryDefaults: { vessel: 'Taraz' } }))).toBe(
      false,
    );
    expect(samePreferences(a, readPreferences({ theme: 'light', entryDefaults: { vessel: 'Liwa' } }))).toBe(
      false,
    );
  });
});

describe('the preferences file', () => {
  test('with no file the defaults are answered as not stored, and nothing is created', () => {
    expect(new PreferencesFile(file).read()).toEqual({ preferences: DEFAULT_PREFERENCES, stored: false });
    expect(fs.existsSync(file)).toBe(false);
  });

  test('a save writes the whole file, which a fresh reader (another process) reads back', () => {
    const saved = new PreferencesFile(file).save({ language: 'ru', theme: 'dark' });
    expect(saved).toEqual({
      preferences: { language: 'ru', theme: 'dark', separator: null, entryDefaults: {} },
      stored: true,
    });
    expect(new PreferencesFile(file).read()).toEqual(saved);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(saved.preferences);
    expect(leftovers()).toEqual([]);
  });

  test('saves from two readers of one file keep each other’s changes', () => {
    const first = new PreferencesFile(file);
    const second = new PreferencesFile(file);
    first.save({ theme: 'dark' });
    second.save({ separator: ';' });
    expect(first.read().preferences).toMatchObject({ theme: 'dark', separator: ';' });
  });

  test('a file another program replaced is read again', () => {
    const reader = new PreferencesFile(file);
    reader.save({ theme: 'dark' });
    expect(reader.read().preferences.theme).toBe('dark');
    new PreferencesFile(file).save({ theme: 'light', language: 'kk' });
    expect(reader.read().preferences).toMatchObject({ theme: 'light', language: 'kk' });
  });

  test('a hand-edited file with unknown keys and wrong kinds is read, not set aside', () => {
    fs.writeFileSync(file, JSON.stringify({ language: 'az', theme: 1, zoom: 3 }));
    expect(new PreferencesFile(file).read()).toEqual({
      preferences: { ...DEFAULT_PREFERENCES, language: 'az' },
      stored: true,
    });
    expect(leftovers()).toEqual([]);
  });

  test.each([
    ['torn JSON', '{"language": "ru", "th'],
    ['a JSON list', '["ru","dark"]'],
    ['binary noise', '\u0000\u0001\u00ff'],
    ['a file far larger than any the app writes', `{"x":"${'a'.repeat(70_000)}"}`],
  ])('a damaged file (%s) is kept aside byte for byte and the defaults are used', (_name, content) => {
    fs.writeFileSync(file, content);
    const reader = new PreferencesFile(file, { now: fixedNow });
    expect(reader.read()).toEqual({ preferences: DEFAULT_PREFERENCES, stored: false });
    expect(fs.existsSync(file)).toBe(false);
    expect(leftovers()).toEqual(['preferences.json.damaged-2024-08-15T12-00-00-000Z']);
    expect(fs.readFileSync(temp.file(leftovers()[0] ?? ''), 'utf8')).toBe(content);
    expect(reader.save({ theme: 'dark' }).preferences.theme).toBe('dark');
    expect(new PreferencesFile(file).read().stored).toBe(true);
  });

  test('a second damaged file is kept aside beside the first, not over it', () => {
    fs.writeFileSync(file, 'first');
    new PreferencesFile(file, { now: fixedNow }).read();
    fs.writeFileSync(file, 'second');
    new PreferencesFile(file, { now: fixedNow }).read();
    expect(leftovers().sort()).toEqual([
      'preferences.json.damaged-2024-08-15T12-00-00-000Z',
      'preferences.json.damaged-2024-08-15T12-00-00-000Z-2',
    ]);
  });

  test('a save is written to a temp file, fsynced, then renamed over the old one and the folder fsynced', () => {
    const steps: string[] = [];
    const io: ReplaceIo = {
      ...realReplaceIo,
      openSync: (name, flags, mode) => {
        steps.push(`open ${path.basename(name).replace(/\.\d+\.[0-9a-f]+\.tmp$/, '.<temp>')}`);
        return realReplaceIo.openSync(name, flags, mode);
      },
      fsyncSync: (fd) => {
        steps.push('fsync');
        realReplaceIo.fsyncSync(fd);
      },
      renameSync: (from, to) => {
        steps.push(`rename to ${path.basename(to)}`);
        realReplaceIo.renameSync(from, to);
      },
      fsyncDirectory: (dir) => {
        steps.push(`fsync folder ${dir === temp.dir ? 'of the file' : dir}`);
      },
    };
    new PreferencesFile(file, { io }).save({ theme: 'dark' });
    expect(steps).toEqual([
      'open preferences.json.<temp>',
      'fsync',
      'rename to preferences.json',
      'fsync folder of the file',
    ]);
  });

  test.each(['writeSync', 'fsyncSync', 'renameSync'] as const)(
    'a disk failing at %s leaves the old file as it was, no temp file, and says io',
    (failing) => {
      const reader = new PreferencesFile(file);
      reader.save({ language: 'ru' });
      const before = fs.readFileSync(file);
      const fail = () => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      };
      const broken = new PreferencesFile(file, { io: { ...realReplaceIo, [failing]: fail } });
      expect(() => broken.save({ language: 'kk' })).toThrow(expect.objectContaining({ code: 'io' }));
      expect(fs.readFileSync(file)).toEqual(before);
      expect(leftovers()).toEqual([]);
      expect(new PreferencesFile(file).read().preferences.language).toBe('ru');
    },
  );

  test('a save that is not an object is refused as invalid and writes nothing', () => {
    for (const change of [null, 'dark', ['ru']])
      expect(() => new PreferencesFile(file).save(change)).toThrow(
        expect.objectContaining({ code: 'invalid' }),
      );
    expect(fs.existsSync(file)).toBe(false);
  });

  test('the file lives in the folder of the ledger', () => {
    expect(preferencesPathFor(path.join(temp.dir, 'ledger.jsonl'))).toBe(file);
  });
});

describe('through the API', () => {
  test('the service keeps them beside its ledger, and a read-only service reads and saves them too', async () => {
    const ledger = temp.file('ledger.jsonl');
    const writer = LedgerService.open(ledger, { actor: 'clerk', now: fixedNow });
    const reader = LedgerService.open(ledger, { actor: 'manager', now: fixedNow, readOnly: true });
    try {
      await writer.savePreferences({ language: 'ru', theme: 'dark' });
      expect(await reader.preferences()).toEqual({
        preferences: { language: 'ru', theme: 'dark', separator: null, entryDefaults: {} },
        stored: true,
      });
      await reader.savePreferences({ separator: ';' });
      expect((await writer.preferences()).preferences.separator).toBe(';');
    } finally {
      reader.close();
      writer.close();
    }
  });

  test('with the demo open the workspace keeps serving the real folder’s preferences', async () => {
    const ledger = temp.file('ledger.jsonl');
    const demoDir = temp.file('demo');
    fs.mkdirSync(demoDir);
    const workspace = new Workspace(
      LedgerService.open(ledger, { actor: 'clerk', now: fixedNow }),
      path.join(demoDir, 'demo-ledger.jsonl'),
      { actor: 'clerk', now: fixedNow },
    );
    try {
      await workspace.api.savePreferences({ language: 'az' });
      await workspace.api.useDemoLedger(true);
      expect((await workspace.api.preferences()).preferences.language).toBe('az');
      await workspace.api.savePreferences({ theme: 'dark' });
      expect(fs.existsSync(path.join(demoDir, 'preferences.json'))).toBe(false);
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ language: 'az', theme: 'dark' });
    } finally {
      workspace.close();
    }
  });
});
