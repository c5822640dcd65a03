// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { BoxesOnPage } from './BoxesOnPage.tsx';

// Which fonts are installed is asked of the store (fontconfig, read once per process: a program run and
// its whole character list parsed) only once the page is idle after showing its view: at a start that is
// after Today's first paint, not beside it. The warning still comes.

let store: StoreBridge;
let asked: string[];
beforeEach(() => {
  store = createStoreBridge();
  asked = [];
  const askFonts = store.bridge['fonts.coverage'];
  setBridge({
    ...store.bridge,
    'fonts.coverage': (request) => {
      asked.push('fonts.coverage');
      return askFonts(request);
    },
  });
});
afterEach(cleanup);

function RecordPage({ title, more = [] }: { title: string; more?: string[] }) {
  const page = useRef<HTMLElement>(null);
  return (
    <main ref={page}>
      <BoxesOnPage page={page} />
      <h1>{title}</h1>
      {more.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </main>
  );
}

function PersonForm() {
  const page = useRef<HTMLElement>(null);
  return (
    <main ref={page}>
      <BoxesOnPage page={page} />
      <h1>New person</h1>
      <input aria-label="Name in native script" />
      <textarea aria-label="Biography" />
      <input type="password" aria-label="Passphrase" />
    </main>
  );
}

describe('the empty-boxes warning', () => {
  it('asks for the installed fonts only after the view has rendered, and still warns of text no font draws', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <RecordPage title="Bilateral การประชุม" />
      </StoreQueries>,
    );
    // Rendered, its effects run: the view is on screen and nothing has asked for the fonts yet.
    expect(screen.getByRole('heading', { name: /Bilateral/ })).toBeTruthy();
    expect(asked).toEqual([]);
    // This machine has no Thai font (as e2e/record-page-boxes.spec.ts assumes).
    const warning = await screen.findByRole('status', undefined, { timeout: 15_000 });
    expect(warning.textContent).toContain('Thai characters');
    expect(asked).toEqual(['fonts.coverage']);
  });

  it('follows the page as its text changes: a title typed in Thai warns, the same title typed again in English does not', async () => {
    const client = createQueryClient();
    const view = (title: string, more: string[]) => (
      <StoreQueries client={client}>
        <RecordPage title={title} more={more} />
      </StoreQueries>
    );
    const { rerender } = render(view('Bilateral', []));
    // Nothing to warn of yet; the fonts are read once the page is idle.
    await waitFor(() => expect(asked).toEqual(['fonts.coverage']));
    expect(screen.queryByRole('status')).toBeNull();

    rerender(view('Bilateral การประชุม', ['Agenda']));
    expect((await screen.findByRole('status', undefined, { timeout: 15_000 })).textContent).toContain('Thai characters');

    // A paragraph added in Amharic joins the warning; the title's Thai, changed back, leaves it.
    rerender(view('Bilateral', ['Agenda', 'ስብሰባ']));
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toContain('Thai'), { timeout: 15_000 });
    expect(screen.getByRole('status').textContent).toContain('ስ');

    rerender(view('Bilateral', ['Agenda']));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull(), { timeout: 15_000 });
  });

  it('reads what is typed into a form’s fields, not a passphrase’s: a Thai name typed warns before it is saved', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <PersonForm />
      </StoreQueries>,
    );
    await waitFor(() => expect(asked).toEqual(['fonts.coverage']));
    const nativeName = screen.getByRole('textbox', { name: 'Name in native script' });
    fireEvent.input(nativeName, { target: { value: 'ธนากรศรีสุวรรณภูมิ' } });
    expect((await screen.findByRole('status', undefined, { timeout: 15_000 })).textContent).toContain('Thai characters');

    // Typed over in the Latin letters every font draws: the warning goes; a Bangla biography brings it back.
    fireEvent.input(nativeName, { target: { value: 'Thanakorn' } });
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull(), { timeout: 15_000 });
    fireEvent.input(screen.getByRole('textbox', { name: 'Biography' }), { target: { value: 'পররাষ্ট্র মন্ত্রণালয়' } });
    expect((await screen.findByRole('status', undefined, { timeout: 15_000 })).textContent).toContain('Bangla characters');
    fireEvent.input(screen.getByRole('textbox', { name: 'Biography' }), { target: { value: '' } });
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull(), { timeout: 15_000 });

    // A passphrase is never read back onto the page, in a warning or anywhere: only the name's letters are named.
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'ความลับ' } });
    fireEvent.input(nativeName, { target: { value: 'ธนากร' } });
    const named = (await screen.findByRole('status', undefined, { timeout: 15_000 })).textContent ?? '';
    expect(named).toContain('ธนากร');
    for (const secret of ['ค', 'ว', 'ม', 'ล', 'บ']) expect(named).not.toContain(secret);
  });
});
