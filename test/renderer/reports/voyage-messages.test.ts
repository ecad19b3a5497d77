/**
 * The voyage dates in an import preview (issue 12 part 2): a Russian sheet with arrival and discharge
 * dates, read by the real core; every refusal those dates give is said in Russian, Azerbaijani and
 * Kazakh without a word of English, and a row whose status is blank takes the one its dates decide.
 */
import type { FieldIssue, ImportRowReport } from '../../../electron/core/api';
import { importIssueText } from '../../../renderer/src/reports/messages';
import { realLedgerPerTest } from './real-core';

const ledger = realLedgerPerTest();

// Not "status": Azerbaijani writes it so too.
const ENGLISH =
  /(?<!\p{L})(the|is|not|does|before|after|arrival|discharge|date|future|check|cargo|row)(?!\p{L})/iu;

const HEADER = 'Дата коносамента;Танкер;Масса нетто, т;Статус;Дата прибытия;Дата выгрузки';
const row = (status: string, arrival: string, discharge: string) =>
  `01.08.2024;Astana;9 959,5;${status};${arrival};${discharge}`;

const SHEET = [
  HEADER,
  row('', '31.07.2024', ''), // 2: arrival before the B/L date
  row('', '', '31.07.2024'), // 3: discharge before the B/L date
  row('', '05.08.2024', '04.08.2024'), // 4: arrival after discharge
  row('', '', '16.08.2024'), // 5: in the future (today at Aktau is 15.08.2024)
  row('', '', 'скоро'), // 6
  row('', '', '31.02.2024'), // 7
  row('', '2024-13-01', ''), // 8
  row('', '01.01.1999', ''), // 9
  row('погружен', '', '03.08.2024'), // 10
  row('погружен', '03.08.2024', ''), // 11
  row('', '03.08.2024', '04.08.2024'), // 12: fine
  '',
].join('\r\n');

async function preview(): Promise<ImportRowReport[]> {
  const report = await ledger.current.importCsv({ text: SHEET, dryRun: true, allRows: true });
  expect(report.fileIssues).toEqual([]);
  return report.rows;
}

const issuesAt = (rows: ImportRowReport[], line: number): FieldIssue[] =>
  rows.find((r) => r.line === line)?.issues ?? [];

test('each row is refused with its own code, and the good row is added', async () => {
  const rows = await preview();
  expect(rows.map((r) => [r.line, r.outcome, r.issues.map((issue) => issue.code)])).toEqual([
    [2, 'invalid', ['arrivalDate.before_bl']],
    [3, 'invalid', ['dischargeDate.before_bl']],
    [4, 'invalid', ['arrivalDate.after_discharge']],
    [5, 'invalid', ['dischargeDate.future']],
    [6, 'invalid', ['dischargeDate.format']],
    [7, 'invalid', ['dischargeDate.impossible']],
    [8, 'invalid', ['arrivalDate.impossible']],
    [9, 'invalid', ['arrivalDate.too_old']],
    [10, 'invalid', ['status.discharge_date']],
    [11, 'invalid', ['status.arrival_date']],
    [12, 'add', []],
  ]);
});

test.each(['ru', 'az', 'kk'] as const)(
  'every refusal is said in %s, its facts filled in',
  async (language) => {
    const rows = await preview();
    for (const r of rows) {
      for (const issue of r.issues) {
        const text = importIssueText(language, issue, r);
        expect({ code: issue.code, text }).toEqual({
          code: issue.code,
          text: expect.not.stringMatching(ENGLISH),
        });
        expect({ code: issue.code, text }).toEqual({
          code: issue.code,
          text: expect.not.stringMatching(/\{\w+\}/),
        });
      }
    }
  },
);

test('in Russian, the dates the Russian way', async () => {
  const rows = await preview();
  const said = (line: number) =>
    issuesAt(rows, line).map((issue) => importIssueText('ru', issue, rows[line - 2]));
  expect(said(2)).toEqual(['Дата прибытия раньше даты коносамента 01.08.2024; проверьте обе даты.']);
  expect(said(4)).toEqual([
    'Дата прибытия позже даты выгрузки 04.08.2024; танкер сначала прибывает, потом выгружается.',
  ]);
  expect(said(5)).toEqual(['Дата выгрузки в будущем; сегодня в Актау 15.08.2024.']);
  expect(said(7)).toEqual([
    'Дата выгрузки 31.02.2024 не существует: последний день этого месяца — 29.02.2024.',
  ]);
  expect(said(8)).toEqual(['Даты прибытия 2024-13-01 не существует: месяца с номером 13 нет.']);
  expect(said(10)).toEqual([
    'У строки есть дата выгрузки (03.08.2024), значит статус — «выгружен»: ' +
      'оставьте статус пустым или напишите «выгружен».',
  ]);
});
