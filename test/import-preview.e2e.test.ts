/**
 * Issue 9, in a real browser: the import preview of a sheet with bad rows, at 1024 px, in Russian
 * and in English. Each listed row shows its line, date, vessel and tonnes beside its message; the
 * Russian page holds no English. Screenshots go to test-artifacts/import-preview-<language>.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { addCalendarDays, formatIsoDate, parseIsoDate, todayAtLoadPort } from '../electron/core/calendar';
import { LedgerService } from '../electron/core/service';
import { Workspace } from '../electron/core/workspace';
import { type RunningWebServer } from '../electron/web';
import { ARTIFACTS, CHROMIUM, chromiumAvailable, warnSkipped, startBrowserApp } from './support/browser';
import { tempDir } from './support/temp';

const describeInBrowser = chromiumAvailable ? describe : describe.skip;
if (!chromiumAvailable)
  warnSkipped('the import preview in Chromium', `no browser at ${CHROMIUM} (apt-get install chromium)`);

/** A day `days` before today at Aktau, as a Russian sheet writes it: DD.MM.YYYY. */
function daysAgo(days: number): string {
  const today = parseIsoDate(todayAtLoadPort(new Date()));
  if (!today) throw new Error('no today');
  const [year, month, day] = formatIsoDate(addCalendarDays(today, -days)).split('-');
  return `${day}.${month}.${year}`;
}

/** A Russian port office's sheet: a few good rows and one of each common mistake. */
function sheet(): string {
  const year = daysAgo(0).slice(6);
  return [
    'Дата коносамента;Номер коносамента;Танкер;Статус;Масса нетто, т;Аннулирован',
    `${daysAgo(6)};AKT-101;Astana;погружен;9 959,5;`,
    `31.02.${year};AKT-102;Taraz;в пути;6 980;`,
    `${daysAgo(5)};AKT-103;Liwa;погружен;abc;`,
    `${daysAgo(5)};AKT-001;Aktau;погружен;7 100;`,
    `${daysAgo(4)};AKT-104;;погружен;8 800;`,
    `${daysAgo(4)};AKT-105;Президент Гейдар Алиев;затонул;7 800;`,
    `${daysAgo(3)};AKT-106;Astana;погружен;14 000;`,
    `${daysAgo(3)};AKT-101;Astana;погружен;9 959,5;`,
    `${daysAgo(2)};AKT-107;Taraz;погружен;6 975;да`,
    `${daysAgo(1)};AKT-108;Akademik Khoshbakht Yusifzade;в пути;7 750,25;`,
    '',
  ].join('\r\n');
}

/** Common English words: none may be in the Russian preview. */
const ENGLISH =
  /(?<!\p{L})(the|is|not|does|skipped|Column|line|must|file|row|cargo|already|ledger|to|of)(?!\p{L})/u;

describeInBrowser('the import preview in Chromium', () => {
  jest.setTimeout(120_000);
  let temp: ReturnType<typeof tempDir>;
  let workspace: Workspace;
  let server: RunningWebServer;
  let browser: Browser;
  let closeApp: () => Promise<void>;

  beforeAll(async () => {
    temp = tempDir();
    const service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'e2e' });
    // The ledger already holds AKT-001, so the sheet's row with that number is a duplicate.
    const [year, month, day] = daysAgo(8).split('.').reverse();
    await service.recordShipment({
      blDate: `${year}-${month}-${day}`,
      blNumber: 'AKT-001',
      vessel: 'Liwa',
      netTonnes: '8800',
    });
    workspace = new Workspace(service, temp.file('demo-ledger.jsonl'));
    ({ server, browser, close: closeApp } = await startBrowserApp(workspace.api));
    fs.writeFileSync(temp.file('сводка.csv'), sheet());
  });

  afterAll(async () => {
    await closeApp?.();
    workspace?.close();
    temp?.cleanup();
  });

  test.each(['ru', 'en'] as const)('in %s, at 1024 px', async (language) => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Preferences live in the data folder: chosen there, they are what the page opens with.
    await workspace.api.savePreferences({ language, theme: 'light' });
    await page.goto(server.url);
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('import-file').setInputFiles(temp.file('сводка.csv'));
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();

    // Every listed row beside its message: line, result, date, vessel and B/L number, tonnes.
    const rows = preview.getByTestId('import-rows').locator('tbody tr');
    expect(await rows.count()).toBe(8);
    const cells = async (line: number) =>
      (
        await rows
          .filter({ has: page.locator(`td:first-child:text-is("${line}")`) })
          .locator('td')
          .allInnerTexts()
      ).map((text) => text.replace(/\s/g, ' '));
    if (language === 'ru') {
      expect((await cells(4)).slice(2, 5)).toEqual([
        expect.stringMatching(/^\d{2}\.\d{2}\.\d{4}$/),
        'Liwa AKT-103',
        'abc',
      ]);
      const text = (await preview.textContent()) ?? '';
      expect(text).not.toMatch(ENGLISH);
    } else {
      expect((await cells(3)).slice(2, 5)).toEqual([
        `31.02.${daysAgo(0).slice(6)}`,
        'Taraz AKT-102',
        '6,980.000',
      ]);
    }
    await preview.screenshot({ path: path.join(ARTIFACTS, `import-preview-${language}.png`) });
    // The rest of the rows: the table scrolls within the preview.
    await preview.locator('.rs-table-wrap').evaluate((wrap) => {
      (wrap as unknown as { scrollTop: number; scrollHeight: number }).scrollTop = 1e6;
    });
    await preview.screenshot({ path: path.join(ARTIFACTS, `import-preview-${language}-end.png`) });
    await page.screenshot({
      path: path.join(ARTIFACTS, `import-preview-${language}-page.png`),
      fullPage: true,
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
