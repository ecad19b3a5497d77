/**
 * Issue 9: no English in a Russian, Azerbaijani or Kazakh import preview. Every code the import
 * path can give (the file's decoding and shape in encoding.ts and csv.ts, each field's reading and
 * the rules across fields in shipment.ts, duplicates and voided rows in service.ts) is found in
 * the core's source, so a new code without a sentence in all four languages fails here; then the
 * real core reads sheets full of bad rows and every message it gives is said in each language.
 * The core's modules use Node, which the page's types leave out: they are loaded untyped and typed here.
 */
import type { FieldIssue, ImportReport, ImportRowReport, IssueFacts } from '../../../electron/core/api';
import { decodeCsvBytes } from '../../../electron/core/encoding';
import { FIELDS, type FieldKind } from '../../../electron/core/fields';
import { MESSAGES } from '../../../renderer/src/i18n';
import {
  importIssueText,
  ISSUE_PREFIX,
  ISSUE_VARIANTS,
  issueKey,
} from '../../../renderer/src/reports/messages';
import { LANGUAGES, type Language } from '../../../renderer/src/settings';
import { BAD_SHEET, fs, realLedgerPerTest } from './real-core';

const ledger = realLedgerPerTest();

const TEST_PATH = expect.getState().testPath ?? '';
const ROOT = TEST_PATH.slice(0, TEST_PATH.lastIndexOf('/test/renderer/'));
const source = (file: string) => fs.readFileSync(`${ROOT}/${file}`, 'utf8');
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1] as string);

/** Words no Russian, Azerbaijani or Kazakh sentence of the preview may hold. */
// Whole words only: Azerbaijani "isə" holds no English "is" (\b counts "ə" as no letter; \p{L} does).
const ENGLISH =
  /(?<!\p{L})(the|is|not|does|skipped|Column|line|must|file|row|cargo|already|ledger|could|number)(?!\p{L})/u;

/** The suffixes each reader of shipment.ts refuses with (`refused(spec, 'format', …)`), by the kind it reads. */
function validatorSuffixes(): Map<FieldKind, Set<string>> {
  const text = source('electron/core/shipment.ts');
  const bodies = new Map<string, string>();
  for (const part of text.split(/\n(?=(?:export )?function )/)) {
    const name = /^(?:export )?function (\w+)/.exec(part)?.[1];
    if (name) bodies.set(name, part);
  }
  const dispatch = bodies.get('readField') ?? '';
  const byKind = new Map<FieldKind, Set<string>>();
  for (const [, kind, reader] of dispatch.matchAll(/case '(\w+)':\s*return (\w+)\(/g)) {
    const body = bodies.get(reader as string) ?? '';
    const suffixes = new Set(all(body, /refused\(\s*spec,\s*'(\w+)'/g));
    if (body.includes('ambiguityIssue(')) suffixes.add('ambiguous');
    // A date is refused as every typed date is (date-refusal.ts): its reasons are the suffixes.
    if (body.includes('readTypedDate('))
      for (const reason of all(source('electron/core/date-refusal.ts'), /reason: '(\w+)'/g))
        suffixes.add(reason);
    byKind.set(kind as FieldKind, suffixes);
  }
  return byKind;
}

/** Every code an import can report, as the core's source writes them. */
function importCodes(): string[] {
  const codes = new Set<string>();
  // The file: its decoding and its shape.
  for (const file of ['electron/core/encoding.ts', 'electron/core/csv.ts'])
    for (const code of all(source(file), /fileIssue\(\s*'([\w.]+)'/g)) codes.add(code);
  // Each field, by what its reader refuses.
  const byKind = validatorSuffixes();
  expect(byKind.size).toBe(6);
  for (const field of FIELDS)
    for (const suffix of byKind.get(field.kind) ?? []) codes.add(`${field.key}.${suffix}`);
  // The rules across fields (and the shapes a form could send, which a CSV row never is).
  const shipment = source('electron/core/shipment.ts');
  for (const code of all(shipment, /code: '([\w.]+)'/g)) codes.add(code);
  // A rule over one kind of text field (a number's characters) names its code by the field.
  for (const suffix of all(shipment, /code: `\$\{spec\.key\}\.(\w+)`/g))
    for (const field of FIELDS) if (field.kind === 'text') codes.add(`${field.key}.${suffix}`);
  codes.add(/DUPLICATE_CARGO = '([\w.]+)'/.exec(shipment)?.[1] ?? 'DUPLICATE_CARGO');
  // A row dated in a closed month: the rule is the periods' own.
  for (const code of all(source('electron/core/periods.ts'), /code: '(blDate\.[\w.]+)'/g)) codes.add(code);
  // What only an import says: a row the file voids, a B/L number or a cargo seen before.
  const service = source('electron/core/service.ts');
  const importing = service.slice(
    service.indexOf('private importRows('),
    service.indexOf('async useDemoLedger('),
  );
  expect(importing.length).toBeGreaterThan(0);
  for (const code of all(importing, /code: '([\w.]+)'/g)) codes.add(code);
  // Not an import's: a form names a field the table lacks, or sends no set of fields at all.
  codes.delete('unknown_field');
  codes.delete('shipment.type');
  codes.delete('amend.no_change');
  return [...codes].sort();
}

describe('every code the import path gives has its sentence in every language', () => {
  const codes = importCodes();

  test('the codes are found in the source (a change of shape there must not empty this list)', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'csv.unknown_column',
        'csv.missing_column',
        'file.encoding',
        'file.workbook',
        'blDate.impossible',
        'netTonnes.ambiguous',
        'barrels.ratio',
        'status.unknown',
        'vessel.required',
        'remarks.too_long',
        'shipment.duplicate',
        'blNumber.duplicate',
        'row.voided',
        'blDate.month_closed',
      ]),
    );
    expect(codes.length).toBeGreaterThan(60);
  });

  test.each(codes)('%s', (code) => {
    const variants = [null, ...(ISSUE_VARIANTS[code] ?? [])];
    for (const variant of variants) {
      // The facts that pick each sentence: a twin's line in the file, a month's length, where quoting broke.
      const facts: IssueFacts =
        variant === 'inFile'
          ? { line: 3 }
          : variant === 'noMonth' || variant === 'noLine'
            ? {}
            : code === 'csv.malformed'
              ? { line: 3 }
              : { days: 28 };
      const key = issueKey(code, facts);
      expect({ code, variant, key }).toEqual({ code, variant, key: expect.any(String) });
      if (variant !== null) expect(key).toBe(`${code}.${variant}`);
      const placeholders = (language: Language) =>
        [...(MESSAGES[language][ISSUE_PREFIX + (key as string)] ?? '').matchAll(/\{(\w+)\}/g)]
          .map((match) => match[1])
          .sort();
      for (const language of LANGUAGES) {
        expect(MESSAGES[language][ISSUE_PREFIX + (key as string)]).toEqual(expect.any(String));
        expect({ language, placeholders: placeholders(language) }).toEqual({
          language,
          placeholders: placeholders('en'),
        });
      }
    }
  });
});

describe("the real core's messages for a sheet of bad rows, said in each language", () => {
  /** Each listed row's issues and warnings with the row they belong to. */
  const issuesOf = (report: ImportReport): [FieldIssue, ImportRowReport | undefined][] => [
    ...report.fileIssues.map((issue): [FieldIssue, undefined] => [issue, undefined]),
    ...report.rows.flatMap((r) =>
      [...r.issues, ...r.warnings].map((issue): [FieldIssue, ImportRowReport] => [issue, r]),
    ),
  ];

  function expectSaidIn(
    language: Exclude<Language, 'en'>,
    issues: [FieldIssue, ImportRowReport | undefined][],
  ) {
    for (const [issue, r] of issues) {
      const text = importIssueText(language, issue, r);
      const english = importIssueText('en', issue, r);
      expect({ code: issue.code, text }).toEqual({
        code: issue.code,
        text: expect.not.stringMatching(ENGLISH),
      });
      expect({ code: issue.code, text }).toEqual({
        code: issue.code,
        text: expect.not.stringMatching(/\{\w+\}/),
      });
      expect(text).not.toBe(issue.message);
      expect(text).not.toBe(english);
    }
  }

  test('every row message', async () => {
    const report = await ledger.current.importCsv({ text: BAD_SHEET, dryRun: true });
    const codes = new Set(issuesOf(report).map(([issue]) => issue.code));
    expect([...codes].sort()).toEqual(
      expect.arrayContaining([
        'barrels.format',
        'barrels.ratio',
        'blDate.future',
        'blDate.format',
        'blDate.impossible',
        'blDate.old',
        'blDate.required',
        'blDate.too_old',
        'blNumber.duplicate',
        'imo.check_digit',
        'imo.format',
        'netTonnes.above_deadweight',
        'netTonnes.format',
        'netTonnes.not_positive',
        'netTonnes.precision',
        'netTonnes.too_large',
        'netTonnes.unusual',
        'outturnTonnes.difference',
        'outturnTonnes.format',
        'remarks.control_chars',
        'remarks.too_long',
        'row.voided',
        'shipment.duplicate',
        'status.unknown',
        'vessel.control_chars',
        'vessel.required',
        'vessel.matched',
        'vessel.too_long',
        'vessel.unknown',
      ]),
    );
    for (const language of ['ru', 'az', 'kk'] as const) expectSaidIn(language, issuesOf(report));
  });

  test('in Russian, with the facts and the row written the Russian way', async () => {
    const report = await ledger.current.importCsv({ text: BAD_SHEET, dryRun: true });
    const said = (line: number) => {
      const r = report.rows.find((each) => each.line === line) as ImportRowReport;
      return [...r.issues, ...r.warnings].map((issue) => importIssueText('ru', issue, r).replace(/\s/g, ' '));
    };
    expect(said(2)).toEqual([
      'Даты коносамента 31.02.2024 не существует: последний день этого месяца — 29.02.2024.',
    ]);
    expect(said(6)).toEqual(['Дата коносамента 01.09.2024 в будущем; сегодня в Актау 15.08.2024.']);
    expect(said(27)).toEqual(['Коносамент KZ-1 уже есть в журнале (Liwa, 01.08.2024); строка пропущена.']);
    expect(said(29)).toEqual(['Коносамент KZ-9 уже встречается в строке 28 этого файла; строка пропущена.']);
    expect(said(30)).toEqual([
      'Груз танкера Taraz от 02.08.2024 с той же массой уже есть в журнале; строка пропущена.',
    ]);
    expect(said(32)).toEqual([
      'Груз танкера Aktau от 06.08.2024 с той же массой уже есть в строке 31 этого файла; строка пропущена.',
    ]);
    expect(said(19)).toEqual([
      '20 000,000 т — больше, чем берёт каспийский танкер (не более ~13 000 т). Проверьте цифру.',
    ]);
    expect(said(20)).toEqual([
      '14 000,000 т — больше, чем берёт Astana (дедвейт 13 000 т). Проверьте количество и танкер; ' +
        'если дедвейт указан неверно, исправьте его в настройках.',
    ]);
    expect(said(34)).toEqual([
      'Танкера «Astna» нет во флоте. Может быть, Astana? Исправьте таблицу или добавьте танкер ' +
        '(или это написание как его псевдоним) во флот в настройках, затем выберите файл снова.',
    ]);
    expect(said(35)).toEqual([
      'Танкера «Caspian Star» нет во флоте. Исправьте таблицу или добавьте танкер во флот в настройках, ' +
        'затем выберите файл снова.',
    ]);
    expect(said(36)).toEqual(['Танкер «Лива» прочитан как Liwa, как он назван во флоте.']);
  });

  test('a figure that reads two ways, in a file that declares no decimal mark', async () => {
    const text =
      'B/L date\tVessel\tNet tonnes\tBarrels\n2024-08-05\tAstana\t9,959\t\n2024-08-05\tAktau\t9959\t79,370\n';
    const report = await ledger.current.importCsv({ text, dryRun: true });
    expect(issuesOf(report).map(([issue]) => issue.code)).toEqual([
      'netTonnes.ambiguous',
      'barrels.ambiguous',
    ]);
    for (const language of ['ru', 'az', 'kk'] as const) expectSaidIn(language, issuesOf(report));
    const [first, second] = report.rows;
    expect(importIssueText('ru', first?.issues[0] as FieldIssue, first).replace(/\s/g, ' ')).toBe(
      '«Масса нетто, т»: «9,959» — это 9 959,000 т или 9,959 т? Запишите число в файле так, чтобы оно читалось ' +
        'однозначно: без разделителя тысяч (9959,5) или с пробелами (9 959,5).',
    );
    expect(importIssueText('en', second?.issues[0] as FieldIssue, second)).toBe(
      'Barrels “79,370” could be 79,370 or 79.37 barrels. Write the figure in the file without a thousands separator.',
    );
  });

  test.each([
    ['an unknown column', 'Date;Vessel;Tonnes;Draught\n2024-03-12;Astana;9959,5;6,2\n'],
    ['a nameless column with a value', 'Date;Vessel;Tonnes;\n2024-03-12;Astana;9959,5;oops\n'],
    [
      'two columns for one field',
      'Date;Дата коносамента;Vessel;Tonnes\n2024-03-12;2024-03-12;Astana;9959,5\n',
    ],
    ['missing columns', 'Vessel;Remarks\nAstana;late\n'],
    ['a row longer than the header', 'Date;Vessel;Tonnes\n2024-03-12;Astana;9959;5;x\n'],
    ['broken quoting', 'Date;Vessel;Tonnes\n2024-03-12;"Astana;9959,5\n'],
    ['nothing at all', '\r\n'],
    ['a header alone', 'Date;Vessel;Tonnes\n'],
    ['a NUL', 'Date;Vessel;Tonnes\n2024-03-12;Ast\0ana;9959,5\n'],
    ['a replacement character', 'Date;Vessel;Tonnes\n2024-03-12;Ast\uFFFDana;9959,5\n'],
  ])('a file with %s', async (_what, text) => {
    const report = await ledger.current.importCsv({ text, dryRun: true });
    expect(report.fileIssues.length).toBeGreaterThan(0);
    for (const language of ['ru', 'az', 'kk'] as const) expectSaidIn(language, issuesOf(report));
  });

  test('a file whose bytes are no text the core reads, or a workbook', () => {
    const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
    const files = [
      new Uint8Array([
        ...ascii('B/L date,Vessel,Net tonnes\n2024-07-01,Ast'),
        0xff,
        ...ascii('(na,9959.5\n'),
      ]),
      new Uint8Array([0xef, 0xbb, 0xbf, ...ascii('Date,Vessel\n'), 0xc3, 0x28]),
      new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8]),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]),
      new Uint8Array(ascii('D\0a\0t\0e\0,\0V\0e\0s\0s\0e\0l\0')),
      new Uint8Array([...ascii('Date,Vessel\n'), 0, ...ascii('x')]),
    ];
    const issues = files.map((bytes) => {
      const decoded = decodeCsvBytes(bytes);
      if (decoded.ok) throw new Error('the core read a file it should refuse');
      return decoded.issue;
    });
    expect(issues.map((issue) => issue.code)).toEqual([
      'file.encoding',
      'file.encoding',
      'file.encoding',
      'file.workbook',
      'file.utf16_no_bom',
      'file.binary',
    ]);
    for (const language of ['ru', 'az', 'kk'] as const)
      expectSaidIn(
        language,
        issues.map((issue): [FieldIssue, undefined] => [issue, undefined]),
      );
  });
});
