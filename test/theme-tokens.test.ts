/**
 * The design tokens in styles.css (issue 10, point 14): every chart series has a colour of its own
 * in the light theme (the screen and paper) and in the dark one, none of them the text colour
 * (which draws the "today" line), and each readable on its theme's cards.
 */
import fs from 'node:fs';
import path from 'node:path';

const SERIES_TOKENS = ['--actual', '--target', '--target-level', '--baseline', '--baseline-level', '--plan'];
const CSS = fs.readFileSync(path.join(__dirname, '..', 'renderer', 'src', 'styles.css'), 'utf8');

/** The custom properties one theme block declares. */
function themeTokens(theme: 'light' | 'dark'): Record<string, string> {
  const start = CSS.indexOf(theme === 'light' ? ":root,\n[data-theme='light'] {" : "[data-theme='dark'] {");
  const block = CSS.slice(start, CSS.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));
}

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test.each(['light', 'dark'] as const)(
  'in the %s theme every chart series has a colour of its own',
  (theme) => {
    const tokens = themeTokens(theme);
    const colours = SERIES_TOKENS.map((token) => tokens[token]?.toLowerCase() ?? '');
    expect(colours.every((colour) => /^#[0-9a-f]{6}$/.test(colour))).toBe(true);
    expect(new Set(colours).size).toBe(SERIES_TOKENS.length);
    expect(colours).not.toContain(tokens['--text']?.toLowerCase());
    // The level lines' labels are text on the chart: at least 4.5:1 against the card.
    for (const token of ['--target-level', '--baseline-level'])
      expect(contrast(tokens[token] ?? '', tokens['--surface'] ?? '')).toBeGreaterThanOrEqual(4.5);
  },
);
