// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { allRecordIds, historiesOf } from '../../../db/sync/history.ts';
import { applyMerge } from '../../../db/sync/merge.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { ConflictsView } from './ConflictsView.tsx';

// Wellington raised the Tonga brief to NATO CONFIDENTIAL while Canberra,
// offline, redrafted it twice: Canberra's NATO RESTRICTED version is shown
// everywhere, and the list of conflicts says the other is marked higher.

afterEach(cleanup);

describe('the list of conflicts', () => {
  it('says beside a record that a version kept beside the one shown is marked higher', async () => {
    const store = createStoreBridge();
    setBridge(store.bridge);
    const wellington = openScratchDatabase();
    applyMerge(wellington, historiesOf(store.db, allRecordIds(store.db)));
    wellington.prepare(`UPDATE meeting SET classification = 'NATO CONFIDENTIAL' WHERE id = 1`).run();
    store.db.prepare(`UPDATE meeting SET classification = 'NATO RESTRICTED', purpose = 'First redraft.' WHERE id = 1`).run();
    store.db.prepare(`UPDATE meeting SET purpose = 'Second redraft.' WHERE id = 1`).run();
    applyMerge(store.db, historiesOf(wellington, allRecordIds(wellington)));
    render(
      <SettingsProvider>
        <ConflictsView />
      </SettingsProvider>,
    );
    const row = await screen.findByRole('row', { name: /\(one marked/ });
    expect(row.textContent).toMatch(/\(NR\).*1 \(one marked NATO CONFIDENTIAL: a pack prints the record at it until settled\)/);
  });
});
