/**
 * What every Chromium spec begins with: a temporary ledger seeded with its cargoes, browser mode
 * started on it (a Workspace over a LedgerService, as the app runs), and pages opened in a language
 * and theme. `describeInChromium` skips a suite, loudly, on a machine without the browser.
 */
import type { Page } from 'playwright-core';
import type { Preferences } from '../../electron/core/api';
import { LedgerService, type ServiceOptions } from '../../electron/core/service';
import { Workspace } from '../../electron/core/workspace';
import {
  CHROMIUM,
  chromiumAvailable,
  openWithPreferences,
  startBrowserApp,
  warnSkipped,
  type BrowserApp,
} from './browser';
import { tempDir } from './temp';

/** `describe` where Chromium is installed; elsewhere skipped, with a warning in the test output. */
export function describeInChromium(title: string, body: () => void): void {
  if (chromiumAvailable) {
    describe(title, body);
    return;
  }
  warnSkipped(title, `no browser at ${CHROMIUM} (apt-get install chromium)`);
  describe.skip(title, body);
}

export interface LedgerInBrowserOptions {
  /** The temporary folder's name prefix. */
  tempPrefix?: string;
  /** Writes the ledger file before the app opens it (a damaged journal, say). */
  prepare?: (ledgerFile: string) => Promise<void> | void;
  /** The service's options besides its actor (`e2e`), and the workspace's too (a clock, backups). */
  service?: Omit<ServiceOptions, 'actor'>;
  /** Seeds the ledger (cargoes, targets, nominations) before the browser starts. */
  seed?: (service: LedgerService) => unknown;
}

export interface PageOptions extends Partial<Preferences> {
  /** The viewport; 1024 × 900 unless told. */
  width?: number;
  height?: number;
  /** The browser's locale, `en-GB` unless told (the page's language comes from the preferences). */
  locale?: string;
  /** Fixes the page's clock at this moment before it loads. */
  now?: Date;
  /** Collects the page's uncaught errors from before it loads. */
  pageErrors?: string[];
}

export interface LedgerInBrowser {
  readonly temp: ReturnType<typeof tempDir>;
  readonly service: LedgerService;
  readonly workspace: Workspace;
  readonly app: BrowserApp;
  /** Loads the app in `page` with these preferences saved first, as Settings saves them. */
  show(page: Page, preferences: Partial<Preferences>): Promise<void>;
  /** A page in a new browser context of its own, the app loaded in it; close it with `page.context().close()`. */
  openPage(options: PageOptions): Promise<Page>;
}

interface Running {
  temp: ReturnType<typeof tempDir>;
  service: LedgerService;
  workspace: Workspace;
  app: BrowserApp;
}

async function start(options: LedgerInBrowserOptions, running: Partial<Running>): Promise<void> {
  const temp = tempDir(options.tempPrefix);
  running.temp = temp;
  const file = temp.file('ledger.jsonl');
  await options.prepare?.(file);
  const service = LedgerService.open(file, { ...options.service, actor: 'e2e' });
  running.service = service;
  await options.seed?.(service);
  running.workspace = new Workspace(service, temp.file('demo-ledger.jsonl'), options.service);
  running.app = await startBrowserApp(running.workspace.api);
}

async function stop(running: Partial<Running>): Promise<void> {
  await running.app?.close();
  await running.service?.backupsSettled();
  running.workspace?.close();
  running.temp?.cleanup();
}

/**
 * Registers `beforeAll` (the ledger seeded, browser mode started) and `afterAll` (browser, server,
 * ledger and folder closed) in the calling block; its fields are there from `beforeAll` on.
 */
export function ledgerInBrowser(options: LedgerInBrowserOptions = {}): LedgerInBrowser {
  const running: Partial<Running> = {};
  beforeAll(() => start(options, running));
  afterAll(() => stop(running));
  const get = <K extends keyof Running>(key: K): Running[K] => {
    const value = running[key];
    if (value === undefined) throw new Error(`ledgerInBrowser: no ${key} before beforeAll has run`);
    return value as Running[K];
  };
  const show = async (page: Page, preferences: Partial<Preferences>): Promise<void> => {
    const { server } = get('app');
    await page.goto(server.url);
    await openWithPreferences(page, server.origin, get('workspace').api, preferences);
  };
  return {
    get temp() {
      return get('temp');
    },
    get service() {
      return get('service');
    },
    get workspace() {
      return get('workspace');
    },
    get app() {
      return get('app');
    },
    show,
    openPage: async ({ width = 1024, height = 900, locale = 'en-GB', now, pageErrors, ...preferences }) => {
      const context = await get('app').browser.newContext({ viewport: { width, height }, locale });
      const page = await context.newPage();
      if (pageErrors) page.on('pageerror', (error) => pageErrors.push(error.message));
      if (now) await page.clock.setFixedTime(now);
      await show(page, preferences);
      return page;
    },
  };
}
