// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOneDaySummit } from '../../../db/testing.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { PackEditor } from './PackEditor.tsx';

// The builder lists a sector's entries to take out of the pack, each with the day it happened: written as the
// rest of Sherpa writes a day ("12 July 2023"), not as the store keeps it ("2023-07-12").

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('a sector section in the pack builder', () => {
  it('dates each entry it may take out as a day is written, not as the store keeps it', async () => {
    const summitId = insertOneDaySummit(store.db, 'Valletta Ministerial', '2023-07-20', 'NATO RESTRICTED');
    const entry = store.db.prepare('SELECT id, sector_id AS sectorId, title FROM sector_entry ORDER BY id LIMIT 1').get() as
      | { id: number; sectorId: number; title: string }
      | undefined;
    if (!entry) throw new Error('the sample has no sector entry');
    store.db.prepare(`UPDATE sector_entry SET occurred_on = '2023-07-12' WHERE id = ?`).run(entry.id);
    const saved = await store.bridge['pack.save']({
      name: 'Valletta',
      expected: null,
      definition: {
        title: 'Valletta',
        recipient: '',
        summitId,
        principalId: null,
        paper: 'a4',
        sections: [{ kind: 'sector', sectorId: entry.sectorId }],
      },
    });
    if (!saved.ok) throw new Error(saved.error.message);
    render(
      <StoreQueries client={createQueryClient()}>
        <PackEditor pack={saved.value} justSaved={false} onSaved={() => undefined} onDeleted={() => undefined} />
      </StoreQueries>,
    );
    const box = await screen.findByLabelText(`Take out of this pack: ${entry.title}`);
    const row = box.closest('label')?.textContent ?? '';
    expect(row).toContain('12 July 2023');
    expect(row).not.toContain('2023-07-12');
  });
});
