import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import type { ChangeEvent, NoteSaveResult, Result } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

const content = { title: 'Seating', tags: ['protocol'], classification: 'NATO UNCLASSIFIED' };

describe('note channels through the dispatch', () => {
  let db: Db;
  let dispatch: Dispatch;
  let changes: ChangeEvent[];
  const value = <T>(result: Result<unknown>): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  beforeEach(() => {
    db = openScratchDatabase(':memory:');
    changes = [];
    dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date() }), onChange: (event) => changes.push(event) });
  });

  it('answers a stale save with the current note, changes nothing, and tells no window', async () => {
    const note = value<Note>(await dispatch('note.create', { ...content, body: 'v1' }));
    value(await dispatch('note.save', { id: note.id, baseVersion: 1, ...content, body: 'from window A' }));
    changes = [];
    const stale = value<NoteSaveResult>(await dispatch('note.save', { id: note.id, baseVersion: 1, ...content, body: 'from window B' }));
    expect(stale).toMatchObject({ status: 'conflict', current: { body: 'from window A', version: 2 } });
    expect(value<Note>(await dispatch('note.get', { id: note.id })).body).toBe('from window A');
    expect(value<unknown[]>(await dispatch('note.revisions', { id: note.id }))).toHaveLength(2);
    expect(changes).toEqual([]);
  });

  it('discards an annotation left with nothing written in it, and keeps one that holds anything', async () => {
    const blank = { title: '', body: '', tags: [], classification: 'NATO UNCLASSIFIED' };
    const abandoned = value<Note>(await dispatch('note.create', blank));
    const typed = value<Note>(await dispatch('note.create', blank));
    value(await dispatch('note.save', { id: typed.id, baseVersion: 1, ...blank, body: 'Ask about the ITPP sectors' }));
    const tagged = value<Note>(await dispatch('note.create', { ...blank, tags: ['protocol'] }));
    changes = [];

    expect(value(await dispatch('note.discardIfEmpty', { id: abandoned.id }))).toEqual({ discarded: true });
    expect(changes).toEqual([
      { channel: 'note.discardIfEmpty', scope: 'touched', touched: [{ entity: 'note', how: 'deleted', ids: [abandoned.id] }] },
    ]);
    expect(await dispatch('note.get', { id: abandoned.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Not even in the trash: nothing was written, so there is nothing to restore.
    expect(value<Note[]>(await dispatch('note.listTrash', {}))).toEqual([]);

    changes = [];
    const before = db.serialize();
    for (const kept of [typed, tagged]) expect(value(await dispatch('note.discardIfEmpty', { id: kept.id }))).toEqual({ discarded: false });
    expect(db.serialize().equals(before)).toBe(true);
    expect(changes).toEqual([]);
    expect(value<Note>(await dispatch('note.get', { id: typed.id })).body).toBe('Ask about the ITPP sectors');
  });

  it('tells every window which note an accepted save changed, and nothing else', async () => {
    const note = value<Note>(await dispatch('note.create', { ...content, body: 'v1' }));
    expect(changes).toEqual([{ channel: 'note.create', scope: 'touched', touched: [{ entity: 'note', how: 'created', ids: [note.id] }] }]);
    changes = [];
    value(await dispatch('note.save', { id: note.id, baseVersion: 1, ...content, body: 'v2' }));
    expect(changes).toEqual([{ channel: 'note.save', scope: 'touched', touched: [{ entity: 'note', how: 'updated', ids: [note.id] }] }]);
  });

  it('tells no window about a save the store refused', async () => {
    const note = value<Note>(await dispatch('note.create', { ...content, body: 'v1' }));
    changes = [];
    const refused = await dispatch('note.save', { id: note.id, baseVersion: 1, ...content, body: 'stray \u0000 control' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch('note.save', { id: note.id + 1, baseVersion: 1, ...content, body: 'no such note' })).toMatchObject({ ok: false });
    expect(changes).toEqual([]);
  });

  it('restores a revision as a new version and tells every window which note changed', async () => {
    const note = value<Note>(await dispatch('note.create', { ...content, body: 'first' }));
    value(await dispatch('note.save', { id: note.id, baseVersion: 1, ...content, body: 'second' }));
    changes = [];
    const restored = value<NoteSaveResult>(await dispatch('note.restoreRevision', { id: note.id, version: 1, baseVersion: 2 }));
    expect(restored).toMatchObject({ status: 'saved', note: { body: 'first', version: 3 } });
    expect(changes).toEqual([
      { channel: 'note.restoreRevision', scope: 'touched', touched: [{ entity: 'note', how: 'updated', ids: [note.id] }] },
    ]);
  });

  it('trash, restore and empty trash; emptying touches only the trash', async () => {
    const kept = value<Note>(await dispatch('note.create', { ...content, body: 'kept' }));
    const binned = value<Note>(await dispatch('note.create', { ...content, body: 'binned' }));
    value(await dispatch('note.trash', { id: binned.id }));
    expect(value<Note[]>(await dispatch('note.list', { kind: 'note' })).map((note) => note.id)).toEqual([kept.id]);
    expect(value<Note[]>(await dispatch('note.listTrash', {})).map((note) => note.id)).toEqual([binned.id]);
    value(await dispatch('note.restore', { id: binned.id }));
    value(await dispatch('note.trash', { id: binned.id }));
    changes = [];
    expect(value<{ deleted: number }>(await dispatch('note.emptyTrash', {}))).toEqual({ deleted: 1 });
    expect(changes).toEqual([
      { channel: 'note.emptyTrash', scope: 'touched', touched: [{ entity: 'note', how: 'deleted', ids: [binned.id] }] },
    ]);
    expect(value<Note[]>(await dispatch('note.list', {})).map((note) => note.body)).toEqual(['kept']);
    expect(await dispatch('note.get', { id: binned.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('filters notes by tag and refuses an unknown kind', async () => {
    value(await dispatch('note.create', { ...content, body: 'tagged' }));
    value(await dispatch('note.create', { ...content, tags: [], body: 'untagged' }));
    expect(value<Note[]>(await dispatch('note.list', { tag: 'protocol' })).map((note) => note.body)).toEqual(['tagged']);
    expect(await dispatch('note.list', { kind: 'everything' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
