import type { Shipment } from '../electron/core/api';
import { validateAmendment, validateShipment, type ValidationContext } from '../electron/core/shipment';

const TODAY = '2024-08-15';
const none = () => undefined;
const context = (overrides: Partial<ValidationContext> = {}): ValidationContext => ({
  today: TODAY,
  findByBlNumber: none,
  findSameCargo: () => [],
  ...overrides,
});

const valid = { blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9959.5' };

function errorsOf(input: unknown, ctx = context()) {
  const result = validateShipment(input, ctx);
  if (result.ok) throw new Error('expected the input to be refused');
  return result.errors;
}

describe('a valid shipment', () => {
  test('becomes integer kilograms with the route defaults filled in', () => {
    const result = validateShipment(valid, context());
    expect(result).toEqual({
      ok: true,
      warnings: [],
      value: {
        blDate: '2024-08-01',
        vessel: 'Astana',
        netKg: 9_959_500,
        blNumber: null,
        imo: null,
        voyage: null,
        grade: null,
        loadPort: 'Aktau',
        dischargeTerminal: 'Sangachal',
        shipper: 'KMG',
        receiver: 'SOCAR',
        status: 'loaded',
        outturnKg: null,
        barrels: null,
        remarks: null,
      },
    });
  });

  test('accepts tonnes as a JSON number with kilogram precision', () => {
    const result = validateShipment({ ...valid, netTonnes: 9999.999 }, context());
    expect(result.ok && result.value.netKg).toBe(9_999_999);
  });

  test('normalises known grades, status words and an IMO number with its prefix', () => {
    const result = validateShipment(
      { ...valid, grade: 'kashagan', status: 'In transit', imo: 'IMO 9301615' },
      context(),
    );
    expect(result.ok && [result.value.grade, result.value.status, result.value.imo]).toEqual([
      'Kashagan',
      'in_transit',
      '9301615',
    ]);
  });

  test('collapses runs of spaces in names but keeps line breaks in remarks', () => {
    const result = validateShipment(
      { ...valid, vessel: '  President   Heydar  Aliyev ', remarks: 'line one\nline two' },
      context(),
    );
    expect(result.ok && [result.value.vessel, result.value.remarks]).toEqual([
      'President Heydar Aliyev',
      'line one\nline two',
    ]);
  });

  test('a 31 December B/L dated today is accepted', () => {
    const result = validateShipment({ ...valid, blDate: '2024-12-31' }, context({ today: '2024-12-31' }));
    expect(result.ok).toBe(true);
  });
});

describe('tonnes a clerk might mistype are refused with a message naming the field', () => {
  test.each([
    ['negative', '-5', 'netTonnes.not_positive', /more than zero/],
    ['zero', '0', 'netTonnes.not_positive', /more than zero/],
    ['text', 'abc', 'netTonnes.format', /not a number of tonnes/],
    ['spaces that are not between thousands', '99 59', 'netTonnes.format', /write it like 9959.5 or 9 959,5/],
    ['finer than a kilogram', '9959.5001', 'netTonnes.precision', /finer than a kilogram/],
    ['absurd', '105000', 'netTonnes.too_large', /far more than any Caspian tanker/],
  ])('%s (%s)', (_name, tonnes, code, message) => {
    const [error] = errorsOf({ ...valid, netTonnes: tonnes });
    expect(error).toMatchObject({ field: 'netTonnes', code });
    expect(error?.message).toMatch(message);
  });

  test.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a number finer than a kilogram', 1.0001],
    ['a negative number', -1],
  ])('%s as a number', (_name, tonnes) => {
    expect(errorsOf({ ...valid, netTonnes: tonnes })[0]?.field).toBe('netTonnes');
  });

  test('a cargo above 15,000 t needs confirmation, and with it is accepted with a warning', () => {
    const [error] = errorsOf({ ...valid, netTonnes: '20000' });
    // The facts say it in any language: the cargo in kilograms, what a tanker carries in tonnes.
    expect(error).toMatchObject({
      code: 'netTonnes.unusual',
      overridable: true,
      facts: { tonnesKg: 20_000_000, capacity: 13_000 },
    });
    const forced = validateShipment({ ...valid, netTonnes: '20000' }, context({ force: true }));
    expect(forced.ok).toBe(true);
    expect(forced.warnings.map((w) => w.code)).toEqual(['netTonnes.unusual']);
  });

  test('a 14,000 t cargo is accepted with a warning to check it', () => {
    const result = validateShipment({ ...valid, netTonnes: '14000' }, context());
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        field: 'netTonnes',
        code: 'netTonnes.large',
        facts: { tonnesKg: 14_000_000, capacity: 13_000 },
      }),
    ]);
  });

  test('a figure no tanker carries is refused with the figure and the capacity as facts', () => {
    expect(errorsOf({ ...valid, netTonnes: '105 000' })[0]).toMatchObject({
      code: 'netTonnes.too_large',
      facts: { value: '105 000', amountKg: 105_000_000, capacity: 13_000 },
    });
  });
});

describe('tonnes as people write them, and as the app shows them', () => {
  test.each([
    ['a decimal point', '9959.5'],
    ['a decimal comma', '9959,5'],
    ['Russian spacing', '9 959,5'],
    ['a narrow no-break space (U+202F)', '9\u202F959,5'],
    ['a no-break space (U+00A0)', '9\u00A0959,5'],
    ['English grouping', '9,959.5'],
    ['Azerbaijani grouping', '9.959,5'],
    ['three decimals', '9959.500'],
    ['a plus sign', '+9959.5'],
    ['a JSON number', 9959.5],
  ])('%s (%j) is 9,959,500 kg', (_name, netTonnes) => {
    const result = validateShipment({ ...valid, netTonnes }, context());
    expect(result.ok && result.value.netKg).toBe(9_959_500);
  });

  test('the Azerbaijani display of 14,000 t reads back as 14,000 t', () => {
    const result = validateShipment({ ...valid, netTonnes: '14.000,000' }, context());
    expect(result.ok && result.value.netKg).toBe(14_000_000);
  });

  test.each([
    [
      '9,959',
      9_959_000,
      9_959,
      'could be 9959 t (the comma separating thousands) or 9.959 t (a decimal comma). ' +
        'Write 9959 for 9959 t, or 9.9590 for 9.959 t.',
    ],
    [
      '9.959',
      9_959_000,
      9_959,
      'could be 9959 t (the point separating thousands) or 9.959 t (a decimal point). ' +
        'Write 9959 for 9959 t, or 9.9590 for 9.959 t.',
    ],
    [
      '12,500',
      12_500_000,
      12_500,
      'could be 12500 t (the comma separating thousands) or 12.5 t (a decimal comma). ' +
        'Write 12500 for 12500 t, or 12.5 for 12.5 t.',
    ],
  ])(
    '%j is a question with both readings, never a guess',
    (netTonnes, asThousandsKg, asDecimalKg, message) => {
      expect(errorsOf({ ...valid, netTonnes })).toEqual([
        {
          field: 'netTonnes',
          code: 'netTonnes.ambiguous',
          message: `Net tonnes "${netTonnes}" ${message}`,
          facts: { value: netTonnes, asThousandsKg, asDecimalKg },
        },
      ]);
    },
  );

  test('either answer the question suggests is read without asking again', () => {
    for (const [answer, kg] of [
      ['9959', 9_959_000],
      ['9.9590', 9_959],
    ] as const) {
      const result = validateShipment({ ...valid, netTonnes: answer }, context());
      expect(result.ok && result.value.netKg).toBe(kg);
    }
  });

  test('what cannot be a thousands separator is a decimal mark: a lone 0, a leading 0, four digits before it', () => {
    for (const [netTonnes, kg] of [
      ['0,959', 959],
      ['0.5', 500],
      ['09,959', 9_959],
      ['9959,500', 9_959_500],
      ['9,95', 9_950],
    ] as const) {
      const result = validateShipment({ ...valid, netTonnes }, context());
      expect([netTonnes, result.ok && result.value.netKg]).toEqual([netTonnes, kg]);
    }
  });

  test('outturn tonnes and barrels ask the same question, barrels in barrels', () => {
    expect(errorsOf({ ...valid, outturnTonnes: '9,950' })[0]).toMatchObject({
      code: 'outturnTonnes.ambiguous',
      facts: { asThousandsKg: 9_950_000, asDecimalKg: 9_950 },
    });
    expect(errorsOf({ ...valid, barrels: '79,370' })[0]).toMatchObject({
      code: 'barrels.ambiguous',
      facts: { value: '79,370', asThousands: 79370, asDecimal: 79.37 },
    });
  });

  test('barrels are read like tonnes: 79 377,2 is 79377.2 barrels', () => {
    const result = validateShipment({ ...valid, barrels: '79 377,2' }, context());
    expect(result.ok && result.value.barrels).toBe(79377.2);
  });

  test('an amendment does not ask again about a figure already recorded that reads like a question', () => {
    const recorded = validateShipment({ ...valid, netTonnes: '9.9590' }, context());
    if (!recorded.ok) throw new Error('expected 9.9590 t to be read');
    const tiny: Shipment = {
      ...recorded.value,
      id: 'abc123def4',
      voided: false,
      voidReason: null,
      recordedAt: '',
      recordedBy: 'clerk',
      updatedAt: '',
    };
    expect(tiny.netKg).toBe(9_959);
    expect(validateAmendment(tiny, { remarks: 'sample' }, context())).toEqual({
      ok: true,
      value: { remarks: 'sample' },
      warnings: [],
    });
  });
});

describe('status words in any of the four languages', () => {
  test.each([
    ['In transit', 'in_transit'],
    ['в пути', 'in_transit'],
    ['Yoldadır', 'in_transit'],
    ['BOŞALDILIB', 'discharged'],
    ['Тиелді', 'loaded'],
    ['выгружен', 'discharged'],
  ])('%j is %j', (status, value) => {
    const result = validateShipment({ ...valid, status }, context());
    expect(result.ok && result.value.status).toBe(value);
  });
});

describe('B/L dates', () => {
  test.each([
    [
      '30 February',
      '2024-02-30',
      'blDate.impossible',
      'B/L date 2024-02-30 does not exist: February 2024 has 29 days.',
      { value: '2024-02-30', year: 2024, month: 2, days: 29 },
    ],
    [
      '29 February in a common year',
      '2023-02-29',
      'blDate.impossible',
      'B/L date 2023-02-29 does not exist: February 2023 has 28 days.',
      { value: '2023-02-29', year: 2023, month: 2, days: 28 },
    ],
    [
      '31 February day first',
      '31.02.2024',
      'blDate.impossible',
      'B/L date 31.02.2024 does not exist: February 2024 has 29 days.',
      { value: '31.02.2024', year: 2024, month: 2, days: 29 },
    ],
    [
      'month 13',
      '2023-13-01',
      'blDate.impossible',
      'B/L date 2023-13-01 does not exist: there is no month 13.',
      { value: '2023-13-01', year: 2023, month: 13 },
    ],
    [
      'month 13 day first',
      '01.13.2023',
      'blDate.impossible',
      'B/L date 01.13.2023 does not exist: there is no month 13.',
      { value: '01.13.2023', year: 2023, month: 13 },
    ],
    [
      'a two-digit year',
      '24-05-03',
      'blDate.format',
      'B/L date "24-05-03" is not in the form YYYY-MM-DD or DD.MM.YYYY (e.g. 2024-05-03 or 03.05.2024).',
      { value: '24-05-03' },
    ],
    [
      'a two-digit year day first',
      '03.05.24',
      'blDate.format',
      'B/L date "03.05.24" is not in the form YYYY-MM-DD or DD.MM.YYYY (e.g. 2024-05-03 or 03.05.2024).',
      { value: '03.05.24' },
    ],
    [
      'a month name',
      '3 May 2024',
      'blDate.format',
      'B/L date "3 May 2024" is not in the form YYYY-MM-DD or DD.MM.YYYY (e.g. 2024-05-03 or 03.05.2024).',
      { value: '3 May 2024' },
    ],
    [
      'a time of day',
      '2024-05-03T00:00',
      'blDate.format',
      'B/L date "2024-05-03T00:00" is not in the form YYYY-MM-DD or DD.MM.YYYY (e.g. 2024-05-03 or 03.05.2024).',
      { value: '2024-05-03T00:00' },
    ],
    [
      'mixed marks',
      '03.05/2024',
      'blDate.format',
      'B/L date "03.05/2024" is not in the form YYYY-MM-DD or DD.MM.YYYY (e.g. 2024-05-03 or 03.05.2024).',
      { value: '03.05/2024' },
    ],
    [
      'before 2000',
      '31.12.1999',
      'blDate.too_old',
      'B/L date 31.12.1999 is before 2000; check the year.',
      { value: '31.12.1999', minYear: 2000 },
    ],
  ])('%s (%s) is refused, with the facts a translation needs', (_name, blDate, code, message, facts) => {
    expect(errorsOf({ ...valid, blDate })).toEqual([{ field: 'blDate', code, message, facts }]);
  });

  test('tomorrow at Aktau is refused', () => {
    expect(errorsOf({ ...valid, blDate: '16.08.2024' })).toEqual([
      {
        field: 'blDate',
        code: 'blDate.future',
        message: 'B/L date 2024-08-16 is in the future; today at Aktau is 2024-08-15.',
        facts: { today: '2024-08-15' },
      },
    ]);
  });

  test.each([
    ['the date picker', '2024-05-03'],
    ['day first with points', '03.05.2024'],
    ['day and month without leading zeros', '3.5.2024'],
    ['day first with slashes', '03/05/2024'],
    ['spaces around it', ' 03.05.2024 '],
    ['ISO without leading zeros', '2024-5-3'],
  ])('%s (%j) is kept as YYYY-MM-DD', (_name, blDate) => {
    const result = validateShipment({ ...valid, blDate }, context());
    expect(result.ok && result.value.blDate).toBe('2024-05-03');
  });

  test('a date more than 60 days back is accepted with a warning', () => {
    // 2024-06-01 → 2024-08-15 is 30 (June) + 31 (July) + 14 = 75 days.
    const result = validateShipment({ ...valid, blDate: '2024-06-01' }, context());
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        field: 'blDate',
        code: 'blDate.old',
        message: 'B/L date 2024-06-01 is 75 days ago; check the date.',
        overridable: true,
        facts: { days: 75 },
      },
    ]);
  });
});

describe('names and references', () => {
  test.each([
    ['missing', undefined, 'vessel.required'],
    ['empty', '', 'vessel.required'],
    ['blank', '   ', 'vessel.required'],
    ['500 characters long', 'A'.repeat(500), 'vessel.too_long'],
    ['not text', 42, 'vessel.type'],
    ['with a control character', 'Ast\u0007ana', 'vessel.control_chars'],
  ])('a vessel name %s is refused', (_name, vessel, code) => {
    expect(errorsOf({ ...valid, vessel })[0]?.code).toBe(code);
  });

  test('every missing required field is reported at once', () => {
    expect(errorsOf({}).map((e) => e.code)).toEqual([
      'blDate.required',
      'vessel.required',
      'netTonnes.required',
    ]);
  });

  test('an unknown field is refused rather than silently dropped', () => {
    expect(errorsOf({ ...valid, colour: 'red' })).toEqual([
      {
        field: 'colour',
        code: 'unknown_field',
        message: '"colour" is not a shipment field.',
        facts: { fields: 'colour' },
      },
    ]);
  });

  test('a prototype-pollution key is refused as an unknown field', () => {
    const input: unknown = JSON.parse(
      '{"blDate":"2024-08-01","vessel":"Astana","netTonnes":"1","__proto__":{"admin":true}}',
    );
    expect(errorsOf(input).map((e) => e.field)).toEqual(['__proto__']);
  });

  test('input that is not a set of fields is refused', () => {
    for (const input of [null, 'Astana', [valid], 42]) expect(errorsOf(input)[0]?.code).toBe('shipment.type');
  });

  test('a B/L number already held by a live shipment is refused, naming that shipment', () => {
    const holder = { id: 'abc123def4', vessel: 'Taraz', blDate: '2024-07-30' } as Shipment;
    const errors = errorsOf(
      { ...valid, blNumber: 'KZ-7' },
      context({ findByBlNumber: (bl) => (bl === 'KZ-7' ? holder : undefined) }),
    );
    expect(errors).toEqual([
      {
        field: 'blNumber',
        code: 'blNumber.duplicate',
        message: 'B/L number KZ-7 is already in the ledger (Taraz, 2024-07-30, id abc123def4).',
        facts: { vessel: 'Taraz', date: '2024-07-30', id: 'abc123def4' },
      },
    ]);
  });

  test('a name too long states its length and the limit as facts, for pages in other languages', () => {
    expect(errorsOf({ ...valid, vessel: 'A'.repeat(500) })[0]?.facts).toEqual({ length: 500, max: 100 });
  });

  test('an IMO number with a wrong check digit is refused', () => {
    // 9301615: 9·7 + 3·6 + 0·5 + 1·4 + 6·3 + 1·2 = 105 → check digit 5; 9301614 is a typo.
    expect(errorsOf({ ...valid, imo: '9301614' })[0]?.code).toBe('imo.check_digit');
  });

  test('an unknown status is refused listing the allowed ones', () => {
    expect(errorsOf({ ...valid, status: 'sunk' })[0]?.message).toBe(
      'Status "sunk" is not one of: loaded, in transit, discharged.',
    );
  });

  test('barrels far from 7–8 a tonne need confirmation', () => {
    // 9959.5 t × 7.97 ≈ 79,377 bbl; 793,770 bbl is a slipped digit (79.7 bbl/t).
    expect(errorsOf({ ...valid, barrels: '793770' })[0]).toMatchObject({
      code: 'barrels.ratio',
      facts: { ratio: 79.7 },
    });
    expect(validateShipment({ ...valid, barrels: '79377' }, context()).ok).toBe(true);
  });

  test('an outturn more than 1% off the B/L figure is accepted with a warning stating the difference', () => {
    // |9800 − 9959.5| / 9959.5 = 1.60%.
    const result = validateShipment({ ...valid, outturnTonnes: '9800' }, context());
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        field: 'outturnTonnes',
        code: 'outturnTonnes.difference',
        message: 'Outturn differs from the B/L figure by 1.6%; check both figures.',
        overridable: true,
        facts: { percent: 1.6 },
      },
    ]);
  });
});

describe('amendments', () => {
  const current: Shipment = {
    id: 'abc123def4',
    blDate: '2024-05-01',
    vessel: 'Astana',
    netKg: 20_000_000,
    blNumber: 'KZ-1',
    imo: null,
    voyage: null,
    grade: 'Tengiz',
    loadPort: 'Aktau',
    dischargeTerminal: 'Sangachal',
    shipper: 'KMG',
    receiver: 'SOCAR',
    status: 'loaded',
    outturnKg: null,
    barrels: null,
    remarks: null,
    voided: false,
    voidReason: null,
    recordedAt: '2024-05-01T10:00:00.000Z',
    recordedBy: 'clerk',
    updatedAt: '2024-05-01T10:00:00.000Z',
  };

  test('return only the fields that change, and do not ask again about values confirmed before', () => {
    // The 20,000 t cargo was confirmed when recorded and its date is 106 days old: neither is asked about again.
    const result = validateAmendment(current, { status: 'discharged', outturnTonnes: '19990' }, context());
    expect(result).toEqual({
      ok: true,
      value: { status: 'discharged', outturnKg: 19_990_000 },
      warnings: [],
    });
  });

  test('keep their own B/L number without calling it a duplicate', () => {
    const result = validateAmendment(
      current,
      { blNumber: 'KZ-1', remarks: 'checked' },
      context({ findByBlNumber: () => current }),
    );
    expect(result.ok && result.value).toEqual({ remarks: 'checked' });
  });

  test('are refused when they change nothing', () => {
    const result = validateAmendment(current, { vessel: 'Astana' }, context());
    expect(!result.ok && result.errors[0]?.code).toBe('amend.no_change');
  });

  test('still ask for confirmation of an unusual value the person just typed', () => {
    const result = validateAmendment(current, { netTonnes: '25000' }, context());
    expect(!result.ok && result.errors[0]?.code).toBe('netTonnes.unusual');
  });

  test('are refused with the same rules as a new shipment', () => {
    const result = validateAmendment(current, { blDate: '2024-02-30' }, context());
    expect(!result.ok && result.errors[0]?.code).toBe('blDate.impossible');
  });
});
