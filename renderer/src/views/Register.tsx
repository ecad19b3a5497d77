/**
 * The register: the year's shipments in a virtualised table, sorted and filtered in one memoised
 * pass, with the shown live tonnes summed exactly; and per row Edit, Void and History.
 */
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { SHIPMENT_STATUSES, type FieldIssue, type Shipment, type ShipmentStatus } from '../../../electron/core/api';
import { tonnes } from '../format';
import { LOCALES, useLanguage, useT } from '../i18n';
import { EditDialog } from '../register/EditDialog';
import { HistoryDialog } from '../register/HistoryDialog';
import { EmptyRegisterIcon, SearchIcon } from '../register/icons';
import { applyFilters, cachedIndex, cachedOrder, isFiltered, type SortKey } from '../register/model';
import { RegisterTable, shipmentName, type RowAction } from '../register/RegisterTable';
import { monthLabel, pluralCategory, statusLabel } from '../register/text';
import { useRegisterView } from '../register/viewState';
import { VoidDialog } from '../register/VoidDialog';
import { useLedger } from '../store';

/** How long typing pauses before the search runs: one pass per word, not per key. */
export const SEARCH_DEBOUNCE_MS = 200;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export interface RegisterProps {
  /** Opens the entry form (the empty register points there). */
  onNewShipment?: () => void;
  /** A fixed table viewport for environments without layout (tests). */
  viewport?: { width: number; height: number };
}

interface OpenDialog {
  kind: RowAction;
  id: string;
}

export function Register({ onNewShipment, viewport }: RegisterProps) {
  const t = useT();
  const language = useLanguage();
  const shipments = useLedger((s) => s.shipments);
  const year = useLedger((s) => s.year);
  const loading = useLedger((s) => s.loading);
  const readOnly = useLedger((s) => s.info?.readOnly ?? false);
  const { sort, filters, setSort, setFilters, clearFilters } = useRegisterView();
  const id = useId();

  // The search box answers every key at once; the register follows after a pause in typing.
  const [text, setText] = useState(filters.text);
  useEffect(() => {
    if (text === filters.text) return;
    const timer = window.setTimeout(() => setFilters({ text }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, filters.text, setFilters]);

  const collator = useMemo(() => new Intl.Collator(LOCALES[language], { numeric: true, sensitivity: 'base' }), [language]);
  const index = useMemo(() => cachedIndex(shipments, collator), [shipments, collator]);
  const order = useMemo(() => cachedOrder(index, sort, collator), [index, sort, collator]);
  // A filter over 100,000 rows renders at low priority: the controls never wait for the table.
  const shownFilters = useDeferredValue(filters);
  const result = useMemo(() => applyFilters(index, order, shownFilters), [index, order, shownFilters]);
  const stale = shownFilters !== filters;

  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const dialogShipment = dialog ? shipments.find((s) => s.id === dialog.id) : undefined;

  function onSort(key: SortKey) {
    // A new column starts with its natural order: newest dates and largest cargoes first.
    const startsDescending = key === 'blDate' || key === 'netKg' || key === 'outturnKg';
    if (sort.key === key) setSort({ key, direction: sort.direction === 'asc' ? 'desc' : 'asc' });
    else setSort({ key, direction: startsDescending ? 'desc' : 'asc' });
  }

  // Stable, so the memoised rows are not rendered again for it.
  const onAction = useCallback((kind: RowAction, shipment: Shipment, from: HTMLElement) => {
    opener.current = from;
    setNotice(null);
    setDialog({ kind, id: shipment.id });
  }, []);

  function closeDialog() {
    setDialog(null);
    // Focus goes back to the row's button when it is still there (a virtualised row may have scrolled away).
    const back = opener.current;
    window.setTimeout(() => {
      if (back?.isConnected) back.focus();
    }, 0);
  }

  function onSaved(shipment: Shipment, warnings: FieldIssue[]) {
    closeDialog();
    setNotice(t(warnings.length > 0 ? 'register.notice.savedWithWarnings' : 'register.notice.saved', { name: shipmentName(shipment) }));
  }

  function onVoided(shipment: Shipment) {
    closeDialog();
    setNotice(t('register.notice.voided', { name: shipmentName(shipment) }));
  }

  const shown = result.rows.length;
  const filtered = isFiltered(filters);
  const vesselOptions = filters.vessel !== '' && !index.vessels.includes(filters.vessel) ? [...index.vessels, filters.vessel] : index.vessels;
  const gradeOptions = filters.grade !== '' && !index.grades.includes(filters.grade) ? [...index.grades, filters.grade] : index.grades;

  if (shipments.length === 0) {
    return (
      <section className="register register-empty-year card" aria-labelledby={`${id}-title`} data-testid="register">
        <h1 id={`${id}-title`} className="register-title">{t('register.title', { year })}</h1>
        {loading ? (
          <p className="muted" role="status">{t('common.loading')}</p>
        ) : (
          <div className="register-empty" data-testid="register-empty">
            <EmptyRegisterIcon />
            <p className="register-empty-headline">{t('register.empty.title', { year })}</p>
            <p className="muted">{t('register.empty.hint', { entry: t('nav.entry') })}</p>
            {onNewShipment && !readOnly && (
              <button type="button" className="button button-primary" onClick={onNewShipment}>{t('nav.entry')}</button>
            )}
          </div>
        )}
      </section>
    );
  }

  return (
    <section className="register card" aria-labelledby={`${id}-title`} data-testid="register">
      <div className="register-head">
        <h1 id={`${id}-title`} className="register-title">{t('register.title', { year })}</h1>
        <div className="register-filters" role="search" aria-label={t('register.filters.label')}>
          <label className="register-filter register-filter-text">
            <span className="register-filter-label">{t('register.filters.search')}</span>
            <span className="register-search">
              <SearchIcon />
              <input
                type="search"
                value={text}
                placeholder={t('register.filters.searchPlaceholder')}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') setFilters({ text });
                }}
                data-testid="filter-text"
              />
            </span>
          </label>
          <label className="register-filter">
            <span className="register-filter-label">{t('register.filters.vessel')}</span>
            <select value={filters.vessel} onChange={(event) => setFilters({ vessel: event.target.value })} data-testid="filter-vessel">
              <option value="">{t('register.filters.allVessels')}</option>
              {vesselOptions.map((vessel) => (
                <option key={vessel} value={vessel}>{vessel}</option>
              ))}
            </select>
          </label>
          <label className="register-filter">
            <span className="register-filter-label">{t('register.filters.grade')}</span>
            <select value={filters.grade} onChange={(event) => setFilters({ grade: event.target.value })} data-testid="filter-grade">
              <option value="">{t('register.filters.allGrades')}</option>
              {gradeOptions.map((grade) => (
                <option key={grade} value={grade}>{grade}</option>
              ))}
            </select>
          </label>
          <label className="register-filter">
            <span className="register-filter-label">{t('register.filters.status')}</span>
            <select value={filters.status} onChange={(event) => setFilters({ status: event.target.value as ShipmentStatus | '' })} data-testid="filter-status">
              <option value="">{t('register.filters.allStatuses')}</option>
              {SHIPMENT_STATUSES.map((status) => (
                <option key={status} value={status}>{statusLabel(t, status)}</option>
              ))}
            </select>
          </label>
          <label className="register-filter">
            <span className="register-filter-label">{t('register.filters.month')}</span>
            <select value={filters.month} onChange={(event) => setFilters({ month: event.target.value })} data-testid="filter-month">
              <option value="">{t('register.filters.allMonths')}</option>
              {MONTHS.map((month) => {
                const value = String(month).padStart(2, '0');
                return <option key={value} value={value}>{monthLabel(language, month)}</option>;
              })}
            </select>
          </label>
          <label className="register-toggle">
            <input type="checkbox" checked={filters.showVoided} onChange={(event) => setFilters({ showVoided: event.target.checked })} data-testid="filter-voided" />
            <span>{t('register.filters.showVoided')}</span>
          </label>
          {filtered && (
            <button
              type="button"
              className="button register-clear"
              onClick={() => {
                setText('');
                clearFilters();
              }}
              data-testid="filter-clear"
            >
              {t('register.filters.clear')}
            </button>
          )}
        </div>
      </div>
      <div className={`register-body${stale ? ' is-stale' : ''}`}>
        <RegisterTable
          shipments={shipments}
          rows={result.rows}
          sort={sort}
          onSort={onSort}
          onAction={onAction}
          readOnly={readOnly}
          language={language}
          viewport={viewport}
          empty={
            <div className="register-no-match" data-testid="register-no-match">
              <p>{t('register.noMatch')}</p>
              {filtered && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setText('');
                    clearFilters();
                  }}
                >
                  {t('register.filters.clear')}
                </button>
              )}
            </div>
          }
        />
      </div>
      <div className="register-footer">
        <p className="register-summary-line" role="status" data-testid="register-footer">
          {t(`register.footer.${pluralCategory(language, shown)}`, { count: shown.toLocaleString(LOCALES[language]), total: tonnes(language, result.totalKg) })}
          {result.voidedCount > 0 && <span className="muted"> · {t('register.footer.voided', { count: result.voidedCount.toLocaleString(LOCALES[language]) })}</span>}
        </p>
        {notice && (
          <p className="register-notice" role="status" data-testid="register-notice">{notice}</p>
        )}
      </div>
      {dialog && dialogShipment && dialog.kind === 'edit' && (
        <EditDialog shipment={dialogShipment} vessels={index.vessels} grades={index.grades} onClose={closeDialog} onSaved={onSaved} />
      )}
      {dialog && dialogShipment && dialog.kind === 'void' && <VoidDialog shipment={dialogShipment} onClose={closeDialog} onVoided={onVoided} />}
      {dialog && dialogShipment && dialog.kind === 'history' && <HistoryDialog shipment={dialogShipment} onClose={closeDialog} />}
    </section>
  );
}
