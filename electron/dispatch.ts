/**
 * One call of the TransitApi by name, as every transport (Electron IPC, the loopback HTTP server)
 * receives it: untrusted method name and arguments in, a result or a typed error out — never a
 * stack trace. The service validates each argument with the core's validators; this layer refuses
 * what must never reach them: unknown methods, wrong arity, prototype-pollution keys, oversized input.
 */
import { TRANSIT_API_METHODS, type TransitApi } from './core/api';
import { TransitError, type ErrorPayload } from './core/errors';
import { MAX_IMPORT_BASE64_CHARS } from './core/requests';

export type TransitMethod = (typeof TRANSIT_API_METHODS)[number];

export type Envelope = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

/** How many arguments a method of the contract may be given, so that ARITY cannot drift from api.ts. */
type ArgumentCounts<M extends TransitMethod> = readonly [Parameters<TransitApi[M]>['length'], Required<Parameters<TransitApi[M]>>['length']];

/** How many arguments each method takes (optional ones counted in max): every write's last is its LedgerGuard or WriteOptions. */
export const ARITY: { readonly [M in TransitMethod]: ArgumentCounts<M> } = {
  info: [0, 0],
  recordShipment: [1, 2],
  amendShipment: [2, 3],
  voidShipment: [2, 3],
  shipmentHistory: [1, 1],
  listShipments: [1, 1],
  getTargets: [1, 1],
  setTargets: [1, 2],
  getBaseline: [0, 0],
  setBaseline: [1, 2],
  progress: [1, 1],
  exportReport: [1, 1],
  importCsv: [1, 2],
  verify: [0, 0],
  useDemoLedger: [1, 1],
};

/**
 * Longest string any argument may hold: a CSV file for import (its bytes as base64: 4/3 of the
 * core's 64 MiB file limit), otherwise far above any real field.
 */
const MAX_TEXT = { importCsv: MAX_IMPORT_BASE64_CHARS, other: 100_000 } as const;
const MAX_DEPTH = 8;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const METHODS = new Set<string>(TRANSIT_API_METHODS);

export function isTransitMethod(name: unknown): name is TransitMethod {
  return typeof name === 'string' && METHODS.has(name);
}

function refuse(message: string, field?: string): Envelope {
  const error: ErrorPayload = { code: 'invalid', message };
  if (field) error.field = field;
  return { ok: false, error };
}

/** Finds what no argument may contain, whatever the method: returns a message, or null. */
function inspect(value: unknown, maxText: number, depth: number, path: string): string | null {
  if (depth > MAX_DEPTH) return `The request is nested too deeply at ${path}.`;
  if (typeof value === 'string') return value.length > maxText ? `The text at ${path} is too long (${value.length} characters).` : null;
  if (value === null || typeof value === 'boolean' || typeof value === 'undefined') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `The number at ${path} is not finite.`;
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
    if (prototype !== Object.prototype && prototype !== null) return `The value at ${path} is not plain data.`;
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

export async function dispatch(api: TransitApi, method: unknown, args: unknown, logInternal: InternalErrorLog): Promise<Envelope> {
  if (!isTransitMethod(method)) return refuse(`There is no operation "${typeof method === 'string' ? method.slice(0, 60) : typeof method}".`);
  if (!Array.isArray(args)) return refuse('The arguments must be a list.');
  const [min, max] = ARITY[method];
  if (args.length < min || args.length > max) {
    return refuse(`${method} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}, not ${args.length}.`);
  }
  const problem = inspect(args, method === 'importCsv' ? MAX_TEXT.importCsv : MAX_TEXT.other, 0, 'arguments');
  if (problem) return refuse(problem);
  try {
    const call = api[method] as (...callArgs: unknown[]) => Promise<unknown>;
    return { ok: true, value: await call.apply(api, args) };
  } catch (error) {
    if (error instanceof TransitError) return { ok: false, error: error.toPayload() };
    logInternal(method, error);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Transit Ledger; the details were written to the log file. Check the register before trying again.' },
    };
  }
}
