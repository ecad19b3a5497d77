/**
 * The security policy of every window and page, in one place (Electron's security checklist):
 * where the app's own pages live, what the page may load, which links may leave the app.
 */

/** The app's pages are served from this custom origin, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'transit';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The page's Content-Security-Policy: scripts and styles only from the app itself, no inline
 * script, no eval, no plugins, no framing; data goes only to `connectSrc` (the app itself, or the
 * loopback API in browser mode). Chart.js draws on canvas and needs nothing more.
 */
export function contentSecurityPolicy(connectSrc = "'self'"): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Links that may open in the user's browser: https only, to these hosts (help and sources). */
const EXTERNAL_HOSTS = new Set(['www.kaztransoil.kz', 'socar.az', 'www.kmg.kz', 'github.com']);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      EXTERNAL_HOSTS.has(parsed.hostname) &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}
