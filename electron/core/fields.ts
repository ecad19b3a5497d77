/**
 * One description of a cargo: every field a shipment has, once. The types (api.ts), the validator
 * (shipment.ts), the CSV columns and their names in four languages (csv.ts), the CLI's flags and
 * the screens' forms are all derived from this table, so adding a field is one row here plus its
 * label (and hint) in the four language files.
 *
 * Names: a row's `key` is the field's name wherever people give values (forms, flags, CSV import,
 * the issues that point at a field, ShipmentInput). A quantity is tonnes outside and integer
 * kilograms inside: its key ends in `Tonnes` and the stored name (ShipmentFields, the journal) is
 * the same with `Kg` (netTonnes → netKg). That rule is the only mapping between the two.
 *
 * Pure data and tiny helpers: no Node, no zod, so the renderer may import it.
 */
import { DEFAULT_DISCHARGE_TERMINAL, DEFAULT_LOAD_PORT, DEFAULT_RECEIVER, DEFAULT_SHIPPER } from './defaults';
import { kgToTonnes } from './quantity';

export const LANGUAGES = ['en', 'ru', 'az', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];
/** One text in each language the app speaks. */
export type Translations = Readonly<Record<Language, string>>;

/**
 * How a field's value is read and kept:
 * - date: a calendar date, read by calendar.readDate, kept as `YYYY-MM-DD`;
 * - text: trimmed text (runs of spaces collapsed unless multiline), at most maxLength characters;
 * - quantity: tonnes read by quantity.readQuantity, kept as integer kilograms;
 * - decimal: a positive number with at most three decimals (barrels), kept as a number;
 * - imo: a ship's 7-digit IMO number, its check digit verified;
 * - enum: one of `values`, given as a word in any of the four languages.
 */
export type FieldKind = 'date' | 'text' | 'quantity' | 'decimal' | 'imo' | 'enum';
/** Where the entry form and the edit dialog show a field: always, or under "More details". */
export type FormGroup = 'main' | 'more';

interface RowBase {
  key: string;
  /** The field's English name in the core's own messages (the CLI's language, and every fallback). */
  name: string;
  /** Refused when blank. A field with a default is never blank. */
  required?: boolean;
  /** The register's column header in each language, written by an export and read by an import. */
  csv: Translations;
  /** Further column names an import accepts (port offices' own sheets); matched like headers. */
  csvAliases?: readonly string[];
  /** CLI flags without their dashes; the first is the one the help shows. */
  flags: readonly [string, ...string[]];
  group: FormGroup;
  /** The next cargo's entry starts with this field as the last one had it (same tanker, parties). */
  carryOver?: boolean;
  /** The form shows a hint under the field: `entry.hint.<key>` in the language files. */
  hint?: boolean;
}

interface DateRow extends RowBase {
  kind: 'date';
}
interface TextRow extends RowBase {
  kind: 'text';
  maxLength: number;
  /** What a blank becomes: the route's usual port or party. */
  default?: string;
  /** Keeps line breaks (remarks); other text has its runs of spaces collapsed. */
  multiline?: boolean;
  /** Spellings the value is corrected to when it matches one but for case (grades). */
  known?: readonly string[];
  /** A document's number: compatibility forms (fullwidth letters) and every kind of dash read as the plain ones. */
  identifier?: true;
}
interface QuantityRow extends RowBase {
  kind: 'quantity';
  key: `${string}Tonnes`;
}
interface DecimalRow extends RowBase {
  kind: 'decimal';
}
interface ImoRow extends RowBase {
  kind: 'imo';
}
interface EnumRow extends RowBase {
  kind: 'enum';
  /** Each value with the word an export writes for it in each language; import accepts all four. */
  values: Readonly<Record<string, Translations>>;
  /** Further words an import or a flag accepts, by value. */
  aliases?: Readonly<Record<string, readonly string[]>>;
  default: string;
}

export type FieldRow = DateRow | TextRow | QuantityRow | DecimalRow | ImoRow | EnumRow;

/**
 * The fields in the register's order (the columns an export writes, unchanged since the first
 * release so that people's spreadsheets keep working): what identifies the cargo, its route and
 * parties, its status, then its figures. The entry form, the journal and histories follow it too;
 * a form shows each group's fields in this order.
 */
export const SHIPMENT_FIELDS = [
  {
    key: 'blDate',
    kind: 'date',
    name: 'B/L date',
    required: true,
    csv: { en: 'B/L date', ru: 'Дата коносамента', az: 'Konosament tarixi', kk: 'Коносамент күні' },
    // Earlier screens' words too ("Дата B/L", "B/L tarixi", "B/L күні"): sheets headed with them still import.
    csvAliases: [
      'BL date',
      'Date',
      'Bill of lading date',
      'Дата',
      'Дата B/L',
      'B/L tarixi',
      'Tarix',
      'B/L күні',
      'Күні',
    ],
    flags: ['bl-date'],
    group: 'main',
    // A batch of bills is usually of one day (yesterday's, typed this morning): the date stays.
    carryOver: true,
    hint: true,
  },
  {
    key: 'blNumber',
    kind: 'text',
    name: 'B/L number',
    maxLength: 40,
    identifier: true,
    csv: { en: 'B/L number', ru: 'Номер коносамента', az: 'Konosament nömrəsi', kk: 'Коносамент нөмірі' },
    csvAliases: [
      'B/L no',
      'BL No',
      'Bill of lading',
      'Bill of lading number',
      '№ коносамента',
      'Коносамент',
      'B/L nömrəsi',
      'B/L нөмірі',
      '№ B/L',
      'B/L №',
    ],
    flags: ['bl-number'],
    group: 'main',
  },
  {
    key: 'vessel',
    kind: 'text',
    name: 'Vessel',
    required: true,
    maxLength: 100,
    csv: { en: 'Vessel', ru: 'Танкер', az: 'Tanker', kk: 'Танкер' },
    csvAliases: ['Ship', 'Vessel name', 'Судно', 'Название судна', 'Gəmi', 'Кеме'],
    flags: ['vessel'],
    group: 'main',
    carryOver: true,
    hint: true,
  },
  {
    key: 'imo',
    kind: 'imo',
    name: 'IMO number',
    csv: { en: 'IMO', ru: 'Номер IMO', az: 'IMO nömrəsi', kk: 'IMO нөмірі' },
    csvAliases: ['IMO number', 'IMO no', 'ИМО'],
    flags: ['imo'],
    group: 'more',
    hint: true,
  },
  {
    key: 'voyage',
    kind: 'text',
    name: 'Voyage number',
    maxLength: 40,
    identifier: true,
    csv: { en: 'Voyage', ru: 'Рейс', az: 'Reys', kk: 'Рейс' },
    csvAliases: ['Voyage no', 'Voyage number', 'Номер рейса', 'Reys nömrəsi', 'Рейс нөмірі'],
    flags: ['voyage'],
    group: 'main',
  },
  {
    key: 'grade',
    kind: 'text',
    name: 'Grade',
    maxLength: 40,
    known: ['Tengiz', 'Kashagan'],
    csv: { en: 'Grade', ru: 'Сорт нефти', az: 'Neft növü', kk: 'Мұнай сұрыбы' },
    csvAliases: ['Crude', 'Field', 'Сорт', 'Месторождение', 'Növ', 'Сұрып'],
    flags: ['grade'],
    group: 'main',
    carryOver: true,
    hint: true,
  },
  {
    key: 'loadPort',
    kind: 'text',
    name: 'Load port',
    maxLength: 100,
    default: DEFAULT_LOAD_PORT,
    csv: { en: 'Load port', ru: 'Порт погрузки', az: 'Yükləmə limanı', kk: 'Тиеу порты' },
    csvAliases: ['Loading port', 'Port of loading'],
    flags: ['load-port'],
    group: 'more',
    carryOver: true,
  },
  {
    key: 'dischargeTerminal',
    kind: 'text',
    name: 'Discharge terminal',
    maxLength: 100,
    default: DEFAULT_DISCHARGE_TERMINAL,
    csv: {
      en: 'Discharge terminal',
      ru: 'Терминал выгрузки',
      az: 'Boşaltma terminalı',
      kk: 'Түсіру терминалы',
    },
    csvAliases: ['Discharge port', 'Port of discharge', 'Порт выгрузки', 'Boşaltma limanı', 'Түсіру порты'],
    flags: ['discharge-terminal'],
    group: 'more',
    carryOver: true,
  },
  {
    key: 'shipper',
    kind: 'text',
    name: 'Shipper',
    maxLength: 100,
    default: DEFAULT_SHIPPER,
    csv: { en: 'Shipper', ru: 'Грузоотправитель', az: 'Yükgöndərən', kk: 'Жүк жөнелтуші' },
    csvAliases: ['Отправитель'],
    flags: ['shipper'],
    group: 'more',
    carryOver: true,
  },
  {
    key: 'receiver',
    kind: 'text',
    name: 'Receiver',
    maxLength: 100,
    default: DEFAULT_RECEIVER,
    csv: { en: 'Receiver', ru: 'Грузополучатель', az: 'Yükalan', kk: 'Жүк алушы' },
    csvAliases: ['Consignee', 'Получатель'],
    flags: ['receiver'],
    group: 'more',
    carryOver: true,
  },
  {
    key: 'status',
    kind: 'enum',
    name: 'Status',
    default: 'loaded',
    values: {
      loaded: { en: 'loaded', ru: 'погружен', az: 'yüklənib', kk: 'тиелді' },
      in_transit: { en: 'in transit', ru: 'в пути', az: 'yoldadır', kk: 'жолда' },
      discharged: { en: 'discharged', ru: 'выгружен', az: 'boşaldılıb', kk: 'түсірілді' },
    },
    aliases: { loaded: ['погружено', 'загружен'], in_transit: ['transit'], discharged: ['выгружено'] },
    csv: { en: 'Status', ru: 'Статус', az: 'Status', kk: 'Күйі' },
    flags: ['status'],
    group: 'main',
    carryOver: true,
  },
  {
    key: 'netTonnes',
    kind: 'quantity',
    name: 'Net tonnes',
    required: true,
    csv: { en: 'Net tonnes', ru: 'Масса нетто, т', az: 'Netto çəki, t', kk: 'Нетто салмағы, т' },
    csvAliases: [
      'Tonnes',
      'Tons',
      'Net tons',
      'Quantity',
      'Net quantity',
      'Qty (t)',
      'Тонн',
      'Тонны',
      'Количество',
      'Количество (т)',
      'Нетто (т)',
      'Нетто, т',
      'Netto, t',
      'Ton',
    ],
    flags: ['tonnes', 'net-tonnes'],
    group: 'main',
    hint: true,
  },
  {
    key: 'outturnTonnes',
    kind: 'quantity',
    name: 'Outturn tonnes',
    csv: {
      en: 'Outturn tonnes',
      ru: 'Масса при выгрузке, т',
      az: 'Boşaltmada çəki, t',
      kk: 'Түсірудегі салмақ, т',
    },
    csvAliases: ['Outturn', 'Outturn (t)', 'При выгрузке, т', 'Boşaltma, t', 'Түсіруде, т'],
    flags: ['outturn-tonnes', 'outturn'],
    group: 'more',
    hint: true,
  },
  {
    key: 'barrels',
    kind: 'decimal',
    name: 'Barrels',
    csv: { en: 'Barrels', ru: 'Баррели', az: 'Barrel', kk: 'Баррель' },
    csvAliases: ['bbl', 'Баррелей'],
    flags: ['barrels'],
    group: 'more',
  },
  {
    key: 'remarks',
    kind: 'text',
    name: 'Remarks',
    maxLength: 1000,
    multiline: true,
    csv: { en: 'Remarks', ru: 'Примечания', az: 'Qeydlər', kk: 'Ескертпелер' },
    csvAliases: ['Notes', 'Note', 'Comment', 'Comments', 'Примечание', 'Комментарий', 'Qeyd', 'Ескертпе'],
    flags: ['remarks'],
    group: 'more',
    hint: true,
  },
  // The voyage's dates (issue 12 part 2), last so that every older sheet's columns keep their places.
  {
    key: 'arrivalDate',
    kind: 'date',
    name: 'Arrival date',
    csv: { en: 'Arrival date', ru: 'Дата прибытия', az: 'Gəlmə tarixi', kk: 'Келу күні' },
    csvAliases: ['Arrival', 'Arrived', 'Date of arrival', 'Прибытие', 'Gəliş tarixi', 'Келген күні'],
    flags: ['arrival-date'],
    group: 'more',
    hint: true,
  },
  {
    key: 'dischargeDate',
    kind: 'date',
    name: 'Discharge date',
    csv: { en: 'Discharge date', ru: 'Дата выгрузки', az: 'Boşaltma tarixi', kk: 'Түсіру күні' },
    csvAliases: [
      'Discharged',
      'Date of discharge',
      'Выгрузка',
      'Дата слива',
      'Boşaldılma tarixi',
      'Түсірілген күні',
    ],
    flags: ['discharge-date'],
    group: 'more',
    hint: true,
  },
] as const satisfies readonly FieldRow[];

// ---------------------------------------------------------------------------------------------
// Types derived from the table

type Row = (typeof SHIPMENT_FIELDS)[number];

/** A field's name where values are given (ShipmentInput, forms, flags, issues). */
export type InputKey = Row['key'];
/** The stored name of a row: `…Tonnes` becomes `…Kg` for a quantity, any other key stays. */
type StoredKeyOf<R extends Row> = R extends { kind: 'quantity'; key: `${infer Stem}Tonnes` }
  ? `${Stem}Kg`
  : R['key'];
/** A field's name where values are kept (ShipmentFields, the journal, histories). */
export type StoredKey = StoredKeyOf<Row>;

type Kept<R extends Row> = R extends { kind: 'quantity' | 'decimal' }
  ? number
  : R extends { kind: 'enum'; values: infer V }
    ? Extract<keyof V, string>
    : string;
/** Blank is kept as null, unless the field is required or has a default. */
type KeptOrNull<R extends Row> = R extends { required: true } | { default: string }
  ? Kept<R>
  : Kept<R> | null;

/** What a shipment holds once validated: one property per row, under its stored name. */
export type StoredFields = { [R in Row as StoredKeyOf<R>]: KeptOrNull<R> };
/** Untrusted input: any row's key, any value; shipment.ts decides what is valid. */
export type InputFields = { [K in InputKey]?: unknown };

type StatusRow = Extract<Row, { key: 'status' }>;
export type ShipmentStatus = Extract<keyof StatusRow['values'], string>;

// ---------------------------------------------------------------------------------------------
// The table resolved for code that walks it

interface Derived {
  key: InputKey;
  stored: StoredKey;
  /** The i18n key of the field's label: `entry.field.<key>`. */
  labelKey: string;
  /** The i18n key of the field's hint, or null when the form shows none. */
  hintKey: string | null;
}

/** A row with everything derived from it spelled out, for validators, files and forms; `kind` tells rows apart. */
export type FieldSpec = FieldRow extends infer R
  ? R extends FieldRow
    ? Omit<R, 'key'> & Derived
    : never
  : never;

function resolve(row: FieldRow): FieldSpec {
  const stored = row.kind === 'quantity' ? row.key.replace(/Tonnes$/, 'Kg') : row.key;
  const derived: Derived = {
    key: row.key as InputKey,
    stored: stored as StoredKey,
    labelKey: `entry.field.${row.key}`,
    hintKey: row.hint ? `entry.hint.${row.key}` : null,
  };
  // The conditional type cannot follow a spread of a union; the row and what is derived from it are all there.
  return { ...row, ...derived } as FieldSpec;
}

export const FIELDS: readonly FieldSpec[] = (SHIPMENT_FIELDS as readonly FieldRow[]).map(resolve);

export const INPUT_KEYS = FIELDS.map((field) => field.key);
export const STORED_KEYS = FIELDS.map((field) => field.stored);

const BY_KEY: ReadonlyMap<string, FieldSpec> = new Map(
  FIELDS.flatMap((field) => [
    [field.key, field],
    [field.stored, field],
  ]),
);

/** The field named by an input key (`netTonnes`) or a stored one (`netKg`), or undefined. */
export function fieldSpec(key: string): FieldSpec | undefined {
  return BY_KEY.get(key);
}

/** The input key of a field named either way: what an issue, a form or a flag calls it. */
export function inputKeyOf(key: string): InputKey | undefined {
  return BY_KEY.get(key)?.key;
}

/** The field's English name for a message, named either way; the key itself when it is no field. */
export function fieldName(key: string): string {
  return BY_KEY.get(key)?.name ?? key;
}

export function isQuantity(key: string): boolean {
  return BY_KEY.get(key)?.kind === 'quantity';
}

/**
 * Stored fields as the outside reads them (JSON from the CLI): each quantity under its input name
 * in tonnes (`netKg: 9959500` → `netTonnes: 9959.5`), everything else as it is.
 */
export function inTonnes(fields: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const spec = BY_KEY.get(key);
    if (spec?.kind === 'quantity' && spec.stored === key)
      out[spec.key] = typeof value === 'number' ? kgToTonnes(value) : null;
    else out[key] = value;
  }
  return out;
}

export const SHIPMENT_STATUSES = Object.keys(
  (SHIPMENT_FIELDS.find((row) => row.key === 'status') as StatusRow).values,
) as readonly ShipmentStatus[];

/** Every CLI flag (without dashes) and the field it sets. */
export const SHIPMENT_FLAGS: Readonly<Record<string, InputKey>> = Object.fromEntries(
  FIELDS.flatMap((field) => field.flags.map((flag) => [flag, field.key])),
);

/** The fields the next entry starts with, as the last one had them. */
export const CARRY_OVER_KEYS: readonly InputKey[] = FIELDS.filter((field) => field.carryOver).map(
  (field) => field.key,
);

/**
 * Names and words compared as people vary them: case, spaces and punctuation ignored, NFKC so
 * a decomposed `й` or a full-width letter still matches, and Azerbaijani dotless `ı` folded into
 * `i`, since upper-casing `Boşaldılıb` and lower-casing it back gives `boşaldilib`.
 */
export function looseKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const ENUM_WORDS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  FIELDS.flatMap((field) => {
    if (field.kind !== 'enum') return [];
    const words = new Map<string, string>();
    for (const [value, names] of Object.entries(field.values)) {
      for (const word of [value, ...Object.values(names), ...(field.aliases?.[value] ?? [])])
        words.set(looseKey(word), value);
    }
    return [[field.key, words]];
  }),
);

/** The value an enum field's word means, in any of the four languages; null when none. */
export function enumValue(key: InputKey, word: string): string | null {
  return ENUM_WORDS.get(key)?.get(looseKey(word)) ?? null;
}

export function readStatus(word: string): ShipmentStatus | null {
  return enumValue('status', word) as ShipmentStatus | null;
}

/** The word an export writes for an enum value in a language. */
export function enumWord(spec: FieldSpec, value: string, language: Language): string {
  return spec.kind === 'enum' ? (spec.values[value]?.[language] ?? value) : value;
}
