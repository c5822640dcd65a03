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
