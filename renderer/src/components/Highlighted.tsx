// Search snippets mark matches with private-use characters; they become <mark>
// elements here, as React text, so nothing from the store is parsed as HTML.
import { StoredParts } from './StoredText.tsx';

const start = '\uE000';
const end = '\uE001';

export function Highlighted({ text }: { text: string }) {
  const parts: { text: string; marked: boolean; key: number }[] = [];
  let marked = false;
  let buffer = '';
  let offset = 0;
  for (const character of text) {
    if (character === start || character === end) {
      if (buffer) parts.push({ text: buffer, marked, key: offset });
      buffer = '';
      marked = character === start;
    } else buffer += character;
    offset += 1;
  }
  if (buffer) parts.push({ text: buffer, marked, key: offset });
  // A colleague's text may hide or turn round what it says: each such character is drawn as its code (StoredText).
  return (
    <>
      {parts.map((part) =>
        part.marked ? (
          <mark key={part.key}>
            <StoredParts text={part.text} />
          </mark>
        ) : (
          <span key={part.key}>
            <StoredParts text={part.text} />
          </span>
        ),
      )}
    </>
  );
}
