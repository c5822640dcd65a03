// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBridge } from '../bridge/index.ts';
import { createLoopbackBridge } from '../bridge/loopback.ts';
import { i18n } from '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { SessionGate } from './SessionGate.tsx';

// The web harness opened with an address from an earlier start (or mistyped):
// it refuses every call with 403, as e2e/harness/server.ts does. The page says
// the link is not valid, not that Sherpa is locked: no passphrase would help.

beforeEach(() => {
  // The harness's own answer to a token it does not know; the network is the page's boundary.
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: 'bad token' }), { status: 403 }));
  vi.stubGlobal(
    'EventSource',
    class {
      onmessage: unknown = null;
      close() {}
    },
  );
  window.localStorage.clear();
  setBridge(createLoopbackBridge({ search: '?token=from-an-earlier-start' } as Location, () => window.sessionStorage));
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en');
});

const gate = () =>
  render(
    <StoreQueries client={createQueryClient()}>
      <SessionGate>
        <p>Today</p>
      </SessionGate>
    </StoreQueries>,
  );

describe('the web harness opened with a token that is not its own', () => {
  it('says the link is not valid, and never that Sherpa is locked', async () => {
    gate();
    expect(await screen.findByRole('heading', { name: 'This link to Sherpa is not valid' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Open the address Sherpa printed when it started');
    expect(screen.queryByText(/Sherpa is locked/)).toBeNull();
    expect(screen.queryByLabelText('Passphrase', { exact: true })).toBeNull();
  });

  it('says so in Korean in a Korean browser', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('ko-KR');
    gate();
    expect(await screen.findByRole('heading', { name: '이 Sherpa 링크는 유효하지 않습니다' })).toBeTruthy();
  });
});
