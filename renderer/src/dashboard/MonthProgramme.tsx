/**
 * The current month's loading programme on the dashboard: shipped + still nominated against the
 * month's plan, in one line and one bar (the Programme screen's). Shown for the current year only, and
 * on screen only: the printed dashboard stays one A4 page.
 */
import type { Progress } from '../../../electron/core/api';
import { todayAtLoadPort } from '../../../electron/core/calendar';
import type { Translate } from '../i18n';
import { ProgrammeBar } from '../programme/ProgrammeBar';
import { useProgrammeData } from '../programme/useProgramme';
import type { Language } from '../settings';

export function MonthProgramme({
  progress,
  language,
  t,
}: {
  progress: Progress;
  language: Language;
  t: Translate;
}) {
  const today = todayAtLoadPort(new Date());
  const month = today.startsWith(`${progress.year}-`) ? today.slice(0, 7) : null;
  const state = useProgrammeData(month);
  if (month === null || state.status !== 'ready' || state.value.month !== month) return null;
  return <ProgrammeBar programme={state.value} language={language} t={t} className="no-print" />;
}
