/**
 * The table's keys at work (which keys: keys.ts): a move makes another row active and scrolls it
 * into view, however far outside the rendered window it is; Enter, Delete and H open the active
 * row's dialogs; ↑ on the first row goes back to the search box. A row clicked becomes the active
 * row. Tabbing into the table while its active row is scrolled out of view makes the first row in
 * view the active one, so what is announced is what is seen. Only keys pressed on the table itself
 * count, not on a header's sort button inside it.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { Shipment } from '../../../electron/core/api';
import { gridKey, movedIndex, type RowKeyAction } from './keys';
import { canChange, type RowAction } from './RegisterRow';
import type { RowCursor } from './useRowCursor';

interface TableKeysOptions {
  shipments: readonly Shipment[];
  rows: Uint32Array;
  cursor: RowCursor;
  readOnly: boolean;
  virtualizer: Virtualizer<HTMLDivElement, HTMLTableRowElement>;
  /** The sticky header's height: rows under it are not in view. */
  header: number;
  /** How many rows a screenful moves. */
  page(): number;
  onAction(action: RowAction, shipment: Shipment): void;
  /** ↑ on the first row. */
  onLeaveTop?(): void;
}

/** The dialog a key opens on this row, if any: Enter edits, or shows the history of what cannot be edited. */
function dialogFor(action: RowKeyAction, editable: boolean): RowAction | null {
  if (action === 'open') return editable ? 'edit' : 'history';
  if (action === 'void') return editable ? 'void' : null;
  return 'history';
}

export function useTableKeys(options: TableKeysOptions) {
  const { shipments, rows, cursor, readOnly, virtualizer } = options;

  // Scrolled only when asked (a key, a return from a dialog), never because a reload moved the rows.
  const revealed = useRef(cursor.reveal);
  useEffect(() => {
    if (revealed.current === cursor.reveal) return;
    revealed.current = cursor.reveal;
    if (cursor.index >= 0) virtualizer.scrollToIndex(cursor.index, { align: 'auto' });
  }, [cursor.reveal, cursor.index, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (event.target !== event.currentTarget || event.nativeEvent.isComposing) return;
    const command = gridKey(event);
    if (!command || rows.length === 0) return;
    event.preventDefault();
    const index = Math.max(0, cursor.index);
    if ('move' in command) {
      if (command.move === 'up' && index === 0 && options.onLeaveTop) options.onLeaveTop();
      else cursor.moveTo(movedIndex(command.move, index, rows.length, options.page()));
      return;
    }
    const shipment = shipments[rows[index] as number];
    if (!shipment) return;
    const dialog = dialogFor(command.action, canChange(shipment, readOnly));
    if (dialog) options.onAction(dialog, shipment);
  }

  // A click chooses its own row before the table takes the focus.
  const clicking = useRef(false);
  function onMouseDown(event: MouseEvent<HTMLTableElement>) {
    const row = (event.target as Element).closest('tr[data-index]');
    if (row) cursor.pick(Number(row.getAttribute('data-index')));
    clicking.current = true;
    window.addEventListener('mouseup', () => (clicking.current = false), { once: true });
  }

  function onFocus(event: FocusEvent<HTMLTableElement>) {
    if (event.target !== event.currentTarget || clicking.current || cursor.focusing()) return;
    const top = (virtualizer.scrollOffset ?? 0) + options.header;
    const bottom = (virtualizer.scrollOffset ?? 0) + (virtualizer.scrollRect?.height ?? 0);
    const items = virtualizer.getVirtualItems().filter((item) => item.start >= top && item.end <= bottom);
    const first = items[0];
    if (first && !items.some((item) => item.index === cursor.index)) cursor.pick(first.index);
  }

  return { onKeyDown, onMouseDown, onFocus };
}
