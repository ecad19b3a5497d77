/**
 * Issue 12 part 2, "Voyages": a cargo's arrival and discharge dates, the status they decide, and
 * per vessel for a year its cargoes, tonnes, average cargo, voyages, average transit and
 * turnaround days. Every figure below is worked out by hand beside it; the leap day of 2024 is
 * inside one voyage (B/L 28 Feb, discharged 1 Mar: 2 days, not 1).
 */
import type { Shipment } from '../electron/core/api';
import { validateAmendment, validateShipment, type ValidationContext } from '../electron/core/shipment';
import { calendarDaysBetween, formStatusForDates } from '../electron/core/voyage-dates';
import { voyages, type VoyageCargo } from '../electron/core/voyages';

const TODAY = '2024-08-15';
const context: ValidationContext = { today: TODAY, findByBlNumber: () => undefined, findSameCargo: () => [] };
const base = { blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9959.5' };

function saved(input: Record<string, unknown>) {
  const result = validateShipment(input, context);
  if (!result.ok) throw new Error(`refused: ${result.errors.map((e) => e.code).join(', ')}`);
  return result.value;
}

function refusals(input: Record<string, unknown>) {
  const result = validateShipment(input, context);
  return result.ok
    ? []
    : result.errors.map((issue) => ({ field: issue.field, code: issue.code, facts: issue.facts }));
}

describe('the voyage dates as fields', () => {
  test('are optional: a cargo without them keeps both as null and its status as given or defaulted', () => {
    expect(saved(base)).toMatchObject({ arrivalDate: null, dischargeDate: null, status: 'loaded' });
    expect(saved({ ...base, status: 'in transit' })).toMatchObject({
      status: 'in_transit',
      dischargeDate: null,
    });
  });

  test('are read as clerks write them and kept as YYYY-MM-DD', () => {
    const value = saved({ ...base, arrivalDate: '03.08.2024', dischargeDate: '2024-08-04' });
    expect(value).toMatchObject({ arrivalDate: '2024-08-03', dischargeDate: '2024-08-04' });
  });

  test('an impossible or unreadable date is refused with its own code, as the B/L date is', () => {
    expect(refusals({ ...base, dischargeDate: '2023-02-29' })).toEqual([
      {
        field: 'dischargeDate',
        code: 'dischargeDate.impossible',
        facts: expect.objectContaining({ days: 28 }),
      },
    ]);
    expect(refusals({ ...base, arrivalDate: 'soon' })).toEqual([
      { field: 'arrivalDate', code: 'arrivalDate.format', facts: { value: 'soon' } },
    ]);
  });

  test('neither date may be before the B/L date', () => {
    expect(refusals({ ...base, arrivalDate: '2024-07-30', dischargeDate: '2024-07-31', status: '' })).toEqual(
      [
        { field: 'arrivalDate', code: 'arrivalDate.before_bl', facts: { date: '2024-08-01' } },
        { field: 'dischargeDate', code: 'dischargeDate.before_bl', facts: { date: '2024-08-01' } },
      ],
    );
  });

  test('the day of loading itself is allowed (a transit of 0 days)', () => {
    expect(saved({ ...base, dischargeDate: '2024-08-01' })).toMatchObject({ dischargeDate: '2024-08-01' });
  });

  test('arrival may not be after discharge; the same day is allowed', () => {
    expect(refusals({ ...base, arrivalDate: '2024-08-05', dischargeDate: '2024-08-04' })).toEqual([
      { field: 'arrivalDate', code: 'arrivalDate.after_discharge', facts: { date: '2024-08-04' } },
    ]);
    expect(saved({ ...base, arrivalDate: '2024-08-04', dischargeDate: '2024-08-04' }).status).toBe(
      'discharged',
    );
  });

  test('neither may be after today at Aktau', () => {
    expect(refusals({ ...base, dischargeDate: '2024-08-16' })).toEqual([
      { field: 'dischargeDate', code: 'dischargeDate.future', facts: { today: TODAY } },
    ]);
  });
});

describe('the status follows the dates', () => {
  test('a discharge date with the status left blank means discharged', () => {
    expect(saved({ ...base, dischargeDate: '2024-08-03' }).status).toBe('discharged');
  });

  test('an arrival date alone with the status left blank means in transit', () => {
    expect(saved({ ...base, arrivalDate: '2024-08-03' }).status).toBe('in_transit');
  });

  test('an arrival date with discharged given is a discharge whose date is not known yet', () => {
    expect(saved({ ...base, arrivalDate: '2024-08-03', status: 'discharged' })).toMatchObject({
      status: 'discharged',
      dischargeDate: null,
    });
  });

  test('a status given that the dates contradict is refused at the status, never changed silently', () => {
    expect(refusals({ ...base, dischargeDate: '2024-08-03', status: 'in transit' })).toEqual([
      { field: 'status', code: 'status.discharge_date', facts: { date: '2024-08-03' } },
    ]);
    expect(refusals({ ...base, arrivalDate: '2024-08-03', status: 'погружен' })).toEqual([
      { field: 'status', code: 'status.arrival_date', facts: { date: '2024-08-03' } },
    ]);
  });

  test('discharged without any date stays allowed (every ledger before the dates has such cargoes)', () => {
    expect(saved({ ...base, status: 'discharged' })).toMatchObject({
      status: 'discharged',
      dischargeDate: null,
    });
  });

  describe('an amendment', () => {
    const current: Shipment = {
      ...saved({ ...base, status: 'in transit' }),
      id: 'abc123def4',
      voided: false,
      voidReason: null,
      recordedAt: '2024-08-01T10:00:00.000Z',
      recordedBy: 'clerk',
      updatedAt: '2024-08-01T10:00:00.000Z',
    };

    test('that gives a discharge date alone also makes the cargo discharged', () => {
      expect(validateAmendment(current, { dischargeDate: '04.08.2024' }, context)).toEqual({
        ok: true,
        value: { dischargeDate: '2024-08-04', status: 'discharged' },
        warnings: [],
      });
    });

    test('that gives an arrival date alone keeps a cargo in transit as it was', () => {
      expect(validateAmendment(current, { arrivalDate: '2024-08-03' }, context)).toEqual({
        ok: true,
        value: { arrivalDate: '2024-08-03' },
        warnings: [],
      });
    });

    const discharged: Shipment = {
      ...current,
      ...saved({ ...base, arrivalDate: '2024-08-03', dischargeDate: '2024-08-04' }),
    };

    test('that clears the discharge date of a cargo that arrived takes it back to in transit', () => {
      expect(validateAmendment(discharged, { dischargeDate: '' }, context)).toEqual({
        ok: true,
        value: { dischargeDate: null, status: 'in_transit' },
        warnings: [],
      });
    });

    test('that clears both dates takes the cargo back to loaded, the status of a cargo with no dates', () => {
      expect(validateAmendment(discharged, { arrivalDate: '', dischargeDate: '' }, context)).toEqual({
        ok: true,
        value: { arrivalDate: null, dischargeDate: null, status: 'loaded' },
        warnings: [],
      });
      const arrived: Shipment = { ...current, ...saved({ ...base, arrivalDate: '2024-08-03' }) };
      expect(validateAmendment(arrived, { arrivalDate: '' }, context)).toMatchObject({
        ok: true,
        value: { arrivalDate: null, status: 'loaded' },
      });
    });

    test('that clears a date and names a status keeps the status named', () => {
      const result = validateAmendment(discharged, { dischargeDate: '', status: 'discharged' }, context);
      expect(result).toEqual({ ok: true, value: { dischargeDate: null }, warnings: [] });
    });

    test('that gives a discharge date and a contradicting status is refused', () => {
      const result = validateAmendment(current, { dischargeDate: '2024-08-04', status: 'loaded' }, context);
      expect(result.ok ? [] : result.errors.map((issue) => issue.code)).toEqual(['status.discharge_date']);
    });
  });

  test("the form's status moves with its date fields by the same rule", () => {
    expect(formStatusForDates('', '04.08.2024', 'loaded')).toBe('discharged');
    expect(formStatusForDates('03.08.2024', '', 'loaded')).toBe('in_transit');
    expect(formStatusForDates('03.08.2024', '', 'discharged')).toBe('discharged');
    expect(formStatusForDates('', '', 'in_transit')).toBe('in_transit');
  });
});

describe('calendar days', () => {
  test('count the leap day: 28 Feb to 1 Mar 2024 is 2 days, 2023 is 1', () => {
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(calendarDaysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(calendarDaysBetween('2024-12-30', '2025-01-02')).toBe(3);
  });
});

const cargo = (
  overrides: Partial<VoyageCargo> & Pick<VoyageCargo, 'id' | 'blDate' | 'vessel' | 'netKg'>,
) => ({
  blNumber: null,
  voyage: null,
  arrivalDate: null,
  dischargeDate: null,
  ...overrides,
});

/**
 * Astana: voyage 3/24 loaded 28 Feb 2024 (leap year), at Sangachal 29 Feb, discharged 1 Mar: at sea
 * 1 day, transit 2. Voyage 4/24 on 10 Mar: two bills (8,800 t discharged 13 Mar, transit 3; 1,000.25
 * t not yet discharged). A cargo of 22 Mar without a voyage number, discharged 27 Mar: transit 5.
 * Taraz: loaded 30 Dec 2024, discharged 2 Jan 2025 (counts in 2024, the B/L year): transit 3; a
 * cargo of 29 Dec 2023 is another year's. Liwa: one cargo, no dates yet.
 */
const CARGOES: VoyageCargo[] = [
  cargo({ id: 'a1', blDate: '2024-02-28', vessel: 'Astana', voyage: '3/24', netKg: 9_959_500 }),
  cargo({ id: 'a2', blDate: '2024-03-10', vessel: 'Astana', voyage: '4/24', netKg: 8_800_000 }),
  cargo({ id: 'a3', blDate: '2024-03-10', vessel: 'Astana', voyage: ' 4/24 ', netKg: 1_000_250 }),
  cargo({ id: 'a4', blDate: '2024-03-22', vessel: 'Astana', netKg: 6_900_000, dischargeDate: '2024-03-27' }),
  cargo({ id: 't1', blDate: '2024-12-30', vessel: 'Taraz', voyage: '9/24', netKg: 6_980_000 }),
  cargo({ id: 't0', blDate: '2023-12-29', vessel: 'Taraz', voyage: '8/23', netKg: 6_500_000 }),
  cargo({ id: 'l1', blDate: '2024-05-05', vessel: 'Liwa', netKg: 7_000_000 }),
].map((c) => {
  if (c.id === 'a1') return { ...c, arrivalDate: '2024-02-29', dischargeDate: '2024-03-01' };
  if (c.id === 'a2') return { ...c, dischargeDate: '2024-03-13' };
  if (c.id === 't1') return { ...c, arrivalDate: '2025-01-01', dischargeDate: '2025-01-02' };
  return c;
});

describe('vessels and voyages for a year', () => {
  const report = voyages({ year: 2024, cargoes: CARGOES });

  test("each cargo's days at sea (arrival − B/L) and transit (discharge − B/L), in B/L date order", () => {
    expect(report.cargoes.map((c) => [c.id, c.daysAtSea, c.transitDays])).toEqual([
      ['a1', 1, 2],
      ['a2', null, 3],
      ['a3', null, null],
      ['a4', null, 5],
      ['l1', null, null],
      ['t1', 2, 3],
    ]);
  });

  test('Astana: 4 cargoes, 26,659.750 t, 3 voyages, transit 3.3 days over 3, turnaround 11.5 days', () => {
    expect(report.byVessel.find((v) => v.vessel === 'Astana')).toEqual({
      vessel: 'Astana',
      cargoes: 4,
      // 9,959.5 + 8,800 + 1,000.25 + 6,900 t
      netKg: 26_659_750,
      // 26,659,750 / 4 = 6,664,937.5 kg, half up
      averageCargoKg: 6_664_938,
      // 3/24, 4/24 (two bills, one written with spaces), and the unnumbered one of 22 Mar
      voyages: 3,
      discharged: 3,
      pending: 1,
      // (2 + 3 + 5) / 3 = 3.33
      averageTransitDays: 3.3,
      // 28 Feb → 10 Mar 2024 is 11 days (29 Feb counted), 10 Mar → 22 Mar 12: (11 + 12) / 2
      turnarounds: 2,
      averageTurnaroundDays: 11.5,
    });
  });

  test('Taraz: its December cargo discharged in January counts in 2024; one voyage has no turnaround', () => {
    expect(report.byVessel.find((v) => v.vessel === 'Taraz')).toEqual({
      vessel: 'Taraz',
      cargoes: 1,
      netKg: 6_980_000,
      averageCargoKg: 6_980_000,
      voyages: 1,
      discharged: 1,
      pending: 0,
      averageTransitDays: 3,
      turnarounds: 0,
      averageTurnaroundDays: null,
    });
  });

  test('Liwa: a cargo awaiting discharge is pending, never a transit of zero days', () => {
    expect(report.byVessel.find((v) => v.vessel === 'Liwa')).toMatchObject({
      cargoes: 1,
      discharged: 0,
      pending: 1,
      averageTransitDays: null,
    });
  });

  test('the vessels A to Z, and the totals over the fleet', () => {
    expect(report.byVessel.map((v) => v.vessel)).toEqual(['Astana', 'Liwa', 'Taraz']);
    expect(report.totals).toEqual({
      cargoes: 6,
      // 26,659,750 + 7,000,000 + 6,980,000
      netKg: 40_639_750,
      // 40,639,750 / 6 = 6,773,291.67
      averageCargoKg: 6_773_292,
      voyages: 5,
      discharged: 4,
      pending: 2,
      // (2 + 3 + 5 + 3) / 4 = 3.25, half up to 3.3
      averageTransitDays: 3.3,
      // Astana's two intervals, 11 and 12 days; nobody else has one
      turnarounds: 2,
      averageTurnaroundDays: 11.5,
    });
  });

  test('a year without cargoes has empty lists and no averages', () => {
    expect(voyages({ year: 2022, cargoes: CARGOES })).toEqual({
      year: 2022,
      cargoes: [],
      byVessel: [],
      totals: {
        cargoes: 0,
        netKg: 0,
        averageCargoKg: null,
        voyages: 0,
        discharged: 0,
        pending: 0,
        averageTransitDays: null,
        turnarounds: 0,
        averageTurnaroundDays: null,
      },
    });
  });
});
