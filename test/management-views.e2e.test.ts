/**
 * The manager's points of issue 10 in a real Chromium against browser mode: the month in progress
 * against its plan to date, whole tonnes on the dashboard, the baseline year shown as the
 * baseline, the register printed whole, layouts from 1024 to 2560 px without clipping, and a
 * colour of its own for every chart series. Screenshots of the dashboard and the register (light
 * and dark, empty and full, 1024×700 and 1920×1080, English and Russian) and the printed register
 * go to test-artifacts/ (not committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS } from './support/browser';
import { describeInChromium, ledgerInBrowser } from './support/ledger-in-browser';

/** 3 September 2026 at Aktau: a month just begun, with eight months of demo cargoes behind it. */
const NOW = new Date('2026-09-03T06:00:00Z');
const OUT = path.join(ARTIFACTS, 'management');

type Language = 'en' | 'ru' | 'az' | 'kk';
type Theme = 'light' | 'dark';

/** What the page-side callbacks use of the browser (this file is type-checked without the DOM). */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface El {
  textContent: string | null;
  className: string;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface PageGlobals {
  document: El & { documentElement: { style: { getPropertyValue(name: string): string } } };
  innerWidth: number;
  getComputedStyle(element: El): { backgroundColor: string; color: string; lineHeight: string };
}

describeInChromium('the management views in Chromium', () => {
  jest.setTimeout(240_000);
  const ledger = ledgerInBrowser({ service: { now: () => NOW } });

  beforeAll(() => {
    fs.mkdirSync(OUT, { recursive: true });
  });

  /** A page at a size, in a language and theme, on a tab, with the year's figures loaded. */
  async function open(
    width: number,
    height: number,
    language: Language,
    theme: Theme,
    tab: 'dashboard' | 'register' | 'reports' = 'dashboard',
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await ledger.app.browser.newContext({ viewport: { width, height }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Preferences live in the data folder: chosen there, they are what the page opens with.
    await ledger.workspace.api.savePreferences({ language, theme });
    await page.goto(ledger.app.server.url);
    await page.getByTestId(`tab-${tab}`).click();
    if (tab === 'dashboard')
      await page.locator('[data-testid=dashboard], [data-testid=dashboard-empty]').waitFor();
    if (tab === 'register') await page.getByTestId('register').waitFor();
    await page.waitForTimeout(200);
    return { context, page, errors };
  }

  async function screenshots(data: 'empty' | 'full'): Promise<void> {
    for (const [width, height] of [
      [1024, 700],
      [1920, 1080],
    ] as const)
      for (const language of ['en', 'ru'] as const)
        for (const theme of ['light', 'dark'] as const) {
          const { context, page, errors } = await open(width, height, language, theme);
          const name = (tab: string) =>
            path.join(OUT, `${data}-${tab}-${width}x${height}-${language}-${theme}.png`);
          await page.screenshot({ path: name('dashboard'), fullPage: true });
          await page.getByTestId('tab-register').click();
          await page.getByTestId('register').waitFor();
          await page.screenshot({ path: name('register') });
          expect(errors).toEqual([]);
          await context.close();
        }
  }

  test('screenshots of the empty ledger', async () => {
    await screenshots('empty');
  });

  describe('with a full demo year', () => {
    beforeAll(async () => {
      await ledger.workspace.api.useDemoLedger(true);
    });

    test('screenshots of the full ledger', async () => {
      await screenshots('full');
    });

    test('the month in progress is compared with its plan to date; the table is in whole tonnes', async () => {
      const { context, page } = await open(1920, 1080, 'en', 'light');
      const table = page.getByTestId('monthly-table');
      const september = table.locator('tr', { has: page.getByRole('rowheader', { name: /^September/ }) });
      expect(await september.getByRole('rowheader').textContent()).toMatch(/^September \(to 2026-09-03\)$/);
      expect(await page.getByTestId('variance-to-date').textContent()).toMatch(
        /^vs plan to 2026-09-03: \d{1,2},\d{3}$/,
      );
      // No figure in the management table carries kilograms.
      expect(await table.textContent()).not.toMatch(/\d\.\d{3}\b/);
      const october = table.locator('tr', { has: page.getByRole('rowheader', { name: /^October/ }) });
      expect((await october.locator('td').last().textContent())?.trim()).toMatch(/^—/);
      await context.close();
    });

    test('at 1024 px every register column is on screen, nothing cut, in all four languages', async () => {
      for (const language of ['en', 'ru', 'az', 'kk'] as const) {
        const { context, page } = await open(1024, 700, language, 'light', 'register');
        await page.getByTestId('register-row').first().waitFor();
        const report = await page.evaluate(() => {
          const doc = (globalThis as unknown as PageGlobals).document;
          const scroll = doc.querySelector('[data-testid=register-scroll]') as El;
          const last = doc.querySelector('.register-row .register-actions') as El;
          const remarks = doc.querySelector('[data-testid=sort-remarks]') as El;
          const cut: string[] = [];
          for (const el of Array.from(doc.querySelectorAll('.register-sort-label, .register-row td'))) {
            // Vessel and remarks end in an ellipsis with the full text as a tooltip: those may be long.
            if (el.className.includes('register-clip')) continue;
            if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
              cut.push(el.textContent ?? '');
          }
          return {
            overflow: scroll.scrollWidth - scroll.clientWidth,
            actionsRight: last.getBoundingClientRect().right,
            remarksRight: remarks.getBoundingClientRect().right,
            viewport: (globalThis as unknown as PageGlobals).innerWidth,
            cut,
          };
        });
        expect(report.overflow).toBeLessThanOrEqual(0);
        expect(report.actionsRight).toBeLessThan(report.viewport);
        expect(report.remarksRight).toBeLessThan(report.viewport);
        expect(report.cut).toEqual([]);
        await context.close();
      }
    });

    test('figures keep their units on one line at 1024 px; at 1920 px the header lines up with content', async () => {
      const narrow = await open(1024, 700, 'ru', 'light');
      // "−192,2 тыс. т" and its like: one line each (their unit joined by no-break spaces).
      for (const id of ['ytd', 'ahead', 'forecast', 'runRate', 'required']) {
        const lines = await narrow.page.getByTestId(`kpi-${id}-value`).evaluate((el) => {
          const figure = el as unknown as El;
          return (
            figure.getBoundingClientRect().height /
            parseFloat((globalThis as unknown as PageGlobals).getComputedStyle(figure).lineHeight)
          );
        });
        expect(lines).toBeLessThan(1.5);
      }
      await narrow.context.close();

      for (const width of [1920, 2560]) {
        const wide = await open(width, 1080, 'en', 'light', 'register');
        const edges = await wide.page.evaluate(() => {
          const doc = (globalThis as unknown as PageGlobals).document;
          const brand = (doc.querySelector('.brand') as El).getBoundingClientRect();
          const year = (doc.querySelector('.year-select') as El).getBoundingClientRect();
          const card = (doc.querySelector('.content > .register') as El).getBoundingClientRect();
          return { brand: brand.left, card: card.left, year: year.right, cardRight: card.right };
        });
        expect(Math.abs(edges.brand - edges.card)).toBeLessThanOrEqual(1);
        expect(Math.abs(edges.year - edges.cardRight)).toBeLessThanOrEqual(1);
        await wide.context.close();
      }
    });

    test('the register prints whole: every shown row, every column, page numbers; saved as PDF', async () => {
      const { context, page } = await open(1024, 700, 'ru', 'dark', 'register');
      const footer = (await page.getByTestId('register-footer').textContent()) ?? '';
      const shown = Number((/(\d[\d\s\u00a0]*)/.exec(footer)?.[1] ?? '').replace(/\D/g, ''));
      expect(shown).toBeGreaterThan(150);
      expect(await page.getByTestId('register-row').count()).toBeLessThan(60);
      await page.pdf({
        path: path.join(OUT, 'register-print-ru.pdf'),
        printBackground: true,
        preferCSSPageSize: true,
      });
      await page.emulateMedia({ media: 'print' });
      const paper = page.getByTestId('register-print-table');
      await paper.waitFor();
      expect(await paper.locator('tbody tr').count()).toBe(shown);
      expect(await paper.locator('thead th').count()).toBe(9);
      expect(await page.getByTestId('register').isVisible()).toBe(false);
      const pageNumber = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).document.documentElement.style.getPropertyValue(
          '--print-page-number',
        ),
      );
      expect(pageNumber).toBe('"Страница " counter(page) " из " counter(pages)');
      await page.screenshot({ path: path.join(OUT, 'register-print-media-ru.png') });
      await page.emulateMedia({ media: 'screen' });
      await page.getByTestId('register-print').waitFor({ state: 'detached' });
      const pdf = fs.readFileSync(path.join(OUT, 'register-print-ru.pdf'), 'latin1');
      // More than one A4 page, each landscape (842 × 595 pt).
      expect((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(3);
      expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 59[45]\.\d+\s*\]/);
      await context.close();
    });

    test('the printed dashboard (PDF) for a look at its month names', async () => {
      const { context, page } = await open(1920, 1080, 'ru', 'dark');
      await page.pdf({
        path: path.join(OUT, 'dashboard-print-ru.pdf'),
        printBackground: true,
        preferCSSPageSize: true,
      });
      await context.close();
    });

    test('each chart series has its own colour in light and dark, and the legend shows the same', async () => {
      for (const theme of ['light', 'dark'] as const) {
        const { context, page } = await open(1920, 1080, 'en', theme);
        const strokes = await page
          .getByTestId('cumulative-chart')
          .locator('.dash-legend line')
          .evaluateAll((lines) => lines.map((line) => (line as unknown as El).getAttribute('stroke')));
        // Shipped, target pace, baseline pace, annual target, baseline total: five colours; today: the text's.
        expect(new Set(strokes.slice(0, 5)).size).toBe(5);
        await context.close();
      }
    });

    test('in dark mode a disabled "Import N shipments" does not look like the button to press', async () => {
      const { context, page } = await open(1280, 800, 'en', 'dark', 'reports');
      await page.getByTestId('import-file').setInputFiles({
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'B/L date,Vessel,Net tonnes\r\n2026-09-01,Astana,9959.5\r\n2026-13-45,Liwa,abc\r\n',
        ),
      });
      const commit = page.getByTestId('import-commit');
      await commit.waitFor();
      expect(await commit.isDisabled()).toBe(true);
      const look = await commit.evaluate(
        (el) => (globalThis as unknown as PageGlobals).getComputedStyle(el as unknown as El).backgroundColor,
      );
      const accent = await page.evaluate(
        () =>
          (globalThis as unknown as PageGlobals).getComputedStyle(
            (globalThis as unknown as PageGlobals).document.querySelector('.tab[aria-current=page]') as El,
          ).color,
      );
      expect(look).not.toBe(accent);
      await commit.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUT, 'import-disabled-dark.png') });
      await context.close();
    });

    test('the baseline year is shown as the baseline and named in the year list', async () => {
      await ledger.workspace.api.setTargets({ year: 2023, annualTonnes: '1500000' });
      const { context, page } = await open(1280, 800, 'en', 'light');
      const select = page.getByTestId('year-select');
      expect(await select.locator('option').allTextContents()).toEqual([
        '2026',
        '2025',
        '2024',
        '2023 (baseline)',
      ]);
      await select.selectOption('2023');
      await page.getByTestId('dashboard-baseline').waitFor();
      const text = (await page.getByTestId('dashboard-baseline').textContent()) ?? '';
      expect(text).toContain('2023 is the baseline year.');
      expect(text).not.toMatch(/short|−100/);
      await page.screenshot({ path: path.join(OUT, 'baseline-year-en.png') });
      await context.close();
    });
  });
});
