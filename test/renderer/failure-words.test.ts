/**
 * Issue 9: no English in brackets on a Russian, Azerbaijani or Kazakh screen. A failure of the
 * ledger, its lock, a repair, a station or sync is said by a sentence filled from the core's facts
 * (who holds the lock, the path, what the disk refused), never followed by the core's English. The
 * codes the core states (`stated(…)` in its source) are found there, so a new one without a sentence
 * in all four languages fails here; then every one of them, refused by the core, is worded on each screen.
 */
import { failureText } from '../../renderer/src/errors';
import { dateTime } from '../../renderer/src/format';
import { MESSAGES, translate } from '../../renderer/src/i18n';
import { LANGUAGES, type Language } from '../../renderer/src/settings';
import { coreRefusals, HOLDER, type Refusal } from './support/core-refusals';

const fs = jest.requireActual<{
  readFileSync(path: string, encoding: 'utf8'): string;
  readdirSync(path: string, options: { recursive: true }): string[];
}>('node:fs');

const TEST_PATH = expect.getState().testPath ?? '';
const ROOT = TEST_PATH.slice(0, TEST_PATH.lastIndexOf('/test/renderer/'));

/** Every issue code the core and the transports raise through `stated`, as their source writes it. */
function statedCodes(): string[] {
  const codes = new Set<string>();
  for (const name of fs.readdirSync(`${ROOT}/electron`, { recursive: true })) {
    if (!name.endsWith('.ts')) continue;
    const text = fs.readFileSync(`${ROOT}/electron/${name}`, 'utf8');
    for (const [, picked] of text.matchAll(/stated\(\s*'\w+',\s*([^,]*),/g))
      for (const [, code] of (picked as string).matchAll(/'(\w+(?:\.\w+)+)'/g)) codes.add(code as string);
  }
  return [...codes].sort();
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();

/** Names a sentence carries as they are: the product, the server, the variables, station ids, what to type. */
const NAMES =
  /Transit Ledger|CouchDB|TRANSIT_SYNC_USER|TRANSIT_SYNC_PASSWORD|AKT|SNG|HQ|…\/ledger\.jsonl|https?:\/\/|--insecure/g;

/** English words these failures' sentences used; none may show outside the facts (whole words only). */
const ENGLISH = new RegExp(
  '(?<!\\p{L})(the|is|not|could|cannot|ledger|lock|file|folder|open|another|program|process|user|since|' +
    'try|again|still|nothing|recorded|written|release|with|full|write|close|computer|running|shipment|' +
    'station|void|sync|page|damaged|repaired|changed|missing|only)(?!\\p{L})',
  'iu',
);

/** The facts a sentence names, as it shows them: the lock's "since" as the language writes an instant. */
function namedFacts(language: Language, refusal: Refusal): string[] {
  const issue = refusal.issues[0];
  const named = placeholders(MESSAGES.en[`error.issue.${issue?.code}`] ?? '').filter(
    (name) => name !== 'trouble',
  );
  const facts = issue?.facts ?? {};
  const shown = named.map((name) =>
    name === 'since' ? dateTime(language, String(facts.since)) : String(facts[name]),
  );
  // A trouble with no words of its own is said by its errno.
  return facts.trouble === 'other' ? [...shown, String(facts.reason)] : shown;
}

/** What is wrong with the words a screen in `language` gives `refusal`: nothing, for each refusal. */
function wrongWith(language: Language, refusal: Refusal): string[] {
  const text = failureText((key, vars) => translate(language, key, vars), language, refusal);
  const facts = namedFacts(language, refusal).sort((a, b) => b.length - a.length);
  const problems: string[] = [];
  if (text.includes(refusal.message)) problems.push('the core’s English');
  if (/[{}]/.test(text)) problems.push('a placeholder left unfilled');
  for (const fact of facts) if (!text.includes(fact)) problems.push(`the fact ${fact} left out`);
  const words = facts.reduce((rest, fact) => rest.split(fact).join(' '), text).replace(NAMES, ' ');
  const english = ENGLISH.exec(words)?.[0];
  if (english) problems.push(`the English word "${english}"`);
  const latin = language === 'az' ? null : /[A-Za-z]{2,}/.exec(words)?.[0];
  if (latin) problems.push(`the Latin word "${latin}"`);
  return problems.map((problem) => `${refusal.issues[0]?.code ?? refusal.code}: ${problem} in «${text}»`);
}

let refusals: Refusal[] = [];

beforeAll(async () => {
  refusals = await coreRefusals();
});

describe('the codes the core states', () => {
  test('each has a sentence in all four languages, naming the same facts as the English one', () => {
    const codes = statedCodes();
    expect(codes.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const code of codes) {
      const english = MESSAGES.en[`error.issue.${code}`] ?? '';
      for (const language of LANGUAGES) {
        const sentence = MESSAGES[language][`error.issue.${code}`];
        if (!sentence || placeholders(sentence).join() !== placeholders(english).join())
          missing.push(`${language} ${code}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('each is among the refusals the core makes below, so each is worded with real facts', () => {
    const made = new Set(refusals.map((refusal) => refusal.issues[0]?.code));
    expect(statedCodes().filter((code) => !made.has(code))).toEqual([]);
  });
});

describe.each(['ru', 'az', 'kk'] as const)('%s', (language) => {
  test('every refusal is one sentence in the language, with its facts and no English', () => {
    expect(refusals.length).toBeGreaterThan(30);
    expect(refusals.flatMap((refusal) => wrongWith(language, refusal))).toEqual([]);
  });
});

describe('in detail', () => {
  const issued = (code: string) => refusals.find((refusal) => refusal.issues[0]?.code === code) as Refusal;
  const said = (language: Language, code: string) =>
    failureText((key, vars) => translate(language, key, vars), language, issued(code));

  test('a lock names its holder in Russian: the ledger, process, user, computer and since when', () => {
    const path = issued('lock.held').issues[0]?.facts?.path;
    expect(said('ru', 'lock.held')).toBe(
      `Журнал ${path} открыт в Transit Ledger (процесс 4242, пользователь anna на aktau-pc, ` +
        `с ${dateTime('ru', HOLDER.since)}). Закройте его там и попробуйте снова; читать журнал по-прежнему можно.`,
    );
  });

  test('a lock held on another computer gives the command that releases it, as it is to be typed', () => {
    expect(said('kk', 'lock.elsewhere')).toMatch(
      /құлыпты мына пәрменмен алыңыз: transit-ledger --ledger \S+ unlock --force$/,
    );
  });

  test('what the disk refused is worded in the language; an errno without words is shown as it is', () => {
    expect(said('az', 'ledger.create_failed')).toMatch(
      /yaratmaq mümkün olmadı: qovluq yolunun bir hissəsi .+, fayldır\.$/,
    );
    const other = refusals.filter(
      (refusal) => refusal.issues[0]?.code === 'ledger.open_failed',
    )[1] as Refusal;
    expect(failureText((key, vars) => translate('ru', key, vars), 'ru', other)).toMatch(/: EIO\.$/);
  });

  test('a failure of the transports or the page itself (no issue) is its sentence alone, with no English', () => {
    for (const code of ['forbidden', 'internal', 'starting', 'unreachable']) {
      const failure = { code, message: 'Something in English.' };
      const text = failureText((key) => translate('ru', key), 'ru', failure);
      expect(text).toBe(translate('ru', `error.${code}`));
      expect(text.replace('Transit Ledger', '')).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  test('an English screen still shows the core’s own words, as the command line does', () => {
    expect(said('en', 'lock.lost')).toBe(issued('lock.lost').message);
  });
});
