import type { CDPSession, Page } from 'playwright-core';

// Drives the page of the day of walks the way a user does, with nothing of a
// driver left in its heap: clicks and keys are input events sent over CDP
// (Playwright's mouse and keyboard, which run no script in the page), and
// the waits are the benchmark's own one-off evaluations, compiled per call
// and dropped after it. Playwright's locators would install its injected
// script in the page, whose code then tiers up with the app's and counts in
// the page's JS heap.

/** One step of a lookup: elements matching `selector` inside the previous step's match, whose text has `text` (or is it, when exact). */
export type Step = readonly [selector: string, text?: string, exact?: boolean];

/**
 * In the page: resolves when the lookup finds an element that is not disabled (its centre, scrolled into
 * view and focused; a label gives its field; `toClick`, once the element is what shows at its centre) or,
 * when `gone`, when it finds none, re-checking on every DOM change; rejects after 30 s. A button still disabled (a dialog waiting for what it will say) is waited for, as a
 * user waits before clicking it.
 */
const lookup = `(steps, gone, toClick) => new Promise((resolve, reject) => {
  const find = () => {
    let scope = [document];
    for (const [selector, text, exact] of steps) {
      scope = scope.flatMap((root) => [...root.querySelectorAll(selector)]).filter((element) => {
        if (element.disabled) return false;
        if (text === undefined || text === null) return true;
        const own = element.textContent.trim();
        return exact ? own === text : own.includes(text);
      });
    }
    return scope[0] ?? null;
  };
  let observer = null;
  let timer = null;
  const settle = () => {
    const found = find();
    if (gone ? found : !found) return false;
    observer?.disconnect();
    if (gone) {
      clearTimeout(timer);
      resolve(null);
      return true;
    }
    const element = found.tagName === 'LABEL' && found.control ? found.control : found;
    element.scrollIntoView({ block: 'center' });
    // Focused first, as a click would, so keys that follow go to it even if the click lands in a layout
    // still settling; measured in the next frame, once the scroll and any opening layout are done.
    element.focus();
    const measure = () => {
      const box = element.getBoundingClientRect();
      const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      // Until nothing else is there (a layout still moving, a toast over it), as a user waits to click.
      if (toClick && !element.contains(document.elementFromPoint(centre.x, centre.y))) return requestAnimationFrame(measure);
      clearTimeout(timer);
      resolve(centre);
    };
    requestAnimationFrame(measure);
    return true;
  };
  timer = setTimeout(() => { observer?.disconnect(); reject(new Error('not ' + (gone ? 'gone' : 'found') + ': ' + JSON.stringify(steps))); }, 30000);
  if (settle()) return;
  observer = new MutationObserver(settle);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})`;

export class PageInput {
  private readonly page: Page;
  private readonly cdp: CDPSession;

  constructor(page: Page, cdp: CDPSession) {
    this.page = page;
    this.cdp = cdp;
  }

  /** Runs `expression` in the page and returns its (awaited) value. */
  async evaluate<T>(expression: string): Promise<T> {
    const answer = await this.cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    return answer.result.value as T;
  }

  /** Waits until the lookup finds an element, and focuses it. */
  async find(...steps: Step[]): Promise<void> {
    await this.evaluate(`(${lookup})(${JSON.stringify(steps)}, false, false)`);
  }

  async gone(...steps: Step[]): Promise<void> {
    await this.evaluate(`(${lookup})(${JSON.stringify(steps)}, true, false)`);
  }

  /** Clicks the element the lookup finds, once its centre shows it and nothing else. */
  async click(...steps: Step[]): Promise<void> {
    const { x, y } = await this.evaluate<{ x: number; y: number }>(`(${lookup})(${JSON.stringify(steps)}, false, true)`);
    await this.page.mouse.click(x, y);
  }

  /**
   * Focuses a field, selects what it holds and types `text` over it in one input, as a paste would. Focused,
   * not clicked: a click's coordinates can land beside a field whose surroundings are still loading.
   */
  async replaceText(text: string, ...steps: Step[]): Promise<void> {
    await this.find(...steps);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(text);
  }
}
