/**
 * A shipment's audit trail as the ledger keeps it: each entry's moment, who, what, why, and each
 * changed field as "before → after" in the person's language and units.
 */
import { useEffect, useState } from 'react';
import type { FieldChange, HistoryEntry, Shipment, ShipmentStatus } from '../../../electron/core/api';
import { Dialog } from '../components/Dialog';
import { fieldSpec } from '../../../electron/core/fields';
import { calendarDate, dateTime, decimal, tonnes } from '../format';
import { failureOf, failureText, type Failure } from '../errors';
import { useLanguage, useT, type Translate } from '../i18n';
import type { Language } from '../settings';
import { useLedger } from '../store';
import { fieldLabel, shipmentName, statusLabel } from './text';

/** A stored value as a person reads it, by the field's kind: exact tonnes, a status's word, a date. */
export function changeValue(
  field: FieldChange['field'],
  value: FieldChange['before'],
  language: Language,
  t: Translate,
): string {
  if (value === null || value === '') return t('register.history.empty');
  const kind = fieldSpec(field)?.kind;
  if (kind === 'quantity' && typeof value === 'number') return `${tonnes(language, value)} ${t('unit.t')}`;
  if (kind === 'enum' && typeof value === 'string') return statusLabel(t, value as ShipmentStatus);
  if (kind === 'date' && typeof value === 'string') return calendarDate(language, value);
  if (kind === 'decimal' && typeof value === 'number')
    return decimal(language, value, Number.isInteger(value) ? 0 : 2);
  return String(value);
}

export interface HistoryDialogProps {
  shipment: Shipment;
  onClose(): void;
}

type Loaded =
  { state: 'loading' } | { state: 'ready'; entries: HistoryEntry[] } | { state: 'failed'; failure: Failure };

export function HistoryDialog({ shipment, onClose }: HistoryDialogProps) {
  const t = useT();
  const language = useLanguage();
  const history = useLedger((s) => s.history);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    history(shipment.id).then(
      (entries) => current && setLoaded({ state: 'ready', entries }),
      (error: unknown) => current && setLoaded({ state: 'failed', failure: failureOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [history, shipment.id]);

  return (
    <Dialog
      title={t('register.history.title', { name: shipmentName(shipment, language) })}
      open
      onClose={onClose}
      testId="register-history-dialog"
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      {loaded.state === 'loading' && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {loaded.state === 'failed' && (
        <p className="register-form-alert" role="alert">
          {failureText(t, language, loaded.failure)}
        </p>
      )}
      {loaded.state === 'ready' && loaded.entries.length === 0 && (
        <p className="muted">{t('register.history.none')}</p>
      )}
      {loaded.state === 'ready' && loaded.entries.length > 0 && (
        <ol className="register-history" data-testid="history-list">
          {loaded.entries.map((entry) => (
            <li key={entry.seq} className={`register-history-entry is-${entry.action}`}>
              <div className="register-history-head">
                <span className={`register-history-action is-${entry.action}`}>
                  {t(`register.history.action.${entry.action}`)}
                </span>
                <time dateTime={entry.at}>{dateTime(language, entry.at)}</time>
                <span className="muted">{t('register.history.by', { actor: entry.actor })}</span>
              </div>
              {entry.reason && (
                <p className="register-history-reason">
                  <span className="muted">{t('register.history.reason')}</span> {entry.reason}
                </p>
              )}
              {entry.changes.length > 0 && (
                <ul className="register-history-changes">
                  {entry.changes.map((change) => (
                    <li key={change.field} data-testid="history-change">
                      <span className="register-history-field">{fieldLabel(t, change.field)}:</span>{' '}
                      <span className="register-history-before">
                        {changeValue(change.field, change.before, language, t)}
                      </span>
                      {' → '}
                      <span className="register-history-after">
                        {changeValue(change.field, change.after, language, t)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
