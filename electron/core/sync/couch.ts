/**
 * The little of CouchDB's HTTP API a sync needs, over Node's built-in fetch: JSON in and out,
 * basic authentication, a time limit on every call, and every failure said in words (SyncFailure).
 */
import { SyncFailure } from './failure';
import { shownUrl } from './url';

export interface Credentials {
  user: string;
  password: string;
}

export interface CouchResponse<T = unknown> {
  status: number;
  body: T;
}

const TIMEOUT_MS = 60_000;

export class Couch {
  private readonly authorization: string | null;

  constructor(
    /** The database URL. */
    readonly db: URL,
    credentials: Credentials | null,
    private readonly timeoutMs = TIMEOUT_MS,
  ) {
    this.authorization = credentials
      ? `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`
      : null;
  }

  get where(): string {
    return shownUrl(this.db);
  }

  /** A call on the database (`path` '' or '/_changes…') or, with `root`, on the server. */
  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    root = false,
  ): Promise<CouchResponse<T>> {
    const target = new URL(root ? path : `${this.db.pathname}${path}`, this.db.origin);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.authorization) headers.authorization = this.authorization;
    let response: Response;
    try {
      response = await fetch(target, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw unreachable(this.where, error);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw unreachable(this.where, error);
    }
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      throw new SyncFailure(
        'refused',
        `The server at ${this.where} answered with something that is not CouchDB (HTTP ${response.status}).`,
      );
    }
    return { status: response.status, body: parsed as T };
  }

  /** As `call`, but a status outside 2xx (or `accept`) is a failure said in words. */
  async expect<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    accept: number[] = [],
  ): Promise<CouchResponse<T>> {
    const answer = await this.call<T>(method, path, body);
    if ((answer.status >= 200 && answer.status < 300) || accept.includes(answer.status)) return answer;
    throw refusal(this.where, answer.status, answer.body);
  }
}

function unreachable(where: string, error: unknown): SyncFailure {
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name ?? 'no answer';
  const why =
    cause === 'TimeoutError'
      ? 'it did not answer in time'
      : cause === 'ECONNREFUSED'
        ? 'nothing answers at that address'
        : cause === 'ENOTFOUND'
          ? 'that server name is not known'
          : `the connection failed (${cause})`;
  return new SyncFailure(
    'unreachable',
    `The sync server ${where} cannot be reached: ${why}. Nothing was lost; sync again when the network is back.`,
  );
}

export function refusal(where: string, status: number, body: unknown): SyncFailure {
  const reason = (body as { reason?: unknown } | null)?.reason;
  const said = typeof reason === 'string' && reason !== '' ? ` (the server says: ${reason})` : '';
  if (status === 401)
    return new SyncFailure(
      'refused',
      `The sync server ${where} refused the user name or password${said}. ` +
        `Check TRANSIT_SYNC_USER and TRANSIT_SYNC_PASSWORD.`,
    );
  if (status === 403)
    return new SyncFailure(
      'refused',
      `The sync server ${where} refused this user${said}. ` +
        `Its CouchDB user needs the role station:<ID> of this station.`,
    );
  if (status === 404)
    return new SyncFailure(
      'setup',
      `There is no ledger database at ${where}${said}. ` +
        `Run "transit-ledger sync init-server" with the server's admin credentials first.`,
    );
  return new SyncFailure('refused', `The sync server ${where} refused the request (HTTP ${status})${said}.`);
}
