import type { ConflictDecision, ConflictPage, ConflictSummary, FieldValue, RecordConflict } from '../../../shared/conflicts.ts';
import { type LoweredMarking, loweredMarking as loweredBy } from '../../../shared/loweredMarking.ts';
import type { Route } from '../router.ts';

export type { LoweredMarking };

/** The route of the page that shows a record in conflict. */
export function routeOf(page: ConflictPage): Route {
  return 'id' in page ? { view: page.view, id: page.id } : { view: page.view };
}

/**
 * The conflicts (or notices of records kept over a deletion) shown on one record's page: its own, and those of
 * what the page lists as part of it (a meeting's participants).
 */
export function conflictsOnPage<T extends Pick<ConflictSummary, 'page'>>(conflicts: readonly T[], page: ConflictPage): T[] {
  return conflicts.filter(
    (conflict) => conflict.page?.view === page.view && ('id' in page ? 'id' in conflict.page && conflict.page.id === page.id : true),
  );
}

/**
 * Two versions of a text in one, nothing of either dropped: the lines both
 * keep at the start and the end once, what each changed in between one after
 * the other; texts with nothing in common are set apart by a rule.
 */
export function combinedText(first: string, second: string): string {
  if (first === second || second.trim() === '') return first;
  if (first.trim() === '') return second;
  const a = first.split('\n');
  const b = second.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (head === 0 && tail === 0) return `${first}\n\n---\n\n${second}`;
  return [...a.slice(0, head), ...a.slice(head, a.length - tail), ...b.slice(head, b.length - tail), ...a.slice(a.length - tail)].join(
    '\n',
  );
}

/** Every side's text of a long field in one, the version shown first. */
export function combinedTexts(values: readonly FieldValue[]): string {
  return values.map((value) => (value === null ? '' : String(value))).reduce(combinedText, '');
}

/**
 * The highest marking of the versions kept beside the one shown, when above the shown one (a marking the scheme
 * lacks counts as above): a pack prints the record at it until the versions are settled. Undefined otherwise, and
 * for an unmarked record, which waits to be marked.
 */
export function higherMarkingKept(conflict: ConflictSummary, levels: readonly string[]): string | undefined {
  const rank = (marking: string) => (levels.includes(marking) ? levels.indexOf(marking) : levels.length);
  if (conflict.classification === '') return undefined;
  return conflict.otherMarkings
    .filter((marking) => marking !== '' && rank(marking) > rank(conflict.classification))
    .sort((a, b) => rank(b) - rank(a))[0];
}

/** What a decision would do to the record's marking when it lowers it (shared/loweredMarking.ts, the store's own rule). */
export function loweredMarking(conflict: RecordConflict, decision: ConflictDecision, levels: readonly string[]): LoweredMarking | null {
  return loweredBy(conflict.winner, conflict.losers, decision, levels);
}
