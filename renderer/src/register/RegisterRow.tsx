/**
 * One row of the register's table: the cargo's cells and its Edit, Void and History buttons. The
 * buttons are left out of the Tab order (the table is one Tab stop and its keys reach them: keys.ts);
 * a pointer clicks them as before. Memoised: moving the active row renders two rows, not the window.
 */
import { memo } from 'react';
import type { Shipment } from '../../../electron/core/api';
import { calendarDate, tonnes } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../settings';
import { useLedger } from '../store';
import { EditIcon, HistoryIcon, VoidIcon } from './icons';
import { shipmentName, statusLabel } from './text';

export type RowAction = 'edit' | 'void' | 'history';

/** Whether a cargo can be edited or voided here: not once voided, not on a read-only ledger. */
export function canChange(shipment: Shipment, readOnly: boolean): boolean {
  return !shipment.voided && !readOnly;
}

/** The DOM id of a cargo's row under a table's id prefix (the table names its active row by it). */
export function rowDomId(prefix: string, shipment: Shipment): string {
  return `${prefix}-row-${shipment.id}`;
}

interface RowProps {
  shipment: Shipment;
  /** Position among the shown rows (0-based). */
  index: number;
  /** The row the table's keys act on. */
  active: boolean;
  /** The table's id prefix: the row's id is rowDomId(idPrefix, shipment). */
  idPrefix: string;
  readOnly: boolean;
  language: Language;
  t: Translate;
  onAction(action: RowAction, shipment: Shipment): void;
  showStation: boolean;
}

/** The recording station, and a flag that leads to the Conflicts view while the cargo is in one. */
function StationCell({ shipment, t }: { shipment: Shipment; t: Translate }) {
  return (
    <td className="register-station" title={shipment.station ?? undefined}>
      <span className="register-mono">{shipment.station ?? <span className="muted">—</span>}</span>
      {shipment.conflict && (
        <button
          type="button"
          className="register-conflict"
          title={t('register.conflictTitle')}
          tabIndex={-1}
          onClick={() => useLedger.getState().showTab('conflicts')}
          data-testid="row-conflict"
        >
          <span aria-hidden="true">⚠</span>
          <span className="visually-hidden">{t('register.conflictFlag')}</span>
        </button>
      )}
    </td>
  );
}

export const RegisterRow = memo(function RegisterRow({
  shipment,
  index,
  active,
  idPrefix,
  readOnly,
  language,
  t,
  onAction,
  showStation,
}: RowProps) {
  const name = shipmentName(shipment, language);
  const unit = t('unit.t');
  const status = shipment.voided ? t('register.status.voided') : statusLabel(t, shipment.status);
  const classes = [
    'register-row',
    index % 2 === 1 ? 'is-odd' : '',
    shipment.voided ? 'is-voided' : '',
    active ? 'is-active' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      id={rowDomId(idPrefix, shipment)}
      className={classes}
      aria-rowindex={index + 2}
      data-index={index}
      data-testid="register-row"
      data-id={shipment.id}
    >
      <td className="register-date">{calendarDate(language, shipment.blDate)}</td>
      <td className="register-mono">{shipment.blNumber ?? <span className="muted">—</span>}</td>
      <td className="register-clip" title={shipment.vessel}>
        {shipment.vessel}
      </td>
      <td className="register-mono register-clip" title={shipment.voyage ?? undefined}>
        {shipment.voyage ?? <span className="muted">—</span>}
      </td>
      <td className="register-clip">{shipment.grade ?? <span className="muted">—</span>}</td>
      <td className="register-status-cell" title={status}>
        <span className={`register-status register-status-${shipment.voided ? 'voided' : shipment.status}`}>
          <span className="register-status-text">{status}</span>
        </span>
      </td>
      <td className="numeric register-tonnes">
        {tonnes(language, shipment.netKg)}
        <span className="visually-hidden"> {unit}</span>
      </td>
      <td className="numeric register-tonnes">
        {shipment.outturnKg === null ? (
          <span className="muted">—</span>
        ) : (
          <>
            {tonnes(language, shipment.outturnKg)}
            <span className="visually-hidden"> {unit}</span>
          </>
        )}
      </td>
      {shipment.voided ? (
        <td
          className="register-clip register-void-reason"
          title={t('register.voidedBecause', { reason: shipment.voidReason ?? '' })}
        >
          {t('register.voidedBecause', { reason: shipment.voidReason ?? '' })}
        </td>
      ) : (
        <td className="register-clip" title={shipment.remarks ?? undefined}>
          {shipment.remarks ?? ''}
        </td>
      )}
      {showStation && <StationCell shipment={shipment} t={t} />}
      <td className="register-actions">
        {!canChange(shipment, readOnly) ? (
          <>
            <span className="register-action-placeholder" />
            <span className="register-action-placeholder" />
          </>
        ) : (
          <>
            <button
              type="button"
              className="register-action"
              aria-label={t('register.action.editLabel', { name })}
              title={t('register.action.edit')}
              tabIndex={-1}
              onClick={() => onAction('edit', shipment)}
              data-testid="row-edit"
            >
              <EditIcon />
            </button>
            <button
              type="button"
              className="register-action register-action-danger"
              aria-label={t('register.action.voidLabel', { name })}
              title={t('register.action.void')}
              tabIndex={-1}
              onClick={() => onAction('void', shipment)}
              data-testid="row-void"
            >
              <VoidIcon />
            </button>
          </>
        )}
        <button
          type="button"
          className="register-action"
          aria-label={t('register.action.historyLabel', { name })}
          title={t('register.action.history')}
          tabIndex={-1}
          onClick={() => onAction('history', shipment)}
          data-testid="row-history"
        >
          <HistoryIcon />
        </button>
      </td>
    </tr>
  );
});
