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

async function applyFrenchScheme(db: Db): Promise<void> {
  const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date() }) });
  const answer = await dispatch('settings.update', {
    classificationScheme: french,
    renamedLevels: [
      { from: 'NATO UNCLASSIFIED', to: 'NON PROTÉGÉ' },
      { from: 'NATO RESTRICTED', to: 'DIFFUSION RESTREINTE' },
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
});
