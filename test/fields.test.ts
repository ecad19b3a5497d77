/**
 * The field table is the one description of a cargo: these specifications hold every row to what
 * the files, the flags and the screens derive from it, so that adding a field is one row plus its
 * words in the four language files, and nothing else can fall out of step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SHIPMENT_INPUT_KEYS, type ShipmentFields, type ShipmentInput } from '../electron/core/api';
import { daysInMonth, readDate } from '../electron/core/calendar';
import { registerHeaders } from '../electron/core/csv';
import {
  CARRY_OVER_KEYS,
  enumWord,
  fieldName,
  FIELDS,
  fieldSpec,
  inputKeyOf,
  inTonnes,
  LANGUAGES,
  looseKey,
  readStatus,
  SHIPMENT_FLAGS,
  SHIPMENT_STATUSES,
  STORED_KEYS,
  type InputKey,
  type StoredKey,
} from '../electron/core/fields';
import {
  parseBaselineRequest,
  parseExportRequest,
  parseListQuery,
  parseProgressQuery,
  parseTargetsRequest,
} from '../electron/core/requests';
import { validateShipment } from '../electron/core/shipment';

const MESSAGES = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', 'renderer', 'i18n', `${language}.json`), 'utf8'),
    ) as Record<string, string>,
  ]),
);

// Compile-time: the types are the table. A row added or renamed changes these unions, and a type
// written by hand elsewhere would fail here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const storedKeysAreTheTypesKeys: Same<keyof ShipmentFields, StoredKey> = true;
const inputKeysAreTheTypesKeys: Same<keyof ShipmentInput, InputKey> = true;

describe('every row of the field table', () => {
  test('is what the types are made of', () => {
    expect([storedKeysAreTheTypesKeys, inputKeysAreTheTypesKeys]).toEqual([true, true]);
    expect(SHIPMENT_INPUT_KEYS).toEqual(FIELDS.map((field) => field.key));
  });

  test.each(FIELDS.map((field) => [field.key, field] as const))(
    '%s has a column header in all four languages',
    (_key, field) => {
      for (const language of LANGUAGES) expect(field.csv[language].trim()).not.toBe('');
    },
  );

  test.each(FIELDS.map((field) => [field.key, field] as const))(
    '%s has a CLI flag in kebab-case',
    (_key, field) => {
      expect(field.flags.length).toBeGreaterThan(0);
      for (const flag of field.flags) expect(flag).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    },
  );

  test.each(FIELDS.map((field) => [field.key, field] as const))(
    '%s has its label (and hint) in all four language files',
    (_key, field) => {
      for (const language of LANGUAGES) {
        expect([language, MESSAGES[language]?.[field.labelKey]]).toEqual([language, expect.any(String)]);
        if (field.hintKey)
          expect([language, MESSAGES[language]?.[field.hintKey]]).toEqual([language, expect.any(String)]);
      }
    },
  );

  test('a quantity is tonnes outside and kilograms inside, by one naming rule', () => {
    for (const field of FIELDS.filter((f) => f.kind === 'quantity')) {
      expect(field.key).toMatch(/Tonnes$/);
      expect(field.stored).toBe(field.key.replace(/Tonnes$/, 'Kg'));
    }
    expect(
      FIELDS.filter((f) => f.kind !== 'quantity').every((f) => f.stored === f.key && !/Tonnes$/.test(f.key)),
    ).toBe(true);
    expect([
      inputKeyOf('netKg'),
      inputKeyOf('netTonnes'),
      fieldSpec('outturnKg')?.key,
      fieldName('netKg'),
    ]).toEqual(['netTonnes', 'netTonnes', 'outturnTonnes', 'Net tonnes']);
    expect(inTonnes({ id: 'a1', netKg: 9_959_500, outturnKg: null, barrels: 79377.2 })).toEqual({
      id: 'a1',
      netTonnes: 9959.5,
      outturnTonnes: null,
      barrels: 79377.2,
    });
  });

  test('is validated into one stored property each, in the table order, and nothing else', () => {
    const result = validateShipment(
      { blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9959.5' },
      { today: '2024-08-15', findByBlNumber: () => undefined, findSameCargo: () => [] },
    );
    expect(result.ok && Object.keys(result.value)).toEqual(STORED_KEYS);
  });

  test('is one column of the register, in the table order, after the id', () => {
    for (const language of LANGUAGES)
      expect(registerHeaders(language)).toEqual(['ID', ...FIELDS.map((field) => field.csv[language])]);
  });

  test('no column name, in any language or alias, could mean two fields', () => {
    const owner = new Map<string, string>();
    for (const field of FIELDS) {
      for (const name of [...Object.values(field.csv), ...(field.csvAliases ?? [])]) {
        const key = looseKey(name);
        expect([name, owner.get(key) ?? field.key]).toEqual([name, field.key]);
        owner.set(key, field.key);
      }
    }
  });

  test('no CLI flag sets two fields', () => {
    const flags = FIELDS.flatMap((field) => [...field.flags]);
    expect(new Set(flags).size).toBe(flags.length);
    expect(SHIPMENT_FLAGS).toMatchObject({
      'bl-date': 'blDate',
      tonnes: 'netTonnes',
      'net-tonnes': 'netTonnes',
      outturn: 'outturnTonnes',
      'discharge-terminal': 'dischargeTerminal',
    });
  });

  test('the next entry starts with the B/L date, the tanker, its grade, route, parties and status', () => {
    expect(CARRY_OVER_KEYS).toEqual([
      'blDate',
      'vessel',
      'grade',
      'loadPort',
      'dischargeTerminal',
      'shipper',
      'receiver',
      'status',
    ]);
  });

  test('every form group is main or more', () => {
    expect(new Set(FIELDS.map((field) => field.group))).toEqual(new Set(['main', 'more']));
  });
});

describe('status words', () => {
  const status = FIELDS.find((field) => field.key === 'status');

  test('exist in all four languages, each language with a word of its own for each status', () => {
    if (status === undefined) throw new Error('no status field');
    for (const language of LANGUAGES) {
      const words = SHIPMENT_STATUSES.map((value) => enumWord(status, value, language));
      expect(new Set(words.map(looseKey)).size).toBe(SHIPMENT_STATUSES.length);
    }
  });

  test('are read back whatever the language, case or spacing', () => {
    if (status === undefined) throw new Error('no status field');
    for (const language of LANGUAGES) {
      for (const value of SHIPMENT_STATUSES) {
        expect(readStatus(enumWord(status, value, language).toUpperCase())).toBe(value);
        expect(readStatus(` ${enumWord(status, value, language)} `)).toBe(value);
      }
    }
    expect(readStatus('lost at sea')).toBeNull();
  });
});

describe('one quantity reader for targets and the baseline too', () => {
  test('reads the targets as the app shows them, in every language', () => {
    for (const annualTonnes of [
      '2200000',
      '2 200 000',
      '2\u202F200\u202F000,000',
      '2.200.000',
      '2,200,000.000',
    ]) {
      expect(parseTargetsRequest({ year: 2024, annualTonnes }).annualKg).toBe(2_200_000_000);
    }
    expect(parseBaselineRequest({ year: 2023, tonnes: '1 057 000' }, '2024-08-15').kg).toBe(1_057_000_000);
  });

  test('asks about "2,200" rather than guessing two thousand or two point two', () => {
    expect(() => parseTargetsRequest({ year: 2024, annualTonnes: '2,200' })).toThrow(
      expect.objectContaining({
        code: 'invalid',
        issues: [
          expect.objectContaining({
            field: 'annualTonnes',
            code: 'annualTonnes.ambiguous',
            facts: { value: '2,200', asThousandsKg: 2_200_000, asDecimalKg: 2_200 },
          }),
        ],
      }),
    );
  });

  test('asks about a monthly figure the same way, naming its month in the facts', () => {
    const plan = Array.from({ length: 12 }, () => '183 333,333');
    plan[5] = '183,333';
    expect(() => parseTargetsRequest({ year: 2024, annualTonnes: null, monthlyPlanTonnes: plan })).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            code: 'monthlyPlanTonnes.ambiguous',
            facts: { value: '183,333', asThousandsKg: 183_333_000, asDecimalKg: 183_333, month: 6 },
          }),
        ],
      }),
    );
  });
  test.each(['0.959.000', '0,959,000', '0 200 000', '00 200', '0,959.5'])(
    'refuses "%s": a first group of thousands never begins with 0, so it is a typing error, not 959 000',
    (annualTonnes) => {
      expect(() => parseTargetsRequest({ year: 2024, annualTonnes })).toThrow(
        expect.objectContaining({ code: 'invalid' }),
      );
    },
  );
});

describe('one date reader for list ranges and the as-of date too', () => {
  test('reads DD.MM.YYYY as well as YYYY-MM-DD', () => {
    expect(parseListQuery({ from: '01.03.2024', to: '2024-03-31' })).toEqual({
      from: '2024-03-01',
      to: '2024-03-31',
      includeVoided: false,
    });
    expect(parseProgressQuery({ year: 2024, asOf: '3.5.2024' })).toEqual({ year: 2024, asOf: '2024-05-03' });
  });

  test('knows the length of every month, leap years by the Gregorian rule included', () => {
    for (let year = 1896; year <= 2404; year++) {
      for (let month = 1; month <= 12; month++) {
        const days = daysInMonth(year, month);
        const last = `${String(days).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
        expect([last, readDate(last).ok]).toEqual([last, true]);
        const after = `${days + 1}.${month}.${year}`;
        expect([after, readDate(after)]).toEqual([
          after,
          { ok: false, reason: 'impossible', year, month, day: days + 1, daysInMonth: days },
        ]);
      }
    }
  });

  test('refuses a day that does not exist, quoting it', () => {
    expect(() => parseProgressQuery({ year: 2024, asOf: '30.02.2024' })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'asOf.impossible', facts: { value: '30.02.2024' } })],
      }),
    );
  });
});

describe("reports in the reader's language", () => {
  test('an export request names one of the four languages, English when it names none', () => {
    expect(parseExportRequest({ year: 2024, report: 'register' }).language).toBe('en');
    expect(
      parseExportRequest({ year: 2024, report: 'register', separator: ';', language: 'kk' }).language,
    ).toBe('kk');
    expect(() => parseExportRequest({ year: 2024, report: 'register', language: 'de' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: 'language.unknown' })] }),
    );
  });
});

describe('the language files', () => {
  const NEW_KEYS = [
    'entry.issue.netTonnes.ambiguous',
    'entry.issue.outturnTonnes.ambiguous',
    'entry.issue.barrels.ambiguous',
    'error.issue.annualTonnes.ambiguous',
    'error.issue.monthlyPlanTonnes.ambiguous',
    'error.issue.tonnes.ambiguous',
  ];

  test.each(NEW_KEYS)('say %s in all four languages, with the same placeholders', (key) => {
    const placeholders = (text: string | undefined) =>
      [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const english = placeholders(MESSAGES.en?.[key]);
    for (const language of LANGUAGES) {
      expect([language, typeof MESSAGES[language]?.[key]]).toEqual([language, 'string']);
      expect([language, placeholders(MESSAGES[language]?.[key])]).toEqual([language, english]);
    }
  });
});
