/**
 * Narrow windows (issue 10, point 13): a figure never parts from its unit at a line's end. The
 * formatters join number and unit, and the words of a two-word unit ("тыс. т"), with no-break
 * spaces; a column header keeps its unit with the word before it ("Boşaltma, t").
 */
import { render, screen } from '@testing-library/react';
import { dashboardFormat } from '../../../renderer/src/dashboard/formatters';
import { keepUnit } from '../../../renderer/src/format';
import { translate } from '../../../renderer/src/i18n';
import { resetRegisterView } from '../../../renderer/src/register/viewState';
import { useSettings, type Language } from '../../../renderer/src/settings';
import { useLedger } from '../../../renderer/src/store';
import { Register } from '../../../renderer/src/views/Register';
import { shipment } from '../register/fixtures';

const LANGUAGES: Language[] = ['en', 'ru', 'az', 'kk'];

test.each(LANGUAGES)('%s: figures, rates and dates hold together', (language) => {
  const f = dashboardFormat(language, (key, vars) => translate(language, key, vars));
  const texts = [
    f.short(-117_500_000),
    f.short(1_821_000_000_000),
    f.signedShort(853_800_000),
    f.tonnes(160_000_000),
    f.perDay(5_452_000),
    f.date('2026-11-30'),
    f.unit('kt'),
  ];
  for (const text of texts) expect(text).not.toMatch(/ /);
});

test('"−117,5 тыс. т" is one unbreakable figure', () => {
  const f = dashboardFormat('ru', (key, vars) => translate('ru', key, vars));
  expect(f.short(-117_500_000)).toBe('\u2212117,5\u00a0тыс.\u00a0т');
});

test('keepUnit holds the unit to the word before it, and leaves other labels alone', () => {
  expect(keepUnit('Boşaltma, t', 't')).toBe('Boşaltma,\u00a0t');
  expect(keepUnit('При выгрузке, т', 'т')).toBe('При выгрузке,\u00a0т');
  expect(keepUnit('Remarks', 't')).toBe('Remarks');
  expect(keepUnit('Status', 't')).toBe('Status');
});

test.each(LANGUAGES)('%s: the register’s tonnes headers keep their unit', (language) => {
  resetRegisterView();
  useSettings.setState({ language, theme: 'light', separator: null, entryDefaults: {} });
  useLedger.setState({ shipments: [shipment()], year: 2024, loading: false, info: null });
  render(<Register viewport={{ width: 1200, height: 600 }} />);
  for (const key of ['netKg', 'outturnKg'])
    expect(screen.getByTestId(`sort-${key}`).textContent).toMatch(/,\u00a0(t|т)$/);
});
