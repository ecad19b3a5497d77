import type { Shipment } from '../electron/core/api';
import { validateAmendment, validateShipment, type ValidationContext } from '../electron/core/shipment';

const TODAY = '2024-08-15';
const none = () => undefined;
const context = (overrides: Partial<ValidationContext> = {}): ValidationContext => ({ today: TODAY, findByBlNumber: none, findSameCargo: () => [], ...overrides });

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
    const result = validateShipment({ ...valid, grade: 'kashagan', status: 'In transit', imo: 'IMO 9301615' }, context());
    expect(result.ok && [result.value.grade, result.value.status, result.value.imo]).toEqual(['Kashagan', 'in_transit', '9301615']);
  });

  test('collapses runs of spaces in names but keeps line breaks in remarks', () => {
    const result = validateShipment({ ...valid, vessel: '  President   Heydar  Aliyev ', remarks: 'line one\nline two' }, context());
    expect(result.ok && [result.value.vessel, result.value.remarks]).toEqual(['President Heydar Aliyev', 'line one\nline two']);
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
    ['a decimal comma', '9959,5', 'netTonnes.format', /point/],
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
    expect(error).toMatchObject({ code: 'netTonnes.unusual', overridable: true });
    const forced = validateShipment({ ...valid, netTonnes: '20000' }, context({ force: true }));
    expect(forced.ok).toBe(true);
    expect(forced.warnings.map((w) => w.code)).toEqual(['netTonnes.unusual']);
  });

  test('a 14,000 t cargo is accepted with a warning to check it', () => {
    const result = validateShipment({ ...valid, netTonnes: '14000' }, context());
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ field: 'netTonnes', code: 'netTonnes.large' })]);
  });
});

describe('B/L dates', () => {
  test.each([
    ['30 February', '2024-02-30', 'blDate.impossible', 'B/L date 2024-02-30 does not exist: February 2024 has 29 days.', {}],
    ['29 February in a common year', '2023-02-29', 'blDate.impossible', 'B/L date 2023-02-29 does not exist: February 2023 has 28 days.', {}],
    ['month 13', '2023-13-01', 'blDate.impossible', 'B/L date 2023-13-01 does not exist: there is no month 13.', {}],
    ['a two-digit year', '24-05-03', 'blDate.format', 'B/L date "24-05-03" is not in the form YYYY-MM-DD (e.g. 2024-05-03).', {}],
    ['day first', '03.05.2024', 'blDate.format', 'B/L date "03.05.2024" is not in the form YYYY-MM-DD (e.g. 2024-05-03).', {}],
    ['tomorrow at Aktau', '2024-08-16', 'blDate.future', 'B/L date 2024-08-16 is in the future; today at Aktau is 2024-08-15.', { facts: { today: '2024-08-15' } }],
  ])('%s is refused', (_name, blDate, code, message, extra) => {
    expect(errorsOf({ ...valid, blDate })).toEqual([{ field: 'blDate', code, message, ...extra }]);
  });

  test('a date more than 60 days back is accepted with a warning', () => {
    // 2024-06-01 → 2024-08-15 is 30 (June) + 31 (July) + 14 = 75 days.
    const result = validateShipment({ ...valid, blDate: '2024-06-01' }, context());
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { field: 'blDate', code: 'blDate.old', message: 'B/L date 2024-06-01 is 75 days ago; check the date.', overridable: true, facts: { days: 75 } },
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
    expect(errorsOf({}).map((e) => e.code)).toEqual(['blDate.required', 'vessel.required', 'netTonnes.required']);
  });

  test('an unknown field is refused rather than silently dropped', () => {
    expect(errorsOf({ ...valid, colour: 'red' })).toEqual([{ field: 'colour', code: 'unknown_field', message: '"colour" is not a shipment field.' }]);
  });

  test('a prototype-pollution key is refused as an unknown field', () => {
    const input: unknown = JSON.parse('{"blDate":"2024-08-01","vessel":"Astana","netTonnes":"1","__proto__":{"admin":true}}');
    expect(errorsOf(input).map((e) => e.field)).toEqual(['__proto__']);
  });

  test('input that is not a set of fields is refused', () => {
    for (const input of [null, 'Astana', [valid], 42]) expect(errorsOf(input)[0]?.code).toBe('shipment.type');
  });

  test('a B/L number already held by a live shipment is refused, naming that shipment', () => {
    const holder = { id: 'abc123def4', vessel: 'Taraz', blDate: '2024-07-30' } as Shipment;
    const errors = errorsOf({ ...valid, blNumber: 'KZ-7' }, context({ findByBlNumber: (bl) => (bl === 'KZ-7' ? holder : undefined) }));
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
    expect(errorsOf({ ...valid, status: 'sunk' })[0]?.message).toBe('Status "sunk" is not one of: loaded, in transit, discharged.');
  });

  test('barrels far from 7–8 a tonne need confirmation', () => {
    // 9959.5 t × 7.97 ≈ 79,377 bbl; 793,770 bbl is a slipped digit (79.7 bbl/t).
    expect(errorsOf({ ...valid, barrels: '793770' })[0]).toMatchObject({ code: 'barrels.ratio', facts: { ratio: 79.7 } });
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
    expect(result).toEqual({ ok: true, value: { status: 'discharged', outturnKg: 19_990_000 }, warnings: [] });
  });

  test('keep their own B/L number without calling it a duplicate', () => {
    const result = validateAmendment(current, { blNumber: 'KZ-1', remarks: 'checked' }, context({ findByBlNumber: () => current }));
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
