/**
 * Reads a journal as a stream of lines, a few MiB at a time, so that a ledger of any size opens
 * without ever holding the whole file in one string (V8 caps a string at about 512 MiB).
 */
import fs from 'node:fs';

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

const CHUNK = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

/** Calls `visit` for each line between byte `from` and byte `to` of an open file, in order. */
export function forEachLine(
  fd: number,
  from: number,
  to: number,
  visit: (line: RawLine) => void,
  firstLineNo = 1,
): void {
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = from;
  let position = from;
  let lineNo = firstLineNo;
  // A small ledger gets a buffer of its own size: allocating 4 MiB would cost more than reading it.
  const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, to - from)));
  while (position < to) {
    const read = fs.readSync(fd, chunk, 0, Math.min(chunk.length, to - position), position);
    if (read === 0) break;
    position += read;
    const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
    let start = 0;
    for (let end = data.indexOf(NEWLINE, start); end !== -1; end = data.indexOf(NEWLINE, start)) {
      visit({
        text: data.toString('utf8', start, end),
        offset: carryOffset + start,
        bytes: end - start + 1,
        terminated: true,
        lineNo: lineNo++,
      });
      start = end + 1;
    }
    // The unfinished line is copied out: the chunk buffer is reused by the next read.
    carry = Buffer.from(data.subarray(start));
    carryOffset += start;
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
