// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { samplePackDefinition } from '../../../main/pdf/samplePack.ts';
import type { BriefingPack } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { PackEditor } from './PackEditor.tsx';

// A pack open in this builder while a colleague's save of it lands, unannounced
// (a sync between two polls, another window's event still on its way): the
// builder's own following of the saved pack cannot see it; the store refuses.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('a saved pack a colleague saved again meanwhile, unannounced', () => {
  it('is not replaced: the builder says so, takes it in, and saves what is typed over it next', async () => {
    const saved = await store.bridge['pack.save']({ name: 'Vilnius', definition: samplePackDefinition(store.db), expected: null });
    if (!saved.ok) throw new Error(saved.error.message);
    const pack: BriefingPack = saved.value;
    const onSaved = vi.fn();
    render(
      <StoreQueries client={createQueryClient()}>
        <PackEditor pack={pack} justSaved={false} onSaved={onSaved} onDeleted={() => undefined} />
      </StoreQueries>,
    );
    store.db
      .prepare('UPDATE briefing_pack SET definition = ? WHERE id = ?')
      .run(JSON.stringify({ ...pack.definition, title: 'Retitled by the colleague' }), pack.id);
    fireEvent.change(screen.getByLabelText('Title on the cover'), { target: { value: 'Retitled here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save pack' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /The pack “Vilnius” was saved in another window or by a sync .*\(titled “Retitled by the colleague”\).* Nothing was saved\./,
    );
    expect((screen.getByLabelText('Title on the cover') as HTMLInputElement).value).toBe('Retitled by the colleague');
    expect(onSaved).not.toHaveBeenCalled();
    const title = () =>
      (
        JSON.parse(store.db.prepare('SELECT definition FROM briefing_pack WHERE id = ?').pluck().get(pack.id) as string) as {
          title: string;
        }
      ).title;
    expect(title()).toBe('Retitled by the colleague');
    fireEvent.change(screen.getByLabelText('Title on the cover'), { target: { value: 'Retitled here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save pack' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(title()).toBe('Retitled here');
  });
});
