/**
 * Stations sharing one fresh database of a test CouchDB: each a LedgerService on its own temporary
 * journal at the fixed clock, set up for sync with a CouchDB user of its own (password
 * `STATION_PASSWORD`). What the sync specs begin with.
 */
import fs from 'node:fs';
import { LedgerService } from '../../electron/core/service';
import { Couch } from '../../electron/core/sync/couch';
import { setupStation, syncOnce } from '../../electron/core/sync/index';
import { initServer } from '../../electron/core/sync/server';
import type { TestCouch } from './couch-server';
import { fixedNow, tempDir } from './temp';

export const STATION_PASSWORD = 'station-pw';

export interface StationsOptions {
  /** Station ids, e.g. `['AKT', 'SNG']`. */
  stations: string[];
  /** The database's name on the server (a fresh one per network). */
  db: string;
  tempPrefix: string;
  /** Who each station's entries name; the station's id unless told. */
  actor?: (station: string) => string;
}

export interface Stations {
  /** The database's URL. */
  db: string;
  temp: ReturnType<typeof tempDir>;
  at(station: string): LedgerService;
  /** The station's journal file. */
  file(station: string): string;
  /** One sync round of the station, as its own CouchDB user. */
  sync(station: string): ReturnType<typeof syncOnce>;
  /** Closes the station's service and opens its journal again, as a restart does. */
  reopen(station: string): void;
  /** Closes every service and removes the temporary folder. */
  close(): void;
}

export async function stationsOn(couch: TestCouch, options: StationsOptions): Promise<Stations> {
  const temp = tempDir(options.tempPrefix);
  const db = `${couch.base}/${options.db}`;
  await initServer(new Couch(new URL(db), couch.admin), options.stations);
  const actor = options.actor ?? ((station: string) => station);
  const file = (station: string) => temp.file(`${station}/ledger.jsonl`);
  const open = (station: string) =>
    LedgerService.open(file(station), { actor: actor(station), now: fixedNow });
  const services = new Map<string, LedgerService>();
  for (const station of options.stations) {
    await couch.addUser(station.toLowerCase(), STATION_PASSWORD, [station]);
    fs.mkdirSync(temp.file(station));
    const service = open(station);
    setupStation(service, { url: db, station, insecure: false });
    services.set(station, service);
  }
  const at = (station: string) => {
    const service = services.get(station);
    if (!service) throw new Error(`no station ${station} in this network`);
    return service;
  };
  return {
    db,
    temp,
    at,
    file,
    sync: (station) => syncOnce(at(station), { user: station.toLowerCase(), password: STATION_PASSWORD }),
    reopen(station) {
      at(station).close();
      services.set(station, open(station));
    },
    close() {
      for (const service of services.values()) service.close();
      temp.cleanup();
    },
  };
}
