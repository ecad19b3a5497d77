import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Ctrl/Cmd+Enter anywhere in this dialog (a textarea, a footer button) submits its form, as in the
 * entry form; not from a dialog opened over it (a question), and not when the form took it already.
 */
export function submitOnCtrlEnter(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
  if (event.defaultPrevented || event.nativeEvent.isComposing) return;
  const dialog = event.currentTarget;
  if (!(event.target instanceof Element) || event.target.closest('dialog') !== dialog) return;
  const form = dialog.querySelector('form');
  if (!form) return;
  event.preventDefault();
  form.requestSubmit();
}

/**
 * A modal dialog on the platform's own <dialog>: focus moves in and is trapped, Escape closes it,
 * and focus returns to where it was.
 */
export function Dialog({
  title,
  open,
  onClose,
  children,
  footer,
  testId,
  onKeyDown,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Its own id: a dialog may open over another (a question over the edit dialog).
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // jsdom has no showModal; the open attribute is enough there.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      {footer && <div className="dialog-footer">{footer}</div>}
    </dialog>
  );
}
