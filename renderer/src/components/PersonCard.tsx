import type { Person } from '../../../shared/domain.ts';
import { scriptLanguage } from '../../../shared/scriptLanguage.ts';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf } from '../router.ts';
import { StoredText } from './StoredText.tsx';

/** A person as lists show them: name, native-script name, and title. */
export function PersonCard({ person }: { person: Pick<Person, 'id' | 'name' | 'nativeName' | 'title' | 'classification'> }) {
  return (
    <li>
      <PortionMark classification={person.classification} />
      <a href={hrefOf({ view: 'people', id: person.id })}>
        <StoredText text={person.name} />
        {person.nativeName ? (
          <>
            {' ('}
            <bdi lang={scriptLanguage(person.nativeName)}>{person.nativeName}</bdi>)
          </>
        ) : null}
      </a>
      {person.title ? <span className="muted"> · {person.title}</span> : null}
    </li>
  );
}
