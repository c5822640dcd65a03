// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNote, linkNote } from '../../../db/notes.ts';
import { insertOneDaySummit } from '../../../db/testing.ts';
import type { BriefingPack } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { PackEditor } from './PackEditor.tsx';

// Two summits of the desk share a sector; a note linked to it was written
// before the first ended. The second summit's pack lists it as left out,
// naming the first, and prints it once the officer clears its box.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('a sector note written for another summit, in the pack builder', () => {
  it('starts struck out, naming that summit, and goes to “Will print” once kept', async () => {
    insertOneDaySummit(store.db, 'Reykjavik Cable Summit', '2027-03-10', 'NATO RESTRICTED');
    const lisbon = insertOneDaySummit(store.db, 'Lisbon Cable Summit', '2027-09-20', 'NATO RESTRICTED');
    const sectorId = store.db.prepare('SELECT id FROM sector ORDER BY id LIMIT 1').pluck().get() as number;
    const note = createNote(
      store.db,
      { sectorEntryId: null, meetingId: null },
      { title: 'Reykjavik landing-station line', body: 'Hold the line.', tags: [], classification: 'NATO SECRET' },
    );
    linkNote(store.db, note.id, { sectorId });
    store.db.prepare('UPDATE note SET created_at = ? WHERE id = ?').run('2027-02-01T09:00:00.000Z', note.id);
    const saved = await store.bridge['pack.save']({
      name: 'Lisbon cables',
      expected: null,
      definition: {
        title: 'Lisbon cables',
        recipient: '',
        summitId: lisbon,
        principalId: null,
        paper: 'a4',
        sections: [{ kind: 'sector', sectorId }, { kind: 'notes' }],
      },
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const pack: BriefingPack = saved.value;
    render(
      <StoreQueries client={createQueryClient()}>
        <PackEditor pack={pack} justSaved={false} onSaved={() => undefined} onDeleted={() => undefined} />
      </StoreQueries>,
    );
    const box = (await screen.findByLabelText('Leave out of this pack: Reykjavik landing-station line')) as HTMLInputElement;
    expect(box.checked).toBe(true);
    const row = box.closest('li')?.textContent ?? '';
    expect(row).toContain('written 2027-02-01, before \u2068Reykjavik Cable Summit\u2069 ended');
    expect(row).toContain('Left out of this pack');
    const willPrint = () => screen.getByRole('list', { name: 'Will print' }).textContent ?? '';
    await waitFor(() => expect(willPrint()).toContain('Notes'));
    expect(willPrint()).not.toContain('Reykjavik landing-station line');
    fireEvent.click(box);
    await waitFor(() => expect(willPrint()).toContain('Reykjavik landing-station line'));
    expect(box.checked).toBe(false);
  });
});
