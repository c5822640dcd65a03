// @vitest-environment jsdom
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, type Result, type SherpaApi } from '../../../shared/contract.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { SearchPalette } from './SearchPalette.tsx';

// Letters typed straight after Ctrl+K wait in a stand-in (typedAhead.ts) until the palette takes them as it
// mounts. A key that reached the box after that, but before React had rendered the letters taken into it, found
// the box empty: its change set the text to that key alone, and "vilnius summit" became "it" (CI met it once).
// Rendered here without act(), as in the browser: the mount effect, then a key, then React's next render.

beforeEach(() => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  const answer = (): Promise<Result<unknown>> => Promise.resolve({ ok: true, value: [] });
  setBridge({ ...Object.fromEntries(channels.map((channel) => [channel, answer])), onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(() => {
  document.body.innerHTML = '';
});

/** A key typed into the box as a browser types it: the letter added at the caret (the end), then `input`. */
function typeKey(box: HTMLInputElement, key: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setValue?.call(box, box.value + key);
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('letters typed while the palette comes', () => {
  it('keeps them when a key reaches the box before React has shown them in it', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const takeTypedAhead = vi.fn(() => {
      // The next key reaches the box once the mount effect has run, before React renders what it took.
      queueMicrotask(() => {
        const box = container.querySelector<HTMLInputElement>('input[type="search"]');
        if (box) typeKey(box, 'i');
      });
      return 'vilnius summ';
    });
    root.render(<SearchPalette onClose={() => {}} takeTypedAhead={takeTypedAhead} />);
    await vi.waitFor(() => expect(takeTypedAhead).toHaveBeenCalledTimes(1));
    const box = container.querySelector<HTMLInputElement>('input[type="search"]');
    if (!box) throw new Error('the palette has no search box');
    await vi.waitFor(() => expect(box.value).toBe('vilnius summi'));
    typeKey(box, 't');
    await vi.waitFor(() => expect(box.value).toBe('vilnius summit'));
    root.unmount();
  });
});
