/**
 * Electron IPC transport: each TransitApi method is the channel `transit:<method>`. Only the app's
 * own top-level page may call; every answer is an Envelope, so errors keep their code and fields
 * across the process boundary and no stack trace leaves the main process.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { TRANSIT_API_METHODS, type TransitApi } from './core/api';
import { dispatch, type Envelope, type InternalErrorLog } from './dispatch';
import { isAppUrl } from './security';

export const channelOf = (method: string): string => `transit:${method}`;

/** The sender is the main frame of an app window showing the app's own page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  api: () => TransitApi,
  logInternal: InternalErrorLog,
  trusted: (event: IpcMainInvokeEvent) => boolean = isTrustedSender,
): void {
  for (const method of TRANSIT_API_METHODS) {
    ipcMain.handle(channelOf(method), async (event, ...args: unknown[]): Promise<Envelope> => {
      if (!trusted(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use the ledger.' } };
      }
      return dispatch(api(), method, args, logInternal);
    });
  }
}
