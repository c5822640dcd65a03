import { describe, expect, it } from 'vitest';
import { meetings } from '../../db/meetings.ts';
import { createNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { listConflicts } from '../../db/sync/conflicts.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { presetSchemes } from '../../shared/markings.ts';
import { createDispatch } from '../ipc/dispatch.ts';
import { createHandlers } from '../ipc/handlers/index.ts';
import { exportBundle, importBundle } from './bundle.ts';
import { ensureDeskKeys } from './deskKeys.ts';

// A team moves to its national scheme: each desk renames NATO UNCLASSIFIED to NON PROTÉGÉ in its own
// Settings, as the README asks. Before, each desk's carry wrote its own random revision of every record
// that level marked, and the first exchange showed each of them as a conflict (the sample alone, dozens),
// with the one brief two officers really edited apart somewhere among them.

const french = {
  name: 'France (IGI 1300)',
  levels: [{ name: 'NON PROTÉGÉ', portion: 'NP' }, { name: 'DIFFUSION RESTREINTE', portion: 'DR' }, ...presetSchemes.nato.levels.slice(2)],
};

/** The French scheme applied in Settings, its first two levels spelt as `spelling` gives them (capitals by default). */
async function applyFrenchScheme(db: Db, spelling: (level: string) => string = (level) => level): Promise<void> {
  const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date() }) });
  const [unclassified = '', restricted = ''] = ['NON PROTÉGÉ', 'DIFFUSION RESTREINTE'].map(spelling);
  const answer = await dispatch('settings.update', {
    classificationScheme: {
      ...french,
      levels: [{ name: unclassified, portion: 'NP' }, { name: restricted, portion: 'DR' }, ...french.levels.slice(2)],
    },
    renamedLevels: [
      { from: 'NATO UNCLASSIFIED', to: unclassified },
      { from: 'NATO RESTRICTED', to: restricted },
    ],
  });
  expect(answer).toMatchObject({ ok: true });
}

describe('a marking level renamed on every desk of a team', () => {
  it('leaves no conflict once the desks exchange, and the brief edited apart is still the one conflict', async () => {
    const a = openScratchDatabase();
    const b = openScratchDatabase();
    loadSampleIfEmpty(a);
    const deskA = ensureDeskKeys(a, 'Bureau Afrique');
    const deskB = ensureDeskKeys(b, 'Délégation Addis');
    createNote(
      a,
      { sectorEntryId: null, meetingId: null },
      { title: 'Seating plan', body: 'Agreed seating', tags: [], classification: 'NATO UNCLASSIFIED' },
    );
    importBundle(b, deskB, exportBundle(a, deskA, 'everything', { recipients: [deskB.card] }), { acceptSigner: true });

    await applyFrenchScheme(a);
    await applyFrenchScheme(b);
    const [meeting] = meetings.all(a, 'ORDER BY id');
    if (!meeting) throw new Error('sample meeting missing');
    const meetingOnB = meetings.all(b, 'ORDER BY id').find((each) => each.title === meeting.title);
    meetings.update(a, meeting.id, { pointsToMake: 'Edited on desk A in flight.' });
    meetings.update(b, meetingOnB?.id ?? 0, { pointsToMake: 'Edited on desk B.', classification: 'CONFIDENTIEL' });

    importBundle(a, deskA, exportBundle(b, deskB, 'everything', { recipients: [deskA.card] }), { acceptSigner: true });
    importBundle(b, deskB, exportBundle(a, deskA, 'everything', { recipients: [deskB.card] }));
    const meetingDoc = a.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'meeting' AND row_key = ?`).pluck().get(String(meeting.id));
    for (const desk of [a, b]) expect(listConflicts(desk).map((conflict) => conflict.id)).toEqual([meetingDoc]);
    a.close();
    b.close();
  });

  // Norway's desk in Oslo types its levels in capitals, as banners print them; the mission in New York types
  // them as Norwegian prose writes them. Sherpa reads both as one level, but each desk's carry hashed its own
  // spelling: every record of the sample came back from the first exchange as a conflict (27 of them).
  it('spelt otherwise on another desk (capitals here, as prose writes it there), leaves no conflict either', async () => {
    const a = openScratchDatabase();
    const b = openScratchDatabase();
    loadSampleIfEmpty(a);
    const deskA = ensureDeskKeys(a, 'UD Oslo');
    const deskB = ensureDeskKeys(b, 'FN-delegasjonen, New York');
    importBundle(b, deskB, exportBundle(a, deskA, 'everything', { recipients: [deskB.card] }), { acceptSigner: true });

    await applyFrenchScheme(a);
    await applyFrenchScheme(b, (level) => level.charAt(0) + level.slice(1).toLocaleLowerCase('fr'));
    importBundle(a, deskA, exportBundle(b, deskB, 'everything', { recipients: [deskA.card] }), { acceptSigner: true });
    importBundle(b, deskB, exportBundle(a, deskA, 'everything', { recipients: [deskB.card] }));
    for (const desk of [a, b]) expect(listConflicts(desk)).toEqual([]);
    // Each desk still shows the level as it spells it.
    const [person] = a.prepare(`SELECT name, classification FROM person ORDER BY id LIMIT 1`).all() as {
      name: string;
      classification: string;
    }[];
    expect(person?.classification).toBe('NON PROTÉGÉ');
    expect(b.prepare('SELECT classification FROM person WHERE name = ?').pluck().get(person?.name)).toBe('Non protégé');
    a.close();
    b.close();
  });
});
