/**
 * The banner that says what opening a damaged ledger found speaks the page's language: built from
 * the core's report (codes, line and entry numbers, the cargo a damaged line still shows), never
 * from the core's English message, which is kept only for a server too old to send the rest.
 */
import { cleanup, render, screen } from '@testing-library/react';
import type { LedgerInfo, RecoveryReport } from '../../electron/core/api';
import { LedgerBanners } from '../../renderer/src/components/LedgerBanners';
import { useLedger } from '../../renderer/src/store';
import { damagedLedgerInfo } from './ledger-watch-damage';
import { fakeApi, loadStore, resetSettings } from './reports/fake-api';

function show(info: LedgerInfo): HTMLElement {
  loadStore(fakeApi(), { info });
  useLedger.setState({ notice: null });
  render(<LedgerBanners />);
  return screen.getByTestId('recovery');
}

/**
 * Latin words left once the data is taken out: vessel names, B/L
 * numbers and the backup's path are the ledger's, not the app's words.
 */
function englishIn(text: string, data: readonly string[]): string[] {
  const rest = data.reduce((left, datum) => left.split(datum).join(' '), text);
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

const items = (banner: HTMLElement) => [...banner.querySelectorAll('li')].map((li) => li.textContent ?? '');

describe('in Russian', () => {
  beforeEach(() => resetSettings('ru'));

  test('a torn, never confirmed last write: not closed cleanly, nothing confirmed lost, the cargo named', async () => {
    const info = await damagedLedgerInfo('torn-tail');
    expect(info.recovery).toMatchObject({ confirmedLost: 0, lost: [{ code: 'torn', confirmed: false }] });
    const banner = show(info);
    const text = banner.textContent ?? '';
    expect(text).toMatch(
      new RegExp(
        String.raw`^Журнал не был закрыт как следует: последняя запись так и не была подтверждена и не сохранена\. ` +
          String.raw`Все подтверждённые записи на месте`,
      ),
    );
    expect(items(banner)).toEqual([
      'Оборвано при сохранении, не подтверждено: строка 5, запись № 5 — ' +
        'Бакы, коносамент AKT-0807 от 07.08.2024, 10\u00a0010,125 т',
    ]);
    expect(text).toContain(`Повреждённый оригинал сохранён без изменений: ${info.recovery?.backupPath}.`);
    expect(englishIn(text, ['AKT-0807', info.recovery?.backupPath ?? ''])).toEqual([]);
  });

  test('two confirmed entries cut off the end: the count in the lead, their numbers listed, what to do', async () => {
    const info = await damagedLedgerInfo('cut-two', true);
    expect(info.recovery).toMatchObject({
      confirmedLost: 2,
      complete: false,
      lost: [{ code: 'cut-short', seq: 4, count: 2 }],
    });
    const banner = show(info);
    const text = banner.textContent ?? '';
    expect(text).toMatch(
      new RegExp(
        String.raw`^Файл журнала повреждён: потеряны 2 подтверждённые записи; ` +
          String.raw`остальные восстановлены \(записей в журнале: 3\)\. ` +
          String.raw`Внесите перечисленное заново по коносаментам`,
      ),
    );
    expect(items(banner)).toEqual(['Отрезано с конца файла: записи № 4–5']);
    expect(text).toContain('Файл открыт только для чтения и не изменён');
    expect(englishIn(text, [])).toEqual([]);
  });

  test('a damaged record and its amendment: the cargo from its fields, the amendment left out, and why', async () => {
    const info = await damagedLedgerInfo('amended-damaged', true);
    expect(info.recovery?.lost).toMatchObject([
      {
        code: 'damaged',
        cargo: { vessel: 'Taraz', blNumber: 'AKT-0809', blDate: '2024-08-09', netKg: 6_980_900 },
      },
      { code: 'orphan', cause: { code: 'amends-lost' } },
    ]);
    const banner = show(info);
    expect(items(banner)).toEqual([
      'Повреждено (контрольная сумма не совпадает с содержимым): строка 6, запись № 6 — Taraz, коносамент ' +
        'AKT-0809 от 09.08.2024, 6\u00a0980,900 т',
      'Не учтено: изменяет потерянную запись: строка 7, запись № 7',
    ]);
    expect(englishIn(banner.textContent ?? '', ['Taraz', 'AKT-0809'])).toEqual([]);
  });

  test('two swapped lines: nothing is missing, but the file was changed; lines out of order, all kept', async () => {
    const info = await damagedLedgerInfo('swapped', true);
    expect(info.recovery).toMatchObject({
      confirmedLost: 0,
      complete: true,
      lost: [],
      notes: [{ code: 'reordered' }],
    });
    const banner = show(info);
    const text = banner.textContent ?? '';
    expect(text).toMatch(
      new RegExp(
        String.raw`^Из журнала ничего не пропало \(записей в журнале: 5\), ` +
          String.raw`но файл записан не так, как его записывает эта программа\.`,
      ),
    );
    expect(items(banner)).toEqual(['Строки в файле стоят не по порядку, все сохранены']);
    expect(englishIn(text, [])).toEqual([]);
  });
});

describe('any language', () => {
  const report = (change: Partial<RecoveryReport>): LedgerInfo =>
    ({
      path: '/l/ledger.jsonl',
      ledgerId: 'real',
      readOnly: false,
      writer: null,
      demo: false,
      entries: 9,
      shipments: 8,
      years: [2024],
      recovery: {
        backupPath: null,
        keptEntries: 9,
        lost: [],
        notes: [],
        confirmedLost: 0,
        complete: true,
        message: 'The core says so in English.',
        ...change,
      },
    }) as LedgerInfo;

  test('a server that sends only the message: the message is shown as it is', () => {
    resetSettings('ru');
    const info = report({});
    const old = { ...info, recovery: { message: 'The ledger was not closed cleanly.' } as RecoveryReport };
    expect(show(old).textContent).toBe('The ledger was not closed cleanly.');
  });

  test('at most five findings are listed, then how many more; a damaged line keeps its raw text as found', () => {
    resetSettings('en');
    const lost = Array.from({ length: 7 }, (_, i) => ({
      code: 'unreadable' as const,
      line: 10 + i,
      seq: 10 + i,
      count: 1,
      confirmed: true,
      cause: null,
      cargo: null,
      text: `{"seq":${10 + i},garbage`,
      reason: '…',
      excerpt: 'an English excerpt the page never shows',
    }));
    const banner = show(report({ lost, confirmedLost: 7, complete: false }));
    expect(banner.textContent).toMatch(/^The ledger file was damaged: 7 confirmed entries are lost/);
    expect(items(banner)).toHaveLength(6);
    expect(items(banner)[0]).toBe(
      'Unreadable (no longer a journal entry): line 10, entry #10 — “{"seq":10,garbage”',
    );
    expect(items(banner)[5]).toBe('and 2 more');
  });

  test("a finding this page has no words for (a newer core) is said in the core's words, never as a key", () => {
    resetSettings('ru');
    const lost = [
      {
        code: 'vanished' as never,
        line: 3,
        seq: 3,
        count: 1,
        confirmed: true,
        cause: null,
        cargo: null,
        text: null,
        reason: 'it vanished',
        excerpt: 'entry #3',
      },
    ];
    expect(items(show(report({ lost, confirmedLost: 1, complete: false })))).toEqual([
      'It vanished: строка 3, запись № 3',
    ]);
  });

  test('a lost close names its month, and the lead says the month takes no write until it is closed again', () => {
    const lost = [
      {
        code: 'damaged' as const,
        line: 5,
        seq: 5,
        count: 1,
        confirmed: true,
        cause: null,
        cargo: null,
        text: null,
        period: { action: 'close' as const, month: '2024-07' },
        reason: '…',
        excerpt: 'close of 2024-07, entry #5 (its details cannot be read)',
      },
    ];
    const info = report({ lost, confirmedLost: 1, complete: false });
    resetSettings('en');
    let banner = show(info);
    expect(banner.textContent).toContain(
      'No cargo dated in July 2024 can be saved until a manager closes the month again in Settings → Periods ' +
        '(and reopens it after, if it is to stay open).',
    );
    expect(items(banner)).toEqual([
      'Damaged (its checksum does not match its content): line 5, entry #5 — the close of July 2024',
    ]);
    cleanup();
    resetSettings('ru');
    banner = show(info);
    expect(items(banner)).toEqual([
      'Повреждено (контрольная сумма не совпадает с содержимым): строка 5, запись № 5 — закрытие месяца июль 2024',
    ]);
    expect(banner.textContent).toContain('Отгрузки с датой в месяце июль 2024 нельзя сохранять');
    expect(englishIn(banner.textContent ?? '', [])).toEqual([]);
    cleanup();
    resetSettings('kk');
    expect(englishIn(show(info).textContent ?? '', [])).toEqual([]);
    cleanup();
    resetSettings('az');
    expect(items(show(info))[0]).toMatch(/: sətir 5, qeyd № 5 — iyul 2024 ayının bağlanması$/);
  });

  test('in Kazakh and Azerbaijani the same report is said in each, with the tonnes written their way', async () => {
    const info = await damagedLedgerInfo('torn-tail');
    resetSettings('kk');
    expect(items(show(info))).toEqual([
      'Сақтау кезінде үзілген, расталмаған: 5-жол, № 5 жазба — ' +
        'Бакы, коносамент AKT-0807, 07.08.2024, 10\u00a0010,125 т',
    ]);
    cleanup();
    resetSettings('az');
    expect(items(show(info))).toEqual([
      'Saxlanarkən kəsilib, təsdiqlənməyib: sətir 5, qeyd № 5 — Бакы, konosament AKT-0807, 07.08.2024, 10.010,125 t',
    ]);
  });
});
