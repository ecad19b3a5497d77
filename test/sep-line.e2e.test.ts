/**
 * Excel's `sep=` first line in a real browser's import preview: a sheet opening with `sep=;` is
 * previewed as the same sheet without it (two cargoes to add, no file problem), and one naming a
 * separator the import does not read (`sep=|`) is refused in one sentence in the page's language.
 * Screenshots go to test-artifacts/sep-line-<language>-<width>.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { LedgerService } from '../electron/core/service';
import { Workspace } from '../electron/core/workspace';
import { type RunningWebServer } from '../electron/web';
import { ARTIFACTS, CHROMIUM, chromiumAvailable, warnSkipped, startBrowserApp } from './support/browser';
import { tempDir } from './support/temp';

const describeInBrowser = chromiumAvailable ? describe : describe.skip;
if (!chromiumAvailable) warnSkipped('the sep= line in Chromium', `no browser at ${CHROMIUM}`);

const ROWS = [
  'Дата коносамента;Танкер;Масса нетто, т',
  '01.07.2024;Astana;9 959,5',
  '02.07.2024;Taraz;6 980',
];

/** Common English words: none may be in the Russian refusal. */
const ENGLISH = /(?<!\p{L})(the|is|not|does|line|must|file|separator|reads|Save|again)(?!\p{L})/u;

describeInBrowser('the sep= line in Chromium', () => {
  jest.setTimeout(120_000);
  let temp: ReturnType<typeof tempDir>;
  let workspace: Workspace;
  let server: RunningWebServer;
  let browser: Browser;
  let closeApp: () => Promise<void>;

  beforeAll(async () => {
    temp = tempDir();
    const service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'e2e' });
    workspace = new Workspace(service, temp.file('demo-ledger.jsonl'));
    ({ server, browser, close: closeApp } = await startBrowserApp(workspace.api));
    fs.writeFileSync(temp.file('named.csv'), `\uFEFFsep=;\r\n${ROWS.join('\r\n')}\r\n`);
    fs.writeFileSync(temp.file('pipe.csv'), `sep=|\r\n${ROWS.join('\r\n').replaceAll(';', '|')}\r\n`);
  });

  afterAll(async () => {
    await closeApp?.();
    workspace?.close();
    temp?.cleanup();
  });

  test.each([
    ['ru', 1024],
    ['en', 1920],
  ] as const)(
    'in %s at %i px: sep=; previews two cargoes, sep=| is refused in one sentence',
    async (language, width) => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await workspace.api.savePreferences({ language, theme: 'light' });
      await page.goto(server.url);
      await page.getByTestId('tab-reports').click();

      await page.getByTestId('import-file').setInputFiles(temp.file('named.csv'));
      const preview = page.getByTestId('import-preview');
      await preview.waitFor();
      expect(await preview.getByTestId('count-add').locator('dd').textContent()).toBe('2');
      expect(await preview.getByTestId('file-issues').count()).toBe(0);

      await page.getByTestId('import-file').setInputFiles(temp.file('pipe.csv'));
      const issues = preview.getByTestId('file-issues').locator('li');
      await issues.first().waitFor();
      expect(await issues.count()).toBe(1);
      const sentence = (await issues.first().textContent()) ?? '';
      expect(sentence).toContain('sep=|');
      if (language === 'ru') expect(sentence).not.toMatch(ENGLISH);
      await preview.screenshot({ path: path.join(ARTIFACTS, `sep-line-${language}-${width}.png`) });
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
