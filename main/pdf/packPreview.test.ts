import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listParticipants, meetings } from '../../db/meetings.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackExportResult, PackPreview } from '../../shared/contract.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { createDispatch } from '../ipc/dispatch.ts';
import { createHandlers } from '../ipc/handlers/index.ts';
import { pageTexts } from './pdfText.testing.ts';
import { testPrintEngine } from './printScratch.testing.ts';
import { samplePackDefinition } from './samplePack.ts';

const exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-preview-'));
const engine = testPrintEngine();
afterAll(async () => {
  await engine.close();
  fs.rmSync(exportsDir, { recursive: true, force: true });
});

/** A printed line with its whitespace runs made one space, as pdftotext lays a table row out. */
const squeezed = (text: string) => text.replace(/\s+/g, ' ');

it('lists the participants and follow-up actions a full brief prints, with their marks, and none for a pocket card', async () => {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date('2023-07-10T08:00:00Z'), pdf: { engine, exportsDir } }),
  });
  const sample = samplePackDefinition(db);
  const meetingSection = sample.sections.find((section) => section.kind === 'meeting');
  if (meetingSection?.kind !== 'meeting') throw new Error('the sample pack has a meeting');
  const meeting = meetings.get(db, meetingSection.meetingId);
  const created = await dispatch('followUp.create', {
    meetingId: meeting.id,
    description: 'Send the ITPP text',
    owner: 'Desk',
    dueOn: '2023-07-20',
    status: 'open',
    classification: meeting.classification,
  });
  expect(created.ok).toBe(true);
  const definition: PackDefinition = { ...sample, sections: [meetingSection] };

  const preview = await dispatch('pack.preview', { definition });
  if (!preview.ok) throw new Error(preview.error.message);
  const listed = (preview.value as PackPreview).sections[0]?.records ?? [];
  // In the order the brief prints them: our side first, then theirs.
  const participants = listParticipants(db, meeting.id).sort((a, b) => Number(a.side === 'theirs') - Number(b.side === 'theirs'));
  expect(participants.length).toBeGreaterThan(0);
  expect(listed.filter((record) => record.kind === 'participant').map((record) => record.title)).toEqual(
    participants.map((participant) => (participant.nativeName ? `${participant.name} (${participant.nativeName})` : participant.name)),
  );
  const followUps = listed.filter((record) => record.kind === 'followUp');
  expect(followUps.map((record) => record.title)).toEqual(['Send the ITPP text']);

  // The PDF read back holds each listed participant and follow-up on a row that starts with the mark the list shows.
  const saved = await dispatch('pack.save', { name: 'Preview check', definition, expected: null });
  const exported = await dispatch('pack.export', { id: saved.ok ? (saved.value as { id: number }).id : 0 });
  if (!exported.ok) throw new Error(exported.error.message);
  const printed = pageTexts((exported.value as PackExportResult).path).flatMap((page) => page.split('\n').map(squeezed));
  for (const record of listed.filter((row) => row.kind === 'participant' || row.kind === 'followUp')) {
    const name = record.kind === 'participant' ? record.title.replace(/ \(.*\)$/, '') : record.title;
    expect(
      printed.some((line) => line.trim().startsWith(record.mark) && line.includes(name)),
      `${record.mark} ${name}`,
    ).toBe(true);
  }

  // A pocket card prints neither: the list says so by leaving them out.
  const pocket = await dispatch('pack.preview', { definition: { ...definition, sections: [{ ...meetingSection, form: 'pocket' }] } });
  const pocketKinds = pocket.ok ? (pocket.value as PackPreview).sections[0]?.records.map((record) => record.kind) : [];
  expect(pocketKinds).toEqual(['meeting']);
}, 60_000);
