// The renderer's change-scoped refetching (renderer/src/queryScope.ts) against
// the real dispatch over a real store: every read the cache makes is counted
// where a window's bridge would carry it. It lives here, not beside queryScope.ts,
// because the renderer's tsconfig (rightly) cannot import the store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { applyChange, createQueryClient, queryKeyOf, type ReadChannel } from '../../renderer/src/queryScope.ts';
import type { NoteContent, Request, Response } from '../../shared/contract.ts';
import type { Note } from '../../shared/domain.ts';
import { createDispatch } from './dispatch.ts';
import { createHandlers } from './handlers/index.ts';

const content: NoteContent = { title: 'Seating plan', body: 'first draft', tags: ['protocol'], classification: 'NATO UNCLASSIFIED' };
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** One window: its query cache, its bridge to the dispatch (counting reads), and the change events it is told. */
function openWindow(db: Db, backups?: { folder: string }) {
  const client = createQueryClient();
  const reads: { channel: string; request: unknown }[] = [];
  const applying: Promise<void>[] = [];
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date('2023-07-01T08:00:00Z'), ...(backups ? { backups } : {}) }),
    onChange: (event) => applying.push(applyChange(client, event, (id) => read('note.get', { id }))),
  });
  async function read<K extends ReadChannel>(channel: K, request: Request<K>): Promise<Response<K>> {
    reads.push({ channel, request });
    const result = await dispatch(channel, request);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Response<K>;
  }
  async function write(channel: string, request: unknown) {
    return dispatch(channel, request);
  }
  /** A mounted view's query: read once, then kept current by change events only. */
  async function show<K extends ReadChannel>(channel: K, request: Request<K>) {
    const options = { queryKey: queryKeyOf(channel, request), queryFn: () => read(channel, request) };
    await client.prefetchQuery(options);
    new QueryObserver(client, options).subscribe(() => undefined);
  }
  /** Waits until every change event told so far has been applied, refetches included. */
  async function settled() {
    while (applying.length > 0) await applying.shift();
  }
  return { client, reads, read, write, show, settled };
}

async function notesViewWithOpenNote(db: Db) {
  const page = openWindow(db);
  let opened: Note | undefined;
  for (let index = 0; index < 500; index += 1) {
    const created = await page.write('note.create', { ...content, title: `Note ${index}` });
    if (!created.ok) throw new Error(created.error.message);
    opened ??= created.value as Note;
  }
  await page.settled();
  if (!opened) throw new Error('no note');
  // What #/notes/:id mounts: the settings, the list of 500 notes, the tags, the open note (editor and buttons share it).
  await page.show('settings.get', {});
  await page.show('note.list', { kind: 'note' });
  await page.show('note.tags', {});
  await page.show('note.get', { id: opened.id });
  page.reads.length = 0;
  return { page, note: opened };
}

describe('refetching scoped to what a change touched', () => {
  it('an autosave refetches the note it saved, once, and nothing else; the list shows the new title', async () => {
    const db = openScratchDatabase(':memory:');
    const { page, note } = await notesViewWithOpenNote(db);
    const saved = await page.write('note.save', { id: note.id, baseVersion: note.version, ...content, title: 'Seating plan, final' });
    expect(saved).toMatchObject({ ok: true, value: { status: 'saved' } });
    await page.settled();
    expect(page.reads).toEqual([{ channel: 'note.get', request: { id: note.id } }]);
    const list = page.client.getQueryData<Note[]>(queryKeyOf('note.list', { kind: 'note' }));
    expect(list).toHaveLength(500);
    expect(list?.find((each) => each.id === note.id)?.title).toBe('Seating plan, final');
    db.close();
  });

  it('an autosave that changes the tags also refreshes the tag counts and the list filtered by a tag', async () => {
    const db = openScratchDatabase(':memory:');
    const { page, note } = await notesViewWithOpenNote(db);
    await page.show('note.list', { kind: 'note', tag: 'protocol' });
    page.reads.length = 0;
    await page.write('note.save', { id: note.id, baseVersion: note.version, ...content, tags: ['seating'] });
    await page.settled();
    expect(page.reads.map((read) => read.channel).sort()).toEqual(['note.get', 'note.list', 'note.tags']);
    expect(page.reads).toContainEqual({ channel: 'note.list', request: { kind: 'note', tag: 'protocol' } });
    expect(page.client.getQueryData<Note[]>(queryKeyOf('note.list', { kind: 'note', tag: 'protocol' }))).toHaveLength(499);
    db.close();
  });

  it('an autosave while another view shows a read error still refetches only the note', async () => {
    const db = openScratchDatabase(':memory:');
    const { page, note } = await notesViewWithOpenNote(db);
    // A meeting that does not exist: its brief is an error, holding no notes.
    await page.client.prefetchQuery({
      queryKey: queryKeyOf('meeting.brief', { id: 999 }),
      queryFn: () => page.read('meeting.brief', { id: 999 }),
    });
    page.reads.length = 0;
    await page.write('note.save', { id: note.id, baseVersion: note.version, ...content, body: 'second draft' });
    await page.settled();
    expect(page.reads).toEqual([{ channel: 'note.get', request: { id: note.id } }]);
    db.close();
  });

  it('a conflicting save and a refused save refetch nothing', async () => {
    const db = openScratchDatabase(':memory:');
    const { page, note } = await notesViewWithOpenNote(db);
    await page.write('note.save', { id: note.id, baseVersion: note.version, ...content, body: 'from the other window' });
    await page.settled();
    page.reads.length = 0;
    const stale = await page.write('note.save', { id: note.id, baseVersion: note.version, ...content, body: 'from this window' });
    expect(stale).toMatchObject({ ok: true, value: { status: 'conflict' } });
    const refused = await page.write('note.save', { id: note.id, baseVersion: note.version + 1, ...content, body: 'a \u0000 control' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await page.settled();
    expect(page.reads).toEqual([]);
    db.close();
  });

  it('an annotation autosave in a meeting brief refetches that note only; the brief shows the new text', async () => {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    const page = openWindow(db);
    const created = await page.write('note.create', { ...content, meetingId: 1 });
    if (!created.ok) throw new Error(created.error.message);
    const annotation = created.value as Note;
    await page.settled();
    await page.show('meeting.brief', { id: 1 });
    await page.show('note.get', { id: annotation.id });
    page.reads.length = 0;
    await page.write('note.save', { id: annotation.id, baseVersion: 1, ...content, body: 'Seat the Korean delegation left' });
    await page.settled();
    expect(page.reads).toEqual([{ channel: 'note.get', request: { id: annotation.id } }]);
    const brief = page.client.getQueryData<Response<'meeting.brief'>>(queryKeyOf('meeting.brief', { id: 1 }));
    expect(brief?.annotations.find((each) => each.id === annotation.id)?.body).toBe('Seat the Korean delegation left');
    db.close();
  });

  it('views asking for the same answer, at once or later, share one request until a change touches it', async () => {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    const page = openWindow(db);
    const options = { queryKey: queryKeyOf('person.list', {}), queryFn: () => page.read('person.list', {}) };
    await Promise.all([page.client.fetchQuery(options), page.client.fetchQuery(options)]);
    await page.show('person.list', {});
    expect(page.reads).toEqual([{ channel: 'person.list', request: {} }]);
    await page.write('person.update', { id: 1, patch: { title: 'Secretary General' }, expected: {} });
    await page.settled();
    expect(page.reads).toHaveLength(2);
    db.close();
  });

  it('a restore reloads every query the window shows, each once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-scoped-'));
    folders.push(dataDir);
    const db = openScratchDatabase(path.join(dataDir, 'sherpa.sqlite'));
    loadSampleIfEmpty(db);
    const page = openWindow(db, { folder: path.join(dataDir, 'backups') });
    const backup = await page.write('backup.create', {});
    if (!backup.ok) throw new Error(backup.error.message);
    const shown = [
      ['dashboard.get', {}],
      ['summit.view', { id: 1 }],
      ['meeting.brief', { id: 1 }],
      ['settings.get', {}],
      ['backup.list', {}],
    ] as const;
    for (const [channel, request] of shown) await page.show(channel, request as never);
    await page.settled();
    page.reads.length = 0;
    const restored = await page.write('backup.restore', { name: (backup.value as { name: string }).name });
    expect(restored).toMatchObject({ ok: true });
    await page.settled();
    expect(page.reads.map((read) => read.channel).sort()).toEqual(shown.map(([channel]) => channel).sort());
    db.close();
  });
});
