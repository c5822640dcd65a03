import { type RefObject, type TextareaHTMLAttributes, useLayoutEffect, useRef } from 'react';
import { asPastedProse, hasControlCharacter, hasWordBullets, wordBulletsAsTyped } from '../../../shared/fieldRules.ts';

type TypingTextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange' | 'children'> & {
  /** The text the field shows; placed in it only when it differs from what is there. */
  value: string;
  onValue: (text: string) => void;
  fieldRef?: RefObject<HTMLTextAreaElement | null>;
};

/**
 * A text area whose undo the browser keeps, as in any text field. A controlled
 * `<textarea value>` has React write the text into the field's default value
 * (its child text node) at every key, and Chromium ends its undo step at each
 * such change: Ctrl+Z then took back one letter, not what the user typed since
 * the caret last moved. Here the text goes in only when it is not what the user
 * typed (the note loaded, another window's save adopted, a conflict decided),
 * and React never touches the child text node.
 */
export function TypingTextArea({ value, onValue, fieldRef, ...props }: TypingTextAreaProps) {
  const own = useRef<HTMLTextAreaElement>(null);
  const field = fieldRef ?? own;
  // Before paint, so the field is never seen empty or behind.
  useLayoutEffect(() => {
    const node = field.current;
    if (node && node.value !== value) node.value = value;
  });
  return (
    <textarea
      {...props}
      ref={field}
      onChange={(event) => onValue(event.target.value)}
      onPaste={(event) => {
        props.onPaste?.(event);
        const text = event.clipboardData.getData('text/plain');
        if (event.defaultPrevented || !(hasControlCharacter(text) || hasWordBullets(text))) return;
        // A Word paragraph's line breaks and a PDF's page breaks come as control characters nobody sees
        // (shared/fieldRules.ts asPastedProse), a Word list's items as its bullet glyphs and a tab (wordBulletsAsTyped).
        // Inserted as typing is, the paste is one step of Ctrl+Z and reaches onChange like any other.
        event.preventDefault();
        document.execCommand('insertText', false, asPastedProse(wordBulletsAsTyped(text)));
      }}
    />
  );
}
