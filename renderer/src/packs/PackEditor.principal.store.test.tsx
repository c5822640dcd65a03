// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { people } from '../../../db/people.ts';
import { listSummits } from '../../../db/summits.ts';
import type { BriefingPack } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { PackEditor } from './PackEditor.tsx';

// The cover prints the principal's name and title from their record, so the
// principal counts towards the banner that "Will print" announces before export.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('the principal chosen for a pack', () => {
  it('raises the banner “Will print” announces, as it raises the printed one', async () => {
    const summitId = listSummits(store.db)[0]?.id ?? null;
    const principalId = people.insert(store.db, {
      name: 'Natan Obed',
      nativeName: 'ᓇᑕᓐ ᐅᐱᑦ',
      title: 'President, Inuit Tapiriit Kanatami',
      countryId: null,
      biography: '',
      classification: 'NATO SECRET',
      sourceId: null,
    });
    const saved = await store.bridge['pack.save']({
      name: 'Principal only',
      expected: null,
      definition: { title: 'Cover', recipient: '', summitId, principalId, paper: 'a4', sections: [{ kind: 'timeline' }] },
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const pack: BriefingPack = saved.value;
    render(
      <StoreQueries client={createQueryClient()}>
        <PackEditor pack={pack} justSaved={false} onSaved={() => undefined} onDeleted={() => undefined} />
      </StoreQueries>,
    );
    expect(await screen.findByText('Banner on every page: NATO SECRET')).toBeTruthy();
  });
});
