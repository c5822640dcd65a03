import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { BriefingPack } from '../../shared/domain.ts';
import { samplePackDefinition } from '../pdf/samplePack.ts';
import { createDispatch } from './dispatch.ts';
import { createHandlers } from './handlers/index.ts';

describe('pack definitions', () => {
  it('keep each person of a biographies section once, in the order first given', async () => {
    const db = openScratchDatabase();
    loadSampleIfEmpty(db);
    const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2023-07-10T08:00:00Z') }) });
    const people = (db.prepare('SELECT id FROM person ORDER BY id LIMIT 2').pluck().all() as number[]).reverse();
    const [second, first] = people as [number, number];
    const definition = {
      ...samplePackDefinition(db),
      sections: [{ kind: 'biographies' as const, personIds: [second, first, second, first, second] }],
    };
    const saved = await dispatch('pack.save', { name: 'Twice named', definition, expected: null });
    expect(saved.ok).toBe(true);
    const stored = await dispatch('pack.get', { id: saved.ok ? (saved.value as BriefingPack).id : 0 });
    expect(stored.ok && (stored.value as BriefingPack).definition.sections).toEqual([{ kind: 'biographies', personIds: [second, first] }]);
  });

  it('refuse to take out of a sector section an id that is not one of its entries, naming the field, and leave the saved pack as it was', async () => {
    const db = openScratchDatabase();
    loadSampleIfEmpty(db);
    const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2023-07-10T08:00:00Z') }) });
    const definition = samplePackDefinition(db);
    const sectorIndex = definition.sections.findIndex((section) => section.kind === 'sector');
    const [own, other] = definition.sections.filter((section) => section.kind === 'sector');
    if (!own || !other) throw new Error('the sample pack needs two sectors');
    const ownEntry = db.prepare('SELECT id FROM sector_entry WHERE sector_id = ? LIMIT 1').pluck().get(own.sectorId) as number;
    const otherEntry = db.prepare('SELECT id FROM sector_entry WHERE sector_id = ? LIMIT 1').pluck().get(other.sectorId) as number;
    const withRemoved = (removedEntryIds: number[]) => ({
      ...definition,
      sections: definition.sections.map((section, index) => (index === sectorIndex ? { ...section, removedEntryIds } : section)),
    });
    const saved = await dispatch('pack.save', { name: 'Entries', definition: withRemoved([ownEntry]), expected: null });
    expect(saved.ok).toBe(true);
    const refused = await dispatch('pack.save', { name: 'Entries', definition: withRemoved([ownEntry, otherEntry]), expected: null });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.field).toBe(`definition.sections.${sectorIndex}.removedEntryIds`);
      expect(refused.error.message).toContain(`entry ${otherEntry} is not an entry of this sector`);
    }
    const stored = await dispatch('pack.get', { id: saved.ok ? (saved.value as BriefingPack).id : 0 });
    expect(stored.ok && (stored.value as BriefingPack).definition.sections[sectorIndex]).toEqual({ ...own, removedEntryIds: [ownEntry] });
    // The entry deleted later: the saved pack still previews, printing the rest of the sector.
    const deleted = await dispatch('sectorEntry.delete', { id: ownEntry, takeAlong: true });
    expect(deleted.ok).toBe(true);
    const preview = await dispatch('pack.preview', { definition: withRemoved([ownEntry]) });
    expect(preview.ok).toBe(true);
  });
});
