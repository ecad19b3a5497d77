/**
 * The Electron main process: one locked, sandboxed window showing the renderer from app://transit,
 * the ledger opened from the user-data folder, the TransitApi over IPC, and native menus and dialogs.
 * Everything else lives in modules that run (and are tested) without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import { ICON_FILE, RENDERER_DIR } from './app-paths';
import { TransitError } from './core/errors';
import { currentUser, LEDGER_FILE_NAME } from './core/paths';
import type { TransitApi } from './core/api';
import { LedgerService } from './core/service';
import { Workspace } from './core/workspace';
import { MENU_CHANNEL, type MenuCommand } from './desktop-api';
import { desktopCalls, type DesktopHost, type FileFilter } from './desktop-calls';
import { registerDesktopIpc, registerIpc } from './ipc';
import { fileLogger } from './log';
import { safeStorageLogin } from './sync-login';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  contentSecurityPolicy,
  isAllowedExternalUrl,
  isAppUrl,
} from './security';
import { contentTypeOf, resolveStaticPath } from './static-files';
import { DEFAULT_SIZE, MIN_SIZE, readWindowState, visibleBounds, writeWindowState } from './window-state';

const PRELOAD = path.join(__dirname, 'preload.js');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let workspace: Workspace | null = null;
const log = fileLogger(path.join(app.getPath('userData'), 'logs'));

function ledgerPath(): string {
  return process.env.TRANSIT_LEDGER
    ? path.resolve(process.env.TRANSIT_LEDGER)
    : path.join(app.getPath('userData'), LEDGER_FILE_NAME);
}

/** The sync login the Sync panel keeps, encrypted with safeStorage (sync-login.ts); read once the app is ready. */
const syncLogin = () => safeStorageLogin(safeStorage, app.getPath('userData'));

function openLedger(): LedgerService {
  const file = ledgerPath();
  try {
    return LedgerService.open(file, {
      actor: currentUser(),
      appName: 'Transit Ledger (desktop)',
      backups: 'auto',
      credentials: syncLogin(),
    });
  } catch (error) {
    if (error instanceof TransitError && error.code === 'locked') {
      dialog.showMessageBoxSync({
        type: 'warning',
        title: 'Ledger in use',
        message: error.message,
        detail:
          "The ledger opens read-only: you can look, but not record, and it shows the other program's " +
          'entries as they are saved. Once that program closes the ledger, this window can record.',
      });
      return LedgerService.open(file, {
        readOnly: true,
        actor: currentUser(),
        appName: 'Transit Ledger (desktop)',
        backups: 'auto',
        takeOverWhenFree: true,
        credentials: syncLogin(),
      });
    }
    throw error;
  }
}

function open(): Workspace {
  if (!workspace) throw new Error('The ledger is not open.');
  return workspace;
}

const api = (): TransitApi => open().api;

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_CHANNEL, command);
}

async function serveAppFile(request: Request): Promise<Response> {
  const file = resolveStaticPath(RENDERER_DIR, new URL(request.url).pathname);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await fs.promises.readFile(file);
    return new Response(body, {
      headers: { 'content-type': contentTypeOf(file), 'content-security-policy': contentSecurityPolicy() },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

function errorText(error: unknown): string {
  return error instanceof TransitError
    ? error.message
    : `The ledger could not be opened: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`;
}

/** The desktop calls' dialogs, attached to the app's window while there is one. */
const desktopHost: DesktopHost = {
  api,
  ledgerPath: () => open().path,
  backupInto: (folder: string) => open().backupInto(folder),
  async chooseSavePath(defaultPath: string, filters: FileFilter[]) {
    const options = { defaultPath, filters };
    const choice = await (mainWindow
      ? dialog.showSaveDialog(mainWindow, options)
      : dialog.showSaveDialog(options));
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  },
  async chooseOpenPath(filters: FileFilter[]) {
    const options = { properties: ['openFile' as const], filters };
    const choice = await (mainWindow
      ? dialog.showOpenDialog(mainWindow, options)
      : dialog.showOpenDialog(options));
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  },
  async chooseFolder() {
    const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
    const choice = await (mainWindow
      ? dialog.showOpenDialog(mainWindow, options)
      : dialog.showOpenDialog(options));
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  },
  showFolder: (folder: string) => shell.openPath(folder),
  log,
};

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New shipment', accelerator: 'CmdOrCtrl+N', click: () => sendMenuCommand('new-shipment') },
        { type: 'separator' },
        { label: 'Export register…', click: () => sendMenuCommand('export-register') },
        { label: 'Export monthly summary…', click: () => sendMenuCommand('export-monthly') },
        { label: 'Import CSV…', click: () => sendMenuCommand('import') },
        { type: 'separator' },
        { label: 'Back up ledger…', click: () => sendMenuCommand('backup') },
        { label: 'Open data folder', click: () => sendMenuCommand('open-data-folder') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'KazTransOil', click: () => void shell.openExternal('https://www.kaztransoil.kz/') },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const saved = readWindowState(stateFile);
  const bounds = visibleBounds(
    saved.bounds,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  // Electronegativity reads an eng-disable comment only on the line of its finding, hence the
  // placements here. A middle-click new window goes to setWindowOpenHandler (lockDownContents), which
  // denies them all.
  mainWindow = /* eng-disable AUXCLICK_JS_CHECK: new windows denied */ new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Transit Ledger',
    show: false,
    icon: ICON_FILE,
    webPreferences: {
      // Reviewed: sandboxed, context-isolated; it exposes frozen invoke wrappers only, never
      // ipcRenderer or the IPC event.
      preload: PRELOAD, // eng-disable PRELOAD_JS_CHECK: reviewed: frozen invoke wrappers only
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (saved.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  const remember = () => {
    if (!mainWindow) return;
    writeWindowState(stateFile, {
      bounds: mainWindow.isMaximized() ? saved.bounds : mainWindow.getNormalBounds(),
      maximized: mainWindow.isMaximized(),
    });
  };
  mainWindow.on('close', remember);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Only https URLs to the fixed host allow-list in electron/security.ts, with no credentials.
      if (isAllowedExternalUrl(url)) {
        void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: allow-listed https URLs only
      }
      return { action: 'deny' };
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  lockDownContents();
  app
    .whenReady()
    .then(async () => {
      protocol.handle(APP_SCHEME, (request) =>
        new URL(request.url).host === APP_HOST
          ? serveAppFile(request)
          : new Response('Not found', { status: 404 }),
      );
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
        callback(false),
      );
      session.defaultSession.setPermissionCheckHandler(() => false);
      try {
        workspace = new Workspace(openLedger(), path.join(app.getPath('userData'), 'demo-ledger.jsonl'), {
          actor: currentUser(),
          credentials: syncLogin(),
        });
      } catch (error) {
        log('open ledger', error);
        dialog.showErrorBox(
          'Transit Ledger cannot open its ledger',
          `${errorText(error)}\n\nThe details are in the log file in ${app.getPath('userData')}.`,
        );
        app.exit(3);
        return;
      }
      registerIpc(ipcMain, api, (method, error) => log(`ipc ${method}`, error));
      registerDesktopIpc(ipcMain, desktopCalls(desktopHost), (method, error) =>
        log(`desktop ${method}`, error),
      );
      buildMenu();
      createWindow();
      const recovery = (await api().info()).recovery;
      if (recovery && mainWindow) {
        await dialog.showMessageBox(mainWindow, {
          type: 'warning',
          title: 'The ledger was repaired',
          message: 'The ledger file was damaged and has been repaired.',
          detail: recovery.message,
        });
      }
    })
    .catch((error: unknown) => log('start', error));
  app.on('window-all-closed', () => {
    workspace?.close();
    workspace = null;
    app.quit();
  });
}
