// Guarded writes: an editor says what it opened, and the store writes only if
// the record still reads so, in the same transaction as the write. The renderer
// checks this too (EditableSection, ParticipantsEditor, MeetingBiography,
// EntityForm's changedFields), but a window can only compare with what it has
// been told: a save from another window or a sync that landed a moment before
// the click is seen here, where the write happens, and nowhere else.
//
// The precondition is the opened values of what the write replaces, not the
// record's replication revision (`sync_doc.rev`): the revision moves on any
// field, so two windows writing different sections of one brief would refuse
// each other; and participants, meeting biographies and packs have no revision
// of their own. A note keeps its own version counter (note.save's baseVersion).
//
// Records, participants and meeting biographies answer `GuardedSave`. A pack's
// save keeps answering the pack (the builder and the benchmark read it): a stale
// one is refused as the typed error `conflict` on `definition`, naming the pack.
//
// Trusted writers leave `expected` out and write unchecked: replication and
// bundles (they never call these channels: they merge revisions, db/sync/merge.ts,
// and keep two desks' edits side by side as a conflict), the command-line tools
// and tests that write as "the other window" on purpose.

/** What a guarded write answers: saved, or refused because the record changed since it was opened (nothing written). */
export type GuardedSave<T> = { status: 'saved'; saved: T } | { status: 'stale'; current: T };

/** JSON with every object's keys in order: two values read from different places compare by content alone. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, field]) => field !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, field]) => [key, canonical(field)]),
    );
  return value;
}

/** Whether a stored value still reads as the editor opened it. */
export function readsAsOpened(stored: unknown, opened: unknown): boolean {
  return JSON.stringify(canonical(stored)) === JSON.stringify(canonical(opened));
}

/** The fields of `expected` whose stored value has moved on since the editor opened the record. */
export function movedFields(stored: Record<string, unknown>, expected: Record<string, unknown>): string[] {
  return Object.keys(expected).filter((field) => !readsAsOpened(stored[field] ?? null, expected[field] ?? null));
}

/** A meeting's participants as an editor opened them: compared whatever their order. */
export interface OpenedParticipant {
  personId: number;
  side: 'ours' | 'theirs';
  role: string;
}
export function sameParticipants(stored: readonly OpenedParticipant[], opened: readonly OpenedParticipant[]): boolean {
  const rows = (list: readonly OpenedParticipant[]) =>
    list.map(({ personId, side, role }) => ({ personId, side, role })).sort((a, b) => a.personId - b.personId);
  return readsAsOpened(rows(stored), rows(opened));
}
