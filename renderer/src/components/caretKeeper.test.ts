// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { keepCaretInView } from './caretKeeper.ts';

// Tallinn's desk officer works with the keyboard alone. An entry deleted on its sector's page took its "Delete entry"
// button, and the caret on it, out of the page; "Add: Timeline" in the pack builder was disabled once pressed: either
// way the caret fell to <body>. It goes to the view's content, or on to the next control.

let stop = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

/** Disabled as Chromium does it: the caret on it falls to <body> (jsdom leaves it there). */
const disable = (button: HTMLButtonElement) => {
  button.disabled = true;
  button.blur();
};

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

  it('on a control disabled under it, goes on to the next control, or back to the one before at the end', async () => {
    const { main, button } = page();
    const between = document.createElement('p');
    between.hidden = true;
    between.append(document.createElement('button'));
    const exportButton = document.createElement('button');
    main.append(between, exportButton);
    button.focus();
    disable(button);
    await aTaskLater();
    expect(document.activeElement).toBe(exportButton);
    button.disabled = false;
    disable(exportButton);
    await aTaskLater();
    expect(document.activeElement).toBe(button);
  });
});
