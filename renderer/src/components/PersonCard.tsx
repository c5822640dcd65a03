import type { Person } from '../../../shared/domain.ts';

/** A person as lists show them: name, native-script name, and title. */
export function PersonCard({ person }: { person: Pick<Person, 'id' | 'name' | 'nativeName' | 'title'> }) {
  return (
    <li>
      <a href={`#/people/${person.id}`}>
        {person.name}
        {person.nativeName ? ` (${person.nativeName})` : ''}
      </a>
      <span className="muted"> · {person.title}</span>
    </li>
  );
}
