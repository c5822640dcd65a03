// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackPreview } from '../../../shared/contract.ts';
import type { PackDefinition } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { PackPreviewPanel } from './PackPreviewPanel.tsx';

// The pack builder lists every record the PDF will hold, each with its portion mark: those records are on
// screen, so the window's banner must count them, as it counts every other list's.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

async function previewOf(definition: PackDefinition): Promise<PackPreview> {
  const answer = await store.bridge['pack.preview']({ definition });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

describe('the builder’s list of what a pack will print', () => {
  it('raises the window’s banner to the highest marking it lists', async () => {
    const meetingId = store.db.prepare('SELECT min(id) FROM meeting WHERE summit_id = 1').pluck().get() as number;
    const action = await store.bridge['followUp.create']({
      meetingId,
      description: 'Brief the principal on the intelligence annex',
      owner: 'Sahel desk',
      dueOn: null,
      status: 'open',
      classification: 'NATO SECRET',
    });
    if (!action.ok) throw new Error(action.error.message);
    const preview = await previewOf({
      title: 'Car pack',
      recipient: '',
      summitId: 1,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'meeting', meetingId, form: 'full' }],
    });
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <ScreenMarkingsProvider>
            <ScreenBanner edge="top" />
            <PackPreviewPanel preview={{ status: 'ready', value: preview }} failure="" />
          </ScreenMarkingsProvider>
        </SettingsProvider>
      </StoreQueries>,
    );
    await screen.findByText(/Brief the principal on the intelligence annex/);
    const banner = screen.getByRole('note', { name: 'Highest marking on screen' });
    await waitFor(() => expect(banner.textContent).toBe('NATO SECRET'));
  });

  it('names what is marked outside the scheme, as the window’s banner does, never “UNMARKED”', async () => {
    const meetingId = store.db.prepare('SELECT min(id) FROM meeting WHERE summit_id = 1').pluck().get() as number;
    const action = await store.bridge['followUp.create']({
      meetingId,
      description: 'Hand the Bonn desk the buoy annex',
      owner: 'Bonn desk',
      dueOn: null,
      status: 'open',
      classification: 'NATO SECRET',
    });
    if (!action.ok) throw new Error(action.error.message);
    // The desk moved to its own scheme; every record but the action was marked again in it.
    const stored = JSON.parse((store.db.prepare(`SELECT value FROM setting WHERE key = 'settings'`).pluck().get() as string) ?? '{}');
    const scheme = {
      name: 'DE',
      levels: [
        { name: 'OFFEN', portion: 'OF' },
        { name: 'VS-NFD', portion: 'NFD' },
      ],
    };
    store.db
      .prepare(`INSERT OR REPLACE INTO setting (key, value) VALUES ('settings', ?)`)
      .run(JSON.stringify({ ...stored, classificationScheme: scheme }));
    for (const table of [
      'summit',
      'meeting',
      'person',
      'country',
      'source',
      'note',
      'programme',
      'sector',
      'sector_entry',
      'timeline_event',
    ])
      store.db.prepare(`UPDATE ${table} SET classification = 'OFFEN'`).run();
    store.db.prepare(`UPDATE follow_up SET classification = 'OFFEN' WHERE classification != 'NATO SECRET'`).run();
    const preview = await previewOf({
      title: 'Bonn pack',
      recipient: '',
      summitId: 1,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'meeting', meetingId, form: 'full' }],
    });
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <ScreenMarkingsProvider>
            <ScreenBanner edge="top" />
            <PackPreviewPanel preview={{ status: 'ready', value: preview }} failure="" />
          </ScreenMarkingsProvider>
        </SettingsProvider>
      </StoreQueries>,
    );
    await screen.findByText(/Hand the Bonn desk the buoy annex/);
    const banner = screen.getByRole('note', { name: 'Highest marking on screen' });
    await waitFor(() => expect(banner.textContent).toBe('OFFEN + MARKED OUTSIDE THIS SCHEME: NATO SECRET'));
    expect(screen.getByText(/^Banner on every page:/).textContent).toBe(
      'Banner on every page: OFFEN + MARKED OUTSIDE THIS SCHEME: NATO SECRET',
    );
  });
});
