import type { Person } from '../../../shared/domain.ts';

// Two people may share a name (two officials called Kim Min-ji): both are real
// records, so the store takes them. A picker showing "Kim Min-ji (김민지)" twice
// made the desk officer guess which one became the counterpart; the label of a
// shared name says more, so each choice can be told apart.

/** Name with the native script, as every picker shows a person. */
export function personLabel(person: Pick<Person, 'name' | 'nativeName'>): string {
  return person.nativeName && person.nativeName !== person.name ? `${person.name} (${person.nativeName})` : person.name;
}

/** Each person's picker label, with the title (then a number) added where two labels would read the same. */
export function personLabels(people: readonly Pick<Person, 'id' | 'name' | 'nativeName' | 'title'>[]): Map<number, string> {
  const count = (labels: string[]) =>
    labels.reduce((seen, label) => seen.set(label, (seen.get(label) ?? 0) + 1), new Map<string, number>());
  const plain = people.map(personLabel);
  const plainCount = count(plain);
  const titled = people.map((person, index) => {
    const label = plain[index] ?? person.name;
    return (plainCount.get(label) ?? 0) > 1 && person.title.trim() !== '' ? `${label} · ${person.title}` : label;
  });
  const titledCount = count(titled);
  const seen = new Map<string, number>();
  const labels = new Map<number, string>();
  people.forEach((person, index) => {
    const label = titled[index] ?? person.name;
    if ((titledCount.get(label) ?? 0) < 2) {
      labels.set(person.id, label);
      return;
    }
    const nth = (seen.get(label) ?? 0) + 1;
    seen.set(label, nth);
    labels.set(person.id, `${label} (${nth})`);
  });
  return labels;
}
