// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { UndoProvider } from '../components/Undo.tsx';
import { dropTypedForForm } from '../forms/typedBeforeForm.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { AnnotationPanel } from './AnnotationPanel.tsx';

// Athens preparing Tbilisi (r35-trial): the desk pressed "Add annotation" and typed at once; the annotation saved
// was "ά· μην το θέσετε.", its first fifteen letters lost while the button, disabled as the annotation was made,
// held the caret. What is typed before the new annotation's editor comes now goes into it.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(() => {
  dropTypedForForm();
  cleanup();
  window.sessionStorage.clear();
});

/** Keys pressed wherever the caret is, as a browser takes them: a text field not refusing one gets its letter. */
const typeNowhere = (text: string) => {
  for (const key of Array.from(text)) {
    const target = document.activeElement ?? document.body;
    if (fireEvent.keyDown(target, { key }) && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement))
      target.value += key;
  }
};

describe('an annotation typed into as soon as “Add annotation” is pressed', () => {
  it('holds every letter typed before its editor came, and the store has them', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <UndoProvider>
            <AnnotationPanel meetingId={1} />
          </UndoProvider>
        </SettingsProvider>
      </StoreQueries>,
    );
    const add = await screen.findByRole('button', { name: 'Add annotation' });
    act(() => add.focus());
    fireEvent.click(add);
    typeNowhere('Η Άγκυρα αντιδρά');
    const text = await screen.findByRole('textbox', { name: 'Annotation text' });
    await waitFor(() => expect(text).toHaveProperty('value', 'Η Άγκυρα αντιδρά'));
    expect(document.activeElement).toBe(text);
    expect(document.querySelector('.typed-ahead')).toBeNull();
    await waitFor(() =>
      expect(store.db.prepare('SELECT body FROM note WHERE meeting_id = 1 AND deleted_at IS NULL').pluck().all()).toEqual([
        'Η Άγκυρα αντιδρά',
      ]),
    );
  });
});
