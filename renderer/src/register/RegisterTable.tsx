/**
 * The register's table, virtualised: whatever the number of shipments, the DOM holds only the
 * rows in view plus a few either side, between two spacer rows that keep the scroll height true.
 * It stays a real <table> (sticky header, aria-rowcount and aria-rowindex) so a screen reader
 * knows its size and where each row sits, with the role of a grid: the table is one Tab stop that
 * keeps the focus and names its active row (aria-activedescendant), which the keys move and act on
 * (useTableKeys), so focus never drops to the page when a virtualised row leaves the DOM.
 */
import { useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useId, useMemo, useRef, type ReactNode } from 'react';
import type { Shipment } from '../../../electron/core/api';
import { keepUnit } from '../format';
import { translate, type Translate } from '../i18n';
import type { Language } from '../settings';
import { SortIcon } from './icons';
import type { SortKey, SortState } from './model';
import { RegisterRow, rowDomId, type RowAction } from './RegisterRow';
import type { RowCursor } from './useRowCursor';
import { useTableKeys } from './useTableKeys';

export { shipmentName } from './text';
export type { RowAction } from './RegisterRow';

/** Every row is this tall (CSS agrees): a consistent rhythm and no measuring while scrolling. */
export const ROW_HEIGHT = 36;
/** The sticky header's height (CSS agrees): rows start below it and keyboard scrolling keeps clear of it. */
export const HEADER_HEIGHT = 40;
const OVERSCAN = 8;

interface Column {
  key: SortKey | 'actions';
  numeric?: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'blDate' },
  { key: 'blNumber' },
  { key: 'vessel' },
  { key: 'voyage' },
  { key: 'grade' },
  { key: 'status' },
  { key: 'netKg', numeric: true },
  { key: 'outturnKg', numeric: true },
  { key: 'remarks' },
  { key: 'station' },
  { key: 'actions' },
];
const WITHOUT_STATION = COLUMNS.filter((column) => column.key !== 'station');

export interface RegisterTableProps {
  shipments: readonly Shipment[];
  /** Indexes into shipments, in display order. */
  rows: Uint32Array;
  sort: SortState;
  onSort(key: SortKey): void;
  onAction(action: RowAction, shipment: Shipment): void;
  /** The active row, which the keys move and act on. */
  cursor: RowCursor;
  /** ↑ on the first row: back to the search box. */
  onLeaveTop?(): void;
  /** The element that lists the table's keys, read out when the table takes the focus. */
  keysId?: string;
  readOnly: boolean;
  language: Language;
  /** A fixed viewport for environments without layout (jsdom); the browser measures the real one. */
  viewport?: Rect;
  /** Rendered under the header when there are no rows. */
  empty?: ReactNode;
  /** The Station column (with each cargo's conflict flag): shown on a station's ledger only. */
  showStation?: boolean;
}

function ariaSort(sort: SortState, key: SortKey): 'ascending' | 'descending' | 'none' {
  if (sort.key !== key) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

function fixedRect(viewport: Rect) {
  return (_instance: Virtualizer<HTMLDivElement, HTMLTableRowElement>, callback: (rect: Rect) => void) => {
    callback(viewport);
    return () => undefined;
  };
}

export function RegisterTable({
  shipments,
  rows,
  sort,
  onSort,
  onAction,
  cursor,
  onLeaveTop,
  keysId,
  readOnly,
  language,
  viewport,
  empty,
  showStation = false,
}: RegisterTableProps) {
  const columns = showStation ? COLUMNS : WITHOUT_STATION;
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  // Stable across renders, so a row whose shipment has not changed is not rendered again while scrolling.
  const t = useMemo<Translate>(() => (key, vars) => translate(language, key, vars), [language]);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  // Rows are keyed by position (the virtualizer's default): every filter or sort makes it lay out all
  // 100,000 positions again, and plain index keys make that pass several times cheaper than ids.
  // A memoised row still renders only when the shipment at its position changes.
  const observeRect = useMemo(() => (viewport ? fixedRect(viewport) : undefined), [viewport]);
  // The virtualizer returns a mutable instance; this app does not run the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: OVERSCAN,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    ...(viewport && observeRect ? { initialRect: viewport, observeElementRect: observeRect } : {}),
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - HEADER_HEIGHT : 0;
  const after = last ? virtualizer.getTotalSize() - last.end : 0;
  const keys = useTableKeys({
    ...{ shipments, rows, cursor, readOnly, virtualizer, onAction, onLeaveTop, header: HEADER_HEIGHT },
    page: () =>
      Math.max(1, Math.floor(((virtualizer.scrollRect?.height ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1),
  });
  // The active row is named only while it is rendered; the keys bring it back into view.
  const activeShown =
    first !== undefined && last !== undefined && cursor.index >= first.index && cursor.index <= last.index;
  const activeShipment = activeShown ? shipments[rows[cursor.index] as number] : undefined;
  return (
    <div className="register-scroll" ref={scrollRef} data-testid="register-scroll">
      <table
        ref={cursor.tableRef}
        className="register-table"
        role="grid"
        aria-readonly="true"
        aria-rowcount={rows.length + 1}
        aria-label={t('register.tableLabel')}
        aria-describedby={keysId}
        aria-activedescendant={activeShipment ? rowDomId(idPrefix, activeShipment) : undefined}
        tabIndex={rows.length > 0 ? 0 : -1}
        onKeyDown={keys.onKeyDown}
        onMouseDown={keys.onMouseDown}
        onFocus={keys.onFocus}
        data-testid="register-table"
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} className={`register-col-${column.key}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) =>
              column.key === 'actions' ? (
                <th key={column.key} scope="col" className="register-th-actions">
                  <span className="visually-hidden">{t('register.column.actions')}</span>
                </th>
              ) : (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={ariaSort(sort, column.key)}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  <button
                    type="button"
                    className="register-sort"
                    onClick={() => onSort(column.key as SortKey)}
                    title={t(`register.columnTitle.${column.key}`)}
                    data-testid={`sort-${column.key}`}
                  >
                    <span className="register-sort-label">
                      {keepUnit(t(`register.column.${column.key}`), t('unit.t'))}
                    </span>
                    <SortIcon direction={sort.key === column.key ? sort.direction : null} />
                  </button>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr className="register-spacer" aria-hidden="true">
              <td colSpan={columns.length} style={{ height: before }} />
            </tr>
          )}
          {items.map((item) => (
            <RegisterRow
              key={item.key}
              shipment={shipments[rows[item.index] as number] as Shipment}
              index={item.index}
              active={item.index === cursor.index}
              idPrefix={idPrefix}
              readOnly={readOnly}
              language={language}
              t={t}
              onAction={onAction}
              showStation={showStation}
            />
          ))}
          {after > 0 && (
            <tr className="register-spacer" aria-hidden="true">
              <td colSpan={columns.length} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && empty}
    </div>
  );
}
