/**
 * Reports: the selected year's register and monthly summary as Excel workbooks or CSV, CSV import (always a
 * dry run first), the printable dashboard, and on the desktop the ledger file's backup.
 */
import { useEffect, useEffectEvent } from 'react';
import { useT } from '../i18n';
import { ExportPanel, useExport } from '../reports/ExportPanel';
import { ImportPanel } from '../reports/ImportPanel';
import { LedgerFilePanel, useLedgerFile } from '../reports/LedgerFilePanel';
import { PrintPanel } from '../reports/PrintPanel';
import { useImport } from '../reports/useImport';
import { useLedger, type ReportsCommand } from '../store';

export function Reports({ desktop }: { desktop: boolean }) {
  const t = useT();
  const year = useLedger((s) => s.year);
  const exporter = useExport(desktop);
  const importer = useImport(desktop);
  const ledgerFile = useLedgerFile();

  const onMenu = useEffectEvent((command: ReportsCommand) => {
    if (command === 'export-register') void exporter.run('register');
    else if (command === 'export-monthly') void exporter.run('monthly');
    else if (command === 'import') void importer.choose();
    else if (command === 'backup' && desktop) void ledgerFile.backup();
    else if (command === 'open-data-folder' && desktop) void ledgerFile.openFolder();
  });

  // A File-menu command waits in the store until this screen is there to carry it out.
  const pending = useLedger((s) => s.reportsCommands);
  const takeCommands = useLedger((s) => s.takeReportsCommands);
  useEffect(() => {
    if (pending.length === 0) return;
    for (const command of takeCommands()) onMenu(command);
  }, [pending, takeCommands]);

  return (
    <div className="rs-page" data-testid="reports-view">
      <header className="rs-page-head">
        <h1 className="rs-page-title">{t('reports.title')}</h1>
        <p className="muted">{t('reports.subtitle', { year })}</p>
      </header>
      <div className="rs-grid">
        <ExportPanel
          year={year}
          status={exporter.status}
          onExport={(report, format) => void exporter.run(report, format)}
        />
        <div className="rs-stack">
          <PrintPanel year={year} />
          <LedgerFilePanel controller={ledgerFile} desktop={desktop} />
        </div>
        <ImportPanel controller={importer} />
      </div>
    </div>
  );
}
