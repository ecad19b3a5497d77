/**
 * Issue 9: the Reports view's import preview in Russian holds no English. A sheet full of bad
 * rows goes through the real core (file read, every row validated, duplicates found) and the page
 * shows its report: every count, heading, message and cell is Russian or the file's own data.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Reports } from '../../../renderer/src/views/Reports';
import { cellText, fakeApi, loadStore, resetSettings } from './fake-api';
import { BAD_SHEET, realLedgerPerTest } from './real-core';

const ledger = realLedgerPerTest();

/** Common English words: none may appear in a Russian preview. */
const ENGLISH =
  /(?<!\p{L})(the|is|not|does|skipped|Column|line|must|file|row|cargo|already|ledger|to|of)(?!\p{L})/u;
/** What the sheet itself holds in Latin letters, and names that stay as they are in every language. */
const DATA = new RegExp(
  [
    ...['март\\.csv', 'Transit Ledger', 'CSV', 'UTF-8', 'IMO', 'KZ-\\d', 'abc', 'sunk', 'bad', '\\d+'],
    ...['Ast\\\\x07ana', 'Astana', 'Aktau', 'TARAZ', 'Taraz', 'Liwa', 'A{20,}…?', 'r{20,}…?'],
    // The fleet's rows: a slip (Astna) and a tanker not in the fleet, as the sheet writes them.
    ...['Astna', 'Caspian Star'],
  ].join('|'),
  'g',
);

async function preview(language: 'ru' | 'en') {
  const api = fakeApi();
  // The page's call goes to the real core, as the transport would carry it.
  api.importCsv.mockImplementation((request: { base64: string; dryRun: boolean }) =>
    ledger.current.importCsv({ ...request, allRows: false }),
  );
  loadStore(api);
  resetSettings(language);
  const user = userEvent.setup();
  render(<Reports desktop={false} />);
  await user.upload(
    screen.getByTestId('import-file'),
    new File([BAD_SHEET], 'март.csv', { type: 'text/csv' }),
  );
  return screen.findByTestId('import-preview');
}

test('a Russian preview of a sheet full of bad rows says everything in Russian', async () => {
  const shown = await preview('ru');
  const rows = within(shown).getAllByRole('row');
  // The header row, then each of the 35 rows but the two plain ones to add (lines 28 and 31), which are counted.
  expect(rows).toHaveLength(34);
  expect(screen.getByTestId('import-unlisted').textContent).toBe(
    '2 строки к добавлению без замечаний: они не показаны.',
  );
  const text = shown.textContent ?? '';
  expect(text).not.toMatch(ENGLISH);
  // Beyond the sheet's own data and the names that stay as they are, no Latin word at all.
  expect(text.replace(DATA, '')).not.toMatch(/[A-Za-z]{2,}/);

  // Each row beside its message: line, result, date, vessel (and B/L number), tonnes the Russian way.
  const cells = (line: number) =>
    within(rows.find((row) => row.firstElementChild?.textContent === String(line)) as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cellText(cell).replace(/\s/g, ' '));
  expect(cells(2)).toEqual([
    '2',
    'Ошибка',
    '31.02.2024',
    'Astana',
    '9 959,500',
    'Даты коносамента 31.02.2024 не существует: последний день этого месяца — 29.02.2024.',
  ]);
  expect(cells(15)).toEqual([
    '15',
    'Ошибка',
    '05.08.2024',
    'Astana',
    'abc',
    '«Масса нетто, т»: «abc» — не число тонн; пишите как 9959,5 или 9 959,5.',
  ]);
  expect(cells(3)?.[5]).toBe('Даты коносамента 2024-13-01 не существует: месяца с номером 13 нет.');
  expect(cells(5)?.[5]).toBe('Дата коносамента 01.01.1999 раньше 2000 года; проверьте год.');
  // A control character in a cell is shown, not hidden.
  expect(cells(11)?.[3]).toBe('Ast\\x07ana');
  expect(cells(27)?.slice(0, 5)).toEqual(['27', 'Дубликат', '05.08.2024', 'Astana / KZ-1', '9 959,500']);
});

test('the same sheet in English says the same things', async () => {
  const shown = await preview('en');
  const text = shown.textContent ?? '';
  expect(text).toContain('B/L date 31.02.2024 does not exist: that month ends on 2024-02-29.');
  expect(text).toContain('B/L number KZ-1 is already in the ledger (Liwa, 2024-08-01); skipped.');
  expect(text).toContain('This row is marked voided in the file; it is not imported.');
});
