/**
 * Outturn and transit loss (issue 12, part 1): the pure reconciliation, the allowance kept with a
 * year's targets, the service's query and the CSV report. Every figure is worked out by hand beside
 * it: loss = B/L − outturn, in kg and in percent of B/L to 3 decimals.
 */
import type { ShipmentInput } from '../electron/core/api';
import { reconcile, lossMilliPercent, type ReconcileCargo } from '../electron/core/reconcile';
import { reconciliationCsv } from '../electron/core/reconcile-csv';
import { LedgerService } from '../electron/core/service';
import { cargo, ClerkLedger } from './support/service';
import { fixedNow, tempDir } from './support/temp';

function bl(
  id: string,
  blDate: string,
  vessel: string,
  netKg: number,
  outturnKg: number | null,
): ReconcileCargo {
  return { id, blNumber: `BL-${id}`, blDate, vessel, netKg, outturnKg };
}

function one(netKg: number, outturnKg: number | null, lossAllowancePercent = 0.5) {
  const result = reconcile({
    year: 2024,
    month: null,
    lossAllowancePercent,
    cargoes: [bl('a', '2024-03-02', 'Astana', netKg, outturnKg)],
  });
  return result.cargoes[0];
}

describe('the 0.5% allowance edge, on a 10,000 t cargo (10,000,000 kg)', () => {
  test('a loss of exactly 0.5% (50,000 kg) is within the allowance', () => {
    expect(one(10_000_000, 9_950_000)).toMatchObject({
      lossKg: 50_000,
      lossPercent: 0.5,
      beyondAllowance: false,
    });
  });

  test('just below: 49,990 kg is 0.4999% → 0.500% shown, within', () => {
    // 49,990 × 100 / 10,000,000 = 0.4999 → 0.500 to 3 decimals.
    expect(one(10_000_000, 9_950_010)).toMatchObject({
      lossKg: 49_990,
      lossPercent: 0.5,
      beyondAllowance: false,
    });
  });

  test('just below: 0.499% (49,900 kg) is within the allowance', () => {
    expect(one(10_000_000, 9_950_100)).toMatchObject({ lossPercent: 0.499, beyondAllowance: false });
  });

  test('just above: 0.501% (50,100 kg) is beyond the allowance', () => {
    expect(one(10_000_000, 9_949_900)).toMatchObject({
      lossKg: 50_100,
      lossPercent: 0.501,
      beyondAllowance: true,
    });
  });

  test('the flag follows the figure shown: 50,049 kg reads 0.500% (within), 50,050 kg reads 0.501% (beyond)', () => {
    // 50,049 / 100,000 = 0.50049 → 0.500; 50,050 / 100,000 = 0.5005 → 0.501 (half away from zero).
    expect(one(10_000_000, 9_949_951)).toMatchObject({ lossPercent: 0.5, beyondAllowance: false });
    expect(one(10_000_000, 9_949_950)).toMatchObject({ lossPercent: 0.501, beyondAllowance: true });
  });

  test('a cargo exactly at a year’s own allowance of 0.3% is within it, and 0.301% beyond', () => {
    // 30,000 / 10,000,000 = 0.3%; 30,100 / 10,000,000 = 0.301%.
    expect(one(10_000_000, 9_970_000, 0.3)).toMatchObject({ lossPercent: 0.3, beyondAllowance: false });
    expect(one(10_000_000, 9_969_900, 0.3)).toMatchObject({ lossPercent: 0.301, beyondAllowance: true });
  });
});

describe('loss in percent to 3 decimals, from integer kilograms', () => {
  test('an odd cargo rounds half away from zero: 39,500 kg of 6,980,000 kg is 0.56590…% → 0.566%', () => {
    // 39,500 × 100,000 / 6,980,000 = 565.90… thousandths → 566.
    expect(lossMilliPercent(39_500, 6_980_000)).toBe(566);
    expect(one(6_980_000, 6_940_500)?.lossPercent).toBe(0.566);
  });

  test('a gain (outturn above the B/L figure) is a negative loss and never beyond the allowance', () => {
    // 9,959,500 − 9,960,700 = −1,200 kg; −1,200 / 9,959,500 = −0.012049…% → −0.012%.
    expect(one(9_959_500, 9_960_700)).toMatchObject({
      lossKg: -1_200,
      lossPercent: -0.012,
      beyondAllowance: false,
    });
  });

  test('a year of 2.2 Mt keeps every kilogram: the total loss percent has no float drift', () => {
    // 220 cargoes of 10,000,000 kg each losing 33,333 kg: 2,200,000,000 kg, loss 7,333,260 kg.
    // 7,333,260 × 100,000 / 2,200,000,000 = 333.33 thousandths → 0.333%.
    const cargoes = Array.from({ length: 220 }, (_, i) =>
      bl(`c${i}`, `2024-${String((i % 12) + 1).padStart(2, '0')}-10`, 'Astana', 10_000_000, 9_966_667),
    );
    const { totals } = reconcile({ year: 2024, month: null, lossAllowancePercent: 0.5, cargoes });
    expect(totals).toMatchObject({
      blKg: 2_200_000_000,
      outturnKg: 2_192_666_740,
      lossKg: 7_333_260,
      lossPercent: 0.333,
    });
  });
});

describe('pending cargoes', () => {
  const cargoes = [
    bl('a', '2024-03-02', 'Astana', 10_000_000, 9_950_000),
    bl('b', '2024-03-20', 'Taraz', 6_980_000, null),
    bl('c', '2024-04-05', 'Taraz', 6_900_000, null),
  ];
  const result = reconcile({ year: 2024, month: null, lossAllowancePercent: 0.5, cargoes });

  test('a cargo without outturn is listed as pending, with no loss at all rather than a zero loss', () => {
    expect(result.cargoes[1]).toMatchObject({
      id: 'b',
      outturnKg: null,
      lossKg: null,
      lossPercent: null,
      beyondAllowance: false,
    });
  });

  test('pending cargoes count in `pending` and never in the sums or the percent', () => {
    // Only cargo a: 10,000,000 − 9,950,000 = 50,000 kg = 0.5%; b and c would make it 0.211% as zero losses.
    expect(result.totals).toEqual({
      cargoes: 1,
      pending: 2,
      blKg: 10_000_000,
      outturnKg: 9_950_000,
      lossKg: 50_000,
      lossPercent: 0.5,
      beyondAllowance: false,
      flagged: 0,
    });
  });

  test('a vessel or month with only pending cargoes has no loss percent, not 0%', () => {
    const taraz = result.byVessel.find((v) => v.vessel === 'Taraz');
    expect(taraz).toMatchObject({ cargoes: 0, pending: 2, blKg: 0, lossPercent: null });
    expect(result.byMonth.find((m) => m.month === '2024-04')).toMatchObject({
      cargoes: 0,
      pending: 1,
      lossPercent: null,
    });
  });
});

describe('by vessel, by month and for the period', () => {
  const cargoes = [
    bl('a', '2024-03-02', 'Taraz', 6_980_000, 6_940_500), // loss 39,500 kg, 0.566%, beyond
    bl('b', '2024-03-15', 'Astana', 10_000_000, 9_970_000), // loss 30,000 kg, 0.300%
    bl('c', '2024-04-01', 'Astana', 9_000_000, 9_001_000), // gain 1,000 kg, −0.011%
    bl('d', '2023-12-31', 'Astana', 9_000_000, 8_000_000), // another year: not counted
  ];
  const result = reconcile({ year: 2024, month: null, lossAllowancePercent: 0.5, cargoes });

  test('vessels A to Z with their sums: Astana 19,000 t lost 29 t (0.153%), Taraz 0.566% beyond', () => {
    // Astana: 19,000,000 − 18,971,000 = 29,000 kg; 29,000 × 100,000 / 19,000,000 = 152.6 → 0.153%.
    expect(result.byVessel).toEqual([
      expect.objectContaining({
        vessel: 'Astana',
        cargoes: 2,
        blKg: 19_000_000,
        lossKg: 29_000,
        lossPercent: 0.153,
        flagged: 0,
      }),
      expect.objectContaining({
        vessel: 'Taraz',
        cargoes: 1,
        lossKg: 39_500,
        lossPercent: 0.566,
        beyondAllowance: true,
        flagged: 1,
      }),
    ]);
  });

  test('months in order: March 69,500 kg of 16,980 t (0.409%), April a gain', () => {
    // March: 39,500 + 30,000 = 69,500 kg of 16,980,000 kg → 409.30… → 0.409%.
    expect(result.byMonth.map((m) => [m.month, m.lossKg, m.lossPercent])).toEqual([
      ['2024-03', 69_500, 0.409],
      ['2024-04', -1_000, -0.011],
    ]);
  });

  test('the year’s totals: 25,980 t loaded, 68,500 kg lost (0.264%), one cargo flagged', () => {
    // 25,980,000 − 25,911,500 = 68,500 kg; 68,500 × 100,000 / 25,980,000 = 263.66 → 0.264%.
    expect(result.totals).toMatchObject({
      cargoes: 3,
      blKg: 25_980_000,
      lossKg: 68_500,
      lossPercent: 0.264,
      flagged: 1,
    });
  });

  test('a month asked for holds that month’s cargoes alone', () => {
    const march = reconcile({ year: 2024, month: '2024-03', lossAllowancePercent: 0.5, cargoes });
    expect(march.cargoes.map((c) => c.id)).toEqual(['a', 'b']);
    expect(march.totals.lossKg).toBe(69_500);
  });
});

describe('the service: the allowance is a setting of the year, kept with its targets', () => {
  const ledger = ClerkLedger.perTest();
  const discharged = (overrides: ShipmentInput) => cargo({ status: 'discharged', ...overrides });

  test('a year allows 0.5% by default; set to 0.3 for 2024 it flags a 0.4% loss, other years keep 0.5', async () => {
    await ledger.service.recordShipment(discharged({ netTonnes: '10000', outturnTonnes: '9960' }));
    expect((await ledger.service.getTargets(2024)).lossAllowancePercent).toBe(0.5);
    expect((await ledger.service.reconcile({ year: 2024 })).cargoes[0]?.beyondAllowance).toBe(false);
    await ledger.service.setTargets({ year: 2024, annualTonnes: '2200000', lossAllowancePercent: '0,3' });
    expect((await ledger.service.reconcile({ year: 2024 })).cargoes[0]).toMatchObject({
      lossPercent: 0.4,
      beyondAllowance: true,
    });
    expect((await ledger.service.getTargets(2023)).lossAllowancePercent).toBe(0.5);
  });

  test('the allowance is in the journal: a ledger opened afresh still has it', async () => {
    await ledger.service.setTargets({ year: 2024, annualTonnes: '2200000', lossAllowancePercent: 0.25 });
    expect((await ledger.reopen().getTargets(2024)).lossAllowancePercent).toBe(0.25);
  });

  test('setting the target without an allowance keeps the year’s allowance as it was', async () => {
    await ledger.service.setTargets({ year: 2024, annualTonnes: '2200000', lossAllowancePercent: '0.3' });
    await ledger.service.setTargets({ year: 2024, annualTonnes: '2100000' });
    expect(await ledger.service.getTargets(2024)).toMatchObject({
      annualKg: 2_100_000_000,
      lossAllowancePercent: 0.3,
    });
  });

  test.each([['-0.1'], ['6'], ['half'], ['0.0001']])(
    'an allowance of %s is refused and nothing is written',
    async (value) => {
      const error = await ledger.refused(() =>
        ledger.service.setTargets({ year: 2024, annualTonnes: '2200000', lossAllowancePercent: value }),
      );
      expect(error).toMatchObject({
        code: 'invalid',
        issues: [expect.objectContaining({ code: 'lossAllowancePercent.invalid' })],
      });
    },
  );

  test('a month outside the year asked for is refused with its code', async () => {
    await expect(ledger.service.reconcile({ year: 2024, month: '2023-12' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'month.other_year' })],
    });
    await expect(ledger.service.reconcile({ year: 2024, month: '2024-13' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'month.invalid' })],
    });
  });

  test('voided cargoes are not reconciled', async () => {
    const { shipment } = await ledger.service.recordShipment(discharged({ outturnTonnes: '9900' }));
    await ledger.service.voidShipment(shipment.id, 'entered twice');
    expect((await ledger.service.reconcile({ year: 2024 })).cargoes).toEqual([]);
  });
});

describe('the reconciliation as CSV for Excel', () => {
  const result = reconcile({
    year: 2024,
    month: null,
    lossAllowancePercent: 0.5,
    cargoes: [
      bl('a', '2024-03-02', 'Taraz', 6_980_000, 6_940_500),
      { ...bl('b', '2024-03-15', '=Astana', 10_000_000, null), blNumber: null },
    ],
  });

  test('Russian Excel: `;`, decimal commas, Russian headers and status words, formulas guarded', () => {
    const lines = reconciliationCsv(result, ';', 'ru').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFДата коносамента;Номер коносамента;Судно;По коносаменту, т;При выгрузке, т;Потери, т;Потери, %;Состояние',
    );
    expect(lines[1]).toBe('2024-03-02;BL-a;Taraz;6980,000;6940,500;39,500;0,566;сверх нормы');
    expect(lines[2]).toBe("2024-03-15;;'=Astana;10000,000;;;;ожидает выгрузки");
    expect(lines).toContain('Итого;1;1;6980,000;6940,500;39,500;0,566;1');
    expect(lines).toContain('Норма потерь, % от коносамента;0,500');
  });

  test('English with commas: the month block ends with the total under its columns', () => {
    const lines = reconciliationCsv(result, ',', 'en').split('\r\n');
    const monthHeader = lines.indexOf(
      'Month,Cargoes with outturn,Pending outturn,B/L tonnes,Outturn tonnes,Loss tonnes,Loss %,Beyond allowance',
    );
    expect(lines.slice(monthHeader + 1, monthHeader + 3)).toEqual([
      '2024-03,1,1,6980.000,6940.500,39.500,0.566,1',
      'Total,1,1,6980.000,6940.500,39.500,0.566,1',
    ]);
  });

  test('the service exports it as a report named for the year', async () => {
    const service = new ClerkLedgerOnce();
    try {
      await service.ledger.recordShipment(cargo({ status: 'discharged', outturnTonnes: '9900' }));
      const report = await service.ledger.exportReport({
        year: 2024,
        report: 'reconciliation',
        language: 'kk',
      });
      expect(report.fileName).toBe('transit-reconciliation-2024.csv');
      expect(report.rows).toBe(1);
      expect(report.content.startsWith('\uFEFFКоносамент күні,')).toBe(true);
    } finally {
      service.close();
    }
  });
});

/** One ledger for a single test outside a describe that opens one per test. */
class ClerkLedgerOnce {
  private readonly temp = tempDir();
  readonly ledger = LedgerService.open(this.temp.file('ledger.jsonl'), { actor: 'clerk', now: fixedNow });
  close(): void {
    this.ledger.close();
    this.temp.cleanup();
  }
}
