// Keys typed between Ctrl+K (or the Search button) and the search box taking
// the caret. Just after a start the palette's code may still be on its way
// (views/lazyViews.ts): a fast typist's first letters went nowhere, or into
// the note that had the caret. They are now kept, out of every other field,
// and the box starts with them.

export interface TypedAhead {
  /** What was typed so far; stops keeping keys (the box has the caret from now on). */
  take(): string;
  /** Stops keeping keys and forgets them (the search was closed before its box came). */
  drop(): void;
}

/** Keeps the printable keys typed from now on, and Backspace's deletions, until `take` or `drop`. */
export function keepTypedAhead(onEscape: () => void): TypedAhead {
  let typed = '';
  const onKey = (event: KeyboardEvent) => {
    // A key meant for the box once it is there (it takes the caret when it opens), or an input method composing.
    if (event.isComposing || (event.target instanceof Element && event.target.closest('dialog[open]'))) return;
    if (event.key === 'Escape') {
      stop();
      onEscape();
      return;
    }
    const printable = Array.from(event.key).length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (!printable && event.key !== 'Backspace') return;
    typed = event.key === 'Backspace' ? Array.from(typed).slice(0, -1).join('') : typed + event.key;
    event.preventDefault();
    event.stopPropagation();
  };
  const stop = () => window.removeEventListener('keydown', onKey, true);
  window.addEventListener('keydown', onKey, true);
  return {
    take() {
      stop();
      const kept = typed;
      typed = '';
      return kept;
    },
    drop() {
      stop();
      typed = '';
    },
  };
}
