/** The one sentence at the top of the dashboard: where the year stands, in words. */
import type { Progress } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import type { DashboardFormat } from './formatters';

export type HeadlineTone = 'ahead' | 'behind' | 'level';

export function headline(
  p: Progress,
  t: Translate,
  f: DashboardFormat,
): { text: string; tone: HeadlineTone } {
  const tone: HeadlineTone = p.aheadKg > 0 ? 'ahead' : p.aheadKg < 0 ? 'behind' : 'level';
  const vars = {
    year: p.year,
    amount: f.short(Math.abs(p.aheadKg)),
    actual: f.short(p.tonnesKg),
    due: f.short(p.proRataKg),
    target: f.short(p.targetKg),
    date: f.date(p.asOf),
  };
  // A date written with a closing point ("28 нояб. 2026 г.") must not end the sentence twice.
  const sentence = (key: string) => t(key, vars).replace(/\.\.$/, '.');
  if (p.daysElapsed === 0) return { text: sentence('dashboard.headline.notStarted'), tone: 'level' };
  const closed = p.daysLeft === 0;
  const key = tone === 'ahead' ? 'Ahead' : tone === 'behind' ? 'Behind' : 'Level';
  return { text: sentence(`dashboard.headline.${closed ? 'closed' : 'running'}${key}`), tone };
}
