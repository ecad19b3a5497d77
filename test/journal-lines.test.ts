/**
 * The journal read as lines: every line's text, byte offset and size as splitting the file's bytes
 * at each newline gives them, whether its chunk decodes one character per byte (ASCII) or not
 * (Cyrillic, an emoji, bytes that are not UTF-8, a BOM), across the reads of a file of several
 * chunks, from any byte to any byte, and with one read inside another.
 */
import fs from 'node:fs';
import { forEachLine, type RawLine } from '../electron/core/journal/lines';
import { tempDir } from './support/temp';

const temp = tempDir('transit-lines-');
afterAll(() => temp.cleanup());

/** What forEachLine must report: the bytes split at each newline, the last piece unterminated. */
function reference(bytes: Buffer, from: number, to: number, firstLineNo = 1): RawLine[] {
  const lines: RawLine[] = [];
  let start = from;
  let lineNo = firstLineNo;
  for (let nl = bytes.indexOf(0x0a, start); nl !== -1 && nl < to; nl = bytes.indexOf(0x0a, start)) {
    lines.push({
      text: bytes.toString('utf8', start, nl),
      offset: start,
      bytes: nl - start + 1,
      terminated: true,
      lineNo: lineNo++,
    });
    start = nl + 1;
  }
  if (start < to)
    lines.push({
      text: bytes.toString('utf8', start, to),
      offset: start,
      bytes: to - start,
      terminated: false,
      lineNo,
    });
  return lines;
}

function read(file: string, from: number, to: number, firstLineNo = 1): RawLine[] {
  const fd = fs.openSync(file, 'r');
  try {
    const lines: RawLine[] = [];
    forEachLine(fd, from, to, (line) => lines.push({ ...line }), firstLineNo);
    return lines;
  } finally {
    fs.closeSync(fd);
  }
}

function write(name: string, parts: readonly (string | Buffer)[]): { file: string; bytes: Buffer } {
  const bytes = Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)),
  );
  const file = temp.file(name);
  fs.writeFileSync(file, bytes);
  return { file, bytes };
}

describe('forEachLine', () => {
  it.each([
    ['ASCII lines', ['{"seq":1}\n', '{"seq":2,"x":"abc"}\n', '{"seq":3}\n']],
    ['Cyrillic and an emoji', ['{"vessel":"Танкер"}\n', '{"remarks":"🛢 ok"}\n', 'plain\n']],
    ['bytes that are not UTF-8', [Buffer.from([0x7b, 0xff, 0x7d, 0x0a, 0xe2, 0x82, 0x0a, 0x41, 0x0a])]],
    ['a BOM, CRLF line ends and blank lines', ['\uFEFF{"seq":1}\r\n', '\n', '{"seq":2}\r\n', '\n']],
    ['a last line without its newline', ['{"seq":1}\n', '{"seq":2,"torn']],
    ['no newline at all', ['{"seq":1,"torn']],
  ] as const)('%s: as the bytes split at each newline', (_name, parts) => {
    const { file, bytes } = write('small.jsonl', parts);
    expect(read(file, 0, bytes.length)).toEqual(reference(bytes, 0, bytes.length));
  });

  describe('a file of several chunks', () => {
    // 4 MiB a read: about 11 MiB of lines of many lengths, some far longer than a chunk's remainder, some not ASCII.
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 11 * 1024 * 1024; i++) {
      const filler = i % 997 === 0 ? 'x'.repeat(700_000) : 'y'.repeat((i * 7919) % 900);
      const text = i % 13 === 0 ? `Груз ${filler}` : filler;
      const line = `{"seq":${i + 1},"text":"${text}"}\n`;
      parts.push(line);
      size += Buffer.byteLength(line);
    }
    const { file, bytes } = write('large.jsonl', parts);

    it('every line, from the first byte to the last', () => {
      expect(read(file, 0, bytes.length)).toEqual(reference(bytes, 0, bytes.length));
    });

    it('from a line in the middle to a byte in the middle of a later line (a read of what a writer appended)', () => {
      const from = bytes.indexOf(0x0a, 5_000_000) + 1;
      const to = 9_123_457;
      expect(read(file, from, to, 42)).toEqual(reference(bytes, from, to, 42));
    });

    it('a read inside a read gets its own buffer, and neither sees the other', () => {
      const outer: RawLine[] = [];
      const inner: RawLine[][] = [];
      const fd = fs.openSync(file, 'r');
      try {
        forEachLine(fd, 0, bytes.length, (line) => {
          outer.push({ ...line });
          if (line.lineNo % 5000 === 1) {
            const lines: RawLine[] = [];
            forEachLine(fd, 0, 300_000, (nested) => lines.push({ ...nested }));
            inner.push(lines);
          }
        });
      } finally {
        fs.closeSync(fd);
      }
      expect(outer).toEqual(reference(bytes, 0, bytes.length));
      const expected = reference(bytes, 0, 300_000);
      for (const lines of inner) expect(lines).toEqual(expected);
    });
  });
});
