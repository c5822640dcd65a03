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
    const typed = keepTypedAhead(() => undefined, 'Search');
    const reachedNote = [...'vilnx', 'Backspace', ...'ius'].map((key) => press(note, key));
    // dispatchEvent answers false when a listener prevented the key's default: it typed nothing into the note.
    expect(reachedNote.every((notPrevented) => notPrevented === false)).toBe(true);
    expect(typed.take()).toBe('vilnius');
    // Once the box has the caret, keys are the box's own again.
    expect(press(note, 'x')).toBe(true);
  });

  it('lets shortcuts, composing input and the open palette’s own keys through', () => {
    document.body.innerHTML = '<dialog open><input type="search" /></dialog><textarea></textarea>';
    const typed = keepTypedAhead(() => undefined, 'Search');
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
    }, 'Search');
    press(document.body, 'a');
    press(document.body, 'Escape');
    expect(closed).toBe(1);
    expect(press(document.body, 'b')).toBe(true);
    typed.drop();
  });

  it('takes what an input method composes, out of the note, and gives the note its caret back', () => {
    document.body.innerHTML = '<textarea aria-label="Note">Talking points</textarea>';
    const note = document.querySelector('textarea') as HTMLTextAreaElement;
    note.focus();
    const typed = keepTypedAhead(() => undefined, 'Search');
    // Hangul composed straight after Ctrl+K: the input method writes into whatever has the caret, with no key to keep.
    const standIn = document.activeElement as HTMLInputElement;
    expect(standIn).not.toBe(note);
    expect(standIn.getAttribute('aria-label')).toBe('Search');
    standIn.value = '정상회의';
    expect(typed.take()).toBe('정상회의');
    expect(note.value).toBe('Talking points');
    expect(document.activeElement).toBe(note);
    expect(document.querySelector('.typed-ahead')).toBeNull();
  });

  it('gives the caret back when the search is closed before its box comes', () => {
    document.body.innerHTML = '<textarea aria-label="Note"></textarea>';
    const note = document.querySelector('textarea') as HTMLTextAreaElement;
    note.focus();
    let closed = 0;
    keepTypedAhead(() => {
      closed += 1;
    }, 'Search');
    press(document.activeElement as Element, 'Escape');
    expect(closed).toBe(1);
    expect(document.activeElement).toBe(note);
    expect(document.querySelector('.typed-ahead')).toBeNull();
  });

  it('leaves the caret in an open dialog, the palette pressed Ctrl+K in again', () => {
    document.body.innerHTML = '<dialog open><input type="search" aria-label="Search" /></dialog>';
    const box = document.querySelector('input') as HTMLInputElement;
    box.focus();
    const typed = keepTypedAhead(() => undefined, 'Search');
    expect(document.activeElement).toBe(box);
    expect(document.querySelector('.typed-ahead')).toBeNull();
    typed.drop();
  });
});
