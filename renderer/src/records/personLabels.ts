import type { Person } from '../../../shared/domain.ts';
import { nameKey } from './namesakes.ts';

// Two people may share a name (two officials called Kim Min-ji): both are real
// records, so the store takes them. A picker showing "Kim Min-ji (김민지)" twice
// made the desk officer guess which one became the counterpart; the label of a
// shared name says more, so each choice can be told apart. Names are shared
// when they read alike (namesakes.ts), not only when their characters are the
// same: "Ştefan Ţurcanu", pasted with the cedillas older documents carry, and
// "Ștefan Țurcanu" look alike in a picker.

/** Name with the native script, as every picker shows a person. */
export function personLabel(person: Pick<Person, 'name' | 'nativeName'>): string {
  return person.nativeName && person.nativeName !== person.name ? `${person.name} (${person.nativeName})` : person.name;
}

/**
 * nameKey of each label, kept: the builder and the participants editor label every person of the store at each
 * render (a keystroke), and the key costs two normalisations a name (10,000 people: 49 ms of CPU a call unkept,
 * 15 ms kept, 11 ms when labels were compared as written; load 7). Bounded, though a store's names are a few thousand.
 */
const knownKeys = new Map<string, string>();
const knownKeysAtMost = 50_000;
function keyOf(label: string): string {
  const known = knownKeys.get(label);
  if (known !== undefined) return known;
  const key = nameKey(label);
  if (knownKeys.size < knownKeysAtMost) knownKeys.set(label, key);
  return key;
}

/** Each person's picker label, with the title (then a number) added where two labels would read the same. */
export function personLabels(people: readonly Pick<Person, 'id' | 'name' | 'nativeName' | 'title'>[]): Map<number, string> {
  // Each label's key worked out once: a picker lists every person of the store.
  const count = (keys: string[]) => keys.reduce((seen, key) => seen.set(key, (seen.get(key) ?? 0) + 1), new Map<string, number>());
  const plain = people.map(personLabel);
  const plainKeys = plain.map(keyOf);
  const plainCount = count(plainKeys);
  const titled = people.map((person, index) => {
    const label = plain[index] ?? person.name;
    return (plainCount.get(plainKeys[index] ?? '') ?? 0) > 1 && person.title.trim() !== '' ? `${label} · ${person.title}` : label;
  });
  const titledKeys = titled.map((label, index) => (label === plain[index] ? (plainKeys[index] ?? '') : keyOf(label)));
  const titledCount = count(titledKeys);
  const seen = new Map<string, number>();
  const labels = new Map<number, string>();
  people.forEach((person, index) => {
    const label = titled[index] ?? person.name;
    const key = titledKeys[index] ?? '';
    if ((titledCount.get(key) ?? 0) < 2) {
      labels.set(person.id, label);
      return;
    }
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    labels.set(person.id, `${label} (${nth})`);
  });
  return labels;
}
