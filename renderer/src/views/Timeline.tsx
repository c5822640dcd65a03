import { useTranslation } from 'react-i18next';
import { DeleteButton } from '../components/DeleteButton.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { formatEventDate } from '../components/eventDate.ts';
import { Loaded } from '../components/Loading.tsx';
import { StoredText } from '../components/StoredText.tsx';
import { SummitLabel, useSummitsById } from '../components/SummitOf.tsx';
import { TypedProse } from '../components/TypedProse.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf } from '../router.ts';
import { useLocale } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';

export function TimelineView() {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeline = useQuery('timeline.list', {});
  const summits = useSummitsById();
  return (
    <>
      <div className="view-header">
        <h1>{t('timeline.title')}</h1>
        <a className="button" href={hrefOf({ view: 'new', entity: 'timelineEvent' })}>
          {t('timeline.newEvent')}
        </a>
      </div>
      <Loaded query={timeline}>
        {(events) =>
          events.length === 0 ? (
            <EmptyState>{t('timeline.empty')}</EmptyState>
          ) : (
            <ol className="timeline">
              {events.map((event) => (
                <li key={event.id}>
                  <time dateTime={event.occurredOn} className="timeline-date">
                    {formatEventDate(event, locale)}
                  </time>
                  <div>
                    <PortionMark classification={event.classification} />
                    <strong>
                      <StoredText text={event.title} />
                    </strong>
                    {event.summitId !== null && <SummitLabel summit={summits.get(event.summitId)} />}
                    <TypedProse text={event.description} />
                    {event.sourceExcerpt && (
                      <blockquote>
                        <StoredText text={event.sourceExcerpt} />
                      </blockquote>
                    )}
                    {event.summitId && <a href={hrefOf({ view: 'summit', id: event.summitId })}>{t('timeline.openSummit')}</a>}{' '}
                    <a
                      href={hrefOf({ view: 'edit', entity: 'timelineEvent', id: event.id })}
                      aria-label={t('timeline.editEvent', { title: event.title })}
                    >
                      {t('common.edit')}
                    </a>
                    <div className="button-row">
                      <DeleteButton entity="timelineEvent" id={event.id} name={event.title} label={t('common.delete')} />
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </>
  );
}
