import { test } from './fixtures.ts';
import { expect, sidebar } from './views.helpers.ts';

// A new desk sets Settings up top to bottom: the home time zone, then the sync server's address and user name. The
// zone is saved on leaving its field; that save started the whole Settings view again, so the user name being
// typed was wiped, and the keys after it went nowhere (the focus was thrown to the page).
test('saving the home time zone on leaving its field keeps what is being typed in the next field of Settings', async ({ sherpa }) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Home time zone').fill('Pacific/Tongatapu');
  const user = page.getByLabel('User name');
  await user.click();
  await expect(page.getByRole('status').getByText('Settings saved.')).toBeVisible();
  await page.keyboard.type('pacific-desk');
  await expect(user).toBeFocused();
  await expect(user).toHaveValue('pacific-desk');
  await expect(page.getByLabel('Home time zone')).toHaveValue('Pacific/Tongatapu');
});
