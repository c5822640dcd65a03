import { formatDate } from '../../../shared/time.ts';

/** "Valletta · 4 Dec 2028" in a summit's row; the day alone when no city is given (it is optional), never " · 4 Dec 2028". */
export function CityAndDay({ city, day, locale }: { city: string; day: string; locale: string }) {
  return (
    <>
      {city.trim() !== '' && (
        <>
          <bdi>{city}</bdi> ·{' '}
        </>
      )}
      {formatDate(day, locale)}
    </>
  );
}
