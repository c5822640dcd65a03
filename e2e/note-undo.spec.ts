import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

const noteBox = (page: Page) => page.getByRole('textbox', { name: 'Note text', exact: true });
const saveState = (page: Page) => page.locator('[data-save-state]').first();

/** The caret moved and back: the browser starts a new undo step, as after a click in the text. */
async function endTypingRun(page: Page): Promise<void> {
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
}

test('undo after an autosave takes back the last typing run, as in any text field', async ({ sherpa }) => {
  const { page } = sherpa;
  await page.goto(new URL('#/notes', page.url()).toString());
  await page.getByRole('button', { name: 'New note' }).click();
  await noteBox(page).click();
  await page.keyboard.type('Raise cyber defence.');
  await expect(saveState(page)).toHaveText('Saved');
  await endTypingRun(page);
  await page.keyboard.type(' Then the budget.');
  await expect(saveState(page)).toHaveText('Saved');
  await page.keyboard.press('Control+z');
  // The whole run, not its last letter (a controlled field ended the browser's undo step at every key).
  await expect(noteBox(page)).toHaveValue('Raise cyber defence.');
  await expect(saveState(page)).toHaveText('Saved');
  await page.keyboard.press('Control+z');
  await expect(noteBox(page)).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(noteBox(page)).toHaveValue('Raise cyber defence.');
  // What undo left is what the store keeps.
  await expect(saveState(page)).toHaveText('Saved');
  await page.reload();
  await expect(noteBox(page)).toHaveValue('Raise cyber defence.');
});

test('undo in a meeting-brief section takes back the last typing run', async ({ sherpa }) => {
  const { page } = sherpa;
  await page.goto(new URL('#/summits', page.url()).toString());
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).first().click();
  await page.getByRole('button', { name: 'Edit Points to make' }).click();
  const editor = page.getByRole('textbox', { name: 'Points to make text' });
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+End');
  const before = await editor.inputValue();
  await page.keyboard.type('\nAsk about the mission.');
  await endTypingRun(page);
  await page.keyboard.type(' Thank Korea.');
  await page.keyboard.press('Control+z');
  await expect(editor).toHaveValue(`${before}\nAsk about the mission.`);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: /Points to make/ }).locator('.prose')).toContainText('Ask about the mission.');
  await expect(page.getByRole('region', { name: /Points to make/ }).locator('.prose')).not.toContainText('Thank Korea.');
});

test('undo in a record form’s long text takes back the last typing run, and the form saves what undo left', async ({ sherpa }) => {
  const { page } = sherpa;
  const yoon = (await callStore(page, 'person.list', {})).find((person) => person.name === 'Yoon Suk Yeol');
  if (!yoon) throw new Error('The sample holds President Yoon');
  await goTo(page, `#/edit/person/${yoon.id}`);
  const biography = page.getByRole('textbox', { name: 'Biography', exact: true });
  await biography.click();
  await page.keyboard.press('Control+End');
  const before = await biography.inputValue();
  await page.keyboard.type(' Hosted the NATO cyber training.');
  await endTypingRun(page);
  await page.keyboard.type(' Second term unlikely.');
  await page.keyboard.press('Control+z');
  // The whole run, not its last letter.
  await expect(biography).toHaveValue(`${before} Hosted the NATO cyber training.`);
  await page.keyboard.press('Control+Shift+z');
  await expect(biography).toHaveValue(`${before} Hosted the NATO cyber training. Second term unlikely.`);
  await page.keyboard.press('Control+z');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect
    .poll(async () => (await callStore(page, 'person.list', {})).find((person) => person.id === yoon.id)?.biography)
    .toBe(`${before} Hosted the NATO cyber training.`);
});

test('undo in a meeting’s own biography takes back the last typing run, and its page shows the saved text formatted', async ({
  sherpa,
}) => {
  const { page } = sherpa;
  await page.goto(new URL('#/meeting/1', page.url()).toString());
  await page.getByRole('button', { name: 'Write a biography of Yoon Suk Yeol for this meeting' }).click();
  const biography = page.getByRole('textbox', { name: 'Biography for this meeting: Yoon Suk Yeol' });
  await biography.click();
  await page.keyboard.type('Prefers a **short** opening.');
  await endTypingRun(page);
  await page.keyboard.type(' Dislikes notes.');
  await page.keyboard.press('Control+z');
  await expect(biography).toHaveValue('Prefers a **short** opening.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const shown = page.getByRole('heading', { name: /Biography for this meeting: Yoon Suk Yeol/ }).locator('xpath=following-sibling::*[1]');
  await expect(shown).toHaveText('Prefers a short opening.');
  await expect(shown.locator('strong')).toHaveText('short');
});
