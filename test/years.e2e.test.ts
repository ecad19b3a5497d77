/**
 * Year against year in a real Chromium against browser mode (issue 12 part 6): a ledger of the demo's
 * cargoes from 2024 to today, and a 2023 baseline of 1,057,000 t held with its twelve monthly figures.
 * The dashboard draws the current year against 2024, 2025 and the baseline by day of year and sets
 * their months side by side; Settings shows the baseline's months. Screenshots at 1024 and 1920 px,
 * English and Russian, light and dark, go to test-artifacts/years-*.png (not committed).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { todayAtLoadPort } from '../electron/core/calendar';
import { demoShipments } from '../electron/core/demo';
import { ARTIFACTS } from './support/browser';
import { describeInChromium, ledgerInBrowser } from './support/ledger-in-browser';

const shot = (name: string) => path.join(ARTIFACTS, `years-${name}.png`);
const YEAR = Number(todayAtLoadPort(new Date()).slice(0, 4));
/** 2023 month by month, adding up to the reported 1,057,000 t. */
const BASELINE_MONTHS = [
  '80000',
  '78000',
  '86000',
  '84000',
  '88000',
  '87000',
  '90000',
  '91000',
  '89000',
  '92000',
  '95000',
  '97000',
];

describeInChromium('year against year in Chromium', () => {
  jest.setTimeout(240_000);
  const ledger = ledgerInBrowser({
    seed: async (service) => {
      service.recordMany(demoShipments(todayAtLoadPort(new Date())));
      await service.setBaseline({ year: 2023, tonnes: '1057000', monthlyTonnes: BASELINE_MONTHS });
    },
  });

  /** The element as it lies on the whole page, so the sticky tab bar cannot cover its top. */
  async function capture(page: Page, testId: string, name: string): Promise<void> {
    await page.evaluate('window.scrollTo(0, 0)');
    const box = await page.getByTestId(testId).boundingBox();
    if (box === null) throw new Error(`${testId} is not on the page`);
    await page.screenshot({ path: shot(name), fullPage: true, clip: box });
  }

  const open = (language: 'en' | 'ru', width: number, theme: 'light' | 'dark'): Promise<Page> =>
    ledger.openPage({ language, width, theme });

  test.each([
    ['en', 1024, 'light'],
    ['en', 1920, 'dark'],
    ['ru', 1024, 'dark'],
    ['ru', 1920, 'light'],
  ] as const)(
    'the dashboard sets the year against earlier years and the baseline (%s, %i px, %s)',
    async (language, width, theme) => {
      const page = await open(language, width, theme);
      const card = page.getByTestId('years-card');
      await card.getByTestId('years-table').waitFor();
      const heads = await card.locator('thead th').allTextContents();
      expect(heads.slice(1, 4)).toEqual(['2024', '2025', expect.stringContaining(String(YEAR))]);
      expect(heads.at(-1)).toContain(language === 'en' ? 'Baseline 2023' : 'База 2023');
      // The 2025 stoppage: August shipped nothing (the demo follows the published figures).
      const august = await card.locator('tbody tr').nth(7).locator('td').allTextContents();
      expect(august[1]).toBe('0');
      expect(await card.getByTestId('years-total-baseline').textContent()).toBe(
        language === 'en' ? '1,057,000' : '1\u00a0057\u00a0000',
      );
      expect(await card.getByTestId('years-pace-note').textContent()).toBe(
        language === 'en'
          ? 'The 2023 baseline follows its monthly figures.'
          : 'База 2023 года идёт по своим месячным данным.',
      );
      expect(await card.locator('.dash-legend li').count()).toBe(4);
      await capture(page, 'years-card', `dashboard-${language}-${width}-${theme}`);
      // The baseline card says how its pace is drawn, in the page's words.
      expect(await page.getByTestId('kpi-baseline').textContent()).toContain(
        language === 'en' ? '(by its monthly figures)' : '(по месячным данным)',
      );
      await capture(page, 'kpi-baseline', `kpi-baseline-${language}-${width}-${theme}`);
      await page.context().close();
    },
  );

  test.each(['en', 'ru'] as const)(
    'Settings shows the baseline with its twelve months (%s, 1024 px)',
    async (language) => {
      const page = await open(language, 1024, 'light');
      await page.getByTestId('tab-settings').click();
      const panel = page.getByTestId('baseline-panel');
      await panel.getByTestId('baseline-form').waitFor();
      expect(await panel.getByTestId('baseline-month-12').inputValue()).toBe('97000');
      await panel.getByTestId('baseline-month-12').fill('96000');
      await panel.getByTestId('save-baseline').click();
      await panel.getByTestId('baseline-error').waitFor();
      expect(await panel.getByTestId('baseline-error').textContent()).toContain(
        language === 'en' ? '1,056,000.000 t' : '1\u00a0056\u00a0000,000 т',
      );
      await capture(page, 'baseline-panel', `settings-${language}-1024`);
      await page.context().close();
    },
  );

  test('Reports offers the months side by side as a workbook and a CSV (en, 1024 px)', async () => {
    const page = await open('en', 1024, 'light');
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('export-years').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-years').click();
    expect((await download).suggestedFilename()).toBe(`transit-years-${YEAR}.csv`);
    await capture(page, 'export-panel', 'reports-en-1024');
    await page.context().close();
  });
});
