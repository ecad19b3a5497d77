/**
 * Whether the page is being printed (window.print, or print media emulated when saving a PDF).
 * Charts are canvases: before the page is laid out for paper they must be redrawn at the print
 * size and in the light palette, synchronously, so the change is flushed inside the event.
 */
import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

let printing = false;
const listeners = new Set<() => void>();
let media: MediaQueryList | null = null;

function set(next: boolean): void {
  if (printing === next) return;
  printing = next;
  // Chrome lays the page out for paper as soon as the listeners return: render now, not later.
  flushSync(() => {
    for (const listener of listeners) listener();
  });
}

const onBefore = () => set(true);
const onAfter = () => set(false);
const onMedia = (event: MediaQueryListEvent) => set(event.matches);

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('beforeprint', onBefore);
    window.addEventListener('afterprint', onAfter);
    media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
    media?.addEventListener('change', onMedia);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('beforeprint', onBefore);
      window.removeEventListener('afterprint', onAfter);
      media?.removeEventListener('change', onMedia);
      media = null;
    }
  };
}

export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing,
    () => false,
  );
}

/**
 * Chart canvas sizes on A4 portrait (12 mm margins: 186 mm ≈ 703 CSS px of width), in CSS px; the
 * print style sheet gives the chart boxes these same sizes.
 */
export const PRINT_CHART_SIZE = {
  cumulative: { width: 336, height: 232 },
  monthly: { width: 318, height: 232 },
} as const;

/** Canvas pixels per CSS pixel on paper, so lines and text stay sharp in a PDF. */
export const PRINT_PIXEL_RATIO = 3;
