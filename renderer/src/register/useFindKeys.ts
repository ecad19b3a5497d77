/**
 * The search from anywhere on the register page: Ctrl/Cmd+F, whatever has the focus (the browser's
 * find cannot see the rows a virtualised table has not rendered), and `/` when it would not be
 * typed into a field. Left to the browser while a dialog is open over the page.
 */
import { useEffect, type RefObject } from 'react';
import { isFindKey, isSlashKey } from './keys';

export function useFindKeys(search: RefObject<HTMLInputElement | null>, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (!isFindKey(event) && !isSlashKey(event, event.target)) return;
      const box = search.current;
      if (!box) return;
      event.preventDefault();
      box.focus();
      box.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [search, enabled]);
}
