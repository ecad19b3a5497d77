/**
 * Vessels and voyages in a real Chromium against browser mode on a temporary ledger (issue 12 part
 * 2): the Reconciliation view's second tab shows each vessel's year and the fleet's total, a cargo
 * without a discharge date awaiting it; in the entry form a discharge date typed moves the status to
 * Discharged. Screenshots at 1024 and 1920 px, English and Russian, light and dark, go to
 * test-artifacts/ (not committed).
 */
import path from 'node:path';
import type { ShipmentInput } from '../electron/core/api';
import { addCalendarDays, formatIsoDate, parseIsoDate, todayAtLoadPort } from '../electron/core/calendar';
import { ARTIFACTS } from './support/browser';
import { describeInChromium, ledgerInBrowser } from './support/ledger-in-browser';

const TODAY = todayAtLoadPort(new Date());
const YEAR = Number(TODAY.slice(0, 4));
const VESSELS = [
  'Astana',
  'Taraz',
  'Aktau',
  'Liwa',
  'President Heydar Aliyev',
  'Akademik Khoshbakht Yusifzade',
];

function plus(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`not a date: ${iso}`);
  return formatIsoDate(addCalendarDays(date, days));
}

/**
 * A cargo every fourth day of the year up to today, the vessels in turn, each voyage numbered;
 * arrival 2 days after the B/L date, discharge 2 to 4 days after it. The last cargo has arrived and
 * waits for its discharge.
 */
function cargoes(): ShipmentInput[] {
  const list: ShipmentInput[] = [];
  for (let day = 0; ; day += 4) {
    const blDate = plus(`${YEAR}-01-01`, day);
    if (blDate > plus(TODAY, -5) || blDate.slice(0, 4) !== String(YEAR)) break;
    const index = list.length;
    list.push({
      blDate,
      vessel: VESSELS[index % VESSELS.length] ?? 'Astana',
      voyage: `${Math.floor(index / VESSELS.length) + 1}/${String(YEAR).slice(2)}`,
      blNumber: `KZ-${YEAR}-${String(index + 1).padStart(3, '0')}`,
      netTonnes: ((6_900_000 + ((index * 431_417) % 3_000_000)) / 1000).toFixed(3),
      arrivalDate: plus(blDate, 2),
      dischargeDate: plus(blDate, 2 + (index % 3)),
    });
  }
  const last = list.at(-1);
  if (last) delete last.dischargeDate;
  return list;
}

describeInChromium('vessels and voyages in Chromium', () => {
  jest.setTimeout(240_000);
  const ledger = ledgerInBrowser({ seed: (service) => service.recordMany(cargoes()) });

  test.each([
    [1024, 'en', 'light'],
    [1024, 'ru', 'dark'],
    [1920, 'en', 'dark'],
    [1920, 'ru', 'light'],
  ] as const)(
    'at %i px in %s (%s): each vessel with the total, one cargo awaiting discharge',
    async (width, language, theme) => {
      const page = await ledger.openPage({ width, language, theme });

      await page.getByTestId('tab-reconciliation').click();
      await page.getByTestId('reconcile-tab-voyages').click();
      await page.getByTestId('voyages-vessels').waitFor();
      const expected = await ledger.workspace.api.vessels({ year: YEAR });
      expect(await page.locator('[data-testid^="voyages-vessel-"]').count()).toBe(expected.byVessel.length);
      const totalCells = await page.getByTestId('voyages-total').locator('th, td').allTextContents();
      expect(totalCells[1]).toBe(String(expected.totals.cargoes));
      expect(totalCells[6]).toBe('1');
      const awaiting = page.getByTestId('voyages-cargoes').locator('.rc-status-pending');
      expect(await awaiting.allTextContents()).toEqual([
        language === 'en' ? 'awaiting discharge' : 'ждёт выгрузки',
      ]);
      await page.screenshot({
        path: path.join(ARTIFACTS, `voyages-${width}-${language}-${theme}.png`),
        fullPage: false,
      });
      await page.context().close();
    },
  );

  test('in the entry form, a discharge date typed moves the status to Discharged', async () => {
    const page = await ledger.openPage({ language: 'en', theme: 'light' });
    await page.getByTestId('tab-entry').click();
    const status = page.locator('select[name="status"]');
    await status.waitFor();
    await page.locator('.entry-summary').click();
    const discharge = page.locator('input[name="dischargeDate"]');
    expect(await discharge.inputValue()).toBe('');
    await discharge.fill(TODAY);
    expect(await status.inputValue()).toBe('discharged');
    await page.screenshot({ path: path.join(ARTIFACTS, 'voyages-entry-1024-en.png'), fullPage: true });
    await page.context().close();
  });
});
