import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The seventeenth round's travelling laptop: offline for days, it redrafts the
// Vilnius brief and its annotation while HQ raises the brief to NATO
// CONFIDENTIAL and edits the annotation too. Back on the network the officer
// keeps the laptop's brief and merges the annotation, then flies to an
// air-gapped network and carries the summit as a bundle to a desk holding an
// older copy. Its review said "2 conflicting", yet the import left no
// conflict: the bundle brought each conflict already settled.

const { desk, cleanups } = teamDesks();
const fileOf = (path: string) => fs.readFileSync(path).toString('base64');
const cardOf = async (core: Core, deskName: string) => (await call(core, 'desk.rename', { deskName })).text;

describe('a summit whose conflicts were settled on the laptop, carried by bundle to a desk with an older copy', () => {
  it('is reviewed as updated, not conflicting, with the highest marking inside, and imports once with no conflict', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const hq = desk();
    const laptop = desk();
    const airgap = desk();
    const airgapCard = await cardOf(airgap, 'Air-gapped desk');
    await call(airgap, 'contact.add', { text: await cardOf(hq, 'HQ sherpa') });
    await call(airgap, 'contact.add', { text: await cardOf(laptop, 'Travelling laptop') });
    for (const sender of [hq, laptop]) await call(sender, 'contact.add', { text: airgapCard });
    const airgapFingerprint = (await call(airgap, 'desk.card', {})).card.fingerprint;

    const vilnius = await call(hq, 'summit.create', summit('NATO Summit, Vilnius', 'Europe/Vilnius'));
    const brief = await call(hq, 'meeting.create', { ...meeting(vilnius.id, 'Bilateral with Lithuania'), pointsToMake: 'Thank the host.' });
    const annotation = await call(hq, 'note.create', {
      meetingId: brief.id,
      title: 'Ask',
      body: 'Air defence.\nEastern flank.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(hq, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [vilnius.id] });
    await call(hq, 'sync.now', {});
    const joined = await joinShared(laptop, hq, { url: server.url, username: 'lee', password: 'Desk-pass-2' }, [vilnius.title]);
    const vilniusOnLaptop = joined.get(vilnius.title) ?? 0;
    const older = await call(hq, 'bundle.export', { selection: { summitId: vilnius.id }, recipients: [airgapFingerprint] });
    expect((await call(airgap, 'bundle.import', { file: fileOf(older.path), acceptSigner: false })).status).toBe('imported');

    // Days offline: both desks edit the brief and the annotation.
    await call(laptop, 'sync.disconnect', {});
    const briefOnLaptop = (await call(laptop, 'summit.view', { id: vilniusOnLaptop })).meetings[0]?.id ?? 0;
    const annotationOnLaptop = (await call(laptop, 'note.listFor', { meetingId: briefOnLaptop }))[0];
    if (!annotationOnLaptop) throw new Error('the annotation came with the summit');
    await call(laptop, 'meeting.update', {
      id: briefOnLaptop,
      patch: { pointsToMake: 'Laptop: thank the host; the rotation.' },
      expected: {},
    });
    await call(laptop, 'note.save', {
      id: annotationOnLaptop.id,
      baseVersion: annotationOnLaptop.version,
      title: 'Ask',
      body: 'Air defence.\nEastern flank.\nLaptop: the rotation.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(hq, 'meeting.update', {
      id: brief.id,
      patch: { pointsToMake: 'HQ: thank the host.', classification: 'NATO CONFIDENTIAL' },
      expected: {},
    });
    await call(hq, 'note.save', {
      id: annotation.id,
      baseVersion: (await call(hq, 'note.get', { id: annotation.id })).version,
      title: 'Ask',
      body: 'Air defence.\nHQ: Baltic air policing.\nEastern flank.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(hq, 'sync.now', {});
    await call(laptop, 'sync.configure', { url: server.url, username: 'lee', password: 'Desk-pass-2', summitIds: [vilniusOnLaptop] });
    await call(laptop, 'sync.now', {});

    // The officer keeps the laptop's brief (lowering it from HQ's NATO CONFIDENTIAL, confirmed) and merges the annotation's two texts.
    const conflicts = await call(laptop, 'conflict.list', {});
    expect(conflicts.map((each) => each.kind).sort()).toEqual(['meeting', 'meetingAnnotation']);
    for (const conflict of conflicts) {
      const detail = await call(laptop, 'conflict.get', { id: conflict.id });
      const winnerRev = detail.winner.rev;
      if (conflict.kind === 'meeting') {
        const ours = [detail.winner, ...detail.losers].find((side) => String(side.values.points_to_make).startsWith('Laptop'));
        await call(
          laptop,
          'conflict.resolve',
          ours?.rev === winnerRev
            ? { id: conflict.id, winnerRev, action: 'keep', lowersMarkingTo: ours.classification }
            : { id: conflict.id, winnerRev, action: 'take', rev: ours?.rev ?? '', lowersMarkingTo: ours?.classification },
        );
      } else {
        await call(laptop, 'conflict.resolve', {
          id: conflict.id,
          winnerRev,
          action: 'merge',
          choices: { body: winnerRev },
          texts: { body: 'Air defence.\nHQ: Baltic air policing.\nEastern flank.\nLaptop: the rotation.' },
        });
      }
    }
    expect(await call(laptop, 'conflict.list', {})).toEqual([]);

    // On the air-gapped network: the review, the import, the import again.
    const carried = fileOf(
      (await call(laptop, 'bundle.export', { selection: { summitId: vilniusOnLaptop }, recipients: [airgapFingerprint] })).path,
    );
    const review = await call(airgap, 'bundle.inspect', { file: carried });
    if (review.status !== 'ready') throw new Error(`the review was ${review.status}`);
    expect(review.review.counts).toMatchObject({ new: 0, updated: 2, conflicting: 0 });
    expect(review.review.changes.map((line) => [line.kind, line.name, line.change]).sort()).toEqual([
      ['meeting', 'Bilateral with Lithuania', 'updated'],
      ['note', 'Ask', 'updated'],
    ]);
    // The version HQ raised travels in the file, so the highest marking inside says so.
    expect(review.review.markings).toContain('NATO CONFIDENTIAL');
    expect((await call(airgap, 'bundle.import', { file: carried, acceptSigner: false })).status).toBe('imported');
    expect(await call(airgap, 'bundle.import', { file: carried, acceptSigner: false })).toMatchObject({
      status: 'refused',
      refusal: { reason: 'already-imported' },
    });
    expect(await call(airgap, 'conflict.list', {})).toEqual([]);
    const vilniusThere = (await call(airgap, 'summit.list', {})).find((each) => each.title === vilnius.title)?.id ?? 0;
    const briefThere = (await call(airgap, 'summit.view', { id: vilniusThere })).meetings[0]?.id ?? 0;
    expect((await call(airgap, 'meeting.get', { id: briefThere })).pointsToMake).toBe('Laptop: thank the host; the rotation.');
    expect((await call(airgap, 'note.listFor', { meetingId: briefThere })).map((each) => each.body)).toEqual([
      'Air defence.\nHQ: Baltic air policing.\nEastern flank.\nLaptop: the rotation.',
    ]);
  }, 120_000);
});
