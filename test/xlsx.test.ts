/**
 * Excel workbooks (issue 12 part 7), read back with an independent reader (read-excel-file) and,
 * for what a reader of values does not show (frozen header, filter, number formats), the sheet's
 * own XML: every cell of every report is checked against the ledger.
 */
import { unzipSync, strFromU8 } from 'fflate';
import type { MonthProgress, Shipment } from '../electron/core/api';
import { monthlyHeaders, registerHeaders } from '../electron/core/csv';
import { enumWord, FIELDS, LANGUAGES, type Language } from '../electron/core/fields';
import { LedgerService } from '../electron/core/service';
import {
  monthlyTable,
  registerTable,
  workbookBytes,
  type WorkbookContext,
} from '../electron/core/xlsx/reports';
import { readWorkbook, type ReadSheet, type WorkbookCell } from './support/read-workbook';
import { tempDir } from './support/temp';

type Cell = WorkbookCell;

const NOW = new Date('2024-06-10T07:00:00Z');

function sheetsOf(bytes: Buffer): Promise<ReadSheet[]> {
  return readWorkbook(bytes);
}

function partOf(bytes: Buffer, name: string): string {
  const part = unzipSync(new Uint8Array(bytes))[name];
  if (!part) throw new Error(`the workbook has no ${name}`);
  return strFromU8(part);
}

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number?];
  return new Date(Date.UTC(y, m - 1, d ?? 1));
}

/** What the register's row of `shipment` must hold, cell by cell, as a reader of the workbook sees it. */
function expectedRegisterRow(shipment: Shipment, language: Language): Cell[] {
  const record = shipment as Shipment & Record<string, unknown>;
  return [
    shipment.id,
    ...FIELDS.map((field): Cell => {
      const value = record[field.stored];
      if (value === null || value === undefined) return null;
      if (field.kind === 'date') return utcDate(String(value));
      if (field.kind === 'quantity') return (value as number) / 1000;
      if (field.kind === 'enum') return enumWord(field, String(value), language);
      return value as string | number;
    }),
  ];
}

async function seeded(temp: ReturnType<typeof tempDir>): Promise<LedgerService> {
  const service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'anna', now: () => NOW });
  await service.recordShipment({
    blDate: '2024-02-29',
    blNumber: 'AKT-0229',
    vessel: 'Liwa',
    imo: '9256315',
    netTonnes: '9 959,5',
    outturnTonnes: '9 912,004',
    barrels: '72946.1',
    remarks: '=HYPERLINK("http://example.com","click")\nsecond line',
  });
  await service.recordShipment({
    blDate: '2024-01-03',
    blNumber: 'AKT-0103',
    vessel: 'Taraz',
    netTonnes: '6980.001',
  });
  await service.recordShipment({
    blDate: '2024-03-15',
    blNumber: 'AKT-0315',
    vessel: 'Astana',
    netTonnes: '12000',
    barrels: '87960.3',
    status: 'discharged',
  });
  const voided = await service.recordShipment({ blDate: '2024-03-16', vessel: 'Astana', netTonnes: '5000' });
  await service.voidShipment(voided.shipment.id, 'entered twice');
  return service;
}

describe('the register as a workbook', () => {
  let temp: ReturnType<typeof tempDir>;
  let service: LedgerService;
  beforeAll(async () => {
    temp = tempDir();
    service = await seeded(temp);
  });
  afterAll(() => {
    service.close();
    temp.cleanup();
  });

  test.each(LANGUAGES)(
    'in %s, every cell is the ledger’s: numbers as numbers, dates as dates',
    async (language) => {
      const report = await service.exportReport({ year: 2024, report: 'register', format: 'xlsx', language });
      expect(report).toMatchObject({
        fileName: 'transit-register-2024.xlsx',
        format: 'xlsx',
        encoding: 'base64',
        rows: 3,
      });
      const [sheet, ...others] = await sheetsOf(Buffer.from(report.content, 'base64'));
      expect(others).toEqual([]);
      const live = service
        .listShipments({ year: 2024 })
        .then((all) => all.filter((s) => !s.voided).sort((a, b) => a.blDate.localeCompare(b.blDate)));
      const shipments = await live;
      const width = registerHeaders(language).length;
      const blank = (first: Cell): Cell[] => [first, ...new Array<Cell>(width - 1).fill(null)];
      const expected: Cell[][] = [
        blank(
          {
            en: 'Shipment register 2024',
            ru: 'Реестр отгрузок за 2024 год',
            az: '2024 ili üzrə göndərmələr reyestri',
            kk: '2024 жылғы жөнелтімдер тізілімі',
          }[language],
        ),
        blank(
          {
            en: 'As of 2024-06-10',
            ru: 'По состоянию на 10.06.2024',
            az: '10.06.2024 tarixinə',
            kk: '10.06.2024 күнгі жағдай',
          }[language],
        ),
        blank(null),
        registerHeaders(language),
        ...shipments.map((s) => expectedRegisterRow(s, language)),
      ];
      const net = FIELDS.findIndex((f) => f.key === 'netTonnes') + 1;
      const outturn = FIELDS.findIndex((f) => f.key === 'outturnTonnes') + 1;
      const barrels = FIELDS.findIndex((f) => f.key === 'barrels') + 1;
      const totals = blank({ en: 'Total', ru: 'Итого', az: 'Cəmi', kk: 'Барлығы' }[language]);
      // 9,959.500 + 6,980.001 + 12,000 t, exact to the kilogram; the voided cargo is not in it.
      totals[net] = 28939.501;
      totals[outturn] = 9912.004;
      // Barrels summed in thousandths: 72,946.1 + 87,960.3 is 160,906.40000000002 in floats.
      totals[barrels] = 160906.4;
      expected.push(totals);
      expect(sheet?.sheet).toBe({ en: 'Register', ru: 'Реестр', az: 'Reyestr', kk: 'Тізілім' }[language]);
      expect(sheet?.data).toEqual(expected);
    },
  );

  test('a remark that looks like a formula stays text: the workbook has no formula at all', async () => {
    const report = await service.exportReport({ year: 2024, report: 'register', format: 'xlsx' });
    const bytes = Buffer.from(report.content, 'base64');
    const xml = partOf(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toMatch(/<f[ >]/);
    const [sheet] = await sheetsOf(bytes);
    const column = sheet?.data[3]?.indexOf('Remarks') ?? -1;
    expect(column).toBeGreaterThan(0);
    const remarks = sheet?.data.map((row) => row[column]);
    expect(remarks).toContain('=HYPERLINK("http://example.com","click")\nsecond line');
  });

  test('the header is frozen and filtered, tonnes and dates carry Excel formats', async () => {
    const report = await service.exportReport({
      year: 2024,
      report: 'register',
      format: 'xlsx',
      language: 'ru',
    });
    const bytes = Buffer.from(report.content, 'base64');
    const xml = partOf(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<pane [^>]*ySplit="4"[^>]*state="frozen"/);
    // Header on row 4, three cargoes on rows 5-7, the totals below the filter on row 8.
    // Columns A to R: the register's sixteen, then the arrival and discharge dates.
    expect(xml).toMatch(/<autoFilter ref="A4:R7"\s*\/>/);
    expect(xml).toMatch(/<col [^>]*width=/);
    const styles = partOf(bytes, 'xl/styles.xml');
    expect(styles).toContain('formatCode="#,##0.000"');
    expect(styles).toContain('formatCode="dd.mm.yyyy"');
  });

  test('each figure cell carries its format (written row by row), and the file names its maker and date', async () => {
    const report = await service.exportReport({
      year: 2024,
      report: 'register',
      format: 'xlsx',
      language: 'ru',
    });
    const bytes = Buffer.from(report.content, 'base64');
    const styles = partOf(bytes, 'xl/styles.xml');
    const codes = new Map(
      [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
    const formatOfStyle = [...cellXfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) =>
      codes.get(m[1] ?? ''),
    );
    const xml = partOf(bytes, 'xl/worksheets/sheet1.xml');
    const formatOf = (ref: string) => {
      const style = new RegExp(`<c r="${ref}"[^>]* s="(\\d+)"`).exec(xml)?.[1];
      return style === undefined ? undefined : formatOfStyle[Number(style)];
    };
    const column = (key: string) => String.fromCharCode(66 + FIELDS.findIndex((f) => f.key === key));
    // Rows 5-7 are the three cargoes, row 8 the totals.
    for (const row of [5, 6, 7]) {
      expect(formatOf(`${column('blDate')}${row}`)).toBe('dd.mm.yyyy');
      expect(formatOf(`${column('netTonnes')}${row}`)).toBe('#,##0.000');
    }
    expect(formatOf(`${column('netTonnes')}8`)).toBe('#,##0.000');
    expect(formatOf(`${column('barrels')}5`)).toBe('#,##0.###');
    const core = partOf(bytes, 'docProps/core.xml');
    expect(core).toContain('<dc:creator>Transit Ledger</dc:creator>');
    expect(core).toContain('2024-06-10T07:00:00Z');
  });

  test('the CSV export is unchanged by the workbook: format left out is CSV', async () => {
    const report = await service.exportReport({ year: 2024, report: 'register' });
    expect(report).toMatchObject({ fileName: 'transit-register-2024.csv', format: 'csv', encoding: 'utf8' });
    expect(report.content.startsWith('\uFEFFID,')).toBe(true);
  });

  test('an unknown format is refused with its code', async () => {
    await expect(
      service.exportReport({ year: 2024, report: 'register', format: 'xls' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      issues: [expect.objectContaining({ field: 'format', code: 'format.unknown' })],
    });
  });
});

describe('the reconciliation as a workbook', () => {
  test('cargoes, vessels and months on a sheet each; totals over the cargoes with an outturn only', async () => {
    const temp = tempDir();
    const service = await seeded(temp);
    try {
      const report = await service.exportReport({
        year: 2024,
        report: 'reconciliation',
        format: 'xlsx',
        language: 'ru',
      });
      expect(report).toMatchObject({ fileName: 'transit-reconciliation-2024.xlsx', rows: 3 });
      const sheets = await sheetsOf(Buffer.from(report.content, 'base64'));
      expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Грузы', 'По судам', 'По месяцам']);
      const blank = new Array<Cell>(7).fill(null);
      // 9,959.500 t loaded, 9,912.004 t received: 47.496 t lost, 0.477 % of the B/L figure.
      expect(sheets[0]?.data).toEqual([
        ['Выгрузка и потери в пути за 2024 год', ...blank],
        ['По состоянию на 10.06.2024', ...blank],
        ['Норма потерь, % от коносамента: 0.500', ...blank],
        ['Итоги — по грузам с выгрузкой; ожидают выгрузки: 2', ...blank],
        [null, ...blank],
        [
          'Дата коносамента',
          'Номер коносамента',
          'Судно',
          'По коносаменту, т',
          'При выгрузке, т',
          'Потери, т',
          'Потери, %',
          'Состояние',
        ],
        [utcDate('2024-01-03'), 'AKT-0103', 'Taraz', 6980.001, null, null, null, 'ожидает выгрузки'],
        [utcDate('2024-02-29'), 'AKT-0229', 'Liwa', 9959.5, 9912.004, 47.496, 0.00477, 'в пределах нормы'],
        [utcDate('2024-03-15'), 'AKT-0315', 'Astana', 12000, null, null, null, 'ожидает выгрузки'],
        ['Итого', null, null, 9959.5, 9912.004, 47.496, 0.00477, null],
      ]);
      const months = sheets[2]?.data ?? [];
      expect(months.at(-1)).toEqual(['Итого', 1, 2, 9959.5, 9912.004, 47.496, 0.00477, 0]);
      expect(partOf(Buffer.from(report.content, 'base64'), 'xl/styles.xml')).toContain('formatCode="0.000%"');
    } finally {
      service.close();
      temp.cleanup();
    }
  });
});

describe('a gain in the reports', () => {
  test('a cargo that received more than it loaded is called a gain in the workbook and the CSV', async () => {
    const temp = tempDir();
    const service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'anna', now: () => NOW });
    try {
      await service.recordShipment({
        blDate: '2024-05-02',
        vessel: 'Astana',
        netTonnes: '10000',
        outturnTonnes: '10010',
      });
      const book = await service.exportReport({ year: 2024, report: 'reconciliation', format: 'xlsx' });
      const [cargoes] = await sheetsOf(Buffer.from(book.content, 'base64'));
      expect(cargoes?.data[6]?.slice(5)).toEqual([-10, -0.001, 'gain']);
      const csv = await service.exportReport({
        year: 2024,
        report: 'reconciliation',
        language: 'ru',
        separator: ';',
      });
      expect(csv.content.split('\r\n')[1]).toMatch(/;-10,000;-0,100;излишек$/);
    } finally {
      service.close();
      temp.cleanup();
    }
  });
});

describe('the monthly summary as a workbook', () => {
  const context: WorkbookContext = {
    year: 2024,
    language: 'kk',
    asOf: '2024-03-10',
    station: 'AKT',
    now: NOW,
  };
  const month = (n: number, state: MonthProgress['state'], shipments: number, kg: number): MonthProgress => ({
    month: `2024-${String(n).padStart(2, '0')}`,
    state,
    daysElapsed: state === 'future' ? 0 : 10,
    shipments,
    tonnesKg: kg,
    cumulativeKg: kg * n,
    planKg: 100_000_000,
    cumulativePlanKg: 100_000_000 * n,
    planToDateKg: state === 'future' ? null : 50_000_001,
    varianceKg: state === 'future' ? null : kg - 50_000_001,
  });
  const months = [
    { ...month(1, 'closed', 3, 30_000_001), closed: { by: 'aliya', on: '2024-02-03' } },
    month(2, 'current', 1, 9_959_500),
    month(3, 'future', 0, 0),
  ];

  test('months are dates, a month not begun has its plan alone, a closed one who closed it; totals exact', async () => {
    const bytes = await workbookBytes([monthlyTable(months, context)], context);
    const [sheet] = await sheetsOf(bytes);
    const blank = new Array<WorkbookCell>(9).fill(null);
    expect(sheet?.sheet).toBe('Айлар бойынша');
    expect(sheet?.data).toEqual([
      ['2024 жылғы айлық жөнелтімдер мен жоспар', ...blank],
      ['10.03.2024 күнгі жағдай', ...blank],
      ['Станция AKT', ...blank],
      [null, ...blank],
      monthlyHeaders('kk'),
      [
        utcDate('2024-01'),
        3,
        30000.001,
        30000.001,
        100000,
        100000,
        50000.001,
        -20000,
        'aliya',
        utcDate('2024-02-03'),
      ],
      [utcDate('2024-02'), 1, 9959.5, 19919, 100000, 200000, 50000.001, -40040.501, null, null],
      [utcDate('2024-03'), null, null, null, 100000, 300000, null, null, null, null],
      ['Барлығы', 4, 39959.501, null, 300000, null, 100000.002, -60040.501, null, null],
    ]);
    expect(partOf(bytes, 'xl/styles.xml')).toContain('formatCode="mm.yyyy"');
  });

  test('the station line is left out for a ledger that is no station', async () => {
    const plain = { ...context, language: 'en' as const, station: null };
    const [sheet] = await sheetsOf(await workbookBytes([registerTable([], plain)], plain));
    expect(sheet?.data.slice(0, 3).map((row) => row[0])).toEqual([
      'Shipment register 2024',
      'As of 2024-03-10',
      null,
    ]);
  });
});
