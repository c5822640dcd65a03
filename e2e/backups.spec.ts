import { expect, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expectNoSeriousViolations } from './views.helpers.ts';

// "Restore from backup" as a user does it, in Settings.

test('a backup made in Settings can be restored, undoing later changes, and the state before is kept', async ({ sherpa }) => {
  const { page } = sherpa;
  await goTo(page, '#/settings');
  const panel = page.getByRole('region', { name: 'Backups' });
  await expect(panel.getByText('No backups yet.')).toBeVisible();
  await panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/Backup made: .*sherpa-.*-manual\.sqlite/).first()).toBeVisible();
  await expect(panel.getByRole('row')).toHaveCount(2);
  await expectNoSeriousViolations(page, 'settings with backups');

  await callStore(page, 'person.update', { id: 1, patch: { title: 'Changed after the backup' } });
  await panel
    .getByRole('button', { name: /^Restore the backup of/ })
    .first()
    .click();
  const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText(/Restored the backup of .*The data before it is kept in .*before-restore\.sqlite/).first()).toBeVisible();

  await goTo(page, '#/people/1');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Secretary General of NATO').first()).toBeVisible();
  await expect(page.getByText('Changed after the backup')).toHaveCount(0);
  const listed = await callStore(page, 'backup.list', {});
  expect(listed.map((backup) => backup.reason).sort()).toEqual(['before-restore', 'manual']);
});
