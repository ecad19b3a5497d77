/**
 * The little of CouchDB's HTTP API a sync needs, over Node's built-in fetch: JSON in and out,
 * basic authentication, a time limit on every call, and every failure said in words (SyncFailure).
 */
import type { z } from 'zod';
import { SyncFailure, type SyncFailureCode, type UnreachableWhy } from './failure';
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
        redirect: 'manual',
      });
    } catch (error) {
      throw unreachable(this.where, error);
    }
    if (response.status >= 300 && response.status < 400) throw redirected(this.where, target, response);
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
      throw new SyncFailure('sync.refused.not_couch', { server: this.where, status: response.status });
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

  /** As `expect`, and a 2xx reply must have the shape CouchDB gives it: anything else is not CouchDB. */
  async read<S extends z.ZodType>(
    shape: S,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<CouchResponse<z.infer<S>>> {
    const answer = await this.expect(method, path, body);
    const checked = shape.safeParse(answer.body);
    if (!checked.success)
      throw new SyncFailure('sync.refused.not_couch', { server: this.where, status: answer.status });
    return { status: answer.status, body: checked.data };
  }
}

/**
 * A server that sends the app elsewhere: never followed (the credentials stay where they were meant
 * to go); said with where it points. A 3xx that names no place is a status like any other.
 */
function redirected(where: string, from: URL, response: Response): SyncFailure {
  const location = response.headers.get('location');
  let host = '';
  try {
    host = location ? new URL(location, from).host : '';
  } catch {
    host = '';
  }
  if (host === '') return new SyncFailure('sync.refused.status', { server: where, status: response.status });
  return new SyncFailure('sync.refused.redirect', { server: where, status: response.status, host });
}

function unreachable(where: string, error: unknown): SyncFailure {
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name ?? 'no answer';
  const why: UnreachableWhy =
    cause === 'TimeoutError'
      ? 'timeout'
      : cause === 'ECONNREFUSED'
        ? 'refused'
        : cause === 'ENOTFOUND'
          ? 'unknown_host'
          : 'failed';
  return new SyncFailure('sync.unreachable', {
    server: where,
    why,
    cause: why === 'failed' ? cause : undefined,
  });
}

export function refusal(where: string, status: number, body: unknown): SyncFailure {
  const said = (body as { reason?: unknown } | null)?.reason;
  const reason = typeof said === 'string' && said !== '' ? said : undefined;
  if (status === 401) return new SyncFailure('sync.refused', { server: where, reason });
  if (status === 403) return new SyncFailure('sync.refused.role', { server: where, reason });
  if (status === 404) return new SyncFailure('sync.setup', { server: where, reason });
  return new SyncFailure(statusCode(status), { server: where, status, reason });
}

/** Any other status by what a clerk can do about it: wait (5xx), tell the administrator, or sync again. */
function statusCode(status: number): SyncFailureCode {
  if (status >= 500) return 'sync.refused.server';
  if (status === 413) return 'sync.refused.too_large';
  if (status === 409 || status === 412) return 'sync.refused.conflict';
  if (status === 400) return 'sync.refused.bad_request';
  return 'sync.refused.status';
}
