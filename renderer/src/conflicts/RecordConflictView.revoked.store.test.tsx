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
import { RecordConflictView } from './RecordConflictView.tsx';

// The note-taker's laptop was lost on the way to Nukuʻalofa. Whoever holds it
// can still write as that desk through the server until its password is
// changed: a version it claims to have written is said to be doubtful.

afterEach(cleanup);

const lostFingerprint = '7A7A 1111 2222 3333 4444';

describe('a version written by a desk this desk stopped trusting', () => {
  it('says beside its author that the key is no longer trusted, and since when', async () => {
    const store = createStoreBridge();
    setBridge(store.bridge);
    const laptop = openScratchDatabase();
    applyMerge(laptop, historiesOf(store.db, allRecordIds(store.db)));
    laptop
      .prepare(
        `INSERT INTO desk_key (id, desk_name, signing_private, signing_public, encryption_private, encryption_public, fingerprint)
         VALUES (1, 'Note-taker laptop', x'00', 'signing', x'00', 'encryption', ?)`,
      )
      .run(lostFingerprint);
    store.db.prepare(`UPDATE meeting SET title = 'Bilateral with Tonga' WHERE id = 1`).run();
    laptop.prepare(`UPDATE meeting SET title = 'Bilateral with Tonga (planted)' WHERE id = 1`).run();
    applyMerge(store.db, historiesOf(laptop, allRecordIds(laptop)));
    store.db
      .prepare(
        `INSERT INTO desk_contact_revoked (fingerprint, desk_name, signing_key, encryption_key, revoked_at)
         VALUES (?, 'Note-taker laptop', 'signing', 'encryption', '2026-08-22T03:00:00.000Z')`,
      )
      .run(lostFingerprint);
    const record = store.db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'meeting' AND row_key = '1'`).pluck().get() as string;
    render(
      <SettingsProvider>
        <RecordConflictView record={record} />
      </SettingsProvider>,
    );
    await screen.findByRole('row', { name: /Title/ });
    const lines = (await screen.findAllByTestId('version-author')).map((line) => line.textContent ?? '');
    // The laptop's version says so; this desk's own does not.
    for (const line of lines)
      if (line.includes(lostFingerprint))
        expect(line).toMatch(/this desk stopped trusting that key on Sat, 22 Aug 2026.*: its laptop was lost/);
      else expect(line).not.toContain('stopped trusting');
    expect(lines.some((line) => line.includes(lostFingerprint))).toBe(true);
  });
});
