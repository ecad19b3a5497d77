/**
 * The loading programme's refusals in the page's language: every issue code the nomination reader
 * and the programme's writes give (found in the core's source, so a new one without a sentence in
 * all four languages fails here) has its sentence, naming the same facts in each language, and a
 * refusal is said with its dates as the page writes them and no English.
 */
import { DEFAULT_FLEET } from '../../../electron/core/fleet';
import { readNomination } from '../../../electron/core/nomination';
import { MESSAGES, translate } from '../../../renderer/src/i18n';
import { issueText } from '../../../renderer/src/programme/text';
import { LANGUAGES } from '../../../renderer/src/settings';

const fs = jest.requireActual<{ readFileSync(path: string, encoding: 'utf8'): string }>('node:fs');
const TEST_PATH = expect.getState().testPath ?? '';
const ROOT = TEST_PATH.slice(0, TEST_PATH.lastIndexOf('/test/renderer/'));
const source = (file: string) => fs.readFileSync(`${ROOT}/electron/core/${file}`, 'utf8');

/** The codes as the source writes them, and those it builds (the fleet's question, the ambiguous figure). */
function programmeCodes(): string[] {
  const text = source('nomination.ts') + source('programme-service.ts');
  const written = [
    ...text.matchAll(/code: '([\w.]+)'/g),
    ...text.matchAll(/stated\(\s*'\w+',\s*'([\w.]+)'/g),
  ];
  const built = [
    ...['vessel.unknown', 'vessel.unknown_none', 'plannedTonnes.ambiguous', 'reason.required'],
    // A laycan's day, read and refused as every typed date is (electron/core/date-refusal.ts).
    ...['laycan.format', 'laycan.impossible', 'laycan.impossible_month'],
  ];
  return [...new Set([...written.map((match) => match[1] as string), ...built])].sort();
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

test('every code the programme gives has its sentence in all four languages, naming the same facts', () => {
  const codes = programmeCodes();
  expect(codes).toEqual(
    expect.arrayContaining(['laycan.order', 'programme.month_closed', 'shipment.not_found']),
  );
  const missing: string[] = [];
  for (const code of codes) {
    const english = MESSAGES.en[`programme.issue.${code}`];
    for (const language of LANGUAGES) {
      const sentence = MESSAGES[language][`programme.issue.${code}`];
      if (!english || !sentence || placeholders(sentence).join() !== placeholders(english).join())
        missing.push(`${language} ${code}`);
    }
  }
  expect(missing).toEqual([]);
});

test('a laycan in the wrong order is said with its days as the page writes them', () => {
  const issue = {
    field: 'laycanTo',
    code: 'laycan.order',
    message: 'English',
    facts: { from: '2025-07-12', to: '2025-07-10' },
  };
  const say = (language: (typeof LANGUAGES)[number]) =>
    issueText((key, vars) => translate(language, key, vars), language, issue);
  expect(say('en')).toBe('The laycan ends (2025-07-10) before it begins (2025-07-12).');
  expect(say('ru')).toBe('Лейкан заканчивается (10.07.2025) раньше, чем начинается (12.07.2025).');
  expect(say('kk')).toBe('Лейкан басталмай (12.07.2025) тұрып аяқталады (10.07.2025).');
});

test("an unknown tanker offers the fleet's closest names; an ambiguous figure both readings in tonnes", () => {
  const ru = (key: string, vars?: Record<string, string | number>) => translate('ru', key, vars);
  const unknown = {
    field: 'vessel',
    code: 'vessel.unknown',
    message: '',
    facts: { value: 'Astna', suggestions: 'Astana\nTaraz' },
  };
  expect(issueText(ru, 'ru', unknown)).toBe(
    'Танкера «Astna» нет во флоте. Может быть, Astana, Taraz? Выберите его или номинируйте как введено.',
  );
  const none = { field: 'vessel', code: 'vessel.unknown', message: '', facts: { value: 'Qwerty' } };
  expect(issueText(ru, 'ru', none)).toBe(
    'Танкера «Qwerty» нет во флоте. Проверьте название или номинируйте как введено.',
  );
  const ambiguous = {
    field: 'plannedTonnes',
    code: 'plannedTonnes.ambiguous',
    message: '',
    facts: { value: '9,000', asThousandsKg: 9_000_000, asDecimalKg: 9_000 },
  };
  expect(issueText(ru, 'ru', ambiguous).replace(/\s/g, ' ')).toBe(
    '«9,000» можно прочитать как 9 000 т или 9 т. Что имелось в виду?',
  );
});

test('questions about planned tonnes and a hand tie are said in tonnes and dates as the page writes them', () => {
  const ru = (key: string, vars?: Record<string, string | number>) => translate('ru', key, vars);
  const deadweight = {
    field: 'plannedTonnes',
    code: 'plannedTonnes.above_deadweight',
    message: 'English',
    facts: { vessel: 'Taraz', deadweightKg: 13_000_000, tonnesKg: 13_500_000 },
  };
  // Thousands are grouped with a non-breaking space, as the page writes them.
  expect(issueText(ru, 'ru', deadweight).replace(/\s/g, ' ')).toBe(
    '13 500 т — больше, чем берёт Taraz (дедвейт 13 000 т).',
  );
  const outside = {
    field: 'cargo',
    code: 'nomination.outside_laycan',
    message: 'English',
    facts: { blDate: '2024-07-14', from: '2024-07-10', to: '2024-07-12' },
  };
  expect(issueText(ru, 'ru', outside)).toBe(
    'Коносамент этого груза датирован 14.07.2024, вне лейкана 10.07.2024 – 12.07.2024.',
  );
});

test.each([
  ['en', '31.11.2026 does not exist: that month ends on 2026-11-30.'],
  ['ru', 'Даты 31.11.2026 не существует: последний день этого месяца — 30.11.2026.'],
  ['kk', '31.11.2026 деген күн жоқ: бұл айдың соңғы күні — 30.11.2026.'],
] as const)('a laycan from 31.11.2026 is refused in %s as a B/L date of that day is', (language, said) => {
  const read = readNomination(
    { month: '2026-11', vessel: 'Astana', laycanFrom: '31.11.2026', laycanTo: '30.11.2026', tonnes: '9000' },
    DEFAULT_FLEET,
    false,
  );
  const issue = read.ok ? undefined : read.issues[0];
  if (!issue) throw new Error('the laycan was taken');
  expect(issueText((key, vars) => translate(language, key, vars), language, issue)).toBe(said);
});
