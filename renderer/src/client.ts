/**
 * The renderer's TransitApi: Electron's preload bridge when there is one, otherwise the browser
 * mode's loopback HTTP API with this launch's token. Either way a failure becomes an ApiError
 * carrying the core's code, message and field issues.
 */
import type { ErrorPayload, FieldIssue, TransitApi } from '../../electron/core/api';
import { TRANSIT_API } from '../../electron/core/api-methods';
import { callMethod, implement, remote } from '../../electron/core/methods';
import type { DesktopApi } from '../../electron/desktop-api';

declare global {
  interface Window {
    transit?: TransitApi;
    transitDesktop?: DesktopApi;
  }
}

export class ApiError extends Error {
  readonly code: string;
  readonly issues: FieldIssue[];
  /** `code` is the core's ErrorCode, or the client's own 'unreachable' / 'starting'. */
  constructor(payload: { code?: string; message?: string; issues?: FieldIssue[] }) {
    super(payload.message ?? 'Transit Ledger could not complete the action.');
    this.name = 'ApiError';
    this.code = payload.code ?? 'internal';
    this.issues = payload.issues ?? [];
  }
}

const UNREACHABLE = {
  code: 'unreachable',
  message: 'Transit Ledger is not answering. Is it still running?',
} as const;

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return new ApiError(error as Partial<ErrorPayload>);
  return new ApiError(UNREACHABLE);
}

const TOKEN_KEY = 'transit-ledger-token';

/** The token arrives in the address's fragment once; it is kept for this tab and wiped from the address bar. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
}

/**
 * Browser mode: each method is a POST to ./api/<method> with
 * this launch's token; the answer is dispatch's envelope.
 */
function httpApi(token: string | null): TransitApi {
  return remote(TRANSIT_API, async (method, args) => {
    let response: Response;
    try {
      response = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify({ args }),
      });
    } catch {
      throw new ApiError(UNREACHABLE);
    }
    const envelope = (await response.json().catch(() => null)) as {
      ok: boolean;
      value?: unknown;
      error?: ErrorPayload;
    } | null;
    if (envelope?.ok) return envelope.value;
    throw new ApiError(
      envelope?.error ?? { code: 'internal', message: `The ledger answered ${response.status}.` },
    );
  });
}

/** The same api, each failure turned into an ApiError (the preload rejects with plain objects). */
function withErrors(api: TransitApi): TransitApi {
  return implement(TRANSIT_API, (method, args) =>
    callMethod(api, method, args).catch((error: unknown): never => {
      throw asApiError(error);
    }),
  );
}

export function createClient(win: Window = window): TransitApi {
  if (win.transit) return withErrors(win.transit);
  return withErrors(httpApi(takeToken(win.location, win.sessionStorage, win.history)));
}

export const isDesktop = (win: Window = window): boolean => win.transitDesktop !== undefined;
