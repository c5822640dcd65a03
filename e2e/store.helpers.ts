import type { Page } from '@playwright/test';
import type { Channel, Request, Response, Result } from '../shared/contract.ts';

/**
 * Calls the store through the page's own bridge, as the renderer does:
 * `window.sherpa` in Electron, the token-guarded loopback in the web target.
 */
export async function callStore<K extends Channel>(page: Page, channel: K, request: Request<K>): Promise<Response<K>> {
  const result = (await page.evaluate(
    async ({ channel, request }) => {
      // Runs in the page; typed structurally because e2e/ is compiled without the DOM library.
      const page = globalThis as unknown as {
        sherpa?: Record<string, (request: unknown) => Promise<unknown>>;
        sessionStorage: { getItem(key: string): string | null };
      };
      const api = page.sherpa;
      if (api?.[channel]) return api[channel](request);
      const token = page.sessionStorage.getItem('sherpa.loopbackToken') ?? '';
      const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sherpa-token': token },
        body: JSON.stringify(request),
      });
      return response.json();
    },
    { channel, request: request as unknown },
  )) as Result<Response<K>>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/**
 * Opens a view by its hash route, as a click on a link would. (page.goto with
 * only a new hash can wait forever for a load event that a same-document
 * navigation never fires.)
 */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((route) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = route;
  }, hash);
}
