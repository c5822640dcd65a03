import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared/domain.ts';
import { isCalendarDate, isKnownTimeZone, isWallTime } from '../../../shared/fieldRules.ts';
import { namedOverlaps, overlapsOf, type ScheduledMeeting } from '../../../shared/meetingOverlap.ts';
import { formatMeetingTimes, formatSummitTime, isSkippedDay, isSkippedWallTime } from '../../../shared/time.ts';
import { StoredText } from '../components/StoredText.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf } from '../router.ts';
import { useLocale } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { type FormValues, formSpecs } from './specs.ts';

/**
 * The meeting as the form would save it, for comparing with the summit's others; null until its date, time
 * and zone can be read (a meeting known only by its day takes up no known time).
 */
export function typedMeeting(values: FormValues, id: number | undefined) {
  const [date, time, zone] = [String(values.date ?? ''), String(values.time ?? ''), String(values.timeZone ?? '').trim()];
  if (values.startTimeKnown !== true || !isCalendarDate(date) || !isWallTime(time) || !isKnownTimeZone(zone)) return null;
  // A time the venue's clocks skip is no instant: the field says so, and no time at the summit or overlap is worked out from it.
  if (isSkippedDay(date, zone) || isSkippedWallTime(date, time, zone)) return null;
  // The spec's own conversion, so a time the clocks pass twice is the instant the desk chose.
  const record = formSpecs.meeting.toRecord(values);
  const durationMinutes =
    typeof record.durationMinutes === 'number' && Number.isFinite(record.durationMinutes) ? record.durationMinutes : null;
  return { id: id ?? -1, startsAt: String(record.startsAt), startTimeKnown: true, durationMinutes, timeZone: zone };
}

/**
 * Other meetings of the chosen summit taking up the same time, said before saving: a principal double-booked.
 * It warns and never refuses — two officials may well attend two meetings at once.
 */
export function MeetingOverlapWarning({ summitId, values, id }: { summitId: number; values: FormValues; id: number | undefined }) {
  const { t } = useTranslation();
  const view = useQuery('summit.view', { id: summitId });
  const meeting = typedMeeting(values, id);
  if (!meeting || !view.value) return null;
  // The form's status counts too: a meeting being cancelled no longer takes anyone's time.
  const overlaps = overlapsOf({ ...meeting, status: String(values.status ?? '') }, view.value.meetings);
  if (overlaps.length === 0) return null;
  return (
    <div className="field-warning meeting-overlaps" role="status">
      <OverlappingMeetings timeZone={meeting.timeZone} overlaps={overlaps} />
      <p>{t('records.overlaps.saved')}</p>
    </div>
  );
}

/**
 * The meeting's time at its summit, under the time zone as it is typed, where the venue is in another zone: a call
 * with Honolulu typed on Nukuʻalofa's date (Thursday, 18:00) is Friday 17:00 at the summit, which nothing said
 * before it was saved. The home time is not beside it here, so a summit in the home zone is said too.
 */
export function MeetingTimeAtSummit({ summitId, values, id }: { summitId: number; values: FormValues; id: number | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const view = useQuery('summit.view', { id: summitId });
  const meeting = typedMeeting(values, id);
  if (!meeting || !view.value) return null;
  const summitTimeZone = view.value.summit.timeZone;
  const atSummit = formatSummitTime(meeting, summitTimeZone, null, locale);
  if (!atSummit) return null;
  return (
    <p className="field-hint meeting-time-at-summit" role="status">
      <span className="muted">{t('summits.summitTime', { zone: summitTimeZone })}: </span>
      {atSummit}
    </p>
  );
}

/**
 * The same warning on a saved meeting's brief, where the desk reads it, not only on its form: each meeting it
 * overlaps named, with a link to it.
 */
export function SavedMeetingOverlaps({ meeting }: { meeting: StoredMeeting }) {
  return meeting.summitId === null ? null : <OverlapsInSummit meeting={meeting} summitId={meeting.summitId} />;
}

type StoredMeeting = ScheduledMeeting & { summitId: number | null; timeZone: string };

function OverlapsInSummit({ meeting, summitId }: { meeting: StoredMeeting; summitId: number }) {
  const view = useQuery('summit.view', { id: summitId });
  if (!view.value) return null;
  const overlaps = overlapsOf(meeting, view.value.meetings);
  if (overlaps.length === 0) return null;
  return (
    <div className="field-warning meeting-overlaps" role="status">
      <OverlappingMeetings timeZone={meeting.timeZone} overlaps={overlaps} summitId={summitId} />
    </div>
  );
}

/**
 * Each overlapping meeting named with its marking and its time at its venue and, where the zones differ, in this
 * meeting's zone: the Chatham Islands' 00:15 on 1 March is Nukuʻalofa's 23:30 on 29 February, and a programme
 * lists the two under different days. Three at most, as the programme's mark names them; the rest are counted
 * (on the brief, linking to the summit's programme, which marks each).
 */
function OverlappingMeetings({
  timeZone,
  overlaps,
  summitId,
}: {
  timeZone: string;
  overlaps: MeetingSummary[];
  /** The summit, on a saved meeting's brief: each meeting named links to its brief and the count to the programme. */
  summitId?: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const linked = summitId !== undefined;
  const { named, more } = namedOverlaps(overlaps);
  return (
    <>
      <p>{t('records.overlaps.intro', { count: overlaps.length })}</p>
      <ul aria-label={t('records.overlaps.list')}>
        {named.map((other) => {
          const times = formatMeetingTimes(other, timeZone, locale);
          const title = <StoredText text={other.title} />;
          return (
            <li key={other.id}>
              <PortionMark classification={other.classification} />{' '}
              {linked ? <a href={hrefOf({ view: 'meeting', id: other.id })}>{title}</a> : title}
              {' · '}
              {t('records.overlaps.at', { time: times.venue, zone: other.timeZone })}
              {/* Podgorica keeps Tirana's clock: the same time again "in this meeting's time zone" was only noise. */}
              {times.home && times.home !== times.venue && ` · ${t('records.overlaps.here', { time: times.home })}`}
            </li>
          );
        })}
      </ul>
      {more > 0 && (
        <p className="overlaps-more">
          {linked ? (
            <a href={hrefOf({ view: 'summit', id: summitId })}>{t('records.overlaps.more', { count: more })}</a>
          ) : (
            t('records.overlaps.more', { count: more })
          )}
        </p>
      )}
    </>
  );
}
