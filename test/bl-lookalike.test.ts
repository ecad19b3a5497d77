/**
 * A B/L number that only looks new (issue 9's adversary: one 9,000 t cargo counted three times): an
 * invisible character, a pasted dash or fullwidth letters are not part of the number, so the bill
 * is the one already recorded and refused as such; Cyrillic letters drawn as Latin ones (АКТ-1 and
 * AKT-1) make a number that looks the same though its letters differ, which is asked, on every path.
 */
import { Ledger } from '../electron/core/ledger';
import { LedgerState } from '../electron/core/state';
import { journalFields } from './support/journal-records';
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
    ['a hyphen bullet', 'AKT\u20431'],
    ['a modifier minus', 'AKT\u02d71'],
    ['a combining grapheme joiner', 'AKT-1\u034f'],
    ['a variation selector', 'AKT-1\ufe0f'],
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

describe('characters a number is not written with', () => {
  test.each([
    ['a Hangul filler', 'AKT-1\u3164'],
    ['a braille blank', 'AKT-1\u2800'],
    ['Greek letters drawn as Latin ones', '\u0391\u039a\u03a4-1'],
    ['a superscript digit', 'AKT-1\u00b2'],
  ])('%s is refused, naming the character, even with force', async (_what, typed) => {
    const error = await refusal(() =>
      ledger.service.recordShipment(cargo({ blNumber: typed }), { force: true }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ field: 'blNumber', code: 'blNumber.characters' }),
    ]);
  });

  test('a voyage number is held to the same letters', async () => {
    const error = await refusal(() => ledger.service.recordShipment(cargo({ voyage: 'AST-24/\u2800' })));
    expect(error.issues.map((issue) => issue.code)).toEqual(['voyage.characters']);
  });
});

describe('a ledger written before numbers were cleaned', () => {
  /** Two bills as an older version let them in: AKT-1, and AKT‑1 with a non-breaking hyphen. */
  function olderPair(): void {
    ledger.service.close();
    const state = new LedgerState();
    const old = Ledger.open(ledger.file, { apply: state.apply, actor: 'clerk' });
    old.append([{ type: 'record', id: 'old0000001', shipment: { ...journalFields(1), blNumber: 'AKT-1' } }]);
    old.append([
      { type: 'record', id: 'old0000002', shipment: { ...journalFields(2), blNumber: 'AKT\u20111' } },
    ]);
    old.close();
    ledger.reopen();
  }

  test('opens with nothing lost, and an amend of another field keeps the number as it was written', async () => {
    olderPair();
    expect((await ledger.service.info()).recovery).toBeNull();
    const { shipment } = await ledger.service.amendShipment(
      'old0000002',
      { netTonnes: '9100' },
      { reason: 'B/L' },
    );
    expect(shipment).toMatchObject({ blNumber: 'AKT\u20111', netKg: 9_100_000 });
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

  test('rows differing by an invisible character or a pasted dash are one bill: the repeat is skipped', async () => {
    const sheet = [
      header,
      '02.08.2024;Astana;9000;SNG-1',
      '02.08.2024;Astana;9000;SNG\u200b-1',
      '02.08.2024;Astana;9000;SNG\u20111',
      '',
    ].join('\n');
    const report = await ledger.service.importCsv({ text: sheet, allRows: true });
    expect(report.rows.map((row) => row.outcome)).toEqual(['add', 'duplicate', 'duplicate']);
    expect(report).toMatchObject({ committed: true, added: 1 });
    ledger.reopen();
    expect((await ledger.service.info()).recovery).toBeNull();
  });

  test('a row repeating a ledger bill but for an invisible character is skipped as that bill', async () => {
    await ledger.service.recordShipment(cargo({ blNumber: 'SNG-1' }));
    const sheet = [header, '02.08.2024;Astana;9000;SNG-1\u200b', ''].join('\n');
    const report = await ledger.service.importCsv({ text: sheet, allRows: true });
    expect(report.rows.map((row) => row.outcome)).toEqual(['duplicate']);
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
