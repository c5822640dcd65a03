/**
 * The window's last word on where a keyboard user's caret is: when the element holding it leaves the page (a record
 * deleted where it stood, a list redrawn, a panel closed) and nothing took the caret since, it goes to `fallback`
 * (the view's content) instead of <body>, from where the next Tab starts again at the top of the window and a
 * screen reader says nothing. Views that know a better place (the row after a removed one) take it first: the
 * check waits a task, after React's effects have run.
 */
export function keepCaretInView(root: Document, fallback: () => HTMLElement | null): () => void {
  let holder: Element | null = null;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const lost = () => {
    const now = root.activeElement;
    return holder !== null && !holder.isConnected && (now === null || now === root.body);
  };
  const onFocusIn = (event: FocusEvent) => {
    holder = event.target instanceof Element ? event.target : null;
  };
  const observer = new MutationObserver(() => {
    if (pending !== null || !lost()) return;
    pending = setTimeout(() => {
      pending = null;
      if (lost()) fallback()?.focus({ preventScroll: true });
    }, 0);
  });
  root.addEventListener('focusin', onFocusIn);
  observer.observe(root.body, { childList: true, subtree: true });
  return () => {
    root.removeEventListener('focusin', onFocusIn);
    observer.disconnect();
    if (pending !== null) clearTimeout(pending);
  };
}
