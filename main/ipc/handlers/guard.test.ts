import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import type { ChangeEvent, EntityName, GuardedSave, OpenedParticipant } from '../../../shared/contract.ts';
import { samplePackDefinition } from '../../pdf/samplePack.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// Two windows (or a window and a sync) edit one record: window A opened it,
// window B saves first, then A saves what it typed over the text it opened.
// The store, not only A's screen, must refuse A's write: A may not have been
// told of B's save yet. Real dispatch, real SQLite file in memory.
let db: Db;
let dispatch: Dispatch;
let announced: ChangeEvent[];
async function ok<T>(channel: string, request: unknown): Promise<T> {
  const result = await dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}
/** Every row of every table a user's records live in: a refused write must leave all of them as they were. */
function content(): Record<string, unknown[]> {
  const tables = ['summit', 'meeting', 'meeting_participant', 'meeting_biography', 'person', 'country', 'source', 'programme'];
  const more = ['sector', 'sector_entry', 'timeline_event', 'note', 'note_revision', 'follow_up', 'sync_rev'];
  return Object.fromEntries([...tables, ...more].map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
}
const firstId = (table: string) => (db.prepare(`SELECT id FROM ${table} ORDER BY id LIMIT 1`).get() as { id: number }).id;

beforeEach(async () => {
  db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  announced = [];
  dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date('2023-07-01T08:00:00Z') }),
    onChange: (event) => announced.push(event),
  });
  // The sample summit has no follow-up yet: one is added as the brief's button would.
  await ok('followUp.create', {
    meetingId: firstId('meeting'),
    description: 'Send readout',
    owner: 'Desk',
    dueOn: null,
    status: 'open',
    classification: '',
  });
  announced = [];
});

/** Each kind of record a form or an in-place editor changes, and the text field two windows fight over. */
const kinds: { entity: EntityName; table: string; field: string; what: string }[] = [
  { entity: 'meeting', table: 'meeting', field: 'purpose', what: 'a brief section' },
  { entity: 'meeting', table: 'meeting', field: 'venue', what: 'a meeting' },
  { entity: 'summit', table: 'summit', field: 'description', what: 'a summit' },
  { entity: 'person', table: 'person', field: 'biography', what: 'a person’s biography' },
  { entity: 'country', table: 'country', field: 'note', what: 'a country' },
  { entity: 'source', table: 'source', field: 'note', what: 'a source' },
  { entity: 'programme', table: 'programme', field: 'description', what: 'a programme' },
  { entity: 'sector', table: 'sector', field: 'ourPosition', what: 'a sector' },
  { entity: 'sectorEntry', table: 'sector_entry', field: 'body', what: 'a sector entry' },
  { entity: 'timelineEvent', table: 'timeline_event', field: 'description', what: 'a timeline event' },
  { entity: 'followUp', table: 'follow_up', field: 'owner', what: 'a follow-up' },
];

describe.each(kinds)('$what saved in another window after this one opened it', ({ entity, table, field }) => {
  it('is not overwritten: the stale save is answered with what the store holds, and changes nothing', async () => {
    const id = firstId(table);
    const opened = await ok<Record<string, unknown>>(`${entity}.get`, { id });
    const colleague = await ok<GuardedSave<Record<string, unknown>>>(`${entity}.update`, {
      id,
      patch: { [field]: 'Written by the colleague' },
      expected: { [field]: opened[field] },
    });
    expect(colleague.status).toBe('saved');
    const before = content();
    announced = [];

    const stale = await ok<GuardedSave<Record<string, unknown>>>(`${entity}.update`, {
      id,
      patch: { [field]: 'Typed in the stale window' },
      expected: { [field]: opened[field] },
    });

    expect(stale).toEqual({ status: 'stale', current: expect.objectContaining({ id, [field]: 'Written by the colleague' }) });
    expect(content()).toEqual(before);
    expect(announced).toEqual([]);
  });

  it('is replaced when saved again over what the store now holds', async () => {
    const id = firstId(table);
    const opened = await ok<Record<string, unknown>>(`${entity}.get`, { id });
    await ok(`${entity}.update`, { id, patch: { [field]: 'Written by the colleague' }, expected: { [field]: opened[field] } });
    const stale = await ok<GuardedSave<Record<string, unknown>>>(`${entity}.update`, {
      id,
      patch: { [field]: 'Typed in the stale window' },
      expected: { [field]: opened[field] },
    });
    if (stale.status !== 'stale') throw new Error('expected the first save to be refused');
    const again = await ok<GuardedSave<Record<string, unknown>>>(`${entity}.update`, {
      id,
      patch: { [field]: 'Typed in the stale window' },
      expected: { [field]: stale.current[field] },
    });
    expect(again).toEqual({ status: 'saved', saved: expect.objectContaining({ [field]: 'Typed in the stale window' }) });
    expect(await ok<Record<string, unknown>>(`${entity}.get`, { id })).toMatchObject({ [field]: 'Typed in the stale window' });
  });
});

describe('two windows writing different fields of one record', () => {
  it('both saves land: only the fields a window writes are compared', async () => {
    const id = firstId('meeting');
    const opened = await ok<Record<string, unknown>>('meeting.get', { id });
    await ok('meeting.update', { id, patch: { purpose: 'Purpose from window B' }, expected: { purpose: opened.purpose } });
    const mine = await ok<GuardedSave<Record<string, unknown>>>('meeting.update', {
      id,
      patch: { objectives: 'Objectives from window A' },
      expected: { objectives: opened.objectives },
    });
    expect(mine.status).toBe('saved');
    expect(await ok('meeting.get', { id })).toMatchObject({ purpose: 'Purpose from window B', objectives: 'Objectives from window A' });
  });

  it('a value the store reads the same way whatever its keys’ order or absence of blanks still compares as opened', async () => {
    const id = firstId('meeting');
    const opened = await ok<Record<string, unknown>>('meeting.get', { id });
    const saved = await ok<GuardedSave<Record<string, unknown>>>('meeting.update', {
      id,
      patch: { durationMinutes: 45, counterpartId: null },
      expected: { durationMinutes: opened.durationMinutes, counterpartId: opened.counterpartId },
    });
    expect(saved.status).toBe('saved');
  });
});

describe('a meeting’s participants saved in another window after this one opened them', () => {
  it('are not replaced by the stale list; the store answers its own list and changes nothing', async () => {
    const meetingId = (db.prepare('SELECT meeting_id AS id FROM meeting_participant ORDER BY 1 LIMIT 1').get() as { id: number }).id;
    const brief = await ok<{ participants: OpenedParticipant[] }>('meeting.brief', { id: meetingId });
    const opened = brief.participants.map(({ personId, side, role }) => ({ personId, side, role }));
    const colleague = opened.map((row, index) => (index === 0 ? { ...row, role: 'Head of delegation (colleague)' } : row));
    expect(
      (await ok<GuardedSave<unknown>>('meeting.setParticipants', { id: meetingId, participants: colleague, expected: opened })).status,
    ).toBe('saved');
    const before = content();
    announced = [];

    const stale = await ok<GuardedSave<OpenedParticipant[]>>('meeting.setParticipants', {
      id: meetingId,
      participants: opened.slice(1),
      expected: [...opened].reverse(),
    });

    expect(stale.status).toBe('stale');
    expect(stale.status === 'stale' && stale.current.map((row) => row.role)).toContain('Head of delegation (colleague)');
    expect(content()).toEqual(before);
    expect(announced).toEqual([]);
    // Listed in another order, the list the store holds is the list opened: saved.
    const again = await ok<GuardedSave<OpenedParticipant[]>>('meeting.setParticipants', {
      id: meetingId,
      participants: colleague.slice(1),
      expected: [...colleague].reverse(),
    });
    expect(again.status).toBe('saved');
  });
});

describe('a person’s biography for a meeting saved in another window after this one opened it', () => {
  it('is not replaced by the stale text, nor removed by a stale empty one', async () => {
    const meetingId = firstId('meeting');
    const personId = firstId('person');
    await ok('meeting.setBiography', { meetingId, personId, text: 'Written by the colleague', expected: '' });
    const before = content();
    announced = [];

    const stale = await ok<GuardedSave<{ personId: number; text: string }[]>>('meeting.setBiography', {
      meetingId,
      personId,
      text: 'Typed in the stale window',
      expected: '',
    });
    const staleRemoval = await ok<GuardedSave<unknown>>('meeting.setBiography', { meetingId, personId, text: '', expected: 'Older text' });

    expect(stale).toMatchObject({ status: 'stale', current: [{ personId, text: 'Written by the colleague' }] });
    expect(staleRemoval.status).toBe('stale');
    expect(content()).toEqual(before);
    expect(announced).toEqual([]);
    const again = await ok<GuardedSave<unknown>>('meeting.setBiography', {
      meetingId,
      personId,
      text: 'Typed in the stale window',
      expected: 'Written by the colleague',
    });
    expect(again).toMatchObject({ status: 'saved', saved: [{ personId, text: 'Typed in the stale window' }] });
  });
});

describe('an expected value the store could never hold', () => {
  it('is refused as a bad request naming the field, and nothing is written', async () => {
    const before = content();
    const result = await dispatch('summit.update', { id: 1, patch: { description: 'x' }, expected: { description: { nested: true } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'expected.description' } });
    expect(content()).toEqual(before);
  });
});

describe('a briefing pack saved in another window after this builder took it in', () => {
  it('is not replaced: the stale save is refused as a conflict naming the pack, and changes nothing', async () => {
    const opened = { ...samplePackDefinition(db), recipient: '' };
    const first = await ok<{ definition: Record<string, unknown> }>('pack.save', { name: 'Pocket', definition: opened, expected: null });
    const colleague = { ...first.definition, title: 'Vilnius pocket pack, as the colleague retitled it' };
    await ok('pack.save', { name: 'Pocket', definition: colleague, expected: first.definition });
    const before = db.prepare('SELECT * FROM briefing_pack').all();
    announced = [];

    const stale = await dispatch('pack.save', {
      name: 'Pocket',
      definition: { ...opened, recipient: 'Ambassador' },
      expected: first.definition,
    });
    // A builder that knew of no pack by this name does not replace one saved meanwhile either.
    const unaware = await dispatch('pack.save', { name: 'Pocket', definition: opened, expected: null });

    for (const refused of [stale, unaware])
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', field: 'definition', names: ['Pocket'] } });
    expect(db.prepare('SELECT * FROM briefing_pack').all()).toEqual(before);
    expect(announced).toEqual([]);
    const again = await ok<{ definition: { recipient: string } }>('pack.save', {
      name: 'Pocket',
      definition: { ...opened, recipient: 'Ambassador' },
      expected: colleague,
    });
    expect(again.definition.recipient).toBe('Ambassador');
  });
});

describe('an editor’s save that does not say what it opened', () => {
  it('is refused at its `expected` field, for a pack, a record, a meeting’s participants and a biography, and changes nothing', async () => {
    const definition = { ...samplePackDefinition(db), recipient: '' };
    await ok('pack.save', { name: 'Pocket', definition, expected: null });
    const before = content();
    announced = [];
    const blind = [
      dispatch('pack.save', { name: 'Pocket', definition: { ...definition, title: 'Replaced blind' } }),
      dispatch('summit.update', { id: 1, patch: { title: 'Replaced blind' } }),
      dispatch('meeting.setParticipants', { id: 1, participants: [] }),
      dispatch('meeting.setBiography', { meetingId: 1, personId: 1, text: 'Replaced blind' }),
    ];
    for (const refused of await Promise.all(blind))
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'expected' } });
    expect(content()).toEqual(before);
    expect(announced).toEqual([]);
  });
});
