/**
 * A close lost to a damaged file, and a closed month changed since its close, as a person sees them
 * in a real Chromium against browser mode (issue 12 part 3): the recovery banner names the month whose
 * close was lost and says it takes no write until it is closed again; the dashboard's monthly table
 * marks a closed month whose cargoes changed since the close. Screenshots at 1024 and 1920 px,
 * English and Russian, light and dark, go to test-artifacts/ (not committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { todayAtLoadPort } from '../electron/core/calendar';
import { Ledger } from '../electron/core/ledger';
import { LedgerService } from '../electron/core/service';
import { ARTIFACTS } from './support/browser';
import { describeInChromium, ledgerInBrowser } from './support/ledger-in-browser';

const YEAR = Number(todayAtLoadPort(new Date()).slice(0, 4));
const month = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;

/** A ledger with a cargo in February and March: February's close recorded other figures, March's line spoilt. */
async function damagedLedger(file: string): Promise<void> {
  const service = LedgerService.open(file, { actor: 'aliya' });
  await service.recordShipment({
    blDate: `${month(2)}-03`,
    vessel: 'Liwa',
    blNumber: 'FEB-1',
    netTonnes: '9959.5',
  });
  await service.recordShipment({
    blDate: `${month(3)}-05`,
    vessel: 'Taraz',
    blNumber: 'MAR-1',
    netTonnes: '6980',
  });
  await service.closeMonth({ month: month(3), reason: 'Reconciled with Sangachal' });
  service.close();
  // February closed at another station with one cargo fewer, as a close heard before a late cargo arrived.
  const writer = Ledger.open(file, { apply: () => null, actor: 'marat' });
  const figures = { shipments: 0, kg: 0, digest: '0000000000000000' };
  writer.append([{ type: 'close', month: month(2), reason: 'Sent to SOCAR', figures }]);
  writer.close();
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.includes(`"month":"${month(3)}"`));
  lines[at] = (lines[at] as string).replace('Reconciled', 'reconciled');
  fs.writeFileSync(file, lines.join('\n'));
}

describeInChromium('a lost close and a changed closed month in Chromium', () => {
  jest.setTimeout(240_000);
  const ledger = ledgerInBrowser({ prepare: damagedLedger });

  test.each([
    [1024, 'en', 'light', 'March', '· changed since close'],
    [1024, 'ru', 'dark', 'март', '· изменён после закрытия'],
    [1920, 'en', 'dark', 'March', '· changed since close'],
    [1920, 'ru', 'light', 'март', '· изменён после закрытия'],
  ] as const)(
    'at %i px in %s (%s): the banner names the month, the table marks the change',
    async (...row) => {
      const [width, language, theme, march, changed] = row;
      const page = await ledger.openPage({ width, language, theme });
      const banner = page.getByTestId('recovery');
      await banner.waitFor();
      expect(await banner.textContent()).toContain(`${march} ${YEAR}`);
      await page.screenshot({
        path: path.join(ARTIFACTS, `lost-close-${width}-${language}-${theme}-top.png`),
      });
      const mark = page.getByTestId(`changed-${month(2)}`);
      await mark.scrollIntoViewIfNeeded();
      expect((await mark.textContent())?.trim()).toBe(changed);
      await page.screenshot({
        path: path.join(ARTIFACTS, `lost-close-${width}-${language}-${theme}-table.png`),
      });
      await page.context().close();
    },
  );
});
