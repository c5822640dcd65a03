import { beforeEach, describe, expect, it } from 'vitest';
import { listParticipants, meetings, setParticipants } from '../../../db/meetings.ts';
import type { Db } from '../../../db/open.ts';
import { people } from '../../../db/people.ts';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import type { BriefingPack, PackDefinition, PackSection } from '../../../shared/domain.ts';
import { peopleOfMeetings } from '../../pdf/packContent.ts';
import { samplePackDefinition } from '../../pdf/samplePack.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// A pack's own biographies print only for people of its meetings (main/pdf/packContent.ts). A text written for anyone
// else was kept in the pack unseen (the builder lists only those people), unprinted, under its marking: a page could
// park material there that nobody reviewing the pack ever sees, and it would print the day the person joined a meeting.
let db: Db;
let dispatch: Dispatch;
let definition: PackDefinition;
beforeEach(() => {
  db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  definition = samplePackDefinition(db);
  dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2023-07-10T08:00:00Z') }) });
});

const biographiesAt = (pack: PackDefinition) => pack.sections.findIndex((section) => section.kind === 'biographies');
function withBiographies(pack: PackDefinition, biographies: { personId: number; text: string; classification?: string }[]): PackDefinition {
  return {
    ...pack,
    sections: pack.sections.map((section): PackSection => (section.kind === 'biographies' ? { ...section, biographies } : section)),
  };
}
const stranger = () =>
  people.insert(db, {
    name: 'Agent of another desk',
    nativeName: '',
    title: 'Not at this summit',
    countryId: null,
    biography: '',
    classification: 'NATO UNCLASSIFIED',
    sourceId: null,
  });
const packRows = () => db.prepare('SELECT name, definition FROM briefing_pack ORDER BY id').all();

describe('a pack’s own biographies', () => {
  it('are refused for a person who is in none of the pack’s meetings, naming the field, and nothing is saved', async () => {
    const outsider = stranger();
    const before = packRows();
    const answer = await dispatch('pack.save', {
      name: 'Vilnius',
      definition: withBiographies(definition, [
        { personId: outsider, text: 'Handled by station; do not print.', classification: 'NATO SECRET' },
      ]),
      expected: null,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        reason: 'biography_not_in_meetings',
        field: `definition.sections.${biographiesAt(definition)}.biographies.0.personId`,
      },
    });
    expect(packRows()).toEqual(before);
  });

  it('are refused for a person who does not exist', async () => {
    const answer = await dispatch('pack.save', {
      name: 'Vilnius',
      definition: withBiographies(definition, [{ personId: 987_654, text: 'Text', classification: 'NATO RESTRICTED' }]),
      expected: null,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_request', reason: 'no_such_record' } });
    expect(packRows()).toEqual([]);
  });

  it('are saved for a participant, and one kept since that person left the meetings saves again unchanged, not edited', async () => {
    // A participant who is nobody's counterpart: taken off the lists, they are in none of the meetings.
    const counterparts = definition.sections.flatMap((section) =>
      section.kind === 'meeting' ? [meetings.get(db, section.meetingId).counterpartId] : [],
    );
    const [personId = 0] = peopleOfMeetings(db, definition).filter((id) => !counterparts.includes(id));
    const written = withBiographies(definition, [{ personId, text: 'Written for this pack.', classification: 'NATO RESTRICTED' }]);
    const first = await dispatch('pack.save', { name: 'Vilnius', definition: written, expected: null });
    expect(first.ok).toBe(true);
    for (const section of definition.sections)
      if (section.kind === 'meeting')
        setParticipants(
          db,
          section.meetingId,
          listParticipants(db, section.meetingId).filter((each) => each.personId !== personId),
        );
    expect(peopleOfMeetings(db, definition)).not.toContain(personId);
    const saved = (first.ok ? (first.value as BriefingPack) : undefined)?.definition ?? written;
    // The builder sends the pack back as it holds it: a title changed, the kept biography as it was.
    const again = await dispatch('pack.save', { name: 'Vilnius', definition: { ...saved, title: 'Vilnius, revised' }, expected: saved });
    expect(again.ok).toBe(true);
    // Or as a copy under another name.
    expect((await dispatch('pack.save', { name: 'Vilnius (copy)', definition: saved, expected: null })).ok).toBe(true);
    const revised = (again.ok ? (again.value as BriefingPack) : undefined)?.definition ?? saved;
    // Its text changed, it is a new text for someone outside the meetings.
    const changed = await dispatch('pack.save', {
      name: 'Vilnius',
      definition: withBiographies(revised, [{ personId, text: 'Rewritten after they left.', classification: 'NATO RESTRICTED' }]),
      expected: revised,
    });
    expect(changed).toMatchObject({ ok: false, error: { reason: 'biography_not_in_meetings' } });
  });

  it('are refused when a person is given two, so no second text sits unseen behind the one that prints', async () => {
    const [personId = 0] = peopleOfMeetings(db, definition);
    const answer = await dispatch('pack.save', {
      name: 'Vilnius',
      definition: withBiographies(definition, [
        { personId, text: 'Handled by station.', classification: 'NATO SECRET' },
        { personId, text: 'Public career.', classification: 'NATO UNCLASSIFIED' },
      ]),
      expected: null,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', reason: 'repeated', field: `definition.sections.${biographiesAt(definition)}.biographies` },
    });
    expect(packRows()).toEqual([]);
  });
});
