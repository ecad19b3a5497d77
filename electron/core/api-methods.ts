/**
 * The TransitApi's methods, written once: each name with how many arguments it takes. The type
 * annotation ties it to the interface in api.ts — a method missing here, one the interface lacks,
 * or an argument count its parameters do not allow stops compilation. The preload's
 * `window.transit`, dispatch's allow-list and arity check, the IPC channels, the renderer's IPC and
 * HTTP clients and the Workspace's forwarding are all derived from it (see methods.ts).
 *
 * Nothing but types is imported, so the sandboxed preload can bundle it alone.
 */
import type { TransitApi } from './api';
import { methodsOf, type MethodTable } from './methods';

export type TransitMethod = keyof TransitApi & string;

/** Method → [fewest, most] arguments; every write's optional last is its LedgerGuard or WriteOptions. */
export const TRANSIT_API: MethodTable<TransitApi> = {
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
  getFleet: [0, 0],
  saveVessel: [1, 2],
  progress: [1, 1],
  compareYears: [1, 1],
  reconcile: [1, 1],
  vessels: [1, 1],
  exportReport: [1, 1],
  importCsv: [1, 2],
  verify: [0, 0],
  useDemoLedger: [1, 1],
  // Preferences, kept in the app's data folder (issue 10, point 8).
  preferences: [0, 0],
  savePreferences: [1, 1],
  syncStatus: [0, 0],
  syncNow: [0, 1],
  syncSetup: [1, 2],
  testConnection: [0, 1],
  conflicts: [0, 0],
  closeMonth: [1, 2],
  reopenMonth: [1, 2],
  periods: [0, 0],
  backupStatus: [0, 0],
  backupNow: [0, 1],
  setBackupFolder: [1, 2],
  programme: [1, 1],
  nominate: [1, 2],
  cancelNomination: [1, 2],
  linkNomination: [1, 2],
};

/** The method names, in the order above. */
export const TRANSIT_API_METHODS: readonly TransitMethod[] = Object.freeze(methodsOf(TRANSIT_API));
