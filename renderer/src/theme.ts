/**
 * The page's colours: `data-theme` on the root element, from the chosen theme or, for 'system',
 * the operating system's. Set before the first paint (main.tsx) and kept up to date while the
 * app runs, so a dark choice never shows a light page first.
 */
import { useEffect } from 'react';
import type { ThemeChoice } from '../../electron/core/api';
import { useSettings } from './settings';

const darkScheme = () => window.matchMedia('(prefers-color-scheme: dark)');

export function applyTheme(theme: ThemeChoice, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme === 'system' ? (darkScheme().matches ? 'dark' : 'light') : theme;
}

/** Follows the chosen theme, and the system's while the choice is 'system'. */
export function useTheme(): void {
  const theme = useSettings((s) => s.theme);
  useEffect(() => {
    const media = darkScheme();
    const apply = () => applyTheme(theme);
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
