/**
 * The desktop menu's File commands reach the page as a `transit-menu` window event, sent right
 * after the app switches to the Reports tab — possibly before Reports has mounted and listened.
 * This module listens from the moment the app loads and holds a command until Reports takes it.
 */
export const MENU_COMMANDS = ['export-register', 'export-monthly', 'import', 'backup', 'open-data-folder'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

type Listener = (command: MenuCommand) => void;

/** A command older than this is dropped: it was meant for a Reports tab that never opened. */
const PENDING_MS = 3000;

let pending: { command: MenuCommand; at: number } | null = null;
let listener: Listener | null = null;

function isMenuCommand(value: unknown): value is MenuCommand {
  return MENU_COMMANDS.some((command) => command === value);
}

function onMenu(event: Event): void {
  const command = (event as CustomEvent<unknown>).detail;
  if (!isMenuCommand(command)) return;
  if (listener) listener(command);
  else pending = { command, at: Date.now() };
}

if (typeof window !== 'undefined') window.addEventListener('transit-menu', onMenu);

/** Takes commands from now on, starting with one that arrived before; returns the unsubscribe. */
export function subscribeMenuCommands(next: Listener): () => void {
  listener = next;
  const waiting = pending;
  pending = null;
  if (waiting && Date.now() - waiting.at < PENDING_MS) next(waiting.command);
  return () => {
    if (listener === next) listener = null;
  };
}
