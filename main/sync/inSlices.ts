/** How long one slice of reading may hold the store's thread: a save asked for meanwhile waits about this at most. */
const sliceBudgetMs = 30;

/** Lets the thread answer what waits (a note's save, another window's view) before the next slice. */
export const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Work over many records in small batches, letting the thread go whenever the
 * batches since it last did took sliceBudgetMs: the results are those of the
 * work done at once, as long as each batch's result depends on its records only.
 */
export async function inSlices<T, R>(items: readonly T[], work: (batch: readonly T[]) => R, batch = 200): Promise<R[]> {
  const results: R[] = [];
  let began = performance.now();
  for (let start = 0; start < items.length; start += batch) {
    results.push(work(items.slice(start, start + batch)));
    if (performance.now() - began >= sliceBudgetMs) {
      await letOthersRun();
      began = performance.now();
    }
  }
  return results;
}

/**
 * The items sorted as Array.prototype.sort would (stably), the thread let go
 * whenever it has sorted for sliceBudgetMs: runs of a few hundred sorted
 * alone, then merged two by two.
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, run = 500): Promise<T[]> {
  let runs = await inSlices(items, (batch) => [...batch].sort(compare), run);
  let began = performance.now();
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let index = 0; index < runs.length; index += 2) {
      const left = runs[index] as T[];
      const right = runs[index + 1];
      if (!right) {
        merged.push(left);
        continue;
      }
      const joined: T[] = [];
      let l = 0;
      let r = 0;
      while (l < left.length || r < right.length) {
        // Equal items keep their order: the left run's first.
        if (r >= right.length || (l < left.length && compare(left[l] as T, right[r] as T) <= 0)) joined.push(left[l++] as T);
        else joined.push(right[r++] as T);
        if ((l + r) % 1000 === 0 && performance.now() - began >= sliceBudgetMs) {
          await letOthersRun();
          began = performance.now();
        }
      }
      merged.push(joined);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
