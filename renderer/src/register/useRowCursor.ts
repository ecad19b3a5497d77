/**
 * The register's active row: the one the keys act on and a screen reader hears. It is held by the
 * cargo's id, so a sort, a filter or a reload after an edit finds the same cargo at its new place;
 * when the cargo has left the rows (voided while voided cargoes are hidden) the row now at its
 * place takes over, as in a list after a delete. The table keeps the focus itself and names the
 * active row (aria-activedescendant): focus never drops to the page when a virtualised row leaves
 * the DOM.
 */
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { Shipment } from '../../../electron/core/api';

interface CursorState {
  /** The active cargo, or null: whatever row is at `index`. */
  id: string | null;
  index: number;
  /** Bumped when the active row must be scrolled into view (a key, a return from a dialog). */
  reveal: number;
}

export interface RowCursor {
  /** The active row's position among the shown rows, -1 when none is shown. */
  index: number;
  reveal: number;
  tableRef: RefObject<HTMLTableElement | null>;
  /** Makes the row at this position active and brings it into view. */
  moveTo(index: number): void;
  /** Makes the row at this position active where it is (a click). */
  pick(index: number): void;
  /** Focus on the table with this cargo's row active and in view (after a dialog). */
  focusCargo(id: string): void;
  /** Focus on the table at its first row (↓ from the search box). */
  focusFirst(): void;
  /** Whether the table is being focused by focusCargo or focusFirst, which choose the row themselves. */
  focusing(): boolean;
}

/** Where the cursor's cargo is now among the rows, or the nearest position when it is gone. */
export function cursorIndex(shipments: readonly Shipment[], rows: Uint32Array, state: CursorState): number {
  if (rows.length === 0) return -1;
  const at = Math.min(rows.length - 1, Math.max(0, state.index));
  if (state.id === null || shipments[rows[at] as number]?.id === state.id) return at;
  for (let i = 0; i < rows.length; i++) if (shipments[rows[i] as number]?.id === state.id) return i;
  return at;
}

export function useRowCursor(shipments: readonly Shipment[], rows: Uint32Array): RowCursor {
  const [state, setState] = useState<CursorState>({ id: null, index: 0, reveal: 0 });
  const tableRef = useRef<HTMLTableElement>(null);
  const index = useMemo(() => cursorIndex(shipments, rows, state), [shipments, rows, state]);
  const idAt = useCallback((at: number) => shipments[rows[at] as number]?.id ?? null, [shipments, rows]);

  const moveTo = useCallback(
    (at: number) => setState((s) => ({ id: idAt(at), index: at, reveal: s.reveal + 1 })),
    [idAt],
  );
  const pick = useCallback((at: number) => setState((s) => ({ ...s, id: idAt(at), index: at })), [idAt]);
  const focusingNow = useRef(false);
  const focusTable = useCallback(() => {
    focusingNow.current = true;
    tableRef.current?.focus({ preventScroll: true });
    focusingNow.current = false;
  }, []);
  const focusCargo = useCallback(
    (id: string) => {
      setState((s) => ({ ...s, id, reveal: s.reveal + 1 }));
      focusTable();
    },
    [focusTable],
  );
  const focusFirst = useCallback(() => {
    setState((s) => ({ id: null, index: 0, reveal: s.reveal + 1 }));
    focusTable();
  }, [focusTable]);
  const focusing = useCallback(() => focusingNow.current, []);

  return { index, reveal: state.reveal, tableRef, moveTo, pick, focusCargo, focusFirst, focusing };
}
