/**
 * The journal's tip, kept beside it in `<ledger>.tip`: the sequence number, checksum and byte size
 * of the last confirmed entry. A journal can only grow, so a file whose entries stop short of its
 * tip has lost confirmed entries at its end — which the chain alone can never show, since a
 * shortened chain is still a valid chain.
 *
 * The record is one fixed-width line rewritten in place after each fsynced append. It is not
 * fsynced itself (that would double the cost of recording): after a power cut it may be a few
 * entries behind, which only weakens the check, never raises a false alarm, because the journal's
 * own bytes were on disk before the tip was written.
 *
 * A writer that found every line of the journal intact also keeps the CRC-32 of the journal's
 * bytes up to the tip (version 2 of the line). An open whose file still has exactly those bytes
 * skips hashing each of those lines: the CRC vouches that they are the bytes already checked,
 * and it costs a fifth of hashing line by line. Any other byte there, and every line is checked.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

export interface Tip {
  seq: number;
  /** Byte size of the journal once that entry was written. */
  size: number;
  sum: string;
  /** CRC-32 of the journal's first `size` bytes, every line of them found intact; absent when not known. */
  crc?: number;
}

export type TipReading = { state: 'absent' } | { state: 'unreadable' } | { state: 'ok'; tip: Tip };

// Version 1 has no CRC; version 2 has one.
const SHAPE = new RegExp(
  '^transit-ledger tip v(1|2) seq=(\\d{12}) size=(\\d{16}) sum=([0-9a-f]{16})' +
    '(?: crc=([0-9a-f]{8}))? check=([0-9a-f]{8})\\n$',
);

export function tipPath(ledgerPath: string): string {
  return `${ledgerPath}.tip`;
}

// One-shot hashing (Node ≥ 20.12), as journal lines are checked: every open reads the tip.
const hashOnce = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;

function check(text: string): string {
  const digest = hashOnce ? hashOnce('sha256', text) : crypto.createHash('sha256').update(text).digest('hex');
  return digest.slice(0, 8);
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

export function formatTip(tip: Tip): string {
  const seq = String(tip.seq).padStart(12, '0');
  const size = String(tip.size).padStart(16, '0');
  const body =
    tip.crc === undefined
      ? `transit-ledger tip v1 seq=${seq} size=${size} sum=${tip.sum}`
      : `transit-ledger tip v2 seq=${seq} size=${size} sum=${tip.sum} crc=${hex8(tip.crc)}`;
  return `${body} check=${check(body)}\n`;
}

/** Longer than a tip line: a file that fills it is not one. */
const READ_LIMIT = 160;

export function readTip(ledgerPath: string): TipReading {
  let text: string;
  try {
    // One read of a small buffer: readFileSync would stat the file first, on every open of the ledger.
    const fd = fs.openSync(tipPath(ledgerPath), 'r');
    try {
      const buffer = Buffer.allocUnsafe(READ_LIMIT);
      text = buffer.toString('latin1', 0, fs.readSync(fd, buffer, 0, READ_LIMIT, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' };
    return { state: 'unreadable' };
  }
  const match = SHAPE.exec(text);
  if (!match || check(text.slice(0, text.indexOf(' check='))) !== match[6]) return { state: 'unreadable' };
  const [, version, seq, size, sum, crc] = match;
  if ((version === '2') !== (crc !== undefined)) return { state: 'unreadable' };
  const tip: Tip = { seq: Number(seq), size: Number(size), sum: sum as string };
  return { state: 'ok', tip: crc === undefined ? tip : { ...tip, crc: parseInt(crc, 16) } };
}

/** Keeps the tip file open and rewrites its one line in place: a few microseconds per append. */
export class TipWriter {
  /** The length of the line in the file; unknown (the file's own) until this writer first writes it. */
  private length = Infinity;

  private constructor(private fd: number | null) {}

  /** Opens (creating) the tip file; a new file's folder entry is made durable by the caller. */
  static open(ledgerPath: string): { writer: TipWriter; created: boolean } {
    const file = tipPath(ledgerPath);
    const created = !fs.existsSync(file);
    return { writer: new TipWriter(fs.openSync(file, created ? 'w+' : 'r+')), created };
  }

  write(tip: Tip): void {
    if (this.fd === null) return;
    const bytes = Buffer.from(formatTip(tip), 'latin1');
    fs.writeSync(this.fd, bytes, 0, bytes.length, 0);
    // A shorter line (version 1 after version 2) must not leave the longer one's end behind it.
    if (bytes.length < this.length) fs.ftruncateSync(this.fd, bytes.length);
    this.length = bytes.length;
  }

  /** Rewrites the tip and makes it durable: after a repair, when the journal itself was replaced. */
  writeDurably(tip: Tip): void {
    if (this.fd === null) return;
    this.write(tip);
    fs.fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}
