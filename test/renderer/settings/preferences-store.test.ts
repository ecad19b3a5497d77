/**
 * The settings store keeps a person's preferences in the app's data folder through the API, and
 * this window's localStorage only as a copy for the first paint. Each test loads the store afresh,
 * as a window opening does, against an in-memory data folder standing in for the core.
 */
import type { Preferences, StoredPreferences, TransitApi } from '../../../electron/core/api';
import { mergePreferences, readPreferences } from '../../../electron/core/preferences';
import { CACHE_KEY } from '../../../renderer/src/preferences-cache';

type SettingsModule = typeof import('../../../renderer/src/settings');

/** A window opening: the store module read afresh, with whatever localStorage holds now. */
function openWindow(): SettingsModule {
  let loaded: SettingsModule | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<SettingsModule>('../../../renderer/src/settings');
  });
  if (!loaded) throw new Error('The settings module did not load.');
  return loaded;
}

/** The data folder as the core keeps it: no file until the first save, then a whole file per save. */
class DataFolder {
  file: Preferences | null = null;
  saves: unknown[] = [];
  failing = false;

  readonly api = {
    preferences: jest.fn(async (): Promise<StoredPreferences> => this.answer()),
    savePreferences: jest.fn(async (change: Partial<Preferences>): Promise<StoredPreferences> => {
      if (this.failing) throw new Error('no space left on device');
      this.saves.push(change);
      this.file = mergePreferences(this.file ?? readPreferences(null), change);
      return this.answer();
    }),
  } as unknown as TransitApi & { preferences: jest.Mock; savePreferences: jest.Mock };

  private answer(): StoredPreferences {
    return { preferences: this.file ?? readPreferences(null), stored: this.file !== null };
  }
}

const cached = () => JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null') as Partial<Preferences> | null;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let folder: DataFolder;

beforeEach(() => {
  localStorage.clear();
  folder = new DataFolder();
});

describe('opening a window', () => {
  test('the first paint has the theme and language of this window’s copy, before the data folder answers', () => {
    localStorage.setItem(CACHE_KEY, JSON.stringify({ language: 'ru', theme: 'dark' }));
    const { useSettings } = openWindow();
    expect(useSettings.getState()).toMatchObject({ language: 'ru', theme: 'dark' });
  });

  test('the data folder’s preferences win over this window’s copy, which is brought up to date', async () => {
    localStorage.setItem(CACHE_KEY, JSON.stringify({ language: 'ru', theme: 'dark' }));
    folder.file = readPreferences({ language: 'az', theme: 'light', separator: ';' });
    const { useSettings } = openWindow();
    await useSettings.getState().connect(folder.api);
    expect(useSettings.getState()).toMatchObject({ language: 'az', theme: 'light', separator: ';' });
    expect(cached()).toMatchObject({ language: 'az', theme: 'light', separator: ';' });
    expect(folder.saves).toEqual([]);
  });

  test('a browser-mode window on a new port (empty storage) opens with the data folder’s preferences', async () => {
    folder.file = readPreferences({ language: 'kk', theme: 'dark' });
    const { useSettings } = openWindow();
    await useSettings.getState().connect(folder.api);
    expect(useSettings.getState()).toMatchObject({ language: 'kk', theme: 'dark' });
  });

  test('preferences kept in localStorage before the file existed move into it once', async () => {
    const old = { language: 'ru', theme: 'dark', separator: ';', entryDefaults: { vessel: 'Liwa' } };
    localStorage.setItem(CACHE_KEY, JSON.stringify({ ...old, forgotten: true }));
    await openWindow().useSettings.getState().connect(folder.api);
    expect(folder.saves).toEqual([old]);
    expect(folder.file).toEqual(old);

    const again = openWindow();
    await again.useSettings.getState().connect(folder.api);
    expect(folder.saves).toHaveLength(1);
    expect(again.useSettings.getState()).toMatchObject(old);
  });

  test('with no file and no copy the defaults are used and nothing is written', async () => {
    const { useSettings } = openWindow();
    await useSettings.getState().connect(folder.api);
    expect(useSettings.getState()).toMatchObject({ language: null, theme: 'system', separator: null });
    expect(folder.api.savePreferences).not.toHaveBeenCalled();
  });

  test('an app that does not answer leaves the window on its own copy', async () => {
    localStorage.setItem(CACHE_KEY, JSON.stringify({ theme: 'dark' }));
    folder.api.preferences.mockRejectedValue(new Error('unreachable'));
    const { useSettings } = openWindow();
    await useSettings.getState().connect(folder.api);
    expect(useSettings.getState().theme).toBe('dark');
  });
});

describe('changing a preference', () => {
  test('is shown at once, kept in the copy, and saved in the data folder as the change alone', async () => {
    const { useSettings } = openWindow();
    await useSettings.getState().connect(folder.api);
    useSettings.getState().update({ theme: 'dark' });
    expect(useSettings.getState().theme).toBe('dark');
    expect(cached()).toMatchObject({ theme: 'dark' });
    await settle();
    expect(folder.saves).toEqual([{ theme: 'dark' }]);
    expect(folder.file).toMatchObject({ theme: 'dark' });
  });

  test('a save the disk refuses leaves the choice in this window', async () => {
    const { useSettings } = openWindow();
    await useSettings.getState().connect(folder.api);
    folder.failing = true;
    useSettings.getState().update({ language: 'az' });
    await settle();
    expect(useSettings.getState().language).toBe('az');
    await useSettings.getState().refresh();
    expect(useSettings.getState().language).toBe('az');
  });

  test('what another window saved reaches this one at its next refresh, key by key', async () => {
    const first = openWindow();
    await first.useSettings.getState().connect(folder.api);
    const second = openWindow();
    await second.useSettings.getState().connect(folder.api);
    first.useSettings.getState().update({ language: 'ru' });
    second.useSettings.getState().update({ theme: 'dark' });
    await settle();
    await first.useSettings.getState().refresh();
    await second.useSettings.getState().refresh();
    expect(first.useSettings.getState()).toMatchObject({ language: 'ru', theme: 'dark' });
    expect(second.useSettings.getState()).toMatchObject({ language: 'ru', theme: 'dark' });
  });

  test('a refresh answered after a change made meanwhile does not undo the change', async () => {
    const { useSettings } = openWindow();
    await useSettings.getState().connect(folder.api);
    let answerRefresh: (value: StoredPreferences) => void = () => undefined;
    folder.api.preferences.mockImplementationOnce(() => new Promise((resolve) => (answerRefresh = resolve)));
    let answerSave: (value: StoredPreferences) => void = () => undefined;
    folder.api.savePreferences.mockImplementationOnce(() => new Promise((resolve) => (answerSave = resolve)));
    const refreshing = useSettings.getState().refresh();
    useSettings.getState().update({ theme: 'dark' });
    answerRefresh({ preferences: readPreferences({ theme: 'light' }), stored: true });
    await refreshing;
    expect(useSettings.getState().theme).toBe('dark');
    answerSave({ preferences: readPreferences({ theme: 'dark' }), stored: true });
    await settle();
    expect(useSettings.getState().theme).toBe('dark');
  });
});
