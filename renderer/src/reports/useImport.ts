/**
 * Import is always two steps: a dry run whose report the person reads, then — only if no row is
 * invalid — the real run, which adds every row in one write or none.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import type { ImportReport } from '../../../electron/core/api';
import type { OpenImportOutcome } from '../../../electron/desktop-api';
import { useLanguage } from '../i18n';
import { useLedger } from '../store';
import { messageOf } from './errors';
import { readCsvFile } from './read-file';

export interface ImportPreview {
  fileName: string;
  report: ImportReport;
  /** The file's text when the page has it (browser mode); the desktop keeps the file in the main process. */
  text: string | null;
  /** Set when the file was not UTF-8 and was read in this code page. */
  encoding: string | null;
}

export type ImportState =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'preview'; preview: ImportPreview; committing: boolean; notCommitted: boolean }
  | { step: 'done'; fileName: string; added: number; duplicates: number; skipped: number };

/** A desktop bridge may also hand back the file's text, so the commit imports exactly what was previewed. */
type DesktopImportOutcome = OpenImportOutcome & { text?: unknown };

export function useImport(desktop: boolean) {
  const language = useLanguage();
  const importCsv = useLedger((s) => s.importCsv);
  const refresh = useLedger((s) => s.refresh);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const bridge = desktop ? window.transitDesktop : undefined;

  const showPreview = (preview: ImportPreview) => setState({ step: 'preview', preview, committing: false, notCommitted: false });

  /** Opens the file picker: the native dialog on the desktop, the page's file input in a browser. */
  const choose = async () => {
    setError(null);
    if (!bridge) {
      inputRef.current?.click();
      return;
    }
    const before = state;
    setState({ step: 'reading' });
    try {
      const outcome = (await bridge.importFile({ dryRun: true })) as DesktopImportOutcome;
      if (outcome.cancelled || !outcome.report) {
        setState(before);
        return;
      }
      showPreview({ fileName: outcome.fileName ?? '', report: outcome.report, text: typeof outcome.text === 'string' ? outcome.text : null, encoding: null });
    } catch (failure) {
      setState(before);
      setError(messageOf(failure));
    }
  };

  const onFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) is noticed.
    input.value = '';
    if (!file) return;
    setError(null);
    setState({ step: 'reading' });
    try {
      const { text, encoding } = await readCsvFile(file, language);
      const report = await importCsv(text, true);
      showPreview({ fileName: file.name, report, text, encoding });
    } catch (failure) {
      setState({ step: 'idle' });
      setError(messageOf(failure));
    }
  };

  const commit = async () => {
    if (state.step !== 'preview' || state.committing) return;
    const { preview } = state;
    setError(null);
    setState({ ...state, committing: true, notCommitted: false });
    try {
      let report: ImportReport | null;
      let fileName = preview.fileName;
      if (preview.text !== null) {
        report = await importCsv(preview.text, false);
      } else if (bridge) {
        const outcome = await bridge.importFile({ dryRun: false });
        report = outcome.cancelled ? null : outcome.report;
        fileName = outcome.fileName ?? fileName;
        if (report?.committed) await refresh();
      } else {
        report = null;
      }
      if (!report) {
        setState({ ...state, committing: false });
        return;
      }
      if (report.committed) {
        setState({ step: 'done', fileName, added: report.added, duplicates: report.duplicates, skipped: report.skipped });
      } else {
        // The ledger changed since the preview (or another file was chosen): show what stops it now.
        setState({ step: 'preview', preview: { ...preview, fileName, report }, committing: false, notCommitted: true });
      }
    } catch (failure) {
      setState({ ...state, committing: false });
      setError(messageOf(failure));
    }
  };

  const discard = () => {
    setError(null);
    setState({ step: 'idle' });
  };

  return { state, error, inputRef, choose, onFileChosen, commit, discard, desktop: bridge !== undefined };
}

export type ImportController = ReturnType<typeof useImport>;
