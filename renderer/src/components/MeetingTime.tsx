import { useTranslation } from 'react-i18next';
import { formatMeetingTimes, formatSummitTime } from '../../../shared/time.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';

interface TimedMeeting {
  startsAt: string;
  startTimeKnown: boolean;
  timeZone: string;
  durationMinutes?: number | null;
}

/**
 * A meeting's time at the venue and in the home zone; a date alone when the time of day is not known. With its
 * summit's zone, also the time at the summit where that is another zone than both (a call with Honolulu during a
 * summit in Nukuʻalofa is listed under Honolulu's day, the day before the delegation's).
 */
export function MeetingTime({
  meeting,
  layout = 'inline',
  summitTimeZone,
}: {
  meeting: TimedMeeting;
  layout?: 'inline' | 'block';
  summitTimeZone?: string | undefined;
}) {
  const { t } = useTranslation();
  const { homeTimeZone } = useSettings();
  const locale = useLocale();
  const times = formatMeetingTimes(meeting, homeTimeZone, locale);
  const atSummit = summitTimeZone === undefined ? null : formatSummitTime(meeting, summitTimeZone, homeTimeZone, locale);
  const Tag = layout === 'block' ? 'div' : 'span';
  return (
    <Tag className="meeting-time">
      <span className="venue-time">
        <time dateTime={meeting.startsAt}>{times.venue}</time>
        {times.timeKnown && <span className="muted"> ({meeting.timeZone})</span>}
      </span>
      {!times.timeKnown && <span className="muted"> · {t('meeting.timeNotStated')}</span>}
      {atSummit && (
        <span className="summit-time">
          {layout === 'block' ? <br /> : ' · '}
          <span className="muted">{t('summits.summitTime', { zone: summitTimeZone })}: </span>
          {atSummit}
        </span>
      )}
      {times.home && (
        <span className="home-time">
          {layout === 'block' ? <br /> : ' · '}
          <span className="muted">{t('summits.homeTime', { zone: homeTimeZone })}: </span>
          {times.home}
        </span>
      )}
    </Tag>
  );
}
