import { useEffect, useState } from 'react';
import type { LedgerInfo, Progress, TransitApi } from '../../electron/core/api';
import { formatKgAsTonnes } from '../../electron/core/quantity';

/** The year's totals through the real API: the wiring's proof until the full screens arrive. */
export function App({ api }: { api: TransitApi }) {
  const [info, setInfo] = useState<LedgerInfo | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const year = new Date().getFullYear();
    Promise.all([api.info(), api.progress({ year })]).then(
      ([ledger, yearProgress]) => {
        setInfo(ledger);
        setProgress(yearProgress);
      },
      (failure: Error) => setError(failure.message),
    );
  }, [api]);

  return (
    <main className="page">
      <h1>Transit Ledger</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {info?.recovery && <p role="alert" className="warning" data-testid="recovery">{info.recovery.message}</p>}
      {progress && (
        <section aria-label="Year totals" data-testid="year-totals">
          <h2>{progress.year} as of {progress.asOf}</h2>
          <dl>
            <dt>Shipments</dt>
            <dd data-testid="shipments">{progress.shipments}</dd>
            <dt>Tonnes</dt>
            <dd data-testid="tonnes">{formatKgAsTonnes(progress.tonnesKg)} t</dd>
            <dt>Target</dt>
            <dd>{formatKgAsTonnes(progress.targetKg)} t ({progress.percentOfTarget.toFixed(1)}%)</dd>
          </dl>
          <p className="muted">Ledger: {info?.path}</p>
        </section>
      )}
    </main>
  );
}
