// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { keepTypedAhead } from './typedAhead.ts';

// A desk officer in a note presses Ctrl+K and types "vilnius" at once, before the search box is there.

const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('keys typed while the search box is on its way', () => {
  it('are kept for the box, with Backspace, and none reaches the note that had the caret', () => {
    document.body.innerHTML = '<textarea aria-label="Note"></textarea>';
    const note = document.querySelector('textarea') as HTMLTextAreaElement;
    const typed = keepTypedAhead(() => undefined);
    const reachedNote = [...'vilnx', 'Backspace', ...'ius'].map((key) => press(note, key));
    // dispatchEvent answers false when a listener prevented the key's default: it typed nothing into the note.
    expect(reachedNote.every((notPrevented) => notPrevented === false)).toBe(true);
    expect(typed.take()).toBe('vilnius');
    // Once the box has the caret, keys are the box's own again.
    expect(press(note, 'x')).toBe(true);
  });

  it('lets shortcuts, composing input and the open palette’s own keys through', () => {
    document.body.innerHTML = '<dialog open><input type="search" /></dialog><textarea></textarea>';
    const typed = keepTypedAhead(() => undefined);
    const note = document.querySelector('textarea') as HTMLTextAreaElement;
    expect(press(note, 's', { ctrlKey: true })).toBe(true);
    expect(press(note, 'ㅎ', { isComposing: true })).toBe(true);
    expect(press(document.querySelector('input') as HTMLInputElement, 'q')).toBe(true);
    expect(typed.take()).toBe('');
  });

  it('closes the search on Escape and keeps nothing after', () => {
    let closed = 0;
    const typed = keepTypedAhead(() => {
      closed += 1;
    });
    press(document.body, 'a');
    press(document.body, 'Escape');
    expect(closed).toBe(1);
    expect(press(document.body, 'b')).toBe(true);
    typed.drop();
  });
});
