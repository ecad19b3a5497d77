/**
 * A B/L number that only looks new (issue 9's adversary: one 9,000 t cargo counted three times): an
 * invisible character, a pasted dash or fullwidth letters are not part of the number, so the bill
 * is the one already recorded and refused as such; Cyrillic letters drawn as Latin ones (АКТ-1 and
 * AKT-1) make a number that looks the same though its letters differ, which is asked, on every path.
 */
import { cargo, ClerkLedger } from './support/service';

interface Refusal {
  code: string;
  issues: { field: string; code: string; overridable?: boolean; facts?: object; message: string }[];
}

const ledger = ClerkLedger.perTest();
const refusal = (call: () => Promise<unknown>) => ledger.refused<Refusal>(call);
/** Cyrillic А, К and Т, drawn as the Latin A, K and T. */
const CYRILLIC_AKT = '\u0410\u041a\u0422';

describe('characters that are not part of a B/L number', () => {
  test.each([
    ['a zero-width space', 'AKT-1\u200b'],
    ['a soft hyphen', 'AKT\u00ad-1'],
    ['a non-breaking hyphen', 'AKT\u20111'],
    ['a minus sign', 'AKT\u22121'],
    ['fullwidth letters', '\uff21\uff2b\uff34-1'],
  ])('%s leaves the number already recorded, refused as the same bill', async (_what, typed) => {
    const { shipment } = await ledger.service.recordShipment(cargo({ blNumber: 'AKT-1' }));
    const error = await refusal(() =>
      ledger.service.recordShipment(cargo({ blNumber: typed, blDate: '2024-08-02' }), { force: true }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        code: 'blNumber.duplicate',
        facts: expect.objectContaining({ id: shipment.id }),
      }),
    ]);
  });

  test('is stored without them: the number reads as typed at the keyboard', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo({ blNumber: ' AKT\u2011\u200b7 ' }));
    expect(shipment.blNumber).toBe('AKT-7');
  });
});

describe('a B/L number that looks like another live cargo’s', () => {
  test('is asked about on record, naming the other bill; nothing is written', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo({ blNumber: 'AKT-1' }));
    const error = await refusal(() =>
      ledger.service.recordShipment(cargo({ blNumber: `${CYRILLIC_AKT}-1`, blDate: '2024-08-02' })),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        field: 'blNumber',
        code: 'blNumber.lookalike',
        overridable: true,
        facts: { blNumber: 'AKT-1', vessel: 'Astana', date: '2024-08-01', id: shipment.id },
      }),
    ]);
  });

  test('force records it, with the question kept as a warning', async () => {
    await ledger.service.recordShipment(cargo({ blNumber: 'AKT-1' }));
    const second = await ledger.service.recordShipment(
      cargo({ blNumber: `${CYRILLIC_AKT}-1`, blDate: '2024-08-02' }),
      {
        force: true,
      },
    );
    expect(second.warnings.map((w) => w.code)).toEqual(['blNumber.lookalike']);
  });

  test('is asked on an amend that changes the number, and not on one that leaves it', async () => {
    await ledger.service.recordShipment(cargo({ blNumber: 'AKT-1' }));
    const other = await ledger.service.recordShipment(cargo({ blNumber: 'AKT-2', blDate: '2024-08-02' }));
    const error = await refusal(() =>
      ledger.service.amendShipment(other.shipment.id, { blNumber: `${CYRILLIC_AKT}-1` }, { reason: 'typo' }),
    );
    expect(error.issues.map((issue) => issue.code)).toEqual(['blNumber.lookalike']);
    const kept = await ledger.service.amendShipment(
      other.shipment.id,
      { remarks: 'checked' },
      { reason: 'note' },
    );
    expect(kept.warnings).toEqual([]);
  });

  test('asks nothing once the other cargo is voided, or for numbers that only share their digits', async () => {
    const first = await ledger.service.recordShipment(cargo({ blNumber: 'AKT-1' }));
    await ledger.service.recordShipment(cargo({ blNumber: 'AKT-11', blDate: '2024-08-02' }));
    await ledger.service.recordShipment(cargo({ blNumber: 'AKT1', blDate: '2024-08-03' }));
    await ledger.service.voidShipment(first.shipment.id, 'entered in error');
    const again = await ledger.service.recordShipment(
      cargo({ blNumber: `${CYRILLIC_AKT}-1`, blDate: '2024-08-04' }),
    );
    expect(again.warnings).toEqual([]);
  });

  test('is found after a reopen, from the ledger as read from its file', async () => {
    await ledger.service.recordShipment(cargo({ blNumber: 'AKT-1' }));
    ledger.reopen();
    const error = await refusal(() =>
      ledger.service.recordShipment(cargo({ blNumber: `${CYRILLIC_AKT}-1`, blDate: '2024-08-02' })),
    );
    expect(error.issues.map((issue) => issue.code)).toEqual(['blNumber.lookalike']);
  });
});

describe('import', () => {
  const header = 'B/L date;Vessel;Tonnes;B/L number';

  test('a row whose number looks like a ledger cargo’s is asked about, so the file is not imported', async () => {
    await ledger.service.recordShipment(cargo({ blNumber: 'AKT-1' }));
    const sheet = [header, `02.08.2024;Astana;9000;${CYRILLIC_AKT}-1`, ''].join('\n');
    const report = await ledger.service.importCsv({ text: sheet, allRows: true });
    expect(report).toMatchObject({ committed: false, invalid: 1 });
    expect(report.rows[0]?.issues.map((issue) => issue.code)).toEqual(['blNumber.lookalike']);
  });

  test('a row whose number looks like an earlier row’s is skipped as that row again, naming its line', async () => {
    const sheet = [
      header,
      '02.08.2024;Astana;9000;AKT-2',
      `03.08.2024;Astana;9100;${CYRILLIC_AKT}-2`,
      '',
    ].join('\n');
    const report = await ledger.service.importCsv({ text: sheet, allRows: true });
    expect(report.rows.map((row) => row.outcome)).toEqual(['add', 'duplicate']);
    expect(report.rows[1]?.issues[0]).toMatchObject({ code: 'blNumber.duplicate', facts: { line: 2 } });
    expect(report).toMatchObject({ committed: true, added: 1, duplicates: 1 });
  });
});
