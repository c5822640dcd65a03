// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type Request, type Result, type SherpaApi } from '../../../shared/contract.ts';
import type { SearchHit } from '../../../shared/domain.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { SearchPalette } from './SearchPalette.tsx';

// The palette against a fake store whose searches answer only when the test says:
// what it asks, and when, is what a fast typist's results depend on.
let asked: string[];
let requests: Request<'search.query'>[];
let answerNext: (() => void)[];
let snippet = '';
const hitFor = (text: string): SearchHit => ({
  kind: 'summit',
  classification: 'NATO UNCLASSIFIED',
  id: text.length,
  title: `Summit ${text}`,
  snippet,
  summitId: 1,
  sectorId: null,
});

beforeEach(() => {
  snippet = '';
  asked = [];
  requests = [];
  answerNext = [];
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  const answer = (channel: string, request: unknown): Promise<Result<unknown>> => {
    if (channel !== 'search.query') return Promise.resolve({ ok: true, value: [] });
    const { text } = request as Request<'search.query'>;
    asked.push(text);
    requests.push(request as Request<'search.query'>);
    return new Promise((resolve) => answerNext.push(() => resolve({ ok: true, value: [hitFor(text)] })));
  };
  const api = Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => answer(channel, request)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(cleanup);

describe('search as you type', () => {
  it('asks at the first key without waiting, keeps one search running, and shows the newest text’s results', async () => {
    render(<SearchPalette onClose={() => {}} />);
    const box = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(box, { target: { value: 'c' } });
    // Asked at once: no fixed pause between a key and its search.
    expect(asked).toEqual(['c']);
    for (const text of ['cy', 'cyb', 'cybe']) fireEvent.change(box, { target: { value: text } });
    expect(asked).toEqual(['c']);
    answerNext.shift()?.();
    // The keys typed meanwhile become one search, for the newest text only.
    await waitFor(() => expect(asked).toEqual(['c', 'cybe']));
    answerNext.shift()?.();
    await waitFor(() =>
      expect([...document.querySelectorAll('.hit-title')].map((title) => title.textContent)).toEqual(['(NATO UNCLASSIFIED)Summit cybe']),
    );
  });

  it('asks for a text once, however the page renders it, and again with a kind chosen after it', async () => {
    render(<SearchPalette onClose={() => {}} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'Vilnius' } });
    answerNext.shift()?.();
    await waitFor(() =>
      expect([...document.querySelectorAll('.hit-title')].map((title) => title.textContent)).toEqual(['(NATO UNCLASSIFIED)Summit Vilnius']),
    );
    expect(requests).toEqual([{ text: 'Vilnius', limit: 50 }]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'meeting' } });
    await waitFor(() =>
      expect(requests).toEqual([
        { text: 'Vilnius', limit: 50 },
        { text: 'Vilnius', limit: 50, kinds: ['meeting'] },
      ]),
    );
  });
});

describe('a result’s snippet', () => {
  it('shows a note’s **bold** and *italic* without their marks, keeps 5 * 3 and snake_case as typed, and keeps the match marked', async () => {
    snippet = '…**Do not** raise the \uE000draft\uE001 *yet*: 5 * 3 tonnes, see snake_case_annex**…';
    render(<SearchPalette onClose={() => {}} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'draft' } });
    answerNext.shift()?.();
    await waitFor(() =>
      expect(document.querySelector('.snippet')?.textContent).toBe('…Do not raise the draft yet: 5 * 3 tonnes, see snake_case_annex**…'),
    );
    expect([...document.querySelectorAll('.snippet mark')].map((mark) => mark.textContent)).toEqual(['draft']);
  });
});

describe('a name typed through a Hangul input method', () => {
  it('keeps the search open when Escape ends the syllable being composed, and closes at the next Escape', () => {
    let closed = 0;
    render(<SearchPalette onClose={() => closed++} />);
    const box = screen.getByRole('searchbox', { name: 'Search' });
    box.focus();
    fireEvent.change(box, { target: { value: '후렐수' } });
    // Kept from the search field's own Escape too, which empties it: fireEvent answers false when it is.
    expect(fireEvent.keyDown(box, { key: 'Escape', isComposing: true })).toBe(false);
    fireEvent.keyDown(box, { key: 'ArrowDown', keyCode: 229 });
    expect(closed).toBe(0);
    // An arrow key inside the composition stays in the box too.
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(closed).toBe(1);
  });
});

describe('a name being composed through a Hangul input method', () => {
  it('is searched without the syllable still being built, so the results do not vanish at every key', async () => {
    render(<SearchPalette onClose={() => {}} />);
    const box = screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement;
    box.focus();
    // 윤 committed, then ㅅ and 서 composed on the way to 석.
    fireEvent.input(box, { target: { value: '윤' } });
    expect(asked).toEqual(['윤']);
    answerNext.shift()?.();
    fireEvent.compositionStart(box);
    for (const syllable of ['ㅅ', '서']) {
      fireEvent.compositionUpdate(box, { data: syllable });
      box.value = `윤${syllable}`;
      box.setSelectionRange(2, 2);
      fireEvent.input(box, { isComposing: true, data: syllable, inputType: 'insertCompositionText' });
    }
    await waitFor(() =>
      expect([...document.querySelectorAll('.hit-title')].map((title) => title.textContent)).toEqual(['(NATO UNCLASSIFIED)Summit 윤']),
    );
    expect(asked).toEqual(['윤']);
    // The syllable committed: searched whole.
    fireEvent.compositionUpdate(box, { data: '석' });
    box.value = '윤석';
    fireEvent.compositionEnd(box, { data: '석' });
    await waitFor(() => expect(asked).toEqual(['윤', '윤석']));
  });
});
