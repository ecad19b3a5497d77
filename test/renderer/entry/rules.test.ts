/**
 * The form's three small pieces of logic, each pinned to the core it leans on: the pre-save
 * questions ask exactly what the core would warn about, every translated message keeps the
 * specifics of the core's real message, and the decimal comma is converted only when unambiguous.
 */
import type { FieldIssue, Shipment, ShipmentInput } from '../../../electron/core/api';
import { validateShipment } from '../../../electron/core/shipment';
import { acceptDecimalComma, toShipmentInput, initialValues } from '../../../renderer/src/entry/fields';
import { issueText } from '../../../renderer/src/entry/messages';
import { questionsBeforeSaving } from '../../../renderer/src/entry/precheck';
import { TODAY } from './fake-ledger';

const base = { blDate: TODAY, vessel: 'Astana', netTonnes: '9000' };

function coreWarnings(input: ShipmentInput): string[] {
  const result = validateShipment(input, {
    today: TODAY,
    findByBlNumber: () => undefined,
    findSameCargo: () => [],
  });
  return result.warnings
    .map((w) => w.code)
    .filter((code) => code === 'netTonnes.large' || code === 'blDate.old');
}

describe("questions before saving are the core's own warnings, asked earlier", () => {
  const cases: [string, ShipmentInput][] = [
    ['12,999.999 t', { ...base, netTonnes: '12999.999' }],
    ['exactly 13,000 t', { ...base, netTonnes: '13000' }],
    ['13,000.001 t', { ...base, netTonnes: '13000.001' }],
    ['14,000 t with a plus sign and spaces', { ...base, netTonnes: ' +14000 ' }],
    ['exactly 15,000 t', { ...base, netTonnes: '15000.000' }],
    ['15,000.001 t (the core refuses without force instead)', { ...base, netTonnes: '15000.001' }],
    ['60 days back', { ...base, blDate: '2024-06-16' }],
    ['61 days back', { ...base, blDate: '2024-06-15' }],
    ['75 days back and 14,000 t', { ...base, blDate: '2024-06-01', netTonnes: '14000' }],
    ['a year back across a leap day', { ...base, blDate: '2023-08-15' }],
    ['tomorrow (the core refuses it)', { ...base, blDate: '2024-08-16' }],
  ];
  test.each(cases)('%s', (_name, input) => {
    const asked = questionsBeforeSaving(input, TODAY).map((q) => q.code);
    expect(asked.sort()).toEqual(coreWarnings(input).sort());
  });

  test("the question reads as the core's warning does", () => {
    const input = { ...base, blDate: '2024-06-01' };
    const [question] = questionsBeforeSaving(input, TODAY);
    const result = validateShipment(input, {
      today: TODAY,
      findByBlNumber: () => undefined,
      findSameCargo: () => [],
    });
    expect(question?.message).toBe(result.warnings[0]?.message);
  });
});

describe("messages in four languages keep the core's specifics", () => {
  const recorded = validateShipment(
    { ...base, blNumber: 'AKT-7', blDate: '2024-08-03' },
    { today: TODAY, findByBlNumber: () => undefined, findSameCargo: () => [] },
  );
  if (!recorded.ok) throw new Error('the holder cargo must be valid');
  const holder: Shipment = {
    ...recorded.value,
    id: 'k3m9xq2w7p',
    voided: false,
    voidReason: null,
    recordedAt: '',
    recordedBy: '',
    updatedAt: '',
  };
  const refusals: [ShipmentInput, string, Record<'en' | 'ru' | 'az' | 'kk', RegExp>][] = [
    [
      { ...base, blDate: '' },
      'blDate.required',
      {
        en: /B\/L date is required/,
        ru: /Укажите дату коносамента/,
        az: /Konosament tarixini/,
        kk: /Коносамент күнін/,
      },
    ],
    [
      { ...base, blDate: '03.05.24' },
      'blDate.format',
      { en: /"03\.05\.24"/, ru: /«03\.05\.24»/, az: /«03\.05\.24»/, kk: /«03\.05\.24»/ },
    ],
    [
      { ...base, blDate: '2023-02-29' },
      'blDate.impossible',
      {
        en: /February 2023 has 28 days/,
        ru: /последний день этого месяца — 28 февр\. 2023 г\.$/,
        az: /28 fev 2023/,
        kk: /соңғы күні — 28 ақп\. 2023\.$/,
      },
    ],
    [
      { ...base, blDate: '2024-00-10' },
      'blDate.impossible',
      { en: /there is no month 0/, ru: /месяца с номером 0 нет/, az: /0 nömrəli ay/, kk: /0 нөмірлі ай/ },
    ],
    [
      { ...base, blDate: '2024-08-16' },
      'blDate.future',
      {
        en: /today at Aktau is 2024-08-15/,
        ru: /сегодня в Актау 2024-08-15/,
        az: /Aktauda bu gün 2024-08-15/,
        kk: /Ақтауда бүгін 2024-08-15/,
      },
    ],
    [
      { ...base, blDate: '1999-12-31' },
      'blDate.too_old',
      { en: /before 2000/, ru: /раньше 2000 года/, az: /2000-ci ildən/, kk: /2000 жылдан/ },
    ],
    [
      { ...base, vessel: '' },
      'vessel.required',
      { en: /Vessel is required/, ru: /Укажите танкер/, az: /Tankeri/, kk: /Танкерді/ },
    ],
    [
      { ...base, vessel: 'x'.repeat(101) },
      'vessel.too_long',
      {
        en: /Vessel is 101 characters long; at most 100/,
        ru: /«Танкер»: 101 симв\., допускается не более 100/,
        az: /101 simvol; ən çox 100/,
        kk: /101 таңба; ең көбі 100/,
      },
    ],
    [
      { ...base, vessel: 'Ast\u0007ana' },
      'vessel.control_chars',
      {
        en: /Vessel contains invisible control characters/,
        ru: /«Танкер» содержит невидимые/,
        az: /«Tanker» görünməyən/,
        kk: /«Танкер» көрінбейтін/,
      },
    ],
    [
      { ...base, voyage: 'v'.repeat(41) },
      'voyage.too_long',
      {
        en: /Voyage is 41 characters long; at most 40/,
        ru: /«Рейс»: 41 симв\./,
        az: /«Reys»: 41 simvol/,
        kk: /«Рейс»: 41 таңба/,
      },
    ],
    [
      { ...base, netTonnes: '' },
      'netTonnes.required',
      { en: /Net tonnes is required/, ru: /Укажите массу нетто/, az: /Netto çəkini/, kk: /Нетто салмағын/ },
    ],
    [
      { ...base, netTonnes: '99 59' },
      'netTonnes.format',
      {
        en: /"99 59" is not a number of tonnes/,
        ru: /«99 59» — не число тонн/,
        az: /«99 59» ton rəqəmi deyil/,
        kk: /«99 59» тонна саны емес/,
      },
    ],
    [
      { ...base, netTonnes: '9959.5001' },
      'netTonnes.precision',
      {
        en: /9959\.5001 is finer than a kilogram/,
        ru: /9959\.5001 — точнее килограмма/,
        az: /9959\.5001 kiloqramdan/,
        kk: /9959\.5001 килограмнан/,
      },
    ],
    [
      { ...base, netTonnes: '-5' },
      'netTonnes.not_positive',
      {
        en: /Net tonnes must be more than zero/,
        ru: /больше нуля/,
        az: /sıfırdan böyük/,
        kk: /нөлден үлкен/,
      },
    ],
    [
      { ...base, netTonnes: '105000' },
      'netTonnes.too_large',
      {
        en: /105,000\.000 t is far more/,
        ru: /105\s000,000 т — намного больше/,
        az: /105\.000,000 t/,
        kk: /105\s000,000 т/,
      },
    ],
    [
      { ...base, netTonnes: '20000' },
      'netTonnes.unusual',
      {
        en: /20,000\.000 t is more than a Caspian tanker carries \(about 13,000 t/,
        ru: /20\s000,000 т — больше.*~13\s000 т/,
        az: /20\.000,000 t.*~13\.000 t/,
        kk: /20\s000,000 т.*~13\s000 т/,
      },
    ],
    [
      { ...base, blNumber: 'akt-7' },
      'blNumber.duplicate',
      {
        en: /B\/L number akt-7 is already in the ledger \(Astana, 3 Aug 2024, id k3m9xq2w7p\)/,
        ru: /Коносамент akt-7 уже есть в журнале \(Astana, 3 авг\. 2024 г\., id k3m9xq2w7p\)/,
        az: /akt-7 nömrəli konosament.*k3m9xq2w7p/,
        kk: /akt-7 коносаменті журналда бар.*k3m9xq2w7p/,
      },
    ],
    [
      { ...base, imo: '12345' },
      'imo.format',
      {
        en: /"12345" must be 7 digits/,
        ru: /«12345» должен состоять из 7 цифр/,
        az: /«12345» 7 rəqəm/,
        kk: /«12345» 7 цифр/,
      },
    ],
    [
      { ...base, imo: '9301616' },
      'imo.check_digit',
      {
        en: /9301616 fails its check digit/,
        ru: /9301616 не проходит/,
        az: /9301616 nəzarət/,
        kk: /9301616 бақылау/,
      },
    ],
    [
      { ...base, status: 'sunk' },
      'status.unknown',
      { en: /Status "sunk" is not one of/, ru: /Статус «sunk»/, az: /«sunk» statusu/, kk: /«sunk» күйі/ },
    ],
    [
      { ...base, outturnTonnes: '0' },
      'outturnTonnes.not_positive',
      {
        en: /Outturn tonnes must be more than zero/,
        ru: /«Масса при выгрузке, т»: значение должно быть больше нуля/,
        az: /«Boşaltmada çəki, t»/,
        kk: /«Түсірудегі салмақ, т»/,
      },
    ],
    [
      { ...base, barrels: 'many' },
      'barrels.format',
      {
        en: /Barrels "many" must be a number above zero/,
        ru: /«many» — нужно число/,
        az: /«many» sıfırdan/,
        kk: /«many» нөлден/,
      },
    ],
    [
      { ...base, barrels: '10000' },
      'barrels.ratio',
      {
        en: /10000 barrels for 9,000\.000 t is 1\.11 barrels a tonne/,
        ru: /10000 барр\. на 9\s000,000 т — это 1,11 барр\. на тонну/,
        az: /9\.000,000 t üçün 10000 barrel tona 1,11 barrel/,
        kk: /9\s000,000 т үшін 10000 баррель — тоннасына 1,11 баррель/,
      },
    ],
  ];

  test.each(refusals)('%j → %s', (input, code, expected) => {
    const result = validateShipment(input, {
      today: TODAY,
      findByBlNumber: (n) => (n.toUpperCase() === 'AKT-7' ? holder : undefined),
      findSameCargo: () => [],
    });
    const issues: FieldIssue[] = result.ok ? [] : result.errors;
    const issue = issues.find((i) => i.code === code);
    expect(issue).toBeDefined();
    for (const language of ['en', 'ru', 'az', 'kk'] as const) {
      const text = issueText(language, issue as FieldIssue, input);
      expect(text).toMatch(expected[language]);
      expect(text).not.toMatch(/\{\w+\}/);
      if (language !== 'en') expect(text).not.toBe(issue?.message);
    }
  });

  test('a second entry of a recorded cargo is asked about in every language, naming that cargo', () => {
    const twin = {
      id: 'k3m9x2pq7d',
      blDate: '2024-08-03',
      vessel: 'Astana',
      netKg: 9_000_000,
      blNumber: null,
    };
    const input = { ...base, blDate: '2024-08-03', vessel: 'ASTANA' };
    const result = validateShipment(input, {
      today: TODAY,
      findByBlNumber: () => undefined,
      findSameCargo: () => [twin],
    });
    const issue = (result.ok ? [] : result.errors).find((i) => i.code === 'shipment.duplicate') as FieldIssue;
    expect(issue).toMatchObject({
      overridable: true,
      facts: { id: 'k3m9x2pq7d', vessel: 'Astana', date: '2024-08-03' },
    });
    const expected = {
      en: /^The ledger already holds a cargo of Astana dated 3 Aug 2024 with the same net tonnes \(id k3m9x2pq7d\)\./,
      ru: /^В журнале уже есть груз Astana от 3 авг\. 2024 г\. с той же массой нетто \(id k3m9x2pq7d\)\./,
      az: /^Jurnalda artıq Astana gəmisinin .*2024.* tarixli, eyni xalis çəkili yükü var \(id k3m9x2pq7d\)\./,
      kk: /^Журналда Astana кемесінің 3 там\. 2024 күнгі, таза салмағы дәл сондай жүгі бар \(id k3m9x2pq7d\)\./,
    };
    for (const language of ['en', 'ru', 'az', 'kk'] as const)
      expect(issueText(language, issue, input)).toMatch(expected[language]);
  });

  test('warnings after a save: the outturn difference keeps its percentage', () => {
    const input = { ...base, outturnTonnes: '8800' };
    const result = validateShipment(input, {
      today: TODAY,
      findByBlNumber: () => undefined,
      findSameCargo: () => [],
    });
    const warning = result.warnings.find((w) => w.code === 'outturnTonnes.difference') as FieldIssue;
    expect(issueText('en', warning, input)).toBe(
      'Outturn differs from the B/L figure by 2.2%; check both figures.',
    );
    expect(issueText('ru', warning, input)).toBe(
      'Масса при выгрузке отличается от данных коносамента на 2,2%; проверьте обе цифры.',
    );
  });

  test("a code without a translation, or an issue without a fact its sentence needs, shows the core's English words", () => {
    const unknown = { field: 'density', code: 'density.range', message: 'Density 2.0 is not crude oil.' };
    expect(issueText('ru', unknown, {})).toBe('Density 2.0 is not crude oil.');
    const withoutFacts = {
      field: 'blDate',
      code: 'blDate.future',
      message: 'B/L date 2024-08-16 is in the future; today at Aktau is 2024-08-15.',
    };
    expect(issueText('kk', withoutFacts, { blDate: '2024-08-16' })).toBe(withoutFacts.message);
  });

  test('the specifics come from the facts, never from the English sentence', () => {
    const reworded = {
      field: 'blDate',
      code: 'blDate.old',
      message: 'An old B/L date.',
      overridable: true,
      facts: { days: 75 },
    };
    expect(issueText('ru', reworded, { blDate: '2024-06-01' })).toMatch(/75/);
    expect(issueText('ru', reworded, { blDate: '2024-06-01' })).not.toBe(reworded.message);
  });

  test('the form asks about an old B/L date with the same facts the core gives', () => {
    const input = { ...base, blDate: '2024-05-01' };
    const core = validateShipment(input, {
      today: TODAY,
      findByBlNumber: () => undefined,
      findSameCargo: () => [],
    }).warnings.find((w) => w.code === 'blDate.old');
    const asked = questionsBeforeSaving(input, TODAY).find((q) => q.code === 'blDate.old');
    expect(core?.facts).toEqual({ days: 106 });
    expect(asked?.facts).toEqual(core?.facts);
  });
});

describe('the decimal comma', () => {
  test.each([
    ['9959,5', '9959.5'],
    ['9959,500', '9959.500'],
    [' 9959,5 ', ' 9959.5 '],
    ['0,250', '0.250'],
    ['12,5', '12.5'],
    // Could be an English thousands separator: left for the core to refuse, never guessed.
    ['9,959', '9,959'],
    ['105,000', '105,000'],
    ['9,959.5', '9,959.5'],
    ['9.959,5', '9.959,5'],
    ['9959.5', '9959.5'],
    ['abc', 'abc'],
  ])('%j is sent as %j', (typed, sent) => {
    expect(acceptDecimalComma(typed)).toBe(sent);
  });

  test('only the three quantity fields are converted, and blank fields are left out', () => {
    const values = {
      ...initialValues({}, TODAY),
      vessel: 'A,B',
      netTonnes: '9959,5',
      outturnTonnes: '9950,25',
      barrels: '79370,5',
      remarks: 'draft 6,5 m',
    };
    expect(toShipmentInput(values)).toEqual({
      blDate: TODAY,
      vessel: 'A,B',
      netTonnes: '9959.5',
      outturnTonnes: '9950.25',
      barrels: '79370.5',
      remarks: 'draft 6,5 m',
      status: 'loaded',
      loadPort: 'Aktau',
      dischargeTerminal: 'Sangachal',
      shipper: 'KMG',
      receiver: 'SOCAR',
    });
  });
});
