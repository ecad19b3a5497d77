/**
 * The one dialog a register row can open (edit, void, history), the line that reports what it did,
 * and focus back on the row's button when it closes.
 */
import { useCallback, useRef, useState } from 'react';
import type { FieldIssue, Shipment } from '../../../electron/core/api';
import { useLanguage, type Translate } from '../i18n';
import { shipmentName, type RowAction } from './RegisterTable';

export interface OpenDialog {
  kind: RowAction;
  id: string;
}

export interface RowDialog {
  dialog: OpenDialog | null;
  /** What the last dialog did ("… saved"), for the register's status line. */
  notice: string | null;
  /** Stable, so the memoised rows are not rendered again for it. */
  open(kind: RowAction, shipment: Shipment, from: HTMLElement): void;
  close(): void;
  saved(shipment: Shipment, warnings: FieldIssue[]): void;
  voided(shipment: Shipment): void;
}

export function useRowDialog(t: Translate): RowDialog {
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const language = useLanguage();

  const open = useCallback((kind: RowAction, shipment: Shipment, from: HTMLElement) => {
    opener.current = from;
    setNotice(null);
    setDialog({ kind, id: shipment.id });
  }, []);

  const close = () => {
    setDialog(null);
    // Focus goes back to the row's button when it is still there (a virtualised row may have scrolled away).
    const back = opener.current;
    window.setTimeout(() => {
      if (back?.isConnected) back.focus();
    }, 0);
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
