import type { Page } from '@playwright/test';
import { startTestServer } from '../main/sync/testServer.ts';
import { test } from './fixtures.ts';
import { goTo } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

// The status line that says what just happened (and offers Undo after a delete) once lay over the
// window's foot, hiding "Sync now" at the end of Settings after connecting. It has a row of its own
// now, above the bottom banner: every control stays where it can be seen and pressed.

/** The controls of the view that the status line lies over, wholly or in part. */
function controlsUnderToast(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const toast = document.querySelector('.toast').getBoundingClientRect();
    return [...document.querySelectorAll('main button, main input, main select, main textarea, main a[href]')]
      .filter((control) => {
        const box = control.getBoundingClientRect();
        return box.width > 0 && box.left < toast.right && box.right > toast.left && box.top < toast.bottom && box.bottom > toast.top;
      })
      .map((control) => control.textContent.trim() || control.getAttribute('aria-label') || control.tagName);
  })()`);
}

test('the status line after saving the sync settings covers no control, "Sync now" included', async ({ sherpa, target }, testInfo) => {
  test.skip(target !== 'web', 'a server of its own beside the web harness');
  const { page } = sherpa;
  // A laptop window of its own size: the line's sentence takes two lines there.
  await page.setViewportSize({ width: 760, height: 600 });
  const server = await startTestServer();
  try {
    await goTo(page, '#/settings');
    const panel = page.getByRole('region', { name: 'Sync with the desk’s server' });
    await panel.getByLabel('Server address').fill(server.url);
    await panel.getByLabel('User name').fill('desk-a');
    await panel.getByLabel('Password', { exact: true }).fill('desk-a-Pass-2026');
    await panel.getByRole('checkbox').first().check();
    await panel.getByRole('button', { name: 'Connect' }).click();
    const syncNow = panel.getByRole('button', { name: 'Sync now' });
    await expect(syncNow).toBeVisible();
    // Connecting says so in the status line; the panel is the last of Settings, its buttons at the foot of the page.
    await expect(page.locator('.toast')).toBeVisible();
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await page.screenshot({ path: testInfo.outputPath('toast-sync-now.png') });
    expect(await controlsUnderToast(page)).toEqual([]);
    // Pressed where it is, without scrolling: nothing lies over it.
    await syncNow.click({ trial: true, timeout: 2_000 });
  } finally {
    await server.stop();
  }
});
