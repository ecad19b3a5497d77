/**
 * Words for what a scan of the journal found: each lost entry named by what it held, as far as it
 * can still be read, and one message a person can act on. Screens in other languages use the
 * codes and numbers of the report; this is the English of the log, the CLI and the recovery note.
 */
import type { LostCargo, LostEntry, LostPeriod, RecoveryNote } from '../api';

/** At most this many findings are spelled out in a message; the report itself keeps them all. */
const LISTED = 20;

interface RecordLike {
  type?: unknown;
  seq?: unknown;
  shipment?: { vessel?: string; blDate?: string; netKg?: number; blNumber?: string | null };
  set?: { vessel?: string; blDate?: string; netKg?: number; blNumber?: string | null };
}

/** The cargo an intact entry names: a record's, or the parts of it an amendment sets; null when it names none. */
export function eventCargo(event: RecordLike): LostCargo | null {
  const fields = event.type === 'record' ? event.shipment : event.type === 'amend' ? event.set : undefined;
  if (!fields) return null;
  const cargo: LostCargo = {
    blNumber: typeof fields.blNumber === 'string' ? fields.blNumber : null,
    blDate: typeof fields.blDate === 'string' ? fields.blDate : null,
    vessel: typeof fields.vessel === 'string' ? fields.vessel : null,
    netKg: typeof fields.netKg === 'number' ? fields.netKg : null,
  };
  return Object.values(cargo).some((part) => part !== null) ? cargo : null;
}

function cargoText(cargo: LostCargo): string {
  const tonnes = cargo.netKg === null ? '? t' : `${cargo.netKg / 1000} t`;
  const bl = cargo.blNumber ?? '(no number)';
  return `record of ${cargo.vessel ?? '?'}, B/L ${bl} dated ${cargo.blDate ?? '?'}, ${tonnes}`;
}

export function describeEvent(event: RecordLike): string {
  if (event.type === 'record' && event.shipment) return cargoText(eventCargo(event) ?? NO_CARGO);
  if (typeof event.type === 'string')
    return `${event.type} entry${typeof event.seq === 'number' ? ` #${event.seq}` : ''}`;
  return 'an entry';
}

const NO_CARGO: LostCargo = { blNumber: null, blDate: null, vessel: null, netKg: null };

/**
 * A clerk re-enters a lost cargo from its bill of lading, so a line that no longer parses is
 * still read for the fields that survive in its text, rather than shown as raw JSON. Null when
 * none of them does.
 */
export function damagedCargo(text: string): LostCargo | null {
  // A nomination names a tanker and tonnes too: only a cargo's own entries are read as a cargo.
  const type = readableType(text);
  if (type !== undefined && !CARGO_TYPES.has(type)) return null;
  const quoted = (name: string) => new RegExp(`"${name}":"([^"\\\\]{0,200})"`).exec(text)?.[1] ?? null;
  const numeric = (name: string) => new RegExp(`"${name}":(\\d{1,16})[,}]`).exec(text)?.[1];
  const netKg = numeric('netKg');
  const cargo: LostCargo = {
    blNumber: quoted('blNumber'),
    blDate: quoted('blDate'),
    vessel: quoted('vessel'),
    netKg: netKg === undefined ? null : Number(netKg),
  };
  return Object.values(cargo).some((part) => part !== null) ? cargo : null;
}

/** The kind and number of entry a damaged line still shows, when no cargo can be read from it. */
function damagedEntry(text: string): { type: string | undefined; seq: string | undefined } | null {
  const seq = /"seq":(\d{1,16})[,}]/.exec(text)?.[1];
  const type = /"type":"(\w{1,20})"/.exec(text)?.[1];
  return type !== undefined || seq !== undefined ? { type, seq } : null;
}

/** The kind of entry a damaged line still names, if its `"type"` can be read. */
function readableType(text: string): string | undefined {
  return /"type":"([\w-]{1,30})"/.exec(text)?.[1];
}

const CARGO_TYPES = new Set(['record', 'amend', 'void']);

/**
 * The month a damaged line closed or reopened, as far as its text still shows it. Other entries
 * hold a month too (a nomination): a line whose kind can still be read as another is not a period's.
 * One whose kind cannot be read but that names a month may have been a close: it counts as one.
 */
export function damagedPeriod(text: string): LostPeriod | null {
  const type = readableType(text);
  if (type !== undefined && type !== 'close' && type !== 'reopen') return null;
  const month = /"month":"(\d{4}-(?:0[1-9]|1[0-2]))"/.exec(text)?.[1] ?? null;
  if (type === undefined && month === null) return null;
  return { action: type === 'close' || type === 'reopen' ? type : null, month };
}

/** The months whose close or reopen a confirmed lost entry held: their state is no longer known. */
export function unsettledMonths(lost: readonly LostEntry[]): string[] {
  const months = new Set<string>();
  for (const entry of lost) if (entry.confirmed && entry.period?.month) months.add(entry.period.month);
  return [...months].sort();
}

/** A damaged line's own text, shown when not even the kind of entry can be read from it. */
export function damagedText(text: string): string | null {
  if (damagedCargo(text) !== null || damagedEntry(text) !== null || damagedPeriod(text) !== null) return null;
  const printable = text.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
  if (printable === '') return null;
  return printable.length > 120 ? `${printable.slice(0, 117)}...` : printable;
}

/** A damaged line in English: the cargo it held as far as it can be read, or the entry it was, or its text. */
export function describeDamagedText(text: string): string {
  const cargo = damagedCargo(text);
  if (cargo !== null) return `${cargoText(cargo)} (as far as the damaged line can be read)`;
  const entry = damagedEntry(text);
  const period = damagedPeriod(text);
  const number = entry?.seq !== undefined ? ` #${entry.seq}` : '';
  if (period !== null) {
    const month = period.month ?? 'a month that cannot be read';
    return `${period.action ?? 'close or reopen'} of ${month}, entry${number} (its details cannot be read)`;
  }
  if (entry !== null) return `${entry.type ?? 'an'} entry${number} (its details cannot be read)`;
  return damagedText(text) ?? '(empty)';
}

/** The entry number a damaged line still shows, if any. */
export function seqInDamagedText(text: string): number | null {
  const found = /"seq":(\d{1,12})[,}]/.exec(text)?.[1];
  return found === undefined ? null : Number(found);
}

export function range(seq: number, count: number): string {
  return count === 1 ? `#${seq}` : `#${seq}–#${seq + count - 1}`;
}

export const LOSS_REASONS: Record<LostEntry['code'], string> = {
  torn: 'the last entry was cut short: the program stopped while saving it, before it was confirmed',
  damaged: 'this line is damaged: its checksum does not match its content',
  unreadable: 'this line is no longer a journal entry (it cannot be read)',
  removed: 'these entries are missing from the file: nothing is left of them where they stood',
  'cut-short': 'the file is shorter than it was: these confirmed entries at its end are gone',
  replaced:
    'the file is another copy than the one this ledger last confirmed: ' +
    'restore it from a backup or from the copy kept beside it',
  'batch-incomplete':
    'part of a multi-entry write (an import) that was cut short before it was confirmed, so none of it counts',
  orphan: 'it refers to an entry that was lost',
};

function lossLine(entry: LostEntry): string {
  // A line that shows no cargo and no entry number is named by the number it stood for.
  const numbered =
    entry.seq !== null &&
    entry.count === 1 &&
    entry.cargo === null &&
    !entry.excerpt.includes(`#${entry.seq}`);
  const where =
    entry.line === null
      ? ''
      : numbered
        ? `line ${entry.line}, entry #${entry.seq}: `
        : `line ${entry.line}: `;
  return `${where}${entry.excerpt} (${entry.reason})`;
}

function listed<T>(items: readonly T[], show: (item: T) => string): string {
  const shown = items.slice(0, LISTED).map(show).join('; ');
  return items.length > LISTED ? `${shown}; and ${items.length - LISTED} more` : shown;
}

export interface MessageInput {
  lost: readonly LostEntry[];
  notes: readonly RecoveryNote[];
  keptEntries: number;
  confirmedLost: number;
  backupPath: string | null;
  readOnly: boolean;
}

export function recoveryMessage(found: MessageInput): string {
  const where = found.backupPath ? ` The damaged original was kept unchanged as ${found.backupPath}.` : '';
  const repair = found.readOnly
    ? ' The file was opened read-only and was not changed; open it for writing to repair it.'
    : '';
  const notes = found.notes.length > 0 ? ` ${listed(found.notes, (note) => note.message)}.` : '';
  const unconfirmed = found.lost.filter((entry) => !entry.confirmed);
  const confirmed = found.lost.filter((entry) => entry.confirmed);
  if (confirmed.length === 0) {
    const serious = found.notes.some((note) => note.serious);
    const lead =
      unconfirmed.length > 0
        ? `The ledger was not closed cleanly: the last write was never confirmed to anyone and is not kept; ` +
          `every confirmed entry is intact (${found.keptEntries} journal entries). ` +
          `${listed(unconfirmed, lossLine)}.`
        : serious
          ? `The ledger file was changed by something other than this app; no entry is known to be missing ` +
            `(${found.keptEntries} journal entries), but check it against a backup.`
          : `Nothing is missing from the ledger (${found.keptEntries} journal entries), ` +
            `but the file is not as this app wrote it.`;
    return `${lead}${notes}${where}${repair}`;
  }
  const count =
    found.confirmedLost === 1
      ? '1 confirmed entry is lost'
      : `${found.confirmedLost} confirmed entries are lost`;
  const lead =
    `The ledger file was damaged: ${count}; the other ${found.keptEntries} journal entries were recovered. ` +
    `Re-enter what is listed here from the bills of lading or restore it from a backup: ` +
    `the details shown are read from the damaged lines and may themselves be wrong.`;
  return `${lead} ${listed(found.lost, lossLine)}.${periodsLost(found.lost)}${notes}${where}${repair}`;
}

/** What the loss of a close or reopen means: the month takes no write until a manager decides. */
function periodsLost(lost: readonly LostEntry[]): string {
  const months = unsettledMonths(lost);
  const unnamed = lost.some((entry) => entry.confirmed && entry.period && entry.period.month === null);
  const named =
    months.length === 0
      ? ''
      : ` The close or reopen of ${months.join(', ')} was lost: no cargo dated in ` +
        `${months.length === 1 ? 'that month' : 'those months'} can be recorded, amended or voided until a ` +
        `manager closes ${months.length === 1 ? 'it' : 'each'} again or reopens it ` +
        '(transit-ledger close or reopen --month M --reason R; see transit-ledger periods).';
  const unread = unnamed
    ? ' A close or reopen of a month that cannot be read was lost: check the closed months (transit-ledger periods).'
    : '';
  return `${named}${unread}`;
}
