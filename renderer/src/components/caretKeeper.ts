import { tabReachable } from './tabReachable.ts';

/**
 * The window's last word on where a keyboard user's caret is, where it would otherwise fall to <body> (from where
 * the next Tab starts again at the top of the window, and a screen reader says nothing):
 * - the control holding it was disabled under it ("Add: Timeline" once the pack has it, Save once saved, an arrow
 *   at the end of its list): it goes on to the next control Tab would reach, as if the desk had pressed Tab;
 * - the element holding it left the page (an entry deleted on its sector's page, a list redrawn, a panel closed):
 *   it goes to `fallback`, the view's content.
 * Views that know a better place (the row after a removed one) take it first: the check waits a task, after
 * React's effects have run.
 */
export function keepCaretInView(root: Document, fallback: () => HTMLElement | null): () => void {
  let holder: Element | null = null;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const lost = () => {
    const now = root.activeElement;
    return holder !== null && (now === null || now === root.body) && (!holder.isConnected || holder.matches(':disabled'));
  };
  const nextAfter = (left: Element): HTMLElement | null => {
    const candidates = [...root.querySelectorAll<HTMLElement>(tabReachable)].filter((element) => !element.closest('[hidden], [inert]'));
    const following = candidates.find((element) => left.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
    return following ?? candidates.findLast((element) => left.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING) ?? null;
  };
  const place = () => {
    pending = null;
    if (!lost() || holder === null) return;
    const target = holder.isConnected ? nextAfter(holder) : fallback();
    (target ?? fallback())?.focus({ preventScroll: !holder.isConnected });
  };
  const onFocusIn = (event: FocusEvent) => {
    holder = event.target instanceof Element ? event.target : null;
  };
  const observer = new MutationObserver(() => {
    if (pending === null && lost()) pending = setTimeout(place, 0);
  });
  root.addEventListener('focusin', onFocusIn);
  observer.observe(root.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  return () => {
    root.removeEventListener('focusin', onFocusIn);
    observer.disconnect();
    if (pending !== null) clearTimeout(pending);
  };
}
