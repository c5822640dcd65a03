import { type RefObject, useLayoutEffect, useState } from 'react';

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
    return () => {
      const now = document.activeElement;
      const inDialog = now === null || now === document.body || (element?.contains(now) ?? false);
      // Closed first: while it is open as a modal, everything outside it (the opener too) refuses the caret.
      if (element?.open && typeof element.close === 'function') element.close();
      if (inDialog && opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [dialog, first, opener]);
}
