import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect, paste, sidebar } from './views.helpers.ts';

// A desk preparing the Mercosur summit in Brasília pastes what it was sent: a paragraph from a Word document, whose
// line breaks within a paragraph (Shift+Enter) come as vertical tabs, and a page of a police report copied from its
// PDF's text, with a form feed where the page broke. Neither character is seen in the field; the store refuses both.
// The paste used to leave the whole note unsaved ("Contains a control character… Remove it"), title and all, with
// nothing visible to remove and every later keystroke unsaved too.

const fromWord = 'Objetivos para Montevidéu:\u000b1. Facilitação de comércio.\u000b2. Hidrovia Paraguai–Paraná.';
const fromPdf = 'Apreensões em 2025: 12 t.\fPágina 2 do relatório da PF\u0007';

test('text pasted from Word or a PDF, with its vertical tabs and form feeds, saves as lines in a note and a brief', async ({
  sherpa,
}, testInfo) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  await editor.getByLabel('Title').fill('Colado do Word e do relatório');
  const body = editor.getByRole('textbox', { name: 'Note text', exact: true });
  await body.focus();
  await paste(page, fromWord);
  await page.keyboard.press('Enter');
  await paste(page, fromPdf);
  await expect(body).toHaveValue(
    'Objetivos para Montevidéu:\n1. Facilitação de comércio.\n2. Hidrovia Paraguai–Paraná.\nApreensões em 2025: 12 t.\nPágina 2 do relatório da PF',
  );
  await expect(editor.locator('[data-save-state]').first()).toHaveText('Saved');
  await page.screenshot({ path: testInfo.outputPath('pasted-note.png') });
  // In the store, title and text: the paste no longer keeps the whole note out of it.
  const stored = (await callStore(page, 'note.list', { kind: 'note' })).find((note) => note.title === 'Colado do Word e do relatório');
  expect(stored?.body).toBe(await body.inputValue());

  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).click();
  await page.getByRole('button', { name: 'Edit Points to make' }).click();
  const points = page.getByLabel('Points to make text');
  await points.fill('');
  await paste(page, fromWord);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Facilitação de comércio.')).toBeVisible();
  await expect(page.getByText('Hidrovia Paraguai–Paraná.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('pasted-brief.png') });
});
