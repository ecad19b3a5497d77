/**
 * Sync as the command line and the app ask for it: set a ledger up as a station, run one round,
 * say where it stands. Credentials come from the caller (the environment, or the desktop's
 * safeStorage) and are held only in memory for the round.
 */
import type { LedgerService } from '../service';
import { stated } from '../errors';
import {
  checkpointPath,
  freshCheckpoint,
  readCheckpoint,
  writeCheckpoint,
  type SyncCheckpoint,
} from './checkpoint';
import { Couch, type Credentials } from './couch';
import { SyncFailure, syncFailureMessage, type SyncErrorRecord } from './failure';
import { SyncRound, type RoundOptions, type RoundReport } from './round';
import { DATABASE_INFO } from './replies';
import { parseServerUrl, shownUrl } from './url';
import type { RefusedEntry } from '../stations/fold';

export { SyncFailure } from './failure';
export type { Credentials } from './couch';

/** The last failure as `sync status` gives it: its code and facts, and the English sentence they make. */
export type StatusError = SyncErrorRecord & { message: string };

/** TRANSIT_SYNC_USER and TRANSIT_SYNC_PASSWORD, or null when either is missing. */
export function credentialsFrom(env: NodeJS.ProcessEnv): Credentials | null {
  const user = env.TRANSIT_SYNC_USER;
  const password = env.TRANSIT_SYNC_PASSWORD;
  return user && password ? { user, password } : null;
}

export function requireCredentials(env: NodeJS.ProcessEnv): Credentials {
  const credentials = credentialsFrom(env);
  if (!credentials)
    throw stated(
      'invalid',
      'sync.credentials.missing',
      'Sync needs the CouchDB user and password in TRANSIT_SYNC_USER and ' +
        'TRANSIT_SYNC_PASSWORD (never on the command line, where others can read them).',
    );
  return credentials;
}

export interface SetupOutcome {
  station: string;
  url: string;
}

/** Makes the ledger a station (once) and remembers its server; a new server starts its checkpoint afresh. */
export function setupStation(
  service: LedgerService,
  request: { url: string; station: string; insecure: boolean },
): SetupOutcome {
  const url = shownUrl(parseServerUrl(request.url, request.insecure));
  const station = service.becomeStation(request.station);
  const held = readCheckpoint(service.path);
  if (!held || held.url !== url) writeCheckpoint(service.path, freshCheckpoint(url, request.insecure));
  else if (held.insecure !== request.insecure)
    writeCheckpoint(service.path, { ...held, insecure: request.insecure });
  return { station, url };
}

function checkpointOrRefuse(service: LedgerService): { checkpoint: SyncCheckpoint; station: string } {
  const checkpoint = readCheckpoint(service.path);
  const station = service.station;
  if (!checkpoint || station === null)
    throw stated(
      'invalid',
      'sync.not_set_up',
      `This ledger is not set up for sync (${checkpointPath(service.path)} is missing). ` +
        `Run "transit-ledger sync setup --url URL --station ID" first.`,
      { path: checkpointPath(service.path) },
    );
  return { checkpoint, station };
}

/** One round; on failure the reason is kept for `sync status` (never a credential) and thrown. */
export async function syncOnce(
  service: LedgerService,
  credentials: Credentials,
  options: RoundOptions = {},
): Promise<RoundReport> {
  const { checkpoint } = checkpointOrRefuse(service);
  const book = service.stations;
  if (!book) throw stated('invalid', 'sync.not_station', 'This ledger is not a station’s.');
  const couch = new Couch(parseServerUrl(checkpoint.url, checkpoint.insecure), credentials);
  try {
    // Asked first, so a wrong password or a missing database is said before anything moves.
    await couch.read(DATABASE_INFO, 'GET', '');
    return await new SyncRound(service, book, couch, checkpoint, options).run();
  } catch (error) {
    if (error instanceof SyncFailure) {
      const latest = readCheckpoint(service.path) ?? checkpoint;
      writeCheckpoint(service.path, { ...latest, lastError: error.record });
    }
    throw error;
  }
}

export interface SyncStatus {
  station: string | null;
  url: string | null;
  lastSync: string | null;
  lastError: StatusError | null;
  /** Own entries the server does not have yet. */
  waiting: number;
  conflicts: number;
  /** Received entries not folded yet: their causes (another station's entries) have not arrived. */
  waitingForOthers: number;
  refused: RefusedEntry[];
}

export function syncStatus(service: LedgerService): SyncStatus {
  const checkpoint = readCheckpoint(service.path);
  const book = service.stations;
  if (!checkpoint || !book)
    return {
      station: service.station,
      url: null,
      lastSync: null,
      lastError: null,
      waiting: 0,
      conflicts: 0,
      waitingForOthers: 0,
      refused: [],
    };
  const round = new SyncRound(service, book, new Couch(new URL(checkpoint.url), null), checkpoint);
  return {
    station: book.station,
    url: checkpoint.url,
    lastSync: checkpoint.lastSync,
    lastError: checkpoint.lastError && {
      ...checkpoint.lastError,
      message: syncFailureMessage(checkpoint.lastError),
    },
    waiting: round.waiting(),
    conflicts: book.conflicts().length,
    waitingForOthers: book.fold.waiting,
    refused: [...checkpoint.refused, ...book.refused()],
  };
}

export { Couch };
