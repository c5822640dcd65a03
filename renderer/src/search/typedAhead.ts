// Keys typed between Ctrl+K (or the Search button) and the search box taking
// the caret. Just after a start the palette's code may still be on its way
// (views/lazyViews.ts): a fast typist's first letters went nowhere, or into
// the note that had the caret. They are now kept, out of every other field,
// and the box starts with them.
//
// An input method (Hangul, Japanese, Chinese) composes in whatever field has
// the caret and sends no key a page can keep, so the caret moves at once to a
// stand-in box where the search box will be: what is composed, pasted or
// dictated there goes to the search box too, and nothing into the note. When
// the box comes, or the search is closed first, the caret goes back to where
// it was, so the palette returns it there when it closes.

export interface TypedAhead {
  /** What was typed so far; stops keeping keys, and gives the caret back to the field that had it. */
  take(): string;
  /** Stops keeping keys and forgets them (the search was closed before its box came). */
  drop(): void;
}

/** Keeps what is typed from now on (keys, Backspace's deletions, what an input method composes) until `take` or `drop`. */
export function keepTypedAhead(onEscape: () => void, label: string): TypedAhead {
  let typed = '';
  const hadCaret = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const standIn = document.createElement('input');
  standIn.type = 'text';
  standIn.setAttribute('aria-label', label);
  standIn.className = 'typed-ahead';
  // Never taken from an open dialog (the palette itself, Ctrl+K pressed again in it, or one asking a question).
  if (!hadCaret?.closest('dialog[open]')) {
    document.body.append(standIn);
    standIn.focus({ preventScroll: true });
  }
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      stop();
      onEscape();
      return;
    }
    // The stand-in's keys go into it; a key meant for the box once it is there, or an input method composing.
    if (event.target === standIn || event.isComposing || (event.target instanceof Element && event.target.closest('dialog[open]'))) return;
    const printable = Array.from(event.key).length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (!printable && event.key !== 'Backspace') return;
    typed = event.key === 'Backspace' ? Array.from(typed).slice(0, -1).join('') : typed + event.key;
    event.preventDefault();
    event.stopPropagation();
  };
  const stop = () => {
    window.removeEventListener('keydown', onKey, true);
    if (!standIn.isConnected) return;
    if (document.activeElement === standIn && hadCaret?.isConnected) hadCaret.focus({ preventScroll: true });
    standIn.remove();
  };
  window.addEventListener('keydown', onKey, true);
  return {
    take() {
      const kept = standIn.value + typed;
      stop();
      typed = '';
      return kept;
    },
    drop() {
      stop();
      typed = '';
    },
  };
}
