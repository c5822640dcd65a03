// Times are stored as UTC instants plus the venue's IANA zone; Intl does the
// conversion so daylight-saving changes are right on both sides.

export function formatInZone(instant: string, timeZone: string, withTime: boolean, locale = 'en-GB'): string {
  const options: Intl.DateTimeFormatOptions = withTime
    ? {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      }
    : { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(instant));
}

/** A date written YYYY-MM-DD, shown as a calendar day (no zone shift). */
export function formatDate(isoDate: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
