import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { call, meeting, summit, teamDesks } from './teamDesks.testing.ts';

// trashedNoteEdited.test.ts between desks that only exchange bundles: the officer on the classified network
// edits a note of the Lesotho pull-aside that Ottawa deleted with its notes meanwhile.

const { desk } = teamDesks();
const passphrase = 'Ubuntu ngumuntu ngabantu, Geneviève';

async function carry(from: Core, to: Core, summitId: number): Promise<void> {
  const exported = await call(from, 'bundle.export', { selection: { summitId }, recipients: [], passphrase });
  const file = fs.readFileSync(exported.path).toString('base64');
  await call(to, 'bundle.import', { file, passphrase, acceptSigner: true });
}

describe('a meeting deleted with its notes while a desk on another network edits one of them, by bundle', () => {
  it('keeps the edit on both desks, the meeting back for it', async () => {
    const ottawa = desk();
    const classified = desk();
    const g20 = await call(ottawa, 'summit.create', summit('G20 Johannesburg', 'Africa/Johannesburg'));
    const lesotho = await call(ottawa, 'meeting.create', meeting(g20.id, 'Pull-aside with Lesotho'));
    await call(ottawa, 'note.create', {
      meetingId: lesotho.id,
      title: 'Water',
      body: 'Lesotho Highlands Water Project phase II.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await carry(ottawa, classified, g20.id);
    const note = (await call(classified, 'note.list', { kind: 'all' }))[0];
    const edited = 'Phase II: ask about the Polihali dam’s timetable.';
    await call(classified, 'note.save', {
      id: note?.id ?? 0,
      baseVersion: note?.version ?? 0,
      title: 'Water',
      body: edited,
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(ottawa, 'meeting.delete', { id: lesotho.id, takeAlong: true });
    const g20OnClassified = (await call(classified, 'summit.list', {})).find((each) => each.title === g20.title)?.id ?? 0;
    await carry(classified, ottawa, g20OnClassified);
    await carry(ottawa, classified, g20.id);
    for (const core of [ottawa, classified]) {
      const notes = await call(core, 'note.list', { kind: 'all' });
      expect(notes.map((each) => each.body)).toEqual([edited]);
      expect(notes[0]?.meetingId).not.toBeNull();
      expect(await call(core, 'note.listTrash', {})).toEqual([]);
      expect(await call(core, 'conflict.list', {})).toEqual([]);
    }
  }, 60_000);
});
