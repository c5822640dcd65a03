// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackSection } from '../../../shared/domain.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { BiographiesEditor } from './SectionSettings.tsx';

// The desk's scheme comes from the store's settings (the sample's: NATO).
beforeEach(() => setBridge(createStoreBridge().bridge));
afterEach(cleanup);

// A biography the officer writes for one pack is a text of its own, so it
// carries its own marking: it starts at the person's, shown beside it, and
// the officer raises it where the pack's version says more.

type BiographiesSection = Extract<PackSection, { kind: 'biographies' }>;
const person = { id: 7, name: 'Kalani Fifita', nativeName: '', title: 'Deputy sherpa', biography: '', classification: 'NATO RESTRICTED' };
let saved: BiographiesSection | null = null;

function Editor() {
  const [section, setSection] = useState<BiographiesSection>({ kind: 'biographies', personIds: [] });
  return (
    <BiographiesEditor
      section={section}
      people={[person]}
      change={(next) => {
        saved = next;
        setSection(next);
      }}
    />
  );
}

describe('a biography written for the pack', () => {
  it('asks its marking once written, starting at the person’s, and keeps the one chosen', async () => {
    render(
      <SettingsProvider>
        <Editor />
      </SettingsProvider>,
    );
    expect(screen.queryByLabelText(/Marking of this biography/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/Biography for this pack: Kalani Fifita/), { target: { value: 'Briefs the minister' } });
    const marking = screen.getByLabelText('Marking of this biography: Kalani Fifita') as HTMLSelectElement;
    expect(marking.value).toBe('NATO RESTRICTED');
    await screen.findByRole('option', { name: 'NATO SECRET' });
    fireEvent.change(marking, { target: { value: 'NATO SECRET' } });
    fireEvent.change(screen.getByLabelText(/Biography for this pack: Kalani Fifita/), { target: { value: 'Briefs the minister daily' } });
    expect(saved?.biographies).toEqual([{ personId: 7, text: 'Briefs the minister daily', classification: 'NATO SECRET' }]);
  });
});

describe('a long biography pasted for the pack', () => {
  it('is kept whole in the field, to be said too long at Save, never cut', () => {
    render(
      <SettingsProvider>
        <Editor />
      </SettingsProvider>,
    );
    const field = screen.getByLabelText(/Biography for this pack: Kalani Fifita/) as HTMLTextAreaElement;
    // The field stopped at 20,000 characters, a fifth of what a pack keeps, and dropped the rest without a word.
    expect(field.maxLength).toBe(-1);
    const pasted = 'Deputy sherpa since 2019. '.repeat(1_000);
    fireEvent.change(field, { target: { value: pasted } });
    expect(saved?.biographies?.[0]?.text).toBe(pasted);
  });
});

describe('the people the biographies annex can hold', () => {
  it('show each person’s name, title and shared biography with the person’s portion mark', async () => {
    render(
      <SettingsProvider>
        <Editor />
      </SettingsProvider>,
    );
    const row = screen.getByText('Kalani Fifita').closest('li') as HTMLElement;
    await waitFor(() => expect(row.querySelector('.portion-mark')?.textContent).toBe('(NR)'));
  });
});
