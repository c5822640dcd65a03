import { type RefObject, useEffect, useState } from 'react';

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
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    first?.current?.focus();
    return () => {
      const now = document.activeElement;
      if (opener?.isConnected && (now === null || now === document.body)) opener.focus({ preventScroll: true });
    };
  }, [dialog, first, opener]);
}
