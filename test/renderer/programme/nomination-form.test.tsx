/**
 * The nomination form's laycan days as every date field keeps them: a day left in its field is
 * shown as the page writes dates, whatever way it was typed; text that is no date stays as typed.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_FLEET } from '../../../electron/core/fleet';
import { translate } from '../../../renderer/src/i18n';
import { NominationForm } from '../../../renderer/src/programme/NominationForm';
import type { ProgrammeWrites } from '../../../renderer/src/programme/useProgramme';
import type { Language } from '../../../renderer/src/settings';

const writes: ProgrammeWrites = {
  busy: false,
  nominate: jest.fn(),
  cancel: jest.fn(),
  link: jest.fn(),
};

function form(language: Language) {
  render(
    <NominationForm
      month="2024-08"
      fleet={DEFAULT_FLEET}
      writes={writes}
      disabled={false}
      language={language}
      t={(key, vars) => translate(language, key, vars)}
    />,
  );
}

function leave(testId: string, typed: string): string {
  const field = screen.getByTestId(testId) as HTMLInputElement;
  fireEvent.change(field, { target: { value: typed } });
  fireEvent.blur(field);
  return field.value;
}

test.each([
  ['ru', '2024-08-05', '05.08.2024'],
  ['kk', '5.8.2024', '05.08.2024'],
  ['en', '05.08.2024', '2024-08-05'],
] as const)('in %s a laycan day typed %j reads %j once left', (language, typed, shown) => {
  form(language);
  expect(leave('nomination-laycanFrom', typed)).toBe(shown);
  expect(leave('nomination-laycanTo', typed)).toBe(shown);
});

test('a laycan day that is no date (31.11.2026) stays as typed, for the refusal to quote', () => {
  form('ru');
  expect(leave('nomination-laycanTo', '31.11.2026')).toBe('31.11.2026');
});
