/**
 * The contract between every front end (CLI, Electron renderer, browser mode, tests) and the
 * ledger. A feature is a method here, its implementation in service.ts, and its use in a client.
 * Quantities are integer kilograms (`…Kg`); calendar dates are `YYYY-MM-DD` strings.
 */
import type { ErrorPayload, FieldIssue, IssueFacts } from './errors';
import type { SyncErrorRecord } from './sync/failure';
import { INPUT_KEYS, type InputFields, type InputKey, type Language, type StoredFields } from './fields';
import type { FleetVessel, VesselInput } from './fleet';

export type { ErrorPayload, FieldIssue, IssueFacts };
export type { SyncErrorRecord } from './sync/failure';

export { LANGUAGES, SHIPMENT_STATUSES } from './fields';
export type { Language, ShipmentStatus } from './fields';
export type { FleetVessel, VesselInput };

/**
 * What a person records about one cargo, validated and normalised: one property per row of the
 * field table (fields.ts), quantities under their stored names in kilograms (`netKg`).
 */
export type ShipmentFields = StoredFields;

export interface Shipment extends ShipmentFields {
  id: string;
  voided: boolean;
  voidReason: string | null;
  recordedAt: string;
  recordedBy: string;
  updatedAt: string;
  /**
   * Its place in the order cargoes were recorded (1 = the ledger's first): the journal's order, on
   * a station's ledger the fold's. Unlike `recordedAt`, it tells apart the rows of one import or of
   * the demo, which share a time. Absent on a cargo a check says a save would add.
   */
  recordedOrder?: number;
  /** On a station's ledger: the station that recorded the cargo. */
  station?: string | null;
  /** On a station's ledger: the kind of open conflict the cargo is in, or null. */
  conflict?: ConflictKind | null;
}

/** Two versions of one cargo written on the same base (fork), or one B/L number recorded twice (duplicate-bl). */
export type ConflictKind = 'fork' | 'duplicate-bl';

export interface ConflictVersion {
  /** The global id (`<station>:<seq>`) of the entry this version ends with. */
  eventId: string;
  station: string;
  action: 'record' | 'amend' | 'void';
  at: string;
  actor: string;
  reason: string | null;
  shipment: Shipment;
}

export interface Conflict {
  kind: ConflictKind;
  /** The cargo in conflict (fork), or the first of the cargoes sharing the B/L number. */
  shipmentId: string;
  shipmentIds: string[];
  blNumber: string | null;
  /** How it counts while open: its last agreed version (fork), each cargo as recorded (duplicate-bl). */
  shown: Shipment[];
  /** The competing versions, each with its station. */
  versions: ConflictVersion[];
}

/**
 * Untrusted input for one shipment, as a form, IPC payload, CSV row or CLI flags give it: the
 * field table's keys, quantities in tonnes as text ("9 959,5") or a number. shipment.ts decides
 * what is valid.
 */
export type ShipmentInput = InputFields;

/** The field table's input keys, in its order. */
export const SHIPMENT_INPUT_KEYS: readonly InputKey[] = INPUT_KEYS;

/**
 * The ledger a screen believes it writes to: LedgerInfo.ledgerId as it last read it. A write meant
 * for another ledger (the demo was opened, closed or rebuilt in another window since) is refused
 * with 'conflict' and writes nothing. Left out (the CLI, scripts), a write goes to the open ledger.
 */
export interface LedgerGuard {
  ledgerId?: string;
}

export interface WriteOptions extends LedgerGuard {
  /** Accept values flagged as unusual but possible (a cargo above 15,000 t, a second cargo just like one recorded). */
  force?: boolean;
  /**
   * Validate exactly as the save would (duplicate cargo and unusual values included) and write
   * nothing: a screen asks the core "is this valid, and what would you ask?" before it saves.
   * Refusals come back as a save's would ('invalid', overridable issues needing force); what the
   * save would accept but a person should be asked about comes back as the result's warnings, or,
   * when the check is refused, as further overridable issues after the refusal's own.
   */
  check?: boolean;
}

export interface AmendOptions extends WriteOptions {
  reason?: string;
}

export interface SaveResult {
  shipment: Shipment;
  /** Unusual values that were accepted; a UI may have asked for confirmation first. */
  warnings: FieldIssue[];
  /**
   * True for a check (WriteOptions.check): nothing was written, and `shipment` is the cargo as the
   * save would leave it (a new one with an empty id).
   */
  checked?: boolean;
}

export interface FieldChange {
  field: keyof ShipmentFields;
  before: string | number | null;
  after: string | number | null;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: 'record' | 'amend' | 'void';
  reason: string | null;
  changes: FieldChange[];
}

export interface ListQuery {
  year?: number;
  from?: string;
  to?: string;
  includeVoided?: boolean;
  /** On a station's ledger: only the cargoes this station recorded. */
  station?: string;
}

export interface YearTargets {
  year: number;
  annualKg: number;
  /** Twelve monthly figures, or null when the plan is the annual target spread by days. */
  monthlyPlanKg: number[] | null;
  /**
   * The transit loss (B/L − outturn) a cargo may show before it is flagged, in percent of its B/L
   * figure, at most 3 decimals: the trade's customary 0.5 until the year's targets set another.
   */
  lossAllowancePercent: number;
  /** 'default' until someone sets the year's target in the ledger. */
  source: 'default' | 'ledger';
}

/** What a close recorded of its month: the live cargoes, their tonnes, and a digest of their entries. */
export interface MonthFigures {
  shipments: number;
  kg: number;
  digest: string;
}

export interface PeriodStep {
  action: 'close' | 'reopen';
  at: string;
  actor: string;
  reason: string;
  /** A close's figures; absent on a reopen. */
  figures?: MonthFigures;
}

/** A month closed at least once: its state, its latest close, and every close and reopen. */
export interface Period {
  month: string;
  closed: boolean;
  lastClose: PeriodStep;
  steps: PeriodStep[];
}

/** A period as `periods()` reports it: with the month's figures now, and whether they differ from the close's. */
export interface PeriodReport extends Period {
  now: MonthFigures;
  /** The month's entries differ from what its latest close recorded (changed after a reopen, or by sync). */
  changedSinceClose: boolean;
}

export interface PeriodRequest {
  /** `YYYY-MM`. */
  month: unknown;
  reason: unknown;
}

export interface TargetsInput {
  year: unknown;
  annualTonnes: unknown;
  monthlyPlanTonnes?: unknown;
  /** Percent of the B/L figure, as text ("0,5") or a number; left out, the year's allowance stays as it is. */
  lossAllowancePercent?: unknown;
}

export interface Baseline {
  year: number;
  kg: number;
  /**
   * The baseline year's twelve monthly figures (kg, January first), adding up to `kg` exactly; absent
   * when only the total is known, and then its pace is the total pro rata to the days.
   */
  monthlyKg?: number[];
  source: 'default' | 'ledger';
}

/** How the baseline's pace through its year is drawn: pro rata to the days, or along its monthly figures. */
export type BaselinePace = 'pro-rata' | 'monthly';

export interface BaselineInput {
  year: unknown;
  tonnes: unknown;
  /** Twelve figures in tonnes, January first, adding up to `tonnes`; left out, the pace is pro rata. */
  monthlyTonnes?: unknown;
}

export interface ProgressQuery {
  year: unknown;
  /** Defaults to today at the load port, or to the year's last day for a past year. */
  asOf?: unknown;
}

/**
 * Where a month stands on the as-of date: 'closed' once its last day is counted, 'current' while
 * the as-of date falls before its last day, 'future' before its first day.
 */
export type MonthState = 'closed' | 'current' | 'future';

export interface MonthProgress {
  month: string; // YYYY-MM
  state: MonthState;
  /** The month's days up to and including the as-of date: all of them once closed, none in the future. */
  daysElapsed: number;
  shipments: number;
  tonnesKg: number;
  cumulativeKg: number;
  planKg: number;
  cumulativePlanKg: number;
  /**
   * The plan for the days elapsed: the month's plan once it is closed, the plan pro rata to the
   * as-of date while it runs (planKg × days elapsed / days in the month, to the kilogram), null
   * for a month not begun.
   */
  planToDateKg: number | null;
  /** tonnesKg − planToDateKg: negative when behind; null for a month not begun. */
  varianceKg: number | null;
  /**
   * Present for a month closed now: who closed it and on which day (periods.ts); `changedSinceClose`
   * when its entries differ from what the close recorded (a cargo received by sync from a station
   * that had not heard of the close).
   */
  closed?: { by: string; on: string; changedSinceClose?: true };
}

/** One point per day of the year; `actualKg` is null after the as-of date. */
export interface DailySeries {
  dates: string[];
  actualKg: (number | null)[];
  targetPaceKg: number[];
  baselinePaceKg: number[];
}

export interface Progress {
  year: number;
  asOf: string;
  daysInYear: number;
  daysElapsed: number;
  daysLeft: number;
  shipments: number;
  tonnesKg: number;
  targetKg: number;
  percentOfTarget: number;
  proRataKg: number;
  aheadKg: number;
  runRatePerDayKg: number;
  forecastKg: number;
  /** Null when no day is left in the year; 0 when the target is already reached. */
  requiredPerDayKg: number | null;
  baselineYear: number;
  baselineKg: number;
  /** How the baseline's pace (daily.baselinePaceKg, baselineProRataKg) is drawn. */
  baselinePace: BaselinePace;
  /** The baseline's pace to the as-of date: pro rata to the days, or along its monthly figures. */
  baselineProRataKg: number;
  /** Null in the baseline year itself: a year is not compared with itself. */
  changeVsBaselineKg: number | null;
  /** Null in the baseline year, and when the baseline pace is still zero (1 January before any day). */
  changeVsBaselinePercent: number | null;
  months: MonthProgress[];
  daily: DailySeries;
  /**
   * On a station's ledger: the year's cargoes in an open conflict between stations, counted in these
   * figures as the documented rule says (a fork as its last agreed version, a B/L number recorded
   * twice as each cargo recorded). Absent on a ledger that is no station's.
   */
  conflicted?: number;
}

/**
 * Year against year (issue 12 part 6): the chosen year against every earlier year with cargoes and the
 * baseline. Years of different length line up by day of year (day 60 is 29 February in a leap year,
 * 1 March in another), so each series has its own year's number of days.
 */
export interface YearComparison {
  year: number;
  asOf: string;
  alignment: 'day-of-year';
  /** Ascending, the chosen year last: the earlier years with cargoes, then the chosen one. */
  years: ComparedYear[];
  baseline: ComparedBaseline;
}

export interface ComparedYear {
  year: number;
  daysInYear: number;
  /** Days counted: all of an earlier year's, the chosen year's up to and including the as-of date. */
  daysCounted: number;
  shipments: number;
  totalKg: number;
  /** Twelve months, January first; null for a month of the chosen year not begun by the as-of date. */
  monthlyKg: (number | null)[];
  /** Cumulative kg at the end of each day of the year (index 0 = day 1); null after the as-of date. */
  cumulativeKg: (number | null)[];
}

export interface ComparedBaseline {
  year: number;
  kg: number;
  /** 'monthly' when the baseline holds its twelve figures; else 'pro-rata' (its total spread by days). */
  pace: BaselinePace;
  /** Its own monthly figures, or the total spread over its year's months by days (to the kilogram). */
  monthlyKg: number[];
  /** Its pace by day of its own year (index 0 = day 1), reaching `kg` on its last day. */
  cumulativeKg: number[];
}

export interface ReconcileQuery {
  year: unknown;
  /** `YYYY-MM` within the year: that month's cargoes only. */
  month?: unknown;
}

/** One cargo's outturn against its B/L figure. A cargo still waiting for its outturn has nulls, never a zero loss. */
export interface CargoReconciliation {
  id: string;
  blNumber: string | null;
  blDate: string;
  vessel: string;
  blKg: number;
  outturnKg: number | null;
  /** B/L − outturn: negative for a gain. */
  lossKg: number | null;
  /** lossKg in percent of blKg, rounded half away from zero to 3 decimals. */
  lossPercent: number | null;
  /** lossPercent above the year's allowance (exactly at it is within). */
  beyondAllowance: boolean;
}

/** Sums over the cargoes that have an outturn; `pending` counts those that do not. */
export interface LossTotals {
  /** Cargoes with an outturn. */
  cargoes: number;
  pending: number;
  blKg: number;
  outturnKg: number;
  lossKg: number;
  /** Null while no cargo has an outturn. */
  lossPercent: number | null;
  beyondAllowance: boolean;
  /** Cargoes beyond the allowance. */
  flagged: number;
}

export interface VesselReconciliation extends LossTotals {
  vessel: string;
}

export interface MonthReconciliation extends LossTotals {
  month: string; // YYYY-MM
}

export interface Reconciliation {
  year: number;
  /** The month asked for, or null for the whole year. */
  month: string | null;
  lossAllowancePercent: number;
  /** In B/L date order, pending cargoes included (with nulls). */
  cargoes: CargoReconciliation[];
  /** By vessel name, A to Z. */
  byVessel: VesselReconciliation[];
  /** The months with a cargo, in order. */
  byMonth: MonthReconciliation[];
  totals: LossTotals;
}

export interface VesselsQuery {
  year: unknown;
}

/** One cargo's voyage: transit days are calendar days from the B/L date; null while a date is not known. */
export interface CargoVoyage {
  id: string;
  blNumber: string | null;
  blDate: string;
  vessel: string;
  voyage: string | null;
  netKg: number;
  arrivalDate: string | null;
  dischargeDate: string | null;
  /** Arrival − B/L date, in calendar days. */
  daysAtSea: number | null;
  /** Discharge − B/L date, in calendar days: the transit the averages are made of. */
  transitDays: number | null;
}

/**
 * A vessel's year, or the fleet's (the totals). A voyage is a distinct voyage number; a cargo
 * without one is a voyage of its B/L date. Averages are null where there is nothing to average.
 */
export interface VoyageTotals {
  cargoes: number;
  netKg: number;
  /** netKg / cargoes, rounded half up to the kilogram. */
  averageCargoKg: number | null;
  voyages: number;
  /** Cargoes with a discharge date: the transit average is over these. */
  discharged: number;
  /** Cargoes without a discharge date yet: counted apart, never as a transit of zero days. */
  pending: number;
  /** Over the discharged cargoes, to 1 decimal. */
  averageTransitDays: number | null;
  /** Intervals between a vessel's successive voyages (its voyages less one). */
  turnarounds: number;
  /** Days from one voyage's B/L date to the vessel's next voyage's, averaged, to 1 decimal. */
  averageTurnaroundDays: number | null;
}

export interface VesselVoyages extends VoyageTotals {
  vessel: string;
}

export interface Voyages {
  year: number;
  /** In B/L date order. */
  cargoes: CargoVoyage[];
  /** By vessel name, A to Z. */
  byVessel: VesselVoyages[];
  totals: VoyageTotals;
}

/** `programme`: the year's nominations, CSV only. */
export type ReportName = 'register' | 'monthly' | 'reconciliation' | 'years' | 'vessels' | 'programme';
/** A CSV file for Excel, or an Excel workbook (numbers, dates, a frozen and filtered header, totals). */
export type ReportFormat = 'csv' | 'xlsx';
export type CsvSeparator = ',' | ';';

export interface ExportRequest {
  year: unknown;
  report: unknown;
  separator?: unknown;
  /**
   * The language of the headers and status words ('en', 'ru', 'az' or 'kk'): the reader's. Left
   * out, 'en'. Import reads a file written in any of the four, so every export comes back unchanged.
   */
  language?: Language;
  /** 'csv' (the separator applies) or 'xlsx'; left out, 'csv'. */
  format?: unknown;
}

export interface ExportedReport {
  fileName: string;
  format: ReportFormat;
  /**
   * A CSV file's whole text, BOM included, to be written as UTF-8; a workbook's bytes in base64
   * (a string, so every transport carries it as it carries the rest).
   */
  content: string;
  encoding: 'utf8' | 'base64';
  rows: number;
}

/**
 * The file to import: its bytes as base64 (what every transport can carry; the core decodes them,
 * see encoding.ts), or text a caller has already decoded. Exactly one of the two.
 */
export interface ImportRequest {
  base64?: unknown;
  text?: unknown;
  dryRun?: unknown;
  /**
   * Accept unusual values, as on a single write. Rows that look like a cargo already in the ledger
   * (or earlier in the file) are still skipped: importing a sheet again never adds it twice.
   */
  force?: unknown;
  /**
   * List every row in ImportReport.rows, plain rows to add included: what the CLI's --json prints.
   * Without it, rows lists only the rows with something to say, so a screen gets a report the
   * size of the problems, not of the file (a 50 MB sheet made 122 MB of JSON).
   */
  allRows?: unknown;
}

/** The encodings the core reads a CSV file in; anything else is refused with the line and byte. */
export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface ImportRowReport {
  /** The row's line in the file, the header being line 1. */
  line: number;
  /** 'skipped': a row the file itself marks as voided. */
  outcome: 'add' | 'duplicate' | 'skipped' | 'invalid';
  blNumber: string | null;
  /**
   * The row's cargo as read, so a person can find it and check it beside its message: the B/L
   * date as `YYYY-MM-DD` (null when the cell is blank or no real date), the vessel (null when
   * blank), the net quantity in kilograms (null when blank or not a readable quantity).
   */
  blDate: string | null;
  vessel: string | null;
  netKg: number | null;
  /**
   * The date and tonnes cells as the file writes them, where they could not be read (null where
   * they could, or are blank): "2026-02-31", "9,959" (which could be two figures), "abc".
   */
  blDateText: string | null;
  netTonnesText: string | null;
  issues: FieldIssue[];
  warnings: FieldIssue[];
}

export interface ImportReport {
  dryRun: boolean;
  /** True when the rows were written (a real run with no invalid row). */
  committed: boolean;
  added: number;
  duplicates: number;
  skipped: number;
  invalid: number;
  /**
   * The rows with something to say, in file order: every row with an issue or a warning, or an
   * outcome other than 'add'. A plain row to add (no issue, no warning) is listed only when the
   * request asked for allRows; otherwise it is counted in unlistedRows. The counts above always
   * cover the whole file.
   */
  rows: ImportRowReport[];
  /** Plain rows to add that rows leaves out: 0 when the request asked for allRows. */
  unlistedRows: number;
  /** Problems with the file as a whole (its encoding, no header, unknown columns, no rows). */
  fileIssues: FieldIssue[];
  /** How the file's bytes were read; null when it came as text or could not be read. */
  encoding: ImportEncoding | null;
}

/** Why an entry of the journal could not be kept. */
export type LossCode =
  | 'torn' // the last line was cut short by a crash while saving
  | 'damaged' // the line's checksum does not match its content
  | 'unreadable' // the line is not a journal entry any more (not JSON, no checksum)
  | 'removed' // entries absent from the file, with no damaged line in their place
  | 'cut-short' // confirmed entries missing at the end: the file is shorter than its tip says
  | 'replaced' // the file holds another version of the entry the tip confirmed: another copy was put in place
  | 'batch-incomplete' // a multi-entry write (an import) that never reached its commit
  | 'orphan'; // an intact entry that refers to something lost (an amendment of a lost record)

/** What a lost entry held of a cargo, as far as its line can still be read: a part is null where it cannot be. */
export interface LostCargo {
  blNumber: string | null;
  /** `YYYY-MM-DD` as the line holds it. */
  blDate: string | null;
  vessel: string | null;
  netKg: number | null;
}

/**
 * A lost entry that closed or reopened a month, as far as its damaged line still shows: the action
 * (null when only the month can be read) and the month (null when it cannot be read).
 */
export interface LostPeriod {
  action: 'close' | 'reopen' | null;
  /** `YYYY-MM`. */
  month: string | null;
}

/**
 * Why an intact entry could not be applied (a LostEntry 'orphan'): it refers to something lost, or
 * breaks a rule of the journal.
 */
export type RejectionCode =
  | 'amends-lost' // it amends a shipment whose record was lost
  | 'voids-lost' // it voids a shipment whose record was lost
  | 'recorded-twice' // a second record under a shipment id already recorded
  | 'not-a-date' // its B/L date is no calendar date (facts: date)
  | 'bl-number-taken'; // its B/L number is already recorded for another live shipment (facts: blNumber)

export interface EntryRejection {
  code: RejectionCode;
  /** The specifics a page words the reason with: the shipment's id, the date or B/L number at fault. */
  facts: IssueFacts;
}

export interface LostEntry {
  code: LossCode;
  /** The line in the damaged file, or null where nothing of the entry is left in it. */
  line: number | null;
  /** The first entry number concerned, when known. */
  seq: number | null;
  /** How many entries: more than one for a removed range or a dropped batch. */
  count: number;
  /** True when the entry had been confirmed to someone (saved and acknowledged): a real loss. */
  confirmed: boolean;
  /** For an 'orphan': why it could not be applied. Null for every other code, whose reason the code says. */
  cause: EntryRejection | null;
  /**
   * The cargo the entry held, as far as its line can still be read, so a person can re-enter it
   * from the bill of lading; null when it held no cargo or nothing of one can be read.
   */
  cargo: LostCargo | null;
  /** A damaged line's own text when nothing of an entry can be read from it (control characters as `?`); else null. */
  text: string | null;
  /**
   * Present when the entry closed or reopened a month: that month takes no write until a manager
   * closes it again or reopens it (periods.ts), since whether it was closed is no longer known.
   */
  period?: LostPeriod;
  /** The reason in English: what the CLI and the log say. A screen words `code` and `cause` instead. */
  reason: string;
  /** What the entry held, in English, as far as it can still be read: the CLI's and the log's. */
  excerpt: string;
}

/** Something found in the file that lost nothing but is not how the app writes it. */
export type NoteCode =
  | 'reordered' // lines out of order: all present
  | 'duplicate' // the same line twice: the copy is dropped
  | 'fork' // two different entries with one number (two programs wrote at once): both kept
  | 'line-ends' // CRLF line ends or a BOM added by an editor
  | 'no-final-newline' // the last entry is complete but its newline is missing
  | 'altered' // an entry was changed after it was written, its checksum recomputed
  | 'blank' // blank lines added by an editor
  | 'marker' // the begin or commit line of an import is damaged; its cargoes are intact
  | 'tip-missing' // the tip file is gone: a shortened end cannot be checked
  | 'empty'; // the file is empty: not even its header is left

export interface RecoveryNote {
  code: NoteCode;
  line: number | null;
  seq: number | null;
  /** True when the finding means the file cannot be trusted as complete, though no entry is known lost. */
  serious: boolean;
  message: string;
}

export interface RecoveryReport {
  /** Where the damaged original was kept, byte for byte. */
  backupPath: string | null;
  keptEntries: number;
  lost: LostEntry[];
  notes: RecoveryNote[];
  /** Confirmed entries that are gone (each removed range and dropped batch counted in full). */
  confirmedLost: number;
  /** True when nothing confirmed is missing and nothing serious was found: totals are whole. */
  complete: boolean;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  path: string;
  entries: number;
  shipments: number;
  voided: number;
  totalKg: number;
  problems: LostEntry[];
  /**
   * What was found that lost nothing (lines out of order, an
   * editor's line ends) or cannot be judged (a missing tip).
   */
  notes: RecoveryNote[];
  /** Confirmed entries that are gone; 0 when the totals are whole. */
  confirmedLost: number;
  /** True when nothing confirmed is missing and nothing serious was found. */
  complete: boolean;
  /** Months whose close or reopen a repair lost, not yet closed again or reopened: they take no write. */
  unsettledMonths: string[];
  message: string;
}

/**
 * Who holds a ledger for writing, as facts the screen words in its own language. A part is null
 * when it is not known: the lock file cannot be read, or is being written this instant.
 */
export interface LedgerWriter {
  /** The holder's login name. */
  user: string | null;
  /** The computer it runs on. */
  host: string | null;
  /** When it took the lock, an ISO 8601 instant. */
  since: string | null;
}

export interface LedgerInfo {
  path: string;
  /**
   * Months a repair left held (their close or reopen was lost): no write dated in them until a
   * manager closes one again or reopens it. Absent when there are none.
   */
  heldMonths?: string[];
  /** What is open: 'real', or 'demo-<random>', new each time the demo is built. Writes name it (LedgerGuard). */
  ledgerId: string;
  readOnly: boolean;
  /** While read-only: who holds the ledger for writing, as its lock names them; null when nobody does. */
  writer: LedgerWriter | null;
  /** True while the separate demo ledger is open instead of the real one. */
  demo: boolean;
  entries: number;
  /**
   * On a station's ledger: the entries received from the other stations, all told. A sync that pulls
   * changes this and not `entries` (this ledger's own journal), so a window watches both.
   */
  received?: number;
  shipments: number;
  /** The years with live cargoes, ascending. */
  years: number[];
  /**
   * The years whose target the ledger sets (a target event), ascending. Left out by a peer that
   * does not know them: then no year is known to have one.
   */
  targetYears?: number[];
  /** The baseline year every year is compared with (Baseline.year), so a year list can name it. */
  baselineYear?: number;
  /** Set when this open found damage: recovered (read-write) or merely seen (read-only). */
  recovery: RecoveryReport | null;
}

/** The app's colours: the operating system's choice, or always light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** What the last entry carried to the next (the field table's carryOver rows), as typed. */
export type EntryDefaults = Partial<Record<InputKey, string>>;

/**
 * A person's preferences, kept in the app's data folder (`preferences.json` beside the ledger),
 * so the desktop app and browser mode on any port start with the same ones.
 */
export interface Preferences {
  /** null: follow the operating system's language. */
  language: Language | null;
  theme: ThemeChoice;
  /** null: `;` for Russian, Azerbaijani and Kazakh Excel, `,` for English. */
  separator: CsvSeparator | null;
  entryDefaults: EntryDefaults;
}

/** The preferences as the data folder holds them. */
export interface StoredPreferences {
  preferences: Preferences;
  /**
   * False while no preferences file is kept (never saved, or a damaged one was just set aside):
   * a window then moves what its browser storage held into the file, once.
   */
  stored: boolean;
}

/**
 * What the Sync panel sends to make this ledger a station:
 * the server, the station's id, and (desktop only) its login.
 */
export interface SyncSetupRequest {
  url: unknown;
  station: unknown;
  /** Plain http:// to another computer, on a network the person trusts. */
  insecure?: unknown;
  /** The CouchDB user and password, given together; kept by the desktop app only, never returned. */
  user?: unknown;
  password?: unknown;
}

/** A connection to try: any part left out is the one set up (the address) or kept (the login). */
export interface ConnectionRequest {
  url?: unknown;
  insecure?: unknown;
  user?: unknown;
  password?: unknown;
}

/** Where sync takes its login from. Never the password itself: no answer carries it. */
export interface SyncCredentialsInfo {
  source: 'stored' | 'environment' | null;
  user: string | null;
  /** True where the app keeps a login given in the Sync panel (the desktop app); false in browser mode. */
  canStore: boolean;
}

export interface SyncState {
  /** Null until the ledger is set up as a station. */
  station: string | null;
  url: string | null;
  insecure: boolean;
  /** The last round that completed, an ISO 8601 instant. */
  lastSync: string | null;
  /**
   * Why the last round failed, when it did (cleared by the next that completes): a code (the
   * failure's, as `sync.unreachable`) and its facts, which a screen words in its language.
   */
  lastError: SyncErrorRecord | null;
  /** Own entries the server does not have yet. */
  waiting: number;
  conflicts: number;
  /** Received entries waiting for other stations' entries they follow. */
  waitingForOthers: number;
  refused: { id: string; reason: string }[];
  credentials: SyncCredentialsInfo;
  /** A round is under way. */
  running: boolean;
}

export interface SyncOutcome {
  pushed: number;
  /** Station → entries received from it. */
  pulled: Record<string, number>;
  refused: number;
  state: SyncState;
}

export interface ConnectionReport {
  ok: boolean;
  url: string;
  /** Why not: the server cannot be reached, refuses this login, or has no ledger database. */
  failure: 'unreachable' | 'refused' | 'setup' | null;
  message: string;
  /** Why not, as a code and its facts a screen words in its language. */
  error?: SyncErrorRecord;
}

/** A backup as listed: daily at the first write of a day, monthly, or made on request. */
export interface BackupSummary {
  name: string;
  path: string;
  kind: 'daily' | 'monthly' | 'manual';
  createdAt: string;
  /** The own journal's entries, live shipments and their total when it was made (verified in the copy). */
  entries: number;
  shipments: number;
  totalKg: number;
  /** The other stations' journals it holds. */
  stations: string[];
}

/** The last backup attempt that failed: its code and facts (a path, a reason), worded by the page. */
export interface BackupProblem {
  at: string;
  code: string;
  facts: IssueFacts;
  message: string;
}

export interface BackupStatus {
  /** Where backups go: the folder chosen for this ledger, else the one beside it. */
  folder: string;
  chosen: boolean;
  /** True where backups happen at the first write of each day (the real ledger, in a writing process). */
  automatic: boolean;
  /** The newest good backup. */
  last: BackupSummary | null;
  /** The latest attempt, when it failed after the newest good backup. */
  failure: BackupProblem | null;
  /** What Settings warns of: the last attempt failed, the newest backup is over two days old, or there is none. */
  warning: 'none' | 'failed' | 'stale' | 'never';
  /** Every good backup in the folder, newest first. */
  backups: BackupSummary[];
}

export interface BackupFolderRequest {
  /** An absolute folder (a USB stick, a network share); null goes back to the folder beside the ledger. */
  folder: string | null;
}

/** A nomination of a month's loading programme, as the journal holds it: tonnes in kilograms. */
export interface NominationFields {
  id: string;
  /** The month it was nominated in (`YYYY-MM`): its month even when the laycan runs into the next. */
  month: string;
  /** As the fleet names the tanker (as typed when confirmed unknown). */
  vessel: string;
  /** The laycan, inclusive, `YYYY-MM-DD` at the load port. */
  laycanFrom: string;
  laycanTo: string;
  tonnesKg: number;
}

/** open: laycan not over and nothing loaded; loaded: a cargo fulfils it; missed: laycan over, nothing loaded. */
export type NominationState = 'open' | 'loaded' | 'missed' | 'cancelled';

/** A cargo that fulfils a nomination, or could be tied to one by hand. */
export interface ProgrammeCargo {
  id: string;
  blDate: string;
  blNumber: string | null;
  vessel: string;
  netKg: number;
  /** Tied by hand rather than matched by vessel and laycan. */
  byHand: boolean;
}

export interface NominationStatus extends NominationFields {
  state: NominationState;
  cargoes: ProgrammeCargo[];
  loadedKg: number;
  nominatedAt: string;
  nominatedBy: string;
  cancelReason: string | null;
  /** Live cargoes dated near the laycan that a person may tie to it by hand, the same vessel first. */
  candidates: ProgrammeCargo[];
}

/** A month's programme as of a day: its nominations and where it stands against the month's plan. */
export interface Programme {
  month: string;
  asOf: string;
  /** The month is closed: its programme cannot change until it is reopened. */
  closed: boolean;
  /** In laycan order (then vessel, then id); cancelled ones last. */
  nominations: NominationStatus[];
  /** The month's plan: the year's monthly plan, or the annual target spread by days (progress.ts). */
  planKg: number;
  /** Every live cargo B/L-dated in the month, nominated or not. */
  shippedKg: number;
  /** The open nominations' planned tonnes. */
  nominatedKg: number;
  /** The live nominations' planned tonnes, whatever their state. */
  programmeKg: number;
  /** shipped + still nominated. */
  outlookKg: number;
  /** plan − outlook: above zero the month falls short of its plan by this much. */
  gapKg: number;
}

export interface ProgrammeQuery {
  month: unknown;
  /** Default: today at Aktau. */
  asOf?: unknown;
}

/** What a form or the command line sends: dates as clerks write them, tonnes as typed. */
export interface NominationInput {
  month: unknown;
  vessel: unknown;
  laycanFrom: unknown;
  laycanTo: unknown;
  tonnes: unknown;
}

export interface NominationCancel {
  id: unknown;
  reason: unknown;
}

/** Ties a cargo to a nomination by hand (linked), or keeps it from one (not linked). */
export interface NominationLink {
  id: unknown;
  cargo: unknown;
  linked: unknown;
}

export interface TransitApi {
  info(): Promise<LedgerInfo>;
  recordShipment(input: ShipmentInput, options?: WriteOptions): Promise<SaveResult>;
  amendShipment(id: string, changes: ShipmentInput, options?: AmendOptions): Promise<SaveResult>;
  voidShipment(id: string, reason: string, options?: LedgerGuard): Promise<Shipment>;
  shipmentHistory(id: string): Promise<HistoryEntry[]>;
  listShipments(query: ListQuery): Promise<Shipment[]>;
  getTargets(year: number): Promise<YearTargets>;
  setTargets(input: TargetsInput, options?: LedgerGuard): Promise<YearTargets>;
  getBaseline(): Promise<Baseline>;
  setBaseline(input: BaselineInput, options?: LedgerGuard): Promise<Baseline>;
  /** The fleet a vessel name is matched to, retired tankers too (the domain facts' tankers until changed). */
  getFleet(): Promise<FleetVessel[]>;
  /** Adds a tanker (no id) or changes one, retiring included; returns the fleet as it now is. */
  saveVessel(input: VesselInput, options?: LedgerGuard): Promise<FleetVessel[]>;
  progress(query: ProgressQuery): Promise<Progress>;
  /** The year against earlier years and the baseline, by day of year, and their months side by side. */
  compareYears(query: ProgressQuery): Promise<YearComparison>;
  /** Outturn against B/L figure by cargo, vessel and month, against the year's loss allowance. */
  reconcile(query: ReconcileQuery): Promise<Reconciliation>;
  /** Per vessel for a year: cargoes, tonnes, voyages, average transit and turnaround days, with totals. */
  vessels(query: VesselsQuery): Promise<Voyages>;
  exportReport(request: ExportRequest): Promise<ExportedReport>;
  importCsv(request: ImportRequest, options?: LedgerGuard): Promise<ImportReport>;
  verify(): Promise<VerifyReport>;
  /** Switches between the real ledger and a separate demo ledger; the two are never mixed. */
  useDemoLedger(on: boolean): Promise<LedgerInfo>;
  /** The preferences kept in the app's data folder (defaults where none are kept); the same for every window. */
  preferences(): Promise<StoredPreferences>;
  /** Replaces the preferences `change` names and keeps the others; answers what the folder now holds. */
  savePreferences(change: Partial<Preferences>): Promise<StoredPreferences>;
  /** Where sync stands: station, server, last sync, entries waiting, open conflicts; never a password. */
  syncStatus(): Promise<SyncState>;
  /** One round now (pull, then push); refused with 'sync' when the server cannot be reached or refuses. */
  syncNow(options?: LedgerGuard): Promise<SyncOutcome>;
  /** Makes this ledger a station (once) with its server, as `sync setup`; the desktop app also keeps the login. */
  syncSetup(request: SyncSetupRequest, options?: LedgerGuard): Promise<SyncState>;
  /** Asks the server whether it lets the login in; writes nothing. */
  testConnection(request?: ConnectionRequest): Promise<ConnectionReport>;
  /** Open conflicts between stations: forks of one cargo and B/L numbers recorded twice. */
  conflicts(): Promise<Conflict[]>;
  /** Makes a month's figures final: nothing dated in it may be recorded, amended or voided until reopened. */
  closeMonth(request: PeriodRequest, options?: LedgerGuard): Promise<PeriodReport>;
  /**
   * Reopens a closed month; also settles as open a month a repair held (its close lost) that has no
   * close left in the journal, and then answers null: there is no period to report.
   */
  reopenMonth(request: PeriodRequest, options?: LedgerGuard): Promise<PeriodReport | null>;
  /** Every month ever closed, in calendar order, with its figures now against the close's. */
  periods(): Promise<PeriodReport[]>;
  /** Where backups go, the newest good one, and whether Settings should warn. */
  backupStatus(): Promise<BackupStatus>;
  /** Makes a verified backup now, into the ledger's backup folder. */
  backupNow(options?: LedgerGuard): Promise<BackupStatus>;
  /** Chooses the ledger's backup folder (kept beside the ledger, so every program on it agrees). */
  setBackupFolder(request: BackupFolderRequest, options?: LedgerGuard): Promise<BackupStatus>;
  /** A month's loading programme: each nomination's state as of a day, and the month against its plan. */
  programme(query: ProgrammeQuery): Promise<Programme>;
  /** Adds a nomination (an unknown tanker is asked about unless force); answers its month's programme. */
  nominate(input: NominationInput, options?: WriteOptions): Promise<Programme>;
  cancelNomination(request: NominationCancel, options?: LedgerGuard): Promise<Programme>;
  linkNomination(request: NominationLink, options?: WriteOptions): Promise<Programme>;
}

/** The method list, written once beside this interface and checked against it: api-methods.ts. */
export { TRANSIT_API, TRANSIT_API_METHODS, type TransitMethod } from './api-methods';
