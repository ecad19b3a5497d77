import { useEffect } from 'react';
import type { TransitApi } from '../../electron/core/api';
import { isDesktop } from './client';
import { LedgerBanners } from './components/LedgerBanners';
import { isNewShipmentKey } from './shortcuts';
import { useLanguage, useT } from './i18n';
import { TABS, useLedger } from './store';
import { useTheme } from './theme';
import { useLedgerWatch } from './useLedgerWatch';
import { SyncIndicator, useSyncRunner } from './sync/SyncIndicator';
import { useSync } from './sync/syncStore';
import { Conflicts } from './views/Conflicts';
import { selectableYears } from './years';
import { Dashboard } from './views/Dashboard';
import { EntryForm } from './views/EntryForm';
import { Programme } from './views/Programme';
import { Reconciliation } from './views/Reconciliation';
import { Register } from './views/Register';
import { Reports } from './views/Reports';
import { SettingsView } from './views/SettingsView';

export { TABS, type Tab } from './store';

/** Ctrl/Cmd+N anywhere (Alt+N in browser mode: shortcuts.tsx), and the desktop's File menu: both are store actions. */
function useCommands(): void {
  const newShipment = useLedger((s) => s.newShipment);
  const menuCommand = useLedger((s) => s.menuCommand);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isNewShipmentKey(event)) {
        event.preventDefault();
        newShipment();
      }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = window.transitDesktop?.onMenuCommand(menuCommand);
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe?.();
    };
  }, [newShipment, menuCommand]);
}

/**
 * A print asked for (Reports' print button) opens the print dialog once the dashboard shows the
 * year's figures: this effect runs after the dashboard and its charts have rendered, and the
 * charts redraw for paper in the beforeprint event (dashboard/printing.ts).
 */
function usePendingPrint(): void {
  const printPending = useLedger((s) => s.printPending);
  const onDashboard = useLedger((s) => s.tab === 'dashboard');
  const loaded = useLedger((s) => s.progress !== null);
  const takePrint = useLedger((s) => s.takePrint);
  useEffect(() => {
    if (printPending && onDashboard && loaded && takePrint()) window.print();
  }, [printPending, onDashboard, loaded, takePrint]);
}

export function App({ api }: { api: TransitApi }) {
  const t = useT();
  const language = useLanguage();
  const { info, year, init, setYear, tab, showTab, entryForm, newShipment } = useLedger();
  const thisYear = new Date().getFullYear();
  useTheme();
  useLedgerWatch();
  useCommands();
  usePendingPrint();
  useSyncRunner(api);
  // The Conflicts tab is there on a station's ledger only, with the count of open conflicts.
  const station = useSync((s) => s.state?.station ?? null);
  const openConflicts = useSync((s) => s.conflicts.length);

  useEffect(() => {
    void init(api, thisYear);
  }, [api, init, thisYear]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <img src="./icon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('app.title')}</span>
          {info?.demo && (
            <span className="badge badge-demo" data-testid="demo-badge">
              {t('badge.demo')}
            </span>
          )}
          {info?.readOnly && <span className="badge badge-readonly">{t('badge.readOnly')}</span>}
        </div>
        <nav className="tabs" aria-label={t('nav.label')}>
          {TABS.filter((name) => name !== 'conflicts' || station !== null).map((name) => (
            <button
              key={name}
              type="button"
              className="tab"
              aria-current={tab === name ? 'page' : undefined}
              onClick={() => showTab(name)}
              data-testid={`tab-${name}`}
            >
              {t(`nav.${name}`)}
              {name === 'conflicts' && openConflicts > 0 && (
                <span className="tab-count" data-testid="conflicts-count">
                  {openConflicts}
                </span>
              )}
            </button>
          ))}
        </nav>
        <SyncIndicator />
        <label className="year-select">
          <span>{t('header.year')}</span>
          <select
            value={year}
            onChange={(event) => void setYear(Number(event.target.value))}
            data-testid="year-select"
          >
            {selectableYears(info, thisYear, year).map((y) => (
              <option key={y} value={y}>
                {y === info?.baselineYear ? t('dashboard.yearOption.baseline', { year: y }) : y}
              </option>
            ))}
          </select>
        </label>
      </header>
      <LedgerBanners />
      <main className="content">
        {tab === 'dashboard' && <Dashboard onNewShipment={newShipment} />}
        {tab === 'entry' && <EntryForm key={entryForm} />}
        {tab === 'register' && <Register onNewShipment={newShipment} />}
        {tab === 'programme' && <Programme desktop={isDesktop()} />}
        {tab === 'reconciliation' && <Reconciliation desktop={isDesktop()} />}
        {tab === 'reports' && <Reports desktop={isDesktop()} />}
        {tab === 'conflicts' && <Conflicts />}
        {tab === 'settings' && <SettingsView />}
      </main>
    </div>
  );
}
