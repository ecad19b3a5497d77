/**
 * What the person chose on the register (sort, filters, voided rows shown), kept while they visit
 * other tabs so coming back finds the register as they left it.
 */
import { create } from 'zustand';
import { NO_FILTERS, type RegisterFilters, type SortState } from './model';

export const DEFAULT_SORT: SortState = { key: 'blDate', direction: 'desc' };

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
