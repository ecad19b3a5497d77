/**
 * Stations and global event ids. A station is one installation with a short id (`AKT`, `SNG`,
 * `HQ`); every line of its own journal has the global id `<station>:<seq>`. The other stations'
 * journals it has received live beside the ledger, in `<ledger>.stations/<ID>.jsonl`.
 */
import path from 'node:path';
import { TransitError } from '../errors';

/** Upper-case letters and digits, a letter first, at most 10: what a CouchDB role `station:<ID>` names. */
const STATION_SHAPE = /^[A-Z][A-Z0-9]{0,9}$/;

export function isStationId(text: unknown): text is string {
  return typeof text === 'string' && STATION_SHAPE.test(text);
}

/** A station id as a person types it (`akt` is `AKT`); anything else is refused in words. */
export function parseStationId(text: unknown): string {
  const id = typeof text === 'string' ? text.trim().toUpperCase() : '';
  if (!isStationId(id))
    throw new TransitError(
      'invalid',
      `"${String(text)}" is not a station id: use 1 to 10 letters and digits, a letter first (AKT, SNG, HQ).`,
      [
        {
          field: 'station',
          code: 'station.invalid',
          message: 'A station id is 1 to 10 letters and digits, a letter first.',
        },
      ],
    );
  return id;
}

export interface GlobalId {
  station: string;
  seq: number;
}

export function globalId(station: string, seq: number): string {
  return `${station}:${seq}`;
}

/** `AKT:42` → { station: 'AKT', seq: 42 }; null for anything else. */
export function parseGlobalId(text: unknown): GlobalId | null {
  if (typeof text !== 'string') return null;
  const colon = text.indexOf(':');
  if (colon < 1) return null;
  const station = text.slice(0, colon);
  const digits = text.slice(colon + 1);
  if (!isStationId(station) || !/^[1-9]\d{0,14}$/.test(digits)) return null;
  return { station, seq: Number(digits) };
}

/** The order of global ids every station uses to break ties: station id, then number. */
export function compareGlobal(a: GlobalId, b: GlobalId): number {
  if (a.station !== b.station) return a.station < b.station ? -1 : 1;
  return a.seq - b.seq;
}

/** The folder beside a ledger holding the other stations' journals and the sync checkpoint. */
export function stationsDir(ledgerPath: string): string {
  return `${ledgerPath}.stations`;
}

export function mirrorPath(ledgerPath: string, station: string): string {
  return path.join(stationsDir(ledgerPath), `${station}.jsonl`);
}
