/**
 * Settings' baseline (issue 12 part 6): its year, total and twelve optional monthly figures, saved in
 * the ledger; the core's refusal of months that do not add up is said with both sums in the page's
 * language.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TransitError } from '../../../electron/core/errors';
import { ApiError } from '../../../renderer/src/client';
import { BaselinePanel } from '../../../renderer/src/settings-view/BaselinePanel';
import { fakeApi, loadStore, resetSettings, type FakeApi } from '../reports/fake-api';

// The core's own validator (typed by hand: its module uses Node's Buffer, which the page's types leave out).
const { parseBaselineRequest } = jest.requireActual<{
  parseBaselineRequest(value: unknown, today: string): unknown;
}>('../../../electron/core/requests');

let api: FakeApi;

beforeEach(() => {
  api = fakeApi();
  api.setBaseline.mockImplementation(async (request: unknown) => {
    try {
      parseBaselineRequest(request, '2024-08-15');
    } catch (error) {
      const refusal = error as TransitError;
      throw new ApiError({ code: refusal.code, message: refusal.message, issues: refusal.issues });
    }
    return { year: 2023, kg: 242_000_000, source: 'ledger' };
  });
  loadStore(api);
});

const month = (i: number) => screen.getByTestId(`baseline-month-${i}`) as HTMLInputElement;
/** 62,000 t in January, 29,000 t in February, 31,000 t in March, nothing until 120,000 t in December. */
const FIGURES = ['62000', '29000', '31000', '0', '0', '0', '0', '0', '0', '0', '0', '120000'];

async function fill(user: ReturnType<typeof userEvent.setup>, total: string, figures: readonly string[]) {
  const tonnes = screen.getByTestId('baseline-tonnes') as HTMLInputElement;
  await user.clear(tonnes);
  await user.paste(total);
  for (let i = 1; i <= 12; i++) {
    await user.clear(month(i));
    await user.paste(figures[i - 1] ?? '');
  }
}

describe('the baseline in Settings', () => {
  test('starts from the ledger: the default 2023 total, no months, and says its pace is pro rata', async () => {
    resetSettings('en');
    render(<BaselinePanel />);
    await waitFor(() =>
      expect((screen.getByTestId('baseline-tonnes') as HTMLInputElement).value).toBe('1057000'),
    );
    expect((screen.getByTestId('baseline-year') as HTMLInputElement).value).toBe('2023');
    expect(month(1).value).toBe('');
    expect(screen.getByTestId('baseline-sum').textContent).toBe(
      "No monthly figures: the baseline's pace is its total pro rata to the days.",
    );
    // Its months are named apart from the targets' plan on the same page.
    expect(screen.getByLabelText('January, Baseline year')).toBe(month(1));
  });

  test('sends the twelve months as typed, with the year and total, and says it is saved', async () => {
    resetSettings('en');
    const user = userEvent.setup();
    render(<BaselinePanel />);
    await screen.findByTestId('baseline-form');
    await fill(user, '242000', FIGURES);
    expect(screen.getByTestId('baseline-sum').textContent).toContain('Equals the baseline total.');
    await user.click(screen.getByRole('button', { name: 'Save the baseline' }));
    expect(api.setBaseline).toHaveBeenCalledWith(
      { year: '2023', tonnes: '242000', monthlyTonnes: FIGURES },
      { ledgerId: 'real' },
    );
    expect((await screen.findByTestId('baseline-status')).textContent).toBe(
      'The 2023 baseline is saved in the ledger.',
    );
  });

  test('with every month empty the baseline is sent without months (pro rata)', async () => {
    resetSettings('en');
    const user = userEvent.setup();
    render(<BaselinePanel />);
    await screen.findByTestId('baseline-form');
    await user.click(screen.getByRole('button', { name: 'Save the baseline' }));
    expect(api.setBaseline).toHaveBeenCalledWith({ year: '2023', tonnes: '1057000' }, { ledgerId: 'real' });
  });

  test('months that miss the total: the sum line says by how much, the refusal names both sums (Russian)', async () => {
    resetSettings('ru');
    const user = userEvent.setup();
    render(<BaselinePanel />);
    await screen.findByTestId('baseline-form');
    await fill(user, '242001', FIGURES);
    expect(screen.getByTestId('baseline-sum').textContent).toContain('На 1,000 т меньше итога базы.');
    await user.click(screen.getByRole('button', { name: 'Сохранить базу' }));
    expect((await screen.findByTestId('baseline-error')).textContent).toBe(
      'Не сохранено: Двенадцать месяцев базы 2023 года дают в сумме 242\u00a0000,000 т, а база — 242\u00a0001,000 т. ' +
        'Исправьте месяц или итог, чтобы они совпали.',
    );
  });
});
