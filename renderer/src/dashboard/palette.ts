/**
 * Chart colours from the design tokens in styles.css, so charts follow the light and dark themes.
 * Each series has a colour of its own (Okabe–Ito hues), so no two are told apart by dash alone.
 * The theme is the `data-theme` attribute App puts on <html>; charts re-read the tokens whenever it
 * changes. Printing always uses the light tokens (paper is white), read from an element that
 * carries data-theme="light".
 */
import { useMemo, useSyncExternalStore } from 'react';

export interface ChartPalette {
  actual: string;
  /** The target pace (a line that rises through the year). */
  target: string;
  /** The annual target as a level line: a colour of its own, not the pace's. */
  targetLevel: string;
  /** The baseline year's pace. */
  baseline: string;
  /** The baseline year's total as a level line. */
  baselineLevel: string;
  plan: string;
  ahead: string;
  behind: string;
  text: string;
  muted: string;
  grid: string;
  surface: string;
}

/** The light tokens, for an environment without style sheets (tests). */
const FALLBACK: ChartPalette = {
  actual: '#0072b2',
  target: '#d55e00',
  targetLevel: '#a8388c',
  baseline: '#6b6b6b',
  baselineLevel: '#007a66',
  plan: '#e69f00',
  ahead: '#00795a',
  behind: '#b44700',
  text: '#14202b',
  muted: '#51606e',
  grid: '#d5dbe1',
  surface: '#ffffff',
};

const TOKENS: Record<keyof ChartPalette, string> = {
  actual: '--actual',
  target: '--target',
  targetLevel: '--target-level',
  baseline: '--baseline',
  baselineLevel: '--baseline-level',
  plan: '--plan',
  ahead: '--ahead',
  behind: '--behind',
  text: '--text',
  muted: '--text-muted',
  grid: '--border',
  surface: '--surface',
};

export function readPalette(element: Element): ChartPalette {
  const style = getComputedStyle(element);
  const palette = { ...FALLBACK };
  for (const key of Object.keys(TOKENS) as (keyof ChartPalette)[]) {
    const value = style.getPropertyValue(TOKENS[key]).trim();
    if (value) palette[key] = value;
  }
  return palette;
}

/** The light palette whatever the screen theme: for paper. */
export function readPrintPalette(): ChartPalette {
  const probe = document.createElement('span');
  probe.dataset.theme = 'light';
  probe.hidden = true;
  document.body.appendChild(probe);
  try {
    return readPalette(probe);
  } finally {
    probe.remove();
  }
}

function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

function themeSnapshot(): string {
  return document.documentElement.dataset.theme ?? '';
}

/** The current theme's chart colours; a new palette each time the theme changes. */
export function useChartPalette(): ChartPalette {
  const theme = useSyncExternalStore(subscribeTheme, themeSnapshot, () => '');
  // The theme is the key: the tokens are read again from <html> once the attribute has changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => readPalette(document.documentElement), [theme]);
}

/** A colour with an alpha, for fills: "#0072b2" → "#0072b233". Other notations are returned as they are. */
export function withAlpha(color: string, alpha: number): string {
  if (/^#[0-9a-f]{6}$/i.test(color)) {
    const byte = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
    return `${color}${byte.toString(16).padStart(2, '0')}`;
  }
  return color;
}
