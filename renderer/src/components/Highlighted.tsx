// Search snippets mark matches with private-use characters; they become <mark>
// elements here, as React text, so nothing from the store is parsed as HTML.
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
  return <>{parts.map((part) => (part.marked ? <mark key={part.key}>{part.text}</mark> : <span key={part.key}>{part.text}</span>))}</>;
}
