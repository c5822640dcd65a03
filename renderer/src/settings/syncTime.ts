import { dateTimeFormat, zoneAbbreviation } from '../../../shared/time.ts';
import { useLocale, useSettings } from './SettingsContext.tsx';

/** To the second, and with the zone named as every time in Sherpa: colleagues compare these across zones. */
export function useSyncTime(): (iso: string) => string {
  const settings = useSettings();
  const locale = useLocale();
  return (iso) =>
    `${dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: settings.homeTimeZone }).format(new Date(iso))} ${zoneAbbreviation(iso, settings.homeTimeZone)}`;
}
