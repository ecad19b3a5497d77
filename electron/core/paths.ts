/**
 * Where the ledger lives by default: the same per-user folder Electron's app.getPath('userData')
 * gives the desktop app (appData + product name), so the CLI and the app share one file.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Transit Ledger';
export const LEDGER_FILE_NAME = 'ledger.jsonl';

export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** An explicit path wins, then TRANSIT_LEDGER, then the per-user file. */
export function resolveLedgerPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit);
  if (env.TRANSIT_LEDGER) return path.resolve(env.TRANSIT_LEDGER);
  return path.join(defaultUserDataDir(env), LEDGER_FILE_NAME);
}

export function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
