/**
 * TransitApi implemented on one ledger file. Every write is: validate → append (durable) → apply;
 * a refused call writes nothing. The CLI, the Electron main process and browser mode all use this.
 */
import crypto from 'node:crypto';
import type {
  AmendOptions,
  Baseline,
  ExportedReport,
  FieldIssue,
  HistoryEntry,
  ImportReport,
  ImportRowReport,
  IssueFacts,
  LedgerInfo,
  ListQuery,
  Progress,
  SaveResult,
  Shipment,
  ShipmentInput,
  TransitApi,
  VerifyReport,
  WriteOptions,
  YearTargets,
} from './api';
import { todayAtLoadPort } from './calendar';
import { importIssue, monthlyCsv, parseShipmentFile, registerCsv, type ParsedCsvRow } from './csv';
import { invalid, TransitError } from './errors';
import type { EventPayload } from './events';
import { Ledger, type LedgerIo } from './ledger';
import { defaultAsOf, progressFromDays } from './progress';
import {
  parseBaselineRequest,
  parseExportRequest,
  parseId,
  parseImportRequest,
  parseListQuery,
  parseProgressQuery,
  parseReason,
  parseTargetsRequest,
  parseWriteOptions,
  parseYear,
} from './requests';
import {
  DUPLICATE_CARGO,
  normaliseBlNumber,
  sameCargoKey,
  validateAmendment,
  validateShipment,
  type SameCargoCandidate,
  type ValidationContext,
} from './shipment';
import { LedgerState } from './state';
import { verifyLedger } from './verify';

export interface ServiceOptions {
  readOnly?: boolean;
  /** Who is recorded as doing each write (the OS user). */
  actor?: string;
  now?: () => Date;
  io?: Partial<LedgerIo>;
  appName?: string;
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

/** An import row's duplicate issue in the import's words: skipped, and where its twin is (the ledger or a line of the file). */
function importDuplicate(twin: FieldIssue, lineOfNew: ReadonlyMap<string, number>): FieldIssue {
  const facts: IssueFacts = twin.facts ?? {};
  const line = lineOfNew.get(String(facts.id));
  const what = `A cargo of ${facts.vessel} on ${facts.date} with the same tonnes`;
  const message = line === undefined ? `${what} is already in the ledger (id ${facts.id}); skipped.` : `${what} already appears on line ${line} of this file; skipped.`;
  return { field: '', code: DUPLICATE_CARGO, message, facts: line === undefined ? facts : { vessel: String(facts.vessel), date: String(facts.date), line } };
}

export class LedgerService implements TransitApi {
  private constructor(
    private readonly ledger: Ledger,
    private readonly state: LedgerState,
    private readonly now: () => Date,
  ) {}

  static open(path: string, options: ServiceOptions = {}): LedgerService {
    const state = new LedgerState();
    const ledger = Ledger.open(path, {
      apply: state.apply,
      readOnly: options.readOnly,
      actor: options.actor,
      now: options.now,
      io: options.io,
      appName: options.appName,
    });
    return new LedgerService(ledger, state, options.now ?? (() => new Date()));
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
    return { today: this.today(), findByBlNumber: this.state.findByBlNumber, findSameCargo: this.state.findSameCargo, force };
  }

  /** A fresh shipment id, unused in the ledger and among `taken` (ids handed out for a batch not yet written). */
  private newId(taken?: ReadonlyMap<string, unknown>): string {
    for (;;) {
      let id = '';
      for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomByte() % ID_ALPHABET.length];
      if (!this.state.shipments.has(id) && !taken?.has(id)) return id;
    }
  }

  private shipmentOrThrow(rawId: unknown): Shipment {
    const id = parseId(rawId);
    const shipment = this.state.shipments.get(id);
    if (!shipment) throw new TransitError('not_found', `There is no shipment with id ${id} in this ledger.`);
    return shipment;
  }

  private liveShipments(): Shipment[] {
    const live: Shipment[] = [];
    for (const shipment of this.state.shipments.values()) if (!shipment.voided) live.push(shipment);
    return live;
  }

  async info(): Promise<LedgerInfo> {
    let shipments = 0;
    for (const shipment of this.state.shipments.values()) if (!shipment.voided) shipments++;
    return {
      path: this.ledger.path,
      readOnly: this.ledger.readOnly,
      demo: false,
      entries: this.ledger.entries,
      shipments,
      years: this.state.years(),
      recovery: this.ledger.recovery,
    };
  }

  async recordShipment(input: ShipmentInput, options?: WriteOptions): Promise<SaveResult> {
    const { force } = parseWriteOptions(options);
    const result = validateShipment(input, this.context(force));
    if (!result.ok) throw invalid(result.errors);
    const id = this.newId();
    this.ledger.append([{ type: 'record', id, shipment: result.value }]);
    return { shipment: copy(this.state.shipments.get(id) as Shipment), warnings: result.warnings };
  }

  async amendShipment(id: string, changes: ShipmentInput, options?: AmendOptions): Promise<SaveResult> {
    const { force, reason: rawReason } = parseWriteOptions(options);
    const reason = parseReason(rawReason, false);
    const current = this.shipmentOrThrow(id);
    if (current.voided) throw new TransitError('conflict', `Shipment ${current.id} is void and cannot be amended.`);
    const result = validateAmendment(current, changes, this.context(force));
    if (!result.ok) throw invalid(result.errors);
    this.ledger.append([{ type: 'amend', id: current.id, set: result.value, reason }]);
    return { shipment: copy(this.state.shipments.get(current.id) as Shipment), warnings: result.warnings };
  }

  async voidShipment(id: string, reason: string): Promise<Shipment> {
    const why = parseReason(reason, true) as string;
    const current = this.shipmentOrThrow(id);
    if (current.voided) throw new TransitError('conflict', `Shipment ${current.id} is already void (${current.voidReason ?? 'no reason'}).`);
    this.ledger.append([{ type: 'void', id: current.id, reason: why }]);
    return copy(this.state.shipments.get(current.id) as Shipment);
  }

  async shipmentHistory(id: string): Promise<HistoryEntry[]> {
    return this.state.history(this.shipmentOrThrow(id).id);
  }

  async listShipments(query: ListQuery): Promise<Shipment[]> {
    const { from, to, includeVoided } = parseListQuery(query);
    const found: Shipment[] = [];
    for (const shipment of this.state.shipments.values()) {
      if (shipment.blDate < from || shipment.blDate > to) continue;
      if (shipment.voided && !includeVoided) continue;
      found.push(copy(shipment));
    }
    return found.sort(byBlDate);
  }

  async getTargets(year: number): Promise<YearTargets> {
    return this.state.targetsFor(parseYear(year));
  }

  async setTargets(input: unknown): Promise<YearTargets> {
    const request = parseTargetsRequest(input);
    this.ledger.append([{ type: 'targets', ...request }]);
    return this.state.targetsFor(request.year);
  }

  async getBaseline(): Promise<Baseline> {
    return this.state.currentBaseline();
  }

  async setBaseline(input: unknown): Promise<Baseline> {
    const request = parseBaselineRequest(input);
    this.ledger.append([{ type: 'baseline', ...request }]);
    return this.state.currentBaseline();
  }

  async progress(query: unknown): Promise<Progress> {
    const { year, asOf: requested } = parseProgressQuery(query);
    const today = this.today();
    // A year that has not begun has no as-of date inside it, and no cargo can be dated in it yet.
    if (year > Number(today.slice(0, 4))) {
      throw invalid([{ field: 'year', code: 'year.future', message: `${year} has not begun; today at Aktau is ${today}.`, facts: { today } }]);
    }
    if (requested !== null && requested > today) {
      throw invalid([{ field: 'asOf', code: 'asOf.future', message: `As-of date ${requested} is in the future; today at Aktau is ${today}.` }]);
    }
    return progressFromDays({
      year,
      asOf: requested ?? defaultAsOf(year, today),
      days: this.state.daysFor(year),
      targets: this.state.targetsFor(year),
      baseline: this.state.currentBaseline(),
    });
  }

  async exportReport(request: unknown): Promise<ExportedReport> {
    const { year, report, separator } = parseExportRequest(request);
    if (report === 'register') {
      // The shipments are only read here, so the state's own objects serve without a copy each.
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const shipments = this.liveShipments().filter((s) => s.blDate >= from && s.blDate <= to).sort(byBlDate);
      return { fileName: `transit-register-${year}.csv`, content: registerCsv(shipments, separator), rows: shipments.length };
    }
    const progress = await this.progress({ year });
    return { fileName: `transit-monthly-${year}.csv`, content: monthlyCsv(progress.months, separator), rows: progress.months.length };
  }

  async importCsv(request: unknown): Promise<ImportReport> {
    const { source, dryRun, force } = parseImportRequest(request);
    const parsed = parseShipmentFile(source);
    const report: ImportReport = { dryRun, committed: false, added: 0, duplicates: 0, skipped: 0, invalid: 0, rows: [], fileIssues: parsed.fileIssues, encoding: parsed.encoding };
    if (parsed.fileIssues.length > 0) return report;

    const payloads = this.importRows(parsed.rows, force, report);
    if (dryRun || report.invalid > 0) return report;
    this.ledger.append(payloads);
    report.committed = true;
    return report;
  }

  /**
   * Decides each row of an import with the rules of a single write, and returns the records to
   * write. A row that looks like a cargo already in the ledger, or like an earlier row of the file,
   * is skipped even with force: importing the same sheet twice must never add it twice.
   */
  private importRows(rows: readonly ParsedCsvRow[], force: boolean, report: ImportReport): EventPayload[] {
    const fileCargoes = new Map<string, SameCargoCandidate[]>();
    const lineOfNew = new Map<string, number>();
    const blLines = new Map<string, number>();
    const context: ValidationContext = {
      ...this.context(force),
      findSameCargo: (date, vessel, kg) => [...this.state.findSameCargo(date, vessel, kg), ...(fileCargoes.get(sameCargoKey(date, vessel, kg)) ?? [])],
    };
    const leaveOut = (entry: ImportRowReport, outcome: 'duplicate' | 'skipped', issue: FieldIssue) => {
      entry.outcome = outcome;
      entry.issues.push(issue);
      report[outcome === 'duplicate' ? 'duplicates' : 'skipped']++;
    };
    const payloads: EventPayload[] = [];
    for (const row of rows) {
      const blNumber = typeof row.input.blNumber === 'string' && row.input.blNumber.trim() !== '' ? row.input.blNumber.trim() : null;
      const entry: ImportRowReport = { line: row.line, outcome: 'add', blNumber, issues: [], warnings: [] };
      report.rows.push(entry);
      if (row.voided) {
        leaveOut(entry, 'skipped', { field: '', code: 'row.voided', message: 'This row is marked voided in the file; it is not imported.' });
        continue;
      }
      const repeat = this.blNumberRepeat(blNumber, row.line, blLines);
      if (repeat) {
        leaveOut(entry, 'duplicate', repeat);
        continue;
      }
      const result = validateShipment(row.input, context);
      const twin = [...(result.ok ? [] : result.errors), ...result.warnings].find((issue) => issue.code === DUPLICATE_CARGO);
      if (twin) {
        leaveOut(entry, 'duplicate', importDuplicate(twin, lineOfNew));
        continue;
      }
      entry.warnings = result.warnings;
      if (!result.ok) {
        entry.outcome = 'invalid';
        entry.issues = result.errors.map((issue) => importIssue(issue, row.input));
        report.invalid++;
        continue;
      }
      const id = this.newId(lineOfNew);
      const { blDate, vessel, netKg } = result.value;
      const key = sameCargoKey(blDate, vessel, netKg);
      fileCargoes.set(key, [...(fileCargoes.get(key) ?? []), { id, blDate, vessel, netKg, blNumber: result.value.blNumber }]);
      lineOfNew.set(id, row.line);
      payloads.push({ type: 'record', id, shipment: result.value });
      report.added++;
    }
    return payloads;
  }

  /** A B/L number already in the ledger or on an earlier row of the file, as the row's issue; else null (and the row's line is noted). */
  private blNumberRepeat(blNumber: string | null, line: number, blLines: Map<string, number>): FieldIssue | null {
    if (blNumber === null) return null;
    const holder = this.state.findByBlNumber(blNumber);
    if (holder) {
      return { field: 'blNumber', code: 'blNumber.duplicate', message: `B/L number ${blNumber} is already in the ledger (${holder.vessel}, ${holder.blDate}); skipped.`, facts: { vessel: holder.vessel, date: holder.blDate, id: holder.id } };
    }
    const key = normaliseBlNumber(blNumber);
    const earlier = blLines.get(key);
    if (earlier !== undefined) {
      return { field: 'blNumber', code: 'blNumber.duplicate', message: `B/L number ${blNumber} already appears on line ${earlier} of this file; skipped.`, facts: { line: earlier } };
    }
    blLines.set(key, line);
    return null;
  }

  async useDemoLedger(_on: boolean): Promise<LedgerInfo> {
    throw new TransitError('invalid', 'This ledger was opened on its own; the demo ledger is available in the app.');
  }

  /** Records many shipments as one all-or-nothing write: how a demo ledger is filled. */
  recordMany(inputs: readonly ShipmentInput[]): Shipment[] {
    const context = this.context(false);
    const seen = new Set<string>();
    const payloads: EventPayload[] = [];
    inputs.forEach((input, index) => {
      const result = validateShipment(input, context);
      const bl = result.ok && result.value.blNumber !== null ? normaliseBlNumber(result.value.blNumber) : null;
      if (!result.ok || (bl !== null && seen.has(bl))) {
        const errors = result.ok ? [{ field: 'blNumber', code: 'blNumber.duplicate', message: `B/L number ${bl} appears twice.` }] : result.errors;
        throw invalid(errors, `Shipment ${index + 1}: ${errors.map((e) => e.message).join(' ')}`);
      }
      if (bl !== null) seen.add(bl);
      payloads.push({ type: 'record', id: this.newId(), shipment: result.value });
    });
    return this.ledger.append(payloads).map((event) => copy(this.state.shipments.get((event as { id: string }).id) as Shipment));
  }

  async verify(): Promise<VerifyReport> {
    return verifyLedger(this.ledger.path);
  }

}
