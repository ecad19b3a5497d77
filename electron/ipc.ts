/**
 * Electron IPC transport: each TransitApi method is the channel `transit:<method>`, each desktop
 * call `transit-desktop:<method>`, both registered from their method tables. Only the app's own
 * top-level page may call; every answer is an Envelope from dispatch, so errors keep their code
 * and fields across the process boundary and no stack trace leaves the main process.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { TransitApi } from './core/api';
import { methodsOf, type Methods } from './core/methods';
import { DESKTOP_API, desktopChannel, transitChannel, type DesktopCalls } from './desktop-api';
import { dispatchTo, TRANSIT_SURFACE, type Envelope, type InternalErrorLog, type Surface } from './dispatch';
import { isAppUrl } from './security';

export const channelOf = transitChannel;

export type TrustCheck = (event: IpcMainInvokeEvent) => boolean;

/** The sender is the main frame of an app window showing the app's own page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

const forbidden = (): Envelope => ({
  ok: false,
  error: { code: 'forbidden', message: 'This page may not use the ledger.' },
});

/** One channel per method of the surface's table, each checking the sender, then dispatching. */
export function registerSurface<Api extends Methods<Api>>(
  ipcMain: Pick<IpcMain, 'handle'>,
  surface: Surface<Api>,
  channel: (method: string) => string,
  api: () => Api,
  logInternal: InternalErrorLog,
  trusted: TrustCheck = isTrustedSender,
): void {
  for (const method of methodsOf(surface.table)) {
    ipcMain.handle(channel(method), async (event, ...args: unknown[]): Promise<Envelope> => {
      if (!trusted(event)) return forbidden();
      return dispatchTo(surface, api(), method, args, logInternal);
    });
  }
}

/** TransitApi on `transit:<method>`. The api is looked up at each call (the Workspace's current ledger). */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  api: () => TransitApi,
  logInternal: InternalErrorLog,
  trusted: TrustCheck = isTrustedSender,
): void {
  registerSurface(ipcMain, TRANSIT_SURFACE, transitChannel, api, logInternal, trusted);
}

/** The desktop calls (dialogs, the data folder) on `transit-desktop:<method>`, through the same guards. */
export function registerDesktopIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  api: DesktopCalls,
  logInternal: InternalErrorLog,
  trusted: TrustCheck = isTrustedSender,
): void {
  registerSurface(ipcMain, { table: DESKTOP_API }, desktopChannel, () => api, logInternal, trusted);
}
