/**
 * Why a sync round stopped: the server could not be reached, or it refused (wrong password, a
 * station it does not admit, a database not set up, an entry it would not take). Each reason is a
 * stable code with its facts (the server's address, an HTTP status, an entry's id); the English
 * sentence is made from them here, for the command line and the log, and a screen words the same
 * code and facts in its own language. The command line exits 4. Never carries a password: the
 * server is named by its address without credentials.
 */
import type { IssueFacts } from '../errors';

export type SyncFailureKind = 'unreachable' | 'refused' | 'setup';

/** What `sync status` and the checkpoint keep of the last failure: its code and facts, no sentence. */
export interface SyncErrorRecord {
  code: string;
  facts: IssueFacts;
}

/** The connection's cause as a word a screen can translate: no answer in time, nobody there, no such name. */
export type UnreachableWhy = 'timeout' | 'refused' | 'unknown_host' | 'failed';

const UNREACHABLE_WHY: Record<UnreachableWhy, string> = {
  timeout: 'it did not answer in time',
  refused: 'nothing answers at that address',
  unknown_host: 'that server name is not known',
  failed: 'the connection failed',
};

type Facts = Readonly<Record<string, string | number | undefined>>;

/**
 * Why the server's guard (validate_doc_update, server.ts) refuses an event: it sends the cause as
 * `guard.<cause>: <English>`, and the station says `sync.refused.entry.<cause>` in its own words.
 */
export const GUARD_CAUSES = [
  'design',
  'stored',
  'station',
  'number',
  'id',
  'line',
  'foreign_station',
] as const;
export type GuardCause = (typeof GUARD_CAUSES)[number];

export type SyncFailureCode =
  | 'sync.unreachable'
  | 'sync.refused'
  | 'sync.refused.role'
  | 'sync.setup'
  | 'sync.refused.status'
  | 'sync.refused.server'
  | 'sync.refused.too_large'
  | 'sync.refused.conflict'
  | 'sync.refused.bad_request'
  | 'sync.refused.not_couch'
  | 'sync.refused.redirect'
  | 'sync.refused.diverged'
  | 'sync.refused.bad_entry'
  | 'sync.refused.entry'
  | `sync.refused.entry.${GuardCause}`
  | 'sync.refused.security'
  | 'sync.failed';

interface Sentence {
  kind: SyncFailureKind;
  say(f: Facts): string;
}

const NOTHING_LOST = 'Nothing was lost';

/** An event the guard refused: the server, the entry, and why in English. */
function guarded(why: (f: Facts) => string): Sentence {
  return { kind: 'refused', say: (f) => `The sync server ${f.server} refused entry ${f.id}: ${why(f)}.` };
}
const DISAGREE = "this app and the server's guard do not agree; tell the server's administrator";

/** Each code's kind and its English sentence from its facts. */
const SENTENCES: Record<SyncFailureCode, Sentence> = {
  'sync.unreachable': {
    kind: 'unreachable',
    say: (f) =>
      `The sync server ${f.server} cannot be reached: ${UNREACHABLE_WHY[f.why as UnreachableWhy] ?? f.why}` +
      `${f.cause ? ` (${f.cause})` : ''}. Nothing was lost; sync again when the network is back.`,
  },
  'sync.refused': {
    kind: 'refused',
    say: (f) =>
      `The sync server ${f.server} refused the user name or password${said(f)}. ` +
      `Check TRANSIT_SYNC_USER and TRANSIT_SYNC_PASSWORD.`,
  },
  'sync.refused.role': {
    kind: 'refused',
    say: (f) =>
      `The sync server ${f.server} refused this user${said(f)}. ` +
      `Its CouchDB user needs the role station:<ID> of this station.`,
  },
  'sync.setup': {
    kind: 'setup',
    say: (f) =>
      `There is no ledger database at ${f.server}${said(f)}. ` +
      `Run "transit-ledger sync init-server" with the server's admin credentials first.`,
  },
  'sync.refused.status': {
    kind: 'refused',
    say: (f) => `The sync server ${f.server} refused the request (HTTP ${f.status})${said(f)}.`,
  },
  'sync.refused.server': {
    kind: 'refused',
    say: (f) =>
      `The sync server ${f.server} is in trouble (HTTP ${f.status})${said(f)}. ${NOTHING_LOST}; ` +
      "sync again later, and tell the server's administrator if it goes on.",
  },
  'sync.refused.too_large': {
    kind: 'refused',
    say: (f) =>
      `The sync server ${f.server} refused a request as too large (HTTP ${f.status})${said(f)}. ` +
      `${NOTHING_LOST}; its administrator can raise the limit (max_http_request_size).`,
  },
  'sync.refused.conflict': {
    kind: 'refused',
    say: (f) =>
      `The sync server ${f.server} refused a change as conflicting with what it holds (HTTP ${f.status})` +
      `${said(f)}. ${NOTHING_LOST}; sync again, and tell the server's administrator if it goes on.`,
  },
  'sync.refused.bad_request': {
    kind: 'refused',
    say: (f) =>
      `The sync server ${f.server} could not read the app's request (HTTP ${f.status})${said(f)}. ` +
      `${NOTHING_LOST}; tell the server's administrator: it may not be a CouchDB this app works with.`,
  },
  'sync.refused.not_couch': {
    kind: 'refused',
    say: (f) => `The server at ${f.server} answered with something that is not CouchDB (HTTP ${f.status}).`,
  },
  'sync.refused.redirect': {
    kind: 'refused',
    say: (f) =>
      `The sync server ${f.server} redirected the app to ${f.host} (HTTP ${f.status}); a redirect is not ` +
      "followed. Check the server's address in the sync settings, or ask the server's administrator.",
  },
  'sync.refused.diverged': {
    kind: 'refused',
    say: (f) =>
      `The server holds a different entry under ${f.id} than this station's journal. This station's ` +
      'journal was replaced or repaired after it was sent; nothing more is sent until that is sorted out.',
  },
  'sync.refused.bad_entry': {
    kind: 'refused',
    say: (f) =>
      `The sync server ${f.server} holds an entry ${f.id} that station ${f.station} could not have written ` +
      "(not a journal entry of that number). Nothing was taken; tell the server's administrator.",
  },
  'sync.refused.entry': {
    kind: 'refused',
    say: (f) => `The sync server ${f.server} refused entry ${f.id}: ${f.reason ?? 'no reason given'}.`,
  },
  'sync.refused.entry.design': guarded(() => 'only its administrator changes the design documents'),
  'sync.refused.entry.stored': guarded(() => 'an entry stored there is never changed or deleted'),
  'sync.refused.entry.station': guarded(() => `it does not name its station; ${DISAGREE}`),
  'sync.refused.entry.number': guarded(() => `it does not carry its number; ${DISAGREE}`),
  'sync.refused.entry.id': guarded(() => `it is not stored under its station and number; ${DISAGREE}`),
  'sync.refused.entry.line': guarded(() => `it does not carry its journal line; ${DISAGREE}`),
  'sync.refused.entry.foreign_station': guarded(
    (f) =>
      `this user may write only its own station's entries, not ${f.station}'s. ` +
      `Sync with station ${f.station}'s user name and password`,
  ),
  'sync.refused.security': {
    kind: 'refused',
    say: (f) => `The server at ${f.server} did not accept the database's security.`,
  },
  // A checkpoint written before failures had codes kept only the sentence: it is said again as it was.
  'sync.failed': { kind: 'refused', say: (f) => String(f.said ?? 'The last sync did not complete.') },
};

/** Every code a sync failure can carry: a spec finds a sentence for each in all four languages. */
export const SYNC_FAILURE_CODES = Object.keys(SENTENCES) as readonly SyncFailureCode[];

function said(f: Facts): string {
  return typeof f.reason === 'string' && f.reason !== '' ? ` (the server says: ${f.reason})` : '';
}

/** The English sentence of a failure's code and facts (the command line's, the log's). */
export function syncFailureMessage(record: SyncErrorRecord): string {
  const known = Object.hasOwn(SENTENCES, record.code);
  return (known ? SENTENCES[record.code as SyncFailureCode] : SENTENCES['sync.failed']).say(record.facts);
}

/** Facts without the absent ones: a checkpoint and an answer hold strings and numbers only. */
function defined(facts: Facts): IssueFacts {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(facts)) if (value !== undefined) out[name] = value;
  return out;
}

export class SyncFailure extends Error {
  readonly kind: SyncFailureKind;
  readonly code: string;
  readonly facts: IssueFacts;

  constructor(code: SyncFailureCode, facts: Facts) {
    const record = { code, facts: defined(facts) };
    super(syncFailureMessage(record));
    this.name = 'SyncFailure';
    this.code = code;
    this.facts = record.facts;
    this.kind = SENTENCES[code].kind;
  }

  get record(): SyncErrorRecord {
    return { code: this.code, facts: this.facts };
  }
}

/**
 * An event the server would not take: by the guard's cause when its refusal starts with one
 * (`guard.foreign_station: …`), else in the server's own words (an older guard, another server).
 */
export function entryRefused(server: string, id: string, station: string, reason?: string): SyncFailure {
  const cause = /^guard\.(\w+):/.exec(reason ?? '')?.[1];
  const known = GUARD_CAUSES.find((guard) => guard === cause);
  if (known) return new SyncFailure(`sync.refused.entry.${known}`, { server, id, station });
  return new SyncFailure('sync.refused.entry', { server, id, reason });
}

/**
 * The last failure as a checkpoint holds it: a record, or (written by an earlier version) the
 * sentence alone, which becomes a record that says that sentence again in English and, on a
 * screen, that the last sync did not complete.
 */
export function readSyncError(stored: unknown): SyncErrorRecord | null {
  if (typeof stored === 'string') return { code: 'sync.failed', facts: { said: stored } };
  if (typeof stored !== 'object' || stored === null) return null;
  const { code, facts } = stored as { code?: unknown; facts?: unknown };
  if (typeof code !== 'string') return null;
  const kept: Record<string, string | number> = {};
  if (typeof facts === 'object' && facts !== null)
    for (const [name, value] of Object.entries(facts))
      if (typeof value === 'string' || typeof value === 'number') kept[name] = value;
  return { code, facts: kept };
}
