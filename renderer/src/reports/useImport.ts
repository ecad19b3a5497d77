/**
 * Import is always two steps: a dry run whose report the person reads, then — only if no row is
 * invalid — the real run, which adds every row in one write or none.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import type { ImportReport } from '../../../electron/core/api';
import { useLanguage } from '../i18n';
import { useLedger } from '../store';
import { failureMessage } from './errors';
import { readFileAsBase64 } from './read-file';

export interface ImportPreview {
  fileName: string;
  /** How the core read the file's bytes (report.encoding) is shown with it. */
  report: ImportReport;
  /** The file's bytes (base64) when the page has them, so the commit imports exactly what was previewed. */
  base64: string | null;
}

export type ImportState =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'preview'; preview: ImportPreview; committing: boolean; notCommitted: boolean }
  | { step: 'done'; fileName: string; added: number; duplicates: number; skipped: number };

export function useImport(desktop: boolean) {
  const language = useLanguage();
  const importCsv = useLedger((s) => s.importCsv);
  const refresh = useLedger((s) => s.refresh);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const bridge = desktop ? window.transitDesktop : undefined;
  // In the person's language, by the core's code and facts.
  const failed = (failure: unknown) => setError(failureMessage(language, failure));

  const showPreview = (preview: ImportPreview) =>
    setState({ step: 'preview', preview, committing: false, notCommitted: false });

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
      const outcome = await bridge.importFile({ dryRun: true });
      if (outcome.cancelled || !outcome.report) {
        setState(before);
        return;
      }
      showPreview({
        fileName: outcome.fileName ?? '',
        report: outcome.report,
        base64: typeof outcome.base64 === 'string' ? outcome.base64 : null,
      });
    } catch (failure) {
      setState(before);
      failed(failure);
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
      const base64 = await readFileAsBase64(file);
      const report = await importCsv(base64, true);
      showPreview({ fileName: file.name, report, base64 });
    } catch (failure) {
      setState({ step: 'idle' });
      failed(failure);
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
      if (preview.base64 !== null) {
        report = await importCsv(preview.base64, false);
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
        setState({
          step: 'done',
          fileName,
          added: report.added,
          duplicates: report.duplicates,
          skipped: report.skipped,
        });
      } else {
        // The ledger changed since the preview (or another file was chosen): show what stops it now.
        setState({
          step: 'preview',
          preview: { ...preview, fileName, report },
          committing: false,
          notCommitted: true,
        });
      }
    } catch (failure) {
      setState({ ...state, committing: false });
      failed(failure);
    }
  };

  const discard = () => {
    setError(null);
    setState({ step: 'idle' });
  };

  return { state, error, inputRef, choose, onFileChosen, commit, discard, desktop: bridge !== undefined };
}

export type ImportController = ReturnType<typeof useImport>;
