// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type Result, type SherpaApi } from '../../../shared/contract.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { SearchPalette } from './SearchPalette.tsx';

// A search the store refuses (a pasted page of text, a direction override)
// names the search box as the user sees it, not the store's field "text",
// and does not also claim that nothing matched.

beforeEach(() => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  const refused: Result<unknown> = {
    ok: false,
    error: {
      code: 'invalid_request',
      message: 'text: must be at most 500 characters',
      field: 'text',
      reason: 'too_long',
      params: { max: 500 },
    },
  };
  const api = Object.fromEntries(
    channels.map((channel) => [channel, () => Promise.resolve(channel === 'search.query' ? refused : { ok: true, value: [] })]),
  );
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

describe('a search the store refuses', () => {
  it('names the search box, in English and in Korean, and says no “nothing matches”', async () => {
    render(<SearchPalette onClose={() => {}} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'x'.repeat(501) } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^“Search”: .*500/);
    expect(document.body.textContent).not.toContain('Nothing matches');
    cleanup();
    await i18n.changeLanguage('ko');
    render(<SearchPalette onClose={() => {}} />);
    fireEvent.change(screen.getByRole('searchbox', { name: '검색' }), { target: { value: 'x'.repeat(502) } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^“검색”: .*500/);
    expect(document.body.textContent).not.toContain('일치하는 항목이 없습니다');
  });
});
