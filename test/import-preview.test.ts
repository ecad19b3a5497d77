/**
 * Issue 9: an import preview shows each listed row's date, vessel and tonnes beside its message,
 * so a person can find the row and check it before committing; and every problem it lists carries
 * its code and facts, so a page in any language can say it without reading the English.
 */
import { parseShipmentCsv } from '../electron/core/csv';
import { cargo, ClerkLedger } from './support/service';

const ledger = ClerkLedger.perTest();

describe('each listed row carries its cargo as read, whatever the validator made of it', () => {
  test('invalid, duplicate, voided and warned rows each show their date, vessel and tonnes', async () => {
    await ledger.service.recordShipment(cargo({ blNumber: 'KZ-7' }));
    const text = [
      'B/L date;Vessel;Net tonnes;B/L number;Voided',
      '31.02.2024;Astana;9 959,5;KZ-1;',
      '01.08.2024;  Taraz   Star ;abc;KZ-2;',
      '02.08.2024;Liwa;8800;KZ-7;',
      '03.08.2024;Aktau;6900;KZ-3;да',
      '02.03.2023;Astana;7 000,25;KZ-4;',
      ';;;KZ-5;',
      '05.08.2024;Astana;6000;KZ-6;',
      '',
    ].join('\r\n');
    const report = await ledger.service.importCsv({ text, dryRun: true });
    expect(report).toMatchObject({ added: 2, invalid: 3, duplicates: 1, skipped: 1, unlistedRows: 1 });
    expect(
      report.rows.map(({ line, outcome, blDate, vessel, netKg, blDateText, netTonnesText }) => ({
        line,
        outcome,
        blDate,
        vessel,
        netKg,
        blDateText,
        netTonnesText,
      })),
    ).toEqual([
      // A date that does not exist: kept as written, so the row can still be found.
      {
        line: 2,
        outcome: 'invalid',
        blDate: null,
        vessel: 'Astana',
        netKg: 9_959_500,
        blDateText: '31.02.2024',
        netTonnesText: null,
      },
      // Tonnes that are no number; the vessel's spaces as the validator would keep them.
      {
        line: 3,
        outcome: 'invalid',
        blDate: '2024-08-01',
        vessel: 'Taraz Star',
        netKg: null,
        blDateText: null,
        netTonnesText: 'abc',
      },
      {
        line: 4,
        outcome: 'duplicate',
        blDate: '2024-08-02',
        vessel: 'Liwa',
        netKg: 8_800_000,
        blDateText: null,
        netTonnesText: null,
      },
      {
        line: 5,
        outcome: 'skipped',
        blDate: '2024-08-03',
        vessel: 'Aktau',
        netKg: 6_900_000,
        blDateText: null,
        netTonnesText: null,
      },
      {
        line: 6,
        outcome: 'add',
        blDate: '2023-03-02',
        vessel: 'Astana',
        netKg: 7_000_250,
        blDateText: null,
        netTonnesText: null,
      },
      // Blank cells are no value, not text.
      {
        line: 7,
        outcome: 'invalid',
        blDate: null,
        vessel: null,
        netKg: null,
        blDateText: null,
        netTonnesText: null,
      },
    ]);
  });

  test('a figure that could be read two ways is shown as written, not guessed', async () => {
    // A tab file declares no decimal mark, so 9,959 stays a question.
    const text = 'B/L date\tVessel\tNet tonnes\n2024-08-01\tAstana\t9,959\n';
    const [row] = (await ledger.service.importCsv({ text, dryRun: true })).rows;
    expect(row).toMatchObject({ outcome: 'invalid', netKg: null, netTonnesText: '9,959' });
  });

  test('a huge cell is cut, so a wrong file does not echo itself back', async () => {
    const text = `B/L date;Vessel;Net tonnes\n${'9'.repeat(5000)};${'A'.repeat(5000)};${'1'.repeat(5000)}x\n`;
    const [row] = (await ledger.service.importCsv({ text, dryRun: true })).rows;
    expect(row?.vessel).toHaveLength(100);
    expect(row?.blDateText).toHaveLength(40);
    expect(row?.netTonnesText).toHaveLength(40);
    expect(row?.vessel?.endsWith('…')).toBe(true);
  });

  test('with allRows every row has its cargo, a plain row too', async () => {
    const text = 'B/L date,Vessel,Net tonnes\n2024-08-01,Astana,9959.5\n';
    const report = await ledger.service.importCsv({ text, dryRun: true, allRows: true });
    expect(report.rows).toEqual([
      expect.objectContaining({ outcome: 'add', blDate: '2024-08-01', vessel: 'Astana', netKg: 9_959_500 }),
    ]);
  });
});

describe('a row with several problems lists every one of them', () => {
  test('a status no one knows and a tanker not in the fleet: both, the tanker with Astana offered', async () => {
    const text = ['B/L date;Vessel;Net tonnes;Status', '01.08.2024;Astna;9000;sailing', ''].join('\n');
    const report = await ledger.service.importCsv({ text, dryRun: true });
    expect(report.invalid).toBe(1);
    const row = report.rows[0];
    expect(
      [...(row?.issues ?? []), ...(row?.warnings ?? [])].map(({ field, code }) => [field, code]),
    ).toEqual([
      ['status', 'status.unknown'],
      ['vessel', 'vessel.unknown'],
    ]);
    const asked = [...(row?.issues ?? []), ...(row?.warnings ?? [])].find(
      (issue) => issue.field === 'vessel',
    );
    expect(asked?.facts).toMatchObject({ suggestions: expect.stringContaining('Astana') });
  });

  test('a cargo above its tanker’s deadweight is asked about beside a bad status', async () => {
    // The default fleet gives each tanker the class deadweight, 13,000 t: 14,000 t in Taraz is asked about.
    const text = ['B/L date;Vessel;Net tonnes;Status', '01.08.2024;Taraz;14000;sailing', ''].join('\n');
    const report = await ledger.service.importCsv({ text, dryRun: true });
    const row = report.rows[0];
    expect([...(row?.issues ?? []), ...(row?.warnings ?? [])].map(({ code }) => code)).toEqual([
      'status.unknown',
      'netTonnes.above_deadweight',
    ]);
  });

  test('a tanker the fleet knows is not asked about beside a bad status', async () => {
    const text = ['B/L date;Vessel;Net tonnes;Status', '01.08.2024;Astana;9000;sailing', ''].join('\n');
    const report = await ledger.service.importCsv({ text, dryRun: true });
    const row = report.rows[0];
    expect([...(row?.issues ?? []), ...(row?.warnings ?? [])].map(({ code }) => code)).toEqual([
      'status.unknown',
    ]);
  });
});

describe('file problems carry their specifics as facts', () => {
  const facts = (text: string) =>
    parseShipmentCsv(text).fileIssues.map(({ code, facts }) => ({ code, facts }));

  test('columns unknown, repeated, missing or nameless', () => {
    expect(facts('Date;Vessel;Tonnes;Draught\n2024-03-12;Astana;9959,5;6,2\n')).toEqual([
      { code: 'csv.unknown_column', facts: { column: 'Draught' } },
    ]);
    expect(facts('Date;Дата коносамента;Vessel;Tonnes\n')).toEqual([
      { code: 'csv.duplicate_column', facts: { first: 'Date', second: 'Дата коносамента', field: 'blDate' } },
    ]);
    expect(facts('Vessel;Remarks\nAstana;late\n')).toEqual([
      { code: 'csv.missing_column', facts: { field: 'blDate' } },
      { code: 'csv.missing_column', facts: { field: 'netTonnes' } },
    ]);
    expect(facts('Date;Vessel;Tonnes;\n2024-03-12;Astana;9959,5;oops\n')).toEqual([
      { code: 'csv.unnamed_column', facts: { column: 4, line: 2 } },
    ]);
  });

  test('a row too long for its header, broken quoting, an empty file', () => {
    expect(facts('Date;Vessel;Tonnes\n2024-03-12;Astana;9959;5;x\n')).toEqual([
      { code: 'csv.too_many_cells', facts: { line: 2, cells: 5, columns: 3, separator: 'semicolon' } },
    ]);
    expect(facts('Date;Vessel;Tonnes\n2024-03-12;"Astana;9959,5\n')).toEqual([
      { code: 'csv.malformed', facts: { line: 2 } },
    ]);
    expect(facts('')).toEqual([{ code: 'csv.empty', facts: undefined }]);
    expect(facts('Date;Vessel;Tonnes\n')).toEqual([{ code: 'file.empty', facts: undefined }]);
  });
});
