/**
 * Settings → Backups in Chromium given a folder the system will not make (/proc/nope/x on Linux,
 * where Node's recursive mkdir used to spin for ever and the page waited with it): the refusal
 * comes back at once, said in the page's language with the folder and the disk's reason, and the
 * folder in use stays the one beside the ledger. Screenshots: test-artifacts/backup-folder-refused-*.png.
 */
import path from 'node:path';
import { ARTIFACTS, openWithPreferences } from './support/browser';
import { describeInChromium, ledgerInBrowser } from './support/ledger-in-browser';

const linux = process.platform === 'linux';
if (!linux)
  console.warn(
    `SKIPPED: the /proc backup folder in Chromium runs on Linux only (this is ${process.platform}).`,
  );

const SAID = {
  en: 'Backups cannot be written to /proc/nope/x (ENOENT).',
  ru: 'В папку /proc/nope/x нельзя записать резервные копии (ENOENT).',
} as const;

(linux ? describeInChromium : describe.skip)('Settings → Backups: a folder /proc will not hold', () => {
  jest.setTimeout(120_000);
  const ledger = ledgerInBrowser({ service: { backups: 'auto' } });
  beforeAll(async () => {
    await ledger.service.recordShipment({ blDate: '2024-08-01', vessel: 'Astana', netTonnes: '9959.5' });
  });

  test.each([
    ['ru', 1024],
    ['en', 1920],
  ] as const)('in %s at %i px the refusal is said at once and the folder stays', async (language, width) => {
    const { workspace } = ledger;
    const { server, browser } = ledger.app;
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await openWithPreferences(page, server.origin, workspace.api, { language, theme: 'light' });
    await page.getByTestId('tab-settings').click();
    const folder = page.getByTestId('backup-folder');
    await folder.waitFor();
    const before = await folder.textContent();
    await page.getByTestId('backup-folder-input').fill('/proc/nope/x');
    await page.getByTestId('backup-folder-input').press('Enter');
    await page.getByTestId('backup-result').getByText(SAID[language]).waitFor();
    expect(await folder.textContent()).toBe(before);
    await page
      .getByTestId('backup-panel')
      .screenshot({ path: path.join(ARTIFACTS, `backup-folder-refused-${language}-${width}.png`) });
    expect(errors).toEqual([]);
    await context.close();
  });
});
