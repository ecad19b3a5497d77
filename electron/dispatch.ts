/**
 * One call of an API by name, as every transport (Electron IPC, the loopback HTTP server) receives
 * it: untrusted method name and arguments in, a result or a typed error out — never a stack trace.
 * The implementation validates each argument with the core's validators; this layer refuses what
 * must never reach them: a name that is not in the API's method table, an argument count the table
 * does not allow, prototype-pollution keys, oversized or deeply nested input. TransitApi and the
 * desktop calls (desktop-api.ts) go through the same function, each with its own table.
 */
import { TRANSIT_API, type TransitApi } from './core/api';
import { TransitError, type ErrorPayload } from './core/errors';
import { isMethodOf, type MethodTable, type Methods } from './core/methods';
import { MAX_IMPORT_BASE64_CHARS } from './core/requests';

export type { TransitMethod } from './core/api';

export type Envelope = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

/** An API's guards: its method table, and the longest text each method's arguments may hold. */
export interface Surface<Api> {
  table: MethodTable<Api>;
  /** Per method; DEFAULT_MAX_TEXT for the others. */
  maxText?: { readonly [M in keyof Api]?: number };
}

/** Longest string an argument may hold unless its Surface says otherwise: far above any real field. */
const DEFAULT_MAX_TEXT = 100_000;
const MAX_DEPTH = 8;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * TransitApi's guards: a CSV file for import may be as long as its bytes as base64 (4/3 of the core's
 * 64 MiB file limit).
 */
export const TRANSIT_SURFACE: Surface<TransitApi> = {
  table: TRANSIT_API,
  maxText: { importCsv: MAX_IMPORT_BASE64_CHARS },
};

function refuse(message: string, field?: string): Envelope {
  const error: ErrorPayload = { code: 'invalid', message };
  if (field) error.field = field;
  return { ok: false, error };
}

/** Finds what no argument may contain, whatever the method: returns a message, or null. */
function inspect(value: unknown, maxText: number, depth: number, path: string): string | null {
  if (depth > MAX_DEPTH) return `The request is nested too deeply at ${path}.`;
  if (typeof value === 'string')
    return value.length > maxText ? `The text at ${path} is too long (${value.length} characters).` : null;
  if (value === null || typeof value === 'boolean' || typeof value === 'undefined') return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? null : `The number at ${path} is not finite.`;
  if (Array.isArray(value)) {
    if (value.length > 1000) return `The list at ${path} is too long.`;
    for (let i = 0; i < value.length; i++) {
      const found = inspect(value[i], maxText, depth + 1, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null)
      return `The value at ${path} is not plain data.`;
    const keys = Object.keys(value);
    if (keys.length > 200) return `The value at ${path} has too many fields.`;
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return `"${key}" is not allowed in a request.`;
      const found = inspect((value as Record<string, unknown>)[key], maxText, depth + 1, `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return `The value at ${path} is not plain data.`;
}

export type InternalErrorLog = (method: string, error: unknown) => void;

/** A call that passed the guards, or the answer refusing it. */
type Checked<Api> = { method: keyof Api & string; args: unknown[] } | { refused: Envelope };

/** The guards every call passes before it reaches the implementation. */
function check<Api>(surface: Surface<Api>, method: unknown, args: unknown): Checked<Api> {
  if (!isMethodOf(surface.table, method)) {
    return {
      refused: refuse(
        `There is no operation "${typeof method === 'string' ? method.slice(0, 60) : typeof method}".`,
      ),
    };
  }
  if (!Array.isArray(args)) return { refused: refuse('The arguments must be a list.') };
  const [min, max]: readonly [number, number] = surface.table[method];
  if (args.length < min || args.length > max) {
    const count = min === max ? `${min}` : `${min} to ${max}`;
    return {
      refused: refuse(`${method} takes ${count} argument${max === 1 ? '' : 's'}, not ${args.length}.`),
    };
  }
  const problem = inspect(args, surface.maxText?.[method] ?? DEFAULT_MAX_TEXT, 0, 'arguments');
  return problem ? { refused: refuse(problem) } : { method, args };
}

/**
 * One call of `api` through `surface`'s guards; an error that is not a TransitError is logged and
 * answered as internal.
 */
export async function dispatchTo<Api extends Methods<Api>>(
  surface: Surface<Api>,
  api: Api,
  name: unknown,
  given: unknown,
  logInternal: InternalErrorLog,
): Promise<Envelope> {
  const checked = check(surface, name, given);
  if ('refused' in checked) return checked.refused;
  const { method, args } = checked;
  try {
    const call: (...callArgs: never[]) => Promise<unknown> = api[method];
    // The one place untrusted arguments reach an implementation, which validates each with the
    // core's validators: the guards above only make sure they are plain data, and as many as allowed.
    return { ok: true, value: await call.apply(api, args as never[]) };
  } catch (error) {
    if (error instanceof TransitError) return { ok: false, error: error.toPayload() };
    logInternal(method, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message:
          'Something went wrong inside Transit Ledger; the details were written to the log file. ' +
          'Check the register before trying again.',
      },
    };
  }
}

/** One TransitApi call by name. */
export function dispatch(
  api: TransitApi,
  method: unknown,
  args: unknown,
  logInternal: InternalErrorLog,
): Promise<Envelope> {
  return dispatchTo(TRANSIT_SURFACE, api, method, args, logInternal);
}
