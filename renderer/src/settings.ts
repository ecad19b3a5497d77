/**
 * Per-user preferences, kept in this browser profile's localStorage: language, theme, CSV
 * separator and what the last entry carried (so the next cargo starts pre-filled).
 */
import { create } from 'zustand';
import type { CsvSeparator } from '../../electron/core/api';
import type { InputKey } from '../../electron/core/fields';

export const LANGUAGES = ['en', 'ru', 'az', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];
export type ThemeChoice = 'system' | 'light' | 'dark';

/** What the last entry carried to the next (the field table's carryOver rows), as typed. */
export type EntryDefaults = Partial<Record<InputKey, string>>;

export interface Settings {
  /** null: follow the operating system's language. */
  language: Language | null;
  theme: ThemeChoice;
  /** null: `;` for Russian, Azerbaijani and Kazakh Excel, `,` for English. */
  separator: CsvSeparator | null;
  entryDefaults: EntryDefaults;
}

const KEY = 'transit-ledger-settings';
const DEFAULTS: Settings = { language: null, theme: 'system', separator: null, entryDefaults: {} };

function load(storage: Storage | undefined): Settings {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<Settings> | null;
    if (!saved || typeof saved !== 'object') return DEFAULTS;
    return {
      language: LANGUAGES.find((l) => l === saved.language) ?? null,
      theme: saved.theme === 'light' || saved.theme === 'dark' ? saved.theme : 'system',
      separator: saved.separator === ',' || saved.separator === ';' ? saved.separator : null,
      entryDefaults:
        typeof saved.entryDefaults === 'object' && saved.entryDefaults !== null ? saved.entryDefaults : {},
    };
  } catch {
    return DEFAULTS;
  }
}

/** The OS language if it is one of ours, else English. */
export function systemLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    const found = LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

export function defaultSeparator(language: Language): CsvSeparator {
  return language === 'en' ? ',' : ';';
}

interface SettingsStore extends Settings {
  update(change: Partial<Settings>): void;
}

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

export const useSettings = create<SettingsStore>()((set, get) => ({
  ...load(storage),
  update(change) {
    set(change);
    const { language, theme, separator, entryDefaults } = { ...get(), ...change };
    try {
      storage?.setItem(KEY, JSON.stringify({ language, theme, separator, entryDefaults }));
    } catch {
      // A full or disabled storage only costs the preference, never the ledger.
    }
  },
}));

export function effectiveLanguage(
  settings: Pick<Settings, 'language'>,
  languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): Language {
  return settings.language ?? systemLanguage(languages);
}
