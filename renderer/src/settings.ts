/**
 * Per-user preferences: language, theme, CSV separator and what the last entry carried (so the
 * next cargo starts pre-filled). The truth is the file in the app's data folder, read and written
 * through the API (`preferences`, `savePreferences`), so the desktop app and browser mode on any
 * port share them. This window's localStorage keeps a copy for the first paint; what it held
 * before the file existed is moved into the file once.
 */
import { create } from 'zustand';
import type {
  EntryDefaults,
  Preferences,
  StoredPreferences,
  ThemeChoice,
  TransitApi,
} from '../../electron/core/api';
import { LANGUAGES, type Language } from '../../electron/core/fields';
import { defaultSeparator, readPreferences, samePreferences } from '../../electron/core/preferences';
import { readCachedPreferences, writeCachedPreferences } from './preferences-cache';

export { defaultSeparator, LANGUAGES };
export type { EntryDefaults, Language, ThemeChoice };

export type Settings = Preferences;

/** The OS language if it is one of ours, else English. */
export function systemLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    const found = LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

interface SettingsStore extends Settings {
  /** Applies a change at once, keeps it in the first-paint copy and saves it in the data folder. */
  update(change: Partial<Settings>): void;
  /** Reads the data folder's preferences (moving this window's old ones into it once); before the first paint. */
  connect(api: TransitApi): Promise<void>;
  /** Takes what another window saved since: asked on the same beat as the ledger's changes. */
  refresh(): Promise<void>;
}

/** Where preferences are saved: unset until the app connects (a spec's store keeps them in memory). */
let api: TransitApi | null = null;
/** Changes made in this window: an answer asked for before the latest one is out of date. */
let changes = 0;
let saving = 0;

const valuesOf = (state: Settings): Settings => ({
  language: state.language,
  theme: state.theme,
  separator: state.separator,
  entryDefaults: state.entryDefaults,
});

export const useSettings = create<SettingsStore>()((set, get) => {
  /** What the data folder holds, unless this window changed something since it asked. */
  const take = (answer: StoredPreferences, asked: number) => {
    if (asked !== changes || saving > 0 || samePreferences(valuesOf(get()), answer.preferences)) return;
    set(answer.preferences);
    writeCachedPreferences(answer.preferences);
  };

  return {
    ...(readCachedPreferences() ?? readPreferences(null)),

    update(change) {
      set(change);
      writeCachedPreferences(valuesOf(get()));
      changes++;
      if (!api) return;
      saving++;
      const asked = changes;
      api.savePreferences(change).then(
        (answer) => {
          saving--;
          take(answer, asked);
        },
        () => {
          // Not saved (the disk refused): this window keeps the choice, and its next change tries again.
          saving--;
        },
      );
    },

    async connect(given) {
      api = given;
      const asked = changes;
      try {
        let answer = await given.preferences();
        const cached = readCachedPreferences();
        if (!answer.stored && cached) answer = await given.savePreferences(cached);
        take(answer, asked);
      } catch {
        // The app is not answering yet: this window starts with its own copy; the next refresh tries again.
      }
    },

    async refresh() {
      if (!api || saving > 0) return;
      const asked = changes;
      try {
        const answer = await api.preferences();
        if (answer.stored) take(answer, asked);
      } catch {
        // The ledger's own poll says when the app stops answering.
      }
    },
  };
});

export function effectiveLanguage(
  settings: Pick<Settings, 'language'>,
  languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): Language {
  return settings.language ?? systemLanguage(languages);
}
