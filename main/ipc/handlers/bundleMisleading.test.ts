import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { BundleExportResult, BundleImportOutcome, BundleInspection } from '../../../shared/bundles.ts';
import type { Summit } from '../../../shared/domain.ts';
import { desksKnowingEachOther } from './exchangeDesk.helpers.ts';

// A colleague's desk sends records whose text hides what it says: a zero-width space inside a Latin name (two
// people who look the same), a control character in a follow-up, a right-to-left mark in a Latin title. The review
// listed only direction overrides: these went in unseen, and showed as the name they imitate. It now lists every
// such record before the import, with the characters each holds, and keeps Persian and Thai text as it is.

it('lists, before the import, each received record whose text hides what it says, with its characters, and leaves script text alone', async () => {
  const { a, b, cardB } = await desksKnowingEachOther();
  const summit = await a.ok<Summit>('summit.create', {
    title: 'Seoul Summit',
    city: 'Seoul',
    countryId: null,
    startDate: '2024-07-09',
    endDate: '2024-07-11',
    timeZone: 'Asia/Seoul',
    description: '',
    sourceId: null,
    classification: 'NATO UNCLASSIFIED',
  });
  // Written past the forms, as a desk from before the rule (or a doctored one) holds them.
  const insertMeeting = a.db.prepare(
    `INSERT INTO meeting (summit_id, title, format, starts_at, time_zone, classification)
       VALUES (?, ?, 'bilateral', '2024-07-10T05:00:00Z', 'Asia/Seoul', 'NATO RESTRICTED')`,
  );
  const hidden = insertMeeting.run(summit.id, 'Bilateral with Kim\u200bJong').lastInsertRowid;
  insertMeeting.run(summit.id, 'Bilateral with Japan');
  insertMeeting.run(summit.id, 'دیدار با وزیر می\u200cخواهد');
  insertMeeting.run(summit.id, 'Call with Seoul\u200fdesk');
  a.db.prepare(`INSERT INTO follow_up (meeting_id, description) VALUES (?, 'Send the list\u0007 today')`).run(hidden);

  const exported = await a.ok<BundleExportResult>('bundle.export', {
    selection: { summitId: summit.id },
    recipients: [cardB.card.fingerprint],
  });
  const file = fs.readFileSync(exported.path).toString('base64');
  const inspection = await b.ok<BundleInspection>('bundle.inspect', { file });
  if (inspection.status !== 'ready') throw new Error(inspection.status);
  const { review } = inspection;
  expect(review.turnsTextRound).toBe(0);
  expect(review.misleading.count).toBe(3);
  expect(review.misleading.lines.map((line) => [line.kind, line.name, line.characters])).toEqual(
    expect.arrayContaining([
      ['meeting', 'Bilateral with Kim[U+200B]Jong', ['U+200B']],
      ['meeting', 'Call with Seoul[U+200F]desk', ['U+200F']],
      ['followUp', expect.stringContaining('Send the list[U+0007] today'), ['U+0007']],
    ]),
  );
  expect(review.changes.map((line) => line.name)).toContain('دیدار با وزیر می\u200cخواهد');

  await b.ok<BundleImportOutcome>('bundle.import', { file, acceptSigner: true });
  const stored = (db: typeof a.db) => db.prepare('SELECT title FROM meeting ORDER BY title').pluck().all();
  expect(stored(b.db)).toEqual(stored(a.db));
});
