import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared/domain.ts';
import { namedOverlaps, overlapsByMeeting } from '../../../shared/meetingOverlap.ts';
import { formatDate } from '../../../shared/time.ts';
import { CityAndDay } from '../components/CityAndDay.tsx';
import { DeleteButton } from '../components/DeleteButton.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { formatEventDate } from '../components/eventDate.ts';
import { Loaded } from '../components/Loading.tsx';
import { MeetingTime } from '../components/MeetingTime.tsx';
import { StoredText } from '../components/StoredText.tsx';
import { TypedProse } from '../components/TypedProse.tsx';
import { VirtualList } from '../components/VirtualList.tsx';
import { ConflictNotice } from '../conflicts/ConflictNotice.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { summitLabels } from '../records/summitLabels.ts';
import { hrefOf, navigate } from '../router.ts';
import { useLocale } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { SummitParticipants, SummitSectors } from './SummitLists.tsx';
import { type ProgrammeRow, programmeRows } from './summitProgramme.ts';

export function SummitList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const summits = useQuery('summit.list', {});
  return (
    <>
      <div className="view-header">
        <h1>{t('summits.title')}</h1>
        <a className="button" href={hrefOf({ view: 'new', entity: 'summit' })}>
          {t('summits.new')}
        </a>
      </div>
      <Loaded query={summits}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('summits.empty')}</EmptyState>
          ) : (
            <ul className="cards">
              {list.map((summit) => (
                <li key={summit.id}>
                  <PortionMark classification={summit.classification} />
                  <a href={hrefOf({ view: 'summit', id: summit.id })}>{summit.title}</a>
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
    </>
  );
}

// Made once, not per render: the list recomputes every row's position whenever these change (VirtualList).
const programmeRowKey = (row: ProgrammeRow) => (row.kind === 'day' ? `day-${row.day}` : `meeting-${row.meeting.id}`);
const programmeRowSize = (row: ProgrammeRow) => (row.kind === 'day' ? 52 : 76);

export function SummitView({ id }: { id: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const view = useQuery('summit.view', { id });
  // Deleting one edition of a summit the desk titles alike every year: the dialog and the toast say which edition.
  const summits = useQuery('summit.list', {});
  const rows = useMemo(() => programmeRows(view.value?.meetings ?? [], view.value?.summit), [view.value]);
  // Meetings taking up the same time, compared as instants: the programme lists them under their venues' days.
  const overlaps = useMemo(() => overlapsByMeeting(view.value?.meetings ?? []), [view.value]);
  // Each row's props are the same objects from one render to the next (the rows and overlaps above), so a row
  // already drawn is not drawn again when the list renders as it finds its place, measures its rows or scrolls.
  const summitTimeZone = view.value?.summit.timeZone;
  const renderRow = useCallback(
    (row: ProgrammeRow) =>
      row.kind === 'day' ? (
        <DayHeading row={row} locale={locale} />
      ) : (
        <MeetingRow meeting={row.meeting} overlaps={overlaps.get(row.meeting.id)} summitTimeZone={summitTimeZone} />
      ),
    [overlaps, locale, summitTimeZone],
  );
  return (
    <Loaded query={view}>
      {({ summit, country, meetings, timeline, participants, sectors }) => (
        <article>
          <div className="view-header">
            <h1>
              <PortionMark classification={summit.classification} />
              <StoredText text={summit.title} />
            </h1>
            <div className="button-row">
              <a className="button" href={hrefOf({ view: 'edit', entity: 'summit', id: summit.id })}>
                {t('common.edit')}
              </a>
              <DeleteButton
                entity="summit"
                id={summit.id}
                name={summitLabels(summits.value ?? [summit]).get(summit.id) ?? summit.title}
                label={t('common.delete')}
                onDeleted={() => navigate({ view: 'summits' })}
                onRestored={() => navigate({ view: 'summit', id: summit.id })}
              />
            </div>
          </div>
          <ConflictNotice page={{ view: 'summit', id: summit.id }} />
          <section aria-labelledby="overview-heading">
            {/* The summit's own details and description: the heading carries its mark, as a brief's sections do. */}
            <h2 id="overview-heading">
              <PortionMark classification={summit.classification} />
              {t('summits.overview')}
            </h2>
            <dl className="key-details">
              <dt>{t('summits.dates')}</dt>
              <dd>
                {formatDate(summit.startDate, locale)}
                {summit.endDate !== summit.startDate ? ` – ${formatDate(summit.endDate, locale)}` : ''}
              </dd>
              <dt>{t('summits.city')}</dt>
              <dd>{summit.city || t('common.none')}</dd>
              <dt>{t('summits.country')}</dt>
              <dd>
                {country ? (
                  <>
                    <PortionMark classification={country.classification} /> <StoredText text={country.name} />
                  </>
                ) : (
                  t('common.none')
                )}
              </dd>
              <dt>{t('summits.timeZone')}</dt>
              <dd>{summit.timeZone}</dd>
            </dl>
            <TypedProse text={summit.description} />
          </section>
          <section aria-labelledby="participants-heading">
            <h2 id="participants-heading">{t('summits.participants')}</h2>
            {participants.total === 0 ? (
              <EmptyState>{t('summits.noParticipants')}</EmptyState>
            ) : (
              <SummitParticipants summitId={summit.id} start={participants} />
            )}
          </section>
          {sectors.total > 0 && (
            <section aria-labelledby="summit-sectors-heading">
              <h2 id="summit-sectors-heading">{t('summits.sectors')}</h2>
              <SummitSectors summitId={summit.id} start={sectors} />
            </section>
          )}
          <section aria-labelledby="meetings-heading">
            <div className="view-header">
              <h2 id="meetings-heading">
                {t('summits.meetings')} <span className="muted">({t('summits.meetingCount', { count: meetings.length })})</span>
              </h2>
              <a className="button" href={hrefOf({ view: 'new', entity: 'meeting', defaults: { summitId: summit.id } })}>
                {t('summits.newMeeting')}
              </a>
            </div>
            {meetings.length === 0 ? (
              <EmptyState>{t('summits.noMeetings')}</EmptyState>
            ) : (
              <VirtualList
                label={t('summits.meetings')}
                rows={rows}
                rowKey={programmeRowKey}
                estimateSize={programmeRowSize}
                renderRow={renderRow}
              />
            )}
          </section>
          {timeline.length > 0 && (
            <section aria-labelledby="summit-timeline-heading">
              <h2 id="summit-timeline-heading">{t('summits.timeline')}</h2>
              <ul className="cards">
                {timeline.map((event) => (
                  <li key={event.id}>
                    <PortionMark classification={event.classification} />
                    <strong>{formatEventDate(event, locale)}</strong> <StoredText text={event.title} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </article>
      )}
    </Loaded>
  );
}

/** A day of the programme: its date at the venues, how many meetings, and whether it lies outside the summit's dates. */
const DayHeading = memo(function DayHeading({ row, locale }: { row: Extract<ProgrammeRow, { kind: 'day' }>; locale: string }) {
  const { t } = useTranslation();
  return (
    <h3 className="day-heading">
      {formatDate(row.day, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}{' '}
      <span className="muted">({t('summits.meetingCount', { count: row.count })})</span>
      {/* Dates moved after the programme was drawn up, or a meeting moved in: said, not silent. */}
      {row.outside && (
        <span className="muted">
          {' · '}
          {t(row.outside === 'before' ? 'summits.dayBeforeSummit' : 'summits.dayAfterSummit')}
        </span>
      )}
    </h3>
  );
});

/** A meeting of the programme: its marking, title, format and status, its times at the venue, at the summit and at home, its overlaps. */
const MeetingRow = memo(function MeetingRow({
  meeting,
  overlaps,
  summitTimeZone,
}: {
  meeting: MeetingSummary;
  overlaps: MeetingSummary[] | undefined;
  summitTimeZone: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="meeting-row">
      <PortionMark classification={meeting.classification} />
      <a href={hrefOf({ view: 'meeting', id: meeting.id })}>
        <StoredText text={meeting.title} />
      </a>
      <span className="muted">
        {' '}
        · {t(`meeting.formats.${meeting.format}`)} · {t(`meeting.statuses.${meeting.status}`)}
      </span>
      <MeetingTime meeting={meeting} layout="block" summitTimeZone={summitTimeZone} />
      <OverlapMark others={overlaps} />
    </div>
  );
});

/** Which meetings this one takes up the same time as, each with its marking, as the meeting's form and brief say. */
function OverlapMark({ others }: { others: MeetingSummary[] | undefined }) {
  const { t } = useTranslation();
  if (!others || others.length === 0) return null;
  const { named, more } = namedOverlaps(others);
  return (
    <div className="field-warning overlap-mark">
      ⚠ {t('summits.overlapsWith', { count: others.length })}
      {named.map((other, index) => (
        <span key={other.id} className="overlap-with">
          {index === 0 ? ' ' : '; '}
          <PortionMark classification={other.classification} /> <StoredText text={other.title} />
        </span>
      ))}
      {more > 0 && `; ${t('summits.overlapsMore', { count: more })}`}
    </div>
  );
}
