/**
 * The register's search box: it answers every key at once, while the filter it feeds follows after
 * a pause in typing (one pass over the rows per word, not per key), or at once on Enter.
 */
import { useEffect, useState } from 'react';
import { useRegisterView } from './viewState';

/** How long typing pauses before the search runs. */
export const SEARCH_DEBOUNCE_MS = 200;

export interface SearchText {
  text: string;
  setText(text: string): void;
  /** Runs the search now (Enter). */
  commit(): void;
  /** Empties the box and clears every filter (the box's text is a filter too). */
  clearAll(): void;
}

export function useSearchText(): SearchText {
  const filterText = useRegisterView((s) => s.filters.text);
  const setFilters = useRegisterView((s) => s.setFilters);
  const clearFilters = useRegisterView((s) => s.clearFilters);
  const [text, setText] = useState(filterText);

  useEffect(() => {
    if (text === filterText) return;
    const timer = window.setTimeout(() => setFilters({ text }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, filterText, setFilters]);

  return {
    text,
    setText,
    commit: () => setFilters({ text }),
    clearAll: () => {
      setText('');
      clearFilters();
    },
  };
}
