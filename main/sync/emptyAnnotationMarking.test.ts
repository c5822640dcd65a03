import { describe, expect, it } from 'vitest';
import { call, meeting, summit, teamDesks } from './teamDesks.testing.ts';

// The Johannesburg desk added an annotation to a brief (it starts empty and
// unmarked, for the author to choose), wrote it and marked it NATO RESTRICTED.
// The summit's bundle then said "highest marking inside: NATO RESTRICTED +
// UNMARKED MATERIAL", on the sending desk and in the colleague's review, and
// neither could find anything unmarked: the unmarked revision was the empty one.

const { desk } = teamDesks();

/**
 * The Johannesburg desk's summit (NATO UNCLASSIFIED) and bilateral (NATO RESTRICTED), whose annotation was added
 * holding `firstWritten`, unmarked, then written and marked NATO RESTRICTED: the markings its bundle says it holds.
 */
async function bundleMarkingsOnceAnnotated(firstWritten: string): Promise<string[]> {
  const johannesburg = desk();
  const { id: summitId } = await call(johannesburg, 'summit.create', summit('G20 Leaders’ Summit, Johannesburg', 'Africa/Johannesburg'));
  const { id: meetingId } = await call(johannesburg, 'meeting.create', {
    ...meeting(summitId, 'Bilateral com o Presidente do Brasil'),
    timeZone: 'Africa/Johannesburg',
  });
  const added = await call(johannesburg, 'note.create', { meetingId, title: '', body: firstWritten, tags: [], classification: '' });
  await call(johannesburg, 'note.save', {
    id: added.id,
    baseVersion: added.version,
    title: '',
    body: 'O Brasil quer falar de Belém.',
    tags: [],
    classification: 'NATO RESTRICTED',
  });
  return (await call(johannesburg, 'bundle.contents', { selection: { summitId } })).markings;
}

describe('the markings a summit’s bundle holds', () => {
  it('leave out the empty, unmarked start of an annotation written and marked since', async () => {
    expect(await bundleMarkingsOnceAnnotated('')).toEqual(['NATO RESTRICTED', 'NATO UNCLASSIFIED']);
  });

  it('still count an unmarked revision that holds words, even one replaced since', async () => {
    expect(await bundleMarkingsOnceAnnotated('Draft, not marked yet')).toEqual(['', 'NATO RESTRICTED', 'NATO UNCLASSIFIED']);
  });
});
