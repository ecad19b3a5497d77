/**
 * Browser mode end to end in a real Chromium: the built renderer, served with the real API over
 * loopback, shows the year's totals from a temporary ledger.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { todayAtLoadPort } from '../electron/core/calendar';
import { LedgerService } from '../electron/core/service';
import { type RunningWebServer } from '../electron/web';
import { ARTIFACTS, CHROMIUM, chromiumAvailable, warnSkipped, startBrowserApp } from './support/browser';
import { tempDir } from './support/temp';

const describeInBrowser = chromiumAvailable ? describe : describe.skip;
if (!chromiumAvailable)
  warnSkipped(
    'browser mode in Chromium',
    `no browser at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`,
  );

describeInBrowser('browser mode in Chromium', () => {
  jest.setTimeout(60_000);
  let temp: ReturnType<typeof tempDir>;
  let service: LedgerService;
  let server: RunningWebServer;
  let browser: Browser;
  let closeApp: () => Promise<void>;
  const today = todayAtLoadPort(new Date());

  beforeAll(async () => {
    temp = tempDir();
    service = LedgerService.open(temp.file('ledger.jsonl'), { actor: 'e2e' });
    await service.recordShipment({ blDate: today, vessel: 'Astana', netTonnes: '9959.5', blNumber: 'E2E-1' });
    await service.recordShipment({ blDate: today, vessel: 'Taraz', netTonnes: '6980', blNumber: 'E2E-2' });
    ({ server, browser, close: closeApp } = await startBrowserApp(service));
  });

  afterAll(async () => {
    await closeApp?.();
    service?.close();
    temp?.cleanup();
  });

  test("the printed address opens the dashboard with the year's totals from the ledger", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.url);
    await page.getByTestId('kpi-ytd-value').waitFor();
    // 9,959.5 t + 6,980 t = 16,939.5 t in two cargoes, headlined as 16.9 kt.
    expect(await page.getByTestId('kpi-ytd-value').textContent()).toMatch(/^16\.9\s*kt$/);
    expect(await page.getByTestId('kpi-ytd').textContent()).toMatch(/Cargoes: 2\b/);
    // The token leaves the address bar once the page has it.
    expect(page.url()).toBe(`${server.origin}/`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'browser-mode-totals.png') });
    await page.reload();
    await page.getByTestId('kpi-ytd-value').waitFor();
    expect(await page.getByTestId('kpi-ytd').textContent()).toMatch(/Cargoes: 2\b/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a page opened without the key cannot read the ledger and says how to get in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const alert = page.getByRole('alert').filter({ hasText: 'no valid key for the ledger' });
    await alert.waitFor();
    expect(await page.getByTestId('kpi-ytd').count()).toBe(0);
    await context.close();
  });
});
