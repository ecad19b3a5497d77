/**
 * TransitApi implemented on one ledger file. Every write is: validate → append (durable) → apply;
 * a refused call writes nothing. The CLI, the Electron main process and browser mode all use this.
 */
import crypto from 'node:crypto';
import type {
  AmendOptions,
  BackupStatus,
  Baseline,
  ConnectionReport,
  ConnectionRequest,
  ExportedReport,
  FieldIssue,
  FleetVessel,
  HistoryEntry,
  ImportReport,
  Period,
  PeriodReport,
  Language,
  ReportFormat,
  CsvSeparator,
  ImportRowReport,
  IssueFacts,
  LedgerGuard,
  LedgerInfo,
  ListQuery,
  NominationCancel,
  NominationInput,
  NominationLink,
  Programme,
  ProgrammeQuery,
  Preferences,
  Progress,
  Reconciliation,
  Voyages,
  SaveResult,
  Shipment,
  ShipmentFields,
  ShipmentInput,
  StoredPreferences,
  SyncOutcome,
  VesselInput,
  SyncSetupRequest,
  SyncState,
  TransitApi,
  VerifyReport,
  WriteOptions,
  YearComparison,
  YearTargets,
} from './api';
import { todayAtLoadPort } from './calendar';
import {
  monthlyCsv,
  parseShipmentFile,
  registerCsv,
  type RegisterStations,
  rowCargo,
  type ParsedCsvRow,
  type RowCargo,
} from './csv';
import { invalid, stated, TransitError } from './errors';
import type { EventPayload, LedgerEvent } from './events';
import { STORED_KEYS } from './fields';
import { diskFacts, diskTrouble } from './journal/disk-words';
import { makeFolders } from './folders';
import { VESSEL_MATCHED } from './fleet';
import { parseVesselRequest } from './fleet-request';
import { Ledger, type LedgerIo } from './ledger';
import { lockWriter } from './lock';
import { PreferencesFile, preferencesPathFor } from './preferences-file';
import { defaultAsOf, progressFromDays } from './progress';
import { reconcile } from './reconcile';
import { compareYears } from './year-compare';
import { yearsCsv } from './year-compare-report';
import { reconciliationCsv } from './reconcile-csv';
import { voyages } from './voyages';
import { voyagesCsv } from './voyages-csv';
import {
  parseBackupFolderRequest,
  parseDate,
  parseBaselineRequest,
  parsePeriodRequest,
  parseExportRequest,
  parseId,
  parseImportRequest,
  parseLedgerGuard,
  parseListQuery,
  parseProgressQuery,
  parseReconcileQuery,
  parseVesselsQuery,
  parseReason,
  parseTargetsRequest,
  parseWriteOptions,
  parseYear,
} from './requests';
import {
  DUPLICATE_CARGO,
  blLookKey,
  cleanIdentifier,
  normaliseBlNumber,
  sameCargoKey,
  validateAmendment,
  validateShipment,
  type SameCargoCandidate,
  type ValidationContext,
} from './shipment';
import { LedgerState } from './state';
import { StationBook } from './stations/book';
import { conflictedCargoes } from './stations/conflicted';
import type { Conflict } from './stations/fold';
import { isStationId, parseStationId, stationsDir } from './stations/ids';
import {
  environmentCredentials,
  setupSync,
  syncNow,
  syncState,
  testConnection,
  type CredentialStore,
} from './sync/app';
import { verifyLedger } from './verify';
import { monthFigures, sameFigures } from './month-figures';
import { allowanceLockedIssue, alreadyClosed, closedOn } from './periods';
import { readNomination } from './nomination';
import { nominationCount, programmeCsv } from './programme-csv';
import {
  cancelEntry,
  linkEntry,
  programmeMonth,
  programmeOf,
  refuseClosedProgramme,
} from './programme-service';
import { csvReport, loadWorkbooks, workbookReport } from './report-files';
import type { WorkbookContext } from './xlsx/reports';
import { BackupKeeper, type BackupMode } from './backup/keeper';
import { readSyncFile, type Snapshot } from './backup/snapshot';

export interface ServiceOptions {
  readOnly?: boolean;
  /** Who is recorded as doing each write (the OS user). */
  actor?: string;
  now?: () => Date;
  io?: Partial<LedgerIo>;
  appName?: string;
  /** LedgerInfo.ledgerId of this ledger: 'real' unless the workspace opens it as a demo. */
  ledgerId?: string;
  /**
   * For a ledger opened read-only because another program held it: take it for writing as soon as
   * that program lets go (looked at before each call, as cheaply as the lock file can be read).
   * A writer that loses its lock to another program does the same without being asked.
   */
  takeOverWhenFree?: boolean;
  /**
   * Where sync takes the server's user and password from: the desktop app's safeStorage store;
   * TRANSIT_SYNC_USER / TRANSIT_SYNC_PASSWORD from the environment unless given.
   */
  credentials?: CredentialStore;
  /** auto: a daily and a monthly backup at the first write of a day; manual (the default): on request; off. */
  backups?: BackupMode;
}

/**
 * The ledger file and the state folded from it, opened together and replaced together. A station's
 * ledger (a stations folder beside it) is folded with the journals received from the other stations.
 */
function openLedger(
  path: string,
  options: ServiceOptions,
  readOnly: boolean,
): { ledger: Ledger; state: LedgerState; book: StationBook | null } {
  const book = StationBook.present(path) ? StationBook.load(path, !readOnly) : null;
  const state = book ? null : new LedgerState();
  const ledger = Ledger.open(path, {
    apply: book ? book.apply : (state as LedgerState).apply,
    readOnly,
    actor: options.actor,
    now: options.now,
    io: options.io,
    appName: options.appName,
  });
  if (book) book.finishOpen(ledger.lastSeq);
  return { ledger, state: book ? book.state : (state as LedgerState), book };
}

// 32 letters and digits that cannot be mistaken for each other (no l, o, 0, 1): 50 random bits in 10 characters.
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const ID_LENGTH = 10;

// One call to the system's random source per 4 KiB of ids: a call per id was a quarter of the cost of recording.
const randomPool = Buffer.alloc(4096);
let randomOffset = randomPool.length;

function randomByte(): number {
  if (randomOffset === randomPool.length) {
    crypto.randomFillSync(randomPool);
    randomOffset = 0;
  }
  return randomPool[randomOffset++] as number;
}

function byBlDate(a: Shipment, b: Shipment): number {
  if (a.blDate !== b.blDate) return a.blDate < b.blDate ? -1 : 1;
  return a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0;
}

function copy(shipment: Shipment): Shipment {
  return { ...shipment };
}

const isReal = (ledgerId: string) => ledgerId === 'real';

/** Every stored field of a cargo: what an edit resolving competing versions writes, so the result is exactly it. */
function wholeFields(shipment: Shipment): Partial<ShipmentFields> {
  const fields: Record<string, unknown> = {};
  for (const key of STORED_KEYS) fields[key] = shipment[key];
  return fields as Partial<ShipmentFields>;
}

/** The refusal of a write meant for another ledger than the open one, worded for the window that sent it. */
function ledgerSwitched(expected: string, current: string): TransitError {
  const [code, message] = isReal(expected)
    ? [
        'ledger.switched_to_demo',
        'Nothing was saved: this window was showing the real ledger, ' +
          'but the demo ledger was opened in another window. This window now shows the demo ledger; ' +
          'to record this in your own ledger, go back to it and save again.',
      ]
    : isReal(current)
      ? [
          'ledger.switched_to_real',
          'Nothing was saved: this window was showing the demo ledger, ' +
            'but another window went back to the real ledger. ' +
            'This window now shows the real ledger; save again only if this belongs in it.',
        ]
      : [
          'ledger.demo_renewed',
          'Nothing was saved: the demo ledger this window was showing was built afresh in another window. ' +
            'This window now shows the new demo ledger.',
        ];
  return new TransitError('conflict', message, [
    { field: 'ledgerId', code, message, facts: { expected, current } },
  ]);
}

/** A listed row's cargo before it is read (rowCargo). */
const NO_CARGO: RowCargo = { blDate: null, vessel: null, netKg: null, blDateText: null, netTonnesText: null };

/**
 * An import row's duplicate issue in the import's words: skipped,
 * and where its twin is (the ledger or a line of the file).
 */
function importDuplicate(twin: FieldIssue, lineOfNew: ReadonlyMap<string, number>): FieldIssue {
  const facts: IssueFacts = twin.facts ?? {};
  const line = lineOfNew.get(String(facts.id));
  const what = `A cargo of ${facts.vessel} on ${facts.date} with the same tonnes`;
  const message =
    line === undefined
      ? `${what} is already in the ledger (id ${facts.id}); skipped.`
      : `${what} already appears on line ${line} of this file; skipped.`;
  return {
    field: '',
    code: DUPLICATE_CARGO,
    message,
    facts: line === undefined ? facts : { vessel: String(facts.vessel), date: String(facts.date), line },
  };
}

/** An import row's note that its vessel was read as the fleet names it (Лива → Liwa), or nothing. */
function vesselMatched(input: ShipmentInput, fields: ShipmentFields): FieldIssue[] {
  const typed = typeof input.vessel === 'string' ? input.vessel.trim().replace(/\s+/g, ' ') : '';
  if (typed === fields.vessel) return [];
  return [
    {
      field: 'vessel',
      code: VESSEL_MATCHED,
      message: `Vessel "${typed}" is read as ${fields.vessel}, as the fleet names it.`,
      facts: { value: typed, vessel: fields.vessel },
    },
  ];
}

/**
 * A refused write or check. A check answers "what would you ask?" in the same breath as "is this
 * valid?": its refusal carries the questions a save would ask too (an old B/L date beside a cargo
 * above what a tanker carries), after the refusals, so a screen asks them all at once.
 */
function refusal(result: { errors: FieldIssue[]; warnings: FieldIssue[] }, check: boolean): TransitError {
  return invalid(check ? [...result.errors, ...result.warnings] : result.errors);
}

/** Makes the folder beside the ledger for the other stations' journals, or says what the disk refused. */
function makeStationsFolder(ledgerPath: string): void {
  const folder = stationsDir(ledgerPath);
  try {
    makeFolders(folder);
  } catch (error) {
    throw stated(
      'io',
      'station.folder_failed',
      `The folder ${folder} for the other stations' journals could not be made: ${diskTrouble(error)}. ` +
        'The ledger was not made a station.',
      { path: folder, ...diskFacts(error) },
    );
  }
}

export class LedgerService implements TransitApi {
  private takeOver: boolean;
  private prefs: PreferencesFile | null = null;

  private constructor(
    private ledger: Ledger,
    private plain: LedgerState,
    private book: StationBook | null,
    private readonly options: ServiceOptions,
    readonly ledgerId: string,
  ) {
    this.takeOver = options.takeOverWhenFree === true;
    this.backups = new BackupKeeper(
      { ledgerPath: ledger.path, now: () => this.now(), snapshot: () => this.snapshot() },
      options.backups ?? 'manual',
    );
  }

  private readonly backups: BackupKeeper;
  /** Closed months' "changed since close", for the ledger as it stood at `version` (its entry counts). */
  private changedCache: { version: string; state: LedgerState | null; months: Map<string, boolean> } = {
    version: '',
    state: null,
    months: new Map(),
  };

  /** The journals' confirmed ends now, the sync checkpoint read first (it never names more than they hold). */
  private snapshot(): Snapshot {
    const syncFile = this.book ? readSyncFile(this.ledger.path) : null;
    const { ledger } = this;
    return {
      ledgerPath: ledger.path,
      journal: { seq: ledger.lastSeq, size: ledger.confirmedSize, sum: ledger.lastSum },
      received: this.book?.received() ?? [],
      syncFile,
    };
  }

  static open(path: string, options: ServiceOptions = {}): LedgerService {
    const { ledger, state, book } = openLedger(path, options, options.readOnly ?? false);
    return new LedgerService(ledger, state, book, options, options.ledgerId ?? 'real');
  }

  /** The present: this journal's fold, or a station's fold of every station's journal (refolded after a sync). */
  private get state(): LedgerState {
    return this.book ? this.book.state : this.plain;
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /**
   * Keeps a ledger this process only reads in step with its writer before each call: what was
   * appended since is folded in (one stat when nothing was), a file the writer replaced (a repair,
   * a restore) is read afresh, and once the writer lets go the ledger is taken for writing if asked.
   */
  private follow(): void {
    if (!this.ledger.readOnly) return;
    if (this.takeOver && lockWriter(this.ledger.path) === null && this.reopen(false)) return;
    if (this.ledger.refresh() === 'replaced') this.reopen(true);
    else if (this.book?.mirrorsChanged()) this.book.reload();
  }

  /** Opens the file again into a fresh state; false when it could not be taken for writing (read-only stays). */
  private reopen(readOnly: boolean): boolean {
    let next: { ledger: Ledger; state: LedgerState; book: StationBook | null };
    try {
      next = openLedger(this.ledger.path, this.options, readOnly);
    } catch (error) {
      if (readOnly) throw error;
      // Another program won the lock (it stays the writer), or the file cannot be written here: stop trying.
      if (!(error instanceof TransitError && error.code === 'locked')) this.takeOver = false;
      return false;
    }
    this.ledger.close();
    ({ ledger: this.ledger, state: this.plain, book: this.book } = next);
    return true;
  }

  /**
   * Appends through the ledger; a writer that finds its lock gone ('locked': another program took
   * the ledger over, or the lock file was removed) becomes a reader of the file, so it follows the
   * new writer and says who that is, and takes the ledger back once it is free. The refusal is
   * still thrown: nothing was recorded.
   */
  private append(payloads: readonly EventPayload[]): LedgerEvent[] {
    try {
      // A station first writes down which received entries it holds, so its entry follows them in every fold.
      const seen = this.book?.unrecordedHeads();
      if (seen) this.ledger.append([{ type: 'seen', heads: seen }]);
      const events = this.ledger.append(payloads);
      this.backups.afterWrite();
      return events;
    } catch (error) {
      if (error instanceof TransitError && error.code === 'locked' && !this.ledger.readOnly)
        this.loseWriting();
      throw error;
    }
  }

  private loseWriting(): void {
    try {
      this.reopen(true);
    } catch {
      // The file cannot be read again now: the ledger stays as it was, and refuses every write the same way.
      return;
    }
    this.takeOver = true;
  }

  close(): void {
    this.ledger.close();
  }

  get path(): string {
    return this.ledger.path;
  }

  private today(): string {
    return todayAtLoadPort(this.now());
  }

  private context(force: boolean): ValidationContext {
    return {
      today: this.today(),
      findByBlNumber: this.state.findByBlNumber,
      findByBlLook: this.state.findByBlLook,
      findSameCargo: this.state.findSameCargo,
      force,
      monthRefusal: (month, action) => this.state.periods.refusal(month, action),
      fleet: this.state.fleet(),
    };
  }

  /** Refuses a write meant for another ledger; the check comes first, so nothing else is said about it. */
  private expectLedger(expected: string | null): void {
    if (expected !== null && expected !== this.ledgerId) throw ledgerSwitched(expected, this.ledgerId);
  }

  /** A fresh shipment id, unused in the ledger and among `taken` (ids handed out for a batch not yet written). */
  private newId(taken?: ReadonlyMap<string, unknown>): string {
    for (;;) {
      let id = '';
      for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomByte() % ID_ALPHABET.length];
      if (!this.state.shipments.has(id) && !taken?.has(id)) return id;
    }
  }

  /** A cargo as a screen gets it: a copy, with its recording station and any open conflict on a station's ledger. */
  private shown(shipment: Shipment): Shipment {
    return this.book ? this.book.decorate(shipment) : copy(shipment);
  }

  /** What a station's register export adds to each row; nothing on a ledger that is no station's. */
  private registerStations(): RegisterStations | undefined {
    const book = this.book;
    if (!book) return undefined;
    return { station: (id) => book.recordedBy(id), conflict: (id) => book.conflictKind(id) };
  }

  /** The station this ledger is, or null before `sync setup`. */
  get station(): string | null {
    return this.book?.station ?? null;
  }

  /** The stations' fold, for sync; null for a ledger that is no station's. */
  get stations(): StationBook | null {
    return this.book;
  }

  /** Open conflicts between stations' entries: forks of one cargo and B/L numbers held twice. */
  async conflicts(): Promise<Conflict[]> {
    this.follow();
    return this.book?.conflicts() ?? [];
  }

  get readOnly(): boolean {
    return this.ledger.readOnly;
  }

  private get credentials(): CredentialStore {
    return this.options.credentials ?? environmentCredentials();
  }

  async syncStatus(): Promise<SyncState> {
    this.follow();
    return syncState(this, this.credentials);
  }

  async syncNow(options?: LedgerGuard): Promise<SyncOutcome> {
    this.follow();
    this.expectLedger(parseLedgerGuard(options));
    return syncNow(this, this.credentials);
  }

  async syncSetup(request: SyncSetupRequest, options?: LedgerGuard): Promise<SyncState> {
    this.follow();
    this.expectLedger(parseLedgerGuard(options));
    if (typeof request !== 'object' || request === null)
      throw stated('invalid', 'sync.setup.request', 'syncSetup takes the server address and the station id.');
    return setupSync(this, this.credentials, request);
  }

  async testConnection(request?: ConnectionRequest): Promise<ConnectionReport> {
    this.follow();
    return testConnection(
      this,
      this.credentials,
      typeof request === 'object' && request !== null ? request : {},
    );
  }

  /**
   * Makes this ledger station `id`: one line in its journal, then the folder beside it for the
   * other stations' journals. Once only: a ledger that is another station already is refused.
   */
  becomeStation(raw: string): string {
    const id = parseStationId(raw);
    const current = this.book?.station ?? null;
    if (current !== null && current !== id)
      throw stated(
        'conflict',
        'station.changed',
        `This ledger is station ${current}; a station's id never changes, because every entry it wrote is ` +
          `known by it. Set up a new ledger for station ${id}.`,
        { station: current, asked: id },
      );
    if (current === null) {
      if (this.ledger.readOnly)
        throw stated(
          'read_only',
          'station.read_only',
          'This ledger is open read-only; it cannot be made a station.',
        );
      makeStationsFolder(this.ledger.path);
      this.append([{ type: 'station', station: id }]);
      // Read again as a station's: this journal and the (empty) received ones, folded together.
      this.ledger.close();
      ({
        ledger: this.ledger,
        state: this.plain,
        book: this.book,
      } = openLedger(this.ledger.path, this.options, false));
    }
    return id;
  }

  /** The journal's confirmed end: what a sync pushes up to. */
  journalEnd(): { path: string; size: number; lastSeq: number } {
    return { path: this.ledger.path, size: this.ledger.confirmedSize, lastSeq: this.ledger.lastSeq };
  }

  private shipmentOrThrow(rawId: unknown): Shipment {
    const id = parseId(rawId);
    const shipment = this.state.shipments.get(id);
    if (!shipment)
      throw stated('not_found', 'shipment.not_found', `There is no shipment with id ${id} in this ledger.`, {
        id,
      });
    return shipment;
  }

  private liveShipments(): Shipment[] {
    const live: Shipment[] = [];
    for (const shipment of this.state.shipments.values()) if (!shipment.voided) live.push(shipment);
    return live;
  }

  async info(): Promise<LedgerInfo> {
    this.follow();
    // Counted from the per-day totals, not the shipments: a window asks every few seconds.
    let shipments = 0;
    for (const year of this.state.years())
      for (const count of this.state.daysFor(year).shipments) shipments += count;
    const held = this.state.periods.allUnsettled();
    return {
      path: this.ledger.path,
      ledgerId: this.ledgerId,
      readOnly: this.ledger.readOnly,
      writer: this.ledger.readOnly ? lockWriter(this.ledger.path) : null,
      demo: false,
      entries: this.ledger.entries,
      ...(this.book ? { received: this.book.receivedCount() } : {}),
      shipments,
      years: this.state.years(),
      targetYears: this.state.targetYears(),
      baselineYear: this.state.currentBaseline().year,
      recovery: this.ledger.recovery,
      ...(held.length > 0 ? { heldMonths: held } : {}),
    };
  }

  async recordShipment(input: ShipmentInput, options?: WriteOptions): Promise<SaveResult> {
    this.follow();
    const { force, check, ledgerId } = parseWriteOptions(options);
    this.expectLedger(ledgerId);
    const result = validateShipment(input, this.context(force));
    if (!result.ok) throw refusal(result, check);
    // A check stops here: validated exactly as the save, nothing written.
    if (check) return { shipment: this.wouldRecord(result.value), warnings: result.warnings, checked: true };
    const id = this.newId();
    this.append([{ type: 'record', id, shipment: result.value }]);
    return { shipment: copy(this.state.shipments.get(id) as Shipment), warnings: result.warnings };
  }

  async amendShipment(id: string, changes: ShipmentInput, options?: AmendOptions): Promise<SaveResult> {
    this.follow();
    const { force, check, reason: rawReason, ledgerId } = parseWriteOptions(options);
    this.expectLedger(ledgerId);
    const reason = parseReason(rawReason, false);
    const current = this.shipmentOrThrow(id);
    if (current.voided)
      throw stated('conflict', 'shipment.void', `Shipment ${current.id} is void and cannot be amended.`, {
        id: current.id,
      });
    this.refuseInClosedMonth(current, 'amend');
    const result = validateAmendment(current, changes, this.context(force));
    if (!result.ok) throw refusal(result, check);
    if (check)
      return { shipment: { ...copy(current), ...result.value }, warnings: result.warnings, checked: true };
    const links = this.book?.links(current.id) ?? {};
    // An amend resolving competing versions states the whole cargo: the version shown, with the changes.
    const set = links.also ? { ...wholeFields(current), ...result.value } : result.value;
    this.append([{ type: 'amend', id: current.id, set, reason, ...links }]);
    return {
      shipment: this.shown(this.state.shipments.get(current.id) as Shipment),
      warnings: result.warnings,
    };
  }

  /** The cargo a record would add, for a check: no id yet, nothing written. */
  private wouldRecord(fields: ShipmentFields): Shipment {
    const at = this.now().toISOString();
    return {
      ...fields,
      id: '',
      voided: false,
      voidReason: null,
      recordedAt: at,
      recordedBy: this.options.actor ?? 'unknown',
      updatedAt: at,
    };
  }

  async voidShipment(id: string, reason: string, options?: LedgerGuard): Promise<Shipment> {
    this.follow();
    this.expectLedger(parseLedgerGuard(options));
    const why = parseReason(reason, true) as string;
    const current = this.shipmentOrThrow(id);
    if (current.voided)
      throw stated(
        'conflict',
        'shipment.already_void',
        `Shipment ${current.id} is already void (${current.voidReason ?? 'no reason'}).`,
        { id: current.id, reason: current.voidReason ?? '' },
      );
    this.refuseInClosedMonth(current, 'void');
    this.append([{ type: 'void', id: current.id, reason: why, ...(this.book?.links(current.id) ?? {}) }]);
    return this.shown(this.state.shipments.get(current.id) as Shipment);
  }

  /** A cargo dated in a closed month stays as it was closed: no amend, no void (nor in an unsettled month). */
  private refuseInClosedMonth(current: Shipment, action: 'amend' | 'void'): void {
    const refused = this.state.periods.refusal(current.blDate.slice(0, 7), action);
    if (refused) throw invalid([refused]);
  }

  async closeMonth(request: unknown, options?: LedgerGuard): Promise<PeriodReport> {
    this.follow();
    this.expectLedger(parseLedgerGuard(options));
    const { month, reason } = parsePeriodRequest(request);
    const today = this.today();
    if (month >= today.slice(0, 7))
      throw invalid([
        {
          field: 'month',
          code: 'month.not_ended',
          message: `${month} has not ended (today at Aktau is ${today}); a month is closed once it is over.`,
          facts: { month, today },
        },
      ]);
    const closed = this.state.periods.closed(month);
    if (closed) throw new TransitError('conflict', alreadyClosed(closed).message, [alreadyClosed(closed)]);
    const figures = monthFigures(month, this.state.shipments.values());
    this.append([{ type: 'close', month, reason, figures }]);
    return this.periodReport(month);
  }

  async reopenMonth(request: unknown, options?: LedgerGuard): Promise<PeriodReport | null> {
    this.follow();
    this.expectLedger(parseLedgerGuard(options));
    const { month, reason } = parsePeriodRequest(request);
    // A month held by a lost close is settled as open by a reopen (a month not yet over cannot be closed again).
    if (!this.state.periods.closed(month) && !this.state.periods.unsettled(month)) {
      const message = `${month} is not closed, so there is nothing to reopen.`;
      throw new TransitError('conflict', message, [
        { field: 'month', code: 'month.not_closed', message, facts: { month } },
      ]);
    }
    this.append([{ type: 'reopen', month, reason }]);
    return this.state.periods.get(month) ? this.periodReport(month) : null;
  }

  async periods(): Promise<PeriodReport[]> {
    this.follow();
    return this.state.periods.all().map((period) => this.periodReport(period.month));
  }

  /** Whether a closed month's entries differ from its close's: cached until the ledger changes. */
  private changedSinceClose(month: string): boolean {
    const version = `${this.ledger.entries}:${this.book?.receivedCount() ?? 0}`;
    const { state } = this;
    if (this.changedCache.version !== version || this.changedCache.state !== state)
      this.changedCache = { version, state, months: new Map() };
    let changed = this.changedCache.months.get(month);
    if (changed === undefined) {
      changed = this.periodReport(month).changedSinceClose;
      this.changedCache.months.set(month, changed);
    }
    return changed;
  }

  private periodReport(month: string): PeriodReport {
    const period = this.state.periods.get(month) as Period;
    const now = monthFigures(month, this.state.shipments.values());
    const closedWith = period.lastClose.figures;
    return {
      ...period,
      steps: period.steps.map((step) => ({ ...step })),
      now,
      changedSinceClose: closedWith !== undefined && !sameFigures(closedWith, now),
    };
  }

  async programme(query: ProgrammeQuery): Promise<Programme> {
    this.follow();
    const shape = (query ?? {}) as { month?: unknown; asOf?: unknown };
    const month = programmeMonth(shape.month);
    const asOf =
      shape.asOf === undefined || shape.asOf === null
        ? this.today()
        : parseDate(shape.asOf, 'asOf', 'As-of date');
    return programmeOf(this.state, month, asOf);
  }

  async nominate(input: NominationInput, options?: WriteOptions): Promise<Programme> {
    this.follow();
    const { force, check, ledgerId } = parseWriteOptions(options);
    this.expectLedger(ledgerId);
    const reading = readNomination({ ...(input ?? {}) }, this.state.fleet(), force);
    if (!reading.ok) throw invalid(reading.issues);
    refuseClosedProgramme(this.state, reading.fields.month);
    if (!check) {
      let id = this.newId();
      while (this.state.programme.get(id)) id = this.newId();
      this.append([{ type: 'nominate', nomination: { id, ...reading.fields } }]);
    }
    return programmeOf(this.state, reading.fields.month, this.today());
  }

  async cancelNomination(request: NominationCancel, options?: LedgerGuard): Promise<Programme> {
    this.follow();
    this.expectLedger(parseLedgerGuard(options));
    const entry = cancelEntry(this.state, request ?? {});
    this.append([entry]);
    return programmeOf(
      this.state,
      this.state.programme.get(String(request.id).trim())?.month ?? '',
      this.today(),
    );
  }

  async linkNomination(request: NominationLink, options?: WriteOptions): Promise<Programme> {
    this.follow();
    const { force, ledgerId } = parseWriteOptions(options);
    this.expectLedger(ledgerId);
    const { entry, month } = linkEntry(this.state, request ?? {}, force);
    this.append([entry]);
    return programmeOf(this.state, month, this.today());
  }

  async shipmentHistory(id: string): Promise<HistoryEntry[]> {
    this.follow();
    return this.state.history(this.shipmentOrThrow(id).id);
  }

  async listShipments(query: ListQuery): Promise<Shipment[]> {
    this.follow();
    const { from, to, includeVoided } = parseListQuery(query);
    const station = isStationId(query.station) ? query.station : null;
    const found: Shipment[] = [];
    for (const shipment of this.state.shipments.values()) {
      if (shipment.blDate < from || shipment.blDate > to) continue;
      if (shipment.voided && !includeVoided) continue;
      const shown = this.shown(shipment);
      if (station !== null && shown.station !== station) continue;
      found.push(shown);
    }
    return found.sort(byBlDate);
  }

  async getTargets(year: number): Promise<YearTargets> {
    this.follow();
    return this.state.targetsFor(parseYear(year));
  }

  async setTargets(input: unknown, options?: LedgerGuard): Promise<YearTargets> {
    this.follow();
    this.expectLedger(parseLedgerGuard(options));
    const { lossAllowancePercent, ...request } = parseTargetsRequest(input);
    // A request that leaves the allowance out keeps the year's; the entry states it whole, so the
    // year's settings are always one entry.
    const current = this.state.targetsFor(request.year).lossAllowancePercent;
    const allowance = lossAllowancePercent ?? current;
    const locked = allowanceLockedIssue(this.state.periods, request.year, current, allowance);
    if (locked) throw invalid([locked]);
    this.append([{ type: 'targets', ...request, lossAllowancePercent: allowance }]);
    return this.state.targetsFor(request.year);
  }

  async getBaseline(): Promise<Baseline> {
    this.follow();
    return this.state.currentBaseline();
  }

  async setBaseline(input: unknown, options?: LedgerGuard): Promise<Baseline> {
    this.follow();
    this.expectLedger(parseLedgerGuard(options));
    const request = parseBaselineRequest(input, this.today());
    this.append([{ type: 'baseline', ...request }]);
    return this.state.currentBaseline();
  }

  async getFleet(): Promise<FleetVessel[]> {
    this.follow();
    return this.state.fleet().map((vessel) => ({ ...vessel, aliases: [...vessel.aliases] }));
  }

  async saveVessel(input: VesselInput, options?: LedgerGuard): Promise<FleetVessel[]> {
    this.follow();
    this.expectLedger(parseLedgerGuard(options));
    const vessel = parseVesselRequest(input, this.state.fleet(), () => this.newId());
    this.append([{ type: 'vessel', vessel }]);
    return this.getFleet();
  }

  async progress(query: unknown): Promise<Progress> {
    this.follow();
    const { year, asOf } = this.progressQuery(query);
    const progress = progressFromDays({
      year,
      asOf,
      days: this.state.daysFor(year),
      targets: this.state.targetsFor(year),
      baseline: this.state.currentBaseline(),
    });
    for (const month of progress.months) {
      const closed = this.state.periods.closed(month.month)?.lastClose;
      if (closed)
        month.closed = {
          by: closed.actor,
          on: closedOn(closed),
          ...(this.changedSinceClose(month.month) ? { changedSinceClose: true as const } : {}),
        };
    }
    return this.book ? { ...progress, conflicted: conflictedCargoes(this.book.conflicts(), year) } : progress;
  }

  async compareYears(query: unknown): Promise<YearComparison> {
    this.follow();
    const { year, asOf } = this.progressQuery(query);
    const earlier = this.state.years().filter((held) => held < year);
    const days = [...earlier, year].map((held) => this.state.daysFor(held));
    return compareYears({ year, asOf, days, baseline: this.state.currentBaseline() });
  }

  /** A progress query's year and as-of date (today at Aktau, or a past year's last day), refused in the future. */
  private progressQuery(query: unknown): { year: number; asOf: string } {
    const { year, asOf: requested } = parseProgressQuery(query);
    const today = this.today();
    // A year that has not begun has no as-of date inside it, and no cargo can be dated in it yet.
    if (year > Number(today.slice(0, 4))) {
      throw invalid([
        {
          field: 'year',
          code: 'year.future',
          message: `${year} has not begun; today at Aktau is ${today}.`,
          facts: { year, today },
        },
      ]);
    }
    if (requested !== null && requested > today) {
      throw invalid([
        {
          field: 'asOf',
          code: 'asOf.future',
          message: `As-of date ${requested} is in the future; today at Aktau is ${today}.`,
          facts: { value: requested, today },
        },
      ]);
    }
    return { year, asOf: requested ?? defaultAsOf(year, today) };
  }

  async reconcile(query: unknown): Promise<Reconciliation> {
    this.follow();
    const { year, month } = parseReconcileQuery(query);
    return reconcile({
      year,
      month,
      lossAllowancePercent: this.state.targetsFor(year).lossAllowancePercent,
      cargoes: this.liveShipments(),
    });
  }

  async vessels(query: unknown): Promise<Voyages> {
    this.follow();
    const { year } = parseVesselsQuery(query);
    return voyages({ year, cargoes: this.liveShipments() });
  }

  async exportReport(request: unknown): Promise<ExportedReport> {
    this.follow();
    const { year, report, separator, language, format } = parseExportRequest(request);
    if (report === 'register') {
      // The shipments are only read here, so the state's own objects serve without a copy each.
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const shipments = this.liveShipments()
        .filter((s) => s.blDate >= from && s.blDate <= to)
        .sort(byBlDate);
      const fileName = `transit-register-${year}`;
      if (format === 'xlsx') {
        const context = this.workbookContext(year, language, this.today());
        const { registerTable, workbookBytes } = loadWorkbooks();
        const table = registerTable(shipments, context, this.registerStations());
        const bytes = await workbookBytes([table], context);
        return workbookReport(fileName, shipments.length, bytes);
      }
      const csv = registerCsv(shipments, separator, language, this.registerStations());
      return csvReport(fileName, shipments.length, csv);
    }
    if (report === 'programme') return this.programmeReport(year, format, separator, language);
    if (report === 'reconciliation') {
      const reconciliation = await this.reconcile({ year });
      const fileName = `transit-reconciliation-${year}`;
      const rows = reconciliation.cargoes.length;
      if (format === 'xlsx') {
        const context = this.workbookContext(year, language, this.today());
        const { reconciliationTables, workbookBytes } = loadWorkbooks();
        return workbookReport(
          fileName,
          rows,
          await workbookBytes(reconciliationTables(reconciliation, context), context),
        );
      }
      return csvReport(fileName, rows, reconciliationCsv(reconciliation, separator, language));
    }
    if (report === 'years') return this.yearsReport(year, format, separator, language);
    if (report === 'vessels') {
      const report = await this.vessels({ year });
      const fileName = `transit-vessels-${year}`;
      const rows = report.byVessel.length;
      if (format === 'xlsx') {
        const context = this.workbookContext(year, language, this.today());
        const { vesselsTables, workbookBytes } = loadWorkbooks();
        return workbookReport(fileName, rows, await workbookBytes(vesselsTables(report, context), context));
      }
      return csvReport(fileName, rows, voyagesCsv(report, separator, language));
    }
    const progress = await this.progress({ year });
    const fileName = `transit-monthly-${year}`;
    if (format === 'xlsx') {
      const context = this.workbookContext(year, language, progress.asOf);
      const { monthlyTable, workbookBytes } = loadWorkbooks();
      const table = monthlyTable(progress.months, context, progress.conflicted ?? 0);
      const bytes = await workbookBytes([table], context);
      return workbookReport(fileName, progress.months.length, bytes);
    }
    const csv = monthlyCsv(progress.months, separator, language, progress.conflicted ?? 0);
    return csvReport(fileName, progress.months.length, csv);
  }

  /** The year's nominations, month by month, as of today: CSV only. */
  private programmeReport(
    year: number,
    format: string,
    separator: CsvSeparator,
    language: Language,
  ): ExportedReport {
    if (format !== 'csv')
      throw invalid([
        { field: 'format', code: 'format.csv_only', message: 'The programme is exported as CSV only.' },
      ]);
    const today = this.today();
    const months = Array.from({ length: 12 }, (_, i) =>
      programmeOf(this.state, `${year}-${String(i + 1).padStart(2, '0')}`, today),
    );
    const csv = programmeCsv(months, separator, language);
    return csvReport(`transit-programme-${year}`, nominationCount(months), csv);
  }

  /** Year against year: the months side by side, as of today for the current year. */
  private async yearsReport(
    year: number,
    format: ReportFormat,
    separator: CsvSeparator,
    language: Language,
  ): Promise<ExportedReport> {
    const comparison = await this.compareYears({ year });
    const fileName = `transit-years-${year}`;
    if (format === 'xlsx') {
      const context = this.workbookContext(year, language, comparison.asOf);
      const { yearsTable, workbookBytes } = loadWorkbooks();
      return workbookReport(fileName, 12, await workbookBytes([yearsTable(comparison, context)], context));
    }
    return csvReport(fileName, 12, yearsCsv(comparison, separator, language));
  }

  private workbookContext(year: number, language: Language, asOf: string): WorkbookContext {
    return { year, language, asOf, station: this.station, now: this.now() };
  }

  async importCsv(request: unknown, options?: LedgerGuard): Promise<ImportReport> {
    this.follow();
    this.expectLedger(parseLedgerGuard(options));
    const { source, dryRun, force, allRows } = parseImportRequest(request);
    const parsed = parseShipmentFile(source);
    const report: ImportReport = {
      dryRun,
      committed: false,
      added: 0,
      duplicates: 0,
      skipped: 0,
      invalid: 0,
      rows: [],
      unlistedRows: 0,
      fileIssues: parsed.fileIssues,
      encoding: parsed.encoding,
    };
    if (parsed.fileIssues.length > 0) return report;

    const payloads = this.importRows(parsed.rows, force, allRows, report);
    if (dryRun || report.invalid > 0) return report;
    this.append(payloads);
    report.committed = true;
    return report;
  }

  /**
   * Decides each row of an import with the rules of a single write, and returns the records to
   * write. A row that looks like a cargo already in the ledger, or like an earlier row of the file,
   * is skipped even with force: importing the same sheet twice must never add it twice. A plain
   * row to add is reported only with allRows, and counted otherwise.
   */
  private importRows(
    rows: readonly ParsedCsvRow[],
    force: boolean,
    allRows: boolean,
    report: ImportReport,
  ): EventPayload[] {
    const fileCargoes = new Map<string, SameCargoCandidate[]>();
    const lineOfNew = new Map<string, number>();
    const blLines = new Map<string, number>();
    const context: ValidationContext = {
      ...this.context(force),
      findSameCargo: (date, vessel, kg, unnumberedOnly) => [
        ...this.state.findSameCargo(date, vessel, kg, unnumberedOnly),
        ...(fileCargoes.get(sameCargoKey(date, vessel, kg)) ?? []),
      ],
    };
    const leaveOut = (entry: ImportRowReport, outcome: 'duplicate' | 'skipped', issue: FieldIssue) => {
      entry.outcome = outcome;
      entry.issues.push(issue);
      report[outcome === 'duplicate' ? 'duplicates' : 'skipped']++;
    };
    const payloads: EventPayload[] = [];
    /** The input of each listed row, beside report.rows. */
    const inputs: ShipmentInput[] = [];
    for (const row of rows) {
      // As the record will hold it: a zero-width space or a pasted dash does not make another bill.
      const cleaned = typeof row.input.blNumber === 'string' ? cleanIdentifier(row.input.blNumber) : '';
      const blNumber = cleaned === '' ? null : cleaned;
      const entry: ImportRowReport = {
        line: row.line,
        outcome: 'add',
        blNumber,
        ...NO_CARGO,
        issues: [],
        warnings: [],
      };
      // Listed now, so file order holds; a plain row to add is taken back off at the end of its turn.
      report.rows.push(entry);
      inputs.push(row.input);
      if (row.voided) {
        leaveOut(entry, 'skipped', {
          field: '',
          code: 'row.voided',
          message: 'This row is marked voided in the file; it is not imported.',
        });
        continue;
      }
      const repeat = this.blNumberRepeat(blNumber, row.line, blLines);
      if (repeat) {
        leaveOut(entry, 'duplicate', repeat);
        continue;
      }
      const result = validateShipment(row.input, context);
      const twin = [...(result.ok ? [] : result.errors), ...result.warnings].find(
        (issue) => issue.code === DUPLICATE_CARGO,
      );
      if (twin) {
        leaveOut(entry, 'duplicate', importDuplicate(twin, lineOfNew));
        continue;
      }
      entry.warnings = result.ok
        ? [...vesselMatched(row.input, result.value), ...result.warnings]
        : result.warnings;
      if (!result.ok) {
        entry.outcome = 'invalid';
        entry.issues = result.errors;
        report.invalid++;
        continue;
      }
      const id = this.newId(lineOfNew);
      const { blDate, vessel, netKg } = result.value;
      const key = sameCargoKey(blDate, vessel, netKg);
      fileCargoes.set(key, [
        ...(fileCargoes.get(key) ?? []),
        { id, blDate, vessel, netKg, blNumber: result.value.blNumber },
      ]);
      lineOfNew.set(id, row.line);
      payloads.push({ type: 'record', id, shipment: result.value });
      report.added++;
      if (!allRows && entry.warnings.length === 0) {
        report.rows.pop();
        inputs.pop();
        report.unlistedRows++;
      }
    }
    // Only the listed rows are read for the preview: a 100,000-row sheet pays for its problems alone.
    report.rows.forEach((entry, i) => Object.assign(entry, rowCargo(inputs[i] as ShipmentInput)));
    return payloads;
  }

  /**
   * A B/L number already in the ledger or on an earlier row of the
   * file, as the row's issue; else null (and the row's line is noted).
   */
  private blNumberRepeat(
    blNumber: string | null,
    line: number,
    blLines: Map<string, number>,
  ): FieldIssue | null {
    if (blNumber === null) return null;
    const holder = this.state.findByBlNumber(blNumber);
    if (holder) {
      return {
        field: 'blNumber',
        code: 'blNumber.duplicate',
        message: `B/L number ${blNumber} is already in the ledger (${holder.vessel}, ${holder.blDate}); skipped.`,
        facts: { vessel: holder.vessel, date: holder.blDate, id: holder.id },
      };
    }
    // By its look: the same bill typed once in Latin and once in Cyrillic letters is one bill.
    const key = blLookKey(blNumber);
    const earlier = blLines.get(key);
    if (earlier !== undefined) {
      return {
        field: 'blNumber',
        code: 'blNumber.duplicate',
        message: `B/L number ${blNumber} already appears on line ${earlier} of this file; skipped.`,
        facts: { line: earlier },
      };
    }
    blLines.set(key, line);
    return null;
  }

  async useDemoLedger(_on: boolean): Promise<LedgerInfo> {
    throw stated(
      'invalid',
      'demo.unavailable',
      'This ledger was opened on its own; the demo ledger is available in the app.',
    );
  }

  /** The preferences kept in this ledger's data folder (preferences-file.ts); a read-only ledger's too. */
  async preferences(): Promise<StoredPreferences> {
    return this.preferencesFile.read();
  }

  async savePreferences(change: Partial<Preferences>): Promise<StoredPreferences> {
    return this.preferencesFile.save(change);
  }

  private get preferencesFile(): PreferencesFile {
    this.prefs ??= new PreferencesFile(preferencesPathFor(this.ledger.path), { now: () => this.now() });
    return this.prefs;
  }

  /** Records many shipments as one all-or-nothing write: how a demo ledger is filled. */
  recordMany(inputs: readonly ShipmentInput[]): Shipment[] {
    const context = this.context(false);
    const seen = new Set<string>();
    const payloads: EventPayload[] = [];
    inputs.forEach((input, index) => {
      const result = validateShipment(input, context);
      const bl =
        result.ok && result.value.blNumber !== null ? normaliseBlNumber(result.value.blNumber) : null;
      if (!result.ok || (bl !== null && seen.has(bl))) {
        const errors = result.ok
          ? [{ field: 'blNumber', code: 'blNumber.duplicate', message: `B/L number ${bl} appears twice.` }]
          : result.errors;
        throw invalid(errors, `Shipment ${index + 1}: ${errors.map((e) => e.message).join(' ')}`);
      }
      if (bl !== null) seen.add(bl);
      payloads.push({ type: 'record', id: this.newId(), shipment: result.value });
    });
    return this.append(payloads).map((event) =>
      copy(this.state.shipments.get((event as { id: string }).id) as Shipment),
    );
  }

  async verify(): Promise<VerifyReport> {
    return verifyLedger(this.ledger.path);
  }

  async backupStatus(): Promise<BackupStatus> {
    this.follow();
    // A backup the last write started is part of the answer: Settings never shows "none yet" while one is being made.
    await this.backups.settled();
    return this.backups.status();
  }

  async backupNow(options?: LedgerGuard): Promise<BackupStatus> {
    this.expectLedger(parseLedgerGuard(options));
    this.follow();
    return this.backups.backupNow();
  }

  /** A backup now into another folder than the ledger's (the command line's `backup --dir`). */
  async backupInto(folder: string): Promise<BackupStatus> {
    this.follow();
    return this.backups.backupNow(folder);
  }

  async setBackupFolder(request: unknown, options?: LedgerGuard): Promise<BackupStatus> {
    this.expectLedger(parseLedgerGuard(options));
    return this.backups.setFolder(parseBackupFolderRequest(request));
  }

  /** Resolves once the backups started so far have finished (a process waits for them before it exits). */
  backupsSettled(): Promise<void> {
    return this.backups.settled();
  }
}
