/**
 * Issue 9: a malformed request is refused on a Russian, Azerbaijani or Kazakh screen in that
 * language. Every code the request readers can give is found in their source (requests.ts), so a
 * new one without a case below fails here; each is then made for real by the core's service, and
 * said through the page's one failure path (failureText) as a sentence of its own, filled from the
 * issue's facts: never the English sentence, never a placeholder left, never the core's English in
 * brackets after it.
 */
import type { FieldIssue } from '../../electron/core/api';
import { failureText } from '../../renderer/src/errors';
import { calendarDate } from '../../renderer/src/format';
import { MESSAGES, translate } from '../../renderer/src/i18n';
import type { Language } from '../../renderer/src/settings';
import { requestRefusals, type RequestRefusal } from './support/request-refusals';

const fs = jest.requireActual<{ readFileSync(path: string, encoding: 'utf8'): string }>('node:fs');
const TEST_PATH = expect.getState().testPath ?? '';
const ROOT = TEST_PATH.slice(0, TEST_PATH.lastIndexOf('/test/renderer/'));

/**
 * The codes requests.ts writes: literal ones (`issue(field, 'month.invalid', …)`, `code: 'unknown_field'`),
 * and the endings of those it makes from a field's name (`${field}.invalid`), each to be met by some code.
 */
function readerCodes(): { codes: string[]; endings: string[] } {
  const text = fs.readFileSync(`${ROOT}/electron/core/requests.ts`, 'utf8');
  const codes = new Set<string>();
  const endings = new Set<string>();
  for (const [, code] of text.matchAll(/(?:\bissue\(\s*[\w']+,\s*|code: )'([\w.]+)'/g))
    codes.add(code as string);
  for (const [, ending] of text.matchAll(/\bissue\(\s*[\w']+,\s*`\$\{\w+\}\.(\w+)`/g))
    endings.add(ending as string);
  return { codes: [...codes].sort(), endings: [...endings].sort() };
}

const say = (language: Language, refusal: RequestRefusal) =>
  failureText((key, vars) => translate(language, key, vars), language, refusal);
const issueOf = (refusal: RequestRefusal) => refusal.issues[0] as FieldIssue;

/** English words a request's refusal used; none may show outside the facts (whole words only). */
const ENGLISH =
  /(?<!\p{L})(the|is|not|must|year|date|month|report|request|reason|file|page|reload|choose|tonnes|target)(?!\p{L})/iu;

/** The facts as a sentence may show them: a date the language's way as well as the stored one. */
function factTexts(language: Language, issue: FieldIssue): string[] {
  return Object.values(issue.facts ?? {}).flatMap((fact) =>
    typeof fact === 'string' ? [fact, calendarDate(language, fact)] : [],
  );
}

/** What is wrong with the words a screen in `language` gives `refusal`: nothing, for each refusal. */
function wrongWith(language: Language, refusal: RequestRefusal): string[] {
  const issue = issueOf(refusal);
  const key = `error.issue.${issue.code}`;
  const text = say(language, refusal);
  const problems: string[] = [];
  if (!MESSAGES[language][key]) problems.push('no sentence');
  else if (MESSAGES[language][key] === MESSAGES.en[key]) problems.push('the English sentence');
  if (text.includes(refusal.message)) problems.push('the core’s English');
  const facts = factTexts(language, issue).sort((a, b) => b.length - a.length);
  const words = facts.reduce((rest, fact) => rest.split(fact).join(' '), text);
  // A fact may hold braces (a value typed as "{year}"): only what the sentence itself says is judged.
  if (/[{}]/.test(words)) problems.push('a placeholder left unfilled');
  if (text.length > 400) problems.push('a flood');
  const english = ENGLISH.exec(words)?.[0];
  if (english) problems.push(`the English word "${english}"`);
  return problems.map((problem) => `${issue.code} (${refusal.sent}): ${problem} in «${text}»`);
}

let refusals: RequestRefusal[] = [];

beforeAll(async () => {
  refusals = await requestRefusals();
});

describe('the codes the request readers give', () => {
  test('each one written in requests.ts is among the refusals the core makes here', () => {
    const { codes, endings } = readerCodes();
    expect(codes.length).toBeGreaterThan(15);
    const made = new Set(refusals.map((refusal) => issueOf(refusal).code));
    expect(codes.filter((code) => !made.has(code))).toEqual([]);
    const madeEndings = new Set([...made].map((code) => code.slice(code.lastIndexOf('.') + 1)));
    expect(endings.filter((ending) => !madeEndings.has(ending))).toEqual([]);
  });

  test('each refusal made has a sentence in all four languages, with the same placeholders', () => {
    const placeholders = (text = '') => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const missing = refusals.flatMap((refusal) => {
      const key = `error.issue.${issueOf(refusal).code}`;
      const english = MESSAGES.en[key];
      return (['en', 'ru', 'az', 'kk'] as const)
        .filter((language) => {
          const sentence = MESSAGES[language][key];
          return !english || !sentence || placeholders(sentence).join() !== placeholders(english).join();
        })
        .map((language) => `${language} ${key}`);
    });
    expect(missing).toEqual([]);
  });
});

describe.each(['ru', 'az', 'kk'] as const)('%s', (language) => {
  test('every malformed request is refused in one sentence of the language, with its facts', () => {
    expect(refusals.length).toBeGreaterThan(50);
    expect(refusals.flatMap((refusal) => wrongWith(language, refusal))).toEqual([]);
  });
});

describe('in detail', () => {
  const issued = (code: string) =>
    refusals.find((refusal) => issueOf(refusal).code === code) as RequestRefusal;

  test('a date range the wrong way round names both dates as the language writes them', () => {
    expect(say('ru', issued('to.before_from'))).toBe(
      'Конечная дата 01.07.2024 раньше начальной даты 01.08.2024.',
    );
  });

  test('a year out of range names the value and the years the ledger keeps', () => {
    expect(say('kk', issued('year.invalid'))).toBe(
      '«MMXXIV» — журнал жылы емес: 2000–2100 жылдардың бірін таңдаңыз.',
    );
  });

  test('a list sent where a value belongs is quoted as brackets, not as English words', () => {
    const list = refusals.find(
      (refusal) => refusal.sent === 'listShipments {"year":[2024]}',
    ) as RequestRefusal;
    expect(issueOf(list).facts?.value).toBe('[…]');
    expect(say('az', list)).toMatch(/^«\[…\]» jurnalın ili deyil/);
  });

  test('a plan that does not add up names both sums in tonnes the language’s way', () => {
    expect(say('ru', issued('monthlyPlanTonnes.sum'))).toMatch(
      /^Сумма 12 месячных цифр — 2\s199\s996 т, а годовой план — 2\s200\s000 т\./,
    );
  });

  test('a value typed as a placeholder is quoted as typed, not taken for a hole in the sentence', () => {
    const braces = refusals.find((refusal) => refusal.sent === 'closeMonth {year}') as RequestRefusal;
    expect(say('ru', braces)).toBe('«{year}» — не месяц; выберите месяц из списка.');
  });

  test('fields a request should not carry are named as they were sent', () => {
    expect(say('ru', issued('unknown_field'))).toContain('(colour, size)');
  });

  test('a call a transport refuses before the core (no issue) is the sentence alone, without its English', () => {
    const refused = { code: 'invalid', message: 'voidShipment takes 2 to 3 arguments, not 1.', issues: [] };
    for (const language of ['ru', 'az', 'kk'] as const)
      expect(failureText((key) => translate(language, key), language, refused)).toBe(
        translate(language, 'error.issue.request.invalid'),
      );
  });

  test('an English screen shows the core’s own sentence, as the command line does', () => {
    const refusal = issued('month.other_year');
    expect(say('en', refusal)).toBe('Month 2023-08 is not in 2024.');
  });
});
