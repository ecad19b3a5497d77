/**
 * Reads a journal as a stream of lines, a few MiB at a time, so that a ledger of any size opens
 * without ever holding the whole file in one string (V8 caps a string at about 512 MiB).
 */
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface RawLine {
  /** The line's text without its newline (a CR before it is kept: the scan judges it). */
  text: string;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** Bytes the line occupies, its newline included. */
  bytes: number;
  /** False for a last line with no newline: a write that was cut short. */
  terminated: boolean;
  /** 1-based line number. */
  lineNo: number;
}

/** How much of a file one read takes: a journal up to this size is read whole at once. */
export const CHUNK = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * One read buffer kept from scan to scan, as large as the largest chunk read so far (at most
 * CHUNK). Fresh memory is paid for page by page when it is first written, and on a small ledger
 * that cost more than reading and splitting the file (measured: 0.3 ms to read 46 KB into a new
 * buffer, 5 µs into a kept one). A read inside a read (none today) gets a buffer of its own.
 */
let kept: Buffer | null = null;
let keptInUse = false;

function readBuffer(size: number): Buffer {
  if (keptInUse) return Buffer.allocUnsafe(size);
  keptInUse = true;
  if (kept === null || kept.length < size) kept = Buffer.allocUnsafe(size);
  return kept;
}

function releaseBuffer(buffer: Buffer): void {
  if (buffer === kept) keptInUse = false;
}

/**
 * The CRC-32 of bytes `from`…`to` of an open file, carried on from `crc` (that of the bytes before
 * `from`); null when the file ends first.
 */
export function crcOfRange(fd: number, from: number, to: number, crc = 0): number | null {
  const buffer = readBuffer(Math.max(1, Math.min(CHUNK, to - from)));
  let value = crc;
  try {
    for (let position = from; position < to;) {
      const read = fs.readSync(fd, buffer, 0, Math.min(buffer.length, to - position), position);
      if (read === 0) return null;
      value = zlib.crc32(buffer.subarray(0, read), value);
      position += read;
    }
  } finally {
    releaseBuffer(buffer);
  }
  return value;
}

/**
 * Calls `visit` for each line between byte `from` and byte `to` of an open file, in order; and
 * `onChunk` with each run of bytes read and its offset in the file, before any of its lines.
 */
export function forEachLine(
  fd: number,
  from: number,
  to: number,
  visit: (line: RawLine) => void,
  firstLineNo = 1,
  onChunk?: (bytes: Buffer, offset: number) => void,
): void {
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = from;
  let position = from;
  let lineNo = firstLineNo;
  const want = Math.max(1, Math.min(CHUNK, to - from));
  const buffer = readBuffer(want);
  try {
    while (position < to) {
      const read = fs.readSync(fd, buffer, 0, Math.min(want, to - position), position);
      if (read === 0) break;
      onChunk?.(buffer.subarray(0, read), position);
      position += read;
      const data =
        carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      const end = data.lastIndexOf(NEWLINE) + 1;
      if (end > 0) lineNo = visitLines(data, end, carryOffset, lineNo, visit);
      // The unfinished line is copied out: the buffer is read into again next.
      carry = Buffer.from(data.subarray(end));
      carryOffset += end;
    }
  } finally {
    releaseBuffer(buffer);
  }
  if (carry.length > 0)
    visit({
      text: carry.toString('utf8'),
      offset: carryOffset,
      bytes: carry.length,
      terminated: false,
      lineNo,
    });
}

/**
 * Bytes decoded into one string at a time, cut at a newline: a string this small is made among
 * the young objects, where the memory is already the process's own. A whole chunk as one string
 * (4 MiB) was fresh memory each time, paid page by page: a tenth of opening 10,000 cargoes.
 */
const WINDOW = 64 * 1024;

/**
 * Visits the whole lines in the first `end` bytes of `data` (which end with a newline); returns
 * the next line's number. They are decoded a window of lines at a time (see WINDOW).
 */
function visitLines(
  data: Buffer,
  end: number,
  base: number,
  firstLineNo: number,
  visit: (line: RawLine) => void,
): number {
  let lineNo = firstLineNo;
  for (let from = 0; from < end;) {
    let to = end;
    if (end - from > WINDOW) {
      const cut = data.lastIndexOf(NEWLINE, from + WINDOW - 1);
      // A line longer than the window is a window of its own.
      to = (cut >= from ? cut : data.indexOf(NEWLINE, from + WINDOW)) + 1;
    }
    lineNo = visitWindow(data, from, to, base, lineNo, visit);
    from = to;
  }
  return lineNo;
}

/**
 * The lines in bytes `from`…`to` of `data` (ending with a newline). Decoded once: where that gives
 * one character per byte (ASCII, as a journal usually is), a line's offset in the text is its
 * offset in the file too. Otherwise each line is found and decoded by itself, so its byte count
 * is exact whatever it holds.
 */
function visitWindow(
  data: Buffer,
  from: number,
  to: number,
  base: number,
  firstLineNo: number,
  visit: (line: RawLine) => void,
): number {
  let lineNo = firstLineNo;
  const text = data.toString('utf8', from, to);
  if (text.length === to - from) {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      visit({
        text: text.slice(start, nl),
        offset: base + from + start,
        bytes: nl - start + 1,
        terminated: true,
        lineNo,
      });
      lineNo++;
      start = nl + 1;
    }
    return lineNo;
  }
  let start = from;
  for (let nl = data.indexOf(NEWLINE, start); nl !== -1 && nl < to; nl = data.indexOf(NEWLINE, start)) {
    visit({
      text: data.toString('utf8', start, nl),
      offset: base + start,
      bytes: nl - start + 1,
      terminated: true,
      lineNo,
    });
    lineNo++;
    start = nl + 1;
  }
  return lineNo;
}

/** Reads `length` bytes at `offset` as text: one line, read again by its position. */
export function readAt(fd: number, offset: number, length: number): string {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = fs.readSync(fd, buffer, done, length - done, offset + done);
    if (read === 0) break;
    done += read;
  }
  return buffer.toString('utf8', 0, done);
}
