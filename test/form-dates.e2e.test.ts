/**
 * Dates shown one way per language, in a real Chromium against browser mode (issue 9's findings): a
 * B/L date typed 2024-05-04 on a Russian screen reads 04.05.2024 once the field is left, and the
 * question about its age quotes it so; the register heads its columns with the trade's word
 * (коносамент), not the Latin B/L. Screenshots at 1024 and 1920 px, English and Russian, go to
 * test-artifacts/ (not committed).
 */
import path from 'node:path';
import { todayAtLoadPort } from '../electron/core/calendar';
import { LedgerService } from '../electron/core/service';
import { Workspace } from '../electron/core/workspace';
import {
  ARTIFACTS,
  CHROMIUM,
  chromiumAvailable,
  openWithPreferences,
  startBrowserApp,
  warnSkipped,
  type BrowserApp,
} from './support/browser';
import { tempDir } from './support/temp';

const describeInBrowser = chromiumAvailable ? describe : describe.skip;
if (!chromiumAvailable) warnSkipped('form dates in Chromium', `no browser at ${CHROMIUM}`);

const YEAR = Number(todayAtLoadPort(new Date()).slice(0, 4));
/** Two years before this one: old enough for the core to ask about it whatever today is. */
const OLD = `${YEAR - 2}-05-04`;
const OLD_SHOWN = { en: OLD, ru: `04.05.${YEAR - 2}` };

describeInBrowser('form dates in Chromium', () => {
  jest.setTimeout(240_000);
  let temp: ReturnType<typeof tempDir>;
  let workspace: Workspace;
  let app: BrowserApp;

  beforeAll(async () => {
    temp = tempDir();
    const service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'e2e' });
    service.recordMany([
      { blDate: `${YEAR}-01-10`, blNumber: 'KZ-1', vessel: 'Astana', netTonnes: '9959.5' },
      { blDate: `${YEAR}-01-12`, blNumber: 'KZ-2', vessel: 'Taraz', netTonnes: '6980' },
    ]);
    workspace = new Workspace(service, temp.file('demo-ledger.jsonl'));
    app = await startBrowserApp(workspace.api);
  });

  afterAll(async () => {
    await app?.close();
    workspace?.close();
    temp?.cleanup();
  });

  test.each([
    [1024, 'en'],
    [1024, 'ru'],
    [1920, 'en'],
    [1920, 'ru'],
  ] as const)(
    'at %i px in %s: a typed date reads the page’s way once left and in its question',
    async (width, language) => {
      const context = await app.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      // The address with its key first, as a person opens it; then the language, loaded afresh.
      await page.goto(app.server.url);
      await openWithPreferences(page, app.server.origin, workspace.api, { language, theme: 'light' });
      const name = `form-dates-${width}-${language}`;

      await page.getByTestId('tab-entry').click();
      const date = page.locator('#entry-blDate');
      await date.fill(OLD);
      await page.locator('#entry-vessel').click();
      expect(await date.inputValue()).toBe(OLD_SHOWN[language]);
      await page.locator('#entry-vessel').fill('Astana');
      await page.locator('#entry-netTonnes').fill('9000');
      await page.keyboard.press('Enter');
      const question = page.getByTestId('entry-confirm');
      await question.waitFor();
      expect(await question.textContent()).toContain(OLD_SHOWN[language]);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-question.png`) });
      await page.keyboard.press('Escape');

      await page.getByTestId('tab-register').click();
      await page.getByTestId('register-table').waitFor();
      const headers = (await page.locator('.register-table thead').textContent()) ?? '';
      expect(headers).toContain(language === 'en' ? 'B/L date' : 'Дата коносамента');
      if (language === 'ru') expect(headers).not.toMatch(/B\/L/);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-register.png`) });
      await context.close();
    },
  );
});
