import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import type { ChangeEvent, DeleteResult, RecordReferences, UndoResult } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import { compareNames } from '../../../shared/sortKey.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// Deleting and undoing through the real dispatch over a real store: what a
// user is told refers to a record, what goes with it, and that Undo puts back
// the very same rows.
let db: Db;
let dispatch: Dispatch;
let handlers: ReturnType<typeof createHandlers>;
async function ok<T>(channel: string, request: unknown): Promise<T> {
  const result = await dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}
/** Every row of every table the user's records live in, to compare before and after. */
function content(): Record<string, unknown[]> {
  const tables = ['summit', 'meeting', 'meeting_participant', 'person', 'country', 'source', 'programme', 'sector', 'sector_entry'];
  const more = ['timeline_event', 'note', 'note_revision', 'follow_up', 'briefing_pack'];
  return Object.fromEntries([...tables, ...more].map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
}
const search = async (text: string) =>
  (await ok<{ kind: string; id: number }[]>('search.query', { text })).map((hit) => `${hit.kind} ${hit.id}`);

beforeEach(() => {
  db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  handlers = createHandlers({ db, clock: () => new Date('2023-07-01T08:00:00Z') });
  dispatch = createDispatch({ db, handlers });
});

describe('deleting a summit a note is linked to', () => {
  it('names the note a note, not an annotation, in what refers to it and in what the delete took along', async () => {
    const summitId = (db.prepare('SELECT id FROM summit ORDER BY id LIMIT 1').get() as { id: number }).id;
    const note = await ok<Note>('note.create', { title: 'Talanoa notes', body: 'Fakatapu', tags: [], classification: '' });
    await ok<Note>('note.link', { id: note.id, link: { summitId } });
    const references = await ok<RecordReferences>('summit.references', { id: summitId });
    expect(references.takeAlong).toContainEqual({
      table: 'free_note',
      effect: 'trashed',
      count: 1,
      names: [[{ text: 'Talanoa notes', marking: '' }]],
    });
    expect(references.takeAlong.filter((group) => group.table === 'note')).toEqual([]);
    const deleted = await ok<DeleteResult<'summit'>>('summit.delete', { id: summitId, takeAlong: true });
    expect(deleted.references).toContainEqual({
      table: 'free_note',
      effect: 'trashed',
      count: 1,
      names: [[{ text: 'Talanoa notes', marking: '' }]],
    });
  });
});

describe('deleting a sector entry with an annotation', () => {
  let entryId: number;
  let annotation: Note;
  beforeEach(async () => {
    entryId = (db.prepare('SELECT id FROM sector_entry ORDER BY id LIMIT 1').get() as { id: number }).id;
    annotation = await ok<Note>('note.create', {
      sectorEntryId: entryId,
      title: 'Desk view',
      body: 'Worth raising with the Korean side',
      tags: [],
      classification: '',
    });
  });

  it('says what refers to it: the annotation stays behind alone, or goes to the trash with it', async () => {
    const references = await ok<RecordReferences>('sectorEntry.references', { id: entryId });
    expect(references.alone).toEqual([{ table: 'note', effect: 'unlinked', count: 1, names: [[{ text: 'Desk view', marking: '' }]] }]);
    expect(references.takeAlong).toEqual([{ table: 'note', effect: 'trashed', count: 1, names: [[{ text: 'Desk view', marking: '' }]] }]);
  });

  it('takes the annotation along to the trash, and Undo puts both back with the same ids', async () => {
    const before = content();
    const deleted = await ok<DeleteResult<'sectorEntry'>>('sectorEntry.delete', { id: entryId, takeAlong: true });
    expect(deleted.references).toEqual([{ table: 'note', effect: 'trashed', count: 1, names: [[{ text: 'Desk view', marking: '' }]] }]);
    expect(db.prepare('SELECT count(*) AS n FROM sector_entry WHERE id = ?').get(entryId)).toEqual({ n: 0 });
    const trashed = await ok<Note[]>('note.listTrash', {});
    expect(trashed.map((note) => note.id)).toEqual([annotation.id]);

    const undone = await ok<UndoResult>('deletion.undo', { id: deleted.undoId });
    expect(undone).toMatchObject({ entity: 'sectorEntry', id: entryId, references: deleted.references });
    expect(content()).toEqual(before);
    expect(await ok<Note[]>('note.listFor', { sectorEntryId: entryId })).toMatchObject([{ id: annotation.id, deletedAt: null }]);
    expect(await search('raising')).toContain(`annotation ${annotation.id}`);
  });

  it('deleted alone, keeps the annotation as a note; Undo links it again', async () => {
    const before = content();
    const deleted = await ok<DeleteResult<'sectorEntry'>>('sectorEntry.delete', { id: entryId });
    expect((await ok<Note>('note.get', { id: annotation.id })).sectorEntryId).toBeNull();
    await ok('deletion.undo', { id: deleted.undoId });
    expect(content()).toEqual(before);
  });

  it('an Undo cannot run twice', async () => {
    const deleted = await ok<DeleteResult<'sectorEntry'>>('sectorEntry.delete', { id: entryId });
    await ok('deletion.undo', { id: deleted.undoId });
    const again = await dispatch('deletion.undo', { id: deleted.undoId });
    expect(again.ok).toBe(false);
  });
});

describe('deleting what others cite', () => {
  it('names the people a source is cited by by their names, and a person’s participations by meeting', async () => {
    const sourceId = (db.prepare('SELECT source_id AS id FROM person WHERE source_id IS NOT NULL LIMIT 1').get() as { id: number }).id;
    const cited = await ok<RecordReferences>('source.references', { id: sourceId });
    // The first five by name, as the people list orders them, not as they were entered.
    const people = (db.prepare('SELECT name FROM person WHERE source_id = ? ORDER BY id DESC').pluck().all(sourceId) as string[])
      .toSorted(compareNames)
      .slice(0, 5);
    expect(people.length).toBeGreaterThan(1);
    expect(cited.alone.find((group) => group.table === 'person')?.names.map(([part]) => part?.text)).toEqual(people);

    const yoon = (db.prepare("SELECT id FROM person WHERE name = 'Yoon Suk Yeol'").get() as { id: number }).id;
    const meetings = db
      .prepare('SELECT m.title FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id WHERE p.person_id = ? ORDER BY m.id')
      .pluck()
      .all(yoon) as string[];
    expect(meetings.length).toBeGreaterThan(1);
    const participations = (await ok<RecordReferences>('person.references', { id: yoon })).alone.find(
      (group) => group.table === 'meeting_participant',
    );
    expect(participations?.names.map((parts) => parts.map((part) => part.text).join(' — ')).toSorted()).toEqual(
      meetings.map((title) => `Yoon Suk Yeol — ${title}`).toSorted(),
    );
  });

  it('a source cited by entries is refused alone, changing nothing, and can be taken with its entries and undone', async () => {
    const sourceId = (db.prepare('SELECT source_id AS id FROM sector_entry LIMIT 1').get() as { id: number }).id;
    const cited = (db.prepare('SELECT count(*) AS n FROM sector_entry WHERE source_id = ?').get(sourceId) as { n: number }).n;
    const before = content();
    const references = await ok<RecordReferences>('source.references', { id: sourceId });
    expect(references.alone.find((group) => group.table === 'sector_entry')).toMatchObject({ effect: 'blocks', count: cited });
    expect(references.takeAlong.find((group) => group.table === 'sector_entry')).toMatchObject({ effect: 'deleted', count: cited });

    const refused = await dispatch('source.delete', { id: sourceId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'constraint' } });
    expect(content()).toEqual(before);

    const deleted = await ok<DeleteResult<'source'>>('source.delete', { id: sourceId, takeAlong: true });
    expect(db.prepare('SELECT count(*) AS n FROM sector_entry').get()).toEqual({ n: 0 });
    await ok('deletion.undo', { id: deleted.undoId });
    expect(content()).toEqual(before);
  });

  it('a meeting goes with its participants and follow-ups, and comes back with them', async () => {
    const meetingId = (db.prepare('SELECT meeting_id AS id FROM meeting_participant LIMIT 1').get() as { id: number }).id;
    await ok('followUp.create', { meetingId, description: 'Send the readout', owner: '', dueOn: null, status: 'open' });
    const before = content();
    const references = await ok<RecordReferences>('meeting.references', { id: meetingId });
    expect(references.alone.map((group) => `${group.table} ${group.effect}`)).toEqual(
      expect.arrayContaining(['meeting_participant deleted', 'follow_up deleted']),
    );
    const deleted = await ok<DeleteResult<'meeting'>>('meeting.delete', { id: meetingId });
    await ok('deletion.undo', { id: deleted.undoId });
    expect(content()).toEqual(before);
  });

  it('a meeting a briefing pack lists: the pack is named, loses the meeting (so it still exports), and gets it back on Undo', async () => {
    const { id: meetingId, summitId } = db.prepare('SELECT id, summit_id AS summitId FROM meeting ORDER BY id LIMIT 1').get() as {
      id: number;
      summitId: number | null;
    };
    const pack = await ok<{ id: number; definition: { sections: { kind: string; meetingId?: number }[] } }>('pack.save', {
      name: 'Desk pack',
      expected: null,
      definition: {
        title: 'Desk pack',
        recipient: '',
        summitId,
        principalId: null,
        paper: 'a4',
        sections: [{ kind: 'meeting', meetingId, form: 'full' }, { kind: 'timeline' }],
      },
    });
    const before = content();
    const references = await ok<RecordReferences>('meeting.references', { id: meetingId });
    expect(references.alone).toContainEqual({
      table: 'briefing_pack',
      effect: 'unlinked',
      count: 1,
      names: [[{ text: 'Desk pack', marking: null }]],
    });
    const events: ChangeEvent[] = [];
    dispatch = createDispatch({ db, handlers, onChange: (event) => events.push(event) });
    const packTouched = () =>
      events.flatMap((event) => (event.scope === 'touched' ? event.touched : [])).filter((t) => t.entity === 'pack');
    const deleted = await ok<DeleteResult<'meeting'>>('meeting.delete', { id: meetingId });
    const after = await ok<typeof pack>('pack.get', { id: pack.id });
    expect(after.definition.sections).toEqual([{ kind: 'timeline' }]);
    // An open pack builder refreshes from this: it must not keep showing the deleted meeting.
    expect(packTouched()).toEqual([{ entity: 'pack', how: 'updated', ids: [pack.id] }]);
    await ok('deletion.undo', { id: deleted.undoId });
    expect(content()).toEqual(before);
    expect(packTouched()).toHaveLength(2);
  });

  it('a programme goes with its sectors and their entries, and comes back with them', async () => {
    const programmeId = (db.prepare('SELECT id FROM programme ORDER BY id LIMIT 1').get() as { id: number }).id;
    const before = content();
    const deleted = await ok<DeleteResult<'programme'>>('programme.delete', { id: programmeId });
    expect(deleted.references.map((group) => group.table)).toEqual(expect.arrayContaining(['sector', 'sector_entry']));
    await ok('deletion.undo', { id: deleted.undoId });
    expect(content()).toEqual(before);
  });
});

describe('a record created after a delete', () => {
  type Plain = Record<string, unknown> & { id: number };
  const without = ({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: Plain) => rest;
  const newest = (table: string) => (db.prepare(`SELECT max(id) AS id FROM ${table}`).get() as { id: number }).id;

  it('never takes the id of a deleted sector, so Undo brings back the sector, its entry and its annotation whole', async () => {
    const sectorId = newest('sector');
    const { name } = await ok<Plain>('sector.get', { id: sectorId });
    const template = await ok<Plain>('sectorEntry.get', { id: newest('sector_entry') });
    const entry = await ok<Plain>('sectorEntry.create', { ...without(template), sectorId, title: 'Highest entry' });
    const annotation = await ok<Note>('note.create', {
      sectorEntryId: entry.id,
      title: 'Desk view',
      body: 'Raise at the next round',
      tags: [],
      classification: '',
    });
    const before = content();
    const deleted = await ok<DeleteResult<'sector'>>('sector.delete', { id: sectorId, takeAlong: true });

    const sector = await ok<Plain>('sector.get', { id: newest('sector') });
    const created = await ok<Plain>('sector.create', { ...without(sector), name: 'Maritime security', position: 12 });
    expect(created.id).toBeGreaterThan(sectorId);
    const createdEntry = await ok<Plain>('sectorEntry.create', { ...without(template), title: 'Newer entry' });
    expect(createdEntry.id).toBeGreaterThan(entry.id);

    const undone = await ok<UndoResult>('deletion.undo', { id: deleted.undoId });
    expect(undone).toMatchObject({ entity: 'sector', id: sectorId });
    expect(await ok<Plain>('sector.get', { id: sectorId })).toMatchObject({ id: sectorId, name });
    expect(await ok<Note[]>('note.listFor', { sectorEntryId: entry.id })).toMatchObject([{ id: annotation.id, deletedAt: null }]);
    expect(await ok<Plain>('sector.get', { id: created.id })).toMatchObject({ name: 'Maritime security' });
    const after = content();
    for (const table of Object.keys(before)) {
      expect(after[table]).toEqual(expect.arrayContaining(before[table] ?? []));
    }
  });

  it('never takes the id of a deleted person either', async () => {
    const personId = newest('person');
    const person = await ok<Plain>('person.get', { id: personId });
    const deleted = await ok<DeleteResult<'person'>>('person.delete', { id: personId, takeAlong: true });
    const created = await ok<Plain>('person.create', { ...without(person), name: 'Kim Min-jun' });
    expect(created.id).toBeGreaterThan(personId);
    await ok('deletion.undo', { id: deleted.undoId });
    expect(await ok<Plain>('person.get', { id: personId })).toEqual(person);
  });

  it('an Undo that cannot be done says so, and says the record stays deleted', async () => {
    const sectorId = newest('sector');
    const deleted = await ok<DeleteResult<'sector'>>('sector.delete', { id: sectorId });
    // A store written by an older build, or edited by hand, can still hold a row in the way.
    db.prepare('INSERT INTO sector (id, programme_id, name, position) SELECT ?, programme_id, ?, 99 FROM sector LIMIT 1').run(
      sectorId,
      'In the way',
    );
    const refused = await dispatch('deletion.undo', { id: deleted.undoId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'constraint' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/could not be undone: .* It stays deleted/);
    expect(db.prepare('SELECT name FROM sector WHERE id = ?').all(sectorId)).toEqual([{ name: 'In the way' }]);
  });
});

describe('moving a meeting a pack lists to another summit', () => {
  it('is refused, naming the pack, and changes nothing; out of the pack, it moves', async () => {
    const { id: meetingId, summitId } = db.prepare('SELECT id, summit_id AS summitId FROM meeting ORDER BY id LIMIT 1').get() as {
      id: number;
      summitId: number;
    };
    const summit = await ok<Record<string, unknown> & { id: number }>('summit.get', { id: summitId });
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = summit;
    const other = await ok<{ id: number }>('summit.create', { ...fields, title: 'Vilnius follow-up' });
    const definition = {
      title: 'Desk pack',
      recipient: '',
      summitId,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'meeting', meetingId, form: 'full' }, { kind: 'timeline' }],
    };
    const saved = await ok<{ definition: unknown }>('pack.save', { name: 'Desk pack', definition, expected: null });
    const before = content();

    const refused = await dispatch('meeting.update', { id: meetingId, patch: { summitId: other.id }, expected: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'constraint', field: 'summitId', names: ['Desk pack'] } });
    if (!refused.ok) expect(refused.error.message).toMatch(/summitId: .*“Desk pack”/);
    expect(content()).toEqual(before);

    await ok('pack.save', {
      name: 'Desk pack',
      definition: { ...definition, sections: [{ kind: 'timeline' }] },
      expected: saved.definition,
    });
    expect(await ok('meeting.update', { id: meetingId, patch: { summitId: other.id }, expected: {} })).toMatchObject({
      status: 'saved',
      saved: { summitId: other.id },
    });
  });
});
