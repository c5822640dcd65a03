import { formatDate } from '../../../shared/time.ts';
import { StoredText } from './StoredText.tsx';

/**
 * "Valletta · 4 Dec 2028 – 6 Dec 2028" in a summit's row: its days as its page gives them, the last only when it
 * differs from the first; the days alone when no city is given (it is optional), never " · 4 Dec 2028".
 */
export function CityAndDay({ city, day, lastDay, locale }: { city: string; day: string; lastDay?: string; locale: string }) {
  return (
    <>
      {city.trim() !== '' && (
        <>
          <StoredText text={city} /> ·{' '}
        </>
      )}
      {formatDate(day, locale)}
      {lastDay !== undefined && lastDay !== day ? ` – ${formatDate(lastDay, locale)}` : ''}
    </>
  );
}
