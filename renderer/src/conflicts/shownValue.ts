import { useTranslation } from 'react-i18next';
import type { ConflictSide } from '../../../shared/conflicts.ts';
import { formatMeetingTimes } from '../../../shared/time.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';

/** A field's value as the screen shows it: a reference by name, a meeting's time as its brief shows it, empty said as such. */
export function useShownValue(): (side: ConflictSide, field: string) => string {
  const { t } = useTranslation();
  const { homeTimeZone } = useSettings();
  const locale = useLocale();
  return (side, field) => {
    const value = side.values[field] ?? null;
    if (field in side.shown) return side.shown[field] ?? '';
    if (value === null || value === '') return t('conflicts.empty');
    if (field === 'start_time_known') return value ? t('conflicts.yes') : t('conflicts.no');
    // The stored instant is UTC: across the date line it even reads as the day before. Each version is shown
    // in its own venue zone, and at home, as the brief shows it.
    if (field === 'starts_at' && typeof value === 'string' && typeof side.values.time_zone === 'string') {
      const timeZone = side.values.time_zone;
      const duration = side.values.duration_minutes;
      const times = formatMeetingTimes(
        {
          startsAt: value,
          startTimeKnown: Boolean(side.values.start_time_known ?? true),
          timeZone,
          durationMinutes: typeof duration === 'number' ? duration : null,
        },
        homeTimeZone,
        locale,
      );
      const venue = times.timeKnown ? `${times.venue} (${timeZone})` : `${times.venue} · ${t('meeting.timeNotStated')}`;
      return times.home ? `${venue} · ${t('summits.homeTime', { zone: homeTimeZone })}: ${times.home}` : venue;
    }
    return String(value);
  };
}
