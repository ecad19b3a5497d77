/**
 * Browser mode's HTTP transport as a specification: a real ledger file on a fixed clock behind
 * startWebServer, a temporary renderer directory, and Node's own fetch (or http.request where a
 * header or path must be sent exactly as written, which fetch would normalise).
 *
 * Static files are public; every API call needs the launch token, this server's own Host and no
 * foreign Origin; each refusal writes nothing to the ledger.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TRANSIT_API, TRANSIT_API_METHODS, type ShipmentInput, type TransitApi } from '../electron/core/api';
import { callMethod, implement } from '../electron/core/methods';
import { LedgerService } from '../electron/core/service';
import { MAX_BODY_BYTES, newToken, startWebServer, type RunningWebServer } from '../electron/web';
import { fixedNow, tempDir } from './support/temp';

const ROOT = path.resolve(__dirname, '..');
const SERVER_FIXTURE = path.join(__dirname, 'fixtures', 'transport', 'web-server.ts');

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head>' +
  '<body>Transit Ledger</body></html>';
const APP_JS = 'console.log("transit ledger");\n';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';

let temp: ReturnType<typeof tempDir>;
let file: string;
let rendererDir: string;
let service: LedgerService;
let server: RunningWebServer;
let token: string;
let logged: { method: string; error: unknown }[];

const cargo = (overrides: Record<string, unknown> = {}): ShipmentInput => ({
  blDate: '2024-08-01',
  vessel: 'Astana',
  netTonnes: '9959.5',
  ...overrides,
});

/** The ledger file's bytes, or null while no write has created it. */
const snapshot = () => (fs.existsSync(file) ? fs.readFileSync(file) : null);

async function start(api: TransitApi = service): Promise<RunningWebServer> {
  server = await startWebServer({
    api,
    rendererDir,
    token,
    port: 0,
    logInternal: (method, error) => logged.push({ method, error }),
  });
  return server;
}

beforeEach(async () => {
  temp = tempDir();
  file = temp.file('ledger.jsonl');
  rendererDir = temp.file('renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), APP_JS);
  // Files beside the renderer that no request may ever reach.
  fs.writeFileSync(temp.file('secret'), SECRET);
  fs.writeFileSync(temp.file('package.json'), `{"name":"${SECRET}"}`);
  service = LedgerService.open(file, { actor: 'clerk', now: fixedNow });
  token = newToken();
  logged = [];
  await start();
});

afterEach(async () => {
  await server.close();
  service.close();
  temp.cleanup();
});

const jsonHeaders = (extra: Record<string, string> = {}): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
  ...extra,
});

/** POST /api/<method> {args} with the right token unless headers say otherwise. */
async function call(method: string, args: unknown[], headers: Record<string, string> = jsonHeaders()) {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ args }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as {
      ok: boolean;
      value?: unknown;
      error?: { code: string; message: string; field?: string };
    },
  };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request sent exactly as written: the path is not normalised and any Host may be given. */
function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('static files', () => {
  test('GET / serves index.html with a CSP whose script-src is self, without unsafe-inline', async () => {
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(INDEX_HTML);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('/index.html and /assets/app.js are served without any token', async () => {
    const index = await fetch(`${server.origin}/index.html`);
    expect(index.status).toBe(200);
    expect(await index.text()).toBe(INDEX_HTML);
    const script = await fetch(`${server.origin}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe(APP_JS);
  });

  test('HEAD / answers 200 with the headers and no body', async () => {
    const response = await raw({ method: 'HEAD', path: '/' });
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.body).toBe('');
  });

  test('a missing file and a directory are 404', async () => {
    expect((await fetch(`${server.origin}/nothing-here.js`)).status).toBe(404);
    expect((await fetch(`${server.origin}/assets`)).status).toBe(404);
    expect((await fetch(`${server.origin}/assets/`)).status).toBe(404);
  });

  test.each([
    '/../package.json',
    '/../secret',
    '/../../../../../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/secret',
    '/..%2fsecret',
    '/..%2Fpackage.json',
    '/assets/..%2f..%2fsecret',
    '/%2e%2e%2fsecret',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/..%5csecret',
    '/..\\secret',
    '/%00/../secret',
    '/index.html%00.js',
    '//etc/passwd',
    '/%252e%252e/secret',
  ])('traversal %s is refused (400 or 404) and never a file outside the renderer', async (requestPath) => {
    const response = await raw({ path: requestPath });
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('root:');
  });

  test('POST to a static path is refused', async () => {
    const response = await fetch(`${server.origin}/index.html`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });
});

describe('the API with the right token', () => {
  test('POST /api/progress {args:[{year:2024}]} answers 200 with an ok envelope', async () => {
    const { status, headers, body } = await call('progress', [{ year: 2024 }]);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({
      ok: true,
      value: { year: 2024, asOf: '2024-08-15', shipments: 0, tonnesKg: 0 },
    });
  });

  test('record then list round trip, written to the ledger file', async () => {
    const recorded = await call('recordShipment', [cargo({ blNumber: 'KZ-7' })]);
    expect(recorded).toMatchObject({
      status: 200,
      body: { ok: true, value: { shipment: { netKg: 9_959_500, recordedBy: 'clerk' } } },
    });
    expect(snapshot()).not.toBeNull();
    const listed = await call('listShipments', [{ year: 2024 }]);
    expect(listed.body).toMatchObject({
      ok: true,
      value: [{ vessel: 'Astana', blNumber: 'KZ-7', netKg: 9_959_500 }],
    });
    const progress = await call('progress', [{ year: 2024 }]);
    expect(progress.body).toMatchObject({ ok: true, value: { shipments: 1, tonnesKg: 9_959_500 } });
    expect(await service.listShipments({ year: 2024 })).toHaveLength(1);
  });

  test('every method of the table is served at /api/<method>, with its argument count checked', async () => {
    for (const method of TRANSIT_API_METHODS) {
      const [, max] = TRANSIT_API[method];
      const { status, body } = await call(
        method,
        Array.from({ length: max + 1 }, () => null),
      );
      expect({ method, status, body }).toEqual({
        method,
        status: 200,
        body: {
          ok: false,
          error: { code: 'invalid', message: expect.stringMatching(new RegExp(`^${method} takes `)) },
        },
      });
    }
    expect((await call('recordMany', [[cargo()]])).body).toMatchObject({
      ok: false,
      error: { message: 'There is no operation "recordMany".' },
    });
    expect(snapshot()).toBeNull();
  });

  test('the Origin of the page itself and Sec-Fetch-Site same-origin are accepted', async () => {
    const { status, body } = await call(
      'info',
      [],
      jsonHeaders({ origin: server.origin, 'sec-fetch-site': 'same-origin' }),
    );
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
  });

  test('a JSON content type with a charset is accepted', async () => {
    const { status, body } = await call(
      'info',
      [],
      jsonHeaders({ 'content-type': 'application/json; charset=utf-8' }),
    );
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
  });

  test("a service refusal is 200 with the service's code and field", async () => {
    const { status, body } = await call('recordShipment', [cargo({ netTonnes: 'abc' })]);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'netTonnes' } });
    expect(snapshot()).toBeNull();
  });
});

describe('preferences', () => {
  test('saved through one launch, they are what the next launch on a new port and token answers', async () => {
    const saved = await call('savePreferences', [{ language: 'ru', theme: 'dark', colour: 'red' }]);
    expect(saved.body).toEqual({
      ok: true,
      value: {
        preferences: { language: 'ru', theme: 'dark', separator: null, entryDefaults: {} },
        stored: true,
      },
    });
    await server.close();
    service.close();
    service = LedgerService.open(file, { actor: 'clerk', now: fixedNow });
    token = newToken();
    await start();
    expect((await call('preferences', [])).body).toEqual(saved.body);
    expect(JSON.parse(fs.readFileSync(temp.file('preferences.json'), 'utf8'))).toEqual({
      language: 'ru',
      theme: 'dark',
      separator: null,
      entryDefaults: {},
    });
  });

  test('a save without the token is refused and writes no preferences file', async () => {
    const { status } = await call(
      'savePreferences',
      [{ theme: 'dark' }],
      jsonHeaders({ authorization: 'Bearer x' }),
    );
    expect(status).toBe(401);
    expect(fs.existsSync(temp.file('preferences.json'))).toBe(false);
  });
});

describe('API calls that are refused before reaching the ledger', () => {
  /** Each of these tries to record a cargo; none may write. */
  async function expectRefused(
    status: number,
    code: string,
    request: () => Promise<{ status: number; body: string }>,
  ) {
    const response = await request();
    expect(response.status).toBe(status);
    const body = JSON.parse(response.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toEqual({ ok: false, error: { code, message: expect.any(String) } });
    expect(body.error.message).not.toMatch(/\n\s*at\s/);
    expect(snapshot()).toBeNull();
    expect(await service.listShipments({ year: 2024 })).toEqual([]);
  }

  const post =
    (
      headers: Record<string, string>,
      body = JSON.stringify({ args: [cargo()] }),
      method = 'recordShipment',
    ) =>
    async () => {
      const response = await fetch(`${server.origin}/api/${method}`, { method: 'POST', headers, body });
      return { status: response.status, body: await response.text() };
    };

  test('no token → 401', () => expectRefused(401, 'forbidden', post({ 'content-type': 'application/json' })));
  test('a wrong token → 401', () =>
    expectRefused(401, 'forbidden', post(jsonHeaders({ authorization: `Bearer ${newToken()}` }))));
  test('a token of another length → 401', () =>
    expectRefused(401, 'forbidden', post(jsonHeaders({ authorization: `Bearer ${token}x` }))));
  test('the token without "Bearer " → 401', () =>
    expectRefused(401, 'forbidden', post(jsonHeaders({ authorization: token }))));
  test('an empty bearer → 401', () =>
    expectRefused(401, 'forbidden', post(jsonHeaders({ authorization: 'Bearer ' }))));
  test('the token in the query string instead → 401', async () => {
    await expectRefused(401, 'forbidden', async () => {
      const response = await fetch(`${server.origin}/api/recordShipment?token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ args: [cargo()] }),
      });
      return { status: response.status, body: await response.text() };
    });
  });

  test('Origin http://evil.example → 403 even with the right token', () =>
    expectRefused(403, 'forbidden', post(jsonHeaders({ origin: 'http://evil.example' }))));
  test('Origin null → 403', () => expectRefused(403, 'forbidden', post(jsonHeaders({ origin: 'null' }))));
  test('an Origin on another port of 127.0.0.1 → 403', () =>
    expectRefused(
      403,
      'forbidden',
      post(jsonHeaders({ origin: `http://127.0.0.1:${server.port === 65535 ? 1 : server.port + 1}` })),
    ));
  test('Sec-Fetch-Site: cross-site → 403', () =>
    expectRefused(403, 'forbidden', post(jsonHeaders({ 'sec-fetch-site': 'cross-site' }))));
  test('Sec-Fetch-Site: same-site → 403', () =>
    expectRefused(403, 'forbidden', post(jsonHeaders({ 'sec-fetch-site': 'same-site' }))));
  test('a foreign origin is refused even without a token (403 before 401)', () =>
    expectRefused(
      403,
      'forbidden',
      post({ 'content-type': 'application/json', origin: 'http://evil.example' }),
    ));

  test.each(['evil.example', 'evil.example:PORT', '127.0.0.2:PORT', '127.0.0.1', '127.0.0.1:1'])(
    'Host %s → 403 (DNS rebinding)',
    async (host) => {
      await expectRefused(403, 'forbidden', () =>
        raw({
          method: 'POST',
          path: '/api/recordShipment',
          headers: { ...jsonHeaders(), host: host.replace('PORT', String(server.port)) },
          body: JSON.stringify({ args: [cargo()] }),
        }),
      );
    },
  );

  test('a wrong Host cannot read static files either', async () => {
    const response = await raw({ path: '/', headers: { host: `evil.example:${server.port}` } });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('Transit Ledger</body>');
  });

  test('Host localhost:<port> is this server too', async () => {
    const response = await raw({ path: '/', headers: { host: `localhost:${server.port}` } });
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
  });

  test('a non-JSON content type → 415', () =>
    expectRefused(415, 'invalid', post(jsonHeaders({ 'content-type': 'text/plain' }))));
  test('a form content type → 415', () =>
    expectRefused(
      415,
      'invalid',
      post(jsonHeaders({ 'content-type': 'application/x-www-form-urlencoded' }), 'args=1'),
    ));
  test('no content type → 415', () =>
    expectRefused(415, 'invalid', () =>
      raw({
        method: 'POST',
        path: '/api/recordShipment',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ args: [cargo()] }),
      }),
    ));

  test('GET /api/x with the token → 405', async () => {
    const response = await fetch(`${server.origin}/api/x`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  test('GET /api/info without the token → 401 (the key is checked first)', async () => {
    expect((await fetch(`${server.origin}/api/info`)).status).toBe(401);
  });

  test('invalid JSON → 400', () =>
    expectRefused(400, 'invalid', post(jsonHeaders(), '{"args": [ {"vessel": "Astana",')));
  test('an empty body → 400', () => expectRefused(400, 'invalid', post(jsonHeaders(), '')));
});

describe('malformed calls are answered 200 with ok:false invalid, and write nothing', () => {
  test.each([
    ['an unknown method', 'deleteEverything', '{"args":[]}'],
    ['a service method outside the contract', 'recordMany', JSON.stringify({ args: [[cargo()]] })],
    ['a body without args', 'info', '{}'],
    ['args that are not a list', 'progress', '{"args":{"year":2024}}'],
    ['a body that is a list', 'progress', '[{"year":2024}]'],
    ['a body that is a string', 'progress', '"progress"'],
    ['a body that is null', 'progress', 'null'],
    ['the year as an object', 'getTargets', '{"args":[{"year":2024}]}'],
    ['the input as a string', 'recordShipment', '{"args":["Astana 9959.5 t"]}'],
    ['the input as null', 'recordShipment', '{"args":[null]}'],
    ['a missing argument', 'voidShipment', '{"args":["abcdefghjk"]}'],
    ['too many arguments', 'info', '{"args":[1]}'],
    ['an extra field', 'exportReport', '{"args":[{"year":2024,"report":"register","colour":"red"}]}'],
    [
      'a 200,000-character vessel',
      'recordShipment',
      JSON.stringify({ args: [cargo({ vessel: 'A'.repeat(200_000) })] }),
    ],
    [
      'a 1,000,000-character reason',
      'voidShipment',
      JSON.stringify({ args: ['abcdefghjk', 'r'.repeat(1_000_000)] }),
    ],
    [
      'a __proto__ key',
      'recordShipment',
      '{"args":[{"__proto__":{"polluted":true},"blDate":"2024-08-01","vessel":"Astana","netTonnes":"9959.5"}]}',
    ],
    [
      'a nested constructor key',
      'recordShipment',
      '{"args":[{"blDate":"2024-08-01","vessel":"Astana","netTonnes":"9959.5",' +
        '"remarks":{"constructor":{"prototype":{"polluted":true}}}}]}',
    ],
    [
      'a prototype key in the options',
      'recordShipment',
      '{"args":[{"blDate":"2024-08-01","vessel":"Astana","netTonnes":"20000"},{"prototype":{"force":true}}]}',
    ],
    [
      'a __proto__ beside args',
      'recordShipment',
      '{"__proto__":{"args":[{"blDate":"2024-08-01","vessel":"Astana","netTonnes":"9959.5"}]}}',
    ],
    [
      'a number too large to be finite',
      'recordShipment',
      '{"args":[{"blDate":"2024-08-01","vessel":"Astana","netTonnes":1e400}]}',
    ],
    ['a method name with a traversal', '..%2frecordShipment', JSON.stringify({ args: [cargo()] })],
  ])('%s', async (_label, method, body) => {
    const response = await fetch(`${server.origin}/api/${method}`, {
      method: 'POST',
      headers: jsonHeaders(),
      body,
    });
    expect(response.status).toBe(200);
    const envelope = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.any(String) } });
    expect(envelope.error.message).not.toMatch(/\n\s*at\s/);
    expect(envelope.error.message.length).toBeLessThan(2_000);
    expect(snapshot()).toBeNull();
    expect(logged).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('on a ledger with a cargo, a malformed amendment leaves the file byte-identical', async () => {
    const { shipment } = await service.recordShipment(cargo());
    const before = snapshot();
    for (const body of [
      JSON.stringify({ args: [shipment.id, { colour: 'red' }] }),
      JSON.stringify({ args: [shipment.id, { netTonnes: '1' }, { reason: 'r'.repeat(1_000_000) }] }),
      `{"args":["${shipment.id}",{"__proto__":{"voided":true},"remarks":"x"}]}`,
    ]) {
      const response = await fetch(`${server.origin}/api/amendShipment`, {
        method: 'POST',
        headers: jsonHeaders(),
        body,
      });
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(snapshot()).toEqual(before);
  });
});

describe('a fault inside the service', () => {
  test('answers code internal without the error text, and the log receives the error', async () => {
    await server.close();
    const fault = new Error('EACCES: permission denied, open /home/clerk/secret/ledger.jsonl');
    const api = implement(TRANSIT_API, (method, args) =>
      method === 'progress' ? Promise.reject<never>(fault) : callMethod(service, method, args),
    );
    await start(api);
    const { status, body } = await call('progress', [{ year: 2024 }]);
    expect(status).toBe(200);
    expect(body).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(body)).not.toContain('EACCES');
    expect(JSON.stringify(body)).not.toContain('/home/clerk');
    expect(logged).toEqual([{ method: 'progress', error: fault }]);
  });
});

describe('the request body limit (the largest import file, base64-encoded: about 86 MB)', () => {
  const OVER_LIMIT_MB = Math.ceil(MAX_BODY_BYTES / (1024 * 1024)) + 1;

  /** Streams a JSON body of `megabytes` MB to importCsv; resolves with the status or the socket error. */
  function streamBody(megabytes: number): Promise<{ status?: number; error?: string; ms: number }> {
    const started = Date.now();
    return new Promise((resolve) => {
      const request = http.request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/importCsv',
        headers: { host: `127.0.0.1:${server.port}`, ...jsonHeaders() },
      });
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode, ms: Date.now() - started }));
      });
      request.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ error: error.code ?? error.message, ms: Date.now() - started }),
      );
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < megabytes) {
          sent++;
          if (!request.write(chunk)) {
            request.once('drain', pump);
            return;
          }
        }
        request.end('"}]}');
      };
      request.write('{"args":[{"text":"');
      pump();
    });
  }

  test('a body over the limit is not read to the end, nothing is written, and the server keeps serving', async () => {
    const outcome = await streamBody(OVER_LIMIT_MB);
    // Either the 413 arrives or the connection is cut; the latter is what happens today (see the failing spec below).
    expect(outcome.status === 413 || outcome.error !== undefined).toBe(true);
    expect(outcome.ms).toBeLessThan(10_000);
    expect(snapshot()).toBeNull();
    expect(logged).toEqual([]);
    expect((await call('info', [])).body.ok).toBe(true);
  }, 20_000);

  /** Regression spec for a bug once in electron/web.ts, readBody: the behaviour below is now required. */
  test('a body over the limit is answered 413 "too large"', async () => {
    const outcome = await streamBody(OVER_LIMIT_MB);
    expect(outcome).toMatchObject({ status: 413 });
  }, 20_000);
});

describe('where the server listens', () => {
  test('the origin is http://127.0.0.1:<port> and the url carries the token in the fragment only', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`${server.origin}/#token=${token}`);
    expect(new URL(server.url).pathname).toBe('/');
    expect(new URL(server.url).search).toBe('');
  });

  test('it listens on 127.0.0.1 only: no other local address answers on its port', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((address): address is os.NetworkInterfaceInfo => address !== undefined && !address.internal)
      .map((address) => address.address);
    const candidates = ['::1', '127.0.0.2', ...others];
    for (const host of candidates) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host, port: server.port });
        socket.setTimeout(2_000, () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect({ host, outcome }).not.toEqual({ host, outcome: 'connected' });
    }
  });

  test('two servers get two ports, and close() stops answering', async () => {
    const first = server;
    const second = await startWebServer({ api: service, rendererDir, token, logInternal: () => undefined });
    expect(second.port).not.toBe(first.port);
    expect((await fetch(`${second.origin}/`)).status).toBe(200);
    await second.close();
    await expect(fetch(`${second.origin}/`)).rejects.toThrow();
    expect((await fetch(`${first.origin}/`)).status).toBe(200);
  });

  test('newToken gives 24 random bytes, URL-safe, never the same twice', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newToken()));
    expect(tokens.size).toBe(100);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

/** Regression spec for a bug once in electron/web.ts, the request handler: the behaviour below is now required. */
describe('a page opened at localhost', () => {
  test('may call the API from its own origin', async () => {
    const response = await raw({
      method: 'POST',
      path: '/api/info',
      headers: {
        ...jsonHeaders(),
        host: `localhost:${server.port}`,
        origin: `http://localhost:${server.port}`,
        'sec-fetch-site': 'same-origin',
      },
      body: '{"args":[]}',
    });
    expect(response.status).toBe(200);
  });
});

/** Regression spec for a bug once in electron/web.ts, the request handler: the behaviour below is now required. */
describe('a request-target that is not a URL', () => {
  let child: ChildProcessWithoutNullStreams | null = null;

  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    child = null;
  });

  async function startChild(): Promise<{ proc: ChildProcessWithoutNullStreams; port: number }> {
    const proc = spawn(
      process.execPath,
      ['-r', 'tsx/cjs', SERVER_FIXTURE, temp.file('child-ledger.jsonl'), rendererDir, token],
      { cwd: ROOT },
    );
    child = proc;
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /ready (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      proc.on('exit', (code) => reject(new Error(`server exited early (${code})`)));
    });
    return { proc, port };
  }

  function sendRaw(port: number, text: string): Promise<string> {
    return new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
      let reply = '';
      socket.setTimeout(1_500, () => socket.destroy());
      socket.on('data', (chunk) => (reply += chunk.toString()));
      socket.on('close', () => resolve(reply));
      socket.on('error', () => resolve(reply));
    });
  }

  test('is refused and the server keeps running', async () => {
    const { proc, port } = await startChild();
    const reply = await sendRaw(
      port,
      `GET http://[/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(proc.exitCode).toBeNull();
    expect(reply).toMatch(/^HTTP\/1\.1 4\d\d /);
    const after = await sendRaw(
      port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(after).toMatch(/^HTTP\/1\.1 200 /);
  }, 20_000);

  test('the child server itself works (so the spec above fails for the bug, not the set-up)', async () => {
    const { port } = await startChild();
    const reply = await sendRaw(
      port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toContain(INDEX_HTML);
  }, 20_000);
});
