/**
 * Correcting from the keyboard (issue 10, point 1) in a real Chromium against browser mode, on a full
 * demo year: nothing but keys from the register's tab on. `/` to the search, ↓ on into the rows and
 * down past the rendered window, Enter edits, Ctrl+Enter saves, focus back on the row; Delete asks to
 * void, Ctrl+Enter voids; H shows the history; Ctrl+F back to the search. Screenshots of the active
 * row (1024 px English and Russian, 1920 px Russian, light and dark) and of the dialogs go to
 * test-artifacts/register-keyboard/ (not committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS } from './support/browser';
import { describeInChromium, ledgerInBrowser } from './support/ledger-in-browser';

/** 3 September 2026 at Aktau: eight months of demo cargoes behind it. */
const NOW = new Date('2026-09-03T06:00:00Z');
const OUT = path.join(ARTIFACTS, 'register-keyboard');

/** What the page-side callbacks use of the browser (this file is type-checked without the DOM). */
interface Box {
  top: number;
  bottom: number;
}
interface El {
  id: string;
  tagName: string;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  closest(selector: string): El | null;
}
interface PageGlobals {
  document: {
    activeElement: El | null;
    getElementById(id: string): El | null;
    querySelector(s: string): El | null;
  };
  localStorage: { setItem(key: string, value: string): void };
}

/** Where the focus is, and the row the table names as active: which cargo, where, and whether it is in view. */
interface Focus {
  testId: string | null;
  cargo: string | null;
  rowIndex: number | null;
  inView: boolean;
}

function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as PageGlobals).document;
    const active = doc.activeElement;
    const table = doc.querySelector('[data-testid=register-table]');
    const rowId = table?.getAttribute('aria-activedescendant');
    const row = rowId ? doc.getElementById(rowId) : null;
    const scroll = doc.querySelector('[data-testid=register-scroll]');
    const box = row?.getBoundingClientRect();
    const frame = scroll?.getBoundingClientRect();
    return {
      testId: active?.getAttribute('data-testid') ?? null,
      cargo: row?.getAttribute('data-id') ?? null,
      rowIndex: row ? Number(row.getAttribute('aria-rowindex')) : null,
      // Below the 40 px sticky header and above the scroll box's bottom (to the pixel: layouts round).
      inView:
        box !== undefined &&
        frame !== undefined &&
        box.top >= frame.top + 39 &&
        box.bottom <= frame.bottom + 1,
    };
  });
}

/** Presses Tab until the focused field is the one labelled `label` (the dialog's fields, from the keyboard). */
async function tabTo(page: Page, label: RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const name = await page.evaluate(() => {
      const active = (globalThis as unknown as PageGlobals).document.activeElement as
        (El & { labels?: ArrayLike<{ textContent: string | null }> | null }) | null;
      return active?.labels?.[0]?.textContent ?? '';
    });
    if (label.test(name)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${label} is not reachable with Tab`);
}

describeInChromium('the register from the keyboard in Chromium', () => {
  jest.setTimeout(180_000);
  const ledger = ledgerInBrowser({ service: { now: () => NOW } });

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    await ledger.workspace.api.useDemoLedger(true);
  });

  async function openRegister(
    width: number,
    height: number,
    language: 'en' | 'ru',
    theme: 'light' | 'dark',
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const errors: string[] = [];
    const page = await ledger.openPage({ width, height, language, theme, pageErrors: errors });
    await page.getByTestId('tab-register').click();
    await page.getByTestId('register-row').first().waitFor();
    return { context: page.context(), page, errors };
  }

  test('search, ↓ into the rows, Enter edits, Ctrl+Enter saves; Delete voids; H shows history', async () => {
    const { context, page, errors } = await openRegister(1024, 700, 'en', 'light');

    // `/` goes to the search; ↓ goes on to the first row.
    await page.keyboard.press('/');
    expect((await focus(page)).testId).toBe('filter-text');
    await page.keyboard.press('ArrowDown');
    expect(await focus(page)).toMatchObject({ testId: 'register-table', rowIndex: 2, inView: true });

    // ↓ thirty times: well past the rows rendered at first, each one scrolled into view.
    const renderedAtFirst = await page.getByTestId('register-row').count();
    expect(renderedAtFirst).toBeLessThan(31);
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as PageGlobals).document;
      const id = doc.querySelector('[data-testid=register-table]')?.getAttribute('aria-activedescendant');
      const row = id ? doc.getElementById(id) : null;
      if (row?.getAttribute('aria-rowindex') !== '32') return false;
      // The virtualiser scrolls on the next frame: wait until the row is below the header.
      const frame = doc.querySelector('[data-testid=register-scroll]')?.getBoundingClientRect();
      const box = row.getBoundingClientRect();
      return frame !== undefined && box.top >= frame.top + 39 && box.bottom <= frame.bottom + 1;
    });
    const moved = await focus(page);
    expect(moved).toMatchObject({ testId: 'register-table', rowIndex: 32, inView: true });
    const cargo = moved.cargo as string;
    await page.screenshot({ path: path.join(OUT, 'row-32-1024-en-light.png') });

    // Enter edits that cargo; the Remarks and the reason are typed; Ctrl+Enter saves.
    await page.keyboard.press('Enter');
    const edit = page.getByTestId('register-edit-dialog');
    await edit.waitFor();
    await tabTo(page, /^Remarks/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Shore tank figure checked');
    await tabTo(page, /^Reason for the change/);
    await page.keyboard.type('Remark from the outturn report');
    await page.screenshot({ path: path.join(OUT, 'edit-dialog-1024-en-light.png') });
    await page.keyboard.press('ControlOrMeta+Enter');
    await edit.waitFor({ state: 'hidden' });
    await page.getByTestId('register-notice').waitFor();
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as PageGlobals).document;
      return doc.activeElement?.getAttribute('data-testid') === 'register-table';
    });
    expect(await focus(page)).toMatchObject({ testId: 'register-table', cargo, inView: true });
    const row = page.locator(`[data-testid=register-row][data-id="${cargo}"]`);
    expect(await row.textContent()).toContain('Shore tank figure checked');

    // Delete asks to void the same cargo; the reason is typed; Ctrl+Enter voids.
    const position = (await focus(page)).rowIndex;
    await page.keyboard.press('Delete');
    const voiding = page.getByTestId('register-void-dialog');
    await voiding.waitFor();
    await tabTo(page, /^Reason for voiding/);
    await page.keyboard.type('Entered twice');
    await page.screenshot({ path: path.join(OUT, 'void-dialog-1024-en-light.png') });
    await page.keyboard.press('ControlOrMeta+Enter');
    await voiding.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    // The voided cargo is hidden; the one now in its place is active, and the focus is on it.
    const after = await focus(page);
    expect(after).toMatchObject({ testId: 'register-table', rowIndex: position, inView: true });
    expect(after.cargo).not.toBe(cargo);
    const voided = (await ledger.workspace.api.listShipments({ year: 2026, includeVoided: true })).find(
      (s) => s.id === cargo,
    );
    expect(voided).toMatchObject({
      voided: true,
      voidReason: 'Entered twice',
      remarks: 'Shore tank figure checked',
    });

    // H shows that row's history; Escape closes it and the focus is back on the row.
    await page.keyboard.press('h');
    const history = page.getByTestId('register-history-dialog');
    await history.getByTestId('history-list').waitFor();
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as PageGlobals).document;
      return doc.activeElement?.getAttribute('data-testid') === 'register-table';
    });
    expect(await focus(page)).toMatchObject({ cargo: after.cargo, inView: true });

    // Ctrl+F: back to the search (the page's own find, which sees every row).
    await page.keyboard.press('ControlOrMeta+F');
    expect((await focus(page)).testId).toBe('filter-text');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the active row is plainly marked: at 1024 and 1920 px, English and Russian, light and dark', async () => {
    const sizes = [
      [1024, 700, 'en'],
      [1024, 700, 'ru'],
      [1920, 1080, 'ru'],
    ] as const;
    for (const [width, height, language] of sizes)
      for (const theme of ['light', 'dark'] as const) {
        const { context, page, errors } = await openRegister(width, height, language, theme);
        await page.keyboard.press('/');
        for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
        expect(await focus(page)).toMatchObject({ testId: 'register-table', rowIndex: 5, inView: true });
        await page.screenshot({ path: path.join(OUT, `active-row-${width}-${language}-${theme}.png`) });
        expect(errors).toEqual([]);
        await context.close();
      }
  });
});
