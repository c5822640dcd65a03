import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/domain.ts';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { navigate } from '../router.ts';
import { namesakesOf } from './namesakes.ts';
import { personLabel } from './personLabels.ts';

/**
 * Under a new person's name: the people already stored under that name, each
 * with a way to take them instead (chosen in the picker that opened the form,
 * or opened), since a second record of one person splits their meetings.
 * Each carries its portion mark and counts towards the banner: a stored
 * person may be marked higher than the blank form showing them.
 */
export function NamesakeWarning({
  typed,
  people,
  onChoose,
}: {
  typed: { name: string; nativeName: string };
  people: readonly Person[];
  /** Set when the form was opened from a picker: the existing person is chosen there instead. */
  onChoose?: ((person: Person) => void) | undefined;
}) {
  const { t } = useTranslation();
  const namesakes = namesakesOf(typed, people);
  if (namesakes.length === 0) return null;
  return (
    <div className="field-warning namesakes" role="status">
      <p>{t('records.namesakes.intro', { count: namesakes.length })}</p>
      <ul aria-label={t('records.namesakes.list')}>
        {namesakes.map((person) => (
          <li key={person.id}>
            <PortionMark classification={person.classification} />
            <bdi>{personLabel(person)}</bdi>
            {person.title ? ` · ${person.title}` : ''}{' '}
            {onChoose ? (
              <button type="button" className="small" onClick={() => onChoose(person)}>
                {t('records.namesakes.choose', { name: person.name })}
              </button>
            ) : (
              <button type="button" className="small" onClick={() => navigate({ view: 'people', id: person.id })}>
                {t('records.namesakes.open', { name: person.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
