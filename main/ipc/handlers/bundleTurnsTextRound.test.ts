import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { BundleExportResult, BundleImportOutcome, BundleInspection } from '../../../shared/bundles.ts';
import type { Summit } from '../../../shared/domain.ts';
import { desksKnowingEachOther } from './exchangeDesk.helpers.ts';

// A colleague's desk sends records whose text holds a right-to-left override (typed before Sherpa refused
// one, or written by a doctored desk): `\u202Eksed luoeS htiw gniteeM` is listed, obeyed, as "Meeting with
// Seoul desk". Refusing the bundle would stop the team's exchange; the review instead counts such records and
// lists each name with the character named, and the import keeps every byte as sent (every desk the same).

const doctored = '\u202Eksed luoeS htiw gniteeM';
const doctoredNote = 'Line to take: Approve \u2067evil\u2069 and move on.';

it('counts received records whose text turns round, lists their names with the character named, and keeps them as sent', async () => {
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
  const doctoredId = insertMeeting.run(summit.id, doctored).lastInsertRowid;
  insertMeeting.run(summit.id, 'Bilateral with Japan');
  a.db.prepare(`INSERT INTO note (meeting_id, title, body) VALUES (?, 'Corridor', ?)`).run(doctoredId, doctoredNote);

  const exported = await a.ok<BundleExportResult>('bundle.export', {
    selection: { summitId: summit.id },
    recipients: [cardB.card.fingerprint],
  });
  const file = fs.readFileSync(exported.path).toString('base64');
  const inspection = await b.ok<BundleInspection>('bundle.inspect', { file });
  if (inspection.status !== 'ready') throw new Error(inspection.status);
  const { review } = inspection;
  expect(review.counts.new).toBe(4);
  expect(review.turnsTextRound).toBe(2);
  const names = review.changes.map((line) => line.name);
  expect(names).toContain('[U+202E]ksed luoeS htiw gniteeM');
  expect(names).toContain('Bilateral with Japan');
  expect(names.join('\n')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);

  await b.ok<BundleImportOutcome>('bundle.import', { file, acceptSigner: true });
  const stored = (db: typeof a.db) => [
    db.prepare('SELECT title FROM meeting ORDER BY title').pluck().all(),
    db.prepare('SELECT body FROM note').pluck().all(),
  ];
  expect(stored(b.db)).toEqual(stored(a.db));
  expect(stored(b.db)[0]).toContain(doctored);
});
