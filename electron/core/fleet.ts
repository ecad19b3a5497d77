/**
 * The route's fleet: the tankers a cargo may name, each with its IMO number, deadweight and the
 * other spellings it goes by, and how a typed name is matched to one of them. A ledger holds its
 * fleet as `vessel` events (state.ts); until one is written it has the tankers of the domain facts.
 *
 * Matching, most certain first: the name as the fleet writes it; the same letters whatever their
 * case, spaces, punctuation or alphabet (Cyrillic read as Latin, Azerbaijani letters as plain
 * ones); a known alias. Anything else is unknown, with the closest names by a small edit distance.
 *
 * Pure data and functions: no Node, so the renderer may import it.
 */

export interface FleetVessel {
  /** Stable across renames: the default tankers' are their names in lower case, new ones are random. */
  id: string;
  name: string;
  /** Seven digits, check digit verified, or null when not known. */
  imo: string | null;
  /** The most it can carry, in kilograms, or null when not known (then no cargo is asked about). */
  deadweightKg: number | null;
  /** Other spellings a sheet or a clerk uses (Лива for Liwa), stored as the fleet's name. */
  aliases: readonly string[];
  /** No longer on the route: still recognised in old sheets, no longer offered. */
  retired: boolean;
}

/** What Settings sends: no id for a new tanker; tonnes as typed; aliases as a list or one text, comma-separated. */
export interface VesselInput {
  id?: unknown;
  name: unknown;
  imo?: unknown;
  deadweightTonnes?: unknown;
  aliases?: unknown;
  retired?: unknown;
}

/**
 * The class figure the domain facts give for the route's tankers: "a Caspian tanker carries at most
 * ~13,000 t (13,000 dwt class)". Each tanker starts with it until its own deadweight is set.
 */
export const CLASS_DEADWEIGHT_KG = 13_000_000;

/**
 * The tankers in shared/domain/facts.md, with their Cyrillic and Azerbaijani spellings. The facts
 * give no IMO numbers and no deadweight per tanker (the 6,980 t beside Taraz and 7,800 t beside
 * Akademik Khoshbakht Yusifzade are cargoes carried), so each starts with the class figure.
 */
export const DEFAULT_FLEET: readonly FleetVessel[] = Object.freeze([
  tanker('Astana', ['Астана']),
  tanker('Aktau', ['Актау', 'Ақтау']),
  tanker('Taraz', ['Тараз']),
  tanker('Liwa', ['Лива']),
  tanker('President Heydar Aliyev', ['Президент Гейдар Алиев', 'Prezident Heydər Əliyev']),
  tanker('Akademik Khoshbakht Yusifzade', ['Академик Хошбахт Юсифзаде', 'Akademik Xoşbəxt Yusifzadə']),
]);

function tanker(name: string, aliases: string[]): FleetVessel {
  const id = name.toLowerCase().replace(/\s+/g, '-');
  return { id, name, imo: null, deadweightKg: CLASS_DEADWEIGHT_KG, aliases, retired: false };
}

/** Cyrillic (Russian, Kazakh) and Azerbaijani letters as the Latin letters a clerk would type for them. */
const LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  і: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ə: 'a',
  ǝ: 'a',
  ı: 'i',
  ş: 'sh',
  ç: 'ch',
  ğ: 'g',
  x: 'kh',
  w: 'v',
};

/**
 * A name reduced to what tells tankers apart: lower case, Latin letters and digits only. "ASTANA",
 * "As-tana" and "Астана" are one key; so are "Liwa" and "Лива" (w is read as v, as Russian writes it).
 */
export function vesselKey(name: string): string {
  let key = '';
  for (const char of name.toLowerCase().normalize('NFKD')) {
    const latin = LATIN[char];
    if (latin !== undefined) key += latin;
    else if (/[a-z0-9]/.test(char)) key += char;
  }
  return key;
}

/**
 * A name's keys as either transliteration writes its schwa: Azerbaijani ə is `a` in "Heydar Aliyev"
 * and `e` in "Yusifzade", so "Yusifzadə" is the same tanker's name as "Yusifzade". The first key is vesselKey's.
 */
export function vesselKeys(name: string): string[] {
  const key = vesselKey(name);
  const withE = vesselKey(name.replace(/[əƏәӘǝ]/g, 'e'));
  return withE === key ? [key] : [key, withE];
}

/**
 * Cyrillic letters drawn as Latin ones (Т and T, р and p, З and 3): two names written with them
 * read the same on screen though their letters differ. Lower-case т, н, м, к are drawn as small
 * capitals and are left out, as is з, which sits lower than 3.
 */
const DRAWN_AS: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: '\u00cb',
  З: '3',
  Ѕ: 'S',
  І: 'I',
  Ї: '\u00cf',
  Ј: 'J',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ү: 'Y',
  Һ: 'h',
  Ә: '\u018f',
  а: 'a',
  е: 'e',
  ё: '\u00eb',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: '\u00ef',
  ј: 'j',
  һ: 'h',
  ә: '\u0259',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
};

/**
 * A name as it looks: every Cyrillic letter drawn as a Latin one replaced by it, then lower case,
 * letters and digits only. `Tapa3` (Latin) and `Тара3` (Cyrillic) have one look though their
 * spellings (vesselKey: tapa3, tara3) differ.
 */
export function lookKey(name: string): string {
  let key = '';
  for (const char of name.normalize('NFC')) {
    const drawn = (DRAWN_AS[char] ?? char).toLowerCase();
    if (/[\p{L}\p{N}]/u.test(drawn)) key += drawn;
  }
  return key;
}

/** Text with every Cyrillic letter drawn as a Latin one written as that Latin letter: АКТ-1 reads as AKT-1. */
export function asDrawn(text: string): string {
  let drawn = '';
  for (const char of text.normalize('NFC')) drawn += DRAWN_AS[char] ?? char;
  return drawn;
}

/**
 * The optimal-string-alignment Damerau–Levenshtein distance: insertions, deletions, substitutions
 * and swaps of two neighbours each cost one ("Astna" is one from "Astana", "Atsana" one too).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

export type VesselMatch =
  | { known: true; vessel: FleetVessel; how: 'exact' | 'spelling' | 'alias' | 'look' }
  /** `lookalike`: the name reads as two or more tankers (offered as `suggestions`): which is asked, never guessed. */
  | { known: false; suggestions: string[]; lookalike?: true };

/** At most this many names are offered for an unknown one. */
export const MAX_SUGGESTIONS = 3;

/** How far a typed key may be from a name's to be offered: a slip per three letters, at least one. */
function within(key: string): number {
  return Math.max(1, Math.floor(key.length / 3));
}

/** The tanker whose name or an alias the typed name is, character for character. */
function writtenAs(fleet: readonly FleetVessel[], text: string): FleetVessel | undefined {
  return (
    fleet.find((vessel) => vessel.name === text) ?? fleet.find((vessel) => vessel.aliases.includes(text))
  );
}

/**
 * The tankers a typed name may mean, most certain first: its spelling is a name's, or an alias's,
 * or it looks like a name or an alias. One tanker is found once.
 */
function candidates(
  fleet: readonly FleetVessel[],
  key: string,
  look: string,
): { vessel: FleetVessel; how: 'spelling' | 'alias' | 'look' }[] {
  const found: { vessel: FleetVessel; how: 'spelling' | 'alias' | 'look' }[] = [];
  const add = (vessel: FleetVessel, how: 'spelling' | 'alias' | 'look') => {
    if (!found.some((other) => other.vessel.id === vessel.id)) found.push({ vessel, how });
  };
  const keyed = keysOf(fleet);
  for (const entry of keyed) if (entry.name === key) add(entry.vessel, 'spelling');
  for (const entry of keyed) if (entry.aliases.includes(key)) add(entry.vessel, 'alias');
  for (const entry of keyed) if (entry.looks.includes(look)) add(entry.vessel, 'look');
  return found;
}

interface VesselKeys {
  vessel: FleetVessel;
  /** vesselKey of its name and of each alias; lookKey of its name and aliases. */
  name: string;
  aliases: string[];
  looks: string[];
}

/** Each fleet's keys, made once per fleet list (an import matches every row against the same one). */
const FLEET_KEYS = new WeakMap<readonly FleetVessel[], VesselKeys[]>();

function keysOf(fleet: readonly FleetVessel[]): VesselKeys[] {
  let keyed = FLEET_KEYS.get(fleet);
  if (keyed === undefined) {
    keyed = fleet.map((vessel) => ({
      vessel,
      name: vesselKey(vessel.name),
      aliases: vessel.aliases.map(vesselKey),
      looks: [vessel.name, ...vessel.aliases].map(lookKey),
    }));
    FLEET_KEYS.set(fleet, keyed);
  }
  return keyed;
}

function inFleetOrder(fleet: readonly FleetVessel[], vessels: readonly FleetVessel[]): string[] {
  return fleet.filter((vessel) => vessels.includes(vessel)).map((vessel) => vessel.name);
}

/**
 * The fleet's vessel a typed name means, or the closest names to offer. A name that reads as two
 * tankers (`Tара3`, mixed letters, beside `Tapa3` and `Тара3`) means neither until a person says.
 */
export function matchVessel(fleet: readonly FleetVessel[], typed: string): VesselMatch {
  const text = typed.trim();
  const exact = writtenAs(fleet, text);
  if (exact) return { known: true, vessel: exact, how: exact.name === text ? 'exact' : 'alias' };
  const key = vesselKey(text);
  if (key === '') return { known: false, suggestions: [] };
  const found =
    vesselKeys(text)
      .map((spelled) => candidates(fleet, spelled, lookKey(text)))
      .find((some) => some.length > 0) ?? [];
  const [first] = found;
  if (first !== undefined && found.length === 1) return { known: true, vessel: first.vessel, how: first.how };
  // Offered in the fleet's order: which of them comes first says nothing about which is meant.
  if (found.length > 1)
    return {
      known: false,
      lookalike: true,
      suggestions: inFleetOrder(
        fleet,
        found.map((entry) => entry.vessel),
      ),
    };
  return { known: false, suggestions: closestNames(fleet, key) };
}

/** The vessels in service whose name or an alias is a few slips from the key (or begins with it), closest first. */
function closestNames(fleet: readonly FleetVessel[], key: string): string[] {
  const scored: { name: string; distance: number }[] = [];
  for (const vessel of fleet) {
    if (vessel.retired) continue;
    let distance = Infinity;
    for (const spelling of [vessel.name, ...vessel.aliases]) {
      const other = vesselKey(spelling);
      const d = key.length >= 4 && other.startsWith(key) ? 1 : editDistance(key, other);
      if (d <= within(other)) distance = Math.min(distance, d);
    }
    if (distance !== Infinity) scored.push({ name: vessel.name, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, MAX_SUGGESTIONS).map((entry) => entry.name);
}

/** The names offered while typing: the vessels in service, in the fleet's order. */
export function activeNames(fleet: readonly FleetVessel[]): string[] {
  return fleet.filter((vessel) => !vessel.retired).map((vessel) => vessel.name);
}

/** The code of the question "this vessel is not in the fleet: did you mean …?" (fleet-check.ts). */
export const UNKNOWN_VESSEL = 'vessel.unknown';
/** The code of the question "this name reads as two tankers: which one?". */
export const LOOKALIKE_VESSEL = 'vessel.lookalike';
/** The code of the question "more than the tanker's deadweight?". */
export const ABOVE_DEADWEIGHT = 'netTonnes.above_deadweight';
/** An import's note that a row's vessel was read as the fleet's name (Лива → Liwa). */
export const VESSEL_MATCHED = 'vessel.matched';

/** The separator of the suggestions in an issue's facts: no name holds a line break. */
export const SUGGESTION_SEPARATOR = '\n';
