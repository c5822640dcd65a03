// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { PackEditor } from './PackEditor.tsx';

// Tallinn's desk officer, on the keyboard alone, saved a new pack with no title on its cover: the refusal was said,
// but the caret stayed on Save, a dozen Tabs past the field to fill. It goes to the field, named as the one refused.

beforeEach(() => setBridge(createStoreBridge().bridge));
afterEach(cleanup);

describe('a pack refused for a field left empty', () => {
  it('puts the caret in that field, marked invalid and described by the refusal', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <PackEditor pack={null} justSaved={false} onSaved={() => undefined} onDeleted={() => undefined} />
      </StoreQueries>,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Pack name' }), { target: { value: 'NB8 Rīga pakk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add: Timeline' }));
    const save = screen.getByRole('button', { name: 'Save pack' });
    act(() => save.focus());
    fireEvent.click(save);
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain('“Title on the cover” is empty');
    const title = screen.getByRole('textbox', { name: 'Title on the cover' });
    expect(document.activeElement).toBe(title);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toBe(refusal.id);
  });
});
