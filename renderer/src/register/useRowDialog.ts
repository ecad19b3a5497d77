/**
 * The one dialog a register row can open (edit, void, history), the line that reports what it did,
 * and focus back on the cargo's row when it closes, however it closes (saved, voided, cancelled).
 */
import { useCallback, useState } from 'react';
import type { FieldIssue, Shipment } from '../../../electron/core/api';
import { useLanguage, type Translate } from '../i18n';
import type { RowAction } from './RegisterRow';
import { shipmentName } from './text';

export interface OpenDialog {
  kind: RowAction;
  id: string;
}

export interface RowDialog {
  dialog: OpenDialog | null;
  /** What the last dialog did ("… saved"), for the register's status line. */
  notice: string | null;
  /** Stable, so the memoised rows are not rendered again for it. */
  open(kind: RowAction, shipment: Shipment): void;
  close(): void;
  saved(shipment: Shipment, warnings: FieldIssue[]): void;
  voided(shipment: Shipment): void;
}

/** `returnTo` puts the focus back on a cargo's row (useRowCursor's focusCargo). */
export function useRowDialog(t: Translate, returnTo: (id: string) => void): RowDialog {
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const language = useLanguage();

  const open = useCallback((kind: RowAction, shipment: Shipment) => {
    setNotice(null);
    setDialog({ kind, id: shipment.id });
  }, []);

  const close = () => {
    setDialog(null);
    // After the dialog has gone (its own close hands focus back to where it was opened from).
    const id = dialog?.id;
    if (id !== undefined) window.setTimeout(() => returnTo(id), 0);
  };

  const saved = (shipment: Shipment, warnings: FieldIssue[]) => {
    close();
    const key = warnings.length > 0 ? 'register.notice.savedWithWarnings' : 'register.notice.saved';
    setNotice(t(key, { name: shipmentName(shipment, language) }));
  };

  const voided = (shipment: Shipment) => {
    close();
    setNotice(t('register.notice.voided', { name: shipmentName(shipment, language) }));
  };

  return { dialog, notice, open, close, saved, voided };
}
