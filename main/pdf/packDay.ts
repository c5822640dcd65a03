import { dayInZone } from '../../shared/time.ts';

/**
 * The day a pack is prepared on: the desk officer's calendar day in the home
 * time zone (Settings). The cover, the copy stamp and the file name all take
 * it from one reading of the clock, so they agree even a second before midnight.
 */
export function packDay(homeTimeZone: string, now: Date): string {
  return dayInZone(now.toISOString(), homeTimeZone);
}
