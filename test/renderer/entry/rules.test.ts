/**
 * The form's pure pieces, each pinned to the core it leans on: every translated message keeps the
 * specifics of the core's real message (from its facts, never from its English), and what the
 * form sends is the text as typed, for the core's own readers.
 */
import type { FieldIssue, Shipment, ShipmentInput } from '../../../electron/core/api';
import { validateShipment } from '../../../electron/core/shipment';
import {
  carriedDefaults,
  entryInput,
  FORM_KEYS,
  initialValues,
} from '../../../renderer/src/entry/form-values';
import { issueText } from '../../../renderer/src/entry/messages';
import { TODAY } from './fake-ledger';

const base = { blDate: TODAY, vessel: 'Astana', netTonnes: '9000' };

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
        ru: /последний день этого месяца — 28\.02\.2023\.$/,
        az: /28\.02\.2023/,
        kk: /соңғы күні — 28\.02\.2023\.$/,
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
        ru: /сегодня в Актау 15\.08\.2024/,
        az: /Aktauda bu gün 15\.08\.2024/,
        kk: /Ақтауда бүгін 15\.08\.2024/,
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
        en: /B\/L number akt-7 is already in the ledger \(Astana, 2024-08-03, id k3m9xq2w7p\)/,
        ru: /Коносамент akt-7 уже есть в журнале \(Astana, 03\.08\.2024, id k3m9xq2w7p\)/,
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
    // The voyage's dates (issue 12 part 2): their own sentences, every date the language's way,
    // the one typed too (14.08.2024 reads 2024-08-14 in English, 2024-08-16 reads 16.08.2024 in Russian).
    [
      { ...base, arrivalDate: '14.08.2024' },
      'arrivalDate.before_bl',
      {
        en: /^Arrival date 2024-08-14 is before the B\/L date 2024-08-15/,
        ru: /^Дата прибытия 14\.08\.2024 раньше даты коносамента 15\.08\.2024/,
        az: /^Gəlmə tarixi 14\.08\.2024 konosament tarixindən \(15\.08\.2024\)/,
        kk: /^Келу күні 14\.08\.2024 коносамент күнінен \(15\.08\.2024\)/,
      },
    ],
    [
      { ...base, dischargeDate: '2023-02-29' },
      'dischargeDate.impossible',
      {
        en: /^Discharge date 2023-02-29 does not exist: February 2023 has 28 days/,
        ru: /последний день этого месяца — 28\.02\.2023\.$/,
        az: /28\.02\.2023/,
        kk: /соңғы күні — 28\.02\.2023\.$/,
      },
    ],
    [
      { ...base, dischargeDate: '2024-08-16' },
      'dischargeDate.future',
      {
        en: /^Discharge date 2024-08-16 is in the future; today at Aktau is 2024-08-15/,
        ru: /^Дата выгрузки 16\.08\.2024 в будущем; сегодня в Актау 15\.08\.2024/,
        az: /^Boşaltma tarixi 16\.08\.2024 gələcəkdədir; Aktauda bu gün 15\.08\.2024/,
        kk: /^Түсіру күні 16\.08\.2024 болашақта; Ақтауда бүгін 15\.08\.2024/,
      },
    ],
    [
      { ...base, dischargeDate: TODAY, status: 'in_transit' },
      'status.discharge_date',
      {
        en: /discharge date \(2024-08-15\), so it is discharged/,
        ru: /дата выгрузки \(15\.08\.2024\), значит он выгружен/,
        az: /boşaltma tarixi var \(15\.08\.2024\)/,
        kk: /түсіру күні бар \(15\.08\.2024\)/,
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
      en: /^The ledger already holds a cargo of Astana dated 2024-08-03 with the same net tonnes \(id k3m9x2pq7d\)\./,
      ru: /^В журнале уже есть груз Astana от 03\.08\.2024 с той же массой нетто \(id k3m9x2pq7d\)\./,
      az: /^Jurnalda artıq Astana gəmisinin .*2024.* tarixli, eyni xalis çəkili yükü var \(id k3m9x2pq7d\)\./,
      kk: /^Журналда Astana кемесінің 03\.08\.2024 күнгі, таза салмағы дәл сондай жүгі бар \(id k3m9x2pq7d\)\./,
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

  test("a code without a translation, or an issue lacking a fact its sentence needs, shows the core's English", () => {
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
});

describe('what the form sends', () => {
  test('every field as typed, blank ones left out: the core reads 9 959,5 and 03.05.2024 itself', () => {
    const values = {
      ...initialValues({}, TODAY, 'ru'),
      vessel: 'A,B',
      netTonnes: '9\u202f959,5',
      outturnTonnes: '9,950.25',
      barrels: '79370,5',
      remarks: 'draft 6,5 m',
    };
    expect(entryInput(values)).toEqual({
      blDate: '15.08.2024',
      vessel: 'A,B',
      netTonnes: '9\u202f959,5',
      outturnTonnes: '9,950.25',
      barrels: '79370,5',
      remarks: 'draft 6,5 m',
      status: 'loaded',
      loadPort: 'Aktau',
      dischargeTerminal: 'Sangachal',
      shipper: 'KMG',
      receiver: 'SOCAR',
    });
    // What the core makes of it.
    const read = validateShipment(entryInput({ ...values, blDate: '03.05.2024' }), {
      today: TODAY,
      findByBlNumber: () => undefined,
      findSameCargo: () => [],
      force: true,
    });
    expect(read.ok && [read.value.blDate, read.value.netKg, read.value.outturnKg]).toEqual([
      '2024-05-03',
      9_959_500,
      9_950_250,
    ]);
  });

  test("a fresh form starts from what the last entry carried, else the field table's defaults", () => {
    const fresh = initialValues(
      { vessel: 'Taraz', status: 'в пути', receiver: ' ', blNumber: 'X' },
      TODAY,
      'en',
    );
    expect(fresh).toMatchObject({
      blDate: TODAY,
      vessel: 'Taraz',
      status: 'in_transit',
      receiver: 'SOCAR',
      blNumber: '',
      netTonnes: '',
      // The voyage's dates start blank, not at today: they have not happened yet.
      arrivalDate: '',
      dischargeDate: '',
    });
    expect(Object.keys(carriedDefaults(fresh)).sort()).toEqual(
      ['blDate', 'dischargeTerminal', 'grade', 'loadPort', 'receiver', 'shipper', 'status', 'vessel'].sort(),
    );
    // The B/L date carries too: kept as YYYY-MM-DD, shown the language's way; an unreadable one gives today.
    expect(carriedDefaults({ ...fresh, blDate: '14.08.2024' }).blDate).toBe('2024-08-14');
    // A status its discharge date decided is not carried to the next cargo, which has no dates yet.
    expect(carriedDefaults({ ...fresh, dischargeDate: '16.08.2024', status: 'discharged' }).status).toBe(
      'loaded',
    );
    expect(carriedDefaults({ ...fresh, status: 'in_transit' }).status).toBe('in_transit');
    expect(initialValues({ blDate: '2024-08-14' }, TODAY, 'ru').blDate).toBe('14.08.2024');
    expect(initialValues({ blDate: 'yesterday' }, TODAY, 'en').blDate).toBe(TODAY);
  });

  test("both forms follow the field table: its main group, then its 'more' group, each in the table's order", () => {
    expect(FORM_KEYS).toEqual([
      'blDate',
      'blNumber',
      'vessel',
      'voyage',
      'grade',
      'status',
      'netTonnes',
      'imo',
      'loadPort',
      'dischargeTerminal',
      'shipper',
      'receiver',
      'outturnTonnes',
      'barrels',
      'remarks',
      'arrivalDate',
      'dischargeDate',
    ]);
  });
});
