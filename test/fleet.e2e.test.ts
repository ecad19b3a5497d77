/**
 * A vessel typed wrong, in a real Chromium against browser mode: "Astna" left in the entry form
 * shows the fleet's question with Astana offered, saving asks it again in the question dialog, and
 * Settings lists the fleet with a tanker being added. In English and Russian, at 1024 px (and the
 * Fleet panel at 1920 px and in dark), each screen captured to test-artifacts/fleet-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { todayAtLoadPort } from '../electron/core/calendar';
import { ARTIFACTS } from './support/browser';
import { describeInChromium, ledgerInBrowser } from './support/ledger-in-browser';

const shot = (name: string) => path.join(ARTIFACTS, `fleet-${name}.png`);

describeInChromium('the fleet in Chromium', () => {
  jest.setTimeout(180_000);
  const ledger = ledgerInBrowser();

  /** A page in `language` and `theme` at `width` × 700. */
  const open = (language: 'en' | 'ru', width: number, theme: 'light' | 'dark' = 'light'): Promise<Page> =>
    ledger.openPage({ language, width, height: 700, theme });

  test.each(['en', 'ru'] as const)(
    'the vessel question in the entry form (%s, 1024 px)',
    async (language) => {
      const page = await open(language, 1024);
      await page.getByTestId('tab-entry').click();
      await page.locator('#entry-blDate').fill(todayAtLoadPort(new Date()));
      await page.locator('#entry-vessel').fill('Astna');
      await page.locator('#entry-netTonnes').fill('9959,5');
      await page.locator('#entry-netTonnes').focus();
      const names = page.getByTestId('entry-vessel-names');
      await names.waitFor();
      expect(await names.getByRole('button').allTextContents()).toEqual(['Astana']);
      await page.screenshot({ path: shot(`entry-note-${language}-1024`) });
      await page.keyboard.press('Enter');
      const question = page.getByTestId('entry-confirm');
      await question.getByRole('button', { name: 'Astana' }).waitFor();
      expect(await question.textContent()).toContain('Astna');
      await page.screenshot({ path: shot(`entry-question-${language}-1024`) });
      await question.getByRole('button', { name: 'Astana' }).click();
      expect(await page.locator('#entry-vessel').inputValue()).toBe('Astana');
      await page.context().close();
    },
  );

  test.each([
    ['en', 1024, 'light'],
    ['ru', 1024, 'light'],
    ['en', 1920, 'dark'],
  ] as const)('the Fleet panel in Settings (%s, %i px, %s)', async (language, width, theme) => {
    const page = await open(language, width, theme);
    await page.getByTestId('tab-settings').click();
    const panel = page.getByTestId('fleet-panel');
    await panel.waitFor();
    expect(await panel.locator('tbody tr').count()).toBe(6);
    await page.getByTestId('add-vessel').click();
    await page.locator('#st-vessel-name').fill('Atyrau');
    await page.locator('#st-vessel-imo').fill('9301614');
    await page.locator('#st-vessel-aliases').fill('Атырау');
    await page.keyboard.press('Enter');
    await page.locator('#st-vessel-imo-error').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: shot(`settings-${language}-${width}-${theme}`) });
    await page.screenshot({ path: shot(`settings-page-${language}-${width}-${theme}`), fullPage: true });
    await page.context().close();
  });
});
