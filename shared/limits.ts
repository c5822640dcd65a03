// Limits every transport enforces the same way (the Electron adapter and the
// loopback harness), so a request is refused before it costs the store's
// process more than this much memory.

/**
 * The largest request a channel accepts, in bytes of JSON. The largest real
 * one is a note at its 100,000-character limit with every character escaped
 * (6 bytes each): 600 KB. Twice that leaves room and still refuses a runaway paste.
 */
export const maxRequestBytes = 1_200_000;

// Grouped by hand, not by toLocaleString: that loads the runtime's number formatting as the module loads, tens
// of milliseconds of every start of the store's process on a busy machine, for a sentence seldom shown.
const grouped = (count: number) => String(count).replace(/\B(?=(\d{3})+$)/g, ',');

export const tooLargeMessage = `The request is larger than Sherpa accepts (${grouped(maxRequestBytes)} bytes). Nothing was changed.`;

/**
 * Whether `value`, written as JSON, would exceed `limit` bytes. A lower bound
 * counted while walking (strings by UTF-16 length, one byte per punctuation
 * mark), stopped as soon as it passes the limit: a 100 MB string or 200,000
 * keys are answered without copying them.
 */
export function exceedsRequestLimit(value: unknown, limit: number = maxRequestBytes): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'string') size += next.length + 2;
    else if (Array.isArray(next)) {
      size += next.length + 1;
      for (const item of next) stack.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const key in next) {
        if (!Object.hasOwn(next, key)) continue;
        size += key.length + 4;
        stack.push((next as Record<string, unknown>)[key]);
        if (size > limit) return true;
      }
      size += 2;
    } else size += 4;
    if (size > limit) return true;
  }
  return false;
}
