/**
 * A CSV file's bytes to text, decided once, here, for every import path (CLI, desktop, browser
 * mode). A file is read in the encoding it is in, or refused with the line and the byte where it
 * stops making sense; no decoder ever puts U+FFFD in place of what it could not read, since a
 * vessel name with a replacement character in it would be imported as a different vessel.
 *
 * Read: UTF-8 (with or without BOM); UTF-16 LE/BE with BOM (Excel's "Unicode text"); Windows-1251,
 * which Russian and Kazakh Excel write for a plain "CSV", when the bytes can only be that.
 * Pure (TextDecoder only), like csv.ts.
 */
import type { FieldIssue, ImportEncoding, IssueFacts } from './api';

/** The file as a transport delivered it: bytes, or text a caller already decoded. */
export type ImportSource = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'text'; text: string };

export type DecodedFile =
  { ok: true; text: string; encoding: ImportEncoding | null } | { ok: false; issue: FieldIssue };

export const ENCODING_LABELS: Record<ImportEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE (Excel “Unicode text”)',
  'utf-16be': 'UTF-16BE',
  'windows-1251': 'Windows-1251 (Cyrillic)',
};

export const SAVE_AS_UTF8 = 'In Excel: File → Save As → CSV UTF-8 (Comma delimited), then import that file.';

const LF = 0x0a;
const CR = 0x0d;
/** How far each side of a refused byte an excerpt reaches. */
const EXCERPT_REACH = 24;
/** Enough of a file to tell UTF-16 from other bytes with zeros in them. */
const SNIFF_BYTES = 64 * 1024;

export function decodeImportSource(source: ImportSource): DecodedFile {
  return source.kind === 'bytes' ? decodeCsvBytes(source.bytes) : checkText(source.text, null);
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedFile {
  const workbook = workbookFormat(bytes);
  if (workbook !== null) return refused(workbookIssue(workbook));
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeMarked(bytes, 'utf-8', 3);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeMarked(bytes, 'utf-16le', 2);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeMarked(bytes, 'utf-16be', 2);
  const zero = bytes.indexOf(0);
  if (zero !== -1) return refused(zeroIssue((i) => bytes[i] ?? -1, bytes.length, zero, 'byte'));
  const utf8 = decodeStrictly('utf-8', bytes);
  if (utf8 !== null) return checkText(utf8, 'utf-8');
  const cyrillic = readAsWindows1251(bytes);
  if (typeof cyrillic === 'string') return checkText(cyrillic, 'windows-1251');
  return refused(notTextIssue(bytes, cyrillic.badOffset));
}

/**
 * Text that reached the core already decoded (or just decoded here) must not carry the marks of
 * a decoder that gave up: NUL (UTF-16 read as something else) or U+FFFD (bytes it could not read).
 */
export function checkText(text: string, encoding: ImportEncoding | null): DecodedFile {
  const zero = text.indexOf('\0');
  if (zero !== -1) return refused(zeroIssue((i) => text.charCodeAt(i), text.length, zero, 'character'));
  const replaced = text.indexOf('\uFFFD');
  if (replaced !== -1) return refused(replacementIssue(text, replaced));
  return { ok: true, text, encoding };
}

function refused(issue: FieldIssue): DecodedFile {
  return { ok: false, issue };
}

function fileIssue(code: string, message: string, facts: IssueFacts): FieldIssue {
  return { field: 'file', code, message, facts };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function decodeStrictly(encoding: ImportEncoding, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM keeps the text exactly as the bytes say; a BOM is stripped by the caller.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A file whose first bytes name its encoding is read in that one or refused, never guessed at. */
function decodeMarked(bytes: Uint8Array, encoding: ImportEncoding, bomLength: number): DecodedFile {
  const text = decodeStrictly(encoding, bytes.subarray(bomLength));
  if (text !== null) return checkText(text, encoding);
  if (encoding === 'utf-8')
    return refused(
      invalidUtf8Issue(
        bytes,
        firstInvalidUtf8(bytes, bomLength),
        'The file starts with the mark of UTF-8 text, but it is not valid UTF-8',
      ),
    );
  return refused(brokenUtf16Issue(bytes, encoding === 'utf-16le'));
}

// ---------------------------------------------------------------------------------------------
// Windows-1251

/** Besides А–я: what Russian Excel puts in a port sheet (Ё ё, Kazakh І і, № « » – — NBSP, quotes, …). */
const WINDOWS_1251_EXTRAS = 'ЁёІі№«»–—\u00A0„“”‘’…';

const enum ByteClass {
  Refused,
  Latin,
  Cyrillic,
  Other,
}

let windows1251Classes: Uint8Array | null = null;

/** Each byte's class in a Windows-1251 Russian sheet, worked out from the code page itself on first use. */
function windows1251ClassTable(): Uint8Array {
  if (windows1251Classes === null) {
    const all = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    windows1251Classes = Uint8Array.from([...all], (c, byte) => {
      if (/[A-Za-z]/.test(c)) return ByteClass.Latin;
      if (byte < 0x80) return ByteClass.Other;
      if (/[А-яЁёІі]/.test(c)) return ByteClass.Cyrillic;
      return WINDOWS_1251_EXTRAS.includes(c) ? ByteClass.Other : ByteClass.Refused;
    });
  }
  return windows1251Classes;
}

/**
 * Windows-1251 maps every byte to something, so any file "decodes"; it is taken only when each
 * byte above 0x7F is a Russian letter or that punctuation and no word mixes Latin and Cyrillic
 * letters. UTF-8 Cyrillic cut by a stray byte reads as `РђРєС‚...` (ђ, є, ‚ are not in the set);
 * `Ast\xFF(na` would read `Astя(na`, and a Latin-1 or Turkish file puts a Cyrillic letter inside
 * a Latin word: all refused. One pass over the bytes (a 64 MB sheet), returning the first byte
 * that rules it out: a refused byte, or the first byte above 0x7F in a mixed word.
 */
function readAsWindows1251(bytes: Uint8Array): string | { badOffset: number } {
  const classes = windows1251ClassTable();
  let latin = false;
  let firstCyrillic = -1;
  for (let i = 0; i < bytes.length; i++) {
    const kind = classes[bytes[i] as number];
    if (kind === ByteClass.Latin) latin = true;
    else if (kind === ByteClass.Cyrillic) {
      if (firstCyrillic === -1) firstCyrillic = i;
    } else if (kind === ByteClass.Refused) return { badOffset: i };
    else {
      if (latin && firstCyrillic !== -1) return { badOffset: firstCyrillic };
      latin = false;
      firstCyrillic = -1;
    }
  }
  if (latin && firstCyrillic !== -1) return { badOffset: firstCyrillic };
  return new TextDecoder('windows-1251').decode(bytes);
}

// ---------------------------------------------------------------------------------------------
// Where a file goes wrong

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none (WHATWG rules). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  if (lead < 0x80) return 1;
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) min = 0xa0;
    if (lead === 0xed) max = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) min = 0x90;
    if (lead === 0xf4) max = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const next = bytes[i + k];
    if (next === undefined || next < (k === 1 ? min : 0x80) || next > (k === 1 ? max : 0xbf)) return 0;
  }
  return length;
}

function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** The 1-based line at `end`, counting CRLF, LF and a lone CR as one break each, as csv.ts does. */
function lineAt(unitAt: (i: number) => number, from: number, end: number, step = 1): number {
  let line = 1;
  for (let i = from; i < end; i += step) {
    const unit = unitAt(i);
    if (unit === LF || (unit === CR && unitAt(i + step) !== LF)) line++;
  }
  return line;
}

/** Control characters shown as `\xHH`, so an excerpt never prints a NUL or moves the cursor. */
export function visible(text: string): string {
  let shown = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    shown += code < 0x20 || code === 0x7f ? `\\x${hex(code).slice(2)}` : c;
  }
  return shown;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The refused byte's neighbourhood on its line: valid UTF-8 as text, each bad byte as `\xHH`. */
function utf8Excerpt(bytes: Uint8Array, offset: number): string {
  let start = offset;
  while (start > 0 && offset - start < EXCERPT_REACH && bytes[start - 1] !== LF && bytes[start - 1] !== CR)
    start--;
  // Everything before `offset` is valid UTF-8: step back to the start of a character.
  while (start < offset && ((bytes[start] as number) & 0xc0) === 0x80) start++;
  const decoder = new TextDecoder('utf-8');
  let text = start > 0 && bytes[start - 1] !== LF && bytes[start - 1] !== CR ? '…' : '';
  let i = start;
  while (i < bytes.length && i - offset < EXCERPT_REACH && bytes[i] !== LF && bytes[i] !== CR) {
    const length = utf8SequenceLength(bytes, i);
    text +=
      length === 0
        ? `\\x${hex(bytes[i] as number).slice(2)}`
        : visible(decoder.decode(bytes.subarray(i, i + length)));
    i += Math.max(length, 1);
  }
  return i < bytes.length && bytes[i] !== LF && bytes[i] !== CR ? `${text}…` : text;
}

/** As utf8Excerpt, for a file read one byte per character in Windows-1251. */
function windows1251Excerpt(bytes: Uint8Array, offset: number): string {
  const isBreak = (i: number) => bytes[i] === LF || bytes[i] === CR;
  let start = offset;
  while (start > 0 && offset - start < EXCERPT_REACH && !isBreak(start - 1)) start--;
  let end = offset + 1;
  while (end < bytes.length && end - offset < EXCERPT_REACH && !isBreak(end)) end++;
  const decoder = new TextDecoder('windows-1251');
  const before = visible(decoder.decode(bytes.subarray(start, offset)));
  const after = visible(decoder.decode(bytes.subarray(offset + 1, end)));
  const text = `${before}\\x${hex(bytes[offset] as number).slice(2)}${after}`;
  return `${start > 0 && !isBreak(start - 1) ? '…' : ''}${text}${end < bytes.length && !isBreak(end) ? '…' : ''}`;
}

function invalidUtf8Issue(
  bytes: Uint8Array,
  offset: number,
  lead: string,
  encoding = 'UTF-8',
  excerpt = utf8Excerpt(bytes, offset),
): FieldIssue {
  const line = lineAt((i) => bytes[i] ?? -1, 0, offset);
  const byte = hex(bytes[offset] as number);
  return fileIssue(
    'file.encoding',
    `${lead}: line ${line} has byte ${byte} at byte offset ${offset} (“${excerpt}”). ` +
      `Nothing was imported, so no name is garbled. ${SAVE_AS_UTF8}`,
    { encoding, line, byteOffset: offset, byte, excerpt },
  );
}

/**
 * Neither UTF-8 nor Windows-1251: the byte named is the one that stops the likelier reading. Text
 * before the first invalid UTF-8 byte is valid UTF-8; if it holds letters beyond ASCII the file was
 * meant as UTF-8 (`Актау` then a stray byte), otherwise it reads as Windows-1251 up to `badOffset`.
 */
function notTextIssue(bytes: Uint8Array, badOffset: number): FieldIssue {
  const firstInvalid = firstInvalidUtf8(bytes, 0);
  if (bytes.subarray(0, firstInvalid).some((byte) => byte >= 0x80)) {
    return invalidUtf8Issue(bytes, firstInvalid, 'The file is UTF-8 text, but not all of it');
  }
  return invalidUtf8Issue(
    bytes,
    badOffset,
    'The file is neither UTF-8 text nor Russian Windows-1251 text',
    'UTF-8 / Windows-1251',
    windows1251Excerpt(bytes, badOffset),
  );
}

/** UTF-16 with a BOM whose text breaks off: an odd last byte or half of a surrogate pair. */
function brokenUtf16Issue(bytes: Uint8Array, littleEndian: boolean): FieldIssue {
  const unitAt = (i: number) =>
    i + 1 >= bytes.length
      ? -1
      : littleEndian
        ? (bytes[i] as number) | ((bytes[i + 1] as number) << 8)
        : ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
  let offset = 2;
  while (offset < bytes.length) {
    const unit = unitAt(offset);
    if (unit === -1 || (unit >= 0xdc00 && unit <= 0xdfff)) break;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = unitAt(offset + 2);
      if (next < 0xdc00 || next > 0xdfff) break;
      offset += 2;
    }
    offset += 2;
  }
  const line = lineAt(unitAt, 2, offset, 2);
  let start = offset;
  while (
    start > 2 &&
    offset - start < 2 * EXCERPT_REACH &&
    unitAt(start - 2) !== LF &&
    unitAt(start - 2) !== CR
  )
    start -= 2;
  const bad = [...bytes.subarray(offset, offset + 2)];
  const before = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(
    bytes.subarray(start, offset),
  );
  const excerpt = visible(before) + bad.map((b) => `\\x${hex(b).slice(2)}`).join('');
  const byte = bad.map(hex).join(' ');
  const encoding = littleEndian ? 'UTF-16LE' : 'UTF-16BE';
  return fileIssue(
    'file.encoding',
    `The file starts with the mark of ${encoding} text, but it is not valid ${encoding}: line ${line} breaks off ` +
      `at byte offset ${offset} (“${excerpt}”). Nothing was imported. ${SAVE_AS_UTF8}`,
    { encoding, line, byteOffset: offset, byte, excerpt },
  );
}

/** `LE` or `BE` when nearly all zeros sit on one side of each pair, as ASCII in UTF-16 puts them. */
function utf16ByteOrder(unitAt: (i: number) => number, length: number): 'LE' | 'BE' | null {
  const zeros = [0, 0];
  for (let i = 0; i < Math.min(length, SNIFF_BYTES); i++) if (unitAt(i) === 0) (zeros[i % 2] as number)++;
  const [even, odd] = zeros as [number, number];
  if (even + odd < 4) return null;
  if (odd >= 0.9 * (even + odd)) return 'LE';
  if (even >= 0.9 * (even + odd)) return 'BE';
  return null;
}

function zeroIssue(
  unitAt: (i: number) => number,
  length: number,
  first: number,
  unit: 'byte' | 'character',
): FieldIssue {
  const byteOrder = utf16ByteOrder(unitAt, length);
  if (byteOrder !== null) {
    return fileIssue(
      'file.utf16_no_bom',
      `The file looks like UTF-16${byteOrder} text (what Excel saves as “Unicode text”) ` +
        'without the mark at its start that says so: every other byte is zero. ' +
        `Transit Ledger does not guess at it, and nothing was imported. ${SAVE_AS_UTF8}`,
      { byteOrder },
    );
  }
  const line = lineAt(unitAt, 0, first);
  const where = unit === 'byte' ? `a zero byte at byte offset ${first}` : 'a NUL character';
  return fileIssue(
    'file.binary',
    `The file is not CSV text: line ${line} has ${where}, which text never has. ` +
      `If it is UTF-16 text or a spreadsheet, open it in Excel and save it again; ` +
      `nothing was imported. ${SAVE_AS_UTF8}`,
    { line, ...(unit === 'byte' ? { byteOffset: first } : {}) },
  );
}

function replacementIssue(text: string, index: number): FieldIssue {
  const line = lineAt((i) => text.charCodeAt(i), 0, index);
  let start = index;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  const column = index - start + 1;
  const from = Math.max(start, index - EXCERPT_REACH);
  const rest = text.slice(index, index + EXCERPT_REACH).split(/[\r\n]/)[0] ?? '';
  const excerpt = `${from > start ? '…' : ''}${visible(text.slice(from, index) + rest)}`;
  return fileIssue(
    'file.replacement_char',
    `Line ${line} has the character “\uFFFD” (U+FFFD) at position ${column} (“${excerpt}”): ` +
      `a program puts it where it could not read the original letters, so this text was damaged ` +
      `before it reached Transit Ledger. Nothing was imported; ` +
      `import the original file. ${SAVE_AS_UTF8}`,
    { line, column, excerpt },
  );
}

type WorkbookFormat = 'xlsx' | 'xls';

function workbookFormat(bytes: Uint8Array): WorkbookFormat | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  return null;
}

function workbookIssue(format: WorkbookFormat): FieldIssue {
  return fileIssue(
    'file.workbook',
    `This is an Excel workbook (.${format}), not a CSV file; nothing was imported. ${SAVE_AS_UTF8}`,
    { format },
  );
}
