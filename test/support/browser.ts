import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Preferences, TransitApi } from '../../electron/core/api';

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
