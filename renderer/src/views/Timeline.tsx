import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../shared/domain.ts';
import { formatDate } from '../../../shared/time.ts';
import { DeleteButton } from '../components/DeleteButton.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loaded } from '../components/Loading.tsx';
import { SummitLabel, useSummitsById } from '../components/SummitOf.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf } from '../router.ts';
import { useLocale } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';

/** A date shown only as precisely as the source gives it: "2006", "November 2022", "11 July 2023". */
function formatEventDate(event: TimelineEvent, locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    event.precision === 'year'
      ? { year: 'numeric' }
      : event.precision === 'month'
        ? { month: 'long', year: 'numeric' }
        : { day: 'numeric', month: 'long', year: 'numeric' };
  return formatDate(event.occurredOn, locale, options);
}

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
                    <strong>{event.title}</strong>
                    {event.summitId !== null && <SummitLabel summit={summits.get(event.summitId)} />}
                    {event.description && <p className="prose">{event.description}</p>}
                    {event.sourceExcerpt && <blockquote>{event.sourceExcerpt}</blockquote>}
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
