import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { briefingHandlers } from './briefing.ts';

describe('the summit view', () => {
  let db: Db;
  beforeEach(() => {
    db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
  });

  it('lists each person in the summit’s meetings once, and the sectors with entries on its days', async () => {
    const handlers = briefingHandlers({ db, clock: () => new Date('2023-07-01T00:00:00Z') });
    const view = await handlers['summit.view']({ id: 1 }, { record: () => undefined });
    expect(view.participants.map((person) => person.name)).toEqual(['Jens Stoltenberg', 'Yoon Suk Yeol']);
    expect(view.sectors.map((sector) => sector.name)).toContain('Cybersecurity');
    expect(view.sectors.every((sector) => !sector.name.includes('not named'))).toBe(true);
  });
});
