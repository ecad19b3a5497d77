/**
 * The bill of lading in the trade's own word in each language: коносамент (ru, kk), konosament (az),
 * as the entry form, the reconciliation and every export already say it; never the Latin "B/L" of
 * the English screens in a Russian, Azerbaijani or Kazakh one.
 */
import az from '../../renderer/i18n/az.json';
import kk from '../../renderer/i18n/kk.json';
import ru from '../../renderer/i18n/ru.json';

const LANGUAGES = { ru, az, kk } as Record<string, Record<string, string>>;

test.each(Object.keys(LANGUAGES))('no %s string says "B/L"', (language) => {
  const latin = Object.entries(LANGUAGES[language] ?? {}).filter(([, text]) => /B\s*\/\s*L/i.test(text));
  expect(latin.map(([key]) => key)).toEqual([]);
});

test.each([
  ['ru', 'Дата коносамента', '№ коносамента'],
  ['az', 'Konosament tarixi', 'Konosament №'],
  ['kk', 'Коносамент күні', 'Коносамент №'],
])('the register heads its columns in %s as the reconciliation does: %s, %s', (language, date, number) => {
  const words = LANGUAGES[language] ?? {};
  expect([words['register.column.blDate'], words['register.column.blNumber']]).toEqual([date, number]);
  expect([words['reconcile.column.blDate'], words['reconcile.column.blNumber']]).toEqual([date, number]);
});
