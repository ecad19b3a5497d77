/**
 * How the core reads an import file's bytes (electron/core/encoding.ts), as a specification: each
 * encoding a port office's Excel writes is read correctly, and everything else is refused with
 * the line and byte where it goes wrong, never decoded with U+FFFD in place of what was there.
 */
import fs from 'node:fs';
import type { FieldIssue, ImportReport } from '../electron/core/api';
import { checkText, decodeCsvBytes, type DecodedFile } from '../electron/core/encoding';
import { MAX_IMPORT_BASE64_CHARS } from '../electron/core/requests';
import { LedgerService } from '../electron/core/service';
import { dispatch, type Envelope } from '../electron/dispatch';
import { cp1251 } from './support/cp1251';
import { fixedNow, tempDir } from './support/temp';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    Buffer.concat(
      parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
    ),
  );

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), body]) : body);
}

function refusal(decoded: DecodedFile): FieldIssue {
  if (decoded.ok)
    throw new Error(`expected a refusal, got ${decoded.encoding ?? 'text'}: ${decoded.text.slice(0, 80)}`);
  return decoded.issue;
}

/** A refusal a terminal or a page can show as it is: no NUL, no control character, no U+FFFD of ours. */
function expectPrintable(issue: FieldIssue): void {
  const controls = [...issue.message].filter((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  expect(controls).toEqual([]);
  expect(issue.field).toBe('file');
}

describe('files that are read', () => {
  test('UTF-8 without a BOM is read as it is', () => {
    expect(decodeCsvBytes(utf8('Судно;Тонны\nАстана;9959,5\n'))).toEqual({
      ok: true,
      text: 'Судно;Тонны\nАстана;9959,5\n',
      encoding: 'utf-8',
    });
  });

  test('UTF-8 with a BOM (Excel "CSV UTF-8") is read without the BOM', () => {
    expect(
      decodeCsvBytes(bytes([0xef, 0xbb, 0xbf], Buffer.from('Vessel\nАктау\n').toString('latin1'))),
    ).toEqual({ ok: true, text: 'Vessel\nАктау\n', encoding: 'utf-8' });
  });

  test('an empty file is empty UTF-8 text (csv.ts says it has no header)', () => {
    expect(decodeCsvBytes(new Uint8Array(0))).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });

  test.each(['le', 'be'] as const)(
    'UTF-16%s with a BOM (Excel "Unicode text", tab-separated) is read, Cyrillic and all',
    (order) => {
      const text = 'Дата коносамента\tСудно\tТонны\r\n03.05.2024\tАстана\t9959,5\r\n';
      expect(decodeCsvBytes(utf16(text, order, true))).toEqual({
        ok: true,
        text,
        encoding: `utf-16${order}`,
      });
    },
  );

  test('Windows-1251 from Russian Excel is read as Cyrillic, with № « » – — NBSP ё Ё and Kazakh І', () => {
    const text = [
      'Дата коносамента;№ коносамента;Судно;Тонны;Примечание',
      '03.05.2024;АКТ-1;«Ёлкино»;9\u00a0959,5;рейс 7 – задержка — ёмкость, Іле',
      '',
    ].join('\r\n');
    expect(decodeCsvBytes(cp1251(text))).toEqual({ ok: true, text, encoding: 'windows-1251' });
  });
});

describe('files that are refused, naming the line and the byte', () => {
  test('a non-UTF-8 byte in a Latin name is not read as Windows-1251: `Ast\\xFF(na` is not `Astя(na`', () => {
    const file = bytes('B/L date,Vessel,Net tonnes\n2024-07-01,Ast', [0xff], '(na,9959.5\n');
    const issue = refusal(decodeCsvBytes(file));
    expect(issue).toMatchObject({
      code: 'file.encoding',
      facts: {
        encoding: 'UTF-8 / Windows-1251',
        line: 2,
        byteOffset: 41,
        byte: '0xFF',
        excerpt: '2024-07-01,Ast\\xFF(na,9959.5',
      },
    });
    expect(issue.message).toContain('line 2 has byte 0xFF at byte offset 41');
    expect(issue.message).toContain('File → Save As → CSV UTF-8 (Comma delimited)');
    expect(issue.message).not.toContain('\uFFFD');
    expectPrintable(issue);
  });

  test('UTF-8 Cyrillic with a stray byte after it is refused at that byte, not read as Windows-1251 mojibake', () => {
    const file = new Uint8Array([
      ...utf8('Дата;Судно;Тонны\r\n03.05.2024;Актау'),
      0xd0,
      ...utf8(';9959,5\r\n'),
    ]);
    const issue = refusal(decodeCsvBytes(file));
    const offset = utf8('Дата;Судно;Тонны\r\n03.05.2024;Актау').length;
    expect(issue).toMatchObject({
      code: 'file.encoding',
      facts: {
        encoding: 'UTF-8',
        line: 2,
        byteOffset: offset,
        byte: '0xD0',
        excerpt: '03.05.2024;Актау\\xD0;9959,5',
      },
    });
    expectPrintable(issue);
  });

  test.each([
    ['Latin-1 "Café"', bytes('Vessel\nCaf', [0xe9], '\n'), 2, 'E9'],
    ['Turkish/Azerbaijani code page "Bakı"', bytes('Vessel\nBak', [0xfd], '\n'), 2, 'FD'],
    [
      'a Windows-1251 sign outside Russian letters and common punctuation (°, frequent in UTF-8 mojibake)',
      new Uint8Array([...cp1251('Судно;Примечание\nАстана;25'), 0xb0, ...cp1251('C\n')]),
      2,
      'B0',
    ],
    [
      'an overlong encoding of "/" in a UTF-8 file',
      new Uint8Array([...utf8('Судно\r\n\r\nA'), 0xc0, 0xaf, 0x0a]),
      3,
      'C0',
    ],
    [
      'a surrogate encoded in a UTF-8 file',
      new Uint8Array([...utf8('Судно\rA'), 0xed, 0xa0, 0x80, 0x0d]),
      2,
      'ED',
    ],
  ])('%s is refused at the byte that is wrong', (_name, file, line, hex) => {
    const issue = refusal(decodeCsvBytes(file));
    expect(issue.code).toBe('file.encoding');
    expect(issue.facts?.line).toBe(line);
    expect(issue.message).toMatch(new RegExp(`line ${line} has byte 0x${hex} at`));
    expectPrintable(issue);
  });

  test('a file marked as UTF-8 by its BOM is never guessed to be Windows-1251', () => {
    const issue = refusal(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...cp1251('Судно\nАктау\n')])));
    expect(issue).toMatchObject({ code: 'file.encoding', facts: { line: 1, byteOffset: 3, byte: '0xD1' } });
    expect(issue.message).toMatch(/starts with the mark of UTF-8 text/);
  });

  test.each(['le', 'be'] as const)(
    'UTF-16%s without a BOM is refused naming UTF-16, and its zero bytes are never printed',
    (order) => {
      const issue = refusal(
        decodeCsvBytes(utf16('B/L date\tVessel\tNet tonnes\r\n2024-07-01\tАстана\t9959.5\r\n', order, false)),
      );
      expect(issue).toMatchObject({ code: 'file.utf16_no_bom', facts: { byteOrder: order.toUpperCase() } });
      expect(issue.message).toMatch(/UTF-16/);
      expect(issue.message).not.toMatch(/control characters/);
      expectPrintable(issue);
    },
  );

  test('UTF-16 with a BOM that breaks off mid-character is refused on its line', () => {
    const file = new Uint8Array([
      ...utf16('Vessel\r\nAst', 'le', true),
      0x00,
      0xd8,
      ...utf16('ana\r\n', 'le', false),
    ]);
    const issue = refusal(decodeCsvBytes(file));
    expect(issue).toMatchObject({
      code: 'file.encoding',
      facts: { encoding: 'UTF-16LE', line: 2, byteOffset: 24, excerpt: 'Ast\\x00\\xD8' },
    });
    expectPrintable(issue);
  });

  test('zero bytes that do not look like UTF-16 make a file "not CSV text", with the line of the first', () => {
    const issue = refusal(
      decodeCsvBytes(bytes('Vessel\nAstana\nx', [0, 0x13, 0x37, 0, 0, 0xff, 0, 1, 0], '\n')),
    );
    expect(issue).toMatchObject({ code: 'file.binary', facts: { line: 3, byteOffset: 15 } });
    expect(issue.message).toMatch(/UTF-16/);
    expectPrintable(issue);
  });

  test.each([
    ['xlsx', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], '[Content_Types].xml')],
    ['xls', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
  ])('an Excel workbook (.%s) is named as one, with how to save it as CSV', (format, file) => {
    const issue = refusal(decodeCsvBytes(file));
    expect(issue).toMatchObject({ code: 'file.workbook', facts: { format } });
    expect(issue.message).toContain('CSV UTF-8');
  });

  test('a UTF-8 file that holds U+FFFD was damaged by an earlier decoder and is refused where it holds it', () => {
    const issue = refusal(decodeCsvBytes(utf8('Vessel;Tonnes\r\nАктау\uFFFD;9959,5\r\n')));
    expect(issue).toMatchObject({
      code: 'file.replacement_char',
      facts: { line: 2, column: 6, excerpt: 'Актау\uFFFD;9959,5' },
    });
  });
});

describe('text a caller decoded itself', () => {
  test('is taken as it is when no decoder gave up on it', () => {
    expect(checkText('Vessel\nАктау\n', null)).toEqual({ ok: true, text: 'Vessel\nАктау\n', encoding: null });
  });

  test('with U+FFFD in it is refused the same way as such a file', () => {
    const issue = refusal(checkText('B/L date,Vessel,Net tonnes\n2024-07-01,Ast\uFFFD(na,9959.5\n', null));
    expect(issue).toMatchObject({ code: 'file.replacement_char', facts: { line: 2, column: 15 } });
    expect(issue.message).toMatch(/damaged before it reached Transit Ledger/);
  });

  test('that is UTF-16 read as single bytes is refused naming UTF-16, without printing its NULs', () => {
    const issue = refusal(
      checkText(Buffer.from('Vessel\tTonnes\r\nAstana\t9959\r\n', 'utf16le').toString('latin1'), null),
    );
    expect(issue).toMatchObject({ code: 'file.utf16_no_bom', facts: { byteOrder: 'LE' } });
    expectPrintable(issue);
  });
});

describe('the import request, as IPC and HTTP deliver it (through dispatch)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let service: LedgerService;
  const call = (request: unknown): Promise<Envelope> =>
    dispatch(service, 'importCsv', [request], () => undefined);

  beforeEach(() => {
    tmp = tempDir('transit-encoding-');
    service = LedgerService.open(tmp.file('ledger.jsonl'), { actor: 'test', now: fixedNow });
  });

  afterEach(() => {
    service.close();
    tmp.cleanup();
  });

  test('a Windows-1251 sheet sent as base64 is imported as Cyrillic; the report says how it was read', async () => {
    const base64 = Buffer.from(
      cp1251('Дата коносамента;Судно;Тонны\r\n01.07.2024;Актау;9959,5\r\n'),
    ).toString('base64');
    const envelope = await call({ base64, dryRun: false });
    expect(envelope).toMatchObject({
      ok: true,
      value: { committed: true, added: 1, encoding: 'windows-1251' },
    });
    // Актау read right is the fleet's Aktau (read wrong, it would be no tanker and refused).
    expect((await service.listShipments({ year: 2024 })).map((s) => s.vessel)).toEqual(['Aktau']);
  });

  test('a refused encoding is a report with the file issue, not an error, and nothing is written', async () => {
    const base64 = Buffer.from(
      'B/L date,Vessel,Net tonnes\n2024-07-01,Ast\xff(na,9959.5\n',
      'latin1',
    ).toString('base64');
    const envelope = await call({ base64 });
    expect(envelope.ok).toBe(true);
    const report = (envelope as { value: ImportReport }).value;
    expect(report).toMatchObject({
      committed: false,
      added: 0,
      encoding: null,
      fileIssues: [{ code: 'file.encoding', facts: { line: 2, byteOffset: 41 } }],
    });
    expect(fs.existsSync(tmp.file('ledger.jsonl'))).toBe(false);
  });

  test.each([
    ['both text and base64', { text: 'a\n', base64: 'YQo=' }, 'request.file'],
    ['neither', { dryRun: true }, 'request.file'],
    [
      'base64 that is not base64 (a damaged transfer is refused, not imported short)',
      { base64: 'QWJj*GVm' },
      'base64.invalid',
    ],
    ['base64 cut short', { base64: 'QWJjZGV' }, 'base64.invalid'],
    ['base64 as a number', { base64: 42 }, 'base64.type'],
  ])('a request with %s is refused', async (_name, request, code) => {
    expect(await call(request)).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ code }] } });
  });

  test('the limit is 64 MiB of file, not of base64: a 48+ MiB file passes, a larger one is refused', async () => {
    // 64 MiB + 4 characters of base64 (newlines only, cheap to read): over the transport's old limit.
    const big = await call({ base64: 'CgoK'.repeat(16 * 1024 * 1024 + 1), dryRun: true });
    expect(big).toMatchObject({
      ok: true,
      value: { encoding: 'utf-8', fileIssues: [{ code: 'csv.empty' }] },
    });
    const tooLarge = await call({ base64: 'CgoK'.repeat(MAX_IMPORT_BASE64_CHARS / 4 + 1) });
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
