/**
 * Another station's journal as received: its lines byte for byte, a prefix of that station's own
 * file, each checked (checksum, number, chain to the line before) before it is appended here and
 * again whenever the file is read. It is only ever appended to; a line cut short by a kill at the
 * end (never confirmed to the sync checkpoint) is cut off on open, since the server still has it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LedgerEvent } from '../events';
import { makeFolders } from '../folders';
import { BatchFolder } from '../journal/batches';
import { GENESIS, parseLine } from '../journal/format';
import { forEachLine } from '../journal/lines';
import { fsyncDirectory } from '../ledger';

export type LineCheck = { ok: true; event: LedgerEvent; sum: string } | { ok: false; reason: string };

/** Whether `line` can follow a journal ending at (lastSeq, lastSum), as station `station` could have written it. */
export function checkNextLine(line: string, station: string, lastSeq: number, lastSum: string): LineCheck {
  const parsed = parseLine(line);
  if (!parsed.ok)
    return {
      ok: false,
      reason:
        parsed.code === 'damaged' ? 'its checksum does not match its content' : 'it is not a journal entry',
    };
  const { prev, ...event } = parsed.event;
  if (event.seq !== lastSeq + 1)
    return { ok: false, reason: `it is entry #${event.seq} where #${lastSeq + 1} was due` };
  if (prev !== lastSum) return { ok: false, reason: `it does not chain to ${station}'s entry #${lastSeq}` };
  const own = claimsOtherStation(event as LedgerEvent, station);
  if (own !== null) return { ok: false, reason: own };
  return { ok: true, event: event as LedgerEvent, sum: parsed.sum };
}

/** What `station` could not have written: another station's name on its journal, or a base it had not written yet. */
function claimsOtherStation(event: LedgerEvent, station: string): string | null {
  if (event.type === 'station' && event.station !== station)
    return `it names its journal station ${event.station}, not ${station}`;
  if (
    event.type === 'seen' &&
    (typeof event.heads !== 'object' || event.heads === null || station in event.heads)
  )
    return 'its list of received entries is not one a station writes';
  if ((event.type === 'amend' || event.type === 'void') && event.base !== undefined) {
    const links = [event.base, ...(event.also ?? [])];
    for (const link of links) {
      const colon = typeof link === 'string' ? link.lastIndexOf(':') : -1;
      if (colon < 1) return `its base ${String(link)} is not an event id`;
      if (link.slice(0, colon) === station && Number(link.slice(colon + 1)) >= event.seq)
        return `it names ${link} as its base, an entry ${station} had not written yet`;
    }
  }
  return null;
}

export class MirrorJournal {
  private lastSeqValue = 0;
  private lastSumValue = GENESIS;
  private readonly sums: string[] = [];
  private size = 0;
  /** Why the file could not be read to its end (edited here), or null. */
  damage: string | null = null;

  private constructor(
    readonly station: string,
    readonly file: string,
  ) {}

  get lastSeq(): number {
    return this.lastSeqValue;
  }

  get lastSum(): string {
    return this.lastSumValue;
  }

  /** The bytes of the lines checked so far: what a backup copies. */
  get checkedSize(): number {
    return this.size;
  }

  /** The checksum of entry `seq`, when held. */
  sumAt(seq: number): string | undefined {
    return this.sums[seq - 1];
  }

  /**
   * Reads the received journal, checking every line; `visit` gets each entry whose import (if it is
   * one) is complete. A writable open cuts an unfinished last line.
   */
  static open(
    station: string,
    file: string,
    writable: boolean,
    visit: (event: LedgerEvent) => void,
  ): MirrorJournal {
    const mirror = new MirrorJournal(station, file);
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return mirror;
      throw error;
    }
    const folder = new BatchFolder(
      (event) => {
        visit(event);
        return null;
      },
      [],
      () => undefined,
    );
    let cutAt: number | null = null;
    try {
      const size = fs.fstatSync(fd).size;
      forEachLine(fd, 0, size, (line) => {
        if (mirror.damage !== null || cutAt !== null) return;
        if (!line.terminated) {
          cutAt = line.offset;
          return;
        }
        const checked = checkNextLine(line.text, station, mirror.lastSeqValue, mirror.lastSumValue);
        if (!checked.ok) {
          mirror.damage = `line ${line.lineNo} of ${file}: ${checked.reason}`;
          return;
        }
        mirror.take(checked.sum, line.bytes);
        folder.feed({ event: checked.event, lineNo: line.lineNo, at: 0 });
      });
      // An import whose commit has not arrived yet waits: its cargoes count once it is whole.
      folder.finish(0);
    } finally {
      fs.closeSync(fd);
    }
    if (cutAt !== null && writable) fs.truncateSync(file, cutAt);
    return mirror;
  }

  private take(sum: string, bytes: number): void {
    this.sums.push(sum);
    this.lastSeqValue++;
    this.lastSumValue = sum;
    this.size += bytes;
  }

  /** Appends checked lines (each `checkNextLine` against the one before) and makes them durable. */
  append(lines: readonly { text: string; sum: string }[]): void {
    if (lines.length === 0) return;
    const created = !fs.existsSync(this.file);
    if (created) makeFolders(path.dirname(this.file));
    const fd = fs.openSync(this.file, 'a');
    try {
      const buffer = Buffer.from(lines.map((line) => `${line.text}\n`).join(''), 'utf8');
      let offset = 0;
      while (offset < buffer.length) offset += fs.writeSync(fd, buffer, offset);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (created) fsyncDirectory(path.dirname(this.file));
    for (const line of lines) this.take(line.sum, Buffer.byteLength(line.text) + 1);
  }
}
