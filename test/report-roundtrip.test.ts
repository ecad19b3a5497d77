/**
 * Issue 9: reports in the reader's language, and back. A register exported for Russian,
 * Azerbaijani or Kazakh Excel has its headers and status words in that language; importing it into
 * an empty ledger, as the page does (the file's bytes), gives the same cargoes, every field of
 * every status, in every language and with either separator.
 */
import type { Language, Shipment, ShipmentInput } from '../electron/core/api';
import { LANGUAGES } from '../electron/core/api';
import { registerHeaders } from '../electron/core/csv';
import { enumWord, fieldSpec } from '../electron/core/fields';
import { LedgerService } from '../electron/core/service';
import { ClerkLedger } from './support/service';
import { fixedNow } from './support/temp';

const ledger = ClerkLedger.perTest();

/** Every field of the table filled, one cargo per status; text that Excel or a CSV reader could trip on. */
const CARGOES: ShipmentInput[] = [
  {
    blDate: '2024-07-30',
    blNumber: 'AKT-2024-0730',
    vessel: 'Astana',
    imo: '9301615',
    voyage: 'V-31',
    grade: 'Tengiz',
    loadPort: 'Aktau',
    dischargeTerminal: 'Sangachal',
    shipper: 'KMG',
    receiver: 'SOCAR',
    status: 'loaded',
    netTonnes: '9959.5',
    outturnTonnes: '9951.25',
    barrels: '79377.015',
    remarks: '=SUM(A1); "quoted", with a comma\nsecond line',
  },
  {
    blDate: '2024-08-02',
    blNumber: 'AKT-2024-0802',
    vessel: 'Президент Гейдар Алиев',
    imo: '9301627',
    voyage: 'Рейс 12',
    grade: 'Kashagan',
    loadPort: 'Актау',
    dischargeTerminal: 'Səngəçal',
    shipper: 'ҚазМұнайГаз',
    receiver: 'SOCAR; Baku',
    status: 'in_transit',
    netTonnes: '8800.001',
    outturnTonnes: '8790',
    barrels: '70136',
    remarks: '-5 t short; "ullage"',
  },
  {
    blDate: '2024-08-05',
    blNumber: 'AKT-2024-0805',
    vessel: 'Taraz',
    imo: '9172038',
    voyage: 'V-7',
    grade: 'Tengiz',
    loadPort: 'Aktau',
    dischargeTerminal: 'Sangachal',
    shipper: 'KMG',
    receiver: 'SOCAR',
    status: 'discharged',
    netTonnes: '6980',
    outturnTonnes: '6975.5',
    barrels: '55630.5',
    remarks: 'Бакы, ü ə ı',
  },
];

const fieldsOf = ({
  id: _i,
  recordedAt: _r,
  recordedBy: _b,
  updatedAt: _u,
  recordedOrder: _o,
  ...fields
}: Shipment) => fields;

describe.each(LANGUAGES.flatMap((language) => [',', ';'].map((separator) => [language, separator] as const)))(
  'a register in %s with "%s"',
  (language: Language, separator) => {
    test("has that language's headers and status words, and imports into an empty ledger unchanged", async () => {
      for (const input of CARGOES) await ledger.service.recordShipment(input);
      const original = await ledger.service.listShipments({ year: 2024 });
      expect(original.map((s) => s.status)).toEqual(['loaded', 'in_transit', 'discharged']);

      const exported = await ledger.service.exportReport({
        year: 2024,
        report: 'register',
        separator,
        language,
      });
      const lines = exported.content.slice(1).split('\r\n');
      expect(lines[0]?.startsWith(registerHeaders(language).slice(0, 3).join(separator))).toBe(true);
      const status = fieldSpec('status');
      if (!status) throw new Error('no status field');
      for (const value of ['loaded', 'in_transit', 'discharged'])
        expect(exported.content).toContain(`${separator}${enumWord(status, value, language)}${separator}`);

      const empty = LedgerService.open(ledger.temp.file(`empty-${language}.jsonl`), {
        actor: 'clerk',
        now: fixedNow,
      });
      try {
        // As the page sends it: the file's bytes, BOM and all.
        const base64 = Buffer.from(exported.content, 'utf8').toString('base64');
        const report = await empty.importCsv({ base64 });
        expect(report).toMatchObject({
          committed: true,
          added: 3,
          invalid: 0,
          fileIssues: [],
          encoding: 'utf-8',
        });
        expect((await empty.listShipments({ year: 2024 })).map(fieldsOf)).toEqual(original.map(fieldsOf));
      } finally {
        empty.close();
      }
    });
  },
);
