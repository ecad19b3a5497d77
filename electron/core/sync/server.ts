/**
 * `sync init-server`: the database, its guard and who may enter, set up on a CouchDB server with
 * its admin's credentials; run again, it changes only what differs (a station added).
 *
 * The guard is a design document's validate_doc_update, run by CouchDB on every write: an event
 * is a new document `<station>:<seq>` with its journal line, written by a user holding the role
 * `station:<station>`; nothing stored is ever changed or deleted. `_admin` may write anything.
 */
import { Couch } from './couch';
import { SyncFailure } from './failure';
import { SECURITY } from './replies';

export const DESIGN_ID = '_design/transit-ledger';

/**
 * ES5, as CouchDB's JavaScript engine runs it. Each refusal starts with its cause, `guard.<cause>:`
 * (GUARD_CAUSES in failure.ts), so a station says it in its clerk's language; the English follows.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx) {
  function refuse(cause, why) {
    throw { forbidden: 'guard.' + cause + ': ' + why };
  }
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (newDoc._id.indexOf('_design/') === 0) refuse('design', 'Only an admin changes the design documents.');
  if (oldDoc || newDoc._deleted)
    refuse('stored', 'Event ' + newDoc._id + ' is stored already: never changed or deleted.');
  var station = newDoc.station;
  if (typeof station !== 'string' || !/^[A-Z][A-Z0-9]{0,9}$/.test(station))
    refuse('station', 'An event names its station.');
  var seq = newDoc.seq;
  if (typeof seq !== 'number' || seq < 1 || seq > 1e9 || Math.floor(seq) !== seq)
    refuse('number', 'An event has its number, at most 1000000000.');
  if (newDoc._id !== station + ':' + seq) refuse('id', 'An event is stored under <station>:<number>.');
  if (userCtx.roles.indexOf('station:' + station) === -1)
    refuse('foreign_station', 'This user may write only the events of its own station, not of ' + station + '.');
  var entry = null;
  try {
    entry = typeof newDoc.line === 'string' ? JSON.parse(newDoc.line) : null;
  } catch (e) {
    entry = null;
  }
  if (!entry || typeof entry !== 'object' || entry.seq !== seq)
    refuse('line', 'An event carries its journal line, of its own number.');
}`;

export function securityFor(stations: readonly string[]): unknown {
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: stations.map((s) => `station:${s}`) },
  };
}

export interface InitOutcome {
  createdDatabase: boolean;
  designUpdated: boolean;
  securityUpdated: boolean;
}

export async function initServer(couch: Couch, stations: readonly string[]): Promise<InitOutcome> {
  const created = await couch.expect('PUT', '', undefined, [412]);
  const design = await couch.call<{ _rev?: string; validate_doc_update?: string }>('GET', `/${DESIGN_ID}`);
  if (design.status !== 200 && design.status !== 404) await couch.expect('GET', `/${DESIGN_ID}`);
  let designUpdated = false;
  if (design.status === 404 || design.body?.validate_doc_update !== VALIDATE_DOC_UPDATE) {
    const doc: Record<string, unknown> = { _id: DESIGN_ID, validate_doc_update: VALIDATE_DOC_UPDATE };
    if (design.status === 200 && design.body?._rev) doc._rev = design.body._rev;
    await couch.expect('PUT', `/${DESIGN_ID}`, doc);
    designUpdated = true;
  }
  const wanted = securityFor(stations);
  const current = await couch.read(SECURITY, 'GET', '/_security');
  let securityUpdated = false;
  if (JSON.stringify(current.body) !== JSON.stringify(wanted)) {
    const put = await couch.expect<{ ok?: boolean }>('PUT', '/_security', wanted);
    if (put.body?.ok !== true) throw new SyncFailure('sync.refused.security', { server: couch.where });
    securityUpdated = true;
  }
  return { createdDatabase: created.status !== 412, designUpdated, securityUpdated };
}
