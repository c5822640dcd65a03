import { describe, expect, it } from 'vitest';
import type { RecordBody, RevisionRecord } from '../../shared/sync.ts';
import { closingMark, closingRevisionId } from './closing.ts';
import { isTrashClosed, withTrashesClosed } from './trashedWhileEdited.ts';

const id = 'note:4f1c2a9e-0000-4000-8000-000000000001';
const text = (body: string, deletedAt: string | null): RecordBody => ({ body, deleted_at: deletedAt, meeting_id: 'm1' });
const root: RevisionRecord = { rev: '1-a', parent: null, deleted: false, body: text('Agenda', null) };
const trash: RevisionRecord = { rev: '2-b', parent: '1-a', deleted: false, body: text('Agenda', '2027-09-14T08:00:00Z') };
const edit: RevisionRecord = { rev: '2-c', parent: '1-a', deleted: false, body: text('Agenda, with the Riga point', null) };

describe('a trash closed because a colleague edited the note', () => {
  it('is told apart from every other closing, whatever random digits that closing drew', () => {
    const merged = withTrashesClosed({ id, entity: 'note', revisions: [edit] }, [root, trash]);
    const closing = merged.revisions.find((revision) => revision.deleted);
    expect(closing?.parent).toBe(trash.rev);
    expect(isTrashClosed(id, closing?.rev ?? '', trash.rev)).toBe(true);
    // A losing version dismissed is closed under the same eight zeros with random digits: one in sixteen starts
    // with the digit the trash's closing puts next. Such a closing must not be announced as a trash.
    const dismissed = `3-${closingMark}7${'0123456789abcdef0123456'}`;
    expect(isTrashClosed(id, dismissed, '2-c')).toBe(false);
    for (let draw = 0; draw < 64; draw += 1) expect(isTrashClosed(id, closingRevisionId('2-c'), '2-c')).toBe(false);
    // Nor is the trash's own closing read as one under another record or another parent.
    expect(isTrashClosed('note:another', closing?.rev ?? '', trash.rev)).toBe(false);
    expect(isTrashClosed(id, closing?.rev ?? '', edit.rev)).toBe(false);
  });
});
