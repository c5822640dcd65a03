import type { InputHTMLAttributes } from 'react';
import { asPastedLine } from '../../../shared/fieldRules.ts';

/**
 * A one-line text field (a name, a title, tags) that takes a paste as a line: a spreadsheet cell's tab or a PDF
 * line's break becomes a space and other control characters are left out (shared/fieldRules.ts asPastedLine).
 * Typed text is untouched, and the store still refuses a control character arriving any other way.
 */
export function LineInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <input
      type="text"
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
