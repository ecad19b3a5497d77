/**
 * The Periods panel in Settings (issue 12 part 3): a manager closes a month with a reason, sees who
 * closed each month and whether it has changed since, and reopens one with a reason, in their language.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PeriodReport } from '../../../electron/core/api';
import { ApiError } from '../../../renderer/src/client';
import { PeriodsPanel } from '../../../renderer/src/settings-view/PeriodsPanel';
import { useLedger } from '../../../renderer/src/store';
import { fakeApi, loadStore, resetSettings, YEAR, type FakeApi } from '../reports/fake-api';

let api: FakeApi;

const july = (change: Partial<PeriodReport> = {}): PeriodReport => ({
  month: `${YEAR}-07`,
  closed: true,
  lastClose: {
    action: 'close',
    at: `${YEAR}-08-02T09:15:00.000Z`,
    actor: 'aliya',
    reason: 'Reconciled with Sangachal',
    figures: { shipments: 2, kg: 13_980_125, digest: 'a1b2c3d4e5f60718' },
  },
  steps: [],
  now: { shipments: 2, kg: 13_980_125, digest: 'a1b2c3d4e5f60718' },
  changedSinceClose: false,
  ...change,
});

beforeEach(() => {
  api = fakeApi();
  loadStore(api);
  resetSettings('en');
});

describe('the Periods panel', () => {
  test('lists each closed month with who closed it, when, why, and its figures', async () => {
    api.periods.mockResolvedValue([july()]);
    render(<PeriodsPanel />);
    const row = await screen.findByTestId(`period-${YEAR}-07`);
    expect(row.textContent).toContain(`July ${YEAR}`);
    expect(row.textContent).toContain('Closed');
    expect(row.textContent).toContain(`Closed by aliya on ${YEAR}-08-02: Reconciled with Sangachal`);
    expect(row.textContent).toContain('2 cargoes, 13,980.125\u00a0t');
    expect(within(row).queryByRole('note')).toBeNull();
  });

  test('a month changed since its close says so, with the figures it was closed with', async () => {
    api.periods.mockResolvedValue([
      july({ closed: false, now: { shipments: 3, kg: 18_980_125, digest: 'ffff' }, changedSinceClose: true }),
    ]);
    resetSettings('ru');
    render(<PeriodsPanel />);
    const row = await screen.findByTestId(`period-${YEAR}-07`);
    expect(row.textContent).toContain('Открыт снова');
    expect(within(row).getByRole('note').textContent).toBe(
      'Изменён после закрытия; при закрытии: Отгрузок: 2, 13\u00a0980,125\u00a0т.',
    );
  });

  test('closing asks for the month and a reason, and writes through the API', async () => {
    const user = userEvent.setup();
    api.closeMonth.mockResolvedValue(july());
    render(<PeriodsPanel />);
    await waitFor(() => expect(api.periods).toHaveBeenCalled());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Month' }), `${YEAR}-07`);
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Reconciled with Sangachal');
    api.periods.mockResolvedValue([july()]);
    await user.click(screen.getByRole('button', { name: 'Close month' }));
    expect(api.closeMonth).toHaveBeenCalledWith(
      { month: `${YEAR}-07`, reason: 'Reconciled with Sangachal' },
      expect.objectContaining({ ledgerId: expect.any(String) }),
    );
    expect(await screen.findByTestId(`period-${YEAR}-07`)).toBeTruthy();
    // A closed month is no longer offered for closing.
    const offered = within(screen.getByRole('combobox', { name: 'Month' }))
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(offered).not.toContain(`${YEAR}-07`);
  });

  test('reopening asks why, then writes the reopen', async () => {
    const user = userEvent.setup();
    api.periods.mockResolvedValue([july()]);
    api.reopenMonth.mockResolvedValue(july({ closed: false }));
    render(<PeriodsPanel />);
    await user.click(await screen.findByRole('button', { name: 'Reopen…' }));
    expect(screen.getByText(`Reopen July ${YEAR}: say why.`)).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Late outturn');
    await user.click(screen.getByRole('button', { name: 'Reopen month' }));
    expect(api.reopenMonth).toHaveBeenCalledWith(
      { month: `${YEAR}-07`, reason: 'Late outturn' },
      expect.anything(),
    );
  });

  test('a month a repair left held is shown with what settles it, and Reopen keeps it open', async () => {
    const user = userEvent.setup();
    const info = useLedger.getState().info;
    useLedger.setState({ info: info && { ...info, heldMonths: [`${YEAR}-03`] } });
    api.reopenMonth.mockResolvedValue(null);
    resetSettings('ru');
    render(<PeriodsPanel />);
    const row = await screen.findByTestId(`period-held-${YEAR}-03`);
    expect(row.textContent).toContain('Удержан');
    expect(within(row).getByRole('note').textContent).toContain('Закройте его снова или откройте заново');
    await user.click(within(row).getByRole('button', { name: 'Открыть снова…' }));
    await user.type(screen.getByRole('textbox', { name: 'Причина' }), 'Март остаётся открытым');
    await user.click(screen.getByTestId('period-submit'));
    expect(api.reopenMonth).toHaveBeenCalledWith(
      { month: `${YEAR}-03`, reason: 'Март остаётся открытым' },
      expect.anything(),
    );
  });

  test("a refusal is said in the page's language from the core's code and facts", async () => {
    const user = userEvent.setup();
    resetSettings('kk');
    api.closeMonth.mockRejectedValue(
      new ApiError({
        code: 'conflict',
        message: `${YEAR}-07 is already closed (by aliya on ${YEAR}-08-02: Final).`,
        issues: [
          {
            field: 'month',
            code: 'month.already_closed',
            message: `${YEAR}-07 is already closed (by aliya on ${YEAR}-08-02: Final).`,
            facts: { month: `${YEAR}-07`, closedBy: 'aliya', date: `${YEAR}-08-02`, reason: 'Final' },
          },
        ],
      }),
    );
    render(<PeriodsPanel />);
    await waitFor(() => expect(api.periods).toHaveBeenCalled());
    await user.type(screen.getByRole('textbox', { name: 'Себеп' }), 'Final');
    await user.click(screen.getByRole('button', { name: 'Айды жабу' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      `${YEAR}-07 айы жабылып қойған (aliya, 02.08.${YEAR}: Final).`,
    );
  });
});
