import {
  applyFilters,
  buildIndex,
  cachedIndex,
  cachedOrder,
  NO_FILTERS,
  registerRows,
  searchTerms,
  sortOrder,
  sortValues,
  type RegisterFilters,
  type SortState,
} from '../../../renderer/src/register/model';
import { changedInput, valuesFromShipment } from '../../../renderer/src/entry/form-values';
import { calendarDate, dateTime } from '../../../renderer/src/format';
import { fieldLabel, monthLabel, pluralCategory, statusLabel } from '../../../renderer/src/register/text';
import { translate } from '../../../renderer/src/i18n';
import { shipment } from './fixtures';

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
const byDateDesc: SortState = { key: 'blDate', direction: 'desc' };

function rows(
  list: Parameters<typeof registerRows>[0],
  filters: Partial<RegisterFilters>,
  sort: SortState = byDateDesc,
) {
  return registerRows(list, sort, { ...NO_FILTERS, ...filters }, collator);
}

describe('filters', () => {
  const a = shipment({
    id: 'a',
    blDate: '2024-01-05',
    vessel: 'Astana',
    netKg: 9_959_500,
    remarks: 'Draft survey',
  });
  const b = shipment({
    id: 'b',
    blDate: '2024-01-20',
    vessel: 'Liwa',
    netKg: 8_800_000,
    remarks: 'shore figure pending',
  });
  const c = shipment({
    id: 'c',
    blDate: '2024-02-03',
    vessel: 'Astana',
    netKg: 6_900_001,
    remarks: 'Shore tank',
  });
  const d = shipment({
    id: 'd',
    blDate: '2024-01-25',
    vessel: 'Astana',
    netKg: 7_000_250,
    remarks: 'shore tank',
    voided: true,
    voidReason: 'entered twice',
  });
  const e = shipment({
    id: 'e',
    blDate: '2024-01-28',
    vessel: 'Astana',
    netKg: 9_000_999,
    remarks: 'Shore figures pending',
    grade: 'Kashagan',
  });
  const f = shipment({
    id: 'f',
    blDate: '2024-01-31',
    vessel: 'Astana',
    netKg: 8_123_456,
    remarks: null,
    blNumber: 'SHORE-7',
    status: 'in_transit',
  });
  const all = [a, b, d, e, f, c];

  test('vessel, month and text combine; the total is the exact sum of the shown live rows', () => {
    const { shipments, result } = rows(all, { vessel: 'Astana', month: '01', text: 'SHORE' });
    expect(shipments.map((s) => s.id)).toEqual(['f', 'e']);
    // 9,000.999 t + 8,123.456 t = 17,124.455 t
    expect(result.totalKg).toBe(17_124_455);
    expect(result.liveCount).toBe(2);
  });

  test('voided rows are hidden until asked for, and then shown but not counted', () => {
    expect(rows(all, {}).shipments.map((s) => s.id)).not.toContain('d');
    const { shipments, result } = rows(all, {
      vessel: 'Astana',
      month: '01',
      text: 'shore',
      showVoided: true,
    });
    expect(shipments.map((s) => s.id)).toEqual(['f', 'e', 'd']);
    expect(result.totalKg).toBe(17_124_455);
    expect(result.voidedCount).toBe(1);
  });

  test('the text search finds B/L numbers, vessels, voyages, remarks and void reasons; every word must occur', () => {
    expect(rows(all, { text: 'shore-7' }).shipments.map((s) => s.id)).toEqual(['f']);
    expect(rows(all, { text: 'liwa' }).shipments.map((s) => s.id)).toEqual(['b']);
    expect(rows(all, { text: 'twice', showVoided: true }).shipments.map((s) => s.id)).toEqual(['d']);
    expect(rows(all, { text: '  shore   pending ' }).shipments.map((s) => s.id)).toEqual(['e', 'b']);
    expect(searchTerms(' A  b ')).toEqual(['a', 'b']);
  });

  test('grade and status filters; a vessel the year does not have shows nothing', () => {
    expect(rows(all, { grade: 'Kashagan' }).shipments.map((s) => s.id)).toEqual(['e']);
    expect(rows(all, { status: 'in_transit' }).shipments.map((s) => s.id)).toEqual(['f']);
    expect(rows(all, { vessel: 'Taraz' }).shipments).toEqual([]);
  });

  test('no filter: every live row, total of all live rows', () => {
    const { result } = rows(all, {});
    expect(result.rows.length).toBe(5);
    expect(result.totalKg).toBe(9_959_500 + 8_800_000 + 6_900_001 + 9_000_999 + 8_123_456);
  });

  test('the index lists vessels and grades present, alphabetically, and the months seen', () => {
    const index = buildIndex(all, collator);
    expect(index.vessels).toEqual(['Astana', 'Liwa']);
    expect(index.grades).toEqual(['Kashagan', 'Tengiz']);
    expect(index.months).toEqual([1, 2]);
  });
});

describe('sorting', () => {
  const list = [
    shipment({ id: 'p', blDate: '2024-05-01', netKg: 7_000_000, outturnKg: 6_990_000, blNumber: 'AKT-10' }),
    shipment({ id: 'q', blDate: '2024-05-01', netKg: 9_000_000, outturnKg: null, blNumber: 'AKT-9' }),
    shipment({ id: 'r', blDate: '2024-04-30', netKg: 7_000_000, outturnKg: 6_995_000, blNumber: 'akt-11' }),
    shipment({ id: 's', blDate: '2024-12-31', netKg: 6_000_000, outturnKg: null, blNumber: null }),
  ];
  const ids = (sort: SortState) => rows(list, {}, sort).shipments.map((s) => s.id);

  test('by tonnes, both ways; equal tonnes keep the ledger order (stable) in both directions', () => {
    expect(ids({ key: 'netKg', direction: 'asc' })).toEqual(['s', 'p', 'r', 'q']);
    expect(ids({ key: 'netKg', direction: 'desc' })).toEqual(['q', 'p', 'r', 's']);
  });

  test('by B/L date, both ways, same-day cargoes in entry order', () => {
    expect(ids({ key: 'blDate', direction: 'asc' })).toEqual(['r', 'p', 'q', 's']);
    expect(ids({ key: 'blDate', direction: 'desc' })).toEqual(['s', 'p', 'q', 'r']);
  });

  test('missing values go last whichever the direction', () => {
    expect(ids({ key: 'outturnKg', direction: 'asc' })).toEqual(['p', 'r', 'q', 's']);
    expect(ids({ key: 'outturnKg', direction: 'desc' })).toEqual(['r', 'p', 'q', 's']);
    expect(ids({ key: 'blNumber', direction: 'desc' })).toEqual(['r', 'p', 'q', 's']);
  });

  test('text sorts in natural order, ignoring case', () => {
    expect(ids({ key: 'blNumber', direction: 'asc' })).toEqual(['q', 'p', 'r', 's']);
  });

  test('sortOrder alone is a permutation', () => {
    const index = buildIndex(list, collator);
    const order = sortOrder(sortValues(index, 'status', collator), 'asc');
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(applyFilters(index, order, NO_FILTERS).rows.length).toBe(4);
  });
});

describe('the edit form', () => {
  const original = shipment({
    netKg: 9_959_500,
    remarks: 'Draft survey',
    outturnKg: null,
    barrels: 79370.25,
    status: 'discharged',
  });

  // The edit dialog shows figures as the language writes them for typing: no groups, its decimal
  // mark, no trailing zeros (it showed 9959.500 before issue 9), and dates as dates are shown.
  test('shows tonnes and dates as the language writes them, and missing values as empty', () => {
    const en = valuesFromShipment(original, 'en');
    expect([en.netTonnes, en.outturnTonnes, en.barrels, en.blDate]).toEqual([
      '9959.5',
      '',
      '79370.25',
      original.blDate,
    ]);
    const ru = valuesFromShipment(original, 'ru');
    expect([ru.netTonnes, ru.barrels]).toEqual(['9959,5', '79370,25']);
    expect(ru.blDate).toBe(original.blDate.split('-').reverse().join('.'));
  });

  test('sends only what changed, as typed; the same value written another way is no change; emptied is null', () => {
    const initial = valuesFromShipment(original, 'en');
    expect(changedInput(initial, { ...initial, netTonnes: '9959.500' })).toEqual({});
    expect(changedInput(initial, { ...initial, netTonnes: ' 9960 ' })).toEqual({ netTonnes: ' 9960 ' });
    expect(changedInput(initial, { ...initial, remarks: '', status: 'in_transit' })).toEqual({
      remarks: null,
      status: 'in_transit',
    });
    expect(changedInput(initial, { ...initial, vessel: ' Astana ' })).toEqual({});
  });

  test("figures and dates written as the app shows them are read by the core's own readers", () => {
    const initial = valuesFromShipment(original, 'en');
    for (const same of ['9959,5', '9 959,5', '9,959.5', '9.959,5', '9\u202f959,500'])
      expect(changedInput(initial, { ...initial, netTonnes: same })).toEqual({});
    expect(changedInput(initial, { ...initial, netTonnes: '9 960,25' })).toEqual({ netTonnes: '9 960,25' });
    const [y, m, d] = original.blDate.split('-');
    expect(changedInput(initial, { ...initial, blDate: `${d}.${m}.${y}` })).toEqual({});
  });

  test('fields and statuses carry the entry form’s names, in each language, kilograms named as tonnes', () => {
    const ru = (key: string) => translate('ru', key);
    expect(fieldLabel(ru, 'netKg')).toBe(translate('ru', 'entry.field.netTonnes'));
    expect(fieldLabel(ru, 'netKg')).toBe('Масса нетто, т');
    expect(fieldLabel(ru, 'vessel')).toBe(translate('ru', 'entry.field.vessel'));
    expect(statusLabel(ru, 'in_transit')).toBe('В пути');
  });

  test('Russian counts take their plural forms', () => {
    expect([1, 2, 5, 21, 0].map((n) => pluralCategory('ru', n))).toEqual([
      'one',
      'few',
      'many',
      'one',
      'many',
    ]);
    expect(
      translate('ru', `register.footer.${pluralCategory('ru', 3)}`, { count: 3, total: '1,000\u00a0т' }),
    ).toBe('Показаны 3 отгрузки, итого 1,000\u00a0т');
  });
});

describe('dates and months', () => {
  test('a B/L date is written from its string, one way per language, whatever the time zone', () => {
    // English as stored (no reader takes it for another day); the others as their clerks write it.
    expect(calendarDate('en', '2024-12-31')).toBe('2024-12-31');
    expect(calendarDate('ru', '2024-01-01')).toBe('01.01.2024');
    expect(calendarDate('kk', '2024-02-29')).toBe('29.02.2024');
    expect(calendarDate('az', '2024-12-31')).toBe('31.12.2024');
  });

  test('a moment is its local date, written the same way, and 24-hour time', () => {
    const at = new Date(2024, 2, 12, 9, 5).toISOString();
    expect(dateTime('en', at)).toBe('2024-03-12 09:05');
    expect(dateTime('ru', at)).toBe('12.03.2024 09:05');
  });

  test('month names come from the translations (some Chromium builds lack Kazakh and Azerbaijani month names)', () => {
    expect([1, 12].map((m) => monthLabel('kk', m))).toEqual(['Қаңтар', 'Желтоқсан']);
    expect(monthLabel('az', 6)).toBe('İyun');
    expect(monthLabel('en', 3)).toBe('March');
  });
});

describe('caches', () => {
  test('the index and each sort order are built once per loaded array and language', () => {
    const list = [shipment({ id: 'a', netKg: 2 }), shipment({ id: 'b', netKg: 1 })];
    const index = cachedIndex(list, collator);
    expect(cachedIndex(list, collator)).toBe(index);
    expect(cachedIndex([...list], collator)).not.toBe(index);
    expect(cachedIndex(list, new Intl.Collator('ru-RU'))).not.toBe(index);
    const asc = cachedOrder(index, { key: 'netKg', direction: 'asc' }, collator);
    expect([...asc]).toEqual([1, 0]);
    expect(cachedOrder(index, { key: 'netKg', direction: 'asc' }, collator)).toBe(asc);
    expect([...cachedOrder(index, { key: 'netKg', direction: 'desc' }, collator)]).toEqual([0, 1]);
  });
});
