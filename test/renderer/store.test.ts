/**
 * The store's actions, each one TransitApi call and then a reload of what it changed. The fake
 * ledger runs the real validator; progress is the core's own computeProgress over its shipments.
 */
import { computeProgress } from '../../electron/core/progress';
import type { TransitApi } from '../../electron/core/api';
import { ApiError } from '../../renderer/src/client';
import { useLedger } from '../../renderer/src/store';
import { FakeLedger } from './entry/fake-ledger';

function ledgerWithProgress(): { fake: FakeLedger; api: TransitApi } {
  const fake = new FakeLedger();
  const api: TransitApi = {
    ...fake.api,
    progress: async (query) =>
      computeProgress({
        year: Number((query as { year: number }).year),
        asOf: '2024-08-15',
        shipments: [...fake.shipments.values()].filter((s) => !s.voided),
        targets: {
          year: 2024,
          annualKg: 2_200_000_000,
          monthlyPlanKg: null,
          lossAllowancePercent: 0.5,
          source: 'default',
        },
        baseline: { year: 2023, kg: 1_057_000_000, source: 'default' },
      }),
  };
  return { fake, api };
}

beforeEach(() => {
  useLedger.setState({
    api: null,
    info: null,
    progress: null,
    shipments: [],
    targets: null,
    error: null,
    lastSaved: null,
    year: 2024,
  });
});

test("a saved shipment is reloaded into the year's progress, exactly to the kilogram", async () => {
  const { api } = ledgerWithProgress();
  await useLedger.getState().init(api, 2024);
  const outcome = await useLedger
    .getState()
    .record({ blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9959.5' }, false);
  expect(outcome.status).toBe('saved');
  expect(useLedger.getState().progress?.tonnesKg).toBe(9_959_500);
  expect(useLedger.getState().shipments.map((s) => s.vessel)).toEqual(['Astana']);
  expect(useLedger.getState().lastSaved?.vessel).toBe('Astana');
});

test("a refusal comes back as invalid with the core's issues, and nothing is reloaded as saved", async () => {
  const { fake, api } = ledgerWithProgress();
  await useLedger.getState().init(api, 2024);
  const outcome = await useLedger
    .getState()
    .record({ blDate: '2024-02-30', vessel: 'Astana', netTonnes: '9959.5' }, false);
  expect(outcome).toMatchObject({
    status: 'invalid',
    issues: [expect.objectContaining({ field: 'blDate', code: 'blDate.impossible' })],
  });
  expect(fake.shipments.size).toBe(0);
  expect(useLedger.getState().lastSaved).toBeNull();
});

test('an unusual cargo asks for confirmation, and with it is saved forced', async () => {
  const { fake, api } = ledgerWithProgress();
  await useLedger.getState().init(api, 2024);
  const asked = await useLedger
    .getState()
    .record({ blDate: '2024-08-01', vessel: 'Astana', netTonnes: '20000' }, false);
  expect(asked).toMatchObject({
    status: 'confirm',
    issues: [expect.objectContaining({ code: 'netTonnes.unusual' })],
  });
  const saved = await useLedger
    .getState()
    .record({ blDate: '2024-08-01', vessel: 'Astana', netTonnes: '20000' }, true);
  expect(saved.status).toBe('saved');
  expect(fake.recordCalls.map((call) => call.force)).toEqual([false, true]);
});

test('Undo voids the last saved shipment with the given reason and takes it out of the totals', async () => {
  const { fake, api } = ledgerWithProgress();
  await useLedger.getState().init(api, 2024);
  await useLedger.getState().record({ blDate: '2024-08-01', vessel: 'Taraz', netTonnes: '6980' }, false);
  expect(await useLedger.getState().undoLast('undo')).toBe(true);
  expect(fake.voidCalls.map((call) => call.reason)).toEqual(['undo']);
  expect(useLedger.getState().progress?.tonnesKg).toBe(0);
  expect(useLedger.getState().lastSaved).toBeNull();
});

test("a failure to load is kept with its code, for the banner to say in the person's language", async () => {
  const { api } = ledgerWithProgress();
  const failing: TransitApi = {
    ...api,
    info: async () =>
      Promise.reject(new ApiError({ code: 'unreachable', message: 'Transit Ledger is not answering.' })),
  };
  await useLedger.getState().init(failing, 2024);
  expect(useLedger.getState().error).toEqual({
    code: 'unreachable',
    message: 'Transit Ledger is not answering.',
    issues: [],
  });
});

test('a check asks the core with check: true, writes nothing, and is no save', async () => {
  const { fake, api } = ledgerWithProgress();
  await useLedger.getState().init(api, 2024);
  const store = useLedger.getState();
  expect(await store.check({ blDate: '2024-08-01', vessel: 'Astana', netTonnes: '14 000' })).toEqual({
    status: 'ok',
    warnings: [
      expect.objectContaining({ code: 'netTonnes.large', facts: { tonnesKg: 14_000_000, capacity: 13_000 } }),
    ],
  });
  // A refusal carries the questions too: a cargo above what a tanker carries, and an old date.
  expect(await store.check({ blDate: '2024-05-01', vessel: 'Astana', netTonnes: '20000' })).toMatchObject({
    status: 'confirm',
    issues: [
      expect.objectContaining({ code: 'netTonnes.unusual' }),
      expect.objectContaining({ code: 'blDate.old', facts: { days: 106 } }),
    ],
  });
  expect(fake.checkCalls).toHaveLength(2);
  expect(fake.recordCalls).toEqual([]);
  expect(fake.shipments.size).toBe(0);
  expect(useLedger.getState().lastSaved).toBeNull();
});

test("an amendment's check answers for the cargo as it would stand, and amends nothing", async () => {
  const { fake, api } = ledgerWithProgress();
  const shipment = fake.add({ blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9959.5' });
  await useLedger.getState().init(api, 2024);
  expect(await useLedger.getState().checkAmend(shipment.id, { netTonnes: '20 000' })).toMatchObject({
    status: 'confirm',
    issues: [expect.objectContaining({ code: 'netTonnes.unusual', overridable: true })],
  });
  expect(fake.amendCalls).toEqual([]);
  expect(fake.shipments.get(shipment.id)?.netKg).toBe(9_959_500);
});
