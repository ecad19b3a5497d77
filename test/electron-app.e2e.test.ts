/**
 * The desktop app itself, driven by Playwright's Electron support. It needs Electron's binary,
 * which `npm install` does not download (npm start fetches it where the network allows); where it
 * is missing, this suite is skipped and says so.
 */
import fs from 'node:fs';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { APP_ROOT, RENDERER_DIR } from '../electron/app-paths';
import type { TransitApi } from '../electron/core/api';
import { todayAtLoadPort } from '../electron/core/calendar';
import { LedgerService } from '../electron/core/service';
import { warnSkipped } from './support/browser';
import { tempDir } from './support/temp';

/** The page's global object as the preload leaves it (this file is type-checked without the DOM). */
type PageGlobal = { transit?: TransitApi; require?: unknown; process?: unknown };

function electronBinary(): string | null {
  try {
    // The package's export is the binary's path, and it throws while the binary is not installed,
    // so it is loaded here, inside try, rather than imported.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const binary: unknown = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const describeWithElectron = binary ? describe : describe.skip;
if (!binary)
  warnSkipped(
    'the Electron app',
    "Electron's binary is not installed here (run node node_modules/electron/install.js where GitHub is reachable)",
  );

describeWithElectron('the Electron app', () => {
  jest.setTimeout(90_000);
  let temp: ReturnType<typeof tempDir>;
  let app: ElectronApplication | null = null;

  async function launch(ledger: string): Promise<Page> {
    app = await electron.launch({
      executablePath: binary as string,
      args: [APP_ROOT],
      env: { ...process.env, TRANSIT_LEDGER: ledger, ELECTRON_DISABLE_SECURITY_WARNINGS: 'false' },
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return page;
  }

  beforeAll(() => {
    if (!fs.existsSync(`${RENDERER_DIR}/index.html`))
      throw new Error('The app is not built: run `npm run build` first (npm test does).');
  });
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(async () => {
    await app?.close();
    app = null;
    temp.cleanup();
  });

  test('a shipment recorded through the page is there after a restart', async () => {
    const ledger = temp.file('ledger.jsonl');
    let page = await launch(ledger);
    await page.getByTestId('tab-dashboard').waitFor();
    const today = todayAtLoadPort(new Date());
    // Through the page's own bridge: preload → IPC → main process → ledger.
    const id = await page.evaluate(async (date) => {
      const saved = await (globalThis as unknown as PageGlobal).transit?.recordShipment({
        blDate: date,
        vessel: 'Astana',
        netTonnes: '9959.5',
        blNumber: 'APP-1',
      });
      return saved?.shipment.id;
    }, today);
    expect(id).toMatch(/^[a-z0-9]{10}$/);
    await app?.close();

    page = await launch(ledger);
    await page.getByTestId('kpi-ytd-value').waitFor();
    expect(await page.getByTestId('kpi-ytd').textContent()).toMatch(/Cargoes: 1\b/);
    expect(await page.getByTestId('kpi-ytd-value').textContent()).toMatch(/9,960\s*t/);
  });

  test('the page has no Node and no raw IPC, only the typed bridge', async () => {
    const page = await launch(temp.file('ledger.jsonl'));
    const exposed = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobal;
      return {
        require: typeof page.require,
        process: typeof page.process,
        transit: Object.keys(page.transit ?? {}).sort(),
      };
    });
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.transit).toContain('recordShipment');
  });

  test('a damaged ledger opens with the recovery message shown', async () => {
    const ledger = temp.file('ledger.jsonl');
    const service = LedgerService.open(ledger, { actor: 'e2e' });
    await service.recordShipment({ blDate: todayAtLoadPort(new Date()), vessel: 'Taraz', netTonnes: '6980' });
    service.close();
    // Half a line at the end: what a power cut during a save leaves.
    fs.appendFileSync(ledger, '{"seq":3,"at":"2026-01-01T00:00:00.000Z","actor":"x","type":"rec');
    const page = await launch(ledger);
    const recovery = page.getByTestId('recovery');
    await recovery.waitFor();
    expect(await recovery.textContent()).toMatch(/not closed cleanly/);
  });
});
