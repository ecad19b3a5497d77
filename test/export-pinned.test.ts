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
import { LANGUAGES } from '../electron/core/fields';
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
