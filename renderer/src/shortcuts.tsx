/**
 * "New shipment" from the keyboard. The desktop app takes Ctrl/Cmd+N (its File menu shows it too);
 * a browser keeps Ctrl+N for a new window and never hands it to the page, so browser mode (no
 * desktop bridge: client.ts isDesktop) takes Alt+N and shows that instead. Matched by the key's
 * place (`KeyN`) as well as its letter, so it works in a Russian or Kazakh layout and with macOS's
 * Option, which types a character instead of "n".
 */
import { isDesktop } from './client';

/** The keys to show for "New shipment", in order. */
export function newShipmentKeys(desktop: boolean = isDesktop()): readonly string[] {
  return desktop ? ['Ctrl', 'N'] : ['Alt', 'N'];
}

export function isNewShipmentKey(event: KeyboardEvent, desktop: boolean = isDesktop()): boolean {
  if (event.code !== 'KeyN' && event.key.toLowerCase() !== 'n') return false;
  // Ctrl/Cmd+N everywhere (a browser that does pass it on loses nothing); Alt+N in browser mode only,
  // since on the desktop Alt opens the menu bar.
  if ((event.ctrlKey || event.metaKey) && !event.altKey) return true;
  return !desktop && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
}

export function ShortcutKeys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 && '+'}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}
