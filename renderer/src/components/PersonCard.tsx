import type { Person } from '../../../shared/domain.ts';
import { hrefOf } from '../router.ts';

/** A person as lists show them: name, native-script name, and title. */
export function PersonCard({ person }: { person: Pick<Person, 'id' | 'name' | 'nativeName' | 'title'> }) {
  return (
    <li>
      <a href={hrefOf({ view: 'people', id: person.id })}>
        {person.name}
        {person.nativeName ? ` (${person.nativeName})` : ''}
      </a>
      <span className="muted"> · {person.title}</span>
    </li>
  );
}
