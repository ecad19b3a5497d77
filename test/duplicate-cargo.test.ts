/**
 * A second entry of one cargo, as a specification: a new cargo with the B/L date, vessel (in any
 * case and spacing) and net tonnes of a live one is a question the core asks on every path —
 * record, amend and import — and `force` answers it. Two distinct B/L numbers are two bills of
 * lading, never a question. An import skips such rows even with force, so a sheet imported twice
 * never adds a cargo twice.
 */
import { cargo, ClerkLedger } from './support/service';

interface Refusal {
  code: string;
  issues: { code: string; overridable?: boolean; facts?: object; message: string }[];
}

const ledger = ClerkLedger.perTest();

/** The error of a call that must be refused, once the ledger file is shown unchanged by it. */
const refusal = (call: () => Promise<unknown>) => ledger.refused<Refusal>(call);

describe('recording', () => {
  test('the same date, vessel and tonnes again is asked about, naming the other cargo; nothing written', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo());
    const error = await refusal(() =>
      ledger.service.recordShipment(cargo({ vessel: '  aSTANA ', netTonnes: '9959.500' })),
    );
    expect(error.code).toBe('invalid');
    expect(error.issues).toEqual([
      expect.objectContaining({
        field: '',
        code: 'shipment.duplicate',
        overridable: true,
        facts: { id: shipment.id, vessel: 'Astana', date: '2024-08-01' },
      }),
    ]);
    expect(error.issues[0]?.message).toMatch(/If this is a second cargo, confirm it/);
  });

  test('force records it, with the question kept as a warning', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo());
    const second = await ledger.service.recordShipment(cargo(), { force: true });
    expect(second.warnings).toEqual([
      expect.objectContaining({
        code: 'shipment.duplicate',
        facts: expect.objectContaining({ id: shipment.id }),
      }),
    ]);
    expect(await ledger.service.listShipments({ year: 2024 })).toHaveLength(2);
  });

  test('a different day, vessel or weight, a voided twin, or two distinct B/L numbers ask nothing', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo({ blNumber: 'KZ-1' }));
    await ledger.service.recordShipment(cargo({ blDate: '2024-08-02' }));
    await ledger.service.recordShipment(cargo({ vessel: 'Taraz' }));
    await ledger.service.recordShipment(cargo({ netTonnes: '9959.501' }));
    await ledger.service.recordShipment(cargo({ blNumber: 'KZ-2' }));
    const voided = await ledger.service.recordShipment(cargo({ blDate: '2024-08-03' }));
    await ledger.service.voidShipment(voided.shipment.id, 'entered twice');
    await ledger.service.recordShipment(cargo({ blDate: '2024-08-03' }));
    // A numbered cargo matches one entered without a number: likely the same bill, entered twice.
    expect(
      (await refusal(() => ledger.service.recordShipment(cargo({ blDate: '2024-08-02', blNumber: 'KZ-3' }))))
        .issues[0]?.code,
    ).toBe('shipment.duplicate');
    expect(shipment.blNumber).toBe('KZ-1');
  });

  test('the index follows amendments and voids: old figures stop matching, new ones start', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo());
    await ledger.service.recordShipment(cargo({ vessel: 'Taraz' }));
    await ledger.service.amendShipment(
      shipment.id,
      { netTonnes: '9000', vessel: 'Liwa' },
      { reason: 'B/L corrected' },
    );
    await expect(
      ledger.service.recordShipment(cargo({ netTonnes: '9959.5', blDate: '2024-08-01' })),
    ).resolves.toBeDefined();
    expect(
      (await refusal(() => ledger.service.recordShipment(cargo({ netTonnes: '9000', vessel: 'LIWA' }))))
        .issues[0]?.facts,
    ).toMatchObject({ id: shipment.id });
    await ledger.service.voidShipment(shipment.id, 'wrong cargo');
    await expect(
      ledger.service.recordShipment(cargo({ netTonnes: '9000', vessel: 'Liwa' })),
    ).resolves.toBeDefined();
  });

  test('the question survives reopening the ledger (the index is rebuilt from the journal)', async () => {
    await ledger.service.recordShipment(cargo());
    ledger.reopen();
    expect((await refusal(() => ledger.service.recordShipment(cargo()))).issues[0]?.code).toBe(
      'shipment.duplicate',
    );
  });
});

describe('amending', () => {
  test('a change that makes a cargo identical to another is asked about; force saves it', async () => {
    const first = await ledger.service.recordShipment(cargo());
    const other = await ledger.service.recordShipment(cargo({ netTonnes: '9000' }));
    const error = await refusal(() =>
      ledger.service.amendShipment(other.shipment.id, { netTonnes: '9959.5' }, { reason: 'B/L corrected' }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        code: 'shipment.duplicate',
        facts: expect.objectContaining({ id: first.shipment.id }),
      }),
    ]);
    const saved = await ledger.service.amendShipment(
      other.shipment.id,
      { netTonnes: '9959.5' },
      { reason: 'B/L corrected', force: true },
    );
    expect(saved.warnings.map((w) => w.code)).toEqual(['shipment.duplicate']);
  });

  test('a cargo already confirmed as a second one is not asked about again when other fields change', async () => {
    await ledger.service.recordShipment(cargo());
    const second = await ledger.service.recordShipment(cargo(), { force: true });
    const amended = await ledger.service.amendShipment(
      second.shipment.id,
      { remarks: 'second parcel, same day' },
      { reason: 'note' },
    );
    expect(amended.warnings).toEqual([]);
  });
});

describe('import', () => {
  const header = 'B/L date,Vessel,Tonnes,B/L number';

  test('unnumbered rows matching a ledger cargo are skipped even with force: re-importing adds nothing', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo());
    const sheet = [header, '2024-08-01,ASTANA,9959.5,', '2024-08-02,Taraz,6980,', ''].join('\n');
    for (const force of [false, true]) {
      const report = await ledger.service.importCsv({ text: sheet, dryRun: true, force, allRows: true });
      expect(report.rows.map((r) => r.outcome)).toEqual(['duplicate', 'add']);
      expect(report.rows[0]?.issues).toEqual([
        {
          field: '',
          code: 'shipment.duplicate',
          message:
            'A cargo of Astana on 2024-08-01 with the same tonnes ' +
            `is already in the ledger (id ${shipment.id}); skipped.`,
          facts: { id: shipment.id, vessel: 'Astana', date: '2024-08-01' },
        },
      ]);
    }
    expect(await ledger.service.importCsv({ text: sheet, force: true })).toMatchObject({
      committed: true,
      added: 1,
      duplicates: 1,
    });
    expect(await ledger.service.importCsv({ text: sheet, force: true })).toMatchObject({
      added: 0,
      duplicates: 2,
    });
    expect(await ledger.service.listShipments({ year: 2024 })).toHaveLength(2);
  });

  test('a row repeating an earlier row of the same file is skipped and names that line', async () => {
    const sheet = [header, '2024-08-01,Astana,9959.5,', '2024-08-01,Astana,9959.5,', ''].join('\n');
    const report = await ledger.service.importCsv({ text: sheet, dryRun: true, allRows: true });
    expect(report.rows.map((r) => r.outcome)).toEqual(['add', 'duplicate']);
    expect(report.rows[1]?.issues[0]).toMatchObject({
      code: 'shipment.duplicate',
      message:
        'A cargo of Astana on 2024-08-01 with the same tonnes already appears on line 2 of this file; skipped.',
      facts: { line: 2 },
    });
  });

  test('numbered rows: a distinct B/L number is added; one matching an unnumbered cargo is skipped', async () => {
    await ledger.service.recordShipment(cargo({ blNumber: 'KZ-1' }));
    await ledger.service.recordShipment(cargo({ vessel: 'Taraz', netTonnes: '6980' }));
    const sheet = [header, '2024-08-01,Astana,9959.5,KZ-9', '2024-08-01,Taraz,6980,KZ-10', ''].join('\n');
    const report = await ledger.service.importCsv({ text: sheet, allRows: true });
    expect(report.rows.map((r) => r.outcome)).toEqual(['add', 'duplicate']);
    expect(report).toMatchObject({ committed: true, added: 1, duplicates: 1 });
  });
});
