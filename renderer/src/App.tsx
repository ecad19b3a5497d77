import { useCallback, useEffect, useState } from 'react';
import type { TransitApi } from '../../electron/core/api';
import { isDesktop } from './client';
import { LedgerBanners } from './components/LedgerBanners';
import { useLanguage, useT } from './i18n';
import { useSettings } from './settings';
import { useLedger } from './store';
import { useLedgerWatch } from './useLedgerWatch';
import { Dashboard } from './views/Dashboard';
import { EntryForm } from './views/EntryForm';
import { Register } from './views/Register';
import { Reports } from './views/Reports';
import { SettingsView } from './views/SettingsView';

export const TABS = ['dashboard', 'entry', 'register', 'reports', 'settings'] as const;
export type Tab = (typeof TABS)[number];

/** Years a person may pick: the ledger's own, this year, and the baseline year for comparison. */
function selectableYears(years: readonly number[], current: number): number[] {
  return [...new Set([...years, current, 2023])].sort((a, b) => b - a);
}

function useTheme(): void {
  const theme = useSettings((s) => s.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}

export function App({ api }: { api: TransitApi }) {
  const t = useT();
  const language = useLanguage();
  const [tab, setTab] = useState<Tab>('dashboard');
  const [entryKey, setEntryKey] = useState(0);
  const { info, year, init, setYear } = useLedger();
  const thisYear = new Date().getFullYear();
  useTheme();
  useLedgerWatch();

  useEffect(() => {
    void init(api, thisYear);
  }, [api, init, thisYear]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  // Ctrl/Cmd+N, the File menu and the dashboard's empty state all start a fresh form.
  const newShipment = useCallback(() => {
    setTab('entry');
    setEntryKey((key) => key + 1);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        newShipment();
      }
    };
    // Reports asks for the dashboard's print layout; printing waits for the dashboard to render.
    const onNavigate = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== 'dashboard-print') return;
      setTab('dashboard');
      window.setTimeout(() => window.print(), 300);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('transit-navigate', onNavigate);
    const unsubscribe = window.transitDesktop?.onMenuCommand((command) => {
      if (command === 'new-shipment') newShipment();
      else if (command === 'export-register' || command === 'export-monthly' || command === 'import' || command === 'backup' || command === 'open-data-folder') {
        setTab('reports');
        window.dispatchEvent(new CustomEvent('transit-menu', { detail: command }));
      }
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('transit-navigate', onNavigate);
      unsubscribe?.();
    };
  }, [newShipment]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <img src="./icon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('app.title')}</span>
          {info?.demo && <span className="badge badge-demo" data-testid="demo-badge">{t('badge.demo')}</span>}
          {info?.readOnly && <span className="badge badge-readonly">{t('badge.readOnly')}</span>}
        </div>
        <nav className="tabs" aria-label={t('nav.label')}>
          {TABS.map((name) => (
            <button key={name} type="button" className="tab" aria-current={tab === name ? 'page' : undefined} onClick={() => setTab(name)} data-testid={`tab-${name}`}>
              {t(`nav.${name}`)}
            </button>
          ))}
        </nav>
        <label className="year-select">
          <span>{t('header.year')}</span>
          <select value={year} onChange={(event) => void setYear(Number(event.target.value))} data-testid="year-select">
            {selectableYears(info?.years ?? [], thisYear).map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </label>
      </header>
      <LedgerBanners />
      <main className="content">
        {tab === 'dashboard' && <Dashboard onNewShipment={newShipment} />}
        {tab === 'entry' && <EntryForm key={entryKey} />}
        {tab === 'register' && <Register onNewShipment={newShipment} />}
        {tab === 'reports' && <Reports desktop={isDesktop()} />}
        {tab === 'settings' && <SettingsView />}
      </main>
    </div>
  );
}
