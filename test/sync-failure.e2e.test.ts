/**
 * A sync round that a server in trouble stops (HTTP 503), seen in a real Chromium against browser
 * mode (issue 9, point 3): the header says the sync failed, and the Sync panel says why in the page's
 * language, naming the server and the status, with nothing of the server's or the core's English.
 * At 1024 and 1920 px, in English and Russian, light and dark. Screenshots go to test-artifacts/.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LedgerService } from '../electron/core/service';
import { environmentCredentials } from '../electron/core/sync/app';
import { setupStation } from '../electron/core/sync/index';
import { Workspace } from '../electron/core/workspace';
import {
  ARTIFACTS,
  CHROMIUM,
  chromiumAvailable,
  openWithPreferences,
  startBrowserApp,
  warnSkipped,
} from './support/browser';
import { tempDir } from './support/temp';

const describeInBrowser = chromiumAvailable ? describe : describe.skip;
if (!chromiumAvailable) warnSkipped('a failed sync in Chromium', `no browser at ${CHROMIUM}`);

const SERVER_SAYS = 'Service Unavailable: the node is in maintenance.';

describeInBrowser('a failed sync in Chromium', () => {
  jest.setTimeout(240_000);
  let temp: ReturnType<typeof tempDir>;
  let couch: http.Server;
  let workspace: Workspace;
  let app: Awaited<ReturnType<typeof startBrowserApp>>;
  let db = '';

  beforeAll(async () => {
    temp = tempDir('transit-sync-failure-e2e-');
    couch = http.createServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'unavailable', reason: SERVER_SAYS }));
    });
    await new Promise<void>((resolve) => couch.listen(0, '127.0.0.1', resolve));
    db = `http://127.0.0.1:${(couch.address() as AddressInfo).port}/transit-ledger`;
    fs.mkdirSync(temp.file('AKT'));
    const credentials = environmentCredentials({ TRANSIT_SYNC_USER: 'akt', TRANSIT_SYNC_PASSWORD: 'pw' });
    const akt = LedgerService.open(temp.file('AKT/ledger.jsonl'), { actor: 'anna', credentials });
    setupStation(akt, { url: db, station: 'AKT', insecure: false });
    await akt.recordShipment({ blDate: '2024-08-01', vessel: 'Aktau', netTonnes: '8800' });
    workspace = new Workspace(akt, temp.file('AKT/demo-ledger.jsonl'), { credentials });
    app = await startBrowserApp(workspace.api);
  });

  afterAll(async () => {
    await app?.close();
    workspace?.close();
    await new Promise<void>((resolve) => couch.close(() => resolve()));
    temp?.cleanup();
  });

  test('the Sync panel says the server is in trouble and nothing was lost: en, ru, 1024, 1920 px', async () => {
    const errors: string[] = [];
    for (const width of [1024, 1920]) {
      const context = await app.browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(app.server.url);
      for (const language of ['en', 'ru'] as const)
        for (const theme of ['light', 'dark'] as const) {
          await openWithPreferences(page, app.server.origin, workspace.api, { language, theme });
          await page.getByTestId('sync-now').click();
          await page
            .getByTestId('sync-line')
            .filter({ hasText: language === 'en' ? 'Sync failed' : /не удалась/ })
            .waitFor();
          await page.getByTestId('tab-settings').click();
          const said = (await page.getByTestId('sync-panel-error').textContent()) ?? '';
          expect(said).toContain(`${db} `);
          expect(said).toContain('(HTTP 503)');
          expect(said).toMatch(
            language === 'en' ? /is in trouble.*Nothing was lost/ : /неполадки.*Ничего не потеряно/,
          );
          expect(said).not.toContain(SERVER_SAYS);
          if (language === 'ru') expect(said.replace(db, '').replace('HTTP', '')).not.toMatch(/[A-Za-z]{2,}/);
          await page.getByTestId('sync-panel').scrollIntoViewIfNeeded();
          await page.screenshot({
            path: path.join(ARTIFACTS, `sync-failure-${width}-${language}-${theme}.png`),
          });
          await page.getByTestId('tab-dashboard').click();
        }
      await context.close();
    }
    expect(errors).toEqual([]);
  });
});
