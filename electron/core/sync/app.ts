/**
 * Sync as the app asks for it (TransitApi's syncStatus, syncNow, syncSetup, testConnection): the same
 * rounds as the command line, with the server's user and password taken from a CredentialStore the
 * transport gives the service — the environment (browser mode, the CLI) or, in the desktop app, a
 * store encrypted with Electron's safeStorage. The password goes from the store to the round's
 * Authorization header and nowhere else: no answer, checkpoint, journal or message carries it.
 */
import type {
  ConnectionReport,
  ConnectionRequest,
  SyncCredentialsInfo,
  SyncOutcome,
  SyncSetupRequest,
  SyncState,
} from '../api';
import { stated, TransitError } from '../errors';
import type { LedgerService } from '../service';
import { readCheckpoint } from './checkpoint';
import { Couch, type Credentials } from './couch';
import { SyncFailure } from './failure';
import { DATABASE_INFO } from './replies';
import { credentialsFrom, setupStation, syncOnce, syncStatus } from './index';
import { parseServerUrl, shownUrl } from './url';

/** Where a ledger's sync takes its server user and password from. */
export interface CredentialStore {
  /** The user and password, or null when none are set. Read for a round and dropped after it. */
  read(): Credentials | null;
  /** Where they come from now: kept by the app ('stored'), the environment, or nowhere yet. */
  source(): 'stored' | 'environment' | null;
  /** Keeps them for the next rounds; absent where the app may not keep them (browser mode reads the environment). */
  save?(credentials: Credentials): void;
}

/** TRANSIT_SYNC_USER / TRANSIT_SYNC_PASSWORD, read at each round: browser mode and the CLI. */
export function environmentCredentials(env: NodeJS.ProcessEnv = process.env): CredentialStore {
  return {
    read: () => credentialsFrom(env),
    source: () => (credentialsFrom(env) ? 'environment' : null),
  };
}

function credentialsInfo(store: CredentialStore): SyncCredentialsInfo {
  return {
    source: store.source(),
    user: store.read()?.user ?? null,
    canStore: typeof store.save === 'function',
  };
}

/** A sync failure as the one error type every transport carries: its code and facts, which a screen words. */
export function syncError(failure: SyncFailure): TransitError {
  return new TransitError('sync', failure.message, [
    { field: 'sync', code: failure.code, message: failure.message, facts: failure.facts },
  ]);
}

function noCredentials(store: CredentialStore): TransitError {
  const message = store.save
    ? 'Give the sync server’s user name and password in the Sync settings first.'
    : 'Sync needs the CouchDB user and password in TRANSIT_SYNC_USER and TRANSIT_SYNC_PASSWORD, ' +
      'set in the environment before the app starts.';
  const code = store.save ? 'sync.credentials' : 'sync.credentials.missing';
  return new TransitError('sync', message, [{ field: 'password', code, message }]);
}

const running = new WeakMap<LedgerService, Promise<SyncOutcome>>();

export function syncState(service: LedgerService, store: CredentialStore): SyncState {
  const status = syncStatus(service);
  const checkpoint = readCheckpoint(service.path);
  return {
    station: status.station,
    url: status.url,
    insecure: checkpoint?.insecure ?? false,
    lastSync: status.lastSync,
    lastError: status.lastError && { code: status.lastError.code, facts: status.lastError.facts },
    waiting: status.waiting,
    conflicts: status.conflicts,
    waitingForOthers: status.waitingForOthers,
    refused: status.refused.map(({ id, reason }) => ({ id, reason })),
    credentials: credentialsInfo(store),
    running: running.has(service),
  };
}

/** One round; a round already running is joined rather than started twice (a timer and a button at once). */
export function syncNow(service: LedgerService, store: CredentialStore): Promise<SyncOutcome> {
  const current = running.get(service);
  if (current) return current;
  const round = (async (): Promise<SyncOutcome> => {
    if (service.readOnly)
      throw stated(
        'read_only',
        'sync.read_only',
        'This ledger is open read-only here; the program writing it syncs it.',
      );
    const credentials = store.read();
    if (!credentials) throw noCredentials(store);
    try {
      const report = await syncOnce(service, credentials);
      return {
        pushed: report.pushed,
        pulled: { ...report.pulled },
        refused: report.refused.length,
        state: { ...syncState(service, store), running: false },
      };
    } catch (error) {
      throw error instanceof SyncFailure ? syncError(error) : error;
    }
  })();
  running.set(service, round);
  const done = () => running.delete(service);
  round.then(done, done);
  return round;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** User and password given together or not at all; a half is refused rather than mixed with a stored half. */
function givenCredentials(request: { user?: unknown; password?: unknown }): Credentials | null {
  const user = text(request.user).trim();
  const password = text(request.password);
  if (user === '' && password === '') return null;
  if (user === '' || password === '') {
    const field = user === '' ? 'user' : 'password';
    const message = 'Give the sync server’s user name and its password together.';
    throw new TransitError('invalid', message, [{ field, code: `sync.${field}.required`, message }]);
  }
  return { user, password };
}

/**
 * Makes the ledger a station (once; another id is refused, as `sync setup`) with its server, and keeps
 * the user and password where the app may keep them. Refused before anything is written.
 */
export function setupSync(
  service: LedgerService,
  store: CredentialStore,
  request: SyncSetupRequest,
): SyncState {
  const insecure = request.insecure === true;
  parseServerUrl(request.url, insecure);
  const credentials = givenCredentials(request);
  if (credentials && !store.save) {
    const message =
      'Browser mode never keeps a password: start it with TRANSIT_SYNC_USER and TRANSIT_SYNC_PASSWORD ' +
      'in the environment instead.';
    throw new TransitError('invalid', message, [
      { field: 'password', code: 'sync.credentials.environment', message },
    ]);
  }
  setupStation(service, { url: text(request.url), station: text(request.station), insecure });
  if (credentials) store.save?.(credentials);
  return syncState(service, store);
}

/** Asks the server (the address given, or the one set up) whether it lets this user in; writes nothing. */
export async function testConnection(
  service: LedgerService,
  store: CredentialStore,
  request: ConnectionRequest = {},
): Promise<ConnectionReport> {
  const checkpoint = readCheckpoint(service.path);
  const given = text(request.url).trim();
  if (given === '' && !checkpoint) {
    const message = 'Give the sync server’s address first.';
    throw new TransitError('invalid', message, [{ field: 'url', code: 'sync.url.required', message }]);
  }
  const url =
    given !== ''
      ? parseServerUrl(given, request.insecure === true)
      : parseServerUrl(checkpoint?.url, checkpoint?.insecure ?? false);
  const credentials = givenCredentials(request) ?? store.read();
  if (!credentials) throw noCredentials(store);
  const couch = new Couch(url, credentials, 15_000);
  try {
    await couch.read(DATABASE_INFO, 'GET', '');
    return {
      ok: true,
      url: shownUrl(url),
      failure: null,
      message: `The server at ${shownUrl(url)} lets this user in.`,
    };
  } catch (error) {
    if (!(error instanceof SyncFailure)) throw error;
    return {
      ok: false,
      url: shownUrl(url),
      failure: error.kind,
      message: error.message,
      error: error.record,
    };
  }
}
