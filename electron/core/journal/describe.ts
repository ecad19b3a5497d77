/**
 * Words for what a scan of the journal found: each lost entry named by what it held, as far as it
 * can still be read, and one message a person can act on. Screens in other languages use the
 * codes and numbers of the report; this is the English of the log, the CLI and the recovery note.
 */
import type { LostEntry, RecoveryNote } from '../api';

/** At most this many findings are spelled out in a message; the report itself keeps them all. */
const LISTED = 20;

interface RecordLike {
  type?: unknown;
  seq?: unknown;
  shipment?: { vessel?: string; blDate?: string; netKg?: number; blNumber?: string | null };
}

export function describeEvent(event: RecordLike): string {
  if (event.type === 'record' && event.shipment) {
    const s = event.shipment;
    const tonnes = typeof s.netKg === 'number' ? `${s.netKg / 1000} t` : '? t';
    return `record of ${s.vessel ?? '?'}, B/L ${s.blNumber ?? '(no number)'} dated ${s.blDate ?? '?'}, ${tonnes}`;
  }
  if (typeof event.type === 'string')
    return `${event.type} entry${typeof event.seq === 'number' ? ` #${event.seq}` : ''}`;
  return 'an entry';
}

/**
 * A clerk re-enters a lost cargo from its bill of lading, so a line that no longer parses is
 * still described by the fields that survive in its text, rather than as raw JSON.
 */
export function describeDamagedText(text: string): string {
  const quoted = (name: string) => new RegExp(`"${name}":"([^"\\\\]{0,200})"`).exec(text)?.[1];
  const numeric = (name: string) => new RegExp(`"${name}":(\\d{1,16})[,}]`).exec(text)?.[1];
  const vessel = quoted('vessel');
  const blNumber = quoted('blNumber');
  const blDate = quoted('blDate');
  const netKg = numeric('netKg');
  const seq = numeric('seq');
  if (vessel !== undefined || blNumber !== undefined || blDate !== undefined || netKg !== undefined) {
    const tonnes = netKg === undefined ? '? t' : `${Number(netKg) / 1000} t`;
    return `record of ${vessel ?? '?'}, B/L ${blNumber ?? '(no number)'} dated ${blDate ?? '?'}, ${tonnes} (as far as the damaged line can be read)`;
  }
  const type = /"type":"(\w{1,20})"/.exec(text)?.[1];
  if (type !== undefined || seq !== undefined)
    return `${type ?? 'an'} entry${seq !== undefined ? ` #${seq}` : ''} (its details cannot be read)`;
  const printable = text.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
  const excerpt = printable.length > 120 ? `${printable.slice(0, 117)}...` : printable;
  return excerpt.length > 0 ? excerpt : '(empty)';
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
    'the file is another copy than the one this ledger last confirmed: restore it from a backup or from the copy kept beside it',
  'batch-incomplete':
    'part of a multi-entry write (an import) that was cut short before it was confirmed, so none of it counts',
  orphan: 'it refers to an entry that was lost',
};

function lossLine(entry: LostEntry): string {
  const where = entry.line === null ? '' : `line ${entry.line}: `;
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
        ? `The ledger was not closed cleanly: the last write was never confirmed to anyone and is not kept; every confirmed entry is intact (${found.keptEntries} journal entries). ${listed(unconfirmed, lossLine)}.`
        : serious
          ? `The ledger file was changed by something other than this app; no entry is known to be missing (${found.keptEntries} journal entries), but check it against a backup.`
          : `Nothing is missing from the ledger (${found.keptEntries} journal entries), but the file is not as this app wrote it.`;
    return `${lead}${notes}${where}${repair}`;
  }
  const count =
    found.confirmedLost === 1
      ? '1 confirmed entry is lost'
      : `${found.confirmedLost} confirmed entries are lost`;
  const lead = `The ledger file was damaged: ${count}; the other ${found.keptEntries} journal entries were recovered. Re-enter what is listed here from the bills of lading or restore it from a backup: the details shown are read from the damaged lines and may themselves be wrong.`;
  return `${lead} ${listed(found.lost, lossLine)}.${notes}${where}${repair}`;
}
