/**
 * The sync server's address: a CouchDB database URL. Credentials never ride in it (they would be
 * stored and printed); a plain http:// address is accepted only on this computer (loopback)
 * unless the person insists with --insecure, since the password would cross the network in clear.
 */
import { stated, type IssueFacts } from '../errors';

export const DEFAULT_DATABASE = 'transit-ledger';

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function refuse(code: string, message: string, facts?: IssueFacts): never {
  throw stated('invalid', code, message, facts, 'url');
}

/** The database URL, checked: http(s), no user or password in it, http only to loopback unless insecure. */
export function parseServerUrl(text: unknown, insecure: boolean): URL {
  let url: URL;
  try {
    url = new URL(String(text ?? ''));
  } catch {
    return refuse(
      'sync.url',
      `"${String(text)}" is not a server address; give one like https://couch.example.org/${DEFAULT_DATABASE}.`,
      { text: String(text), example: `https://couch.example.org/${DEFAULT_DATABASE}` },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    refuse(
      'sync.url.protocol',
      `The sync server's address must start with https:// (or http:// on this computer), not ${url.protocol}.`,
      { protocol: url.protocol },
    );
  if (url.username !== '' || url.password !== '')
    refuse(
      'sync.url.credentials',
      'Put no user name or password in the address: they would be stored and shown. ' +
        'Give them in TRANSIT_SYNC_USER and TRANSIT_SYNC_PASSWORD.',
    );
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && !insecure)
    refuse(
      'sync.url.insecure',
      `http://${url.host} would send the password unencrypted across the network. ` +
        `Use https://, or add --insecure if this network is trusted.`,
      { address: `http://${url.host}` },
    );
  url.search = '';
  url.hash = '';
  const dbPath = url.pathname.replace(/\/+$/, '');
  url.pathname = dbPath === '' ? `/${DEFAULT_DATABASE}` : dbPath;
  return url;
}

/** The address as it may be shown and stored. */
export function shownUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
