/**
 * Where sync stands for this window, and the rounds it starts: "Sync now", a round every few minutes
 * and one shortly after each save, while the ledger is set up as a station. The timer stops when it
 * is not (never set up, the demo opened) and starts again once it is. The server's password never
 * passes through here: the main process (desktop) or the server (browser mode) holds it.
 */
import { create } from 'zustand';
import type { Conflict, SyncState, TransitApi } from '../../../electron/core/api';
import { failureOf, type Failure } from '../errors';
import { guardOf } from '../ledger-watch';
import { useLedger } from '../store';

/** A background round every five minutes while set up. */
export const SYNC_INTERVAL_MS = 5 * 60_000;
/** A save is followed by a round this long after it (several quick saves make one round). */
export const AFTER_SAVE_MS = 3_000;

export interface SyncStore {
  api: TransitApi | null;
  state: SyncState | null;
  conflicts: Conflict[];
  /** The last round failed because the server could not be reached. */
  offline: boolean;
  /** The last round's failure (unreachable, refused, no login), for the header's title and the panel. */
  failure: Failure | null;
  running: boolean;

  /** Reads the status and starts the background rounds when the ledger is a station. */
  start(api: TransitApi): Promise<void>;
  stop(): void;
  /** Reads the status and the open conflicts again (after a setup, a resolution, another ledger). */
  reload(): Promise<void>;
  syncNow(): Promise<boolean>;
  /** A round shortly after a save, when set up. */
  afterSave(): void;
}

let interval: ReturnType<typeof setInterval> | null = null;
let soon: ReturnType<typeof setTimeout> | null = null;

function clearTimers(): void {
  if (interval !== null) clearInterval(interval);
  if (soon !== null) clearTimeout(soon);
  interval = null;
  soon = null;
}

export const isSetUp = (state: SyncState | null): boolean => state !== null && state.url !== null;

function looksLikeState(value: unknown): value is SyncState {
  return typeof value === 'object' && value !== null && 'station' in value && 'url' in value;
}

export const useSync = create<SyncStore>()((set, get) => {
  /** The timer runs exactly while the ledger is set up. */
  const schedule = () => {
    if (!isSetUp(get().state)) {
      clearTimers();
      return;
    }
    if (interval === null) interval = setInterval(() => void get().syncNow(), SYNC_INTERVAL_MS);
  };

  return {
    api: null,
    state: null,
    conflicts: [],
    offline: false,
    failure: null,
    running: false,

    async start(api) {
      set({ api });
      await get().reload();
    },

    stop() {
      clearTimers();
      set({ api: null });
    },

    async reload() {
      const api = get().api;
      if (!api) return;
      try {
        const state = await api.syncStatus();
        const next = looksLikeState(state) ? state : null;
        const conflicts = next?.station ? await api.conflicts() : [];
        set({ state: next, conflicts: Array.isArray(conflicts) ? conflicts : [] });
      } catch {
        // A ledger that cannot say (still starting, an older main process): as if not set up.
        set({ state: null, conflicts: [] });
      }
      schedule();
    },

    async syncNow() {
      const { api, running } = get();
      if (!api || running || !isSetUp(get().state)) return false;
      set({ running: true });
      try {
        const outcome = await api.syncNow(guardOf(useLedger.getState().info));
        const moved = Object.values(outcome.pulled).some((n) => n > 0);
        set({ state: outcome.state, offline: false, failure: null });
        if (moved) await useLedger.getState().refresh();
        set({ conflicts: outcome.state.station ? await api.conflicts() : [] });
        return true;
      } catch (error) {
        const failure = failureOf(error);
        set({
          failure,
          offline: failure.issues[0]?.code === 'sync.unreachable' || failure.code === 'unreachable',
        });
        await get().reload();
        return false;
      } finally {
        set({ running: false });
        schedule();
      }
    },

    afterSave() {
      if (!isSetUp(get().state)) return;
      if (soon !== null) clearTimeout(soon);
      soon = setTimeout(() => {
        soon = null;
        void get().syncNow();
      }, AFTER_SAVE_MS);
    },
  };
});

/**
 * Follows the ledger store: a save (the journal's entry count grows) asks for a round soon; another
 * ledger (the demo opened or closed) reads the status again, which stops or starts the timer; so
 * do entries received by a round another window or program ran (new conflicts, a new last sync).
 */
export function followLedger(): () => void {
  return useLedger.subscribe((now, before) => {
    const was = before.info;
    const is = now.info;
    if (!is || is === was || !was) return;
    const pulled = (is.received ?? 0) !== (was.received ?? 0);
    if (was.ledgerId !== is.ledgerId || pulled) void useSync.getState().reload();
    if (was.ledgerId === is.ledgerId && is.entries > was.entries && !is.readOnly)
      useSync.getState().afterSave();
  });
}
