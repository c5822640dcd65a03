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
