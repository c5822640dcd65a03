import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { shortened } from '../../../shared/shortened.ts';
import { dayInZone, formatCountdown, formatDate, formatDayCountdown, formatSince } from '../../../shared/time.ts';
import { CityAndDay } from '../components/CityAndDay.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loaded } from '../components/Loading.tsx';
import { MeetingTime } from '../components/MeetingTime.tsx';
import { StoredText } from '../components/StoredText.tsx';
import { SummitLabel, useSummitsById } from '../components/SummitOf.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf } from '../router.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';
import { type QueryState, useQuery } from '../useQuery.ts';

export function Dashboard() {
  const { t } = useTranslation();
  const locale = useLocale();
  // Countdowns to a day count from the day it is at home, as the pack's "Prepared" date does.
  const { homeTimeZone } = useSettings();
  const dashboard = useQuery('dashboard.get', {});
  const summits = useQuery('summit.list', {});
  // One lookup for every meeting row's summit, not a subscription and a scan of the 300 summits per row.
  const summitsById = useSummitsById();
  // Every summit of the desk (300 on a busy one) is listed far below the fold and is two thirds of Today's
  // elements: it renders in the moment after Today's first paint (React's deferred render, which yields to the
  // browser), not in it, so what is coming up shows first. Until then, and whenever it is behind, it says so.
  const listedSummits = useDeferredValue(summits.value ?? null, null);
  const allSummits: QueryState<NonNullable<typeof summits.value>> =
    summits.status !== 'ready' ? summits : listedSummits ? { status: 'ready', value: listedSummits } : { status: 'loading' };
  // The follow-ups and recent notes (sixty of Today's hundred rows) sit in the grid's second row, below the upcoming
  // summits and meetings: they render in the same deferred render, just after the first paint, as the list above.
  const laterToday = useDeferredValue(dashboard.value ?? null, null);
  const now = new Date();
  return (
    <>
      <h1>{t('today.title')}</h1>
      <Loaded query={dashboard}>
        {(today) => (
          <div className="dashboard-grid">
            <section aria-labelledby="upcoming-summits-heading">
              <h2 id="upcoming-summits-heading">{t('today.upcomingSummits')}</h2>
              {today.upcomingSummits.length === 0 ? (
                <EmptyState>{t('today.noUpcomingSummits')}</EmptyState>
              ) : (
                <ul className="cards today-rows">
                  {today.upcomingSummits.map((summit) => (
                    <li key={summit.id}>
                      <PortionMark classification={summit.classification} />
                      <a href={hrefOf({ view: 'summit', id: summit.id })}>
                        <StoredText text={summit.title} />
                      </a>
                      <span className="muted">
                        {' '}
                        <CityAndDay city={summit.city} day={summit.startDate} lastDay={summit.endDate} locale={locale} /> ·{' '}
                      </span>
                      <strong className="countdown">{formatDayCountdown(summit.startDate, now, locale, homeTimeZone)}</strong>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="upcoming-meetings-heading">
              <h2 id="upcoming-meetings-heading">{t('today.upcomingMeetings')}</h2>
              {today.upcomingMeetings.length === 0 ? (
                <EmptyState>{t('today.noUpcomingMeetings')}</EmptyState>
              ) : (
                <ul className="cards today-rows">
                  {today.upcomingMeetings.map((meeting) => (
                    <li key={meeting.id}>
                      <PortionMark classification={meeting.classification} />
                      <a href={hrefOf({ view: 'meeting', id: meeting.id })}>
                        <StoredText text={meeting.title} />
                      </a>
                      {meeting.summitId !== null && <SummitLabel summit={summitsById.get(meeting.summitId)} />}{' '}
                      <strong className="countdown">
                        {meeting.startTimeKnown
                          ? formatCountdown(meeting.startsAt, now, locale, homeTimeZone)
                          : // With no time of day, count whole days to the venue's date, not to its midnight.
                            formatDayCountdown(dayInZone(meeting.startsAt, meeting.timeZone), now, locale, homeTimeZone)}
                      </strong>
                      <MeetingTime meeting={meeting} layout="block" />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="follow-ups-heading">
              <h2 id="follow-ups-heading">{t('today.followUps')}</h2>
              {!laterToday ? (
                <p className="muted">{t('app.loading')}</p>
              ) : laterToday.openFollowUps.length === 0 ? (
                <EmptyState>{t('today.noFollowUps')}</EmptyState>
              ) : (
                <ul className="cards today-rows">
                  {[...laterToday.openFollowUps]
                    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))
                    .map((action) => (
                      <li key={action.id}>
                        <PortionMark classification={action.classification} />
                        {action.meetingId ? (
                          <a href={hrefOf({ view: 'meeting', id: action.meetingId })}>
                            <StoredText text={action.description} />
                          </a>
                        ) : (
                          <StoredText text={action.description} />
                        )}
                        <span className="muted">
                          {' · '}
                          {action.dueOn
                            ? t('today.due', {
                                when: `${formatDate(action.dueOn, locale)} (${formatDayCountdown(action.dueOn, now, locale, homeTimeZone)})`,
                              })
                            : t('today.noDueDate')}
                          {action.owner.trim() ? ` · ${t('today.owner', { owner: action.owner.trim() })}` : ''}
                        </span>
                      </li>
                    ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="recent-notes-heading">
              <h2 id="recent-notes-heading">{t('today.recentNotes')}</h2>
              {!laterToday ? (
                <p className="muted">{t('app.loading')}</p>
              ) : laterToday.recentNotes.length === 0 ? (
                <EmptyState action={<a href={hrefOf({ view: 'notes' })}>{t('nav.notes')}</a>}>{t('today.noNotes')}</EmptyState>
              ) : (
                <ul className="cards today-rows">
                  {laterToday.recentNotes.map((note) => (
                    <li key={note.id}>
                      <PortionMark classification={note.classification} />
                      <a href={hrefOf({ view: 'notes', id: note.id })}>
                        <bdi>{note.title || shortened(note.body, 60)}</bdi>
                      </a>
                      <span className="muted"> · {formatSince(note.updatedAt, now, locale, homeTimeZone)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        )}
      </Loaded>
      <section aria-labelledby="summits-heading">
        <h2 id="summits-heading">{t('today.allSummits')}</h2>
        <Loaded query={allSummits}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState action={<a href={hrefOf({ view: 'new', entity: 'summit' })}>{t('summits.new')}</a>}>
                {t('summits.empty')}
              </EmptyState>
            ) : (
              <ul className="cards today-rows">
                {list.map((summit) => (
                  <li key={summit.id}>
                    <PortionMark classification={summit.classification} />
                    <a href={hrefOf({ view: 'summit', id: summit.id })}>
                      <StoredText text={summit.title} />
                    </a>
                    <span className="muted">
                      {' '}
                      <CityAndDay city={summit.city} day={summit.startDate} lastDay={summit.endDate} locale={locale} />
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
