/**
 * Preferences outlive browser mode in a real Chromium: browser mode is started as `npm run
 * start:web` starts it, Russian and dark are chosen in Settings, browser mode is stopped and
 * started again on another port (another origin, whose storage is empty) over the same data
 * folder, and the page opens in Russian and dark from its very first paint. Screenshots of the
 * restarted page at 1024 and 1920 px go to test-artifacts/.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RENDERER_DIR } from '../electron/app-paths';
import { ARTIFACTS, CHROMIUM, chromiumAvailable, launchChromium, warnSkipped } from './support/browser';
import { tempDir } from './support/temp';

const describeInBrowser = chromiumAvailable ? describe : describe.skip;
if (!chromiumAvailable)
  warnSkipped(
    'preferences across browser-mode launches',
    `no browser at ${CHROMIUM} (apt-get install chromium)`,
  );

const ROOT = path.resolve(__dirname, '..');
const WEB_MAIN = path.join(ROOT, 'electron', 'web-main.ts');

/** What the page looked like when React first drew into #root, recorded by an init script. */
interface FirstPaint {
  theme: string | null;
  lang: string | null;
  registerTab: string | null;
}

/**
 * Runs in the page before its own scripts: the moment #root first gets content, the theme, the
 * page's language and the Register tab's label are noted, so a flash of the wrong ones is seen.
 */
const RECORD_FIRST_PAINT = `
  new MutationObserver((_changes, observer) => {
    const root = document.getElementById('root');
    if (!root || root.childElementCount === 0) return;
    const tab = document.querySelector('[data-testid=tab-register]');
    window.__firstPaint = {
      theme: document.documentElement.dataset.theme ?? null,
      lang: document.documentElement.lang || null,
      registerTab: tab ? tab.textContent : null,
    };
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
`;

interface Launch {
  proc: ChildProcessWithoutNullStreams;
  url: string;
  origin: string;
}

/** A loopback port nobody listens on, other than `not`. */
async function freePort(not: number): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = net.createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== not && port !== 0) return port;
  }
}

/** Browser mode as `npm run start:web -- --ledger FILE --port PORT` runs it; resolves with the address it prints. */
function startBrowserMode(ledger: string, port: number): Promise<Launch> {
  const proc = spawn(
    process.execPath,
    ['-r', 'tsx/cjs', WEB_MAIN, '--ledger', ledger, '--port', String(port)],
    {
      cwd: ROOT,
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Open: (\S+)$/m.exec(out);
      if (match?.[1]) resolve({ proc, url: match[1], origin: new URL(match[1]).origin });
    });
    proc.on('exit', (code) => reject(new Error(`browser mode exited early (${code}): ${err}`)));
  });
}

/** Ctrl+C, as a person stops it: resolves once the process has let go of the ledger and exited. */
function stop(launch: Launch): Promise<void> {
  if (launch.proc.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    launch.proc.once('exit', () => resolve());
    launch.proc.kill('SIGINT');
  });
}

/** Waits until the data folder's file says what the page chose (the save goes out after the click). */
async function untilSaved(file: string, expected: Record<string, unknown>): Promise<void> {
  for (;;) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const saved = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (Object.entries(expected).every(([key, value]) => saved[key] === value)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function screenshot(page: Page, name: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
}

describeInBrowser('preferences across browser-mode launches', () => {
  jest.setTimeout(120_000);
  let temp: ReturnType<typeof tempDir>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const launches: Launch[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html')))
      throw new Error('The renderer is not built: run `npm run build` first (npm test does).');
    temp = tempDir();
    ({ browser, cleanup: closeBrowser } = await launchChromium());
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await closeBrowser?.();
    for (const launch of launches) await stop(launch);
    temp?.cleanup();
  });

  test('Russian and dark, chosen in one launch, are what the next launch on a new port opens with', async () => {
    const ledger = temp.file('ledger.jsonl');
    const first = await startBrowserMode(ledger, await freePort(0));
    launches.push(first);
    const before = await browser.newContext({ viewport: { width: 1024, height: 700 }, locale: 'en-GB' });
    const page = await before.newPage();
    await page.goto(first.url);
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('language-ru').check();
    await page.getByTestId('theme-dark').check();
    expect(await page.getByTestId('tab-register').textContent()).toBe('Реестр');
    await untilSaved(temp.file('preferences.json'), { language: 'ru', theme: 'dark' });
    await before.close();
    await stop(first);

    const second = await startBrowserMode(ledger, await freePort(Number(new URL(first.url).port)));
    launches.push(second);
    expect(second.origin).not.toBe(first.origin);
    const after = await browser.newContext({ viewport: { width: 1024, height: 700 }, locale: 'en-GB' });
    const restarted = await after.newPage();
    const errors: string[] = [];
    restarted.on('pageerror', (error) => errors.push(error.message));
    await restarted.addInitScript({ content: RECORD_FIRST_PAINT });
    await restarted.goto(second.url);
    await restarted.getByTestId('tab-register').waitFor();
    const firstPaint = (await restarted.evaluate('window.__firstPaint')) as FirstPaint | undefined;
    expect(firstPaint).toEqual({ theme: 'dark', lang: 'ru', registerTab: 'Реестр' });
    expect(await restarted.evaluate('document.documentElement.dataset.theme')).toBe('dark');

    await restarted.locator('[data-testid=dashboard], [data-testid=dashboard-empty]').waitFor();
    for (const [width, height] of [
      [1024, 700],
      [1920, 1080],
    ] as const)
      await screenshot(restarted, 'preferences-restarted-dashboard', width, height);
    await restarted.getByTestId('tab-settings').click();
    expect(await restarted.getByTestId('language-ru').isChecked()).toBe(true);
    expect(await restarted.getByTestId('theme-dark').isChecked()).toBe(true);
    for (const [width, height] of [
      [1024, 700],
      [1920, 1080],
    ] as const)
      await screenshot(restarted, 'preferences-restarted-settings', width, height);

    // And back: English and light, chosen in the restarted launch, are kept in the same file.
    await restarted.getByTestId('language-en').check();
    await restarted.getByTestId('theme-light').check();
    await untilSaved(temp.file('preferences.json'), { language: 'en', theme: 'light' });
    for (const [width, height] of [
      [1024, 700],
      [1920, 1080],
    ] as const)
      await screenshot(restarted, 'preferences-english-light-settings', width, height);
    expect(errors).toEqual([]);
    await after.close();
  });
});
