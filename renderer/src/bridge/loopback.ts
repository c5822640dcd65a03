import { bridgeChannels, type ChangeEvent, type Result, type SherpaApi } from '../../../shared/contract.ts';

const tokenKey = 'sherpa.loopbackToken';
const linkNotValid = 'This link to Sherpa is not valid: the address does not carry the token of the Sherpa running here.';

/**
 * The web target's bridge: the same channels as the preload, carried over
 * HTTP to the loopback harness on the page's own origin. A random token,
 * handed over in the first URL, guards every call.
 */
export function createLoopbackBridge(location: Location, storage: () => Storage): SherpaApi {
  const fromUrl = new URLSearchParams(location.search).get('token');
  // The page's first reach for its session storage waits for the browser process to set it up (2 to 100 ms on a
  // busy machine, measured), and the bridge is made just before a start's first questions leave
  // (session/askEarly.ts): with the token in the address, it is kept for the session once they have left.
  if (fromUrl) queueMicrotask(() => storage().setItem(tokenKey, fromUrl));
  const token = fromUrl ?? storage().getItem(tokenKey) ?? '';

  const call = async (channel: string, request: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sherpa-token': token },
        body: JSON.stringify(request ?? {}),
      });
      // The harness refuses a page whose token is not its own (an address from an earlier start, or mistyped).
      if (response.status === 403) return { ok: false, error: { code: 'link_not_valid', message: linkNotValid } };
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `Sherpa's store is not reachable (${String(error)}).` } };
    }
  };

  const api: Record<string, unknown> = Object.fromEntries(
    bridgeChannels.map((channel) => [channel, (request: unknown) => call(channel, request)]),
  );
  // One event stream for every listener: each stream holds an HTTP connection,
  // and Chromium allows six per host, so one per listener starved the calls.
  const listeners = new Set<(event: ChangeEvent) => void>();
  let source: EventSource | null = null;
  api.onChange = (listener: (event: ChangeEvent) => void) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => {
        const event = JSON.parse(message.data) as ChangeEvent;
        for (const each of [...listeners]) each(event);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        source?.close();
        source = null;
      }
    };
  };
  // The browser has no main process to ask for a flush before quitting: the page
  // flushes on pagehide itself, and its draft journal covers a closed tab.
  api.onFlushRequest = () => () => undefined;
  api.flushDone = () => undefined;
  return api as SherpaApi;
}
