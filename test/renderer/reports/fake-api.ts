/** A TransitApi double for the Reports and Settings screens: every method a jest.fn with a sensible answer. */
import type {
  BackupStatus,
  BackupSummary,
  ImportReport,
  ImportRowReport,
  LedgerInfo,
  Programme,
  Progress,
  TransitApi,
  WriteOptions,
  YearTargets,
} from '../../../electron/core/api';
import { mergePreferences, readPreferences } from '../../../electron/core/preferences';
import { DEFAULT_FLEET } from '../../../electron/core/fleet';
import { useLedger } from '../../../renderer/src/store';
import { useSettings, type Language } from '../../../renderer/src/settings';

export const YEAR = 2024;

export function ledgerInfo(change: Partial<LedgerInfo> = {}): LedgerInfo {
  return {
    path: '/home/anna/.config/Transit Ledger/ledger.jsonl',
    ledgerId: 'real',
    readOnly: false,
    writer: null,
    demo: false,
    entries: 1234,
    shipments: 1180,
    years: [2023, 2024],
    recovery: null,
    ...change,
  };
}

export function yearTargets(change: Partial<YearTargets> = {}): YearTargets {
  return {
    year: YEAR,
    annualKg: 2_200_000_000,
    monthlyPlanKg: null,
    lossAllowancePercent: 0.5,
    source: 'default',
    ...change,
  };
}

export function importReport(change: Partial<ImportReport> = {}): ImportReport {
  return {
    dryRun: true,
    committed: false,
    added: 0,
    duplicates: 0,
    skipped: 0,
    invalid: 0,
    rows: [],
    unlistedRows: 0,
    fileIssues: [],
    encoding: 'utf-8',
    ...change,
  };
}

/** A listed row of an import report: a cargo as read (Astana, 1 March 2024, 9,959.5 t) unless `change` says else. */
export function importRow(change: Partial<ImportRowReport> & Pick<ImportRowReport, 'line'>): ImportRowReport {
  return {
    outcome: 'add',
    blNumber: null,
    blDate: '2024-03-01',
    vessel: 'Astana',
    netKg: 9_959_500,
    blDateText: null,
    netTonnesText: null,
    issues: [],
    warnings: [],
    ...change,
  };
}

/** Backups as a ledger written to today has them: yesterday's daily one beside the ledger, nothing to warn of. */
export function backupState(change: Partial<BackupStatus> = {}): BackupStatus {
  const last: BackupSummary = {
    name: 'ledger-daily-2024-08-14',
    path: '/home/anna/.config/Transit Ledger/ledger.jsonl.backups/ledger-daily-2024-08-14',
    kind: 'daily',
    createdAt: '2024-08-14T04:12:00.000Z',
    entries: 1230,
    shipments: 1176,
    totalKg: 11_700_000_000,
    stations: [],
  };
  return {
    folder: '/home/anna/.config/Transit Ledger/ledger.jsonl.backups',
    chosen: false,
    automatic: true,
    last,
    failure: null,
    warning: 'none',
    backups: [last],
    ...change,
  };
}

/** A month without nominations, nothing shipped, against no plan. */
export function emptyProgramme(month: string): Programme {
  return {
    month,
    asOf: `${month}-15`,
    closed: false,
    nominations: [],
    planKg: 0,
    shippedKg: 0,
    nominatedKg: 0,
    programmeKg: 0,
    outlookKg: 0,
    gapKg: 0,
  };
}

export type FakeApi = { [K in keyof TransitApi]: jest.Mock };

/** A write's options: a check (WriteOptions.check) writes nothing and is no save. */
const isCheck = (options: unknown) => (options as WriteOptions | undefined)?.check === true;

/** Until a test says otherwise, a check is answered as the core answers a sound form: no questions. */
const answersChecks = (options: unknown) =>
  isCheck(options)
    ? Promise.resolve({ shipment: {}, warnings: [], checked: true })
    : Promise.resolve(undefined);

export function fakeApi(): FakeApi {
  const progress = { year: YEAR, months: [] } as unknown as Progress;
  return {
    info: jest.fn(async () => ledgerInfo()),
    recordShipment: jest.fn((_input: unknown, options?: unknown) => answersChecks(options)),
    amendShipment: jest.fn((_id: unknown, _changes: unknown, options?: unknown) => answersChecks(options)),
    voidShipment: jest.fn(),
    shipmentHistory: jest.fn(async () => []),
    listShipments: jest.fn(async () => []),
    getTargets: jest.fn(async () => yearTargets()),
    setTargets: jest.fn(async () => yearTargets({ source: 'ledger' })),
    getBaseline: jest.fn(async () => ({ year: 2023, kg: 1_057_000_000, source: 'default' as const })),
    setBaseline: jest.fn(),
    getFleet: jest.fn(async () => DEFAULT_FLEET.map((vessel) => ({ ...vessel }))),
    saveVessel: jest.fn(async () => DEFAULT_FLEET.map((vessel) => ({ ...vessel }))),
    progress: jest.fn(async () => progress),
    // The dashboard's year-against-year card asks on every render; these specs are not about it: it stays loading.
    compareYears: jest.fn(() => new Promise<never>(() => undefined)),
    reconcile: jest.fn(),
    vessels: jest.fn(),
    exportReport: jest.fn(async () => ({
      fileName: `transit-register-${YEAR}.csv`,
      content: '\uFEFFID,B/L date\r\n',
      rows: 0,
    })),
    importCsv: jest.fn(async () => importReport()),
    verify: jest.fn(),
    useDemoLedger: jest.fn(async (on: boolean) => ledgerInfo({ demo: on })),
    preferences: jest.fn(async () => ({ preferences: readPreferences(null), stored: false })),
    savePreferences: jest.fn(async (change: unknown) => ({
      preferences: mergePreferences(readPreferences(null), change),
      stored: true,
    })),
    syncStatus: jest.fn(),
    syncNow: jest.fn(),
    syncSetup: jest.fn(),
    testConnection: jest.fn(),
    conflicts: jest.fn(async () => []),
    closeMonth: jest.fn(),
    reopenMonth: jest.fn(),
    periods: jest.fn(async () => []),
    backupStatus: jest.fn(async () => backupState()),
    backupNow: jest.fn(async () => backupState()),
    setBackupFolder: jest.fn(async () => backupState()),
    programme: jest.fn(async (query: { month: string }) => emptyProgramme(query.month)),
    nominate: jest.fn(),
    cancelNomination: jest.fn(),
    linkNomination: jest.fn(),
  };
}

/** Puts the store in the state the app would reach after loading the year, without a network. */
export function loadStore(api: FakeApi, change: { info?: LedgerInfo; targets?: YearTargets } = {}): void {
  useLedger.setState({
    api: api as unknown as TransitApi,
    year: YEAR,
    info: change.info ?? ledgerInfo(),
    targets: change.targets ?? yearTargets(),
    progress: null,
    shipments: [],
    error: null,
    loading: false,
    lastSaved: null,
    tab: 'reports',
    reportsCommands: [],
    printPending: false,
  });
}

export function resetSettings(language: Language | null): void {
  localStorage.clear();
  useSettings.setState({ language, theme: 'system', separator: null, entryDefaults: {} });
}

/** A preview cell's text; the vessel's cell holds the vessel and, under it, the B/L number: "Astana / KZ-1". */
export function cellText(cell: HTMLElement): string {
  if (!cell.classList.contains('rs-vessel')) return cell.textContent ?? '';
  return [...cell.children].map((part) => part.textContent ?? '').join(' / ');
}
