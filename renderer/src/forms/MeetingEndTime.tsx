import { useTranslation } from 'react-i18next';
import { numberRanges } from '../../../shared/fieldRules.ts';
import { formatMeetingEnd } from '../../../shared/time.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';
import { typedMeeting } from './MeetingOverlapWarning.tsx';
import type { FormValues } from './specs.ts';
import { asWholeNumber } from './validate.ts';

/**
 * When the meeting typed ends, under its duration, at the venue and at home as the brief will show it: a desk
 * meaning 01:30–03:30 on the night Europe's clocks go forward typed 120 minutes and saw 04:30 CEST only once saved.
 * Nothing until the date, time and duration are all ones the form would save.
 */
export function MeetingEndTime({ values, id }: { values: FormValues; id: number | undefined }) {
  const { t } = useTranslation();
  const { homeTimeZone } = useSettings();
  const locale = useLocale();
  const duration = asWholeNumber(String(values.durationMinutes ?? ''));
  const { min, max } = numberRanges.durationMinutes;
  if (!(duration >= min && duration <= max)) return null;
  const meeting = typedMeeting(values, id);
  if (!meeting) return null;
  const atVenue = formatMeetingEnd(meeting, meeting.timeZone, locale);
  if (!atVenue) return null;
  const atHome = formatMeetingEnd(meeting, homeTimeZone, locale);
  // A home zone keeping the venue's clock (Podgorica's for Tirana) would only say the same again.
  const homeDiffers = atHome && (atHome.time !== atVenue.time || atHome.day !== atVenue.day);
  return (
    // A hint read where it stands, not a live region: announced at every key typed into the duration, and one more
    // "status" on a page whose toasts are found by that role.
    <p className="field-hint meeting-end-time">
      {t('records.meetingEnd.venue', atVenue)}
      {homeDiffers && ` · ${t('records.meetingEnd.home', { ...atHome, zone: homeTimeZone })}`}
    </p>
  );
}
