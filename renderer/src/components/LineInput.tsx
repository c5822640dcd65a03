import type { ComponentProps } from 'react';
import { asPastedLine } from '../../../shared/fieldRules.ts';

/**
 * A one-line text field (a name, a title, tags, a time zone, a server's address, the search box) that takes a paste
 * as a line: a spreadsheet cell's tab or a PDF line's break becomes a space and other control characters are left
 * out (shared/fieldRules.ts asPastedLine). Left to the browser, a text, search or URL field keeps a pasted tab
 * ("Jens Stoltenberg\t" searched for a tab) and each of a PDF's breaks as a space of its own.
 * Typed text is untouched, and the store keeps a tab arriving any other way as a space too (asStoredLine).
 */
export function LineInput({ type = 'text', ...props }: Omit<ComponentProps<'input'>, 'type'> & { type?: 'text' | 'search' | 'url' }) {
  return (
    <input
      type={type}
      {...props}
      onPaste={(event) => {
        props.onPaste?.(event);
        const text = event.clipboardData.getData('text/plain');
        const line = asPastedLine(text);
        if (event.defaultPrevented || line === text) return;
        // Inserted as typing is, the paste is one step of Ctrl+Z and reaches onChange like any other.
        event.preventDefault();
        document.execCommand('insertText', false, line);
      }}
    />
  );
}
