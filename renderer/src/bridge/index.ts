// The renderer's only way to the store. Components import from here, never
// from window.sherpa, so they can be tested against any SherpaApi.
import type { BridgeChannel, IpcError, Request, Response, SherpaApi } from '../../../shared/contract.ts';
import { createLoopbackBridge } from './loopback.ts';

declare global {
  interface Window {
    readonly sherpa?: SherpaApi;
  }
}

let bridge: SherpaApi | null = null;

/** Set by the loopback harness in the page it serves; the app's own window never has it. */
export const loopbackMarker = 'meta[name="sherpa-bridge"][content="loopback"]';

/** The page was opened without the preload (outside Sherpa's window) and not by the web harness. */
export class BridgeMissingError extends Error {
  override name = 'BridgeMissingError';
  constructor() {
    super('Sherpa cannot reach its data: this page was opened outside the Sherpa app.');
  }
}

/**
 * The preload's bridge; the loopback one only in a page the web harness
 * served. A production window whose preload failed does not quietly talk
 * HTTP to whatever listens on its origin: it says so instead.
 */
export function findBridge(page: Pick<Window, 'sherpa' | 'location' | 'sessionStorage' | 'document'>): SherpaApi | null {
  if (page.sherpa) return page.sherpa;
  if (page.document.querySelector(loopbackMarker)) return createLoopbackBridge(page.location, () => page.sessionStorage);
  return null;
}

export function hasBridge(): boolean {
  bridge ??= findBridge(window);
  return bridge !== null;
}

export function getBridge(): SherpaApi {
  bridge ??= findBridge(window);
  if (!bridge) throw new BridgeMissingError();
  return bridge;
}

/** For tests: answer with an in-memory implementation of the same contract. */
export function setBridge(replacement: SherpaApi): void {
  bridge = replacement;
}

export class BridgeError extends Error {
  readonly code: IpcError['code'];
  readonly field: string | undefined;
  /** The records the refusal is about, by name: for a translated message that lists them. */
  readonly names: string[] | undefined;
  /** Why, for the page's sentence in the user's language (renderer/src/refusals/). */
  readonly reason: IpcError['reason'];
  readonly params: IpcError['params'];
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.field = error.field;
    this.names = error.names;
    this.reason = error.reason;
    this.params = error.params;
  }
}

const lockListeners = new Set<() => void>();
/** Told whenever a call finds Sherpa locked (by the idle timer, another window, or the machine sleeping). */
export function onLocked(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/** Calls a channel and returns its value, or throws a BridgeError carrying the store's message. */
export async function call<K extends BridgeChannel>(channel: K, request: Request<K>): Promise<Response<K>> {
  const result = await answerOf(channel, request);
  if (!result.ok && result.error.code === 'locked') for (const listener of [...lockListeners]) listener();
  if (!result.ok) throw new BridgeError(result.error);
  return result.value as Response<K>;
}

/**
 * A call asked before the page knows whether Sherpa is locked (the start's first reads, beside the lock
 * question): a locked store refuses it, which is expected and tells no one; the refusal still throws.
 */
export async function callAhead<K extends BridgeChannel>(channel: K, request: Request<K>): Promise<Response<K>> {
  const result = await answerOf(channel, request);
  if (!result.ok) throw new BridgeError(result.error);
  return result.value as Response<K>;
}

function answerOf<K extends BridgeChannel>(channel: K, request: Request<K>): ReturnType<SherpaApi[K]> {
  const method = getBridge()[channel] as (request: Request<K>) => ReturnType<SherpaApi[K]>;
  return method(request);
}

export type { ChangeEvent } from '../../../shared/contract.ts';
