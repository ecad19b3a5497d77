/**
 * Conflicts: each open conflict with its competing versions side by side, the fields that differ
 * marked. A fork is resolved by "Keep this one" (an amend with that version's figures, or a void
 * where that version voids the cargo: the core names every competing version in it) or by "Enter
 * the right figures" (the register's edit dialog on the cargo as it counts meanwhile); a B/L number
 * recorded twice by keeping one cargo and voiding the others.
 */
import { useEffect, useState } from 'react';
import type { Conflict, ConflictVersion, Shipment } from '../../../electron/core/api';
import { failureOf, failureText, type Failure } from '../errors';
import { calendarDate, dateTime, tonnes } from '../format';
import { useLanguage, useT, type Translate } from '../i18n';
import { EditDialog } from '../register/EditDialog';
import { entryInput, valuesFromShipment } from '../entry/form-values';
import { fieldLabel, statusLabel } from '../register/text';
import type { Language } from '../settings';
import { useLedger } from '../store';
import { useSync } from '../sync/syncStore';
import '../sync/sync.css';

type Row = { key: string; value: (s: Shipment) => string };

function rows(t: Translate, language: Language): Row[] {
  const text = (v: string | number | null) => (v === null || v === '' ? '—' : String(v));
  return [
    { key: 'blNumber', value: (s) => text(s.blNumber) },
    { key: 'blDate', value: (s) => calendarDate(language, s.blDate) },
    { key: 'vessel', value: (s) => s.vessel },
    { key: 'netTonnes', value: (s) => tonnes(language, s.netKg) },
    { key: 'grade', value: (s) => text(s.grade) },
    { key: 'status', value: (s) => statusLabel(t, s.status) },
    { key: 'outturnTonnes', value: (s) => (s.outturnKg === null ? '—' : tonnes(language, s.outturnKg)) },
    { key: 'voyage', value: (s) => text(s.voyage) },
    { key: 'barrels', value: (s) => text(s.barrels) },
    { key: 'remarks', value: (s) => text(s.remarks) },
  ];
}

function VersionCard({
  conflict,
  version,
  busy,
  onKeep,
}: {
  conflict: Conflict;
  version: ConflictVersion;
  busy: boolean;
  onKeep(): void;
}) {
  const t = useT();
  const language = useLanguage();
  const others = conflict.versions.filter((v) => v !== version);
  return (
    <article className="cf-version" data-testid={`conflict-version-${version.station}`}>
      <h3>{t('conflicts.version', { station: version.station })}</h3>
      <p className="muted rs-note">
        {t(`conflicts.action.${version.action}`, {
          actor: version.actor,
          at: dateTime(language, version.at),
        })}
        {version.reason ? ` — “${version.reason}”` : ''}
      </p>
      {version.shipment.voided && version.action === 'void' ? (
        <p className="cf-differs">{t('conflicts.voided')}</p>
      ) : (
        <dl className="cf-fields">
          {rows(t, language).map((row) => {
            const shown = row.value(version.shipment);
            const differs = others.some((o) => row.value(o.shipment) !== shown);
            return (
              <div key={row.key} style={{ display: 'contents' }}>
                <dt>{fieldLabel(t, row.key)}</dt>
                <dd className={differs ? 'cf-differs' : undefined}>{shown}</dd>
              </div>
            );
          })}
        </dl>
      )}
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={onKeep}
        data-testid={`conflict-keep-${version.station}`}
      >
        {t('conflicts.keep')}
      </button>
    </article>
  );
}

function ConflictCard({ conflict, onEdit }: { conflict: Conflict; onEdit(shipment: Shipment): void }) {
  const t = useT();
  const language = useLanguage();
  const amend = useLedger((s) => s.amend);
  const voidShipment = useLedger((s) => s.voidShipment);
  const readOnly = useLedger((s) => s.info?.readOnly ?? false);
  const reload = useSync((s) => s.reload);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const shown = conflict.shown[0];

  const keep = async (version: ConflictVersion) => {
    setBusy(true);
    setFailure(null);
    const reason = t('conflicts.keepReason', { station: version.station, event: version.eventId });
    try {
      if (conflict.kind === 'duplicate-bl') {
        for (const id of conflict.shipmentIds.filter((i) => i !== version.shipment.id)) {
          const voided = await voidShipment(id, reason);
          if (!voided.ok) return setFailure(voided);
        }
      } else if (version.action === 'void' || version.shipment.voided) {
        const voided = await voidShipment(conflict.shipmentId, reason);
        if (!voided.ok) return setFailure(voided);
      } else {
        // The figures of that version, as a person would type them; already accepted where they were entered.
        const outcome = await amend(
          conflict.shipmentId,
          entryInput(valuesFromShipment(version.shipment, language)),
          reason,
          true,
        );
        if (outcome.status === 'failed') return setFailure(outcome);
        if (outcome.status !== 'saved')
          return setFailure({
            code: 'invalid',
            message: outcome.issues[0]?.message ?? '',
            issues: outcome.issues,
          });
      }
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
      await reload();
    }
  };

  return (
    <section className="card rs-card" data-testid={`conflict-${conflict.shipmentId}`}>
      <h2 className="rs-card-title">
        {conflict.kind === 'fork'
          ? t('conflicts.fork.title', {
              cargo: shown ? (shown.blNumber ?? `${shown.vessel} ${shown.blDate}`) : '',
            })
          : t('conflicts.duplicate.title', { bl: conflict.blNumber ?? '' })}
      </h2>
      <p className="muted rs-lead">
        {conflict.kind === 'fork' && shown
          ? t('conflicts.fork.counts', { tonnes: tonnes(language, shown.netKg) })
          : t('conflicts.duplicate.counts', { count: conflict.shipmentIds.length })}
      </p>
      <div className="cf-versions">
        {conflict.versions.map((version) => (
          <VersionCard
            key={version.eventId}
            conflict={conflict}
            version={version}
            busy={busy || readOnly}
            onKeep={() => void keep(version)}
          />
        ))}
      </div>
      <div className="rs-actions">
        {conflict.kind === 'fork' && shown && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy || readOnly}
            onClick={() => onEdit(shown)}
            data-testid="conflict-enter"
          >
            {t('conflicts.enter')}
          </button>
        )}
      </div>
      {failure && (
        <p className="sync-result-bad" role="alert">
          {failureText(t, language, failure)}
        </p>
      )}
    </section>
  );
}

export function Conflicts() {
  const t = useT();
  const conflicts = useSync((s) => s.conflicts);
  const reload = useSync((s) => s.reload);
  const shipments = useLedger((s) => s.shipments);
  const [editing, setEditing] = useState<Shipment | null>(null);

  useEffect(() => {
    void reload();
  }, [reload]);

  const vessels = [...new Set(shipments.map((s) => s.vessel))];
  const grades = [...new Set(shipments.map((s) => s.grade).filter((g): g is string => g !== null))];

  return (
    <div className="rs-page" data-testid="conflicts-view">
      <header className="rs-page-head">
        <h1 className="rs-page-title">{t('conflicts.title')}</h1>
        <p className="muted">{t('conflicts.subtitle')}</p>
      </header>
      {conflicts.length === 0 ? (
        <p className="card rs-card" data-testid="conflicts-none">
          {t('conflicts.none')}
        </p>
      ) : (
        <div className="cf-list">
          {conflicts.map((conflict) => (
            <ConflictCard
              key={`${conflict.kind}-${conflict.shipmentId}`}
              conflict={conflict}
              onEdit={setEditing}
            />
          ))}
        </div>
      )}
      {editing && (
        <EditDialog
          shipment={editing}
          vessels={vessels}
          grades={grades}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
    </div>
  );
}
