import fs from 'node:fs';
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

  await callStore(page, 'person.update', { id: 1, patch: { title: 'Changed after the backup' }, expected: {} });
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

test('a restore shows at once in every open window, without reloading the page', async ({ sherpa, target }) => {
  test.skip(target !== 'web', 'Opens a second page in the same browser context.');
  const { page: first } = sherpa;
  await goTo(first, '#/settings');
  const panel = first.getByRole('region', { name: 'Backups' });
  await panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(panel.getByRole('row')).toHaveCount(2);

  const second = await first.context().newPage();
  await second.goto(`${first.url().replace(/#.*$/, '')}#/people/1`);
  await expect(second.getByText('Secretary General of NATO').first()).toBeVisible();
  // A page that reloads loses this mark: both pages must keep it.
  for (const page of [first, second]) await page.evaluate(() => Object.assign(globalThis, { sherpaNotReloaded: true }));

  await callStore(first, 'person.update', { id: 1, patch: { title: 'Changed after the backup' }, expected: {} });
  await expect(second.getByText('Changed after the backup').first()).toBeVisible();

  await panel
    .getByRole('button', { name: /^Restore the backup of/ })
    .first()
    .click();
  await first.getByRole('alertdialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(second.getByText('Secretary General of NATO').first()).toBeVisible();
  await expect(second.getByText('Changed after the backup')).toHaveCount(0);
  // The backup kept from before the restore is listed in the window that asked for it.
  await expect(panel.getByRole('row')).toHaveCount(3);
  for (const page of [first, second]) expect(await page.evaluate(() => 'sherpaNotReloaded' in globalThis)).toBe(true);
});

test('in Korean, restoring a damaged backup is refused in Korean, naming the backup, and changes nothing', async ({ sherpa }) => {
  const { page } = sherpa;
  await expect(page.locator('main h1').first()).toBeVisible();
  const made = await callStore(page, 'backup.create', {});
  // Cut short, as a full disk or an interrupted copy leaves it.
  fs.truncateSync(made.file, Math.floor(fs.statSync(made.file).size / 3));
  await callStore(page, 'settings.update', { language: 'ko' });
  await page.reload();
  await goTo(page, '#/settings');
  const panel = page.getByRole('region', { name: '백업' });
  await panel
    .getByRole('button', { name: /백업 복원$/ })
    .first()
    .click();
  await page.getByRole('alertdialog', { name: '이 백업을 복원하시겠습니까?' }).getByRole('button', { name: '복원' }).click();
  await expect(
    page.getByText(`백업 ${made.name}이(가) 손상되었거나 읽을 수 없습니다. 다른 백업을 고르십시오. 아무것도 바뀌지 않았습니다.`, {
      exact: true,
    }),
  ).toBeVisible();
  await expect(page.getByText(/damaged|choose another/)).toHaveCount(0);
  // Nothing restored, so no copy of the state before a restore was made.
  expect((await callStore(page, 'backup.list', {})).map((backup) => backup.reason)).toEqual(['manual']);
});
