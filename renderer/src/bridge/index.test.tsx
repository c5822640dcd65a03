// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SherpaApi } from '../../../shared/contract.ts';
import { i18n } from '../i18n/index.ts';
import { BridgeMissing } from './BridgeMissing.tsx';
import { findBridge } from './index.ts';

afterEach(() => {
  cleanup();
  document.head.innerHTML = '';
  vi.unstubAllGlobals();
});

function page(sherpa?: SherpaApi) {
  return { sherpa, location: window.location, sessionStorage: window.sessionStorage, document };
}

describe('choosing the bridge', () => {
  it('uses the preload’s bridge when there is one', () => {
    const preload = { flushDone: () => undefined } as unknown as SherpaApi;
    expect(findBridge(page(preload))).toBe(preload);
  });

  it('has no bridge, and makes no request, when the preload is missing outside the web harness', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(findBridge(page())).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('uses the loopback bridge only in a page the web harness marked', async () => {
    document.head.innerHTML = '<meta name="sherpa-bridge" content="loopback">';
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] })));
    vi.stubGlobal('fetch', fetch);
    const bridge = findBridge(page());
    expect(await bridge?.['summit.list']({})).toEqual({ ok: true, value: [] });
    expect(fetch).toHaveBeenCalledWith('/rpc/summit.list', expect.objectContaining({ method: 'POST' }));
  });

  it('asks its first question before it reaches for the session storage, and keeps the address’s token there after', async () => {
    // A page's first reach for its session storage waits on the browser process: a start's first questions must not.
    document.head.innerHTML = '<meta name="sherpa-bridge" content="loopback">';
    window.sessionStorage.clear();
    const order: string[] = [];
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => {
      order.push('fetch');
      return new Response(JSON.stringify({ ok: true, value: [] }));
    });
    vi.stubGlobal('fetch', fetch);
    const bridge = findBridge({
      sherpa: undefined,
      location: { search: '?token=from-the-address' } as Location,
      get sessionStorage() {
        order.push('storage');
        return window.sessionStorage;
      },
      document,
    });
    const answer = bridge?.['summit.list']({});
    expect(order).toEqual(['fetch']);
    expect(await answer).toEqual({ ok: true, value: [] });
    expect(order).toEqual(['fetch', 'storage']);
    expect(fetch.mock.calls[0]?.[1].headers).toMatchObject({ 'x-sherpa-token': 'from-the-address' });
    expect(window.sessionStorage.getItem('sherpa.loopbackToken')).toBe('from-the-address');

    // A reload whose address has lost the token still carries the session's.
    const reloaded = findBridge({ ...page(), location: { search: '' } as Location });
    await reloaded?.['summit.list']({});
    expect(fetch.mock.calls[1]?.[1].headers).toMatchObject({ 'x-sherpa-token': 'from-the-address' });
  });

  it('says plainly, in English and Korean, that the page cannot reach its data', async () => {
    render(<BridgeMissing />);
    expect(screen.getByRole('alert').textContent).toContain('Sherpa cannot reach its data');
    await i18n.changeLanguage('ko');
    try {
      cleanup();
      render(<BridgeMissing />);
      expect(screen.getByRole('alert').textContent).toContain('Sherpa가 데이터에 연결할 수 없습니다');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
