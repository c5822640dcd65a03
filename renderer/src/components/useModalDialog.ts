import { type RefObject, useLayoutEffect, useState } from 'react';
import { tabReachable } from './tabReachable.ts';

/**
 * Opens `dialog` as a native modal when it mounts, with the caret on `first` where given, and gives the caret back
 * to what had it (the button that opened the dialog) when it goes. The dialogs are taken away rather than closed,
 * and a <dialog> removed from the page returns focus nowhere: Escape, Cancel or Create left a keyboard user on
 * <body>, a whole page of Tabs from where they were. Where the opener has gone too (a record deleted, its page
 * left), the view shown next places the caret.
 */
export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>, first?: RefObject<HTMLElement | null>): void {
  // Read while rendering, before the dialog's own fields mount and take the caret (a form focuses its first field).
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  // Layout effects: given back within the commit that removes the dialog, before anything else (the window's
  // caretKeeper, a view's own effects) sees the caret on <body> and places it elsewhere.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    first?.current?.focus();
    element?.addEventListener('keydown', keepTabInside);
    return () => {
      element?.removeEventListener('keydown', keepTabInside);
      const now = document.activeElement;
      const inDialog = now === null || now === document.body || (element?.contains(now) ?? false);
      // Closed first: while it is open as a modal, everything outside it (the opener too) refuses the caret.
      if (element?.open && typeof element.close === 'function') element.close();
      if (inDialog && opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [dialog, first, opener]);
}

/**
 * Tab past the dialog's last control goes round to its first, and Shift+Tab before its first to its last. Left to
 * Chromium, the caret left the modal for the window's edge: pressed at once in the delete dialog, while Delete was
 * still disabled, the first Tab took a keyboard user out of the question being asked.
 */
function keepTabInside(event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
  const dialog = event.currentTarget;
  if (!(dialog instanceof HTMLDialogElement)) return;
  const controls = [...dialog.querySelectorAll<HTMLElement>(tabReachable)].filter(
    (control) => !control.closest('[hidden], [inert]') && control.closest('dialog') === dialog,
  );
  const now = document.activeElement;
  const edge = event.shiftKey ? controls[0] : controls.at(-1);
  if (controls.length > 0 && now !== edge && now instanceof Node && dialog.contains(now) && now !== dialog) return;
  event.preventDefault();
  (event.shiftKey ? controls.at(-1) : controls[0])?.focus();
}
