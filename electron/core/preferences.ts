/**
 * What a person's preferences may hold, decided once: the file in the app's data folder, a save
 * from a window and a window's first-paint copy in its browser storage are all read through
 * `readPreferences`. Unknown keys are dropped and a value of the wrong kind becomes its default,
 * so an old, newer or hand-edited file never stops the app. Pure: the renderer imports it.
 */
import type { CsvSeparator, EntryDefaults, Preferences, ThemeChoice } from './api';
import { CARRY_OVER_KEYS, LANGUAGES, type Language } from './fields';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const SEPARATORS: readonly CsvSeparator[] = [',', ';'];

/**
 * The CSV separator when none is chosen: the one the language's Excel opens in columns. Russian,
 * Azerbaijani and Kazakh Excel use decimal commas and `;`; English Excel `,` with decimal points.
 */
export function defaultSeparator(language: Language): CsvSeparator {
  return language === 'en' ? ',' : ';';
}

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  language: null,
  theme: 'system',
  separator: null,
  entryDefaults: Object.freeze({}),
});

/** The preference keys, in the order a file writes them. */
export const PREFERENCE_KEYS: readonly (keyof Preferences)[] = [
  'language',
  'theme',
  'separator',
  'entryDefaults',
];

function oneOf<T>(choices: readonly T[], value: unknown): T | undefined {
  return choices.find((choice) => choice === value);
}

/** Longest carried text kept: far above any carried field's own limit (a vessel, a party: 100). */
const MAX_CARRIED_TEXT = 500;

/** The carried fields as typed: only the field table's carryOver rows, each a text of a sensible length. */
function readEntryDefaults(value: unknown): EntryDefaults {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const given = value as Record<string, unknown>;
  const defaults: EntryDefaults = {};
  for (const key of CARRY_OVER_KEYS) {
    const text = Object.hasOwn(given, key) ? given[key] : undefined;
    if (typeof text === 'string' && text.length <= MAX_CARRIED_TEXT) defaults[key] = text;
  }
  return defaults;
}

/** Any value as preferences: each known key read on its own, to its default when it is not one of its kind. */
export function readPreferences(value: unknown): Preferences {
  const given =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const own = (key: keyof Preferences): unknown => (Object.hasOwn(given, key) ? given[key] : undefined);
  const language: Language | null = oneOf(LANGUAGES, own('language')) ?? null;
  return {
    language,
    theme: oneOf(THEME_CHOICES, own('theme')) ?? DEFAULT_PREFERENCES.theme,
    separator: oneOf(SEPARATORS, own('separator')) ?? null,
    entryDefaults: readEntryDefaults(own('entryDefaults')),
  };
}

/**
 * `current` with the keys `change` names replaced, read again as a whole: a key the change does
 * not name keeps its value, so two windows changing different preferences never undo each other.
 */
export function mergePreferences(current: Preferences, change: unknown): Preferences {
  const given =
    typeof change === 'object' && change !== null && !Array.isArray(change)
      ? (change as Record<string, unknown>)
      : {};
  const merged: Record<string, unknown> = { ...current };
  for (const key of PREFERENCE_KEYS) if (Object.hasOwn(given, key)) merged[key] = given[key];
  return readPreferences(merged);
}

/** True when the two hold the same preferences (entry defaults compared field by field). */
export function samePreferences(a: Preferences, b: Preferences): boolean {
  if (a.language !== b.language || a.theme !== b.theme || a.separator !== b.separator) return false;
  return CARRY_OVER_KEYS.every((key) => a.entryDefaults[key] === b.entryDefaults[key]);
}
