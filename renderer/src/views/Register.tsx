/**
 * The register: the year's shipments in a virtualised table, sorted and filtered in one memoised
 * pass, with the shown live tonnes summed exactly; and per row Edit, Void and History, from the
 * keyboard too (register/keys.ts: the keys, shown under the table). Printed, it is a plain table of
 * every row the filters show (RegisterPrint), not the screenful in view.
 */
import { useId, useRef } from 'react';
import { usePrinting } from '../dashboard/printing';
import { useLanguage, useT } from '../i18n';
import { EmptyYear } from '../register/EmptyYear';
import { FilterBar } from '../register/FilterBar';
import { isFiltered, type SortKey } from '../register/model';
import { RegisterFooter } from '../register/RegisterFooter';
import { RegisterPrint } from '../register/RegisterPrint';
import { RegisterTable } from '../register/RegisterTable';
import { RowDialogs } from '../register/RowDialogs';
import { useRegisterRows } from '../register/useRegisterRows';
import { useFindKeys } from '../register/useFindKeys';
import { useRowCursor } from '../register/useRowCursor';
import { useRowDialog } from '../register/useRowDialog';
import { useSearchText } from '../register/useSearchText';
import { nextSort, useRegisterView } from '../register/viewState';
import { useLedger } from '../store';

export { SEARCH_DEBOUNCE_MS } from '../register/useSearchText';

export interface RegisterProps {
  /** Opens the entry form (the empty register points there). */
  onNewShipment?: () => void;
  /** A fixed table viewport for environments without layout (tests). */
  viewport?: { width: number; height: number };
}

export function Register({ onNewShipment, viewport }: RegisterProps) {
  const t = useT();
  const language = useLanguage();
  const shipments = useLedger((s) => s.shipments);
  const year = useLedger((s) => s.year);
  const loading = useLedger((s) => s.loading);
  const info = useLedger((s) => s.info);
  const readOnly = info?.readOnly ?? false;
  const baselineYear = info?.baselineYear ?? null;
  const { sort, filters, setSort } = useRegisterView();
  const id = useId();
  const titleId = `${id}-title`;
  const keysId = `${id}-keys`;
  const search = useSearchText();
  const searchRef = useRef<HTMLInputElement>(null);
  const { index, result, stale, filters: shownFilters } = useRegisterRows(shipments, sort, filters, language);
  const cursor = useRowCursor(shipments, result.rows);
  const dialogs = useRowDialog(t, cursor.focusCargo);
  useFindKeys(searchRef, shipments.length > 0 && dialogs.dialog === null);
  // The Station column and filter show on a station's ledger (its cargoes carry their recording
  // station), even while every cargo is still this station's own: the next sync may bring others',
  // and a column that came and went with them would move the table under the clerk's hand. A
  // ledger that is no station's has no station to show, so it keeps the table it always had.
  const showStation = index.stations.length > 0;
  const printing = usePrinting();

  if (shipments.length === 0) {
    return (
      <EmptyYear
        titleId={titleId}
        year={year}
        baseline={year === baselineYear}
        loading={loading}
        onNewShipment={onNewShipment}
        readOnly={readOnly}
        t={t}
      />
    );
  }

  const noMatch = (
    <div className="register-no-match" data-testid="register-no-match">
      <p>{t('register.noMatch')}</p>
      {isFiltered(filters) && (
        <button type="button" className="button" onClick={search.clearAll}>
          {t('register.filters.clear')}
        </button>
      )}
    </div>
  );

  return (
    <>
      <section className="register card" aria-labelledby={titleId} data-testid="register">
        <div className="register-head">
          <h1 id={titleId} className="register-title">
            {t('register.title', { year })}
          </h1>
          <FilterBar
            index={index}
            search={search}
            searchRef={searchRef}
            onSearchDown={cursor.focusFirst}
            t={t}
            language={language}
          />
        </div>
        <div className={`register-body${stale ? ' is-stale' : ''}`}>
          <RegisterTable
            shipments={shipments}
            rows={result.rows}
            sort={sort}
            onSort={(key: SortKey) => setSort(nextSort(sort, key))}
            onAction={dialogs.open}
            cursor={cursor}
            onLeaveTop={() => searchRef.current?.focus()}
            keysId={keysId}
            readOnly={readOnly}
            language={language}
            viewport={viewport}
            empty={noMatch}
            showStation={showStation}
          />
        </div>
        <RegisterFooter
          result={result}
          notice={dialogs.notice}
          keysId={keysId}
          readOnly={readOnly}
          t={t}
          language={language}
        />
        <RowDialogs dialogs={dialogs} shipments={shipments} index={index} />
      </section>
      {printing && (
        <RegisterPrint
          shipments={shipments}
          result={result}
          filters={shownFilters}
          sort={sort}
          year={year}
          info={info}
          language={language}
          t={t}
          printedAt={new Date().toISOString()}
        />
      )}
    </>
  );
}
