// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { UndoProvider } from '../components/Undo.tsx';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { AnnotationPanel } from './AnnotationPanel.tsx';

// Tallinn's desk officer, on the keyboard alone, moved an annotation of the Oslo call to the trash: its button went
// with it and the caret fell to <body>. It goes to the annotation that takes its place, or to "Add annotation".
// A screen reader heard every annotation's buttons as "Edit" and "Move to trash": each now names its annotation.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

const annotate = async (body: string) => {
  const made = await store.bridge['note.create']({ meetingId: 1, title: '', body, tags: [], classification: 'NATO UNCLASSIFIED' });
  if (!made.ok) throw new Error(made.error.message);
};

/** A key pressed on the focused button: the caret on it, then its click. */
const press = (button: HTMLElement) => {
  act(() => button.focus());
  fireEvent.click(button);
};

describe('an annotation moved to the trash from the keyboard', () => {
  it('passes the caret to the next annotation, the one before, then “Add annotation”', async () => {
    await annotate('Støre wants Arctic language.');
    await annotate('Siliņa chairs the NB8 this year.');
    await annotate('Þorgerður Katrín raises Ukraine.');
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <UndoProvider>
            <AnnotationPanel meetingId={1} />
          </UndoProvider>
        </SettingsProvider>
      </StoreQueries>,
    );
    const rows = async () => within(await screen.findByRole('list')).getAllByRole('listitem');
    const shown = async () => (await rows()).map((row) => row.textContent ?? '');
    await waitFor(async () => expect(await rows()).toHaveLength(3));
    const first = await rows();
    // Read aloud, each button names its annotation: not six buttons called "Edit" and "Move to trash".
    const buttonNames = first.flatMap((row) =>
      within(row)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label')),
    );
    expect(new Set(buttonNames).size).toBe(6);
    expect(buttonNames[0]).toMatch(/^Edit: Annotation \d+$/);
    press(within(first[0] as HTMLElement).getByRole('button', { name: /^Move to trash: Annotation \d+$/ }));
    await waitFor(async () => expect(await rows()).toHaveLength(2));
    await waitFor(() => expect(document.activeElement?.closest('li')?.textContent).toContain('Siliņa'));
    expect(await shown()).not.toContain('Støre');

    const [, last] = await rows();
    press(within(last as HTMLElement).getByRole('button', { name: /^Move to trash: Annotation \d+$/ }));
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    await waitFor(() => expect(document.activeElement?.closest('li')?.textContent).toContain('Siliņa'));

    const [only] = await rows();
    press(within(only as HTMLElement).getByRole('button', { name: /^Move to trash: Annotation \d+$/ }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add annotation' })));
  });
});
