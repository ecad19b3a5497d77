/**
 * Every report, byte for byte, as the export wrote it before its formatting was made fast: the
 * register and the monthly table of a ledger of awkward cargoes (test/support/varied-ledger.ts),
 * in each of the four languages, with either separator, through the service as the app calls it.
 * The files under test/fixtures/export were written by the implementation of commit 13cc033; a
 * deliberate change of the format replaces them (UPDATE_EXPORT_PINS=1 npx jest export-pinned),
 * and the diff of those files is then the change a reviewer reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Shipment } from '../electron/core/api';
import { registerCsv, registerHeaders } from '../electron/core/csv';
import { LANGUAGES } from '../electron/core/fields';
import { formatKgAsTonnes } from '../electron/core/quantity';
import { LedgerService } from '../electron/core/service';
import { tempDir } from './support/temp';
import { writeVariedLedger } from './support/varied-ledger';

const PINS = path.join(__dirname, 'fixtures', 'export');
const SEPARATORS = { semicolon: ';', comma: ',' } as const;

describe('exports are pinned to the byte', () => {
  const temp = tempDir();
  const file = temp.file('ledger.jsonl');
  writeVariedLedger(file);
  const service = LedgerService.open(file, { readOnly: true, now: () => new Date('2024-12-31T12:00:00Z') });
  afterAll(() => {
    service.close();
    temp.cleanup();
  });

  const cases = LANGUAGES.flatMap((language) =>
    (['register', 'monthly'] as const).flatMap((report) =>
      (Object.keys(SEPARATORS) as (keyof typeof SEPARATORS)[]).map((name) => ({ language, report, name })),
    ),
  );

  it('the ledger is read without a finding, so every cargo reaches the reports', async () => {
    expect((await service.info()).recovery).toBeNull();
  });

  it.each(cases)('$report in $language, $name-separated', async ({ language, report, name }) => {
    const exported = await service.exportReport({
      year: 2024,
      report,
      separator: SEPARATORS[name],
      language,
    });
    const pin = path.join(PINS, `${report}-2024-${language}-${name}.csv`);
    if (process.env.UPDATE_EXPORT_PINS === '1') fs.writeFileSync(pin, exported.content);
    expect(exported.content).toBe(fs.readFileSync(pin, 'utf8'));
  });
});

describe('figures are written as the string functions write them', () => {
  // The register writes tonnes and barrels digit by digit; these are the strings it must equal.
  let seed = 12345;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const barrels: number[] = [
    0,
    -0,
    0.001,
    0.1,
    0.5,
    1,
    999.999,
    1000,
    1e9 - 0.001,
    1e9,
    1e9 + 0.5,
    1e21,
    5e-7,
    0.0005,
  ];
  const kgs: number[] = [
    0,
    -0,
    1,
    -1,
    999,
    1000,
    1001,
    -999,
    -1000,
    2 ** 50 - 1,
    2 ** 50,
    2 ** 53 - 1,
    -(2 ** 53 - 1),
  ];
  for (let i = 0; i < 5_000; i++) {
    const scale = 10 ** Math.floor(random() * 13);
    barrels.push(Math.round(random() * scale) / 1000, random() * scale, -Math.round(random() * scale) / 1000);
    kgs.push(Math.floor(random() * scale * 1000), -Math.floor(random() * scale), random() * scale);
  }
  const cargoes = kgs.map((kg, i): Shipment => ({
    id: `s${i}`,
    blDate: '2024-03-12',
    blNumber: null,
    vessel: 'Astana',
    imo: null,
    voyage: null,
    grade: null,
    loadPort: 'Aktau',
    dischargeTerminal: 'Sangachal',
    shipper: 'KMG',
    receiver: 'SOCAR',
    status: 'loaded',
    netKg: kg,
    outturnKg: kgs[kgs.length - 1 - i] ?? null,
    barrels: barrels[i % barrels.length] ?? null,
    remarks: null,
    arrivalDate: null,
    dischargeDate: null,
    voided: false,
    voidReason: null,
    recordedAt: '2024-03-12T09:00:00.000Z',
    recordedBy: 'clerk',
    updatedAt: '2024-03-12T09:00:00.000Z',
  }));

  it.each([';', ','] as const)('tonnes and barrels with %j', (separator) => {
    const mark = separator === ';' ? ',' : '.';
    const headers = registerHeaders('en');
    const [net, outturn, barrel] = ['Net tonnes', 'Outturn tonnes', 'Barrels'].map((name) =>
      headers.indexOf(name),
    );
    const rows = registerCsv(cargoes, separator)
      .split('\r\n')
      .slice(1, -1)
      .map((row) => row.split(separator));
    expect(
      rows.map((cells) => [cells[net as number], cells[outturn as number], cells[barrel as number]]),
    ).toEqual(
      cargoes.map((cargo) => [
        formatKgAsTonnes(cargo.netKg, mark),
        cargo.outturnKg === null ? '' : formatKgAsTonnes(cargo.outturnKg, mark),
        cargo.barrels === null ? '' : String(cargo.barrels).replace('.', mark),
      ]),
    );
  });
});

describe('without Node', () => {
  it('the register is the same text where there is no Buffer to read the buffer back', async () => {
    const temp = tempDir();
    const file = temp.file('ledger.jsonl');
    writeVariedLedger(file);
    const service = LedgerService.open(file, { readOnly: true });
    const shipments = await service.listShipments({ year: 2024 });
    service.close();
    temp.cleanup();
    const saved = globalThis.Buffer;
    let browserCsv: typeof registerCsv | undefined;
    jest.isolateModules(() => {
      // The CSV reader needs Buffer as it loads; what is judged here is only the writer's choice.
      jest.requireActual('csv-parse/sync');
      try {
        (globalThis as { Buffer?: unknown }).Buffer = undefined;
        browserCsv = (jest.requireActual('../electron/core/csv') as { registerCsv: typeof registerCsv })
          .registerCsv;
      } finally {
        globalThis.Buffer = saved;
      }
    });
    for (const language of LANGUAGES)
      expect(browserCsv?.(shipments, ';', language)).toBe(registerCsv(shipments, ';', language));
  });
});

describe('text the pins cannot hold', () => {
  // A pin file is UTF-8, where half a surrogate pair becomes U+FFFD; the report's string keeps it as the cell had it.
  it('half of a surrogate pair stays as it is, and a whole pair stays whole', () => {
    const cargo: Shipment = {
      id: 'a1',
      blDate: '2024-03-12',
      blNumber: null,
      vessel: '\udc00',
      imo: null,
      voyage: null,
      grade: null,
      loadPort: 'Aktau',
      dischargeTerminal: 'Sangachal',
      shipper: 'KMG',
      receiver: 'SOCAR',
      status: 'loaded',
      netKg: 1000,
      outturnKg: null,
      barrels: null,
      remarks: 'lone \ud83d half; a whole 🛢 pair',
      arrivalDate: null,
      dischargeDate: null,
      voided: false,
      voidReason: null,
      recordedAt: '2024-03-12T09:00:00.000Z',
      recordedBy: 'clerk',
      updatedAt: '2024-03-12T09:00:00.000Z',
    };
    expect(registerCsv([cargo], ';').split('\r\n')[1]).toBe(
      'a1;2024-03-12;;\udc00;;;;Aktau;Sangachal;KMG;SOCAR;loaded;1,000;;;"lone \ud83d half; a whole 🛢 pair";;',
    );
  });
});
