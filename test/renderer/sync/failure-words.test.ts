/**
 * Issue 9, point 3: a sync round's failure on a Russian, Azerbaijani or Kazakh screen, from its
 * code and the facts the core gives it (the server, a status, an entry and its station, why the
 * server could not be reached), worded in the language: never the server's or the core's English,
 * never a placeholder left. Each code the core can store (SYNC_FAILURE_CODES) is made here as the
 * core makes it, so a new one without a sentence fails.
 */
import {
  entryRefused,
  GUARD_CAUSES,
  SyncFailure,
  SYNC_FAILURE_CODES,
  type SyncFailureCode,
} from '../../../electron/core/sync/failure';
import { MESSAGES, translate } from '../../../renderer/src/i18n';
import { syncErrorText } from '../../../renderer/src/sync/text';
import type { Language } from '../../../renderer/src/settings';

const SERVER = 'https://couch.example.org/transit-ledger';
const SAID = 'Name or password is incorrect.';

/** Each code with facts as the core gives them; an entry the guard refused, by the core's own reader. */
function failures(): SyncFailure[] {
  const made: [SyncFailureCode, Record<string, string | number>][] = [
    ['sync.unreachable', { server: SERVER, why: 'timeout' }],
    ['sync.unreachable', { server: SERVER, why: 'refused' }],
    ['sync.unreachable', { server: SERVER, why: 'unknown_host' }],
    ['sync.unreachable', { server: SERVER, why: 'failed', cause: 'ECONNRESET' }],
    ['sync.refused', { server: SERVER, reason: SAID }],
    ['sync.refused.role', { server: SERVER, reason: SAID }],
    ['sync.setup', { server: SERVER, reason: 'Database does not exist.' }],
    ['sync.refused.status', { server: SERVER, status: 418, reason: 'I am a teapot.' }],
    ['sync.refused.server', { server: SERVER, status: 503, reason: 'Service unavailable.' }],
    ['sync.refused.too_large', { server: SERVER, status: 413, reason: 'Request entity too large.' }],
    ['sync.refused.conflict', { server: SERVER, status: 409, reason: 'Document update conflict.' }],
    ['sync.refused.bad_request', { server: SERVER, status: 400, reason: 'Invalid JSON.' }],
    ['sync.refused.not_couch', { server: SERVER, status: 200 }],
    ['sync.refused.redirect', { server: SERVER, status: 302, host: 'login.example.org' }],
    ['sync.refused.diverged', { id: 'AKT:7' }],
    ['sync.refused.bad_entry', { server: SERVER, id: 'SNG:999999999999', station: 'SNG' }],
    ['sync.refused.security', { server: SERVER }],
    ['sync.failed', { said: 'The sync server could not be reached in an older version.' }],
  ];
  return [
    ...made.map(([code, facts]) => new SyncFailure(code, facts)),
    entryRefused(SERVER, 'AKT:7', 'AKT', 'Not on Tuesdays.'),
    ...GUARD_CAUSES.map((cause) => entryRefused(SERVER, 'AKT:7', 'AKT', `guard.${cause}: In English.`)),
  ];
}

const say = (language: Language, failure: SyncFailure) =>
  syncErrorText((key, vars) => translate(language, key, vars), failure.record);

/** Names a sentence carries as they are: the server's kind, the protocol, a setting, a role. */
const NAMES = /CouchDB|HTTP|max_http_request_size|station:<ID>/g;
const ENGLISH =
  /(?<!\p{L})(the|is|not|sync|refused|entry|station|user|password|nothing|lost|again|request)(?!\p{L})/iu;

/** What is wrong with the words a screen in `language` gives `failure`: nothing, for each failure. */
function wrongWith(language: Language, failure: SyncFailure): string[] {
  const key = `error.issue.${failure.code}`;
  const text = say(language, failure);
  const problems: string[] = [];
  if (!MESSAGES[language][key]) problems.push('no sentence');
  else if (MESSAGES[language][key] === MESSAGES.en[key]) problems.push('the English sentence');
  if (/[{}]/.test(text)) problems.push('a placeholder left unfilled');
  if (text.includes(failure.message)) problems.push('the core’s English');
  const { reason, server, said } = failure.facts;
  if (typeof reason === 'string' && text.includes(reason)) problems.push('the server’s English');
  if (typeof said === 'string' && text.includes(said)) problems.push('an older version’s English');
  if (/\{server\}/.test(MESSAGES.en[key] ?? '') && !text.includes(String(server))) problems.push('no server');
  const facts = Object.values(failure.facts).map(String);
  const words = facts.reduce((rest, fact) => rest.split(fact).join(' '), text).replace(NAMES, ' ');
  const english = ENGLISH.exec(words)?.[0];
  if (english) problems.push(`the English word "${english}"`);
  const latin = language === 'az' ? null : /[A-Za-z]{2,}/.exec(words)?.[0];
  if (latin) problems.push(`the Latin word "${latin}"`);
  return problems.map(
    (problem) => `${failure.code} ${JSON.stringify(failure.facts)}: ${problem} in «${text}»`,
  );
}

test('every code a sync failure can carry is made above, with the facts the core gives it', () => {
  const made = new Set(failures().map((failure) => failure.code));
  expect(SYNC_FAILURE_CODES.filter((code) => !made.has(code))).toEqual([]);
});

describe.each(['ru', 'az', 'kk'] as const)('%s', (language) => {
  test('every sync failure is a sentence of the language, with its facts and no English', () => {
    expect(failures().flatMap((failure) => wrongWith(language, failure))).toEqual([]);
  });
});

describe('in detail', () => {
  const unreachable = (why: string) => new SyncFailure('sync.unreachable', { server: SERVER, why });

  test('a server that cannot be reached is named, with why, in every language', () => {
    expect(say('ru', unreachable('timeout'))).toBe(
      `Сервер синхронизации ${SERVER} недоступен: он не ответил вовремя. ` +
        'Ничего не потеряно; синхронизируйте снова, когда появится сеть.',
    );
    expect(say('en', unreachable('unknown_host'))).toMatch(
      /cannot be reached: that server name is not known\./,
    );
    expect(say('kk', unreachable('refused'))).toContain('бұл мекенжайда ешнәрсе жауап бермейді');
  });

  test('a cause of a newer version, stored in the checkpoint, is said as a failed connection', () => {
    expect(say('az', unreachable('quantum'))).toContain(': bağlantı alınmadı.');
  });

  test('a refused login names the server in every language', () => {
    const refused = new SyncFailure('sync.refused', { server: SERVER });
    for (const language of ['en', 'ru', 'az', 'kk'] as const)
      expect(say(language, refused)).toContain(SERVER);
  });

  test('an entry of another station says whose login to sync with, in Russian', () => {
    const foreign = entryRefused(SERVER, 'AKT:7', 'AKT', 'guard.foreign_station: This user may write only …');
    expect(say('ru', foreign)).toBe(
      `Сервер синхронизации ${SERVER} отклонил запись AKT:7: этот пользователь может записывать только ` +
        'записи своего пункта, а не пункта AKT. Синхронизируйте с именем пользователя и паролем пункта AKT.',
    );
  });

  test('a refusal in the server’s own words is said as a refusal of the entry, without them', () => {
    expect(say('kk', entryRefused(SERVER, 'AKT:7', 'AKT', 'Not on Tuesdays.'))).toBe(
      `${SERVER} синхрондау сервері AKT:7 жазбасын қабылдамады.`,
    );
  });
});
