/**
 * The register's table, virtualised: whatever the number of shipments, the DOM holds only the
 * rows in view plus a few either side, between two spacer rows that keep the scroll height true.
 * It stays a real <table> (sticky header, aria-rowcount and aria-rowindex) so a screen reader
 * knows its size and where each row sits.
 */
import { useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, type ReactNode } from 'react';
import type { Shipment } from '../../../electron/core/api';
import { calendarDate, keepUnit, tonnes } from '../format';
import { translate, type Translate } from '../i18n';
import { useLedger } from '../store';
import type { Language } from '../settings';
import { EditIcon, HistoryIcon, SortIcon, VoidIcon } from './icons';
import type { SortKey, SortState } from './model';
import { statusLabel } from './text';

/** Every row is this tall (CSS agrees): a consistent rhythm and no measuring while scrolling. */
export const ROW_HEIGHT = 36;
/** The sticky header's height (CSS agrees): rows start below it and keyboard scrolling keeps clear of it. */
export const HEADER_HEIGHT = 40;
const OVERSCAN = 8;

export type RowAction = 'edit' | 'void' | 'history';

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
  onAction(action: RowAction, shipment: Shipment, opener: HTMLElement): void;
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

/** What identifies a shipment to a person in a button's name: its B/L number, or vessel and date. */
export function shipmentName(shipment: Shipment, language: Language): string {
  return shipment.blNumber ?? `${shipment.vessel} ${calendarDate(language, shipment.blDate)}`;
}

export function RegisterTable({
  shipments,
  rows,
  sort,
  onSort,
  onAction,
  readOnly,
  language,
  viewport,
  empty,
  showStation = false,
}: RegisterTableProps) {
  const columns = showStation ? COLUMNS : WITHOUT_STATION;
  const scrollRef = useRef<HTMLDivElement>(null);
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
  return (
    <div className="register-scroll" ref={scrollRef} data-testid="register-scroll">
      <table
        className="register-table"
        aria-rowcount={rows.length + 1}
        aria-label={t('register.tableLabel')}
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
            <Row
              key={item.key}
              shipment={shipments[rows[item.index] as number] as Shipment}
              index={item.index}
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

interface RowProps {
  shipment: Shipment;
  /** Position among the shown rows (0-based). */
  index: number;
  readOnly: boolean;
  language: Language;
  t: Translate;
  onAction: RegisterTableProps['onAction'];
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

const Row = memo(function Row({ shipment, index, readOnly, language, t, onAction, showStation }: RowProps) {
  const name = shipmentName(shipment, language);
  const unit = t('unit.t');
  const status = shipment.voided ? t('register.status.voided') : statusLabel(t, shipment.status);
  const classes = ['register-row', index % 2 === 1 ? 'is-odd' : '', shipment.voided ? 'is-voided' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <tr className={classes} aria-rowindex={index + 2} data-testid="register-row" data-id={shipment.id}>
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
        {shipment.voided || readOnly ? (
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
              onClick={(event) => onAction('edit', shipment, event.currentTarget)}
              data-testid="row-edit"
            >
              <EditIcon />
            </button>
            <button
              type="button"
              className="register-action register-action-danger"
              aria-label={t('register.action.voidLabel', { name })}
              title={t('register.action.void')}
              onClick={(event) => onAction('void', shipment, event.currentTarget)}
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
          onClick={(event) => onAction('history', shipment, event.currentTarget)}
          data-testid="row-history"
        >
          <HistoryIcon />
        </button>
      </td>
    </tr>
  );
});
