/**
 * Settings → Sync: the server's address, this ledger's station id (set once: it never changes),
 * and, in the desktop app, the server's user name and password, kept encrypted by the system
 * (safeStorage); browser mode takes them from TRANSIT_SYNC_USER / TRANSIT_SYNC_PASSWORD. The
 * password field is never filled from anything: no answer carries the password back.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ConnectionReport, SyncState } from '../../../electron/core/api';
import { failureOf, type Failure } from '../errors';
import { useLanguage, useT } from '../i18n';
import { guardOf } from '../ledger-watch';
import { useLedger } from '../store';
import { useSync } from '../sync/syncStore';
import { syncErrorText, syncFailureText, syncLine } from '../sync/text';
import '../sync/sync.css';

interface Form {
  url: string;
  station: string;
  user: string;
  password: string;
  insecure: boolean;
}

function formOf(state: SyncState | null): Form {
  return {
    url: state?.url ?? '',
    station: state?.station ?? '',
    user: state?.credentials.source === 'stored' ? (state.credentials.user ?? '') : '',
    password: '',
    insecure: state?.insecure ?? false,
  };
}

type Result =
  { kind: 'test'; report: ConnectionReport } | { kind: 'saved' } | { kind: 'failed'; failure: Failure };

/** The form starts afresh when the ledger's sync settings change (a setup, another ledger), not at each status read. */
export function SyncPanel() {
  const state = useSync((s) => s.state);
  const key = [state?.url, state?.station, state?.credentials.source, state?.credentials.user].join('|');
  return <SyncPanelForm key={key} state={state} />;
}

function SyncPanelForm({ state }: { state: SyncState | null }) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  const api = useSync((s) => s.api);
  const offline = useSync((s) => s.offline);
  const lastFailure = useSync((s) => s.failure);
  const reload = useSync((s) => s.reload);
  const info = useLedger((s) => s.info);
  const [form, setForm] = useState<Form>(() => formOf(state));
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const canStore = state?.credentials.canStore ?? false;
  const readOnly = info?.readOnly ?? false;
  const isStation = Boolean(state?.station);

  const change = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setResult(null);
  };
  const login = () => (canStore && form.password !== '' ? { user: form.user, password: form.password } : {});

  const run = async (action: () => Promise<Result>) => {
    if (!api) return;
    setBusy(true);
    setResult(null);
    try {
      setResult(await action());
    } catch (error) {
      setResult({ kind: 'failed', failure: failureOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const test = () =>
    run(async () => ({
      kind: 'test',
      report: await (api as NonNullable<typeof api>).testConnection({
        url: form.url,
        insecure: form.insecure,
        ...login(),
      }),
    }));

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await (api as NonNullable<typeof api>).syncSetup(
        { url: form.url, station: form.station, insecure: form.insecure, ...login() },
        guardOf(info),
      );
      setForm((f) => ({ ...f, password: '' }));
      await reload();
      return { kind: 'saved' };
    });
  };

  const source = state?.credentials.source ?? null;
  const loginNote = canStore
    ? source === 'stored'
      ? t('sync.panel.passwordKept')
      : t('sync.panel.passwordSafe')
    : source === 'environment'
      ? t('sync.panel.fromEnvironment', { user: state?.credentials.user ?? '' })
      : t('sync.panel.needEnvironment');

  return (
    <section className="card rs-card" aria-labelledby={`${id}-title`} data-testid="sync-panel">
      <h2 id={`${id}-title`} className="rs-card-title">
        {t('sync.panel.title')}
      </h2>
      <p className="muted rs-lead">{t('sync.panel.intro')}</p>
      {state && isStation && state.url && (
        <p className="rs-note" data-testid="sync-panel-state">
          {t('sync.panel.current', { station: state.station ?? '' })}{' '}
          {syncLine(t, language, state, offline, lastFailure)}
        </p>
      )}
      {state?.lastError && (
        <p className="rs-note sync-result-bad" data-testid="sync-panel-error">
          {t('sync.panel.lastError', { reason: syncErrorText(t, state.lastError) })}
        </p>
      )}
      <form className="sync-form" onSubmit={save} noValidate>
        <label htmlFor={`${id}-url`}>{t('sync.panel.url')}</label>
        <input
          id={`${id}-url`}
          type="url"
          value={form.url}
          placeholder="https://couch.example.org/transit-ledger"
          onChange={(e) => change('url', e.target.value)}
          data-testid="sync-url"
        />
        <label htmlFor={`${id}-station`}>{t('sync.panel.station')}</label>
        <input
          id={`${id}-station`}
          type="text"
          value={form.station}
          placeholder="AKT"
          maxLength={10}
          readOnly={isStation}
          aria-describedby={`${id}-station-note`}
          onChange={(e) => change('station', e.target.value.toUpperCase())}
          data-testid="sync-station"
        />
        <span />
        <span id={`${id}-station-note`} className="muted rs-note">
          {isStation ? t('sync.panel.stationFixed') : t('sync.panel.stationOnce')}
        </span>
        <label htmlFor={`${id}-user`}>{t('sync.panel.user')}</label>
        <input
          id={`${id}-user`}
          type="text"
          autoComplete="username"
          value={canStore ? form.user : (state?.credentials.user ?? '')}
          disabled={!canStore}
          onChange={(e) => change('user', e.target.value)}
          data-testid="sync-user"
        />
        <label htmlFor={`${id}-password`}>{t('sync.panel.password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          value={form.password}
          disabled={!canStore}
          placeholder={source === 'stored' ? t('sync.panel.passwordPlaceholder') : ''}
          onChange={(e) => change('password', e.target.value)}
          data-testid="sync-password"
        />
        <span />
        <span className="muted rs-note" data-testid="sync-login-note">
          {loginNote}
        </span>
        <label className="sync-check">
          <input
            type="checkbox"
            checked={form.insecure}
            onChange={(e) => change('insecure', e.target.checked)}
            data-testid="sync-insecure"
          />
          {t('sync.panel.insecure')}
        </label>
        <span />
        <div className="rs-actions">
          <button
            type="button"
            className="button"
            disabled={busy || !api}
            onClick={() => void test()}
            data-testid="sync-test"
          >
            {t('sync.panel.test')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !api || readOnly}
            data-testid="sync-save"
          >
            {isStation ? t('sync.panel.save') : t('sync.panel.setup')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="rs-status-line" data-testid="sync-result">
        {result?.kind === 'saved' && <span className="sync-result-ok">{t('sync.panel.saved')}</span>}
        {result?.kind === 'test' &&
          (result.report.ok ? (
            <span className="sync-result-ok">{t('sync.test.ok', { url: result.report.url })}</span>
          ) : (
            <span className="sync-result-bad">
              {syncErrorText(t, result.report.error ?? { code: `sync.${result.report.failure}`, facts: {} })}
            </span>
          ))}
        {result?.kind === 'failed' && (
          <span className="sync-result-bad" role="alert">
            {syncFailureText(t, language, result.failure)}
          </span>
        )}
      </div>
    </section>
  );
}
