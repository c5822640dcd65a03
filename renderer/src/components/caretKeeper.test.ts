// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { keepCaretInView } from './caretKeeper.ts';

// Tallinn's desk officer works with the keyboard alone. An entry deleted on its sector's page took its "Delete entry"
// button, and the caret on it, out of the page: the caret fell to <body>. It goes to the view's content.

let stop = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

/** Resolves once the keeper's check, a task after the page changed, has run. */
const aTaskLater = () => new Promise((resolve) => setTimeout(resolve, 5));

function page(): { main: HTMLElement; entry: HTMLElement; button: HTMLButtonElement } {
  const main = document.createElement('main');
  main.tabIndex = -1;
  const entry = document.createElement('article');
  const button = document.createElement('button');
  button.textContent = 'Delete entry';
  entry.append(button);
  main.append(entry);
  document.body.append(main);
  stop = keepCaretInView(document, () => main);
  return { main, entry, button };
}

describe('a caret whose element leaves the page', () => {
  it('goes to the view’s content, not <body>', async () => {
    const { main, entry, button } = page();
    button.focus();
    entry.remove();
    expect(document.activeElement).toBe(document.body);
    await aTaskLater();
    expect(document.activeElement).toBe(main);
  });

  it('stays where a view put it, and where the desk put it', async () => {
    const { main, entry, button } = page();
    const next = document.createElement('button');
    main.append(next);
    button.focus();
    entry.remove();
    next.focus();
    await aTaskLater();
    expect(document.activeElement).toBe(next);
    // Something removed while the caret is elsewhere moves nothing.
    main.append(entry);
    entry.remove();
    await aTaskLater();
    expect(document.activeElement).toBe(next);
  });
});
