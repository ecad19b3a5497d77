/**
 * jsdom has no modal <dialog>. This stand-in does what Chromium's does and what the entry specs
 * need: `open` marks it shown, and closing hands the focus back to whatever had it when it opened.
 * Call once at a spec file's top level; the native methods come back after the file.
 */
export function standInForModalDialogs(): void {
  const native = {
    showModal: HTMLDialogElement.prototype.showModal,
    close: HTMLDialogElement.prototype.close,
  };
  beforeAll(() => {
    const openedFrom = new WeakMap<HTMLDialogElement, Element | null>();
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      openedFrom.set(this, document.activeElement);
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
      this.removeAttribute('open');
      const previous = openedFrom.get(this);
      if (previous instanceof HTMLElement) previous.focus();
    };
  });
  afterAll(() => Object.assign(HTMLDialogElement.prototype, native));
}
