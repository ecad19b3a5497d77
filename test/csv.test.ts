import type { MonthProgress, Shipment } from '../electron/core/api';
import {
  BOM,
  monthlyCsv,
  neutraliseFormula,
  parseShipmentCsv,
  parseShipmentFile,
  registerCsv,
  restoreFormula,
} from '../electron/core/csv';
import { LANGUAGES } from '../electron/core/fields';
import { validateShipment, type ValidationContext } from '../electron/core/shipment';
import { cp1251 } from './support/cp1251';

/** A fully filled cargo, as the ledger would hold it. */
function shipment(overrides: Partial<Shipment> = {}): Shipment {
  return {
    id: 'shp-0001',
    blDate: '2024-03-12',
    vessel: 'Astana',
    netKg: 9_959_500,
    blNumber: 'AKT-2024-031',
    imo: '9336983',
    voyage: '12/24',
    grade: 'Tengiz',
    loadPort: 'Aktau',
    dischargeTerminal: 'Sangachal',
    shipper: 'KMG',
    receiver: 'SOCAR',
    status: 'discharged',
    outturnKg: 9_950_250,
    barrels: 79377.2,
    remarks: null,
    arrivalDate: '2024-03-14',
    dischargeDate: '2024-03-15',
    voided: false,
    voidReason: null,
    recordedAt: '2024-03-12T09:00:00.000Z',
    recordedBy: 'clerk',
    updatedAt: '2024-03-12T09:00:00.000Z',
    ...overrides,
  };
}

/** Only what must be there, so a row's text stays short enough to write out by hand. */
function bare(overrides: Partial<Shipment> = {}): Shipment {
  return shipment({
    id: 'a1',
    blNumber: null,
    imo: null,
    voyage: null,
    grade: null,
    status: 'loaded',
    outturnKg: null,
    barrels: null,
    arrivalDate: null,
    dischargeDate: null,
    ...overrides,
  });
}

const REGISTER_HEADER_COMMA =
  'ID,B/L date,B/L number,Vessel,IMO,Voyage,Grade,Load port,Discharge terminal,Shipper,Receiver,Status,Net tonnes,' +
  'Outturn tonnes,Barrels,Remarks,Arrival date,Discharge date\r\n';
const REGISTER_HEADER_SEMICOLON =
  'ID;B/L date;B/L number;Vessel;IMO;Voyage;Grade;Load port;Discharge terminal;Shipper;Receiver;Status;Net tonnes;' +
  'Outturn tonnes;Barrels;Remarks;Arrival date;Discharge date\r\n';

/** The rows after the BOM and header, checking those on the way. */
function registerRows(csv: string, separator: ',' | ';'): string {
  const head = BOM + (separator === ',' ? REGISTER_HEADER_COMMA : REGISTER_HEADER_SEMICOLON);
  expect(csv.slice(0, head.length)).toBe(head);
  return csv.slice(head.length);
}

describe('registerCsv', () => {
  it('writes a UTF-8 BOM, the English headers and CRLF after every line including the last', () => {
    expect(registerCsv([shipment()], ',')).toBe(
      '\uFEFF' +
        'ID,B/L date,B/L number,Vessel,IMO,Voyage,Grade,Load port,Discharge terminal,Shipper,Receiver,Status,' +
        'Net tonnes,Outturn tonnes,Barrels,Remarks,Arrival date,Discharge date\r\n' +
        'shp-0001,2024-03-12,AKT-2024-031,Astana,9336983,12/24,Tengiz,Aktau,Sangachal,KMG,SOCAR,discharged,' +
        '9959.500,9950.250,79377.2,,2024-03-14,2024-03-15\r\n',
    );
  });

  it('writes decimal commas when the separator is a semicolon, for Russian and Azerbaijani Excel', () => {
    expect(registerCsv([shipment()], ';')).toBe(
      '\uFEFF' +
        'ID;B/L date;B/L number;Vessel;IMO;Voyage;Grade;Load port;Discharge terminal;Shipper;Receiver;Status;' +
        'Net tonnes;Outturn tonnes;Barrels;Remarks;Arrival date;Discharge date\r\n' +
        'shp-0001;2024-03-12;AKT-2024-031;Astana;9336983;12/24;Tengiz;Aktau;Sangachal;KMG;SOCAR;discharged;' +
        '9959,500;9950,250;79377,2;;2024-03-14;2024-03-15\r\n',
    );
  });

  it('writes only the BOM and header for an empty register', () => {
    expect(registerCsv([], ';')).toBe('\uFEFF' + REGISTER_HEADER_SEMICOLON);
  });

  it('leaves missing values empty and spells the status out', () => {
    const csv = registerCsv([bare({ status: 'in_transit' })], ';');
    expect(registerRows(csv, ';')).toBe(
      'a1;2024-03-12;;Astana;;;;Aktau;Sangachal;KMG;SOCAR;in transit;9959,500;;;;;\r\n',
    );
  });

  it('never writes a thousands separator, whatever the size', () => {
    const csv = registerCsv([bare({ netKg: 1_234_567_891, barrels: 9_876_543.125 })], ',');
    expect(registerRows(csv, ',')).toBe(
      'a1,2024-03-12,,Astana,,,,Aktau,Sangachal,KMG,SOCAR,loaded,1234567.891,,9876543.125,,,\r\n',
    );
  });

  it('quotes a cell holding the separator, and leaves the other separator alone', () => {
    const remarks = 'Pump 2; draft 6,2 m';
    expect(registerRows(registerCsv([bare({ remarks })], ';'), ';')).toBe(
      'a1;2024-03-12;;Astana;;;;Aktau;Sangachal;KMG;SOCAR;loaded;9959,500;;;"Pump 2; draft 6,2 m";;\r\n',
    );
    expect(registerRows(registerCsv([bare({ remarks })], ','), ',')).toBe(
      'a1,2024-03-12,,Astana,,,,Aktau,Sangachal,KMG,SOCAR,loaded,9959.500,,,"Pump 2; draft 6,2 m",,\r\n',
    );
  });

  it('quotes a cell holding a quote and doubles the quote inside', () => {
    const csv = registerCsv([bare({ vessel: 'Akademik "Khoshbakht" Yusifzade' })], ',');
    expect(registerRows(csv, ',')).toBe(
      'a1,2024-03-12,,"Akademik ""Khoshbakht"" Yusifzade",,,,Aktau,Sangachal,KMG,SOCAR,loaded,9959.500,,,,,\r\n',
    );
  });

  it('quotes a cell holding a line break, CRLF, LF or CR alike', () => {
    const csv = registerCsv(
      [
        bare({ remarks: 'one\r\ntwo' }),
        bare({ id: 'a2', remarks: 'one\ntwo' }),
        bare({ id: 'a3', remarks: 'one\rtwo' }),
      ],
      ',',
    );
    expect(registerRows(csv, ',')).toBe(
      'a1,2024-03-12,,Astana,,,,Aktau,Sangachal,KMG,SOCAR,loaded,9959.500,,,"one\r\ntwo",,\r\n' +
        'a2,2024-03-12,,Astana,,,,Aktau,Sangachal,KMG,SOCAR,loaded,9959.500,,,"one\ntwo",,\r\n' +
        'a3,2024-03-12,,Astana,,,,Aktau,Sangachal,KMG,SOCAR,loaded,9959.500,,,"one\rtwo",,\r\n',
    );
  });

  it('writes Cyrillic text as it is', () => {
    const csv = registerCsv([bare({ vessel: 'Президент Гейдар Алиев', remarks: 'Груз принят' })], ';');
    expect(registerRows(csv, ';')).toBe(
      'a1;2024-03-12;;Президент Гейдар Алиев;;;;Aktau;Sangachal;KMG;SOCAR;loaded;9959,500;;;Груз принят;;\r\n',
    );
  });

  describe('guards against CSV injection (OWASP)', () => {
    it.each([
      ['=1+1', "'=1+1"],
      ['+1', "'+1"],
      ['-1', "'-1"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1', "'\t=1"],
      ['\r=1', `"'\r=1"`],
      ['\n=1', `"'\n=1"`],
      ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
      ['=1,2', `"'=1,2"`],
    ])('writes remarks %j as %j: an apostrophe first, nothing lost', (remarks, cell) => {
      const csv = registerCsv([bare({ remarks })], ',');
      expect(registerRows(csv, ',')).toBe(
        `a1,2024-03-12,,Astana,,,,Aktau,Sangachal,KMG,SOCAR,loaded,9959.500,,,${cell},,\r\n`,
      );
    });

    it('guards every text column, not only remarks', () => {
      const csv = registerCsv(
        [bare({ id: '-id', vessel: '=cmd|"/c calc"!A0', blNumber: '+7', shipper: '@KMG', remarks: '-dup' })],
        ',',
      );
      expect(registerRows(csv, ',')).toBe(
        `'-id,2024-03-12,'+7,"'=cmd|""/c calc""!A0",,,,Aktau,Sangachal,'@KMG,SOCAR,loaded,9959.500,,,'-dup,,\r\n`,
      );
    });

    it('leaves text that merely contains a formula character alone', () => {
      const csv = registerCsv([bare({ remarks: 'BS&W 0.2% = ok' })], ',');
      expect(registerRows(csv, ',')).toBe(
        'a1,2024-03-12,,Astana,,,,Aktau,Sangachal,KMG,SOCAR,loaded,9959.500,,,BS&W 0.2% = ok,,\r\n',
      );
    });
  });
});

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
  ])('prefixes %j with an apostrophe', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each([['Astana'], [''], ["'quoted'"], ['1+1'], [' =1']])('leaves %j unchanged', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('adds one more apostrophe to an apostrophe before a formula character, so import undoes it exactly', () => {
    expect(neutraliseFormula("'=1")).toBe("''=1");
    expect(neutraliseFormula("''-1")).toBe("'''-1");
  });
});

describe('restoreFormula', () => {
  it.each([
    ["'=1+1", '=1+1'],
    ["'-5 t short", '-5 t short'],
    ["'\t=1", '\t=1'],
    ["''=1", "'=1"],
    ["'quoted'", "'quoted'"],
    ['=1', '=1'],
  ])('reads %j as %j', (cell, text) => {
    expect(restoreFormula(cell)).toBe(text);
  });
});

describe('monthlyCsv', () => {
  const months: MonthProgress[] = [
    {
      month: '2024-01',
      state: 'closed',
      daysElapsed: 31,
      shipments: 14,
      tonnesKg: 120_000_500,
      cumulativeKg: 120_000_500,
      planKg: 121_234_000,
      cumulativePlanKg: 121_234_000,
      planToDateKg: 121_234_000,
      varianceKg: -1_233_500,
      // Closed: the report names who closed it (quoted where the name holds the separator) and when.
      closed: { by: 'Ayşe; Əliyeva', on: '2024-02-03' },
    },
    {
      // Ten days of 29: 113,415,000 × 10 / 29 = 39,108,620.69 → 39,108,621 kg due.
      month: '2024-02',
      state: 'current',
      daysElapsed: 10,
      shipments: 6,
      tonnesKg: 50_000_000,
      cumulativeKg: 170_000_500,
      planKg: 113_415_000,
      cumulativePlanKg: 234_649_000,
      planToDateKg: 39_108_621,
      varianceKg: 10_891_379,
    },
    {
      month: '2024-03',
      state: 'future',
      daysElapsed: 0,
      shipments: 0,
      tonnesKg: 0,
      cumulativeKg: 170_000_500,
      planKg: 121_234_000,
      cumulativePlanKg: 355_883_000,
      planToDateKg: null,
      varianceKg: null,
    },
  ];

  it('writes months with decimal commas for a semicolon file, and a negative variance stays a plain number', () => {
    expect(monthlyCsv(months, ';')).toBe(
      '\uFEFF' +
        'Month;Shipments;Tonnes;Cumulative tonnes;Plan tonnes;Cumulative plan tonnes;Plan to date tonnes;' +
        'Variance tonnes;Closed by;Closed on\r\n' +
        '2024-01;14;120000,500;120000,500;121234,000;121234,000;121234,000;-1233,500;"Ayşe; Əliyeva";2024-02-03\r\n' +
        '2024-02;6;50000,000;170000,500;113415,000;234649,000;39108,621;10891,379;;\r\n' +
        '2024-03;;;;121234,000;355883,000;;;;\r\n',
    );
  });

  it('writes months with decimal points for a comma file, the negative variance unguarded and unquoted', () => {
    expect(monthlyCsv(months, ',')).toBe(
      '\uFEFF' +
        'Month,Shipments,Tonnes,Cumulative tonnes,Plan tonnes,Cumulative plan tonnes,Plan to date tonnes,' +
        'Variance tonnes,Closed by,Closed on\r\n' +
        '2024-01,14,120000.500,120000.500,121234.000,121234.000,121234.000,-1233.500,Ayşe; Əliyeva,2024-02-03\r\n' +
        '2024-02,6,50000.000,170000.500,113415.000,234649.000,39108.621,10891.379,,\r\n' +
        '2024-03,,,,121234.000,355883.000,,,,\r\n',
    );
  });

  it('the month in progress is measured against its plan to date; a month not begun is its plan alone', () => {
    const [, february, march] = monthlyCsv(months, ',').split('\r\n').slice(1);
    // The variance column is Tonnes − Plan to date, as a formula in Excel would give it.
    expect(february?.split(',').slice(6)).toEqual(['39108.621', '10891.379', '', '']);
    // Not −121234.000: nothing of March is due yet, and empty cells add nothing to a SUM.
    expect(march).toBe('2024-03,,,,121234.000,355883.000,,,,');
  });
});

describe('parseShipmentCsv', () => {
  describe('reading back an exported register', () => {
    const awkward: Shipment[] = [
      shipment({
        vessel: 'Akademik "Khoshbakht" Yusifzade',
        blNumber: '-0042',
        imo: null,
        voyage: '=12',
        grade: 'Тенгиз',
        shipper: 'КМГ; Kazmortransflot',
        status: 'in_transit',
        outturnKg: null,
        barrels: 79377.25,
        remarks: 'Sampled; BS&W 0,2 %\r\nsecond line',
        dischargeDate: null,
      }),
      shipment({
        id: 'shp-0002',
        blDate: '2024-12-31',
        vessel: 'Туркменбаши, Taraz',
        netKg: 500,
        remarks: '@ports: "Aktau"\nline two',
        arrivalDate: null,
        dischargeDate: null,
        voided: true,
        voidReason: 'Duplicate; entered twice',
      }),
      shipment({
        id: 'shp-0003',
        grade: "'=already guarded",
        remarks: '\t=tab first',
      }),
    ];

    const expectedRows = [
      {
        line: 2,
        id: 'shp-0001',
        voided: false,
        input: {
          blDate: '2024-03-12',
          blNumber: '-0042',
          vessel: 'Akademik "Khoshbakht" Yusifzade',
          voyage: '=12',
          grade: 'Тенгиз',
          loadPort: 'Aktau',
          dischargeTerminal: 'Sangachal',
          shipper: 'КМГ; Kazmortransflot',
          receiver: 'SOCAR',
          status: 'in_transit',
          netTonnes: '9959.5',
          barrels: '79377.25',
          remarks: 'Sampled; BS&W 0,2 %\r\nsecond line',
          arrivalDate: '2024-03-14',
        },
      },
      {
        // The first row's remarks take two lines of the file.
        line: 4,
        id: 'shp-0002',
        // The register carries live cargoes only, so nothing read back from it is voided.
        voided: false,
        input: {
          blDate: '2024-12-31',
          blNumber: 'AKT-2024-031',
          vessel: 'Туркменбаши, Taraz',
          imo: '9336983',
          voyage: '12/24',
          grade: 'Tengiz',
          loadPort: 'Aktau',
          dischargeTerminal: 'Sangachal',
          shipper: 'KMG',
          receiver: 'SOCAR',
          status: 'discharged',
          netTonnes: '0.5',
          outturnTonnes: '9950.25',
          barrels: '79377.2',
          remarks: '@ports: "Aktau"\nline two',
        },
      },
      {
        line: 6,
        id: 'shp-0003',
        voided: false,
        input: {
          blDate: '2024-03-12',
          blNumber: 'AKT-2024-031',
          vessel: 'Astana',
          imo: '9336983',
          voyage: '12/24',
          grade: "'=already guarded",
          loadPort: 'Aktau',
          dischargeTerminal: 'Sangachal',
          shipper: 'KMG',
          receiver: 'SOCAR',
          status: 'discharged',
          netTonnes: '9959.5',
          outturnTonnes: '9950.25',
          barrels: '79377.2',
          remarks: '\t=tab first',
          arrivalDate: '2024-03-14',
          dischargeDate: '2024-03-15',
        },
      },
    ];

    it.each([[';' as const], [',' as const]])('gives back the same fields from a %j file', (separator) => {
      expect(parseShipmentCsv(registerCsv(awkward, separator))).toStrictEqual({
        rows: expectedRows,
        fileIssues: [],
      });
    });
  });

  it("reads a port office's sheet: semicolons, Russian headers, DD.MM.YYYY, spaced tonnes, decimal comma", () => {
    const sheet =
      '\uFEFFДата;Судно;Номер коносамента;Тонн;Примечание\r\n' +
      '05.03.2024;Taraz;АКТ-118;6 980,000;\r\n' +
      '12.03.2024;Astana;АКТ-121;9\u00A0959,5;груз принят\r\n' +
      ';;;;\r\n' +
      '\r\n' +
      '1.4.2024;Akademik Khoshbakht Yusifzade;АКТ-130;7\u202F800;\r\n';
    expect(parseShipmentCsv(sheet)).toStrictEqual({
      rows: [
        {
          line: 2,
          id: null,
          voided: false,
          input: { blDate: '2024-03-05', vessel: 'Taraz', blNumber: 'АКТ-118', netTonnes: '6980' },
        },
        {
          line: 3,
          id: null,
          voided: false,
          input: {
            blDate: '2024-03-12',
            vessel: 'Astana',
            blNumber: 'АКТ-121',
            netTonnes: '9959.5',
            remarks: 'груз принят',
          },
        },
        {
          line: 6,
          id: null,
          voided: false,
          input: {
            blDate: '2024-04-01',
            vessel: 'Akademik Khoshbakht Yusifzade',
            blNumber: 'АКТ-130',
            netTonnes: '7800',
          },
        },
      ],
      fileIssues: [],
    });
  });

  it('matches headers whatever their case, spacing and punctuation', () => {
    const text = 'b/l DATE,VESSEL ,Tonnes.,BL No.,Qty (t) ,voyage-no\n2024-03-12,Astana,9959.5,AKT-1,,7\n';
    const parsed = parseShipmentCsv(text);
    // "Tonnes." and "Qty (t)" both mean net tonnes.
    expect(parsed.fileIssues.map((issue) => issue.code)).toEqual(['csv.duplicate_column']);

    expect(
      parseShipmentCsv('b/l DATE,VESSEL ,Tonnes.,BL No.,voyage-no\n2024-03-12,Astana,9959.5,AKT-1,7\n'),
    ).toStrictEqual({
      rows: [
        {
          line: 2,
          id: null,
          voided: false,
          input: {
            blDate: '2024-03-12',
            vessel: 'Astana',
            netTonnes: '9959.5',
            blNumber: 'AKT-1',
            voyage: '7',
          },
        },
      ],
      fileIssues: [],
    });
  });

  it('knows the usual English and Russian names of every column', () => {
    const text =
      'Bill of lading date;Tanker;Net quantity;Bill of lading;IMO number;Рейс;Crude;Loading port;Discharge port;' +
      'Грузоотправитель;Consignee;Статус;Outturn;bbl;Notes\n' +
      '2024-03-12;Astana;9959,5;AKT-1;9336983;7;Tengiz;Aktau;Sangachal;KMG;SOCAR;discharged;9950;79377,2;ok\n';
    expect(parseShipmentCsv(text)).toStrictEqual({
      rows: [
        {
          line: 2,
          id: null,
          voided: false,
          input: {
            blDate: '2024-03-12',
            vessel: 'Astana',
            netTonnes: '9959.5',
            blNumber: 'AKT-1',
            imo: '9336983',
            voyage: '7',
            grade: 'Tengiz',
            loadPort: 'Aktau',
            dischargeTerminal: 'Sangachal',
            shipper: 'KMG',
            receiver: 'SOCAR',
            status: 'discharged',
            outturnTonnes: '9950',
            barrels: '79377.2',
            remarks: 'ok',
          },
        },
      ],
      fileIssues: [],
    });
  });

  it.each([
    ['Дата B/L;№ B/L;Танкер;Масса нетто, т'],
    ['B/L tarixi;B/L №;Tanker;Netto çəki, t'],
    ['B/L күні;B/L №;Танкер;Нетто салмағы, т'],
  ])('still reads the B/L words the register headed its columns with before коносамент: %s', (header) => {
    const parsed = parseShipmentCsv(`${header}\n03.05.2024;F4;Astana;9959,5\n`);
    expect(parsed.fileIssues).toEqual([]);
    expect(parsed.rows[0]?.input).toEqual({
      blDate: '2024-05-03',
      blNumber: 'F4',
      vessel: 'Astana',
      netTonnes: '9959.5',
    });
  });

  describe('refusing a file whose columns it cannot account for', () => {
    it('refuses a file with an unknown column, naming it and the accepted names', () => {
      const parsed = parseShipmentCsv('Date;Vessel;Tonnes;Draught\n2024-03-12;Astana;9959,5;6,2\n');
      expect(parsed.rows).toEqual([]);
      expect(parsed.fileIssues).toEqual([
        {
          field: 'file',
          code: 'csv.unknown_column',
          message:
            'Column "Draught" is not one Transit Ledger knows, and its values would be lost. Rename it to one of: ' +
            'ID, B/L date, B/L number, Vessel, IMO, Voyage, Grade, Load port, Discharge terminal, Shipper, ' +
            'Receiver, Status, Net tonnes, Outturn tonnes, Barrels, Remarks, Arrival date, Discharge date, Voided, ' +
            'Void reason; ' +
            'or delete the column.',
          facts: { column: 'Draught' },
        },
      ]);
    });

    it('refuses a file missing the date, vessel or tonnes column, saying which', () => {
      const parsed = parseShipmentCsv('Vessel;Remarks\nAstana;late\n');
      expect(parsed.rows).toEqual([]);
      expect(parsed.fileIssues).toEqual([
        {
          field: 'file',
          code: 'csv.missing_column',
          message:
            'The file has no B/L date column. Add it, or name the column that holds it "B/L date" (also accepted: ' +
            '"Дата коносамента", "Konosament tarixi", "Коносамент күні", "BL date", "Date", ' +
            '"Bill of lading date", "Дата", "Дата B/L", "B/L tarixi", "Tarix", "B/L күні", "Күні").',
          facts: { field: 'blDate' },
        },
        {
          field: 'file',
          code: 'csv.missing_column',
          message:
            'The file has no Net tonnes column. Add it, or name the column that holds it "Net tonnes" (also ' +
            'accepted: "Масса нетто, т", "Netto çəki, t", "Нетто салмағы, т", "Tonnes", "Tons", "Net tons", ' +
            '"Quantity", "Net quantity", "Qty (t)", "Тонн", "Тонны", "Количество", "Количество (т)", ' +
            '"Нетто (т)", "Нетто, т", "Netto, t", "Ton").',
          facts: { field: 'netTonnes' },
        },
      ]);
    });

    it('refuses a file with two columns for the same field', () => {
      const parsed = parseShipmentCsv('Date;B/L date;Vessel;Tonnes\n2024-03-12;2024-03-12;Astana;9959,5\n');
      expect(parsed.rows).toEqual([]);
      expect(parsed.fileIssues).toEqual([
        {
          field: 'file',
          code: 'csv.duplicate_column',
          message: 'Columns "Date" and "B/L date" both mean B/L date. Keep one of them.',
          facts: { first: 'Date', second: 'B/L date', field: 'blDate' },
        },
      ]);
    });

    it('refuses a row with more cells than the header, naming its line', () => {
      const parsed = parseShipmentCsv(
        'Date,Vessel,Tonnes\n2024-03-12,Astana,9959.5\n2024-03-13,Taraz,6980,5\n',
      );
      expect(parsed.rows).toEqual([]);
      expect(parsed.fileIssues).toEqual([
        {
          field: 'file',
          code: 'csv.too_many_cells',
          message:
            'Line 3 has 4 cells but the header names 3 columns. ' +
            'A value probably contains an unquoted comma; wrap it in quotes.',
          facts: { line: 3, cells: 4, columns: 3, separator: 'comma' },
        },
      ]);
    });

    it('refuses a value under a column with no name', () => {
      const parsed = parseShipmentCsv('Date;Vessel;Tonnes;\n2024-03-12;Astana;9959,5;oops\n');
      expect(parsed.rows).toEqual([]);
      expect(parsed.fileIssues.map((issue) => issue.code)).toEqual(['csv.unnamed_column']);
      expect(parsed.fileIssues[0]?.message).toContain(
        'Column 4 has no name in the header, but line 2 has a value in it.',
      );
      expect(parsed.fileIssues[0]?.facts).toEqual({ column: 4, line: 2 });
    });

    it('refuses a file with a quote that never closes', () => {
      const parsed = parseShipmentCsv('Date;Vessel;Tonnes\n2024-03-12;"Astana;9959,5\n');
      expect(parsed.rows).toEqual([]);
      expect(parsed.fileIssues.map((issue) => issue.code)).toEqual(['csv.malformed']);
      expect(parsed.fileIssues[0]?.facts).toEqual({ line: 2 });
    });

    it.each([[''], ['\uFEFF'], ['\r\n\r\n']])('refuses an empty file %j', (text) => {
      expect(parseShipmentCsv(text)).toEqual({
        rows: [],
        fileIssues: [
          {
            field: 'file',
            code: 'csv.empty',
            message: 'The file is empty. It needs a header row naming its columns, then one row per cargo.',
          },
        ],
      });
    });
  });

  it('tolerates empty cells after the last column, as Excel leaves them', () => {
    expect(parseShipmentCsv('Date;Vessel;Tonnes;\n2024-03-12;Astana;9959,5;;\n')).toStrictEqual({
      rows: [
        {
          line: 2,
          id: null,
          voided: false,
          input: { blDate: '2024-03-12', vessel: 'Astana', netTonnes: '9959.5' },
        },
      ],
      fileIssues: [],
    });
  });

  it.each([
    ['a header alone', 'Date;Vessel;Tonnes\r\n'],
    ['a header and blank rows', 'Date;Vessel;Tonnes\r\n;;\r\n\r\n   \r\n'],
  ])('refuses %s: the file has no rows, which is not "0 added"', (_name, text) => {
    expect(parseShipmentCsv(text)).toStrictEqual({
      rows: [],
      fileIssues: [
        {
          field: 'file',
          code: 'file.empty',
          message: 'The file has a header but no rows: nothing to import.',
        },
      ],
    });
  });

  it('leaves empty and blank cells out so the validator applies its defaults', () => {
    const parsed = parseShipmentCsv(
      'Date;Vessel;Tonnes;Remarks;Grade;Status\n2024-03-12;Astana;9959,5;;   ;\n',
    );
    expect(parsed.rows[0]?.input).toStrictEqual({
      blDate: '2024-03-12',
      vessel: 'Astana',
      netTonnes: '9959.5',
    });
  });

  it('skips empty rows and rows of separators, and counts their lines', () => {
    const text =
      'Date,Vessel,Tonnes\r\n\r\n,,\r\n2024-03-12,Astana,9959.5\r\n   \r\n\r\n2024-03-13,Taraz,6980\r\n,,\r\n';
    expect(parseShipmentCsv(text).rows.map((row) => row.line)).toEqual([4, 7]);
  });

  it.each([
    [
      'LF',
      'Date;Vessel;Tonnes;Remarks\n2024-03-12;Astana;9959,5;"one\ntwo\nthree"\n2024-03-13;Taraz;6980;\n',
    ],
    [
      'CRLF',
      'Date;Vessel;Tonnes;Remarks\r\n2024-03-12;Astana;9959,5;"one\r\ntwo\r\nthree"\r\n2024-03-13;Taraz;6980;\r\n',
    ],
    [
      'CR',
      'Date;Vessel;Tonnes;Remarks\r2024-03-12;Astana;9959,5;"one\rtwo\rthree"\r2024-03-13;Taraz;6980;\r',
    ],
  ])('gives the real line of a row after a cell spanning three lines (%s)', (_name, text) => {
    expect(parseShipmentCsv(text).rows.map((row) => row.line)).toEqual([2, 5]);
  });

  it('counts lines by the file, not by bytes, when Cyrillic precedes them', () => {
    const text =
      'Дата;Судно;Тонн;Примечание\n12.03.2024;Астана;9959,5;"Груз\nпринят"\n13.03.2024;Тараз;6980;\n';
    expect(parseShipmentCsv(text).rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('splits rows on each line end even when a file mixes them', () => {
    const text = 'Date,Vessel,Tonnes\r\n2024-03-12,Astana,9959.5\n2024-03-13,Taraz,6980\r\n';
    expect(parseShipmentCsv(text).rows.map((row) => [row.line, row.input.vessel])).toEqual([
      [2, 'Astana'],
      [3, 'Taraz'],
    ]);
  });

  it('detects a tab-separated file', () => {
    expect(
      parseShipmentCsv('Date\tVessel\tTonnes\n12.03.2024\tAstana\t9959.5\n').rows[0]?.input,
    ).toStrictEqual({
      blDate: '2024-03-12',
      vessel: 'Astana',
      netTonnes: '9959.5',
    });
  });

  describe("Excel's first line sep=X", () => {
    const SEMICOLON = 'Date;Vessel;Tonnes\r\n12.03.2024;Astana;9 959,5\r\n13.03.2024;Taraz;6980\r\n';
    const WITHOUT = parseShipmentCsv(SEMICOLON);

    it.each([
      ['sep=;', 'sep=;\r\n'],
      ['sep=; ended by LF', 'sep=;\n'],
      ['sep=; ended by CR', 'sep=;\r'],
      ['"sep=;" in quotes', '"sep=;"\r\n'],
      ['sep=; after a BOM', '\uFEFFsep=;\r\n'],
      ['SEP=; in capitals', 'SEP=;\r\n'],
      ['sep=; with a space after it', 'sep=; \r\n'],
    ])(
      '%s names the separator and is no header: the rows read as without it, a line further down',
      (_n, first) => {
        expect(WITHOUT.rows.map((row) => row.input)).toStrictEqual([
          { blDate: '2024-03-12', vessel: 'Astana', netTonnes: '9959.5' },
          { blDate: '2024-03-13', vessel: 'Taraz', netTonnes: '6980' },
        ]);
        expect(parseShipmentCsv(first + SEMICOLON)).toStrictEqual({
          rows: WITHOUT.rows.map((row) => ({ ...row, line: row.line + 1 })),
          fileIssues: [],
        });
      },
    );

    it.each([
      ['sep=,', 'sep=,\r\nDate,Vessel,Tonnes\r\n12.03.2024,Astana,9959.5\r\n'],
      ['sep=<tab>', 'sep=\t\nDate\tVessel\tTonnes\n12.03.2024\tAstana\t9959.5\n'],
    ])('%s names its separator too', (_name, text) => {
      expect(parseShipmentCsv(text)).toStrictEqual({
        rows: [
          {
            line: 3,
            input: { blDate: '2024-03-12', vessel: 'Astana', netTonnes: '9959.5' },
            id: null,
            voided: false,
          },
        ],
        fileIssues: [],
      });
    });

    it('a quote that never closes is refused naming its line in the file, the sep=; line counted', () => {
      const parsed = parseShipmentCsv('sep=;\nDate;Vessel;Tonnes\n2024-03-12;"Astana;9959,5\n');
      expect(parsed.fileIssues.map((issue) => [issue.code, issue.facts])).toEqual([
        ['csv.malformed', { line: 3 }],
      ]);
    });

    it.each([['sep='], ['sep=;;']])(
      '%s names no one separator: refused in one sentence, not read as a header',
      (first) => {
        const parsed = parseShipmentCsv(`${first}\nDate;Vessel;Tonnes\n12.03.2024;Astana;9959,5\n`);
        expect(parsed.fileIssues.map((issue) => issue.code)).toEqual(['csv.separator_unsupported']);
      },
    );

    it.each([['sep=|'], ['"sep=|"']])(
      '%s names a separator the import does not read: refused saying so',
      (first) => {
        expect(parseShipmentCsv(`${first}\nDate|Vessel|Tonnes\n12.03.2024|Astana|9959.5\n`)).toStrictEqual({
          rows: [],
          fileIssues: [
            {
              field: 'file',
              code: 'csv.separator_unsupported',
              message:
                'The file\'s first line "sep=|" names "|" as the separator, but Transit Ledger reads files ' +
                'separated by semicolons, commas or tabs. Save the sheet from Excel as CSV again.',
              facts: { character: '|' },
            },
          ],
        });
      },
    );

    it('a file of sep=; alone is empty', () => {
      expect(parseShipmentCsv('sep=;\r\n').fileIssues.map((issue) => issue.code)).toEqual(['csv.empty']);
    });
  });

  it('detects the separator from the header, ignoring separators inside quoted names', () => {
    // Four commas inside the quotes against three semicolons outside them.
    expect(
      parseShipmentCsv('"Date";"Vessel";"Tonnes";"Remarks, notes, comments, etc., etc."\n').fileIssues,
    ).toEqual([
      expect.objectContaining({
        code: 'csv.unknown_column',
        message: expect.stringContaining('Column "Remarks, notes, comments, etc., etc."'),
      }),
    ]);
    expect(parseShipmentCsv('"Date, B/L";Vessel;Tonnes\n').fileIssues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('Column "Date, B/L"'),
      expect.stringContaining('no B/L date column'),
    ]);
  });

  describe('numbers', () => {
    it.each([
      ['9959,5', '9959.5'],
      ['9959.5', '9959.5'],
      ['9959', '9959'],
      ['9 959,5', '9959.5'],
      ['9\u00A0959,500', '9959.5'],
      ['9\u202F959,5', '9959.5'],
      ['0,5', '0.5'],
      // A figure that reads either way, in a file whose figures show no mark: left, for the validator to ask.
      ['9.959', '9.959'],
      ['1.234.567', '1234567'],
      ['9.959,5', '9959.5'],
      ['abc', 'abc'],
      // Both marks: the last is the decimal mark, whatever the file's own.
      ['9,959.5', '9959.5'],
      ['9,959', '9,959'],
      ['1,2,3', '1,2,3'],
      // Spaces only between groups of three: "99 59" is two figures run together, not 9959.
      ['99 59', '99 59'],
      ['-5', '-5'],
    ])('in a semicolon file reads tonnes %j as %j', (cell, tonnes) => {
      const parsed = parseShipmentCsv(
        `Date;Vessel;Tonnes;Outturn;Barrels\n2024-03-12;Astana;${cell};${cell};${cell}\n`,
      );
      expect(parsed.rows[0]?.input).toStrictEqual({
        blDate: '2024-03-12',
        vessel: 'Astana',
        netTonnes: tonnes,
        outturnTonnes: tonnes,
        barrels: tonnes,
      });
    });

    it.each([
      ['9959.5', '9959.5'],
      ['"9959,5"', '9959.5'],
      ['"9,959"', '9,959'],
      ['"9,959.5"', '9959.5'],
      ['9 959.5', '9959.5'],
      ['"9.959,5"', '9959.5'],
      ['9.959', '9.959'],
      ['12 t', '12 t'],
    ])('in a comma file reads tonnes %s as %j', (cell, tonnes) => {
      const parsed = parseShipmentCsv(`Date,Vessel,Tonnes\n2024-03-12,Astana,${cell}\n`);
      expect(parsed.rows[0]?.input).toStrictEqual({
        blDate: '2024-03-12',
        vessel: 'Astana',
        netTonnes: tonnes,
      });
    });
  });

  describe('a figure that reads either way (9,959: nine thousand, or nine point nine?)', () => {
    const tonnesOf = (text: string) => parseShipmentCsv(text).rows.map((row) => row.input.netTonnes);

    it('takes the decimal mark the file’s other figures show, whatever its separator', () => {
      expect(tonnesOf('Date;Vessel;Tonnes\n2024-03-12;Astana;9959,500\n2024-03-13;Astana;9,959\n')).toEqual([
        '9959.5',
        '9.9590',
      ]);
      expect(tonnesOf('Date;Vessel;Tonnes\n2024-03-12;Astana;9 959,5\n2024-03-13;Astana;9.959\n')).toEqual([
        '9959.5',
        '9959',
      ]);
      // Barrels count as evidence too: `76610.39` shows a point in a semicolon file.
      const barrels = 'Date;Vessel;Tonnes;Barrels\n2024-03-12;Astana;9,959;76610.39\n';
      expect(tonnesOf(barrels)).toEqual(['9959']);
    });

    it('is left for the person to settle when the file shows no mark, or shows both', () => {
      expect(tonnesOf('Date;Vessel;Tonnes\n2024-03-12;Astana;9,959\n2024-03-13;Astana;6980\n')).toEqual([
        '9,959',
        '6980',
      ]);
      const both =
        'Date;Vessel;Tonnes\n2024-03-12;Astana;9959,5\n2024-03-13;Astana;6980.5\n2024-03-14;Taraz;9,959\n';
      expect(tonnesOf(both)).toEqual(['9959.5', '6980.5', '9,959']);
    });
  });

  describe('dates', () => {
    it.each([
      ['2024-03-05', '2024-03-05'],
      ['05.03.2024', '2024-03-05'],
      ['5.3.2024', '2024-03-05'],
      ['05/03/2024', '2024-03-05'],
      ['29.02.2024', '2024-02-29'],
      [' 05.03.2024 ', '2024-03-05'],
      // Not a real day, or not a form the date reader knows: left as written, for the validator to
      // refuse quoting the file ("31.02.2024 does not exist: February 2024 has 29 days").
      ['31.02.2024', '31.02.2024'],
      ['29.02.2023', '29.02.2023'],
      ['05.03.24', '05.03.24'],
      ['05.03/2024', '05.03/2024'],
      ['5 March 2024', '5 March 2024'],
      ['2024-02-30', '2024-02-30'],
    ])('reads %j as %j', (cell, date) => {
      const parsed = parseShipmentCsv(`Date;Vessel;Tonnes\n${cell};Astana;9959\n`);
      expect(parsed.rows[0]?.input.blDate).toBe(date);
    });
  });

  describe('status', () => {
    it.each([
      ['loaded', 'loaded'],
      ['in transit', 'in_transit'],
      ['In-Transit', 'in_transit'],
      ['in_transit', 'in_transit'],
      ['В пути', 'in_transit'],
      ['Выгружен', 'discharged'],
      ['DISCHARGED', 'discharged'],
      ['lost at sea', 'lost at sea'],
    ])('reads %j as %j', (cell, status) => {
      const parsed = parseShipmentCsv(`Date;Vessel;Tonnes;Status\n2024-03-12;Astana;9959;${cell}\n`);
      expect(parsed.rows[0]?.input.status).toBe(status);
    });
  });

  it('takes the ID and Voided columns out of the shipment input, treating any word but "no" as voided', () => {
    const text =
      'ID,Date,Vessel,Tonnes,Voided,Void reason\n' +
      'a1,2024-03-12,Astana,9959.5,yes,dup\n' +
      'a2,2024-03-12,Astana,9959.5,no,\n' +
      ',2024-03-12,Astana,9959.5,,\n' +
      'a4,2024-03-12,Astana,9959.5,void,\n';
    expect(parseShipmentCsv(text).rows.map((row) => [row.id, row.voided, Object.keys(row.input)])).toEqual([
      ['a1', true, ['blDate', 'vessel', 'netTonnes']],
      ['a2', false, ['blDate', 'vessel', 'netTonnes']],
      [null, false, ['blDate', 'vessel', 'netTonnes']],
      ['a4', true, ['blDate', 'vessel', 'netTonnes']],
    ]);
  });

  it('removes the guarding apostrophe from text cells, and only that one', () => {
    const text =
      "Date;Vessel;Tonnes;Remarks\n2024-03-12;'=Astana;9959;'-5 t short\n2024-03-12;'Astana;9959;''=1\n";
    expect(parseShipmentCsv(text).rows.map((row) => [row.input.vessel, row.input.remarks])).toEqual([
      ['=Astana', '-5 t short'],
      ["'Astana", "'=1"],
    ]);
  });
});

describe('a header cell quoted in a message', () => {
  it('is cut to 60 characters, so a wrong file does not echo a whole line back', () => {
    const [issue] = parseShipmentCsv(
      `Date;Vessel;Tonnes;${'x'.repeat(100_000)}\n2024-03-12;Astana;9959,5;1\n`,
    ).fileIssues;
    expect(issue?.code).toBe('csv.unknown_column');
    expect(issue?.message).toContain(`Column "${'x'.repeat(57)}…" is not one`);
    expect(issue?.message.length).toBeLessThan(400);
  });
});

describe("reports in the reader's language", () => {
  it('writes the register with Russian headers and status words, decimal commas and the rest as in English', () => {
    expect(registerCsv([shipment()], ';', 'ru')).toBe(
      '\uFEFF' +
        'ID;Дата коносамента;Номер коносамента;Танкер;Номер IMO;Рейс;Сорт нефти;Порт погрузки;Терминал выгрузки;' +
        'Грузоотправитель;Грузополучатель;Статус;Масса нетто, т;Масса при выгрузке, т;Баррели;Примечания;' +
        'Дата прибытия;Дата выгрузки\r\n' +
        'shp-0001;2024-03-12;AKT-2024-031;Astana;9336983;12/24;Tengiz;Aktau;Sangachal;KMG;SOCAR;выгружен;9959,500;' +
        '9950,250;79377,2;;2024-03-14;2024-03-15\r\n',
    );
  });

  it.each([
    [
      'az',
      'ID;Konosament tarixi;Konosament nömrəsi;Tanker;IMO nömrəsi;Reys;Neft növü;Yükləmə limanı;' +
        'Boşaltma terminalı;Yükgöndərən;Yükalan;Status;Netto çəki, t;Boşaltmada çəki, t;Barrel;Qeydlər;' +
        'Gəlmə tarixi;Boşaltma tarixi',
      'boşaldılıb',
    ],
    [
      'kk',
      'ID;Коносамент күні;Коносамент нөмірі;Танкер;IMO нөмірі;Рейс;Мұнай сұрыбы;Тиеу порты;Түсіру терминалы;' +
        'Жүк жөнелтуші;Жүк алушы;Күйі;Нетто салмағы, т;Түсірудегі салмақ, т;Баррель;Ескертпелер;' +
        'Келу күні;Түсіру күні',
      'түсірілді',
    ],
  ] as const)(
    'writes the register in %s: its headers and its status word',
    (language, header, discharged) => {
      const csv = registerCsv([shipment()], ';', language);
      expect(csv.split('\r\n').slice(0, 2)).toEqual([
        `\uFEFF${header}`,
        `shp-0001;2024-03-12;AKT-2024-031;Astana;9336983;12/24;Tengiz;Aktau;Sangachal;KMG;SOCAR;${discharged};` +
          `9959,500;9950,250;79377,2;;2024-03-14;2024-03-15`,
      ]);
    },
  );

  it('quotes a header holding the separator, as any cell: a Russian register with commas', () => {
    expect(registerCsv([], ',', 'ru')).toContain(',"Масса нетто, т","Масса при выгрузке, т",');
  });

  it('writes the monthly summary with headers in the language', () => {
    expect(monthlyCsv([], ';', 'az')).toBe(
      '\uFEFFAy;Reyslər;Göndərilib, t;Məcmu, t;Plan, t;Məcmu plan, t;Tarixədək plan, t;Kənarlaşma, t;Bağlayan;' +
        'Bağlanma tarixi\r\n',
    );
    expect(monthlyCsv([], ';', 'kk')).toBe(
      '\uFEFFАй;Рейстер;Жөнелтілді, т;Жинақталған, т;Жоспар, т;Жинақталған жоспар, т;Күнге дейінгі жоспар, т;' +
        'Ауытқу, т;Жапқан;Жабылған күні\r\n',
    );
    expect(monthlyCsv([], ',')).toBe(
      '\uFEFFMonth,Shipments,Tonnes,Cumulative tonnes,Plan tonnes,Cumulative plan tonnes,Plan to date tonnes,' +
        'Variance tonnes,Closed by,Closed on\r\n',
    );
  });

  describe('every export, in every language and with either separator, imports back unchanged', () => {
    const cargoes: Shipment[] = [
      shipment({
        status: 'loaded',
        arrivalDate: null,
        dischargeDate: null,
        remarks: '=SUM(A1); "quoted"\nsecond line',
        shipper: '-KMG',
        grade: 'Kashagan',
      }),
      shipment({
        id: 'shp-0002',
        blNumber: 'AKT-2024-032',
        status: 'in_transit',
        dischargeDate: null,
        vessel: 'Туркменбаши, Taraz',
        outturnKg: null,
        barrels: 79.377,
      }),
      // Figures that look like a thousands separator once written
      // (9.959 t, 12.5 t): the file's decimal mark settles them.
      shipment({
        id: 'shp-0003',
        blNumber: 'AKT-2024-033',
        status: 'discharged',
        netKg: 9_959,
        outturnKg: 12_500,
        barrels: 123.456,
      }),
      shipment({
        id: 'shp-0004',
        blNumber: null,
        imo: null,
        voyage: null,
        grade: null,
        netKg: 99_999_999,
        outturnKg: null,
        barrels: null,
      }),
    ];
    // Confirmed, as a person would: the odd barrels and tonnes here are about the file, not the cargo.
    const context: ValidationContext = {
      today: '2100-01-01',
      findByBlNumber: () => undefined,
      findSameCargo: () => [],
      force: true,
    };
    const fieldsOf = ({
      id: _i,
      voided: _v,
      voidReason: _r,
      recordedAt: _a,
      recordedBy: _b,
      updatedAt: _u,
      recordedOrder: _o,
      ...fields
    }: Shipment) => fields;

    it.each(
      LANGUAGES.flatMap(
        (language) =>
          [
            [language, ';'],
            [language, ','],
          ] as const,
      ),
    )('in %s with %j', (language, separator) => {
      const parsed = parseShipmentCsv(registerCsv(cargoes, separator, language));
      expect(parsed.fileIssues).toEqual([]);
      expect(parsed.rows.map((row) => row.id)).toEqual(cargoes.map((cargo) => cargo.id));
      const read = parsed.rows.map((row) => validateShipment(row.input, context));
      expect(read.map((result) => (result.ok ? result.value : result.errors))).toEqual(cargoes.map(fieldsOf));
    });
  });

  it.each([
    [
      'Azerbaijani',
      'Konosament tarixi;Tanker;Netto çəki, t;Status;Qeydlər\r\n' +
        '03.05.2024;Astana;9 959,5;Boşaldılıb;yoxlanılıb\r\n27.11.2024;Liwa;7.800,25;YOLDADIR;\r\n',
    ],
    [
      'Kazakh',
      'Коносамент күні;Танкер;Нетто салмағы, т;Күйі;Ескертпелер\r\n' +
        '03.05.2024;Astana;9 959,5;Түсірілді;yoxlanılıb\r\n27.11.2024;Liwa;7.800,25;жолда;\r\n',
    ],
  ])(
    'reads a hand-made %s sheet: its headers, its status words, its dates and numbers',
    (_language, sheet) => {
      expect(parseShipmentCsv(sheet).rows.map((row) => row.input)).toStrictEqual([
        {
          blDate: '2024-05-03',
          vessel: 'Astana',
          netTonnes: '9959.5',
          status: 'discharged',
          remarks: 'yoxlanılıb',
        },
        { blDate: '2024-11-27', vessel: 'Liwa', netTonnes: '7800.25', status: 'in_transit' },
      ]);
    },
  );

  it('in a tab-separated file showing no decimal mark, "9,959" is left for the person to settle', () => {
    const parsed = parseShipmentCsv(
      'Date\tVessel\tTonnes\n2024-03-12\tAstana\t9,959\n2024-03-12\tTaraz\t6980\n',
    );
    expect(parsed.rows.map((row) => row.input.netTonnes)).toEqual(['9,959', '6980']);
    const result = validateShipment(parsed.rows[0]?.input, {
      today: '2024-08-15',
      findByBlNumber: () => undefined,
      findSameCargo: () => [],
    });
    expect(!result.ok && result.errors[0]).toMatchObject({
      code: 'netTonnes.ambiguous',
      facts: { asThousandsKg: 9_959_000, asDecimalKg: 9_959 },
    });
  });
});

describe('parseShipmentFile: the bytes of a sheet as Excel saves it', () => {
  const cyrillicRows = [
    { blDate: '2024-05-03', blNumber: '№ АКТ-0417', vessel: 'Актау', netTonnes: '9959.5' },
    { blDate: '2024-05-04', blNumber: 'АКТ-0418', vessel: '«Ёлкино» — Тараз', netTonnes: '6980' },
  ];

  it('reads a Russian Excel "CSV (разделители - запятые)" in Windows-1251, vessel names and all', () => {
    const text =
      'Дата коносамента;Номер коносамента;Судно;Тонны\r\n' +
      '03.05.2024;№ АКТ-0417;Актау;9\u00a0959,5\r\n04.05.2024;АКТ-0418;«Ёлкино» — Тараз;6980\r\n';
    const parsed = parseShipmentFile({ kind: 'bytes', bytes: cp1251(text) });
    expect(parsed.fileIssues).toEqual([]);
    expect(parsed.encoding).toBe('windows-1251');
    expect(parsed.rows.map((row) => row.input)).toEqual(cyrillicRows);
  });

  it('reads Excel "Unicode text": UTF-16LE with a BOM, tab-separated, decimal commas', () => {
    const text =
      'Дата коносамента\tНомер коносамента\tСудно\tТонны\r\n' +
      '03.05.2024\t№ АКТ-0417\tАктау\t9959,5\r\n04.05.2024\tАКТ-0418\t"«Ёлкино» — Тараз"\t6980\r\n';
    const parsed = parseShipmentFile({
      kind: 'bytes',
      bytes: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
    });
    expect(parsed.fileIssues).toEqual([]);
    expect(parsed.encoding).toBe('utf-16le');
    expect(parsed.rows.map((row) => [row.line, row.input])).toEqual(
      cyrillicRows.map((input, i) => [i + 2, input]),
    );
  });

  it('passes a refused encoding on as the one file issue, with no rows', () => {
    const parsed = parseShipmentFile({
      kind: 'bytes',
      bytes: new Uint8Array(
        Buffer.from('B/L date,Vessel,Net tonnes\n2024-07-01,Ast\xff(na,9959.5\n', 'latin1'),
      ),
    });
    expect(parsed).toMatchObject({
      rows: [],
      encoding: null,
      fileIssues: [{ field: 'file', code: 'file.encoding', facts: { line: 2 } }],
    });
  });

  it('takes text a caller decoded, unless a decoder left U+FFFD in it', () => {
    expect(
      parseShipmentFile({ kind: 'text', text: 'Date;Vessel;Tonnes\n2024-03-12;Astana;9959,5\n' }),
    ).toMatchObject({ encoding: null, fileIssues: [], rows: [{ input: { vessel: 'Astana' } }] });
    expect(
      parseShipmentFile({ kind: 'text', text: 'Date;Vessel;Tonnes\n2024-03-12;Ast\uFFFDna;9959,5\n' }),
    ).toMatchObject({ rows: [], fileIssues: [{ code: 'file.replacement_char' }] });
  });
});
