/**
 * The fleet, as a specification: the route's tankers a vessel name is matched to, the questions a
 * cargo's vessel and tonnes raise, and the fleet as ledger data (written, folded, shared by stations).
 */
import type { LedgerEvent } from '../electron/core/events';
import {
  CLASS_DEADWEIGHT_KG,
  DEFAULT_FLEET,
  editDistance,
  matchVessel,
  vesselKey,
  type FleetVessel,
} from '../electron/core/fleet';
import { Ledger } from '../electron/core/ledger';
import { LedgerState } from '../electron/core/state';
import { foldStations } from '../electron/core/stations/fold';
import { cargo, ClerkLedger } from './support/service';
import { fixedNow } from './support/temp';

const ledger = ClerkLedger.perTest();

function issuesOf(error: unknown): { code: string; field: string; facts?: object }[] {
  return (error as { issues: { code: string; field: string; facts?: object }[] }).issues;
}

describe('a typed name is matched to the fleet', () => {
  test('the default fleet is the tankers of the domain facts, each at the 13,000 dwt class figure', () => {
    expect(DEFAULT_FLEET.map((vessel) => vessel.name)).toEqual([
      'Astana',
      'Aktau',
      'Taraz',
      'Liwa',
      'President Heydar Aliyev',
      'Akademik Khoshbakht Yusifzade',
    ]);
    expect(DEFAULT_FLEET.every((vessel) => vessel.deadweightKg === CLASS_DEADWEIGHT_KG)).toBe(true);
    expect(DEFAULT_FLEET.every((vessel) => vessel.imo === null && !vessel.retired)).toBe(true);
  });

  test('case, spaces and punctuation do not matter: "ASTANA", "as tana" and "Astana." are Astana', () => {
    for (const typed of ['ASTANA', ' as tana ', 'Astana.'])
      expect(matchVessel(DEFAULT_FLEET, typed)).toMatchObject({ known: true, vessel: { name: 'Astana' } });
    expect(matchVessel(DEFAULT_FLEET, 'Astana')).toMatchObject({ known: true, how: 'exact' });
  });

  test('Cyrillic and Azerbaijani spellings are their tankers: Лива → Liwa, Ақтау → Aktau, Xoşbəxt → Khoshbakht', () => {
    expect(matchVessel(DEFAULT_FLEET, 'Лива')).toMatchObject({ known: true, vessel: { name: 'Liwa' } });
    expect(matchVessel(DEFAULT_FLEET, 'Ақтау')).toMatchObject({ known: true, vessel: { name: 'Aktau' } });
    expect(matchVessel(DEFAULT_FLEET, 'Гейдар Алиев')).toMatchObject({ known: false });
    expect(matchVessel(DEFAULT_FLEET, 'Президент Гейдар Алиев')).toMatchObject({
      known: true,
      how: 'alias',
      vessel: { name: 'President Heydar Aliyev' },
    });
    expect(matchVessel(DEFAULT_FLEET, 'Akademik Xoşbəxt Yusifzadə')).toMatchObject({
      known: true,
      vessel: { name: 'Akademik Khoshbakht Yusifzade' },
    });
    expect(vesselKey('Астана')).toBe(vesselKey('Astana'));
  });

  test('a schwa written into the English name is read as its e: "Yusifzadə" and "Yusifzadǝ" are Yusifzade', () => {
    for (const typed of ['Akademik Khoshbakht Yusifzadə', 'Akademik Khoshbakht Yusifzad\u01dd'])
      expect(matchVessel(DEFAULT_FLEET, typed)).toMatchObject({
        known: true,
        vessel: { name: 'Akademik Khoshbakht Yusifzade' },
      });
    expect(matchVessel(DEFAULT_FLEET, 'President Heydər Əliyev')).toMatchObject({
      known: true,
      vessel: { name: 'President Heydar Aliyev' },
    });
  });

  test('an unknown name is offered the closest names: "Astna" → Astana, "Tarz" → Taraz, "Aktua" → Aktau', () => {
    expect(matchVessel(DEFAULT_FLEET, 'Astna')).toEqual({ known: false, suggestions: ['Astana'] });
    expect(matchVessel(DEFAULT_FLEET, 'Tarz')).toEqual({ known: false, suggestions: ['Taraz'] });
    expect(matchVessel(DEFAULT_FLEET, 'Aktua')).toEqual({ known: false, suggestions: ['Aktau'] });
    expect(matchVessel(DEFAULT_FLEET, 'President')).toEqual({
      known: false,
      suggestions: ['President Heydar Aliyev'],
    });
  });

  test('a name like none in the fleet is unknown with nothing offered', () => {
    expect(matchVessel(DEFAULT_FLEET, 'Caspian Star')).toEqual({ known: false, suggestions: [] });
  });

  test('a retired tanker is still recognised but no longer offered', () => {
    const fleet = DEFAULT_FLEET.map((vessel) =>
      vessel.name === 'Astana' ? { ...vessel, retired: true } : vessel,
    );
    expect(matchVessel(fleet, 'Astana')).toMatchObject({ known: true });
    expect(matchVessel(fleet, 'Astna')).toEqual({ known: false, suggestions: [] });
  });

  test('the edit distance counts a swap of neighbours as one slip', () => {
    expect(editDistance('astana', 'astna')).toBe(1);
    expect(editDistance('astana', 'atsana')).toBe(1);
    expect(editDistance('taraz', 'aktau')).toBe(4);
    expect(editDistance('', 'liwa')).toBe(4);
  });
});

describe('a cargo is asked about its vessel', () => {
  test('"Astna" is refused with the question and Astana offered, and saved as typed once confirmed', async () => {
    const error = await ledger.refused(() => ledger.service.recordShipment(cargo({ vessel: 'Astna' })));
    expect(issuesOf(error)).toEqual([
      expect.objectContaining({
        field: 'vessel',
        code: 'vessel.unknown',
        overridable: true,
        facts: { value: 'Astna', suggestions: 'Astana' },
      }),
    ]);
    const saved = await ledger.service.recordShipment(cargo({ vessel: 'Astna' }), { force: true });
    expect(saved.shipment.vessel).toBe('Astna');
    expect(saved.warnings).toEqual([expect.objectContaining({ code: 'vessel.unknown' })]);
  });

  test('a check asks the same question and writes nothing', async () => {
    const error = await ledger.refused(() =>
      ledger.service.recordShipment(cargo({ vessel: 'Tarz' }), { check: true }),
    );
    expect(issuesOf(error)[0]).toMatchObject({ code: 'vessel.unknown', facts: { suggestions: 'Taraz' } });
  });

  test('a known alias is stored as the fleet names the tanker: Лива is saved as Liwa', async () => {
    const { shipment, warnings } = await ledger.service.recordShipment(cargo({ vessel: 'Лива' }));
    expect(shipment.vessel).toBe('Liwa');
    expect(warnings).toEqual([]);
  });

  test("a cargo above its tanker's deadweight is asked about, naming it, and saved if confirmed", async () => {
    await ledger.service.saveVessel({ id: 'taraz', name: 'Taraz', deadweightTonnes: '7000' });
    const error = await ledger.refused(() =>
      ledger.service.recordShipment(cargo({ vessel: 'Taraz', netTonnes: '7200' })),
    );
    expect(issuesOf(error)).toEqual([
      expect.objectContaining({
        field: 'netTonnes',
        code: 'netTonnes.above_deadweight',
        facts: { vessel: 'Taraz', deadweightKg: 7_000_000, tonnesKg: 7_200_000 },
      }),
    ]);
    await expect(
      ledger.service.recordShipment(cargo({ vessel: 'Taraz', netTonnes: '7200' }), { force: true }),
    ).resolves.toMatchObject({ shipment: { netKg: 7_200_000 } });
  });

  test('an amendment asks about the vessel only when the vessel is changed', async () => {
    const { shipment } = await ledger.service.recordShipment(cargo({ vessel: 'Astna' }), { force: true });
    await expect(
      ledger.service.amendShipment(shipment.id, { voyage: '12/24' }, { reason: 'voyage' }),
    ).resolves.toMatchObject({ shipment: { vessel: 'Astna', voyage: '12/24' } });
    const error = await ledger.refused(() =>
      ledger.service.amendShipment(shipment.id, { vessel: 'Aktua' }, { reason: 'vessel' }),
    );
    expect(issuesOf(error)[0]).toMatchObject({ code: 'vessel.unknown', facts: { suggestions: 'Aktau' } });
    await expect(
      ledger.service.amendShipment(shipment.id, { vessel: 'Астана' }, { reason: 'vessel' }),
    ).resolves.toMatchObject({ shipment: { vessel: 'Astana' } });
  });
});

describe('the fleet is ledger data', () => {
  test('a ledger with no fleet entry has the default fleet', async () => {
    expect(await ledger.service.getFleet()).toEqual(DEFAULT_FLEET);
  });

  test('a tanker added in Settings is known from then on, after a reopen too', async () => {
    const fleet = await ledger.service.saveVessel({
      name: 'Caspian Star',
      imo: '9301615',
      deadweightTonnes: '12 000',
      aliases: 'Каспиан Стар, Каспий Стар',
    });
    expect(fleet.at(-1)).toMatchObject({
      name: 'Caspian Star',
      imo: '9301615',
      deadweightKg: 12_000_000,
      aliases: ['Каспиан Стар', 'Каспий Стар'],
      retired: false,
    });
    const reopened = ledger.reopen();
    await expect(reopened.recordShipment(cargo({ vessel: 'каспиан стар' }))).resolves.toMatchObject({
      shipment: { vessel: 'Caspian Star' },
    });
  });

  test('an edit states the tanker whole under its id: renamed, retired, the alias following the new name', async () => {
    await ledger.service.saveVessel({ id: 'liwa', name: 'Liwa II', aliases: ['Лива'] });
    await ledger.service.saveVessel({ id: 'aktau', name: 'Aktau', retired: true });
    const fleet = await ledger.service.getFleet();
    expect(fleet.find((vessel) => vessel.id === 'liwa')).toMatchObject({
      name: 'Liwa II',
      deadweightKg: null,
    });
    expect(fleet.find((vessel) => vessel.id === 'aktau')).toMatchObject({ retired: true });
    await expect(ledger.service.recordShipment(cargo({ vessel: 'Лива' }))).resolves.toMatchObject({
      shipment: { vessel: 'Liwa II' },
    });
  });

  test('a name or alias another tanker answers to is refused, and a bad IMO or deadweight too', async () => {
    const codeOf = async (input: Parameters<typeof ledger.service.saveVessel>[0]) =>
      issuesOf(await ledger.refused(() => ledger.service.saveVessel(input)))[0];
    expect(await codeOf({ name: 'ASTANA' })).toMatchObject({
      field: 'name',
      code: 'fleet.name_taken',
      facts: { vessel: 'Astana' },
    });
    expect(await codeOf({ name: 'Atyrau', aliases: 'Лива' })).toMatchObject({ code: 'fleet.name_taken' });
    // Azerbaijani ə is written `e` in one tanker's English name and `a` in another's: both are the same name.
    expect(await codeOf({ name: 'Akademik Khoshbakht Yusifzadə' })).toMatchObject({
      code: 'fleet.name_taken',
      facts: { vessel: 'Akademik Khoshbakht Yusifzade' },
    });
    expect(await codeOf({ name: 'President Heydər Əliyev' })).toMatchObject({ code: 'fleet.name_taken' });
    // The Latin turned e (ǝ, U+01DD) that fonts draw as ə is the same letter to a clerk.
    expect(await codeOf({ name: 'Akademik Khoshbakht Yusifzad\u01dd' })).toMatchObject({
      code: 'fleet.name_taken',
    });
    expect(await codeOf({ name: 'Atyrau', imo: '9301614' })).toMatchObject({ code: 'imo.check_digit' });
    expect(await codeOf({ name: 'Atyrau', deadweightTonnes: '-5' })).toMatchObject({
      code: 'deadweightTonnes.invalid',
    });
    expect(await codeOf({ name: 'Atyrau', deadweightTonnes: '12,500' })).toMatchObject({
      code: 'deadweightTonnes.ambiguous',
    });
    expect(await codeOf({ name: ' ' })).toMatchObject({ code: 'fleet.name_required' });
    expect(await codeOf({ id: 'nope', name: 'Atyrau' })).toMatchObject({ code: 'fleet.not_found' });
  });

  test('vessel events fold over the defaults: the latest of a tanker stands', () => {
    const state = new LedgerState();
    const event = (seq: number, vessel: FleetVessel): LedgerEvent => ({
      seq,
      at: '2024-08-01T00:00:00Z',
      actor: 'clerk',
      type: 'vessel',
      vessel,
    });
    const taraz = DEFAULT_FLEET[2] as FleetVessel;
    state.apply(event(1, { ...taraz, deadweightKg: 12_000_000 }));
    state.apply(event(2, { ...taraz, deadweightKg: 12_500_000 }));
    expect(state.fleet().find((vessel) => vessel.id === 'taraz')?.deadweightKg).toBe(12_500_000);
    expect(state.fleet()).toHaveLength(DEFAULT_FLEET.length);
  });

  test('every station that holds the same fleet entries sees the same fleet', () => {
    const added = (seq: number, name: string): LedgerEvent => ({
      seq,
      at: '2024-08-01T00:00:00Z',
      actor: 'clerk',
      type: 'vessel',
      vessel: { id: name.toLowerCase(), name, imo: null, deadweightKg: null, aliases: [], retired: false },
    });
    const akt = { station: 'AKT', events: [added(1, 'Atyrau')], through: 1 };
    const sng = { station: 'SNG', events: [added(1, 'Shirvan')], through: 1 };
    const names = (stations: (typeof akt)[]) =>
      foldStations(stations)
        .state.fleet()
        .map((vessel) => vessel.name);
    expect(names([akt, sng])).toEqual(names([sng, akt]));
    expect(names([akt, sng]).slice(-2)).toEqual(['Atyrau', 'Shirvan']);
  });
});

describe('an import matches its vessels to the fleet', () => {
  const sheet = (vessel: string, tonnes = '9959.5') =>
    `B/L date,Vessel,Net tonnes\n2024-08-01,${vessel},${tonnes}\n`;

  test('an alias is matched silently and shown: Лива is added as Liwa, with a note', async () => {
    const report = await ledger.service.importCsv({ text: sheet('Лива'), dryRun: false });
    expect(report).toMatchObject({ committed: true, added: 1 });
    expect(report.rows[0]?.warnings).toEqual([
      expect.objectContaining({ code: 'vessel.matched', facts: { value: 'Лива', vessel: 'Liwa' } }),
    ]);
    expect((await ledger.service.listShipments({ year: 2024 }))[0]?.vessel).toBe('Liwa');
  });

  test('an unknown vessel is flagged in the preview with its question, and nothing is imported', async () => {
    const report = await ledger.service.importCsv({ text: sheet('Astna'), dryRun: true });
    expect(report.invalid).toBe(1);
    expect(report.rows[0]?.issues).toEqual([
      expect.objectContaining({ code: 'vessel.unknown', facts: { value: 'Astna', suggestions: 'Astana' } }),
    ]);
  });

  test("a row above its tanker's deadweight is flagged with the deadweight", async () => {
    const report = await ledger.service.importCsv({ text: sheet('Taraz', '13500'), dryRun: true });
    expect(report.rows[0]?.issues).toEqual([
      expect.objectContaining({
        code: 'netTonnes.above_deadweight',
        facts: expect.objectContaining({ deadweightKg: 13_000_000 }),
      }),
    ]);
  });
});

/** A tanker of the fleet with nothing but its name, as a vessel entry would state it. */
const named = (id: string, name: string): FleetVessel => ({
  id,
  name,
  imo: null,
  deadweightKg: null,
  aliases: [],
  retired: false,
});
/** `Тара3` in Cyrillic letters (Т, а, р, а) and `Tapa3` in Latin ones: on screen the same name. */
const CYRILLIC_TARA3 = '\u0422\u0430\u0440\u04303';
const LATIN_TAPA3 = 'Tapa3';
/** A Latin T followed by Cyrillic а, р, а: looks like both. */
const MIXED_TARA3 = 'T\u0430\u0440\u04303';

describe('names that look alike in Latin and Cyrillic letters (issue 12: what the adversary found)', () => {
  test('a tanker whose name looks like a name in the fleet, in the other alphabet, is refused, naming it', async () => {
    await ledger.service.saveVessel({ name: CYRILLIC_TARA3 });
    const codeOf = async (input: Parameters<typeof ledger.service.saveVessel>[0]) =>
      issuesOf(await ledger.refused(() => ledger.service.saveVessel(input)))[0];
    expect(await codeOf({ name: LATIN_TAPA3 })).toEqual({
      field: 'name',
      code: 'fleet.name_lookalike',
      message: expect.stringContaining(`"${LATIN_TAPA3}" looks the same as "${CYRILLIC_TARA3}"`),
      facts: { value: LATIN_TAPA3, vessel: CYRILLIC_TARA3, like: CYRILLIC_TARA3 },
    });
    // An alias is held to the same rule; a name whose letters read as a fleet name's (Аktаu, its А and а
    // Cyrillic) is that name, already taken.
    expect(await codeOf({ name: 'Atyrau', aliases: 'TAPA3' })).toMatchObject({
      field: 'aliases',
      code: 'fleet.name_lookalike',
      facts: { vessel: CYRILLIC_TARA3 },
    });
    expect(await codeOf({ name: '\u0410kt\u0430u' })).toMatchObject({
      code: 'fleet.name_taken',
      facts: { vessel: 'Aktau' },
    });
  });

  test('a vessel in mixed letters looking like two tankers is asked about, both offered, never guessed', async () => {
    const fleet = [...DEFAULT_FLEET, named('latin', LATIN_TAPA3), named('cyrillic', CYRILLIC_TARA3)];
    expect(matchVessel(fleet, MIXED_TARA3)).toEqual({
      known: false,
      lookalike: true,
      suggestions: [LATIN_TAPA3, CYRILLIC_TARA3],
    });
    // Typed exactly as one of them, it is that one.
    expect(matchVessel(fleet, LATIN_TAPA3)).toMatchObject({ known: true, vessel: { id: 'latin' } });
    expect(matchVessel(fleet, CYRILLIC_TARA3)).toMatchObject({ known: true, vessel: { id: 'cyrillic' } });
    // Two tankers whose spellings reduce to one key (written before either rule) are asked about too.
    const twins = [...DEFAULT_FLEET, named('one', 'Tara3'), named('two', CYRILLIC_TARA3)];
    expect(matchVessel(twins, 'TARA3')).toMatchObject({
      known: false,
      suggestions: ['Tara3', CYRILLIC_TARA3],
    });
  });

  test('a mixed-letter name that looks like one tanker alone is that tanker', () => {
    const fleet = [...DEFAULT_FLEET, named('latin', LATIN_TAPA3)];
    expect(matchVessel(fleet, MIXED_TARA3)).toMatchObject({ known: true, vessel: { id: 'latin' } });
  });

  test('a cargo of a ledger that holds two look-alike tankers asks which one, and a check says so too', async () => {
    ledger.service.close();
    const writer = Ledger.open(ledger.file, { apply: () => null, actor: 'clerk', now: fixedNow });
    writer.append([{ type: 'vessel', vessel: named('latin', LATIN_TAPA3) }]);
    writer.append([{ type: 'vessel', vessel: named('cyrillic', CYRILLIC_TARA3) }]);
    writer.close();
    ledger.reopen();
    const error = await ledger.refused(() => ledger.service.recordShipment(cargo({ vessel: MIXED_TARA3 })));
    expect(issuesOf(error)).toEqual([
      expect.objectContaining({
        field: 'vessel',
        code: 'vessel.lookalike',
        overridable: true,
        facts: { value: MIXED_TARA3, suggestions: `${LATIN_TAPA3}\n${CYRILLIC_TARA3}` },
      }),
    ]);
    const report = await ledger.service.importCsv({
      text: `B/L date,Vessel,Net tonnes\n2024-08-01,${MIXED_TARA3},9959.5\n`,
      dryRun: true,
    });
    expect(report.rows[0]?.issues).toEqual([expect.objectContaining({ code: 'vessel.lookalike' })]);
  });
});

describe('a fleet name too long (issue 12: what the adversary found)', () => {
  test('says the limit and the length: 101 characters where 100 are allowed', async () => {
    const name = 'A'.repeat(101);
    const [issue] = issuesOf(await ledger.refused(() => ledger.service.saveVessel({ name })));
    expect(issue).toEqual({
      field: 'name',
      code: 'fleet.name_too_long',
      message: 'The vessel name is 101 characters long; at most 100 are allowed.',
      facts: { length: 101, limit: 100 },
    });
    await expect(ledger.service.saveVessel({ name: 'A'.repeat(100) })).resolves.toBeTruthy();
  });
});
