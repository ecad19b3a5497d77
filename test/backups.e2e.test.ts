/**
 * Settings → Backups in a real Chromium against browser mode (issue 12, part 8): the day's first
 * save leaves a backup that the panel shows, "Back up now" makes another, and a folder that has
 * gone (a USB stick pulled out) turns into a warning in the page's language. Screenshots at 1024
 * and 1920 px, English and Russian, light and dark, go to test-artifacts/ (not committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TransitApi } from '../electron/core/api';
import { ARTIFACTS, openWithPreferences } from './support/browser';
import { describeInChromium, ledgerInBrowser } from './support/ledger-in-browser';

async function showSettings(
  page: Page,
  origin: string,
  api: TransitApi,
  language: 'en' | 'ru',
  theme: 'light' | 'dark',
) {
  await openWithPreferences(page, origin, api, { language, theme });
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('backup-last').waitFor();
}

describeInChromium('Settings → Backups in Chromium', () => {
  jest.setTimeout(180_000);
  const ledger = ledgerInBrowser({ service: { backups: 'auto' } });

  test('the day’s backup is shown, Back up now adds one, and a lost folder is warned of in words', async () => {
    const { service, workspace, temp } = ledger;
    const { server, browser } = ledger.app;
    await service.recordShipment({ blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9959.5' });
    await service.backupsSettled();
    const { origin } = server;
    for (const width of [1024, 1920]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.url);
      for (const language of ['en', 'ru'] as const)
        for (const theme of ['light', 'dark'] as const) {
          await showSettings(page, origin, workspace.api, language, theme);
          expect(await page.getByTestId('backup-last').textContent()).toMatch(
            /daily|monthly|ежедневная|ежемесячная/,
          );
          await page.screenshot({
            path: path.join(ARTIFACTS, `backups-${width}-${language}-${theme}.png`),
            fullPage: true,
          });
        }
      expect(errors).toEqual([]);
      await context.close();
    }

    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(server.url);
    await showSettings(page, origin, workspace.api, 'en', 'light');
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-result').getByText('Backup written and checked.').waitFor();
    expect(await page.getByText('Backups kept').locator('..').textContent()).toContain('3');

    // The folder is typed (browser mode), then it goes away, as a USB stick pulled out does.
    const usb = temp.file('usb');
    await page.getByTestId('backup-folder-input').fill(usb);
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await page.getByTestId('backup-folder').getByText(usb, { exact: true }).waitFor();
    fs.rmSync(usb, { recursive: true });
    fs.writeFileSync(usb, 'not a folder');
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-warning').waitFor();
    expect(await page.getByTestId('backup-warning').textContent()).toContain('The last backup failed');
    for (const theme of ['light', 'dark'] as const) {
      await showSettings(page, origin, workspace.api, 'ru', theme);
      const warning = await page.getByTestId('backup-warning').textContent();
      expect(warning).toContain('Последняя резервная копия не удалась');
      expect(warning).toContain(`${usb} — это файл, а не папка: выберите папку для резервных копий.`);
      const panel = page.getByTestId('backup-panel');
      await panel.screenshot({ path: path.join(ARTIFACTS, `backups-warning-1024-ru-${theme}.png`) });
    }
    await showSettings(page, origin, workspace.api, 'en', 'light');
    await page
      .getByTestId('backup-panel')
      .screenshot({ path: path.join(ARTIFACTS, 'backups-warning-1024-en-light.png') });
    await context.close();
  });
});
