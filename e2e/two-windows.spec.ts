import type { Page } from '@playwright/test';
import type { Meeting, Person } from '../shared/domain.ts';
import { test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// What a desk officer types survives a reload, and what a colleague saved in
// another window on the same store survives an editor left open here.

test('a half-filled record form is found again after a reload, and saves', async ({ sherpa }) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Maria da Conceição “Tê” & <Filhos>');
  await page.getByLabel('Name in native script').fill('מריה');
  await page.getByLabel('Biography').fill('b'.repeat(10_000));
  await page.reload();
  await expect(
    page.getByRole('status').filter({ hasText: 'Restored what you had typed here before you left this form or the page reloaded' }),
  ).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Maria da Conceição “Tê” & <Filhos>');
  await expect(page.getByLabel('Biography')).toHaveValue('b'.repeat(10_000));
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maria da Conceição “Tê” & <Filhos>' })).toBeVisible();
});

test('a brief section left open in one window does not undo what another window saved', async ({ sherpa }) => {
  const { page } = sherpa;
  const other = await page.context().newPage();
  await other.goto(page.url());
  for (const window of [page, other]) {
    await sidebar(window).getByRole('link', { name: 'Summits' }).click();
    await window
      .getByRole('link', { name: /NATO Summit, Vilnius/ })
      .first()
      .click();
    await window.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).first().click();
    await window.getByRole('button', { name: 'Edit Our objectives' }).click();
  }
  await other.getByLabel('Our objectives text').fill('Saved in the other window');
  // This window hears of the save and reads the brief again; then its user leaves the untouched editor.
  const heard = page.waitForResponse((response) => response.url().includes('/rpc/meeting.brief'));
  await other.keyboard.press('Control+Enter');
  await expect(other.getByText('Saved in the other window')).toBeVisible();
  await heard;
  await sidebar(page).getByRole('link', { name: 'Today' }).click();
  await other.reload();
  await expect(other.getByText('Saved in the other window')).toBeVisible();
});

test('Back after creating a meeting leads to the summit, not to a blank form for the same meeting again', async ({ sherpa }) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page
    .getByRole('link', { name: /NATO Summit, Vilnius/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Midnight pull-aside at 00:00');
  await page.getByLabel('Time (venue)').fill('00:00');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Midnight pull-aside at 00:00' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'NATO Summit, Vilnius 2023' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Midnight pull-aside at 00:00' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Midnight pull-aside at 00:00' })).toBeVisible();
});

// ---- Guarded writes (r6-guard): the store refuses what the window's own guard cannot see ----

/**
 * Holds this window's save of `channel` on its way to the store until `landFirst`
 * has run: the window checked its copy before sending, and only then did a colleague's
 * save land. No window-side check can see that save; the store's check must.
 */
async function landBeforeThisSave(page: Page, channel: string, landFirst: () => Promise<unknown>): Promise<void> {
  let landed = false;
  await page.route(`**/rpc/${channel}`, async (route) => {
    if (!landed) {
      landed = true;
      await landFirst();
    }
    await route.continue();
  });
}

test('a brief section saved by a colleague while this window’s save is on its way is not overwritten', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  const colleague = await page.context().newPage();
  await colleague.goto(page.url());
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page
    .getByRole('link', { name: /NATO Summit, Vilnius/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).first().click();
  const meetingId = Number(/#\/meeting\/(\d+)/.exec(page.url())?.[1]);
  await page.getByRole('button', { name: 'Edit Our objectives' }).click();
  await page.getByLabel('Our objectives text').fill('Objectives as typed in this window');
  const opened = await callStore(colleague, 'meeting.get', { id: meetingId });
  await landBeforeThisSave(page, 'meeting.update', () =>
    callStore(colleague, 'meeting.update', {
      id: meetingId,
      patch: { objectives: 'Objectives the colleague saved a moment earlier' },
      expected: { objectives: opened.objectives },
    }),
  );

  await page.keyboard.press('Control+Enter');

  await expect(
    page.getByText(/“Our objectives” was changed elsewhere .* It now reads: “Objectives the colleague saved a moment earlier”/),
  ).toBeVisible();
  await expect(page.getByLabel('Our objectives text')).toHaveValue('Objectives as typed in this window');
  await page.screenshot({ path: testInfo.outputPath('brief-section-refused-by-the-store.png') });
  const kept: Meeting = await callStore(colleague, 'meeting.get', { id: meetingId });
  expect(kept.objectives).toBe('Objectives the colleague saved a moment earlier');

  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: 'Edit Our objectives' })).toBeVisible();
  await expect(page.getByText('Objectives as typed in this window')).toBeVisible();
  const replaced: Meeting = await callStore(colleague, 'meeting.get', { id: meetingId });
  expect(replaced.objectives).toBe('Objectives as typed in this window');
});

test('a person’s form saved while a colleague’s save of the same field is landing says what it now reads, in Korean too', async ({
  sherpa,
}, testInfo) => {
  const { page } = sherpa;
  const colleague = await page.context().newPage();
  await colleague.goto(page.url());
  const [person] = (await callStore(page, 'person.list', {})) as Person[];
  if (!person) throw new Error('the sample store has people');
  await callStore(page, 'settings.update', { language: 'ko' });
  await page.reload();
  await goTo(page, `#/edit/person/${person.id}`);
  await page.getByLabel('직함').fill('Title as typed in this window');
  await landBeforeThisSave(page, 'person.update', () =>
    callStore(colleague, 'person.update', {
      id: person.id,
      patch: { title: 'Title the colleague saved' },
      expected: { title: person.title },
    }),
  );

  await page.getByRole('button', { name: '저장' }).click();

  await expect(page.getByRole('alert')).toContainText('다른 창이나 동기화에서 내용이 바뀌어 저장하지 않았습니다');
  await expect(page.getByRole('alert')).toContainText('“Title the colleague saved”');
  await page.screenshot({ path: testInfo.outputPath('person-form-refused-by-the-store-ko.png') });
  expect(((await callStore(colleague, 'person.get', { id: person.id })) as Person).title).toBe('Title the colleague saved');

  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  expect(((await callStore(colleague, 'person.get', { id: person.id })) as Person).title).toBe('Title as typed in this window');
});
test('a briefing pack saved by a colleague while this builder’s save is on its way is not replaced', async ({ sherpa }) => {
  const { page } = sherpa;
  const colleague = await page.context().newPage();
  await colleague.goto(page.url());
  const summit = (await callStore(page, 'summit.list', {}))[0];
  if (!summit) throw new Error('the sample has a summit');
  const definition = {
    title: 'Desk pack',
    recipient: '',
    summitId: summit.id,
    principalId: null,
    paper: 'a4' as const,
    sections: [{ kind: 'timeline' as const }],
  };
  await callStore(page, 'pack.save', { name: 'Desk pack', definition, expected: null });
  await page.goto(`${page.url().split('#')[0]}#/packs`);
  await page.getByRole('button', { name: 'Desk pack' }).click();
  await page.getByLabel('Title on the cover').fill('Desk pack, as titled here');
  await landBeforeThisSave(page, 'pack.save', () =>
    callStore(colleague, 'pack.save', {
      name: 'Desk pack',
      definition: { ...definition, title: 'Desk pack, as the colleague titled it' },
      expected: definition,
    }),
  );

  await page.getByRole('button', { name: 'Save pack' }).click();

  await expect(page.getByRole('alert')).toContainText('(titled “Desk pack, as the colleague titled it”)');
  await expect(page.getByLabel('Title on the cover')).toHaveValue('Desk pack, as the colleague titled it');
  const kept = (await callStore(colleague, 'pack.list', {})).find((pack) => pack.name === 'Desk pack');
  expect(kept?.definition.title).toBe('Desk pack, as the colleague titled it');
  await page.getByLabel('Title on the cover').fill('Desk pack, as titled here');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Desk pack”.' })).toBeVisible();
  const replaced = (await callStore(colleague, 'pack.list', {})).find((pack) => pack.name === 'Desk pack');
  expect(replaced?.definition.title).toBe('Desk pack, as titled here');
});
// ---- end of guarded writes ----
