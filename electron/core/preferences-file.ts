/**
 * `preferences.json` in the app's data folder, beside the ledger: the one copy of a person's
 * preferences that the desktop app and browser mode (on whatever port) share. Read through the
 * core's one reader (preferences.ts); replaced whole and atomically on every save (replace-file.ts).
 * A file that is not JSON at all is kept aside unchanged as `preferences.json.damaged-<time>` and
 * the defaults are used: a damaged preferences file never stops the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Preferences, StoredPreferences } from './api';
import { TransitError } from './errors';
import { makeFolders } from './folders';
import { DEFAULT_PREFERENCES, mergePreferences, PREFERENCE_KEYS, readPreferences } from './preferences';
import { realReplaceIo, replaceFile, type ReplaceIo } from './replace-file';

export const PREFERENCES_FILE_NAME = 'preferences.json';

/** A preferences file larger than this is no file the app wrote: it is set aside as damaged. */
const MAX_BYTES = 64 * 1024;

/** The preferences file of the data folder a ledger lives in. */
export function preferencesPathFor(ledgerPath: string): string {
  return path.join(path.dirname(path.resolve(ledgerPath)), PREFERENCES_FILE_NAME);
}

/** Which version of the file a read saw: a window asks every few seconds, and an unchanged file is not read again. */
interface Seen {
  ino: number;
  size: number;
  mtimeMs: number;
  value: StoredPreferences;
}

export interface PreferencesFileOptions {
  io?: ReplaceIo;
  now?: () => Date;
}

const fresh = (preferences: Preferences, stored: boolean): StoredPreferences => ({
  preferences: { ...preferences, entryDefaults: { ...preferences.entryDefaults } },
  stored,
});

export class PreferencesFile {
  private seen: Seen | null = null;

  constructor(
    readonly path: string,
    private readonly options: PreferencesFileOptions = {},
  ) {}

  /** The kept preferences; the defaults (stored: false) when there is no file or it was damaged. */
  read(): StoredPreferences {
    const stat = fs.statSync(this.path, { throwIfNoEntry: false });
    if (!stat) return fresh(DEFAULT_PREFERENCES, false);
    const seen = this.seen;
    if (seen && seen.ino === stat.ino && seen.size === stat.size && seen.mtimeMs === stat.mtimeMs)
      return fresh(seen.value.preferences, seen.value.stored);
    const value = this.load(stat.size);
    this.seen = value.stored ? { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, value } : null;
    return fresh(value.preferences, value.stored);
  }

  /** Replaces the preferences `change` names, keeps the others, and writes the whole file atomically. */
  save(change: unknown): StoredPreferences {
    if (typeof change !== 'object' || change === null || Array.isArray(change))
      throw new TransitError('invalid', 'savePreferences takes the preferences to change, as an object.');
    const next = mergePreferences(this.read().preferences, change);
    const ordered = Object.fromEntries(PREFERENCE_KEYS.map((key) => [key, next[key]]));
    try {
      makeFolders(path.dirname(this.path));
      replaceFile(this.path, `${JSON.stringify(ordered, null, 2)}\n`, this.options.io ?? realReplaceIo);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new TransitError('io', `The preferences could not be saved in ${this.path}: ${code}.`);
    }
    this.seen = null;
    return fresh(next, true);
  }

  /** The file's preferences, or the defaults after setting a damaged file aside (or when it cannot be read). */
  private load(size: number): StoredPreferences {
    let text: string;
    try {
      if (size > MAX_BYTES) return this.setAside();
      text = fs.readFileSync(this.path, 'utf8');
    } catch {
      // Unreadable here (permissions, a folder in its place): the defaults, and the file left as it is.
      return fresh(DEFAULT_PREFERENCES, true);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.setAside();
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return this.setAside();
    return fresh(readPreferences(parsed), true);
  }

  /** Moves a damaged file aside, byte for byte, so the person's next choice starts a sound one. */
  private setAside(): StoredPreferences {
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    let aside = `${this.path}.damaged-${stamp}`;
    for (let n = 2; fs.existsSync(aside); n++) aside = `${this.path}.damaged-${stamp}-${n}`;
    try {
      fs.renameSync(this.path, aside);
    } catch {
      // Another window set it aside first, or the folder is read-only: the defaults either way.
    }
    return fresh(DEFAULT_PREFERENCES, false);
  }
}
