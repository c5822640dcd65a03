import { describe, expect, it } from 'vitest';
import { carryBundle, editWater, g20WithLesotho } from './g20Scene.testing.ts';
import { call, teamDesks } from './teamDesks.testing.ts';

// trashedNoteEdited.test.ts between desks that only exchange bundles: the officer on the classified network
// edits a note of the Lesotho pull-aside that Ottawa deleted with its notes meanwhile.

const { desk } = teamDesks();

describe('a meeting deleted with its notes while a desk on another network edits one of them, by bundle', () => {
  it('keeps the edit on both desks, the meeting back for it', async () => {
    const ottawa = desk();
    const classified = desk();
    const { g20, lesotho } = await g20WithLesotho(ottawa);
    await carryBundle(ottawa, classified, g20.id);
    const edited = 'Phase II: ask about the Polihali dam’s timetable.';
    await editWater(classified, edited);
    await call(ottawa, 'meeting.delete', { id: lesotho.id, takeAlong: true });
    const g20OnClassified = (await call(classified, 'summit.list', {})).find((each) => each.title === g20.title)?.id ?? 0;
    await carryBundle(classified, ottawa, g20OnClassified);
    await carryBundle(ottawa, classified, g20.id);
    for (const core of [ottawa, classified]) {
      const notes = await call(core, 'note.list', { kind: 'all' });
      expect(notes.map((each) => each.body)).toEqual([edited]);
      expect(notes[0]?.meetingId).not.toBeNull();
      expect(await call(core, 'note.listTrash', {})).toEqual([]);
      expect(await call(core, 'conflict.list', {})).toEqual([]);
    }
  }, 60_000);
});
