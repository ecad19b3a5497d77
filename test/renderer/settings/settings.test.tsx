import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TransitError } from '../../../electron/core/errors';
import { ApiError } from '../../../renderer/src/client';
import type { FieldIssue } from '../../../electron/core/api';
import { allowanceLockedIssue, PeriodBook } from '../../../electron/core/periods';
import { translate } from '../../../renderer/src/i18n';
import { useSettings, type Language } from '../../../renderer/src/settings';
import { targetIssuesOf } from '../../../renderer/src/settings-view/targetIssues';
import { quantityInput } from '../../../renderer/src/format';
import { planSum } from '../../../renderer/src/settings-view/planMonths';
import { useLedger } from '../../../renderer/src/store';
import { SettingsView } from '../../../renderer/src/views/SettingsView';
import {
  fakeApi,
  ledgerInfo,
  loadStore,
  resetSettings,
  YEAR,
  yearTargets,
  type FakeApi,
} from '../reports/fake-api';

let api: FakeApi;

// The core's own validator (typed here by hand: its module uses Node's Buffer, which the page's types leave out).
const { parseTargetsRequest } = jest.requireActual<{ parseTargetsRequest(value: unknown): unknown }>(
  '../../../electron/core/requests',
);

beforeEach(() => {
  api = fakeApi();
  // The Backups panel is specified in backups.test.tsx; here its status never arrives, so it changes nothing.
  api.backupStatus.mockReturnValue(new Promise(() => undefined));
  loadStore(api);
  resetSettings('en');
});

const annualInput = () => screen.getByLabelText('Tonnes for the year') as HTMLInputElement;
const planInput = (month: number) => screen.getByTestId(`plan-${month}`) as HTMLInputElement;

/** Clears the field and pastes the text: as a person would, and fast enough for 13 fields. */
async function typeInto(user: ReturnType<typeof userEvent.setup>, input: HTMLInputElement, text: string) {
  await user.clear(input);
  await user.paste(text);
}

describe('targets', () => {
  test("start from the ledger's figures, marked as the default while the year has none of its own", () => {
    render(<SettingsView />);
    expect(screen.getByRole('heading', { name: `Targets for ${YEAR}` })).toBeTruthy();
    expect(annualInput().value).toBe('2200000');
    expect(screen.getByTestId('targets-default').textContent).toBe('Default');
    for (let month = 1; month <= 12; month++) expect(planInput(month).value).toBe('');
    expect(screen.getByLabelText('January')).toBe(planInput(1));
    expect(screen.getByLabelText('December')).toBe(planInput(12));
    expect(screen.getByRole('group', { name: 'Monthly plan (optional)' })).toBeTruthy();
  });

  test('a saved plan is shown in the language of the form, and not as the default', () => {
    resetSettings('ru');
    loadStore(api, {
      targets: yearTargets({
        source: 'ledger',
        annualKg: 1_500_000_500,
        monthlyPlanKg: [125_000_500, ...Array.from({ length: 11 }, () => 125_000_000)],
      }),
    });
    render(<SettingsView />);
    expect((screen.getByLabelText('Тонн за год') as HTMLInputElement).value).toBe('1500000,5');
    expect((screen.getByLabelText('Январь') as HTMLInputElement).value).toBe('125000,5');
    expect(screen.queryByTestId('targets-default')).toBeNull();
  });

  test('save sends the annual target and the 12 plan figures as typed, for the core to read', async () => {
    const user = userEvent.setup();
    render(<SettingsView />);
    await typeInto(user, annualInput(), '2 200 000,5');
    for (let month = 1; month <= 12; month++)
      await typeInto(user, planInput(month), month === 1 ? '183333,837' : '183333,333');
    expect(screen.getByTestId('plan-sum').textContent).toBe('2,200,000.500 t');
    expect(screen.getByText('Equals the annual target.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: `Save targets for ${YEAR}` }));
    expect(api.setTargets).toHaveBeenCalledWith(
      {
        year: YEAR,
        annualTonnes: '2 200 000,5',
        monthlyPlanTonnes: ['183333,837', ...Array.from({ length: 11 }, () => '183333,333')],
        lossAllowancePercent: '0.5',
      },
      { ledgerId: 'real' },
    );
    expect((await screen.findByTestId('targets-status')).textContent).toContain(
      `Targets for ${YEAR} saved in the ledger.`,
    );
  });

  test('with every month empty the plan is sent as none (spread by days)', async () => {
    const user = userEvent.setup();
    render(<SettingsView />);
    await typeInto(user, annualInput(), '1500000');
    await user.click(screen.getByRole('button', { name: `Save targets for ${YEAR}` }));
    expect(api.setTargets).toHaveBeenCalledWith(
      { year: YEAR, annualTonnes: '1500000', monthlyPlanTonnes: null, lossAllowancePercent: '0.5' },
      { ledgerId: 'real' },
    );
  });

  test("the core's refusal of the plan appears next to the plan", async () => {
    const user = userEvent.setup();
    const message =
      'The 12 monthly figures add up to 2199999.996 t but the annual target is 2200000.000 t; make them agree.';
    api.setTargets.mockRejectedValue(
      new ApiError({
        code: 'invalid',
        message,
        issues: [{ field: 'monthlyPlanTonnes', code: 'monthlyPlanTonnes.sum', message }],
      }),
    );
    render(<SettingsView />);
    for (let month = 1; month <= 12; month++) await typeInto(user, planInput(month), '183333,333');
    expect(screen.getByText(/^0.004 t less than the annual target/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: `Save targets for ${YEAR}` }));

    const error = await screen.findByTestId('plan-error');
    expect(error.textContent).toBe(`Not saved: ${message}`);
    // Inside the plan's own group, and tied to its inputs for screen readers.
    expect(
      within(screen.getByRole('group', { name: 'Monthly plan (optional)' })).getByTestId('plan-error'),
    ).toBe(error);
    expect(planInput(3).getAttribute('aria-invalid')).toBe('true');
    expect(planInput(3).getAttribute('aria-describedby')).toBe(error.id);
    expect(screen.getByTestId('targets-status').textContent).toBe('');
    // What the person typed stays for them to correct.
    expect(planInput(12).value).toBe('183333,333');
  });

  test("in Russian the plan's refusal is in Russian, both sums from the core's facts written its way", async () => {
    const user = userEvent.setup();
    resetSettings('ru');
    // The real core decides and gives its code and facts; the page words them.
    api.setTargets.mockImplementation((request) => {
      try {
        parseTargetsRequest(request);
      } catch (error) {
        if (error instanceof TransitError) throw new ApiError(error.toPayload());
        throw error;
      }
      throw new Error('the core accepted a plan that does not add up');
    });
    render(<SettingsView />);
    for (let month = 1; month <= 12; month++) await typeInto(user, planInput(month), '183333,333');
    await user.click(screen.getByTestId('save-targets'));

    const error = await screen.findByTestId('plan-error');
    expect(error.textContent?.replace(/\s/g, ' ')).toBe(
      'Не сохранено: Сумма 12 месячных цифр — 2 199 999,996 т, а годовая цель — 2 200 000,000 т. ' +
        'Исправьте месяц или годовую цель, чтобы они совпали.',
    );
    expect(error.textContent).not.toMatch(/[A-Za-z]/);
  });

  test("a plan refusal without the sums (an older core) still shows the core's own words", async () => {
    const user = userEvent.setup();
    const message =
      'The 12 monthly figures add up to 2199999.996 t but the annual target is 2200000.000 t; make them agree.';
    api.setTargets.mockRejectedValue(
      new ApiError({
        code: 'invalid',
        message,
        issues: [
          {
            field: 'monthlyPlanTonnes',
            code: 'monthlyPlanTonnes.sum',
            message,
            facts: { planKg: 2_199_999_996 },
          },
        ],
      }),
    );
    render(<SettingsView />);
    for (let month = 1; month <= 12; month++) await typeInto(user, planInput(month), '183333.333');
    await user.click(screen.getByTestId('save-targets'));
    expect((await screen.findByTestId('plan-error')).textContent).toBe(`Not saved: ${message}`);
  });

  test('an ambiguous figure is asked about with both readings, never guessed; a choice writes it plainly', async () => {
    const user = userEvent.setup();
    // The real core reads the figures and asks its question.
    api.setTargets.mockImplementation((request) => {
      try {
        parseTargetsRequest(request);
      } catch (error) {
        if (error instanceof TransitError) throw new ApiError(error.toPayload());
        throw error;
      }
      return Promise.resolve(yearTargets({ source: 'ledger' }));
    });
    render(<SettingsView />);
    await typeInto(user, annualInput(), '2,200');
    await user.click(screen.getByTestId('save-targets'));
    const annual = await screen.findByRole('group', { name: 'Which figure did you mean?' });
    expect(
      within(annual)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['2,200.000 t', '2.200 t']);
    await user.click(within(annual).getByRole('button', { name: '2,200.000 t' }));
    expect(annualInput().value).toBe('2200');
    expect(screen.queryByRole('group', { name: 'Which figure did you mean?' })).toBeNull();
    expect(api.setTargets).toHaveBeenCalledTimes(1);
  });

  test("an ambiguous month of the plan is offered beside the plan, named by the core's facts", async () => {
    const user = userEvent.setup();
    api.setTargets.mockImplementation((request) => {
      try {
        parseTargetsRequest(request);
      } catch (error) {
        if (error instanceof TransitError) throw new ApiError(error.toPayload());
        throw error;
      }
      return Promise.resolve(yearTargets({ source: 'ledger' }));
    });
    render(<SettingsView />);
    for (let month = 1; month <= 12; month++)
      await typeInto(user, planInput(month), month === 3 ? '183,333' : '1');
    await user.click(screen.getByTestId('save-targets'));
    const march = await screen.findByRole('group', { name: 'March: Which figure did you mean?' });
    await user.click(within(march).getByRole('button', { name: '183.333 t' }));
    // Written so that it can only mean 183.333 t.
    expect(planInput(3).value).toBe('183.3330');
  });

  test('a refusal of the annual figure appears next to it', async () => {
    const user = userEvent.setup();
    const message = 'Annual target "abc" must be a number of tonnes above zero with at most 3 decimals.';
    api.setTargets.mockRejectedValue(
      new ApiError({
        code: 'invalid',
        message,
        issues: [{ field: 'annualTonnes', code: 'annualTonnes.invalid', message }],
      }),
    );
    render(<SettingsView />);
    await typeInto(user, annualInput(), 'abc');
    await user.click(screen.getByRole('button', { name: `Save targets for ${YEAR}` }));
    await waitFor(() => expect(annualInput().getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(message)).toBeTruthy();
  });

  test("the loss allowance starts from the ledger's, written the page's way, saved with the targets", async () => {
    resetSettings('ru');
    loadStore(api, { targets: yearTargets({ lossAllowancePercent: 0.25 }) });
    const user = userEvent.setup();
    render(<SettingsView />);
    const allowance = screen.getByTestId('loss-allowance') as HTMLInputElement;
    expect(allowance.value).toBe('0,25');
    await typeInto(user, allowance, '0,3');
    await user.click(screen.getByTestId('save-targets'));
    expect(api.setTargets).toHaveBeenCalledWith(expect.objectContaining({ lossAllowancePercent: '0,3' }), {
      ledgerId: 'real',
    });
  });

  test("the core's refusal of the allowance is said beside it in the page's language, from its facts", async () => {
    resetSettings('ru');
    const user = userEvent.setup();
    api.setTargets.mockImplementation((request) => {
      try {
        parseTargetsRequest(request);
      } catch (error) {
        return Promise.reject(new ApiError((error as TransitError).toPayload()));
      }
      return Promise.resolve(yearTargets({ source: 'ledger' }));
    });
    render(<SettingsView />);
    await typeInto(user, screen.getByTestId('loss-allowance') as HTMLInputElement, '7');
    await user.click(screen.getByTestId('save-targets'));
    const error = await screen.findByText(/не норма/);
    expect(error.closest('p')?.textContent).toBe(
      'Не сохранено: «7» — не норма: укажите процент от 0 до 5, не более 3 знаков после запятой, например 0,5.',
    );
    expect(screen.getByTestId('loss-allowance').getAttribute('aria-invalid')).toBe('true');
  });

  test('"Clear the plan" saves the target with no plan', async () => {
    const user = userEvent.setup();
    loadStore(api, {
      targets: yearTargets({
        source: 'ledger',
        monthlyPlanKg: Array.from({ length: 12 }, (_, i) => (i < 11 ? 183_333_000 : 183_337_000)),
      }),
    });
    render(<SettingsView />);
    await user.click(screen.getByRole('button', { name: 'Clear the plan (spread by days)' }));
    expect(api.setTargets).toHaveBeenCalledWith(
      { year: YEAR, annualTonnes: '2200000', monthlyPlanTonnes: null, lossAllowancePercent: '0.5' },
      { ledgerId: 'real' },
    );
    await waitFor(() => expect(planInput(1).value).toBe(''));
  });

  test('a read-only ledger cannot change targets', () => {
    loadStore(api, { info: ledgerInfo({ readOnly: true }) });
    render(<SettingsView />);
    expect(annualInput().matches(':disabled')).toBe(true);
    expect(planInput(1).matches(':disabled')).toBe(true);
    expect(
      (screen.getByRole('button', { name: `Save targets for ${YEAR}` }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});

describe('language and theme', () => {
  test('switching the language changes the visible strings at once', async () => {
    const user = userEvent.setup();
    render(<SettingsView />);
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Русский' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Настройки' })).toBeTruthy();
    expect(screen.getByLabelText('Январь')).toBeTruthy();
    expect(useSettings.getState().language).toBe('ru');
    await user.click(screen.getByRole('radio', { name: 'Қазақ' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Баптаулар' })).toBeTruthy();
    await user.click(
      within(screen.getByRole('group', { name: 'Тіл' })).getByRole('radio', { name: /Жүйеге сәйкес/ }),
    );
    expect(useSettings.getState().language).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  test('language names are written in their own language whatever the language of the app', () => {
    resetSettings('az');
    render(<SettingsView />);
    const group = screen.getByRole('group', { name: 'Dil' });
    for (const name of ['English', 'Русский', 'Azərbaycan', 'Қазақ'])
      expect(within(group).getByRole('radio', { name })).toBeTruthy();
  });

  test('switching the theme updates the settings store and is kept', async () => {
    const user = userEvent.setup();
    render(<SettingsView />);
    const group = screen.getByRole('group', { name: 'Theme' });
    expect(
      (within(group).getByRole('radio', { name: 'Follow the system' }) as HTMLInputElement).checked,
    ).toBe(true);
    await user.click(within(group).getByRole('radio', { name: 'Dark' }));
    expect(useSettings.getState().theme).toBe('dark');
    expect(JSON.parse(localStorage.getItem('transit-ledger-settings') ?? '{}')).toMatchObject({
      theme: 'dark',
    });
    await user.click(within(group).getByRole('radio', { name: 'Light' }));
    expect(useSettings.getState().theme).toBe('light');
  });
});

describe('demo and ledger', () => {
  test('"Load demo data" opens the separate demo ledger, and "Back to my ledger" leaves it', async () => {
    const user = userEvent.setup();
    render(<SettingsView />);
    expect(screen.getByText(/your real data is never mixed/)).toBeTruthy();
    api.info.mockResolvedValue(ledgerInfo({ demo: true }));
    await user.click(screen.getByRole('button', { name: 'Load demo data' }));
    expect(api.useDemoLedger).toHaveBeenCalledWith(true);
    const leave = await screen.findByRole('button', { name: 'Back to my ledger' });
    await user.click(leave);
    expect(api.useDemoLedger).toHaveBeenLastCalledWith(false);
  });

  test('a demo that cannot open says why', async () => {
    const user = userEvent.setup();
    api.useDemoLedger.mockRejectedValue(
      new ApiError({
        code: 'invalid',
        message: 'This ledger was opened on its own; the demo ledger is available in the app.',
      }),
    );
    render(<SettingsView />);
    await user.click(screen.getByRole('button', { name: 'Load demo data' }));
    expect((await screen.findByRole('alert')).textContent).toContain('opened on its own');
  });

  test('shows where the ledger is, how many entries it holds, and whether it is read-only', () => {
    loadStore(api, { info: ledgerInfo({ readOnly: true, entries: 1234 }) });
    render(<SettingsView />);
    const panel = screen.getByTestId('ledger-info');
    expect(within(panel).getByTestId('ledger-path').textContent).toBe(
      '/home/anna/.config/Transit Ledger/ledger.jsonl',
    );
    expect(within(panel).getByText('1,234')).toBeTruthy();
    expect(within(panel).getByTestId('ledger-access').textContent).toBe('Read-only');
  });

  test('follows the year chosen in the header', async () => {
    render(<SettingsView />);
    api.getTargets.mockResolvedValue(yearTargets({ year: 2023, annualKg: 1_500_000_000 }));
    await act(() => useLedger.getState().setYear(2023));
    expect(screen.getByRole('heading', { name: 'Targets for 2023' })).toBeTruthy();
    expect(annualInput().value).toBe('1500000');
  });
});

describe('tonnes as typed', () => {
  test("go to the core as typed; the running sum reads them with the core's own reader", () => {
    expect(quantityInput('en', 9_959_500)).toBe('9959.5');
    expect(quantityInput('kk', 9_959_500)).toBe('9959,5');
    expect(quantityInput('ru', 2_200_000_000)).toBe('2200000');
    // 9.959 t written so that it cannot be read as 9959 t.
    expect(quantityInput('ru', 9_959)).toBe('9,9590');
    expect(planSum(['1,5', '', 'x', '2', '2 200 000,5', '9,959'])).toEqual({
      kg: 2_200_004_000,
      counted: 3,
      unreadable: [2, 5],
    });
  });
});

describe("every refusal of the targets a person can type is said in the page's language", () => {
  /** What the real core refuses for a save of these figures, as the form shows it: by place. */
  function said(language: Language, annualTonnes: string, monthlyPlanTonnes: string[] | null) {
    let refusal: { code: string; message: string; issues: FieldIssue[] } | null = null;
    try {
      parseTargetsRequest({ year: YEAR, annualTonnes, monthlyPlanTonnes });
    } catch (error) {
      if (!(error instanceof TransitError)) throw error;
      refusal = { code: error.code, message: error.message, issues: error.issues };
    }
    if (!refusal) throw new Error('the core accepted these targets');
    const issues = targetIssuesOf((key, vars) => translate(language, key, vars), language, refusal);
    return [issues.annual, issues.plan, issues.other]
      .filter((text) => text !== null)
      .join(' ')
      .replace(/\s/g, ' ');
  }
  const ENGLISH =
    /(?<!\p{L})(the|is|not|of|for|must|be|number|annual|target|plan|month|figure|tonnes|route|agree)(?!\p{L})/iu;
  const plan = (march: string) => Array.from({ length: 12 }, (_, i) => (i === 2 ? march : '183333,333'));
  const cases: [string, string, string[] | null][] = [
    ['an annual figure that is no number', 'abc', null],
    ['an annual figure that reads two ways', '2,200', null],
    ['an annual figure beyond belief', '60000000', null],
    ['a month that is no number', '2200000', plan('abc')],
    ['a month that reads two ways', '2200000', plan('183,333')],
    ['a month beyond belief', '2200000', plan('99999999')],
    ['a plan that does not add up', '2200000', plan('183333,333')],
  ];

  test.each(cases)('%s', (_what, annual, monthly) => {
    const english = said('en', annual, monthly);
    for (const language of ['ru', 'az', 'kk'] as const) {
      const text = said(language, annual, monthly);
      expect(text).not.toBe(english);
      // What was typed ("abc") is data; no word of the core's English may be left.
      expect({ language, text }).toEqual({ language, text: expect.not.stringMatching(ENGLISH) });
      // Russian and Kazakh are written in Cyrillic: no Latin word at all beyond the typed one.
      if (language !== 'az') expect(text.replace('«abc»', '')).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  test('in Russian, with the month named and the tonnes written the Russian way', () => {
    expect(said('ru', '2200000', plan('abc'))).toBe(
      'Март: «abc» — не число тонн; пишите как 183333 или 183 333,5.',
    );
    expect(said('ru', '2200000', plan('183,333'))).toBe(
      'Март: «183,333» — это 183 333,000 т или 183,333 т? ' +
        'Отделяйте тысячи пробелами (183 333) или пишите без разделителей.',
    );
    expect(said('ru', '60000000', null)).toBe(
      'Годовая цель 60 000 000,000 т — неправдоподобная цифра для этого маршрута.',
    );
  });

  test('an allowance held by closed months names them and the allowance, in each language', () => {
    const book = new PeriodBook();
    const figures = { shipments: 1, kg: 1000, digest: '0' };
    for (const month of ['2024-06', '2024-07'])
      book.apply({
        type: 'close',
        month,
        reason: 'Final',
        figures,
        at: '2024-08-15T12:00:00Z',
        actor: 'aliya',
      });
    const issue = allowanceLockedIssue(book, 2024, 0.5, 0.7) as FieldIssue;
    const allowance = (language: Language) =>
      targetIssuesOf((key, vars) => translate(language, key, vars), language, {
        code: 'invalid',
        message: issue.message,
        issues: [issue],
      }).allowance;
    expect(allowance('en')).toBe(
      'The allowance of 2024 stays 0.5% while June 2024, July 2024 are closed: their figures were reconciled ' +
        'against it. Reopen those months in Periods first.',
    );
    expect(allowance('ru')).toBe(
      'Норма 2024 года остаётся 0,5%, пока закрыты июнь 2024, июль 2024: их итоги сверены по ней. ' +
        'Сначала откройте эти месяцы в разделе «Периоды».',
    );
    for (const language of ['az', 'kk'] as const)
      expect(allowance(language)).toEqual(expect.not.stringMatching(ENGLISH));
  });
});
