/**
 * What the person chose on the register (sort, filters, voided rows shown), kept while they visit
 * other tabs so coming back finds the register as they left it.
 */
import { create } from 'zustand';
import { NO_FILTERS, type RegisterFilters, type SortKey, type SortState } from './model';

export const DEFAULT_SORT: SortState = { key: 'blDate', direction: 'desc' };

/**
 * The sort after a click on a column's header: the same column turns around; a new column starts
 * with its natural order, newest dates and largest cargoes first.
 */
export function nextSort(sort: SortState, key: SortKey): SortState {
  if (sort.key === key) return { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' };
  const startsDescending = key === 'blDate' || key === 'netKg' || key === 'outturnKg';
  return { key, direction: startsDescending ? 'desc' : 'asc' };
}

interface RegisterView {
  sort: SortState;
  filters: RegisterFilters;
  setSort(sort: SortState): void;
  setFilters(change: Partial<RegisterFilters>): void;
  clearFilters(): void;
}

export const useRegisterView = create<RegisterView>()((set) => ({
  sort: DEFAULT_SORT,
  filters: NO_FILTERS,
  setSort: (sort) => set({ sort }),
  setFilters: (change) => set((state) => ({ filters: { ...state.filters, ...change } })),
  clearFilters: () => set((state) => ({ filters: { ...NO_FILTERS, showVoided: state.filters.showVoided } })),
}));

/** Back to the first visit's register (tests start each case here). */
export function resetRegisterView(): void {
  useRegisterView.setState({ sort: DEFAULT_SORT, filters: NO_FILTERS });
}
