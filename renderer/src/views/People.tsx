import { useTranslation } from 'react-i18next';
import { scriptLanguage } from '../../../shared/scriptLanguage.ts';
import { DeleteButton } from '../components/DeleteButton.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loaded } from '../components/Loading.tsx';
import { MeetingTime } from '../components/MeetingTime.tsx';
import { PersonCard } from '../components/PersonCard.tsx';
import { StoredText } from '../components/StoredText.tsx';
import { SummitOf } from '../components/SummitOf.tsx';
import { TypedProse } from '../components/TypedProse.tsx';
import { ConflictNotice } from '../conflicts/ConflictNotice.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf, navigate } from '../router.ts';
import { useQuery } from '../useQuery.ts';

export function PeopleList() {
  const { t } = useTranslation();
  const people = useQuery('person.list', {});
  const countries = useQuery('country.list', {});
  return (
    <>
      <div className="view-header">
        <h1>{t('people.title')}</h1>
        <a className="button" href={hrefOf({ view: 'new', entity: 'person' })}>
          {t('people.new')}
        </a>
      </div>
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t('people.people')}</h2>
        <Loaded query={people}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('people.empty')}</EmptyState>
            ) : (
              <ul className="cards">
                {list.map((person) => (
                  <PersonCard key={person.id} person={person} />
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section aria-labelledby="countries-heading">
        <div className="view-header">
          <h2 id="countries-heading">{t('people.countries')}</h2>
          <a className="button small" href={hrefOf({ view: 'new', entity: 'country' })}>
            {t('records.newCountry')}
          </a>
        </div>
        <Loaded query={countries}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('records.noCountries')}</EmptyState>
            ) : (
              <ul className="cards">
                {list.map((country) => (
                  <li key={country.id} className="row-with-actions">
                    <span>
                      {/* Its note is text like any other: marked, and "(UNMARKED)" until someone marks it. */}
                      <PortionMark classification={country.classification} /> <strong>{country.name}</strong>
                      {country.nativeName ? <span> ({country.nativeName})</span> : null}
                      <span className="muted"> · {t(`records.countryKinds.${country.kind}`)}</span>
                      {country.note && <p className="prose muted">{country.note}</p>}
                    </span>
                    <span className="button-row">
                      <a
                        className="button small"
                        href={hrefOf({ view: 'edit', entity: 'country', id: country.id })}
                        aria-label={`${t('common.edit')}: ${country.name}`}
                      >
                        {t('common.edit')}
                      </a>
                      <DeleteButton entity="country" id={country.id} name={country.name} label={t('common.delete')} />
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

export function PersonView({ id }: { id: number }) {
  const { t } = useTranslation();
  const view = useQuery('person.view', { id });
  return (
    <Loaded query={view}>
      {({ person, country, meetings }) => (
        <article>
          <p className="muted">
            <a href={hrefOf({ view: 'people' })}>{t('people.title')}</a>
          </p>
          <div className="view-header">
            <h1>
              <PortionMark classification={person.classification} />
              <StoredText text={person.name} />
              {person.nativeName && (
                <>
                  {' '}
                  <bdi lang={scriptLanguage(person.nativeName)} className="native-name">
                    {person.nativeName}
                  </bdi>
                </>
              )}
            </h1>
            <div className="button-row">
              <a className="button" href={hrefOf({ view: 'edit', entity: 'person', id: person.id })}>
                {t('people.editPerson')}
              </a>
              <DeleteButton
                entity="person"
                id={person.id}
                name={person.name}
                label={t('people.deletePerson')}
                onDeleted={() => navigate({ view: 'people' })}
              />
            </div>
          </div>
          <ConflictNotice page={{ view: 'people', id: person.id }} />
          <p>
            {person.title}
            {country && (
              <span className="muted">
                {person.title ? ' · ' : ''}
                <PortionMark classification={country.classification} />
                <StoredText text={country.name} />
              </span>
            )}
          </p>
          <section aria-labelledby="biography-heading">
            <h2 id="biography-heading">{t('people.biography')}</h2>
            <TypedProse text={person.biography} empty={t('common.notStated')} />
          </section>
          <section aria-labelledby="person-meetings-heading">
            <h2 id="person-meetings-heading">{t('people.meetings')}</h2>
            {meetings.length === 0 ? (
              <EmptyState>{t('people.noMeetings')}</EmptyState>
            ) : (
              <ul className="cards">
                {meetings.map((meeting) => (
                  <li key={meeting.id}>
                    <PortionMark classification={meeting.classification} />
                    <a href={hrefOf({ view: 'meeting', id: meeting.id })}>
                      <StoredText text={meeting.title} />
                    </a>
                    <SummitOf summitId={meeting.summitId} />
                    <MeetingTime meeting={meeting} layout="block" />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </article>
      )}
    </Loaded>
  );
}
