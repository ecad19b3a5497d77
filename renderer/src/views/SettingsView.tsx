/**
 * Settings: the selected year's targets and closed months (kept in the ledger), language and theme
 * (kept in this profile), sync, the ledger's backups, the demo ledger, where the ledger lives, and the
 * fleet (kept in the ledger).
 */
import { useState } from 'react';
import { useT } from '../i18n';
import { BackupPanel } from '../settings-view/BackupPanel';
import { BaselinePanel } from '../settings-view/BaselinePanel';
import { DemoPanel } from '../settings-view/DemoPanel';
import { FleetPanel } from '../settings-view/FleetPanel';
import { LedgerInfoPanel } from '../settings-view/LedgerInfoPanel';
import { PeriodsPanel } from '../settings-view/PeriodsPanel';
import { PreferencesPanel } from '../settings-view/PreferencesPanel';
import { SyncPanel } from '../settings-view/SyncPanel';
import { TargetsForm, targetsKey } from '../settings-view/TargetsForm';
import { useLedger } from '../store';

export function SettingsView() {
  const t = useT();
  const year = useLedger((s) => s.year);
  const targets = useLedger((s) => s.targets);
  const progress = useLedger((s) => s.progress);
  const readOnly = useLedger((s) => s.info?.readOnly ?? false);
  const [saved, setSaved] = useState<{ year: number; message: string } | null>(null);
  const current = targets && targets.year === year ? targets : null;
  const byDaysKg =
    current && current.monthlyPlanKg === null && progress?.year === year
      ? progress.months.map((m) => m.planKg)
      : null;

  return (
    <div className="rs-page" data-testid="settings-view">
      <header className="rs-page-head">
        <h1 className="rs-page-title">{t('settings.title')}</h1>
        <p className="muted">{t('settings.subtitle')}</p>
      </header>
      <div className="st-grid">
        <section
          className="card rs-card st-targets-card"
          aria-labelledby="st-targets-title"
          data-testid="targets-panel"
        >
          <h2 id="st-targets-title" className="rs-card-title">
            {t('settings.targets.title', { year })}
          </h2>
          <p className="muted rs-lead">{t('settings.targets.intro')}</p>
          {current ? (
            <TargetsForm
              key={targetsKey(current)}
              targets={current}
              byDaysKg={byDaysKg}
              readOnly={readOnly}
              onSaved={(message) => setSaved(message === null ? null : { year, message })}
            />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
          <div role="status" aria-live="polite" className="rs-status-line" data-testid="targets-status">
            {saved?.year === year && <span className="rs-ok">{saved.message}</span>}
          </div>
        </section>
        <div className="rs-stack">
          <BaselinePanel />
          <PreferencesPanel />
          <PeriodsPanel />
          <SyncPanel />
          <BackupPanel />
          <DemoPanel />
          <LedgerInfoPanel />
        </div>
      </div>
      <FleetPanel />
    </div>
  );
}
