import { expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackPreview } from '../../shared/contract.ts';
import { createDispatch } from '../ipc/dispatch.ts';
import { createHandlers } from '../ipc/handlers/index.ts';
import { samplePackDefinition } from './samplePack.ts';

// A source carries a marking (its form asks for one) and the PDF's Sources
// annex prints it before the title, "(NC) Declaração de Vientiane …"; the
// builder's "Will print" listed the same source with no mark at all, the one
// line of the list without one.
it('lists each source of the Sources annex with the portion mark the PDF prints before it', async () => {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2026-12-02T07:00:00Z') }) });
  const preview = await dispatch('pack.preview', { definition: samplePackDefinition(db) });
  if (!preview.ok) throw new Error(preview.error.message);
  const sources = (preview.value as PackPreview).sections.find((section) => section.kind === 'sources');
  expect(sources?.records.length).toBeGreaterThan(0);
  for (const source of sources?.records ?? []) expect(source.mark).toBe('(NU)');
});
