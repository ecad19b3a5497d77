/**
 * The register's keys, decided once (pure: no React, no DOM beyond reading an event's target).
 *
 * In the table: ↑ ↓ a row, PageUp/PageDown a screenful, Home/End (or Ctrl+Home/End, Ctrl+↑/↓, as
 * in Excel) the first or last row; Enter opens the row (its edit, or its history when it cannot be
 * edited); Delete voids, as deleting does in a list; H shows the history (a plain letter, since
 * Alt+letter opens the desktop app's menus). Anywhere on the register page Ctrl/Cmd+F goes to the
 * search, text fields included (the page's own search is the one that finds a cargo among 100,000
 * virtualised rows, which the browser's find cannot see); `/` does too, but only when a key typed
 * would not be text. Letters are matched by the key's place as well (`KeyH`, `KeyF`), so they work
 * in a Russian or Kazakh layout.
 */

export type RowMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last';
export type RowKeyAction = 'open' | 'void' | 'history';
export type GridKey = { move: RowMove } | { action: RowKeyAction };

/** What the keys read of an event (a DOM or a React keyboard event). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The keys shown under the table, in order: each its alternatives (keys pressed together) and its label's key. */
export const REGISTER_KEYS: readonly { combos: readonly (readonly string[])[]; label: string }[] = [
  { combos: [['↑'], ['↓']], label: 'register.keys.rows' },
  { combos: [['Enter']], label: 'register.keys.edit' },
  { combos: [['Delete']], label: 'register.keys.void' },
  { combos: [['H']], label: 'register.keys.history' },
  { combos: [['/'], ['Ctrl', 'F']], label: 'register.keys.search' },
];

function letter(event: KeyPress, name: string): boolean {
  return event.code === `Key${name.toUpperCase()}` || event.key.toLowerCase() === name;
}

/** What a key pressed in the table asks for, or null when the table leaves it alone. */
export function gridKey(event: KeyPress): GridKey | null {
  if (event.altKey) return null;
  const command = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowUp':
      return { move: command ? 'first' : 'up' };
    case 'ArrowDown':
      return { move: command ? 'last' : 'down' };
    case 'PageUp':
      return command ? null : { move: 'pageUp' };
    case 'PageDown':
      return command ? null : { move: 'pageDown' };
    case 'Home':
      return { move: 'first' };
    case 'End':
      return { move: 'last' };
  }
  if (command || event.shiftKey) return null;
  if (event.key === 'Enter') return { action: 'open' };
  if (event.key === 'Delete') return { action: 'void' };
  if (letter(event, 'h')) return { action: 'history' };
  return null;
}

/** The row a move lands on among `count` rows; `page` is how many rows a screenful moves. */
export function movedIndex(move: RowMove, index: number, count: number, page: number): number {
  if (count === 0) return -1;
  const last = count - 1;
  const clamp = (n: number) => Math.min(last, Math.max(0, n));
  switch (move) {
    case 'up':
      return clamp(index - 1);
    case 'down':
      return clamp(index + 1);
    case 'pageUp':
      return clamp(index - page);
    case 'pageDown':
      return clamp(index + page);
    case 'first':
      return 0;
    case 'last':
      return last;
  }
}

/** Ctrl+F (Cmd+F on a Mac): the register's search, wherever the focus is on the page. */
export function isFindKey(event: KeyPress): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && letter(event, 'f');
}

/** `/`: the search, when the key would not be typed into a field. */
export function isSlashKey(event: KeyPress, target: EventTarget | null): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return (event.key === '/' || (event.code === 'Slash' && !event.shiftKey)) && !takesText(target);
}

const NOT_TEXT = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'submit',
  'reset',
  'image',
]);

/** Whether a key pressed here could be typed or chosen as text: an input, a textarea, a list, editable content. */
export function takesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return (
    target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable
  );
}
