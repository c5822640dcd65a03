import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { natoScheme } from '../ipc/handlers/settings.ts';
import { exportBundle, importBundle } from '../sync/bundle.ts';
import { ensureDeskKeys } from '../sync/deskKeys.ts';
import { exportPack } from './exportPack.ts';
import { previewPack } from './packPreview.ts';
import { pageTexts, readStructure } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';

// A colleague's desk sends a meeting whose title holds a right-to-left override (typed before Sherpa refused
// one, or written by a doctored desk): stored as `\u202Eksed luoeS htiw gniteeM`, it prints reversed as
// "Meeting with Seoul desk", a text nobody wrote. The record is kept byte for byte (every desk must hold the
// same), and the pack prints the override as a visible mark, so the title reads as it is stored.

const { folder, engine } = printScratch('sherpa-received-direction-');
const doctored = '\u202Eksed luoeS htiw gniteeM';

function deskStore(name: string) {
  const db = openScratchDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-received-')), 'store.sqlite'));
  return { db, keys: ensureDeskKeys(db, name) };
}

function receivedMeeting(): Db {
  const sender = deskStore('Desk A');
  sender.db
    .prepare(
      `INSERT INTO summit (id, title, start_date, end_date, time_zone, classification) VALUES (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius', 'NATO UNCLASSIFIED')`,
    )
    .run();
  sender.db
    .prepare(
      `INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, classification)
       VALUES (1, 1, ?, 'bilateral', '2023-07-11T08:00:00Z', 'Europe/Vilnius', 'NATO UNCLASSIFIED')`,
    )
    .run(doctored);
  const receiver = deskStore('Desk B');
  importBundle(receiver.db, receiver.keys, exportBundle(sender.db, sender.keys, 'everything', { recipients: [receiver.keys.card] }), {
    acceptSigner: true,
  });
  return receiver.db;
}

it('keeps a received title holding a direction override as sent, and prints the override as a visible mark', async () => {
  const db = receivedMeeting();
  const meeting = db.prepare('SELECT id, summit_id AS summitId, title FROM meeting').get() as {
    id: number;
    summitId: number;
    title: string;
  };
  expect(meeting.title).toBe(doctored);
  const definition: PackDefinition = {
    title: 'Received pack',
    recipient: '',
    summitId: meeting.summitId,
    principalId: null,
    paper: 'a4',
    sections: [{ kind: 'meeting', meetingId: meeting.id, form: 'pocket' }],
  };
  // "Will print", before export, lists it as the PDF prints it.
  const preview = previewPack(db, definition, { scheme: natoScheme, homeTimeZone: 'UTC', preparedOn: '2026-12-01' });
  const listed = preview.sections.flatMap((section) => [section.title, ...section.records.map((record) => record.title)]);
  expect(listed).toContain('[U+202E]ksed luoeS htiw gniteeM');
  expect(listed.join('\n')).not.toContain('\u202E');
  const file = path.join(folder, 'received.pdf');
  await exportPack(db, engine, { packName: 'Received pack', definition, outPath: file, clock: () => new Date('2026-12-01T08:00:00Z') });
  const text = pageTexts(file).join('\n');
  expect(text).not.toMatch(/Meeting with Seoul desk/);
  expect(text).toMatch(/\[U\+202E\] ?ksed luoeS htiw gniteeM/);
  // The reader's bookmarks name the section as its heading does.
  const { outline } = await readStructure(fs.readFileSync(file));
  expect(outline.flatMap((entry) => [entry.title, ...entry.children]).join('\n')).toContain('[U+202E]ksed luoeS htiw gniteeM');
  expect(db.prepare('SELECT title FROM meeting').pluck().get()).toBe(doctored);
});
