/**
 * The renderer's one store: what the ledger holds for the chosen year, which screen shows, and
 * every action a person takes (from a form, a shortcut or the desktop's File menu). Each ledger
 * action is one TransitApi call followed by a reload of what it changed; totals and series come
 * from the core's progress function, never from arithmetic here.
 */
import { create } from 'zustand';
import type {
  Baseline,
  CsvSeparator,
  FieldIssue,
  HistoryEntry,
  ImportReport,
  Language,
  LedgerInfo,
  Progress,
  ReportName,
  ReportFormat,
  ExportedReport,
  Shipment,
  ShipmentInput,
  TransitApi,
  YearTargets,
  FleetVessel,
  VesselInput,
} from '../../electron/core/api';
import { DEFAULT_FLEET } from '../../electron/core/fleet';
import type { MenuCommand } from '../../electron/desktop-api';
import { ApiError } from './client';
import { failureOf, type Failure } from './errors';
import { guardOf, hasChanged, isLedgerSwitch, noticeOf, type LedgerNotice } from './ledger-watch';

export type SaveOutcome =
  | { status: 'saved'; shipment: Shipment; warnings: FieldIssue[] }
  /** Unusual values (a 20,000 t cargo): saving needs the person's confirmation (force). */
  | { status: 'confirm'; issues: FieldIssue[] }
  | { status: 'invalid'; issues: FieldIssue[] }
  | ({ status: 'failed' } & Failure);

/**
 * What the core said of a form it was asked to check (WriteOptions.check), having written nothing:
 * 'ok' with the questions a save would accept but a person should be asked (warnings); otherwise
 * as a save's refusal, its questions among the issues (overridable ones).
 */
export type CheckOutcome = { status: 'ok'; warnings: FieldIssue[] } | Refusal;

/** A save or a check the core refused, or that did not reach it. */
type Refusal = Exclude<SaveOutcome, { status: 'saved' }>;

export const TABS = [
  'dashboard',
  'entry',
  'register',
  'programme',
  'reconciliation',
  'reports',
  'conflicts',
  'settings',
] as const;
export type Tab = (typeof TABS)[number];

/** The File menu's commands that the Reports screen carries out. */
export type ReportsCommand = Exclude<MenuCommand, 'new-shipment'>;

/** Which screen shows, and what a menu command or the print button has asked of a screen. */
export interface ScreenState {
  tab: Tab;
  /** The entry form's key: a new number is a fresh, empty form. */
  entryForm: number;
  /** File-menu commands for the Reports screen, in the order given, kept until that screen takes them. */
  reportsCommands: readonly ReportsCommand[];
  /** The dashboard is to be printed once it shows the year's figures. */
  printPending: boolean;

  showTab(tab: Tab): void;
  /** Ctrl/Cmd+N, the File menu and the dashboard's empty state: the entry screen with a fresh form. */
  newShipment(): void;
  /** A command from the desktop's File menu. */
  menuCommand(command: MenuCommand): void;
  /** The waiting Reports commands, each handed over once. */
  takeReportsCommands(): readonly ReportsCommand[];
  /** The dashboard in its print layout, then the print dialog. */
  printDashboard(): void;
  /** True once for a pending print: the caller opens the print dialog. */
  takePrint(): boolean;
}

export interface LedgerStore extends ScreenState {
  api: TransitApi | null;
  info: LedgerInfo | null;
  year: number;
  progress: Progress | null;
  /** The year's shipments, voided ones included (the register can show them). */
  shipments: Shipment[];
  targets: YearTargets | null;
  /** The ledger's fleet, retired tankers too: what a vessel name is matched to (the core's). */
  fleet: readonly FleetVessel[];
  loading: boolean;
  /** A failure to load; shown through failureText in the person's language. */
  error: Failure | null;
  /** The last shipment saved from the form, for the confirmation and its Undo. */
  lastSaved: Shipment | null;
  /** What another window or program changed under this one (ledger-watch.ts), until dismissed. */
  notice: LedgerNotice | null;

  init(api: TransitApi, year: number): Promise<void>;
  setYear(year: number): Promise<void>;
  refresh(): Promise<void>;
  /** Asks whether the ledger changed, and reloads what the window shows only if it did. */
  poll(): Promise<void>;
  dismissNotice(): void;
  /** Asks the core whether a new shipment would be saved, and what it would ask: writes nothing. */
  check(input: ShipmentInput): Promise<CheckOutcome>;
  /** The same for an amendment. */
  checkAmend(id: string, changes: ShipmentInput): Promise<CheckOutcome>;
  record(input: ShipmentInput, force: boolean): Promise<SaveOutcome>;
  amend(id: string, changes: ShipmentInput, reason: string, force: boolean): Promise<SaveOutcome>;
  voidShipment(id: string, reason: string): Promise<{ ok: true } | ({ ok: false } & Failure)>;
  undoLast(reason: string): Promise<boolean>;
  history(id: string): Promise<HistoryEntry[]>;
  /** The year's targets as typed; the loss allowance left out stays as the ledger has it. */
  saveTargets(
    annualTonnes: string,
    monthlyPlanTonnes: string[] | null,
    lossAllowancePercent?: string,
  ): Promise<{ ok: true } | ({ ok: false } & Failure)>;
  /** The baseline as typed: its year, total and twelve months (null: pro rata); the dashboard is reloaded. */
  saveBaseline(
    year: string,
    tonnes: string,
    monthlyTonnes: string[] | null,
  ): Promise<({ ok: true } & { baseline: Baseline }) | ({ ok: false } & Failure)>;
  /** Adds a tanker to the fleet (no id) or changes one (retiring too); the fleet is reloaded. */
  saveVessel(input: VesselInput): Promise<{ ok: true } | ({ ok: false } & Failure)>;
  /** A report in `language`: its headers and status words are the reader's. */
  exportReport(
    report: ReportName,
    format: ReportFormat,
    separator: CsvSeparator,
    language: Language,
  ): Promise<ExportedReport>;
  /** The file's bytes as base64: the core decodes them (or refuses them), never the page. */
  importCsv(base64: string, dryRun: boolean): Promise<ImportReport>;
  switchDemo(on: boolean): Promise<void>;
}

function needApi(api: TransitApi | null): TransitApi {
  if (!api) throw new ApiError({ code: 'starting', message: 'Transit Ledger is still starting.' });
  return api;
}

function outcomeOf(error: unknown): Refusal {
  if (error instanceof ApiError && error.code === 'invalid' && error.issues.length > 0) {
    const blocking = error.issues.filter((issue) => !issue.overridable);
    return blocking.length === 0
      ? { status: 'confirm', issues: error.issues }
      : { status: 'invalid', issues: error.issues };
  }
  return { status: 'failed', ...failureOf(error) };
}

type SetScreen = (partial: Partial<ScreenState>) => void;

function screenSlice(set: SetScreen, get: () => ScreenState): ScreenState {
  return {
    tab: 'dashboard',
    entryForm: 0,
    reportsCommands: [],
    printPending: false,
    showTab: (tab) => set({ tab }),
    newShipment: () => set({ tab: 'entry', entryForm: get().entryForm + 1 }),
    menuCommand(command) {
      if (command === 'new-shipment') get().newShipment();
      else set({ tab: 'reports', reportsCommands: [...get().reportsCommands, command] });
    },
    takeReportsCommands() {
      const commands = get().reportsCommands;
      if (commands.length > 0) set({ reportsCommands: [] });
      return commands;
    },
    printDashboard: () => set({ tab: 'dashboard', printPending: true }),
    takePrint() {
      if (!get().printPending) return false;
      set({ printPending: false });
      return true;
    },
  };
}

/**
 * Counts this window's own switches to or from the demo, so a
 * poll answered meanwhile is not taken for another window's.
 */
let ownSwitches = 0;

export const useLedger = create<LedgerStore>()((set, get) => {
  /** A write refused because another window switched the ledger: show the ledger that is open now. */
  const afterRefusal = async (error: unknown) => {
    if (isLedgerSwitch(error)) await get().refresh();
  };

  return {
    ...screenSlice(set, get),
    api: null,
    info: null,
    year: new Date().getFullYear(),
    progress: null,
    shipments: [],
    targets: null,
    fleet: DEFAULT_FLEET,
    loading: false,
    error: null,
    lastSaved: null,
    notice: null,

    async init(api, year) {
      set({ api, year });
      await get().refresh();
    },

    async setYear(year) {
      set({ year });
      await get().refresh();
    },

    async refresh() {
      const api = get().api;
      if (!api) return;
      const year = get().year;
      set({ loading: true });
      try {
        const [info, progress, shipments, targets, fleet] = await Promise.all([
          api.info(),
          api.progress({ year }),
          api.listShipments({ year, includeVoided: true }),
          api.getTargets(year),
          api.getFleet(),
        ]);
        // A slower answer for a year the person has already left is dropped.
        if (get().year !== year) return;
        const before = get().info;
        const notice = noticeOf(before, info);
        // Undo must never reach into a ledger other than the one the cargo was saved in.
        const switched = before !== null && before.ledgerId !== info.ledgerId ? { lastSaved: null } : {};
        set({
          ...{ info, progress, shipments, targets, fleet, error: null },
          ...switched,
          ...(notice ? { notice } : {}),
        });
      } catch (error) {
        set({ error: failureOf(error) });
      } finally {
        set({ loading: false });
      }
    },

    async poll() {
      const { api, info: before, loading, error } = get();
      if (!api || loading) return;
      // The first load failed (the server was not answering): try it again rather than give up.
      if (!before) {
        if (error !== null) await get().refresh();
        return;
      }
      const switches = ownSwitches;
      let info: LedgerInfo;
      try {
        info = await api.info();
      } catch (failure) {
        set({ error: failureOf(failure) });
        return;
      }
      // Something this window did meanwhile has already reloaded, or is reloading, what it shows.
      if (switches !== ownSwitches || get().info !== before) return;
      if (error !== null || hasChanged(before, info)) await get().refresh();
    },

    dismissNotice() {
      set({ notice: null });
    },

    async check(input) {
      try {
        const { warnings } = await needApi(get().api).recordShipment(input, {
          check: true,
          ...guardOf(get().info),
        });
        return { status: 'ok', warnings };
      } catch (error) {
        await afterRefusal(error);
        return outcomeOf(error);
      }
    },

    async checkAmend(id, changes) {
      try {
        const { warnings } = await needApi(get().api).amendShipment(id, changes, {
          check: true,
          ...guardOf(get().info),
        });
        return { status: 'ok', warnings };
      } catch (error) {
        await afterRefusal(error);
        return outcomeOf(error);
      }
    },

    async record(input, force) {
      try {
        const { shipment, warnings } = await needApi(get().api).recordShipment(input, {
          force,
          ...guardOf(get().info),
        });
        set({ lastSaved: shipment });
        await get().refresh();
        return { status: 'saved', shipment, warnings };
      } catch (error) {
        await afterRefusal(error);
        return outcomeOf(error);
      }
    },

    async amend(id, changes, reason, force) {
      try {
        const { shipment, warnings } = await needApi(get().api).amendShipment(id, changes, {
          reason,
          force,
          ...guardOf(get().info),
        });
        await get().refresh();
        return { status: 'saved', shipment, warnings };
      } catch (error) {
        await afterRefusal(error);
        return outcomeOf(error);
      }
    },

    async voidShipment(id, reason) {
      try {
        await needApi(get().api).voidShipment(id, reason, guardOf(get().info));
        if (get().lastSaved?.id === id) set({ lastSaved: null });
        await get().refresh();
        return { ok: true };
      } catch (error) {
        await afterRefusal(error);
        return { ok: false, ...failureOf(error) };
      }
    },

    async undoLast(reason) {
      const last = get().lastSaved;
      if (!last) return false;
      const result = await get().voidShipment(last.id, reason);
      if (result.ok) set({ lastSaved: null });
      return result.ok;
    },

    history(id) {
      return needApi(get().api).shipmentHistory(id);
    },

    async saveTargets(annualTonnes, monthlyPlanTonnes, lossAllowancePercent) {
      const allowance = lossAllowancePercent === undefined ? {} : { lossAllowancePercent };
      try {
        const targets = await needApi(get().api).setTargets(
          { year: get().year, annualTonnes, monthlyPlanTonnes, ...allowance },
          guardOf(get().info),
        );
        set({ targets });
        await get().refresh();
        return { ok: true };
      } catch (error) {
        await afterRefusal(error);
        return { ok: false, ...failureOf(error) };
      }
    },

    async saveBaseline(year, tonnes, monthlyTonnes) {
      try {
        const request = monthlyTonnes === null ? { year, tonnes } : { year, tonnes, monthlyTonnes };
        const baseline = await needApi(get().api).setBaseline(request, guardOf(get().info));
        await get().refresh();
        return { ok: true, baseline };
      } catch (error) {
        await afterRefusal(error);
        return { ok: false, ...failureOf(error) };
      }
    },

    async saveVessel(input) {
      try {
        const fleet = await needApi(get().api).saveVessel(input, guardOf(get().info));
        set({ fleet });
        return { ok: true };
      } catch (error) {
        await afterRefusal(error);
        return { ok: false, ...failureOf(error) };
      }
    },

    async exportReport(report, format, separator, language) {
      return needApi(get().api).exportReport({ year: get().year, report, format, separator, language });
    },

    async importCsv(base64, dryRun) {
      const report = await needApi(get().api)
        .importCsv({ base64, dryRun }, guardOf(get().info))
        .catch(async (error: unknown) => {
          await afterRefusal(error);
          throw error;
        });
      if (report.committed) await get().refresh();
      return report;
    },

    async switchDemo(on) {
      ownSwitches++;
      const info = await needApi(get().api).useDemoLedger(on);
      set({ info, lastSaved: null, notice: null });
      await get().refresh();
    },
  };
});
