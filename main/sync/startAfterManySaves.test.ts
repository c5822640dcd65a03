import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import type { Note } from '../../shared/domain.ts';
import { type Core, createCore } from '../core.ts';
import type { PdfEngine } from '../pdf/engine.ts';
import { tempDataDir } from '../storeFaults.helpers.ts';
import { g20Meetings, lesothoTitle, meetingOn, sharedWith } from './g20Scene.testing.ts';
import { call, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// Notes saved since the last statement on the replication tables wait for their revisions (db/sync/pendingNotes.ts),
// and the first such statement writes them all. At a start that was Today's conflict list: on the full benchmark
// store, where all 100,000 notes waited, Today painted after four seconds. A start's reads write none of them now;
// the first exchange with the server still sends every note, with the text last saved, each once.

const noPrinting: PdfEngine = {
  name: 'none',
  print: () => Promise.reject(new Error('this test prints nothing')),
  close: async () => undefined,
};

/** Read straight from the tables, as the app never does: no revision is written first. */
const noteRevisions = (db: Db) =>
  db.prepare("SELECT count(*) FROM sync_rev WHERE doc_id IN (SELECT doc_id FROM sync_doc WHERE entity = 'note')").pluck().get() as number;
const notesWaiting = (db: Db) =>
  db.prepare('SELECT count(*) FROM note WHERE updated_at > (SELECT revision FROM note_saves_after)').pluck().get() as number;

const { desk, cleanups } = teamDesks();

describe('a start on a store whose notes all wait for their replication revisions', () => {
  it('answers Today’s first reads without writing them, and the first exchange still sends every note as last saved', async () => {
    const folder = tempDataDir();
    cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
    const open = (): Core => {
      const core = createCore({ dataDir: folder, engine: noPrinting, dailyBackups: false });
      cleanups.push(() => core.stop());
      return core;
    };

    // Ottawa files 30 notes under the pull-aside and rewrites each; nothing reads revisions meanwhile.
    const before = open();
    const { g20, lesotho } = await g20Meetings(before);
    const saved: string[] = [];
    for (let index = 1; index <= 30; index += 1) {
      const note: Note = await call(before, 'note.create', {
        meetingId: lesotho.id,
        title: `Point ${index}`,
        body: `Draft ${index}`,
        tags: [],
        classification: 'NATO RESTRICTED',
      });
      const body = `Agreed wording ${index}: water transfers reviewed in 2027.`;
      await call(before, 'note.save', { id: note.id, baseVersion: note.version, title: note.title, body, tags: [], classification: '' });
      saved.push(body);
    }
    const revisionsBefore = noteRevisions(before.db);
    expect(notesWaiting(before.db)).toBe(30);
    await before.stop();

    // The next start: what the page asks before Today paints, and the sidebar's sync line just after.
    const ottawa = open();
    await call(ottawa, 'settings.get', {});
    expect(await call(ottawa, 'conflict.list', {})).toEqual([]);
    expect(await call(ottawa, 'conflict.restorations', {})).toEqual([]);
    await call(ottawa, 'dashboard.get', {});
    await call(ottawa, 'summit.list', {});
    expect((await call(ottawa, 'sync.status', {})).status.state).toBe('off');
    expect(noteRevisions(ottawa.db)).toBe(revisionsBefore);
    expect(notesWaiting(ottawa.db)).toBe(30);

    // Ottawa shares the summit; the colleague who joins receives every note with its last text.
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const colleague = desk();
    const g20OnColleague = await sharedWith(ottawa, colleague, server, g20);
    const lesothoOnColleague = await meetingOn(colleague, g20OnColleague, lesothoTitle);
    const received = await call(colleague, 'note.listFor', { meetingId: lesothoOnColleague });
    expect(received.map((note) => note.body).sort()).toEqual([...saved].sort());
    // Each note's save became one revision on its first: sent once, with the text saved.
    expect(noteRevisions(ottawa.db)).toBe(revisionsBefore + 30);
    expect(notesWaiting(ottawa.db)).toBe(0);
    expect((await call(ottawa, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0 });
  }, 60_000);
});
