import type { Person } from '../../../shared/domain.ts';

// A person typed in again ("kim min-ji" for "Kim Min-ji", a full-width
// "Ｋｉｍ", a name pasted with a double space) makes a second record that the
// pack and the meetings then split between. Namesakes are real too (two
// officials called Kim Min-ji), so the form warns and offers the existing
// record; it never refuses.

/** A name as compared: compatibility-normalised (NFKC), spaces collapsed, case folded. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('en-US');
}

/** The people already stored whose name or native name reads the same as either of those typed. */
export function namesakesOf(typed: { name: string; nativeName: string }, people: readonly Person[]): Person[] {
  const keys = new Set([nameKey(typed.name), nameKey(typed.nativeName)].filter((key) => key !== ''));
  if (keys.size === 0) return [];
  return people.filter((person) => keys.has(nameKey(person.name)) || (person.nativeName !== '' && keys.has(nameKey(person.nativeName))));
}
