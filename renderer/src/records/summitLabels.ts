import type { Summit } from '../../../shared/domain.ts';
import { nameKey } from './namesakes.ts';

// A desk briefs the same summit year after year, and often titles it the same
// ("Cumbre Iberoamericana" in Santo Domingo, then in Cuenca, then in Madrid).
// A picker offering the title alone made the officer of a tenth summit guess
// which one a meeting, a pack or a search belonged to, and a wrong guess files
// the new brief under an old summit. A title shared (read alike, as names are:
// namesakes.ts) says where and when; a title nobody shares stays as it is.

/** Each summit's picker label: the title, with city and year (then the start date) where two would read the same. */
export function summitLabels(summits: readonly Pick<Summit, 'id' | 'title' | 'city' | 'startDate'>[]): Map<number, string> {
  const count = (labels: string[]) =>
    labels.map(nameKey).reduce((seen, key) => seen.set(key, (seen.get(key) ?? 0) + 1), new Map<string, number>());
  const titles = summits.map((summit) => summit.title);
  const titleCount = count(titles);
  const placed = summits.map((summit, index) => {
    const title = titles[index] ?? summit.title;
    if ((titleCount.get(nameKey(title)) ?? 0) < 2) return title;
    const where = summit.city.trim();
    const year = summit.startDate.slice(0, 4);
    return `${title} · ${where === '' ? year : `${where}, ${year}`}`;
  });
  const placedCount = count(placed);
  const labels = new Map<number, string>();
  summits.forEach((summit, index) => {
    const label = placed[index] ?? summit.title;
    // Two of the same city and year (a spring and an autumn meeting): the day tells them apart.
    labels.set(summit.id, (placedCount.get(nameKey(label)) ?? 0) > 1 && label !== summit.title ? `${label} · ${summit.startDate}` : label);
  });
  return labels;
}
