import { useTranslation } from 'react-i18next';
import { formatMeetingTimes } from '../../../shared/time.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';

interface TimedMeeting {
  startsAt: string;
  startTimeKnown: boolean;
  timeZone: string;
  durationMinutes?: number | null;
}

/** A meeting's time at the venue and in the home zone; a date alone when the time of day is not known. */
export function MeetingTime({ meeting, layout = 'inline' }: { meeting: TimedMeeting; layout?: 'inline' | 'block' }) {
  const { t } = useTranslation();
  const { homeTimeZone } = useSettings();
  const times = formatMeetingTimes(meeting, homeTimeZone, useLocale());
  const Tag = layout === 'block' ? 'div' : 'span';
  return (
    <Tag className="meeting-time">
      <span className="venue-time">
        <time dateTime={meeting.startsAt}>{times.venue}</time>
        {times.timeKnown && <span className="muted"> ({meeting.timeZone})</span>}
      </span>
      {!times.timeKnown && <span className="muted"> · {t('meeting.timeNotStated')}</span>}
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
