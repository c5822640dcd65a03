import type { Page } from '@playwright/test';

/** The passphrase the e2e fixtures set on the desktop app's encrypted store. */
export const testPassphrase = 'e2e-fixture-passphrase';

/**
 * The desktop app always starts locked (the web harness only with
 * --encrypted): set up on first launch, unlock after a restart, through the
 * page as a user would, so the other specs start on the app itself.
 */
export async function openLockedApp(page: Page): Promise<void> {
  const setup = page.getByRole('heading', { name: 'Protect your briefs with a passphrase' });
  const locked = page.getByRole('heading', { name: 'Sherpa is locked' });
  await setup.or(locked).waitFor();
  if (await setup.isVisible()) {
    await page.getByLabel('New passphrase').fill(testPassphrase);
    await page.getByLabel('Type the passphrase again').fill(testPassphrase);
    await page.getByRole('button', { name: 'Encrypt and open' }).click();
    await page.getByRole('button', { name: 'I have written it down' }).click();
  } else {
    await page.getByLabel('Passphrase', { exact: true }).fill(testPassphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
  }
  await setup.or(locked).waitFor({ state: 'hidden' });
}
