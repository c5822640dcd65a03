import type { DeletionRecord } from '../../../db/deletions.ts';
import type { EntityName, ReferenceGroup } from '../../../shared/contract.ts';

/** Recent deletes an Undo can still reverse; the oldest are forgotten first. */
const undoLimit = 50;

export interface UndoEntry {
  /** A record a form edits, or a briefing pack. */
  entity: EntityName | 'pack';
  name: string;
  record: DeletionRecord;
  references: ReferenceGroup[];
}

/**
 * The deletes `deletion.undo` can reverse, whichever handler made them: one
 * list for records and packs, so every Undo puts back the same rows with the
 * same ids the same way.
 */
export class RecentDeletions {
  private readonly entries = new Map<number, UndoEntry>();
  private nextId = 1;

  remember(entry: UndoEntry): number {
    const undoId = this.nextId++;
    this.entries.set(undoId, entry);
    for (const old of this.entries.keys()) if (this.entries.size > undoLimit) this.entries.delete(old);
    return undoId;
  }

  /** The entry, removed from the list: an Undo runs once. */
  take(undoId: number): UndoEntry | undefined {
    const entry = this.entries.get(undoId);
    this.entries.delete(undoId);
    return entry;
  }
}
