/**
 * The dashboard's word on conflicts between stations: how many of the year's cargoes are in one,
 * how the figures above count them until a person decides, and the way to the Conflicts view. The
 * number is the core's (Progress.conflicted), the same the monthly report's note gives.
 */
import type { Progress } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import { useLedger } from '../store';

export function ConflictsNotice({ progress, t }: { progress: Progress; t: Translate }) {
  const showTab = useLedger((s) => s.showTab);
  const count = progress.conflicted ?? 0;
  if (count === 0) return null;
  return (
    <div className="dash-notice" role="status" data-testid="dashboard-conflicts">
      <div>{t('dashboard.conflicts.notice', { year: progress.year, count })}</div>
      <button type="button" className="button no-print" onClick={() => showTab('conflicts')}>
        {t('dashboard.conflicts.open')}
      </button>
    </div>
  );
}
