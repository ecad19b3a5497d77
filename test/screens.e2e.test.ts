/**
 * The screens end to end in a real Chromium against browser mode on a temporary ledger: a clerk
 * enters three cargoes from the keyboard, the dashboard follows, one cargo is edited and one voided,
 * the register export matches what was entered, the language changes, and a reload keeps it all.
 * Screenshots of every screen, light and dark, go to test-artifacts/ (not committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addCalendarDays, formatIsoDate, parseIsoDate, todayAtLoadPort } from '../electron/core/calendar';
import { LedgerService } from '../electron/core/service';
import type { TransitApi } from '../electron/core/api';
import { Workspace } from '../electron/core/workspace';
import { type RunningWebServer } from '../electron/web';
import { ARTIFACTS, CHROMIUM, chromiumAvailable, warnSkipped, startBrowserApp } from './support/browser';
import { tempDir } from './support/temp';

const describeInBrowser = chromiumAvailable ? describe : describe.skip;
if (!chromiumAvailable)
  warnSkipped(
    'the screens in Chromium',
    `no browser at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`,
  );

const SCREENS = ['dashboard', 'entry', 'register', 'reports', 'settings'] as const;

/** What the page-side callbacks use of the browser (this file is type-checked without the DOM). */
interface PageWindow {
  document: {
    activeElement: {
      labels?: ArrayLike<{ textContent: string | null }> | null;
      getAttribute(name: string): string | null;
    } | null;
  };
}

function daysAgo(days: number): string {
  const today = parseIsoDate(todayAtLoadPort(new Date()));
  if (!today) throw new Error('no today');
  return formatIsoDate(addCalendarDays(today, -days));
}

/** Presses Tab until the focused control is the one labelled `label`: proves it is reachable from the keyboard. */
async function tabTo(page: Page, label: RegExp): Promise<void> {
  for (let i = 0; i < 25; i++) {
    const focused = await page.evaluate(() => {
      const active = (globalThis as unknown as PageWindow).document.activeElement;
      return active?.labels?.[0]?.textContent ?? active?.getAttribute('aria-label') ?? '';
    });
    if (label.test(focused)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${label} is not reachable with Tab`);
}

async function typeInto(page: Page, label: RegExp, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Every screen in both themes, each chosen in the data folder's preferences (where the page reads them). */
async function screenshotAll(page: Page, origin: string, prefix: string, api: TransitApi): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await api.savePreferences({ theme });
    await page.goto(`${origin}/`);
    for (const screen of SCREENS) {
      await page.getByTestId(`tab-${screen}`).click();
      await page.waitForTimeout(150);
      await page.screenshot({
        path: path.join(ARTIFACTS, `${prefix}-${screen}-${theme}.png`),
        fullPage: true,
      });
    }
  }
}

describeInBrowser('the screens in Chromium', () => {
  jest.setTimeout(180_000);
  let temp: ReturnType<typeof tempDir>;
  let workspace: Workspace;
  let server: RunningWebServer;
  let browser: Browser;
  let closeApp: () => Promise<void>;

  beforeAll(async () => {
    temp = tempDir();
    workspace = new Workspace(
      LedgerService.open(temp.file('ledger.jsonl'), { actor: 'e2e' }),
      temp.file('demo-ledger.jsonl'),
    );
    ({ server, browser, close: closeApp } = await startBrowserApp(workspace.api));
  });

  afterAll(async () => {
    await closeApp?.();
    workspace?.close();
    temp?.cleanup();
  });

  test('enter, see, edit, void, export, switch language and reload', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);

    // A new ledger says what to do.
    await page.getByTestId('dashboard-empty').waitFor();
    await screenshotAll(page, server.origin, 'empty', workspace.api);

    // Three cargoes from the keyboard: Ctrl+N, the fields in tab order, Enter.
    const cargoes = [
      { date: daysAgo(3), bl: 'E2E-001', vessel: 'Astana', tonnes: '9959,5' },
      { date: daysAgo(2), bl: 'E2E-002', vessel: 'Taraz', tonnes: '6980' },
      { date: daysAgo(1), bl: 'E2E-003', vessel: 'Liwa', tonnes: '8800.250' },
    ];
    await page.getByTestId('tab-dashboard').click();
    for (const cargo of cargoes) {
      await page.keyboard.press('ControlOrMeta+N');
      await page.getByTestId('entry-form').waitFor();
      await typeInto(page, /^B\/L date/, cargo.date);
      await typeInto(page, /^B\/L number/, cargo.bl);
      await typeInto(page, /^Vessel/, cargo.vessel);
      await typeInto(page, /^Net tonnes/, cargo.tonnes);
      await page.keyboard.press('Enter');
      await page.getByTestId('entry-status').filter({ hasText: cargo.bl }).waitFor();
    }

    // The dashboard follows: 9,959.5 + 6,980 + 8,800.25 = 25,739.750 t in 3 cargoes.
    await page.getByTestId('tab-dashboard').click();
    await page.getByTestId('kpi-ytd-value').waitFor();
    expect(await page.getByTestId('kpi-ytd-value').textContent()).toMatch(/^25\.7\s*kt$/);
    expect(await page.getByTestId('kpi-ytd').textContent()).toMatch(/Cargoes: 3\b/);
    expect(await page.getByTestId('cumulative-chart').locator('canvas').count()).toBe(1);
    expect(await page.getByTestId('monthly-chart').locator('canvas').count()).toBe(1);

    // Edit the Taraz cargo's tonnes (with a reason) and void the Liwa one.
    await page.getByTestId('tab-register').click();
    const tarazRow = page.getByTestId('register-row').filter({ hasText: 'E2E-002' });
    await tarazRow.getByTestId('row-edit').click();
    const tonnesField = page.getByRole('dialog').getByLabel(/^Net tonnes/);
    await tonnesField.fill('6990');
    await page.getByTestId('edit-reason').fill('Corrected B/L figure');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('register-row').filter({ hasText: '6,990.000' }).waitFor();
    const liwaRow = page.getByTestId('register-row').filter({ hasText: 'E2E-003' });
    await liwaRow.getByTestId('row-void').click();
    await page.getByTestId('void-reason').fill('Entered twice');
    await page.getByTestId('void-confirm').click();
    await page.getByTestId('register-row').filter({ hasText: 'E2E-003' }).waitFor({ state: 'detached' });

    // The register export holds exactly the two live cargoes, as entered and amended.
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('separator-comma').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-register').click(),
    ]);
    const file = temp.file('export.csv');
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text
      .slice(1)
      .split('\r\n')
      .filter(Boolean)
      .slice(1)
      .map((line) => line.split(','));
    expect(rows.map((cells) => [cells[1], cells[2], cells[3], cells[12]])).toEqual([
      [cargoes[0]?.date, 'E2E-001', 'Astana', '9959.500'],
      [cargoes[1]?.date, 'E2E-002', 'Taraz', '6990.000'],
    ]);

    // Russian, kept across a reload, with the data still there.
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('language-ru').check();
    expect(await page.getByTestId('tab-register').textContent()).toBe('Реестр');
    await page.reload();
    await page.getByTestId('tab-dashboard').waitFor();
    expect(await page.getByTestId('tab-register').textContent()).toBe('Реестр');
    await page.getByTestId('kpi-ytd-value').waitFor();
    // 9,959.5 + 6,990 = 16,949.5 t: 16.9 kt, written the Russian way.
    expect(await page.getByTestId('kpi-ytd-value').textContent()).toMatch(/^16,9\sтыс\.\sт$/);

    await screenshotAll(page, server.origin, 'entered', workspace.api);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a full demo year looks right on every screen, light and dark, at 1920×1080', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    const page = await context.newPage();
    await workspace.api.savePreferences({ language: 'en' });
    await page.goto(server.url);
    await workspace.api.useDemoLedger(true);
    await page.reload();
    await page.getByTestId('demo-badge').waitFor();
    await screenshotAll(page, server.origin, 'demo', workspace.api);
    await workspace.api.useDemoLedger(false);
    await context.close();
  });
});
