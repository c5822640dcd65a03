import type { Db } from '../db/open.ts';
import { readSetting, writeSetting } from '../db/settings.ts';
import { isTimeZoneName } from '../shared/fieldRules.ts';

// The home time zone is the home capital's, not wherever the laptop is today.
// Left unstored, it would follow the computer's zone until any other setting
// was saved (which writes every setting) and stay frozen from then on: a desk
// flown from Oslo to Auckland would print Auckland as "home" or not, depending
// on whether its officer had once changed the theme. Written once, at set-up,
// it changes only when the officer changes it in Settings.

/** Stores the computer's zone as the home zone if the store has none yet; a zone already stored is kept. */
export function pinHomeTimeZone(db: Db, computerZone: string): void {
  const stored = readSetting(db, 'settings');
  const settings = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const current = settings.homeTimeZone;
  if (typeof current === 'string' && isTimeZoneName(current)) return;
  if (!isTimeZoneName(computerZone)) return;
  writeSetting(db, 'settings', { ...settings, homeTimeZone: computerZone });
}
