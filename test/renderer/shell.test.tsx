import { render, screen } from '@testing-library/react';
import { translate, MESSAGES } from '../../renderer/src/i18n';
import { defaultSeparator, systemLanguage } from '../../renderer/src/settings';
import { failureText } from '../../renderer/src/errors';
import { calendarDate, monthName, tonnes } from '../../renderer/src/format';

describe('languages', () => {
  test('every language file has exactly the English keys', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const language of ['ru', 'az', 'kk'] as const)
      expect(Object.keys(MESSAGES[language]).sort()).toEqual(keys);
  });

  test('the OS language is followed when it is one of ours, else English', () => {
    expect(systemLanguage(['ru-RU', 'en-US'])).toBe('ru');
    expect(systemLanguage(['kk'])).toBe('kk');
    expect(systemLanguage(['de-DE'])).toBe('en');
  });

  test('Russian, Azerbaijani and Kazakh Excel get ";" and English gets ","', () => {
    expect(['en', 'ru', 'az', 'kk'].map((l) => defaultSeparator(l as 'en'))).toEqual([',', ';', ';', ';']);
  });

  test('placeholders are filled and a missing key falls back to the key itself', () => {
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});

describe('exact tonnes in each language', () => {
  test('keep every kilogram and group thousands as the locale does', () => {
    expect(tonnes('en', 1_234_567_891)).toBe('1,234,567.891');
    // Russian groups with a no-break space and uses a decimal comma.
    expect(tonnes('ru', 1_234_567_891)).toBe('1\u00a0234\u00a0567,891');
    // Azerbaijani and Kazakh from the app's own tables, whatever the browser's ICU holds.
    expect(tonnes('az', 1_234_567_891)).toBe('1.234.567,891');
    expect(tonnes('kk', 1_234_567_891)).toBe('1\u00a0234\u00a0567,891');
  });

  test('month names and dates in Azerbaijani and Kazakh never fall back to "M01"', () => {
    expect([monthName('az', '2024-01'), monthName('kk', '2024-09', 'long')]).toEqual(['yan', 'қыркүйек']);
    expect(calendarDate('kk', '2024-05-03')).toBe('03.05.2024');
  });
});

test('the test environment renders React', () => {
  render(<p>ready</p>);
  expect(screen.getByText('ready')).toBeTruthy();
});

describe("failures in the person's language", () => {
  const t = (language: 'en' | 'ru') => (key: string) => translate(language, key);

  test("English shows the core's own words, which carry the specifics", () => {
    expect(
      failureText(t('en'), 'en', {
        code: 'io',
        message: 'Could not save to the ledger /x (ENOSPC). Nothing was recorded.',
      }),
    ).toBe('Could not save to the ledger /x (ENOSPC). Nothing was recorded.');
  });

  test('other languages lead with a translated sentence and keep the specifics in brackets', () => {
    expect(failureText(t('ru'), 'ru', { code: 'io', message: 'Could not save (ENOSPC).' })).toBe(
      'Диск не дал сохранить. Ничего не записано. (Could not save (ENOSPC).)',
    );
  });

  test('a self-explaining issue needs no English after it', () => {
    const issue = { field: 'reason', code: 'reason.required', message: 'Give a reason.' };
    expect(failureText(t('ru'), 'ru', { code: 'invalid', message: 'Give a reason.', issues: [issue] })).toBe(
      'Укажите причину: она сохраняется в журнале вместе с вашим именем.',
    );
  });

  test("a code with no translation falls back to the core's message", () => {
    expect(failureText(t('ru'), 'ru', { code: 'no-such-code', message: 'Exact words.' })).toBe(
      'Exact words.',
    );
  });
});
