/**
 * A station's screens in a real Chromium against browser mode (issue 11): the register's Station
 * column and conflict flag, the dashboard's count of conflicted cargoes, at 1024 and 1920 px, in
 * English and Russian, light and dark; and two tabs, one of which syncs: the other shows what the
 * sync brought without being reloaded. Screenshots go to test-artifacts/ (not committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { ShipmentInput } from '../electron/core/api';
import { addCalendarDays, formatIsoDate, parseIsoDate, todayAtLoadPort } from '../electron/core/calendar';
import { LedgerService } from '../electron/core/service';
import { environmentCredentials } from '../electron/core/sync/app';
import { Couch } from '../electron/core/sync/couch';
import { setupStation, syncOnce } from '../electron/core/sync/index';
import { initServer } from '../electron/core/sync/server';
import { Workspace } from '../electron/core/workspace';
import { type RunningWebServer } from '../electron/web';
import {
  ARTIFACTS,
  CHROMIUM,
  chromiumAvailable,
  warnSkipped,
  openWithPreferences,
  startBrowserApp,
} from './support/browser';
import { startTestCouch, type TestCouch } from './support/couch-server';
import { tempDir } from './support/temp';

const describeInBrowser = chromiumAvailable ? describe : describe.skip;
if (!chromiumAvailable) warnSkipped('a station’s screens in Chromium', `no browser at ${CHROMIUM}`);

const PASSWORD = 'station-pw';
const login = (station: string) => ({ user: station.toLowerCase(), password: PASSWORD });

function daysAgo(days: number): string {
  const today = parseIsoDate(todayAtLoadPort(new Date()));
  if (!today) throw new Error('no today');
  return formatIsoDate(addCalendarDays(today, -days));
}

const cargo = (over: ShipmentInput): ShipmentInput => ({ blDate: daysAgo(20), vessel: 'Astana', ...over });

describeInBrowser('a station’s screens in Chromium', () => {
  jest.setTimeout(240_000);
  let temp: ReturnType<typeof tempDir>;
  let couch: TestCouch;
  let akt: LedgerService;
  let workspace: Workspace;
  let server: RunningWebServer;
  let browser: Browser;
  let closeApp: () => Promise<void>;

  beforeAll(async () => {
    temp = tempDir('transit-stations-e2e-');
    couch = await startTestCouch();
    const db = `${couch.base}/stations-e2e`;
    await initServer(new Couch(new URL(db), couch.admin), ['AKT', 'SNG']);
    for (const station of ['AKT', 'SNG']) await couch.addUser(station.toLowerCase(), PASSWORD, [station]);
    fs.mkdirSync(temp.file('AKT'));
    fs.mkdirSync(temp.file('SNG'));
    akt = LedgerService.open(temp.file('AKT/ledger.jsonl'), { actor: 'anna' });
    const credentials = environmentCredentials({ TRANSIT_SYNC_USER: 'sng', TRANSIT_SYNC_PASSWORD: PASSWORD });
    const sng = LedgerService.open(temp.file('SNG/ledger.jsonl'), { actor: 'rauf', credentials });
    setupStation(akt, { url: db, station: 'AKT', insecure: false });
    setupStation(sng, { url: db, station: 'SNG', insecure: false });
    // A fork of one cargo, one B/L number at both stations, and cargoes of each station's own.
    const forked = await akt.recordShipment(cargo({ blNumber: 'AKT-2026-0101', netTonnes: '9959.5' }));
    await akt.recordShipment(cargo({ blNumber: 'AKT-2026-0102', vessel: 'Taraz', netTonnes: '6980' }));
    await akt.recordShipment(cargo({ blDate: daysAgo(12), blNumber: 'AKT-2026-0103', netTonnes: '8800' }));
    await sng.recordShipment(cargo({ blNumber: 'akt-2026-0102', vessel: 'Liwa', netTonnes: '7800' }));
    await sng.recordShipment(
      cargo({ blDate: daysAgo(8), blNumber: 'SNG-77', vessel: 'Liwa', netTonnes: '7000' }),
    );
    await syncOnce(akt, login('AKT'));
    await syncOnce(sng, login('SNG'));
    await akt.amendShipment(forked.shipment.id, { netTonnes: '9000' }, { reason: 'draft survey' });
    await sng.amendShipment(forked.shipment.id, { netTonnes: '9100' }, { reason: 'outturn at Sangachal' });
    await syncOnce(akt, login('AKT'));
    await syncOnce(sng, login('SNG'));
    await syncOnce(akt, login('AKT'));
    workspace = new Workspace(sng, temp.file('SNG/demo-ledger.jsonl'), { credentials });
    ({ server, browser, close: closeApp } = await startBrowserApp(workspace.api));
  });

  afterAll(async () => {
    await closeApp?.();
    workspace?.close();
    akt?.close();
    await couch?.close();
    temp?.cleanup();
  });

  test('Station column, conflict flag and the dashboard’s conflicts count: en, ru, 1024, 1920 px', async () => {
    const errors: string[] = [];
    for (const width of [1024, 1920]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.url);
      for (const language of ['en', 'ru'] as const)
        for (const theme of ['light', 'dark'] as const) {
          await openWithPreferences(page, server.origin, workspace.api, { language, theme });
          const notice = page.getByTestId('dashboard-conflicts');
          await notice.waitFor();
          expect(await notice.textContent()).toMatch(
            language === 'en' ? /in conflict between stations: 3\./ : /конфликте между пунктами: 3\./,
          );
          await page.screenshot({
            path: path.join(ARTIFACTS, `stations-dashboard-${width}-${language}-${theme}.png`),
          });
          await page.getByTestId('tab-register').click();
          await page.getByTestId('register-row').first().waitFor();
          expect(await page.getByTestId('row-conflict').count()).toBe(3);
          const header = await page.getByRole('columnheader').allTextContents();
          expect(header).toContain(language === 'en' ? 'Station' : 'Пункт');
          // Every column fits: the table is no wider than its scroll box.
          const fits = await page
            .getByTestId('register-scroll')
            .evaluate((el) => el.scrollWidth <= el.clientWidth);
          expect(fits).toBe(true);
          // No column's name is cut, but at 1024 px the Remarks', the one column without a width of its own,
          // which gives the Station column its room (its text is clipped with an ellipsis, whole on hover).
          const cut = await page
            .locator('.register-sort-label')
            .evaluateAll((labels) =>
              labels
                .filter((label) => label.scrollWidth > label.clientWidth + 1)
                .map((label) => label.textContent),
            );
          expect(cut.filter((name) => name !== (language === 'en' ? 'Remarks' : 'Примечания'))).toEqual([]);
          await page.screenshot({
            path: path.join(ARTIFACTS, `stations-register-${width}-${language}-${theme}.png`),
          });
          await page.getByTestId('tab-dashboard').click();
        }
      await context.close();
    }
    expect(errors).toEqual([]);
  });

  test('a tab that did not sync shows what another tab’s sync brought, without a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const watching = await context.newPage();
    const syncing = await context.newPage();
    for (const page of [watching, syncing]) {
      await page.goto(server.url);
      await workspace.api.savePreferences({ language: 'en', theme: 'light' });
    }
    await watching.getByTestId('tab-register').click();
    await watching.getByTestId('register-row').first().waitFor();
    expect(await watching.getByTestId('register-row').filter({ hasText: 'AKT-2026-0199' }).count()).toBe(0);
    await akt.recordShipment(
      cargo({ blDate: daysAgo(2), blNumber: 'AKT-2026-0199', vessel: 'Taraz', netTonnes: '6500' }),
    );
    await syncOnce(akt, login('AKT'));
    await syncing.getByTestId('sync-now').click();
    await syncing
      .getByTestId('sync-line')
      .filter({ hasText: /Synced/ })
      .waitFor();
    // The watching tab was never reloaded: its poll sees the received entries and reads the register again.
    await watching.getByTestId('register-row').filter({ hasText: 'AKT-2026-0199' }).waitFor();
    await watching.screenshot({ path: path.join(ARTIFACTS, 'stations-register-after-other-tab-synced.png') });
    await context.close();
  });
});
