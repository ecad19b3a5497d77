/**
 * The renderer's TransitApi: Electron's preload bridge when there is one, otherwise the browser
 * mode's loopback HTTP API with this launch's token. Either way a failure becomes an ApiError
 * carrying the core's code, message and field issues.
 */
import { TRANSIT_API_METHODS, type ErrorPayload, type FieldIssue, type TransitApi } from '../../electron/core/api';
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

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (typeof error === 'object' && error !== null && 'message' in error) return new ApiError(error as Partial<ErrorPayload>);
  return new ApiError({ code: 'unreachable', message: 'Transit Ledger is not answering. Is it still running?' });
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

function httpApi(token: string | null): TransitApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of TRANSIT_API_METHODS) {
    api[method] = async (...args: unknown[]) => {
      let response: Response;
      try {
        response = await fetch(`./api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify({ args }),
        });
      } catch {
        throw new ApiError({ code: 'unreachable', message: 'Transit Ledger is not answering. Is it still running?' });
      }
      const envelope = (await response.json().catch(() => null)) as { ok: boolean; value?: unknown; error?: ErrorPayload } | null;
      if (envelope?.ok) return envelope.value;
      throw new ApiError(envelope?.error ?? { code: 'internal', message: `The ledger answered ${response.status}.` });
    };
  }
  return api as unknown as TransitApi;
}

function withErrors(api: TransitApi): TransitApi {
  const wrapped: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of TRANSIT_API_METHODS) {
    const call = api[method] as (...args: unknown[]) => Promise<unknown>;
    wrapped[method] = (...args: unknown[]) => call(...args).catch((error: unknown) => Promise.reject(asApiError(error)));
  }
  return wrapped as unknown as TransitApi;
}

export function createClient(win: Window = window): TransitApi {
  if (win.transit) return withErrors(win.transit);
  return withErrors(httpApi(takeToken(win.location, win.sessionStorage, win.history)));
}

export const isDesktop = (win: Window = window): boolean => win.transitDesktop !== undefined;
