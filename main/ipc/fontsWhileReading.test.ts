import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { createDispatch } from './dispatch.ts';
import { createHandlers } from './handlers/index.ts';

// Which fonts are installed is read from fontconfig (`fc-list`, a program run) once per process, when a window
// first asks: at a start that is just after Today shows. The store's process answers other questions meanwhile:
// the list of every summit, or the view a user opens, does not wait for that program.

describe('reading the installed fonts', () => {
  it('leaves the store answering other questions while fontconfig runs, and answers the fonts once read', async () => {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2023-07-01T08:00:00Z') }) });
    const answered: string[] = [];
    const fonts = dispatch('fonts.coverage', {}).then((result) => {
      answered.push('fonts.coverage');
      return result;
    });
    const summits = dispatch('summit.list', {}).then((result) => {
      answered.push('summit.list');
      return result;
    });
    const [fontsResult, summitsResult] = await Promise.all([fonts, summits]);
    expect(answered).toEqual(['summit.list', 'fonts.coverage']);
    expect(summitsResult).toMatchObject({ ok: true });
    // This machine has fontconfig (as the e2e boxes tests assume): Latin letters are drawn.
    expect(fontsResult).toMatchObject({ ok: true });
    const ranges = (fontsResult as { ok: true; value: { ranges: [number, number][] } | null }).value?.ranges ?? [];
    expect(ranges.some(([start, end]) => start <= 0x41 && 0x41 <= end)).toBe(true);
    // Read once: asked again, the answer comes from what was read.
    expect(await dispatch('fonts.coverage', {})).toEqual(fontsResult);
    db.close();
  });
});
