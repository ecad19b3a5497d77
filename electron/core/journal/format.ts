/**
 * How one journal line is written and checked. Every line is a JSON object whose last member is
 * `"sum"`: the first 16 hex digits of the SHA-256 of the line without it, which includes `prev`,
 * the sum of the line before. So a line proves its own content, and the chain proves the order.
 */
import crypto from 'node:crypto';
import type { EventPayload, LedgerEvent } from '../events';

export const SUM_LENGTH = 16;
const SUM_PREFIX = ',"sum":"';
// `,"sum":"` + 16 hex + `"}`: the fixed tail every line ends with.
export const SUM_SUFFIX_LENGTH = SUM_PREFIX.length + SUM_LENGTH + 2;
export const GENESIS = '0'.repeat(SUM_LENGTH);

// One-shot hashing (Node ≥ 20.12) costs half of createHash per line, which matters on open at 100,000 lines.
const hashOnce = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;

export function checksum(body: string): string {
  const digest = hashOnce ? hashOnce('sha256', body) : crypto.createHash('sha256').update(body).digest('hex');
  return digest.slice(0, SUM_LENGTH);
}

export type StoredEvent = LedgerEvent & { prev: string };

export function serialise(
  meta: Omit<LedgerEvent, keyof EventPayload> & EventPayload,
  prev: string,
): { line: string; sum: string } {
  const body = JSON.stringify({ ...meta, prev });
  const sum = checksum(body);
  return { line: `${body.slice(0, -1)}${SUM_PREFIX}${sum}"}\n`, sum };
}

/** A line as read back by its position: without its line end, or a BOM an editor put first. */
export function bareLine(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.endsWith('\r\n') ? text.length - 2 : text.endsWith('\n') ? text.length - 1 : text.length;
  return text.slice(start, end);
}

export type ParsedLine =
  { ok: true; event: StoredEvent; sum: string } | { ok: false; code: 'damaged' | 'unreadable'; text: string };

/** A line whose checksum matches its body, not yet parsed. */
export type CheckedLine = { ok: true; body: string; sum: string } | Extract<ParsedLine, { ok: false }>;

/**
 * The first half of parseLine: the line's shape and checksum. A reader of many lines checks a
 * group of them before parsing the group: hashing and parsing line by line, each evicts what the
 * other keeps warm, and the same lines took about a tenth longer.
 */
export function checkLine(line: string): CheckedLine {
  if (!wellFormed(line)) return { ok: false, code: 'unreadable', text: line };
  const body = `${line.slice(0, -SUM_SUFFIX_LENGTH)}}`;
  const sum = checksum(body);
  // The sum kept is the digest's, not a slice of the line: a line may be a slice of a whole chunk of the file.
  if (!line.startsWith(sum, line.length - SUM_LENGTH - 2)) return { ok: false, code: 'damaged', text: body };
  return { ok: true, body, sum };
}

/**
 * checkLine for a line among bytes already found intact, as a tip's CRC vouches (journal/tip.ts):
 * its shape, and the sum it states taken as its checksum, without hashing it again.
 */
export function vouchedLine(line: string): CheckedLine {
  if (!wellFormed(line)) return { ok: false, code: 'unreadable', text: line };
  const end = line.length - 2;
  return { ok: true, body: `${line.slice(0, -SUM_SUFFIX_LENGTH)}}`, sum: line.slice(end - SUM_LENGTH, end) };
}

function wellFormed(line: string): boolean {
  return (
    line.length > SUM_SUFFIX_LENGTH &&
    line.endsWith('"}') &&
    line.startsWith(SUM_PREFIX, line.length - SUM_SUFFIX_LENGTH)
  );
}

/** The second half of parseLine: the checked body as an event. */
export function parseChecked(checked: CheckedLine): ParsedLine {
  if (!checked.ok) return checked;
  const { body, sum } = checked;
  try {
    const event = JSON.parse(body) as StoredEvent;
    if (typeof event !== 'object' || event === null || !Number.isSafeInteger(event.seq) || event.seq < 1) {
      return { ok: false, code: 'unreadable', text: body };
    }
    return { ok: true, event, sum };
  } catch {
    return { ok: false, code: 'unreadable', text: body };
  }
}

/** Checks one line (without its newline) and parses it; a line that fails says how. */
export function parseLine(line: string): ParsedLine {
  return parseChecked(checkLine(line));
}
