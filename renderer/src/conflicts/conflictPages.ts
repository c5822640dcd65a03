import type { ConflictPage, ConflictSummary, FieldValue } from '../../../shared/conflicts.ts';
import type { Route } from '../router.ts';

/** The route of the page that shows a record in conflict. */
export function routeOf(page: ConflictPage): Route {
  return 'id' in page ? { view: page.view, id: page.id } : { view: page.view };
}

/** The conflicts shown on one record's page: its own, and those of what the page lists as part of it (a meeting's participants). */
export function conflictsOnPage(conflicts: readonly ConflictSummary[], page: ConflictPage): ConflictSummary[] {
  return conflicts.filter(
    (conflict) => conflict.page?.view === page.view && ('id' in page ? 'id' in conflict.page && conflict.page.id === page.id : true),
  );
}

/** Every side's text of a long field in one, the version shown first, so nothing of either is dropped. */
export function combinedTexts(values: readonly FieldValue[]): string {
  const texts: string[] = [];
  for (const value of values) {
    const text = value === null ? '' : String(value);
    if (text.trim() !== '' && !texts.includes(text)) texts.push(text);
  }
  return texts.join('\n\n---\n\n');
}
