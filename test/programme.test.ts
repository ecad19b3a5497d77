/**
 * The loading programme (issue 12 part 4): nominations matched to recorded cargoes by tanker and
 * laycan, each open, loaded or missed as of a day, tied or kept apart by hand, a month's shipped +
 * still nominated against its plan, and a closed month's programme kept as it was closed.
 * Today at Aktau is 2024-08-15 (test/support/temp.ts). Every figure below is worked out by hand.
 */
import type { NominationStatus, Programme } from '../electron/core/api';
import { TransitError } from '../electron/core/errors';
import { LedgerService } from '../electron/core/service';
import { fixedNow, tempDir } from './support/temp';

let temp: ReturnType<typeof tempDir>;
let service: LedgerService;

beforeEach(async () => {
  temp = tempDir('transit-programme-');
  service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'aliya', now: fixedNow });
  // 2,196,000 t over 366 days is 6,000 t a day: July and August each plan 31 × 6,000 = 186,000 t.
  await service.setTargets({ year: 2024, annualTonnes: '2196000' });
});

afterEach(() => {
  service.close();
  temp.cleanup();
});

const cargo = (blDate: string, vessel: string, netTonnes: string, blNumber?: string) =>
  service.recordShipment({ blDate, vessel, netTonnes, ...(blNumber ? { blNumber } : {}) });

async function nominate(month: string, vessel: string, laycan: [string, string], tonnes: string) {
  const before = new Set((await service.programme({ month })).nominations.map((n) => n.id));
  const programme = await service.nominate({
    month,
    vessel,
    laycanFrom: laycan[0],
    laycanTo: laycan[1],
    tonnes,
  });
  return programme.nominations.find((n) => !before.has(n.id)) as NominationStatus;
}

/** The nomination of the month with this vessel and first laycan day. */
function find(programme: Programme, vessel: string, laycanFrom: string): NominationStatus {
  const found = programme.nominations.find((n) => n.vessel === vessel && n.laycanFrom === laycanFrom);
  if (!found) throw new Error(`no nomination of ${vessel} from ${laycanFrom}`);
  return found;
}

async function refusal(promise: Promise<unknown>): Promise<TransitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TransitError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('matching a cargo to its nomination', () => {
  test('a cargo fulfils the nomination of its tanker whose laycan holds its B/L date, both ends included', async () => {
    await nominate('2024-07', 'Liwa', ['02.07.2024', '04.07.2024'], '9000');
    await nominate('2024-07', 'Aktau', ['05.07.2024', '07.07.2024'], '8000');
    const liwa = await cargo('2024-07-04', 'Liwa', '9959.5', 'L-1');
    await cargo('2024-07-08', 'Aktau', '7000', 'A-1');
    const july = await service.programme({ month: '2024-07' });
    expect(find(july, 'Liwa', '2024-07-02')).toMatchObject({
      state: 'loaded',
      loadedKg: 9_959_500,
      cargoes: [{ id: liwa.shipment.id, blDate: '2024-07-04', netKg: 9_959_500, byHand: false }],
    });
    // The Aktau cargo came a day after its laycan: not fulfilled, and the laycan is over by 15 August.
    expect(find(july, 'Aktau', '2024-07-05')).toMatchObject({ state: 'missed', cargoes: [], loadedKg: 0 });
  });

  test('the tanker is matched as the fleet matches it: a cargo typed ASTANA fulfils an Астана nomination', async () => {
    const nomination = await nominate('2024-07', 'Астана', ['10.07.2024', '12.07.2024'], '8000');
    expect(nomination.vessel).toBe('Astana');
    await cargo('2024-07-11', 'ASTANA', '7800');
    const july = await service.programme({ month: '2024-07' });
    expect(find(july, 'Astana', '2024-07-10')).toMatchObject({ state: 'loaded', loadedKg: 7_800_000 });
  });

  test('a laycan across the month end belongs to the month nominated in; its cargo ships in the next', async () => {
    await nominate('2024-07', 'Taraz', ['29.07.2024', '02.08.2024'], '7000');
    await cargo('2024-08-01', 'Taraz', '6980', 'T-1');
    const july = await service.programme({ month: '2024-07' });
    const august = await service.programme({ month: '2024-08' });
    expect(find(july, 'Taraz', '2024-07-29')).toMatchObject({
      month: '2024-07',
      state: 'loaded',
      loadedKg: 6_980_000,
    });
    expect(august.nominations).toEqual([]);
    // The cargo counts where its B/L date puts it: shipped in August, none in July.
    expect([july.shippedKg, august.shippedKg]).toEqual([0, 6_980_000]);
  });

  test('one cargo fulfils one nomination: of two laycans holding it, the one ending first takes it', async () => {
    await nominate('2024-07', 'Liwa', ['05.07.2024', '09.07.2024'], '9000');
    await nominate('2024-07', 'Liwa', ['06.07.2024', '08.07.2024'], '8000');
    await cargo('2024-07-07', 'Liwa', '8100', 'L-7');
    let july = await service.programme({ month: '2024-07' });
    expect(find(july, 'Liwa', '2024-07-06')).toMatchObject({ state: 'loaded', loadedKg: 8_100_000 });
    expect(find(july, 'Liwa', '2024-07-05')).toMatchObject({ state: 'missed', loadedKg: 0 });
    // A second cargo on the 9th: only the wider laycan still holds it.
    await cargo('2024-07-09', 'Liwa', '9010', 'L-9');
    july = await service.programme({ month: '2024-07' });
    expect(find(july, 'Liwa', '2024-07-05')).toMatchObject({ state: 'loaded', loadedKg: 9_010_000 });
    expect(find(july, 'Liwa', '2024-07-06').loadedKg).toBe(8_100_000);
  });

  test('a second bill of lading in a laycan already loaded joins that nomination', async () => {
    await nominate('2024-07', 'Aktau', ['15.07.2024', '17.07.2024'], '12000');
    await cargo('2024-07-16', 'Aktau', '7000', 'A-16a');
    await cargo('2024-07-16', 'Aktau', '4500.25', 'A-16b');
    const july = await service.programme({ month: '2024-07' });
    const aktau = find(july, 'Aktau', '2024-07-15');
    expect(aktau.cargoes.map((c) => c.blNumber)).toEqual(['A-16a', 'A-16b']);
    expect(aktau.loadedKg).toBe(11_500_250);
  });

  test('a voided cargo no longer fulfils its nomination', async () => {
    await nominate('2024-07', 'Liwa', ['02.07.2024', '04.07.2024'], '9000');
    const liwa = await cargo('2024-07-03', 'Liwa', '9959.5');
    await service.voidShipment(liwa.shipment.id, 'entered twice');
    const july = await service.programme({ month: '2024-07' });
    expect(find(july, 'Liwa', '2024-07-02')).toMatchObject({ state: 'missed', cargoes: [] });
  });
});

describe('states as of a day', () => {
  test('open until the last day of its laycan, missed from the day after, loaded once a cargo fulfils it', async () => {
    await nominate('2024-08', 'Liwa', ['14.08.2024', '16.08.2024'], '9000');
    const asOf = async (day: string) =>
      find(await service.programme({ month: '2024-08', asOf: day }), 'Liwa', '2024-08-14').state;
    expect(await asOf('2024-08-15')).toBe('open');
    expect(await asOf('2024-08-16')).toBe('open');
    expect(await asOf('2024-08-17')).toBe('missed');
    await cargo('2024-08-15', 'Liwa', '8950');
    expect(await asOf('2024-08-17')).toBe('loaded');
  });
});

describe('tied by hand', () => {
  test('a cargo of another tanker outside the laycan, tied by hand, fulfils the nomination instead', async () => {
    const astana = await nominate('2024-07', 'Astana', ['10.07.2024', '12.07.2024'], '8000');
    const taraz = await cargo('2024-07-14', 'Taraz', '7900', 'T-14');
    const before = await service.programme({ month: '2024-07' });
    // Offered for tying: dated within ten days of the laycan.
    expect(find(before, 'Astana', '2024-07-10').candidates.map((c) => c.id)).toEqual([taraz.shipment.id]);
    const july = await service.linkNomination(
      { id: astana.id, cargo: taraz.shipment.id, linked: true },
      { force: true },
    );
    expect(find(july, 'Astana', '2024-07-10')).toMatchObject({
      state: 'loaded',
      loadedKg: 7_900_000,
      cargoes: [{ id: taraz.shipment.id, byHand: true }],
      candidates: [],
    });
  });

  test('a tie by hand takes the cargo from the nomination it matched; kept apart, it matches none', async () => {
    const first = await nominate('2024-07', 'Liwa', ['02.07.2024', '04.07.2024'], '9000');
    const second = await nominate('2024-07', 'Liwa', ['03.07.2024', '06.07.2024'], '9000');
    const liwa = await cargo('2024-07-03', 'Liwa', '9959.5');
    let july = await service.programme({ month: '2024-07' });
    expect(find(july, 'Liwa', '2024-07-02').state).toBe('loaded');
    july = await service.linkNomination({ id: second.id, cargo: liwa.shipment.id, linked: true });
    expect([find(july, 'Liwa', '2024-07-02').state, find(july, 'Liwa', '2024-07-03').state]).toEqual([
      'missed',
      'loaded',
    ]);
    // Kept from the second by hand: the cargo goes back to the first by the matching rule.
    july = await service.linkNomination({ id: second.id, cargo: liwa.shipment.id, linked: false });
    expect([find(july, 'Liwa', '2024-07-02').state, find(july, 'Liwa', '2024-07-03').state]).toEqual([
      'loaded',
      'missed',
    ]);
    july = await service.linkNomination({ id: first.id, cargo: liwa.shipment.id, linked: false });
    expect(find(july, 'Liwa', '2024-07-02')).toMatchObject({ state: 'missed', cargoes: [] });
  });

  test('tying a cargo of another tanker, dated outside the laycan, is asked about until confirmed', async () => {
    const astana = await nominate('2024-07', 'Astana', ['10.07.2024', '12.07.2024'], '8000');
    const taraz = await cargo('2024-07-14', 'Taraz', '7900', 'T-14');
    const refused = await refusal(
      service.linkNomination({ id: astana.id, cargo: taraz.shipment.id, linked: true }),
    );
    expect(refused.issues).toEqual([
      expect.objectContaining({
        code: 'nomination.other_vessel',
        overridable: true,
        facts: { vessel: 'Taraz', nominated: 'Astana' },
      }),
      expect.objectContaining({
        code: 'nomination.outside_laycan',
        overridable: true,
        facts: { blDate: '2024-07-14', from: '2024-07-10', to: '2024-07-12' },
      }),
    ]);
    expect(find(await service.programme({ month: '2024-07' }), 'Astana', '2024-07-10').state).toBe('missed');
  });

  test('tying a cargo of the same tanker within the laycan asks nothing', async () => {
    const first = await nominate('2024-07', 'Liwa', ['02.07.2024', '04.07.2024'], '9000');
    const second = await nominate('2024-07', 'Liwa', ['03.07.2024', '06.07.2024'], '9000');
    const liwa = await cargo('2024-07-03', 'LIWA', '9959.5');
    const july = await service.linkNomination({ id: second.id, cargo: liwa.shipment.id, linked: true });
    expect(find(july, 'Liwa', '2024-07-03').state).toBe('loaded');
    expect(find(july, 'Liwa', '2024-07-02').id).toBe(first.id);
  });

  test('ties, cancellations and nominations are journal entries: a ledger opened again shows the same', async () => {
    const astana = await nominate('2024-07', 'Astana', ['10.07.2024', '12.07.2024'], '8000');
    const liwa = await nominate('2024-07', 'Liwa', ['20.07.2024', '22.07.2024'], '9000');
    const taraz = await cargo('2024-07-14', 'Taraz', '7900');
    await service.linkNomination({ id: astana.id, cargo: taraz.shipment.id, linked: true }, { force: true });
    await service.cancelNomination({ id: liwa.id, reason: 'SOCAR moved the slot to August' });
    const before = await service.programme({ month: '2024-07' });
    service.close();
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'aliya', now: fixedNow });
    expect(await service.programme({ month: '2024-07' })).toEqual(before);
    expect(find(before, 'Liwa', '2024-07-20')).toMatchObject({
      state: 'cancelled',
      cancelReason: 'SOCAR moved the slot to August',
    });
  });
});

describe('the month against its plan', () => {
  test('shipped + still nominated against the plan spread by days, with the gap', async () => {
    await nominate('2024-08', 'Liwa', ['14.08.2024', '16.08.2024'], '9000');
    await nominate('2024-08', 'Aktau', ['20.08.2024', '22.08.2024'], '8 500,5');
    await nominate('2024-08', 'Astana', ['05.08.2024', '07.08.2024'], '8000');
    const cancelled = await nominate('2024-08', 'Taraz', ['25.08.2024', '27.08.2024'], '7000');
    await service.cancelNomination({ id: cancelled.id, reason: 'tanker in dry dock' });
    await cargo('2024-08-01', 'Taraz', '6980');
    await cargo('2024-08-06', 'Astana', '7950.125');
    const august = await service.programme({ month: '2024-08' });
    expect(august.nominations.map((n) => [n.vessel, n.state])).toEqual([
      ['Astana', 'loaded'],
      ['Liwa', 'open'],
      ['Aktau', 'open'],
      ['Taraz', 'cancelled'],
    ]);
    // Shipped: 6,980 + 7,950.125 = 14,930.125 t (the Taraz cargo was not nominated, and still counts).
    // Still nominated: Liwa 9,000 + Aktau 8,500.5 = 17,500.5 t. Outlook 32,430.625 t.
    // Plan 186,000 t; gap 186,000 − 32,430.625 = 153,569.375 t. Programme: 8,000 + 9,000 + 8,500.5.
    expect(august).toMatchObject({
      month: '2024-08',
      asOf: '2024-08-15',
      closed: false,
      planKg: 186_000_000,
      shippedKg: 14_930_125,
      nominatedKg: 17_500_500,
      outlookKg: 32_430_625,
      gapKg: 153_569_375,
      programmeKg: 25_500_500,
    });
  });

  test("the year's own monthly plan is the month's plan when one is set", async () => {
    const plan = Array.from({ length: 12 }, (_, i) => (i === 6 ? '190000' : '182000'));
    await service.setTargets({ year: 2024, annualTonnes: '2192000', monthlyPlanTonnes: plan });
    await nominate('2024-07', 'Liwa', ['30.07.2024', '01.08.2024'], '9000');
    const july = await service.programme({ month: '2024-07', asOf: '2024-07-31' });
    // 11 × 182,000 + 190,000 = 2,192,000 t. Open on the 31st: 9,000 t still nominated; gap 181,000 t.
    expect(july).toMatchObject({ planKg: 190_000_000, nominatedKg: 9_000_000, gapKg: 181_000_000 });
  });
});

describe('a nomination as typed', () => {
  test('laycan days as clerks write them or ISO, tonnes as the app shows them', async () => {
    const made = await nominate('2024-09', 'liwa', ['2024-09-03', '5.9.2024'], '9 959,5');
    expect(made).toMatchObject({
      month: '2024-09',
      vessel: 'Liwa',
      laycanFrom: '2024-09-03',
      laycanTo: '2024-09-05',
      tonnesKg: 9_959_500,
      state: 'open',
      nominatedBy: 'aliya',
    });
  });

  test('every mistake at once, each on its field, and nothing written', async () => {
    const error = await refusal(
      service.nominate({
        month: '2024-13',
        vessel: '',
        laycanFrom: '31.02.2024',
        laycanTo: 'soon',
        tonnes: '-5',
      }),
    );
    expect(error.issues.map((i) => [i.field, i.code])).toEqual([
      ['month', 'month.invalid'],
      ['vessel', 'vessel.required'],
      ['laycanFrom', 'laycan.impossible'],
      ['laycanTo', 'laycan.format'],
      ['plannedTonnes', 'plannedTonnes.invalid'],
    ]);
    expect((await service.programme({ month: '2024-09' })).nominations).toEqual([]);
  });

  test('a laycan ending before it begins, longer than 31 days, or with no day in the month is refused', async () => {
    const codes = async (laycanFrom: string, laycanTo: string) =>
      (
        await refusal(
          service.nominate({ month: '2024-09', vessel: 'Liwa', laycanFrom, laycanTo, tonnes: '9000' }),
        )
      ).issues.map((i) => i.code);
    expect(await codes('05.09.2024', '03.09.2024')).toEqual(['laycan.order']);
    expect(await codes('01.09.2024', '02.10.2024')).toEqual(['laycan.too_long']);
    expect(await codes('01.10.2024', '03.10.2024')).toEqual(['laycan.outside_month']);
    // 30 August to 1 September shares a day with September: accepted.
    const made = await nominate('2024-09', 'Liwa', ['30.08.2024', '01.09.2024'], '9000');
    expect([made.laycanFrom, made.laycanTo]).toEqual(['2024-08-30', '2024-09-01']);
  });

  test('a tanker name too long for the fleet, or holding a control character, is refused', async () => {
    const code = async (vessel: string) =>
      (
        await refusal(
          service.nominate({
            month: '2024-09',
            vessel,
            laycanFrom: '03.09.2024',
            laycanTo: '05.09.2024',
            tonnes: '1',
          }),
        )
      ).issues[0]?.code;
    expect(await code('A'.repeat(101))).toBe('vessel.too_long');
    expect(await code('Liwa\u0007')).toBe('vessel.control_chars');
  });

  test('9,000 t could be nine thousand or nine: asked, with both readings', async () => {
    const error = await refusal(
      service.nominate({
        month: '2024-09',
        vessel: 'Liwa',
        laycanFrom: '03.09.2024',
        laycanTo: '05.09.2024',
        tonnes: '9,000',
      }),
    );
    expect(error.issues[0]).toMatchObject({
      code: 'plannedTonnes.ambiguous',
      facts: { value: '9,000', asThousandsKg: 9_000_000, asDecimalKg: 9_000 },
    });
  });

  test('an unknown tanker is a question with the closest names; confirmed, it is nominated as typed', async () => {
    const input = {
      month: '2024-09',
      vessel: 'Astna',
      laycanFrom: '03.09.2024',
      laycanTo: '05.09.2024',
      tonnes: '8000',
    };
    const error = await refusal(service.nominate(input));
    expect(error.issues).toEqual([
      expect.objectContaining({
        code: 'vessel.unknown',
        overridable: true,
        facts: { value: 'Astna', suggestions: 'Astana' },
      }),
    ]);
    const september = await service.nominate(input, { force: true });
    expect(september.nominations.map((n) => n.vessel)).toEqual(['Astna']);
  });

  test('a check writes nothing', async () => {
    const input = {
      month: '2024-09',
      vessel: 'Liwa',
      laycanFrom: '03.09.2024',
      laycanTo: '05.09.2024',
      tonnes: '8000',
    };
    await service.nominate(input, { check: true });
    expect((await service.programme({ month: '2024-09' })).nominations).toEqual([]);
  });
});

describe('planned tonnes judged as a cargo’s net tonnes are', () => {
  const plan = (tonnes: string, force = false) =>
    service.nominate(
      { month: '2024-09', vessel: 'Taraz', laycanFrom: '02.09.2024', laycanTo: '04.09.2024', tonnes },
      { force },
    );

  test('beyond any tanker (above 100,000 t) is refused outright, even when confirmed', async () => {
    const refused = await refusal(plan('99999999999', true));
    expect(refused.issues).toEqual([
      expect.objectContaining({ field: 'plannedTonnes', code: 'plannedTonnes.too_large' }),
    ]);
  });

  test('above 15,000 t is asked about, and nominated once confirmed', async () => {
    const refused = await refusal(plan('16000'));
    expect(refused.issues).toEqual([
      expect.objectContaining({
        code: 'plannedTonnes.unusual',
        overridable: true,
        facts: expect.objectContaining({ tonnesKg: 16_000_000 }),
      }),
    ]);
    const september = await plan('16000', true);
    expect(september.nominations.map((n) => n.tonnesKg)).toEqual([16_000_000]);
  });

  test('above the tanker’s deadweight (13,000 t for the class) is asked about; at it, nothing is', async () => {
    const refused = await refusal(plan('13500'));
    expect(refused.issues).toEqual([
      expect.objectContaining({
        code: 'plannedTonnes.above_deadweight',
        overridable: true,
        facts: { vessel: 'Taraz', deadweightKg: 13_000_000, tonnesKg: 13_500_000 },
      }),
    ]);
    expect((await plan('13000')).nominations.map((n) => n.tonnesKg)).toEqual([13_000_000]);
  });
});

describe('a closed month keeps its programme', () => {
  test('no nomination added, cancelled or tied by hand in a closed month until it is reopened', async () => {
    const liwa = await nominate('2024-07', 'Liwa', ['02.07.2024', '04.07.2024'], '9000');
    const taraz = await cargo('2024-07-20', 'Taraz', '6980');
    await service.closeMonth({ month: '2024-07', reason: 'Reconciled with Sangachal' });
    const closed = { field: 'month', code: 'programme.month_closed' };
    const codes = async (promise: Promise<unknown>) => (await refusal(promise)).issues;
    expect(
      await codes(
        service.nominate({
          month: '2024-07',
          vessel: 'Liwa',
          laycanFrom: '20.07.2024',
          laycanTo: '22.07.2024',
          tonnes: '1',
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        ...closed,
        facts: expect.objectContaining({ month: '2024-07', closedBy: 'aliya' }),
      }),
    ]);
    expect(await codes(service.cancelNomination({ id: liwa.id, reason: 'late' }))).toEqual([
      expect.objectContaining(closed),
    ]);
    expect(
      await codes(service.linkNomination({ id: liwa.id, cargo: taraz.shipment.id, linked: true })),
    ).toEqual([expect.objectContaining(closed)]);
    expect((await service.programme({ month: '2024-07' })).closed).toBe(true);
    await service.reopenMonth({ month: '2024-07', reason: 'Outturn corrected' });
    const july = await service.cancelNomination({ id: liwa.id, reason: 'late' });
    expect(find(july, 'Liwa', '2024-07-02').state).toBe('cancelled');
  });

  test('a hand tie that would take a cargo from a closed month’s nomination is refused, naming the month', async () => {
    await nominate('2024-07', 'Astana', ['29.07.2024', '31.07.2024'], '8000');
    const liwa = await nominate('2024-08', 'Liwa', ['02.08.2024', '04.08.2024'], '9000');
    const d1 = await cargo('2024-07-30', 'Astana', '7800', 'D1');
    await service.closeMonth({ month: '2024-07', reason: 'Reconciled with Sangachal' });
    const refused = await refusal(
      service.linkNomination({ id: liwa.id, cargo: d1.shipment.id, linked: true }),
    );
    expect(refused.issues).toEqual([
      expect.objectContaining({
        code: 'programme.month_closed',
        facts: expect.objectContaining({ month: '2024-07' }),
      }),
    ]);
    const july = await service.programme({ month: '2024-07' });
    expect(find(july, 'Astana', '2024-07-29')).toMatchObject({ state: 'loaded', loadedKg: 7_800_000 });
  });

  test('a cargo recorded after the close leaves a closed month’s nomination as it was until a reopen', async () => {
    // The laycan runs into August; July is closed with the Aktau nomination unfulfilled.
    await nominate('2024-07', 'Aktau', ['30.07.2024', '02.08.2024'], '8000');
    await service.closeMonth({ month: '2024-07', reason: 'Reconciled with Sangachal' });
    await cargo('2024-08-01', 'Aktau', '7000', 'A-8');
    const july = await service.programme({ month: '2024-07' });
    expect(find(july, 'Aktau', '2024-07-30')).toMatchObject({ state: 'missed', cargoes: [], loadedKg: 0 });
    await service.reopenMonth({ month: '2024-07', reason: 'Late B/L found' });
    const reopened = await service.programme({ month: '2024-07' });
    expect(find(reopened, 'Aktau', '2024-07-30')).toMatchObject({ state: 'loaded', loadedKg: 7_000_000 });
  });

  test('a closed month’s nomination keeps its cargo when the ledger is opened again', async () => {
    await nominate('2024-07', 'Taraz', ['20.07.2024', '22.07.2024'], '6980');
    const t1 = await cargo('2024-07-21', 'Taraz', '6980', 'T-1');
    await service.closeMonth({ month: '2024-07', reason: 'Reconciled with Sangachal' });
    service.close();
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'aliya', now: fixedNow });
    const july = await service.programme({ month: '2024-07' });
    expect(find(july, 'Taraz', '2024-07-20').cargoes.map((c) => c.id)).toEqual([t1.shipment.id]);
  });

  test('a cancelled nomination cannot be cancelled again, nor an unknown one', async () => {
    const liwa = await nominate('2024-09', 'Liwa', ['02.09.2024', '04.09.2024'], '9000');
    await service.cancelNomination({ id: liwa.id, reason: 'moved' });
    expect((await refusal(service.cancelNomination({ id: liwa.id, reason: 'again' }))).issues[0]?.code).toBe(
      'nomination.cancelled',
    );
    expect((await refusal(service.cancelNomination({ id: 'nope', reason: 'x' }))).issues[0]?.code).toBe(
      'nomination.not_found',
    );
  });
});
