/**
 * Browser mode: the renderer and the TransitApi over HTTP on 127.0.0.1 only. Static files are
 * public; every API call needs this launch's secret token, must come from the page's own origin
 * and name this server as its Host, so another page or process on the machine cannot read or write
 * the ledger (and a DNS-rebinding page cannot pretend to be local).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TransitApi } from './core/api';
import { MAX_IMPORT_BASE64_CHARS } from './core/requests';
import { dispatch, type InternalErrorLog } from './dispatch';
import { contentSecurityPolicy } from './security';
import { contentTypeOf, resolveStaticPath } from './static-files';

export interface WebServerOptions {
  api: TransitApi;
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port?: number;
  logInternal: InternalErrorLog;
}

export interface RunningWebServer {
  origin: string;
  /** The address to open: the token travels in the fragment, which browsers never send to a server. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The largest import file, base64-encoded, with room for the JSON around it. */
export const MAX_BODY_BYTES = MAX_IMPORT_BASE64_CHARS + 1024 * 1024;
const API_PREFIX = '/api/';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function refuse(response: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}

/**
 * The body as text, or null when it is over the limit (the rest is read and dropped, so the 413
 * reaches the client).
 */
function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      request.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const serveStatic = async (pathname: string, response: http.ServerResponse) => {
    const file = resolveStaticPath(options.rendererDir, pathname);
    const body = file ? await fs.promises.readFile(file).catch(() => null) : null;
    if (!file || !body) {
      response.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': contentTypeOf(file),
      'content-security-policy': contentSecurityPolicy("'self'"),
      'cache-control': file.endsWith('.html') ? 'no-store' : 'no-cache',
    });
    response.end(body);
  };

  const serveApi = async (request: http.IncomingMessage, response: http.ServerResponse, method: string) => {
    const requestOrigin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if (
      (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) ||
      (fetchSite !== undefined && fetchSite !== 'same-origin')
    ) {
      refuse(response, 403, 'forbidden', 'Requests from other sites are not allowed.');
      return;
    }
    const authorization = request.headers.authorization ?? '';
    const token = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
    if (!token || !tokensEqual(token, options.token)) {
      refuse(
        response,
        401,
        'forbidden',
        'This page has no valid key for the ledger; open the address printed when the app started.',
      );
      return;
    }
    if (request.method !== 'POST') {
      refuse(response, 405, 'invalid', 'Use POST.');
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      refuse(response, 415, 'invalid', 'The request must be JSON.');
      return;
    }
    const text = await readBody(request);
    if (text === null) {
      response.setHeader('connection', 'close');
      refuse(response, 413, 'invalid', 'The request is too large.');
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      refuse(response, 400, 'invalid', 'The request is not valid JSON.');
      return;
    }
    const args =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as { args?: unknown }).args
        : undefined;
    sendJson(response, 200, await dispatch(options.api, method, args, options.logInternal));
  };

  const server = http.createServer((request, response) => {
    // A Host other than this server's own is a DNS-rebinding page posing as local: refuse it.
    if (!allowedHosts.has(request.headers.host ?? '')) {
      refuse(response, 403, 'forbidden', 'Unknown host.');
      return;
    }
    // Only origin-form targets ("/path"); anything the URL parser could choke on is refused, never thrown.
    const target = request.url ?? '/';
    let pathname: string;
    try {
      if (!target.startsWith('/') || target.startsWith('//')) throw new Error('not a path');
      pathname = new URL(target, origin).pathname;
    } catch {
      refuse(response, 400, 'invalid', 'Bad request.');
      return;
    }
    const handled = pathname.startsWith(API_PREFIX)
      ? serveApi(request, response, pathname.slice(API_PREFIX.length))
      : request.method === 'GET' || request.method === 'HEAD'
        ? serveStatic(pathname, response)
        : Promise.resolve(refuse(response, 405, 'invalid', 'Not allowed.'));
    handled.catch((error: unknown) => {
      options.logInternal('http', error);
      if (!response.headersSent)
        refuse(
          response,
          500,
          'internal',
          'Something went wrong inside Transit Ledger; the details were written to the log file.',
        );
      else response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  // A page opened as localhost is the same app; its calls carry that origin.
  allowedOrigins = new Set([origin, `http://localhost:${port}`]);
  return {
    origin,
    port,
    url: `${origin}/#token=${options.token}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
