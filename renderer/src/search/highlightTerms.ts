// The store marks matches in a hit's snippet but not in its title; the title
// gets the same markers here, for every word that starts with a typed word.
const start = '\uE000';
const end = '\uE001';

export function highlightTerms(text: string, query: string): string {
  const words = query
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.toLocaleLowerCase());
  if (words.length === 0) return text;
  return text.replace(/[\p{L}\p{N}]+/gu, (token) =>
    words.some((word) => token.toLocaleLowerCase().startsWith(word)) ? `${start}${token}${end}` : token,
  );
}
