/**
 * The loading programme in a real Chromium against browser mode (issue 12 part 4), on a ledger and a
 * page both fixed at 30 July 2025 (Aktau): July's nominations with their states (one loaded, one
 * missed, one open whose laycan runs into August, one cancelled), a tanker nominated from the
 * keyboard, a cargo tied by hand, and the dashboard's line for the month. Screenshots at 1024 and
 * 1920 px, English and Russian, light and dark, go to test-artifacts/programme-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './support/browser';
import { describeInChromium, ledgerInBrowser } from './support/ledger-in-browser';

const shot = (name: string) => path.join(ARTIFACTS, `programme-${name}.png`);
/** 12:00 at Aktau on 30 July 2025. */
const NOW = new Date('2025-07-30T07:00:00Z');

describeInChromium('the loading programme in Chromium', () => {
  jest.setTimeout(240_000);
  const ledger = ledgerInBrowser({
    service: { now: () => NOW },
    seed: async (service) => {
      // 2,190,000 t over 365 days is 6,000 t a day: July's plan is 186,000 t.
      await service.setTargets({ year: 2025, annualTonnes: '2190000' });
      service.recordMany([
        { blDate: '2025-07-03', vessel: 'Liwa', netTonnes: '9959.5', blNumber: 'KZ-0703' },
        { blDate: '2025-07-12', vessel: 'Taraz', netTonnes: '6980', blNumber: 'KZ-0712' },
        { blDate: '2025-07-21', vessel: 'Aktau', netTonnes: '8800', blNumber: 'KZ-0721' },
      ]);
      const nominate = (vessel: string, laycanFrom: string, laycanTo: string, tonnes: string) =>
        service.nominate({ month: '2025-07', vessel, laycanFrom, laycanTo, tonnes });
      await nominate('Liwa', '02.07.2025', '04.07.2025', '9 500');
      await nominate('Astana', '10.07.2025', '12.07.2025', '8 000');
      await nominate('Taraz', '29.07.2025', '02.08.2025', '7 000');
      const cancelled = await nominate('President Heydar Aliyev', '24.07.2025', '26.07.2025', '7 800');
      const slot = cancelled.nominations.find((n) => n.vessel === 'President Heydar Aliyev');
      await service.cancelNomination({ id: slot?.id, reason: 'SOCAR moved the slot to August' });
    },
  });

  const open = (language: 'en' | 'ru' | 'az' | 'kk', width: number, theme: 'light' | 'dark'): Promise<Page> =>
    ledger.openPage({ language, width, theme, now: NOW });

  const states = async (page: Page) => page.locator('[data-testid^="state-"]').allTextContents();

  const STATES = {
    en: ['loaded', 'missed', 'open', 'cancelled'],
    ru: ['погружена', 'пропущена', 'открыта', 'отменена'],
    az: ['yüklənib', 'buraxılıb', 'açıq', 'ləğv edilib'],
    kk: ['тиелді', 'өткізілді', 'ашық', 'болдырылмады'],
  };
  /** 153,261 t short, as each language groups its digits and says it. */
  const GAP = {
    en: /153,261 t short/,
    ru: /не хватает 153\s261 т/,
    az: /153\.261 t çatışmır/,
    kk: /153\s261 т жетпейді/,
  };

  test.each([
    ['en', 1024, 'light'],
    ['ru', 1024, 'light'],
    ['az', 1024, 'light'],
    ['kk', 1024, 'dark'],
    ['en', 1920, 'dark'],
    ['ru', 1920, 'dark'],
  ] as const)(
    'July as of the 30th: loaded, missed, open into August, cancelled (%s, %i px, %s)',
    async (language, width, theme) => {
      const page = await open(language, width, theme);
      await page.getByTestId('programme-bar').waitFor();
      await page.screenshot({ path: shot(`dashboard-${language}-${width}-${theme}`) });
      await page.getByTestId('tab-programme').click();
      await page.getByTestId('programme-table').waitFor();
      expect(await states(page)).toEqual(STATES[language]);
      // Shipped 9,959.5 + 6,980 + 8,800 = 25,739.5 t; still nominated: Taraz 7,000 t; 32,739.5 t of
      // 186,000 t: 153,260.5 t short, shown in whole tonnes as 153,261.
      const line = await page.getByTestId('programme-bar-line').textContent();
      expect(line?.replace(/\s/g, '')).toMatch(/25[,.]?740[tт]/);
      expect(await page.getByTestId('programme-bar-gap').textContent()).toMatch(GAP[language]);
      await page.screenshot({ path: shot(`view-${language}-${width}-${theme}`), fullPage: true });
      await page.context().close();
    },
  );

  test('a tanker nominated from the keyboard, a typo asked about, and a cargo tied by hand', async () => {
    const page = await open('ru', 1024, 'light');
    await page.getByTestId('tab-programme').click();
    await page.getByTestId('programme-table').waitFor();
    await page.getByTestId('nomination-vessel').fill('Актау');
    await page.keyboard.press('Tab');
    await page.keyboard.type('20.07.2025');
    await page.keyboard.press('Tab');
    await page.keyboard.type('22.07.2025');
    await page.keyboard.press('Tab');
    await page.keyboard.type('8 800,5');
    await page.keyboard.press('Enter');
    await page.getByText('Номинация добавлена.').waitFor();
    expect(await states(page)).toEqual(['погружена', 'пропущена', 'погружена', 'открыта', 'отменена']);
    expect(
      await page.getByTestId('nomination-vessel').evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);
    await page.getByTestId('nomination-vessel').fill('Astna');
    await page.getByTestId('nomination-laycanFrom').fill('27.07.2025');
    await page.getByTestId('nomination-laycanTo').fill('28.07.2025');
    await page.getByTestId('nomination-plannedTonnes').fill('9,000');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Astana' }).waitFor();
    await page.screenshot({ path: shot('questions-ru-1024-light'), fullPage: true });
    await page.getByRole('button', { name: 'Astana' }).click();
    await page.getByRole('button', { name: /^9\s000,000 т$/ }).click();
    expect(await page.getByTestId('nomination-plannedTonnes').inputValue()).toBe('9000');
    await page.getByTestId('nomination-save').click();
    await page.getByText('Номинация добавлена.').waitFor();
    // Planned tonnes beyond any Caspian tanker: asked in a dialog, nominated once confirmed.
    await page.getByTestId('nomination-vessel').fill('Liwa');
    await page.getByTestId('nomination-laycanFrom').fill('29.07.2025');
    await page.getByTestId('nomination-laycanTo').fill('30.07.2025');
    await page.getByTestId('nomination-plannedTonnes').fill('16 000');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('nomination-question')
      .getByText(/16\s000 т — больше/)
      .waitFor();
    await page.screenshot({ path: shot('tonnes-question-ru-1024-light') });
    await page.getByTestId('nomination-question-back').click();
    expect(await page.getByTestId('nomination-plannedTonnes').inputValue()).toBe('16 000');
    // The missed Astana slot of 10–12 July: the Taraz cargo of the 12th tied to it by hand.
    const astana = page.locator('tr', { hasText: '10.07.2025' });
    const select = astana.locator('select');
    const option = await select.locator('option', { hasText: 'KZ-0712' }).getAttribute('value');
    await select.selectOption(option ?? '');
    await astana.getByRole('button', { name: 'Привязать' }).click();
    // Another tanker's cargo: asked before it is tied.
    await page.getByText('Этот груз погружен на Taraz, а не на Astana, номинированный танкер.').waitFor();
    await page.screenshot({ path: shot('tie-question-ru-1024-light') });
    await page.getByRole('button', { name: 'Всё равно подтвердить' }).click();
    await astana.getByText('привязан вручную').waitFor();
    await page.screenshot({ path: shot('tied-ru-1024-light'), fullPage: true });
    await page.context().close();
  });
});
