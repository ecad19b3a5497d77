/**
 * Outturn reconciliation and the dashboard's what-if in a real Chromium against browser mode on a
 * temporary ledger (issue 12, parts 1 and 5): the Reconciliation view flags the cargo beyond the
 * allowance and counts the pending ones; a stoppage typed on the dashboard draws its projection and
 * says its forecast, gap and required rate, and Clear takes it away. Screenshots at 1024 and 1920 px,
 * English and Russian, light and dark, go to test-artifacts/ (not committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { RENDERER_DIR } from '../electron/app-paths';
import { todayAtLoadPort } from '../electron/core/calendar';
import type { ShipmentInput } from '../electron/core/api';
import { LedgerService } from '../electron/core/service';
import { Workspace } from '../electron/core/workspace';
import { newToken, startWebServer, type RunningWebServer } from '../electron/web';
import {
  ARTIFACTS,
  CHROMIUM,
  chromiumAvailable,
  launchChromium,
  warnSkipped,
  openWithPreferences,
} from './support/browser';
import { tempDir } from './support/temp';

const describeInBrowser = chromiumAvailable ? describe : describe.skip;
if (!chromiumAvailable) warnSkipped('reconciliation in Chromium', `no browser at ${CHROMIUM}`);

const YEAR = Number(todayAtLoadPort(new Date()).slice(0, 4));
const VESSELS = ['Astana', 'Taraz', 'Aktau', 'Liwa', 'President Heydar Aliyev'];

/**
 * Fourteen cargoes a month from 1 January to today, each with an outturn losing 0.1–0.4%, except
 * one (the sixth, on 11 January) losing 0.7%, beyond the 0.5% allowance, and the last two, still
 * waiting for their outturn.
 */
function cargoes(): ShipmentInput[] {
  const today = todayAtLoadPort(new Date());
  const list: ShipmentInput[] = [];
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= 27; day += 2) {
      const blDate = `${YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (blDate > today) continue;
      const index = list.length;
      const kg = 7_000_000 + ((index * 431_417) % 3_000_000);
      const lossKg = Math.round(kg * (index === 5 ? 0.007 : 0.001 + (index % 4) * 0.001));
      list.push({
        blDate,
        vessel: VESSELS[index % VESSELS.length] ?? 'Astana',
        blNumber: `KZ-${YEAR}-${String(index + 1).padStart(3, '0')}`,
        netTonnes: (kg / 1000).toFixed(3),
        status: 'discharged',
        outturnTonnes: ((kg - lossKg) / 1000).toFixed(3),
      });
    }
  }
  for (const pending of list.slice(-2)) {
    pending.status = 'in_transit';
    delete pending.outturnTonnes;
  }
  return list;
}

describeInBrowser('reconciliation and what-if in Chromium', () => {
  jest.setTimeout(240_000);
  let temp: ReturnType<typeof tempDir>;
  let workspace: Workspace;
  let server: RunningWebServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let origin: string;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
      throw new Error('The renderer is not built: run `npm run build` first (npm test does).');
    temp = tempDir();
    const service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'e2e' });
    service.recordMany(cargoes());
    workspace = new Workspace(service, temp.file('demo-ledger.jsonl'));
    server = await startWebServer({
      api: workspace.api,
      rendererDir: RENDERER_DIR,
      token: newToken(),
      port: 0,
      logInternal: () => undefined,
    });
    origin = server.origin;
    ({ browser, cleanup: closeBrowser } = await launchChromium());
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    workspace?.close();
    temp?.cleanup();
  });

  test.each([
    [1024, 'en', 'light'],
    [1024, 'en', 'dark'],
    [1024, 'ru', 'light'],
    [1024, 'ru', 'dark'],
    [1920, 'en', 'light'],
    [1920, 'ru', 'dark'],
  ] as const)(
    'at %i px in %s (%s): the reconciliation flags one cargo, and a stoppage is drawn and cleared',
    async (width, language, theme) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await openWithPreferences(page, origin, workspace.api, { language, theme });
      const name = `reconcile-${width}-${language}-${theme}`;

      await page.getByTestId('tab-reconciliation').click();
      await page.getByTestId('reconcile-cargoes').waitFor();
      expect(await page.getByTestId('reconcile-flagged-value').textContent()).toBe('1');
      expect(await page.getByTestId('reconcile-pending-value').textContent()).toBe('2');
      expect(await page.locator('.rc-row-beyond').count()).toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-view.png`), fullPage: true });
      // The page as it opens, and its summaries, at the window's own size: readable where a full page is not.
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-view-top.png`) });
      await page.getByTestId('reconcile-months').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-view-summaries.png`) });

      await page.getByTestId('tab-dashboard').click();
      await page.getByTestId('whatif').waitFor();
      const [from, to] =
        language === 'en' ? [`${YEAR}-12-05`, `${YEAR}-12-20`] : [`05.12.${YEAR}`, `20.12.${YEAR}`];
      await page.getByTestId('whatif-stoppageFrom').fill(from);
      await page.getByTestId('whatif-stoppageTo').fill(to);
      await page.getByTestId('whatif-show').click();
      await page.getByTestId('whatif-active').waitFor();
      expect(await page.getByTestId('whatif-forecast-value').textContent()).not.toBe('');
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-whatif.png`), fullPage: true });

      await page.getByTestId('whatif-clear').click();
      expect(await page.getByTestId('whatif-active').count()).toBe(0);

      // The allowance the view measures against, where a manager sets it.
      await page.getByTestId('tab-settings').click();
      await page.getByTestId('loss-allowance').scrollIntoViewIfNeeded();
      expect(await page.getByTestId('loss-allowance').inputValue()).toBe(language === 'en' ? '0.5' : '0,5');
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-settings.png`) });
      await context.close();
    },
  );
});
