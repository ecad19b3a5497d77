import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RENDERER_DIR } from '../../electron/app-paths';
import type { Preferences, TransitApi } from '../../electron/core/api';
import { newToken, startWebServer, type RunningWebServer } from '../../electron/web';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM);

/** Announces a skipped suite where it cannot be missed in the test output. */
export function warnSkipped(suite: string, reason: string): void {
  process.stderr.write(`\n*** SKIPPED: ${suite} — ${reason} ***\n\n`);
}

/**
 * Debian's Chromium, headless, with no background network traffic. Playwright gives every launch
 * a fresh temporary profile of its own (it refuses a --user-data-dir argument), removed on close.
 */
export async function launchChromium(): Promise<{ browser: Browser; cleanup: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    cleanup: () => browser.close(),
  };
}

/** Screenshots are test artifacts: written under test-artifacts/, never committed. */
export const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');

/**
 * Opens the app in a language and theme: saved through the API as Settings saves them (to the data
 * folder, which decides), then loaded afresh. Every Chromium spec sets its page up this way.
 */
export async function openWithPreferences(
  page: Page,
  origin: string,
  api: Pick<TransitApi, 'savePreferences'>,
  preferences: Partial<Preferences>,
): Promise<void> {
  await api.savePreferences(preferences);
  await page.goto(`${origin}/`);
}

export interface BrowserApp {
  server: RunningWebServer;
  browser: Browser;
  /** Closes the browser, then the server. */
  close(): Promise<void>;
}

/**
 * Browser mode as a person starts it (the built renderer, a fresh token, a free loopback port)
 * over `api`, and Debian's Chromium to drive it: what every Chromium spec begins with.
 */
export async function startBrowserApp(api: TransitApi): Promise<BrowserApp> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
    throw new Error('The renderer is not built: run `npm run build` first (npm test does).');
  const server = await startWebServer({
    api,
    rendererDir: RENDERER_DIR,
    token: newToken(),
    port: 0,
    logInternal: () => undefined,
  });
  const { browser, cleanup } = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    server,
    browser,
    close: async () => {
      await cleanup();
      await server.close();
    },
  };
}
