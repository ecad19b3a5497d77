import fs from 'node:fs';
import type { Shipment, ShipmentInput } from '../electron/core/api';
import { LedgerService } from '../electron/core/service';
import type { TransitError } from '../electron/core/errors';
import { cargo, ClerkLedger } from './support/service';
import { fixedNow } from './support/temp';

const ledger = ClerkLedger.perTest();

/** Runs a call that must be refused with `code` (and `message`) and proves the ledger file did not change by a byte. */
async function expectRefusedUnchanged(call: () => Promise<unknown>, code: string, message?: RegExp) {
  const error = await ledger.refused(call);
  expect(error).toMatchObject({ code });
  if (message) expect((error as Error).message).toMatch(message);
}

describe('recording, amending and voiding', () => {
  test('a recorded shipment gets a stable id and is listed with who recorded it', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo({ blNumber: 'KZ-1' }));
    expect(shipment.id).toMatch(/^[a-z0-9]{10}$/);
    expect(await ledger.service.listShipments({ year: 2024 })).toEqual([
      expect.objectContaining({
        id: shipment.id,
        netKg: 9_959_500,
        recordedBy: 'clerk',
        recordedAt: '2024-08-15T12:00:00.000Z',
      }),
    ]);
  });

  test('an amendment and a void are new entries; the history shows who, when, why and before → after', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo());
    await ledger.service.amendShipment(
      shipment.id,
      { netTonnes: '9960', status: 'discharged' },
      { reason: 'B/L corrected' },
    );
    await ledger.service.voidShipment(shipment.id, 'entered twice');
    const history = await ledger.service.shipmentHistory(shipment.id);
    expect(history.map((h) => [h.action, h.actor, h.reason])).toEqual([
      ['record', 'clerk', null],
      ['amend', 'clerk', 'B/L corrected'],
      ['void', 'clerk', 'entered twice'],
    ]);
    // In the field table's order, the register's.
    expect(history[1]?.changes).toEqual([
      { field: 'status', before: 'loaded', after: 'discharged' },
      { field: 'netKg', before: 9_959_500, after: 9_960_000 },
    ]);
  });

  test('no file is created until the first write succeeds', async () => {
    await expect(ledger.service.recordShipment(cargo({ netTonnes: 'abc' }))).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(fs.existsSync(ledger.file)).toBe(false);
    await ledger.service.recordShipment(cargo());
    expect(fs.existsSync(ledger.file)).toBe(true);
  });

  test('a voided shipment is hidden from lists unless asked for, and frees its B/L number', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo({ blNumber: 'KZ-1' }));
    await ledger.service.voidShipment(shipment.id, 'wrong vessel');
    expect(await ledger.service.listShipments({ year: 2024 })).toEqual([]);
    expect(await ledger.service.listShipments({ year: 2024, includeVoided: true })).toEqual([
      expect.objectContaining({ voided: true, voidReason: 'wrong vessel' }),
    ]);
    await expect(
      ledger.service.recordShipment(cargo({ blNumber: 'KZ-1', vessel: 'Taraz' })),
    ).resolves.toBeDefined();
  });

  test('survives closing and reopening the file', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo());
    await ledger.service.amendShipment(shipment.id, { remarks: 'sealed' });
    ledger.reopen();
    expect((await ledger.service.listShipments({ year: 2024 }))[0]?.remarks).toBe('sealed');
  });
});

describe('refused calls write nothing', () => {
  test.each([
    ['an invalid shipment', (s: LedgerService) => s.recordShipment(cargo({ netTonnes: '-1' })), 'invalid'],
    ['a future B/L date', (s: LedgerService) => s.recordShipment(cargo({ blDate: '2024-08-16' })), 'invalid'],
    [
      'amending an unknown id',
      (s: LedgerService) => s.amendShipment('nosuchid99', { remarks: 'x' }),
      'not_found',
    ],
    [
      'amending with a malformed id',
      (s: LedgerService) => s.amendShipment('../../etc', { remarks: 'x' }),
      'invalid',
    ],
    ['voiding an unknown id', (s: LedgerService) => s.voidShipment('nosuchid99', 'x'), 'not_found'],
    ['a year out of range', (s: LedgerService) => s.setTargets({ year: 1899, annualTonnes: '1' }), 'invalid'],
    [
      'a monthly plan that does not add up to the target',
      (s: LedgerService) =>
        s.setTargets({ year: 2024, annualTonnes: '1200', monthlyPlanTonnes: Array(12).fill('99') }),
      'invalid',
    ],
    [
      'an extra field in a targets request',
      (s: LedgerService) => s.setTargets({ year: 2024, annualTonnes: '1', colour: 'red' } as never),
      'invalid',
    ],
    ['an unknown report', (s: LedgerService) => s.exportReport({ year: 2024, report: 'bogus' }), 'invalid'],
    [
      'a bad separator',
      (s: LedgerService) => s.exportReport({ year: 2024, report: 'register', separator: '|' }),
      'invalid',
    ],
  ])('%s', async (_name, call, code) => {
    await ledger.service.recordShipment(cargo({ blNumber: 'KZ-1' }));
    await expectRefusedUnchanged(() => call(ledger.service), code);
  });

  test('voiding twice is a conflict, and voiding needs a reason', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo());
    await expectRefusedUnchanged(
      () => ledger.service.voidShipment(shipment.id, '  '),
      'invalid',
      /Give a reason/,
    );
    await ledger.service.voidShipment(shipment.id, 'duplicate');
    await expectRefusedUnchanged(
      () => ledger.service.voidShipment(shipment.id, 'again'),
      'conflict',
      /already void/,
    );
    await expectRefusedUnchanged(
      () => ledger.service.amendShipment(shipment.id, { remarks: 'x' }),
      'conflict',
      /void/,
    );
  });

  test('a duplicate B/L number names the shipment that holds it', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo({ blNumber: 'KZ-1' }));
    await expectRefusedUnchanged(
      () => ledger.service.recordShipment(cargo({ blNumber: ' kz-1 ' })),
      'invalid',
      new RegExp(shipment.id),
    );
  });

  test('a read-only ledger refuses every write', async () => {
    await ledger.service.recordShipment(cargo());
    const reader = LedgerService.open(ledger.file, { readOnly: true, now: fixedNow });
    try {
      await expectRefusedUnchanged(() => reader.recordShipment(cargo({ vessel: 'Taraz' })), 'read_only');
    } finally {
      reader.close();
    }
  });
});

describe('a check (WriteOptions.check) validates as the save would and writes nothing', () => {
  test('a valid cargo: the would-be shipment, no file, nothing listed', async () => {
    const result = await ledger.service.recordShipment(cargo({ netTonnes: '9959.5' }), { check: true });
    expect(result).toMatchObject({ checked: true, warnings: [], shipment: { id: '', netKg: 9_959_500 } });
    expect(fs.existsSync(ledger.file)).toBe(false);
  });

  test('the questions a save would accept come back as warnings (old date, large cargo)', async () => {
    await ledger.service.recordShipment(cargo({ blNumber: 'KZ-1' }));
    // A tanker whose own deadweight takes 14,000 t: only the route's "very large cargo" note is left.
    await ledger.service.saveVessel({ id: 'taraz', name: 'Taraz', deadweightTonnes: '16000' });
    const result = await ledger.service.recordShipment(
      cargo({ blDate: '2024-05-03', netTonnes: '14000', vessel: 'Taraz' }),
      { check: true },
    );
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['blDate.old', 'netTonnes.large']);
    expect(await ledger.service.listShipments({ year: 2024 })).toHaveLength(1);
  });

  test('refusals and the duplicate-cargo question come back as a save would give them, writing nothing', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo());
    await expectRefusedUnchanged(
      () => ledger.service.recordShipment(cargo({ netTonnes: '-1' }), { check: true }),
      'invalid',
    );
    const error = await ledger.refused(() => ledger.service.recordShipment(cargo(), { check: true }));
    expect(error).toMatchObject({
      code: 'invalid',
      issues: [expect.objectContaining({ code: 'shipment.duplicate', overridable: true })],
    });
    // With force the same check passes, and still writes nothing.
    await expect(ledger.service.recordShipment(cargo(), { check: true, force: true })).resolves.toMatchObject(
      { checked: true },
    );
    expect(await ledger.service.listShipments({ year: 2024 })).toEqual([
      expect.objectContaining({ id: shipment.id }),
    ]);
  });

  test('a refused check carries the questions a save would ask too, after its refusals', async () => {
    const error = await ledger.refused(() =>
      ledger.service.recordShipment(cargo({ blDate: '2024-05-03', netTonnes: '20000' }), { check: true }),
    );
    expect(error).toMatchObject({
      code: 'invalid',
      issues: [
        expect.objectContaining({ code: 'netTonnes.unusual', overridable: true }),
        expect.objectContaining({ code: 'blDate.old', overridable: true, facts: { days: 104 } }),
      ],
    });
    // A save is refused with the refusals alone, as before.
    const saved = await ledger.refused(() =>
      ledger.service.recordShipment(cargo({ blDate: '2024-05-03', netTonnes: '20000' })),
    );
    expect((saved as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual([
      'netTonnes.unusual',
    ]);
    expect(fs.existsSync(ledger.file)).toBe(false);
  });

  test('an amendment check returns the cargo as it would stand and leaves the history alone', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo());
    const result = await ledger.service.amendShipment(
      shipment.id,
      { netTonnes: '9960' },
      { check: true, reason: 'B/L corrected' },
    );
    expect(result).toMatchObject({ checked: true, shipment: { id: shipment.id, netKg: 9_960_000 } });
    expect(await ledger.service.shipmentHistory(shipment.id)).toHaveLength(1);
    await expectRefusedUnchanged(
      () => ledger.service.amendShipment(shipment.id, { netTonnes: '9959.5' }, { check: true }),
      'invalid',
      /Nothing to change/,
    );
  });

  test('check must be true or false', async () => {
    await expectRefusedUnchanged(
      () => ledger.service.recordShipment(cargo(), { check: 'yes' } as never),
      'invalid',
      /check must be true or false/,
    );
  });
});

describe('targets and baseline', () => {
  test('default to 2.2 Mt from 2024 and the 2023 baseline of 1.057 Mt', async () => {
    expect(await ledger.service.getTargets(2024)).toEqual({
      year: 2024,
      annualKg: 2_200_000_000,
      monthlyPlanKg: null,
      lossAllowancePercent: 0.5,
      source: 'default',
    });
    expect(await ledger.service.getBaseline()).toEqual({ year: 2023, kg: 1_057_000_000, source: 'default' });
  });

  test('are stored in the ledger, with a monthly plan that adds up to the target', async () => {
    const plan = [
      '100000',
      '100000',
      '100000',
      '100000',
      '100000',
      '100000',
      '100000',
      '100000',
      '100000',
      '100000',
      '100000',
      '300000.5',
    ];
    await ledger.service.setTargets({ year: 2025, annualTonnes: '1400000.5', monthlyPlanTonnes: plan });
    await ledger.service.setBaseline({ year: 2023, tonnes: '1392000' });
    ledger.reopen({ now: fixedNow });
    expect((await ledger.service.getTargets(2025)).monthlyPlanKg?.[11]).toBe(300_000_500);
    expect((await ledger.service.getTargets(2025)).annualKg).toBe(1_400_000_500);
    expect((await ledger.service.getBaseline()).kg).toBe(1_392_000_000);
  });
});

describe('the baseline year', () => {
  test('may be the current year at Aktau but not a later one (2024-08-15 here: 2025 is refused)', async () => {
    await ledger.service.setBaseline({ year: 2024, tonnes: '1000000' });
    const refused = await ledger.service.setBaseline({ year: 2025, tonnes: '1000000' }).then(
      () => null,
      (error: TransitError) => error.issues.map((issue) => ({ code: issue.code, facts: issue.facts })),
    );
    expect(refused).toEqual([{ code: 'year.baseline_future', facts: { year: 2025, today: '2024-08-15' } }]);
    expect((await ledger.service.getBaseline()).year).toBe(2024);
  });

  test('gives its own year no comparison with itself: null change, in kilograms and per cent', async () => {
    await ledger.service.recordShipment(cargo({ blDate: '2024-03-01' }));
    await ledger.service.setBaseline({ year: 2024, tonnes: '1000' });
    expect(await ledger.service.progress({ year: 2024 })).toMatchObject({
      baselineYear: 2024,
      changeVsBaselineKg: null,
      changeVsBaselinePercent: null,
    });
  });
});

describe('info', () => {
  test('names the years with cargoes, the years whose target the ledger sets, and the baseline year', async () => {
    await ledger.service.recordShipment(cargo({ blDate: '2024-03-01' }));
    await ledger.service.setTargets({ year: 2026, annualTonnes: '2200000' });
    await ledger.service.setTargets({ year: 2025, annualTonnes: '1500000' });
    // The baseline year has no cargo and no target of its own: it is not among either.
    expect(await ledger.service.info()).toMatchObject({
      years: [2024],
      targetYears: [2025, 2026],
      baselineYear: 2023,
    });
    await ledger.service.setBaseline({ year: 2022, tonnes: '1000000' });
    expect((await ledger.service.info()).baselineYear).toBe(2022);
  });
});

describe('progress', () => {
  test('defaults to today at the load port for the current year and to 31 December for a past one', async () => {
    expect((await ledger.service.progress({ year: 2024 })).asOf).toBe('2024-08-15');
    expect((await ledger.service.progress({ year: 2023 })).asOf).toBe('2023-12-31');
  });

  test('counts live shipments only, exactly to the kilogram', async () => {
    await ledger.service.recordShipment(cargo({ netTonnes: '0.001' }));
    const { shipment } = await ledger.service.recordShipment(cargo({ netTonnes: '9999.999' }));
    await ledger.service.recordShipment(cargo({ netTonnes: '5000' }));
    await ledger.service.voidShipment(shipment.id, 'test');
    const progress = await ledger.service.progress({ year: 2024, asOf: '2024-08-01' });
    expect([progress.shipments, progress.tonnesKg]).toEqual([2, 5_000_001]);
  });

  test('refuses an as-of date in the future or outside the year', async () => {
    await expect(ledger.service.progress({ year: 2024, asOf: '2024-08-16' })).rejects.toMatchObject({
      code: 'invalid',
      issues: [expect.objectContaining({ field: 'asOf' })],
    });
    await expect(ledger.service.progress({ year: 2024, asOf: '2023-12-31' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(ledger.service.progress({ year: 2024, asOf: '2024-02-30' })).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  test('100,000 cargoes of 9,999.999 t add up to exactly 999,999,900 t', async () => {
    const inputs: ShipmentInput[] = [];
    for (let i = 0; i < 100_000; i++)
      inputs.push({
        blDate: `2023-${String((i % 12) + 1).padStart(2, '0')}-15`,
        vessel: 'Astana',
        netTonnes: '9999.999',
      });
    ledger.service.recordMany(inputs);
    const progress = await ledger.service.progress({ year: 2023 });
    expect(progress.shipments).toBe(100_000);
    expect(progress.tonnesKg).toBe(999_999_900_000);
    expect(progress.months[11]?.cumulativeKg).toBe(999_999_900_000);
  }, 60_000);
});

describe('import', () => {
  const sheet = [
    'B/L date;Vessel;Tonnes;B/L number',
    '01.08.2024;Astana;9 959,5;KZ-1',
    '02.08.2024;Taraz;6980;KZ-2',
    '',
  ].join('\r\n');

  test('recording order: the rows of an import share a time; recordedOrder keeps entry order on reopen', async () => {
    const first = await ledger.service.recordShipment(cargo({ blDate: '2024-08-10', blNumber: 'KZ-0' }));
    // The sheet's rows are in entry order: 01.08 then 02.08; a later B/L date recorded before them.
    await ledger.service.importCsv({ text: sheet });
    const order = (list: readonly Shipment[]) =>
      [...list].sort((a, b) => (a.recordedOrder ?? 0) - (b.recordedOrder ?? 0)).map((s) => s.blNumber);
    const listed = await ledger.service.listShipments({ year: 2024 });
    expect(listed.map((s) => s.blNumber)).toEqual(['KZ-1', 'KZ-2', 'KZ-0']);
    expect(listed.map((s) => s.recordedOrder)).toEqual([2, 3, 1]);
    expect(listed[0]?.recordedAt).toBe(listed[1]?.recordedAt);
    expect(order(listed)).toEqual(['KZ-0', 'KZ-1', 'KZ-2']);
    expect(first.shipment.recordedOrder).toBe(1);
    expect(order(await ledger.reopen().listShipments({ year: 2024 }))).toEqual(['KZ-0', 'KZ-1', 'KZ-2']);
  });

  test('a dry run counts every row and writes nothing; with allRows it lists every row', async () => {
    const before = ledger.bytes();
    const report = await ledger.service.importCsv({ text: sheet, dryRun: true });
    expect(report).toMatchObject({
      dryRun: true,
      committed: false,
      added: 2,
      invalid: 0,
      rows: [],
      unlistedRows: 2,
    });
    const all = await ledger.service.importCsv({ text: sheet, dryRun: true, allRows: true });
    expect(all.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'add'],
      [3, 'add'],
    ]);
    expect(all.unlistedRows).toBe(0);
    expect(ledger.bytes()).toEqual(before);
  });

  test('20,000 rows, one bad: the report lists that row alone, counts the 19,999 to add (issue 8, D12)', async () => {
    // The defect: browser mode answered a 50 MB sheet with 122 MB of JSON, a report for every row.
    const header = 'B/L date,Vessel,Net tonnes,B/L number';
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `2024-07-${String(1 + (i % 31)).padStart(2, '0')},Astana,${i === 14_321 ? 'abc' : 5000 + (i % 4000)},BIG-${i}`,
    );
    const text = [header, ...rows, ''].join('\n');
    const report = await ledger.service.importCsv({ text, dryRun: true });
    expect(report).toMatchObject({
      added: 19_999,
      invalid: 1,
      duplicates: 0,
      skipped: 0,
      unlistedRows: 19_999,
    });
    expect(report.rows.length).toBeLessThanOrEqual(3);
    expect(report.rows).toEqual([
      expect.objectContaining({ line: 14_323, outcome: 'invalid', blNumber: 'BIG-14321' }),
    ]);
    expect(JSON.stringify(report).length).toBeLessThan(5_000);

    const all = await ledger.service.importCsv({ text, dryRun: true, allRows: true });
    expect(all).toMatchObject({ added: 19_999, invalid: 1, unlistedRows: 0 });
    expect(all.rows).toHaveLength(20_000);
  });

  test('a row to add with a warning is listed; a plain one is counted', async () => {
    const text = [
      'B/L date;Vessel;Tonnes;B/L number',
      '01.08.2024;Astana;9 959,5;KZ-1',
      '02.03.2023;Taraz;6980;KZ-2',
      '',
    ].join('\r\n');
    const report = await ledger.service.importCsv({ text, dryRun: true });
    expect(report).toMatchObject({ added: 2, unlistedRows: 1 });
    expect(report.rows).toEqual([
      expect.objectContaining({
        line: 3,
        outcome: 'add',
        warnings: [expect.objectContaining({ field: 'blDate' })],
      }),
    ]);
  });

  test('adds every row in one go, and a second import of the same sheet adds nothing', async () => {
    expect(await ledger.service.importCsv({ text: sheet })).toMatchObject({ committed: true, added: 2 });
    expect((await ledger.service.listShipments({ year: 2024 })).map((s) => [s.vessel, s.netKg])).toEqual([
      ['Astana', 9_959_500],
      ['Taraz', 6_980_000],
    ]);
    expect(await ledger.service.importCsv({ text: sheet })).toMatchObject({
      committed: true,
      added: 0,
      duplicates: 2,
    });
  });

  test('adds nothing when any row is invalid, and says which', async () => {
    const bad = sheet.replace('02.08.2024', '30.02.2024');
    const before = ledger.bytes();
    const report = await ledger.service.importCsv({ text: bad });
    expect(report).toMatchObject({ committed: false, added: 1, invalid: 1 });
    expect(report.rows).toEqual([
      expect.objectContaining({
        line: 3,
        outcome: 'invalid',
        issues: [expect.objectContaining({ field: 'blDate' })],
      }),
    ]);
    expect(ledger.bytes()).toEqual(before);
  });

  test('a refused date or number is explained quoting the file, naming the forms every path accepts', async () => {
    const text = [
      'B/L date;Vessel;Tonnes',
      '31.02.2024;Astana;9000',
      '03.05.24;Astana;9000',
      '01.08.2024;Taraz;9 959.5x',
      '',
    ].join('\r\n');
    const report = await ledger.service.importCsv({ text, dryRun: true });
    expect(report.rows.map((r) => r.issues[0]?.message)).toEqual([
      'B/L date 31.02.2024 does not exist: February 2024 has 29 days.',
      'B/L date "03.05.24" is not in the form YYYY-MM-DD or DD.MM.YYYY (e.g. 2024-05-03 or 03.05.2024).',
      'Net tonnes "9 959.5x" is not a number of tonnes; write it like 9959.5 or 9 959,5.',
    ]);
  });

  test('matches rows without a B/L number on date, vessel and tonnes', async () => {
    const noNumbers = ['B/L date,Vessel,Tonnes', '2024-08-01,Astana,9959.5', ''].join('\n');
    await ledger.service.importCsv({ text: noNumbers });
    expect(await ledger.service.importCsv({ text: noNumbers })).toMatchObject({ added: 0, duplicates: 1 });
  });

  test('round-trips an exported register into a fresh ledger', async () => {
    await ledger.service.recordShipment(
      cargo({ blNumber: 'KZ-1', remarks: '=cmd|"/c calc"!A1; "quoted"\nsecond line', grade: 'Kashagan' }),
    );
    await ledger.service.recordShipment(
      cargo({
        blNumber: 'KZ-2',
        vessel: 'Ақтау',
        netTonnes: '6980.001',
        outturnTonnes: '6975',
        barrels: '55630.5',
      }),
    );
    for (const separator of [',', ';'] as const) {
      const exported = await ledger.service.exportReport({ year: 2024, report: 'register', separator });
      const other = LedgerService.open(
        ledger.temp.file(`copy${separator === ',' ? 'comma' : 'semi'}.jsonl`),
        { now: fixedNow },
      );
      try {
        expect(await other.importCsv({ text: exported.content })).toMatchObject({
          committed: true,
          added: 2,
        });
        const strip = ({
          id: _i,
          recordedAt: _r,
          recordedBy: _b,
          updatedAt: _u,
          recordedOrder: _o,
          ...rest
        }: Shipment) => rest;
        expect((await other.listShipments({ year: 2024 })).map(strip)).toEqual(
          (await ledger.service.listShipments({ year: 2024 })).map(strip),
        );
      } finally {
        other.close();
      }
    }
  });
});

describe('verify', () => {
  test('reports an intact ledger with its counts', async () => {
    await ledger.service.recordShipment(cargo());
    expect(await ledger.service.verify()).toMatchObject({
      ok: true,
      entries: 2,
      shipments: 1,
      totalKg: 9_959_500,
    });
  });

  test('finds damage done to the file after it was opened', async () => {
    await ledger.service.recordShipment(cargo());
    fs.writeFileSync(ledger.file, fs.readFileSync(ledger.file, 'utf8').replace('Astana', 'Astanb'));
    const report = await ledger.service.verify();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ line: 2 })]);
  });
});
