/**
 * Settings' fleet: the tankers a vessel name is matched to, kept in the ledger so every station
 * sees the same. Each is listed with its IMO number, deadweight and other spellings; a tanker is
 * added, edited, retired (still recognised in old sheets, no longer offered) or returned to
 * service from the keyboard. After a save or a cancel the focus goes back where the person was.
 */
import { useEffect, useState } from 'react';
import type { FleetVessel } from '../../../electron/core/api';
import { wholeTonnes } from '../format';
import { useLanguage, useT } from '../i18n';
import { useLedger } from '../store';
import { draftOf, NEW_VESSEL, retiredInput, vesselIssueText, type VesselDraft } from './vesselDraft';
import { VesselForm } from './VesselForm';
import './fleet.css';

const ADD_ID = 'st-fleet-add';
const editId = (vessel: { id: string | null }) =>
  vessel.id === null ? ADD_ID : `st-fleet-edit-${vessel.id}`;

export function FleetPanel() {
  const t = useT();
  const language = useLanguage();
  const fleet = useLedger((s) => s.fleet);
  const readOnly = useLedger((s) => s.info?.readOnly ?? false);
  const saveVessel = useLedger((s) => s.saveVessel);
  const [editing, setEditing] = useState<VesselDraft | null>(null);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const [focus, setFocus] = useState<string | null>(null);

  useEffect(() => {
    if (focus !== null) document.getElementById(focus)?.focus();
  }, [focus, editing]);

  const open = (draft: VesselDraft) => {
    setStatus(null);
    setFocus(null);
    setEditing(draft);
  };
  const done = (saved: string | null) => {
    if (editing === null) return;
    if (saved !== null) setStatus({ text: t('settings.fleet.saved', { name: saved }), ok: true });
    setFocus(editId(editing));
    setEditing(null);
  };
  const retire = async (vessel: FleetVessel, retired: boolean) => {
    const outcome = await saveVessel(retiredInput(vessel, retired));
    const key = retired ? 'settings.fleet.retiredNow' : 'settings.fleet.returnedNow';
    setStatus(
      outcome.ok
        ? { text: t(key, { name: vessel.name }), ok: true }
        : { text: vesselIssueText(language, outcome.issues[0] ?? { field: '', ...outcome }), ok: false },
    );
  };

  return (
    <section
      className="card rs-card st-fleet-card"
      aria-labelledby="st-fleet-title"
      data-testid="fleet-panel"
    >
      <h2 id="st-fleet-title" className="rs-card-title">
        {t('settings.fleet.title')}
      </h2>
      <p className="muted rs-lead">{t('settings.fleet.intro')}</p>
      <FleetTable fleet={fleet} disabled={readOnly || editing !== null} onEdit={open} onRetire={retire} />
      {editing !== null ? (
        <VesselForm key={editing.id ?? 'new'} initial={editing} onDone={done} />
      ) : (
        <div className="st-form-actions st-fleet-actions">
          <button
            type="button"
            id={ADD_ID}
            className="button"
            disabled={readOnly}
            onClick={() => open(NEW_VESSEL)}
            data-testid="add-vessel"
          >
            {t('settings.fleet.add')}
          </button>
        </div>
      )}
      {readOnly && <p className="muted rs-note">{t('settings.fleet.readOnly')}</p>}
      <div role="status" aria-live="polite" className="rs-status-line" data-testid="fleet-status">
        {status && <span className={status.ok ? 'rs-ok' : 'rs-error'}>{status.text}</span>}
      </div>
    </section>
  );
}

interface FleetTableProps {
  fleet: readonly FleetVessel[];
  disabled: boolean;
  onEdit(draft: VesselDraft): void;
  onRetire(vessel: FleetVessel, retired: boolean): Promise<void>;
}

function FleetTable({ fleet, disabled, onEdit, onRetire }: FleetTableProps) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="st-fleet-wrap">
      <table className="st-fleet-table" data-testid="fleet-table">
        <thead>
          <tr>
            <th scope="col">{t('settings.fleet.name')}</th>
            <th scope="col">{t('settings.fleet.imo')}</th>
            <th scope="col" className="numeric">
              {t('settings.fleet.deadweight')}
            </th>
            <th scope="col">{t('settings.fleet.aliases')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('settings.fleet.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fleet.map((vessel) => (
            <tr key={vessel.id} className={vessel.retired ? 'st-fleet-retired' : undefined}>
              <th scope="row">
                {vessel.name}
                {vessel.retired && (
                  <span className="rs-pill st-fleet-pill">{t('settings.fleet.retired')}</span>
                )}
              </th>
              <td>{vessel.imo ?? '—'}</td>
              <td className="numeric">
                {vessel.deadweightKg === null ? '—' : wholeTonnes(language, vessel.deadweightKg)}
              </td>
              <td className="st-fleet-aliases">{vessel.aliases.join(', ') || '—'}</td>
              <td className="st-fleet-buttons">
                <button
                  type="button"
                  id={editId(vessel)}
                  className="button st-fleet-button"
                  disabled={disabled}
                  aria-label={t('settings.fleet.editName', { name: vessel.name })}
                  onClick={() => onEdit(draftOf(vessel, language))}
                >
                  {t('settings.fleet.edit')}
                </button>
                <button
                  type="button"
                  className="button st-fleet-button"
                  disabled={disabled}
                  aria-label={t(vessel.retired ? 'settings.fleet.returnName' : 'settings.fleet.retireName', {
                    name: vessel.name,
                  })}
                  onClick={() => void onRetire(vessel, !vessel.retired)}
                >
                  {t(vessel.retired ? 'settings.fleet.return' : 'settings.fleet.retire')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
