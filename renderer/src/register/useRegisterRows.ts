/**
 * The rows the register shows: the shipments indexed once per load, ordered once per sort, and
 * filtered in one memoised pass that also sums the shown live tonnes. A filter over 100,000 rows
 * renders at low priority, so the controls never wait for the table (`stale` while it catches up).
 */
import { useDeferredValue, useMemo } from 'react';
import type { Shipment } from '../../../electron/core/api';
import { LOCALES } from '../i18n';
import type { Language } from '../settings';
import {
  applyFilters,
  cachedIndex,
  cachedOrder,
  type FilterResult,
  type RegisterFilters,
  type RegisterIndex,
  type SortState,
} from './model';

export interface RegisterRows {
  index: RegisterIndex;
  result: FilterResult;
  /** True while the table still shows the filters before the latest change. */
  stale: boolean;
  /** The filters the result was made with (the latest, once no longer stale). */
  filters: RegisterFilters;
}

export function useRegisterRows(
  shipments: readonly Shipment[],
  sort: SortState,
  filters: RegisterFilters,
  language: Language,
): RegisterRows {
  const collator = useMemo(
    () => new Intl.Collator(LOCALES[language], { numeric: true, sensitivity: 'base' }),
    [language],
  );
  const index = useMemo(() => cachedIndex(shipments, collator), [shipments, collator]);
  const order = useMemo(() => cachedOrder(index, sort, collator), [index, sort, collator]);
  const shownFilters = useDeferredValue(filters);
  const result = useMemo(() => applyFilters(index, order, shownFilters), [index, order, shownFilters]);
  return { index, result, stale: shownFilters !== filters, filters: shownFilters };
}
