/**
 * This window's copy of the preferences in its localStorage, under the key they were kept in
 * before the data folder held them: read at start so the first paint has the right theme and
 * language while the file is asked for, and (before a file exists) moved into it once. Read
 * through the core's one reader, so a copy from an older version is taken only for what it still means.
 */
import type { Preferences } from '../../electron/core/api';
import { readPreferences } from '../../electron/core/preferences';

export const CACHE_KEY = 'transit-ledger-settings';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // A browser that forbids storage for this page throws on the very name.
    return undefined;
  }
}

/** The copy this window kept, or null when it has none (a new browser-mode port, a first start). */
export function readCachedPreferences(): Preferences | null {
  try {
    const text = storage()?.getItem(CACHE_KEY);
    return text ? readPreferences(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

export function writeCachedPreferences(preferences: Preferences): void {
  try {
    storage()?.setItem(CACHE_KEY, JSON.stringify(preferences));
  } catch {
    // A full or disabled storage only costs the first paint's copy; the data folder keeps the preferences.
  }
}
