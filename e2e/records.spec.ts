import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { chooseRecord, expect, expectNoSeriousViolations, markedChoice, sidebar } from './views.helpers.ts';

// Records made and unmade through the interface: a country, a programme, and
// a sector entry that carries an annotation, each created, edited, deleted
// and brought back by Undo, which says what it restored.

const status = (page: Page) => page.getByRole('status').filter({ has: page.locator('.toast') });

test('a country: created (also from a summit form’s picker), edited, deleted and restored', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New country or organisation' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Republic of Estonia');
  await page.getByLabel('Name in native script').fill('Eesti Vabariik');
  await page.getByRole('button', { name: 'Create' }).click();
  const countries = page.getByRole('region', { name: 'Countries and organisations' });
  await expect(countries.getByText('Republic of Estonia')).toBeVisible();

  await countries.getByRole('link', { name: 'Edit: Republic of Estonia' }).click();
  await page.getByLabel('Note').fill('Host of the 2026 meeting of the desk.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(countries.getByText('Host of the 2026 meeting of the desk.')).toBeVisible();

  const row = countries.getByRole('listitem').filter({ hasText: 'Republic of Estonia' });
  await row.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Republic of Estonia?' });
  await expect(dialog).toContainText('Nothing else refers to it');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(countries.getByText('Republic of Estonia')).toHaveCount(0);
  await expect(status(page)).toContainText('Deleted: Republic of Estonia');
  await status(page).getByRole('button', { name: 'Undo' }).click();
  await expect(status(page)).toContainText('Restored: Republic of Estonia');
  await expect(countries.getByText('Host of the 2026 meeting of the desk.')).toBeVisible();

  // A new summit's host country made on the spot, without leaving the summit form.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title', { exact: true }).fill('Tallinn desk meeting');
  await page.getByRole('button', { name: 'New country for “Country”' }).click();
  const picker = page.getByRole('dialog', { name: 'New country' });
  await picker.getByLabel('Name', { exact: true }).fill('Republic of Latvia');
  await page.screenshot({ path: testInfo.outputPath('new-country-from-summit-form.png') });
  await expectNoSeriousViolations(page, 'new country dialog');
  await picker.getByRole('button', { name: 'Create' }).click();
  await expect(picker).toBeHidden();
  await expect(page.getByLabel('Country', { exact: true })).toHaveValue(/\d+/);
  await expect(page.getByLabel('Country', { exact: true }).locator('option:checked')).toHaveText(markedChoice('Republic of Latvia'));
  // What was typed before is still there.
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Tallinn desk meeting');
});

test('a programme: created, edited, deleted with its sectors and restored', async ({ sherpa }) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Sectors' }).click();
  await page.getByRole('link', { name: 'New programme' }).click();
  await page.getByLabel('Code (e.g. ITPP)').fill('EDT');
  await page.getByLabel('Name', { exact: true }).fill('Emerging and disruptive technologies');
  // Signed on, partner and sector count are optional: left empty, nothing is made up.
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'EDT – Emerging and disruptive technologies' })).toBeVisible();

  await page.getByRole('link', { name: 'Edit programme: EDT' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Emerging technologies');
  await page.getByRole('button', { name: 'Save' }).click();
  const heading = page.getByRole('heading', { level: 2, name: 'EDT – Emerging technologies' });
  await expect(heading).toBeVisible();

  // A sector under it, which goes with it and comes back with it.
  await page.getByRole('region', { name: 'EDT – Emerging technologies' }).getByRole('link', { name: 'New sector' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Quantum');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quantum' })).toBeVisible();
  await sidebar(page).getByRole('link', { name: 'Sectors' }).click();

  await page.getByRole('region', { name: 'EDT – Emerging technologies' }).getByRole('button', { name: 'Delete programme' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('1 sector (deleted with it): (UNMARKED)Quantum');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(heading).toHaveCount(0);
  await expect(status(page)).toContainText('Deleted: EDT – Emerging technologies, with 1 sector');
  await status(page).getByRole('button', { name: 'Undo' }).click();
  await expect(status(page)).toContainText('Restored: EDT – Emerging technologies, with 1 sector');
  await expect(heading).toBeVisible();
  await expect(page.getByRole('link', { name: 'Quantum' })).toBeVisible();
});

test('a sector entry with an annotation: created, edited, deleted with its annotation, and both restored', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Sectors' }).click();
  await page.getByRole('link', { name: 'Cybersecurity' }).click();
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.getByLabel('Date', { exact: true }).fill('2023-07-12');
  await page.getByLabel('Title', { exact: true }).fill('Cyber range visit agreed');
  await page.getByLabel('Source', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Create' }).click();
  const entry = page.getByRole('article', { name: /Cyber range visit agreed/ });
  await expect(entry).toBeVisible();

  await entry.getByRole('link', { name: 'Edit entry' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Cyber range visit agreed in principle');
  await page.getByRole('button', { name: 'Save' }).click();
  const edited = page.getByRole('article', { name: /Cyber range visit agreed in principle/ });
  await expect(edited).toBeVisible();

  await edited.getByRole('button', { name: 'Add annotation' }).click();
  await edited.getByRole('textbox', { name: 'Annotation text', exact: true }).fill('Check dates with the Estonian centre.');
  await expect(edited.locator('[data-save-state]').first()).toHaveText('Saved');
  await edited.getByRole('button', { name: 'Done' }).click();
  await expect(edited.getByText('1 annotation')).toBeVisible();

  await edited.getByRole('button', { name: 'Delete entry' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('1 annotation (moved to the trash with it): (UNMARKED)Check dates with the Estonian centre.');
  await page.screenshot({ path: testInfo.outputPath('delete-entry-with-annotation.png') });
  await expectNoSeriousViolations(page, 'delete dialog');
  await dialog.getByRole('button', { name: 'Delete with them' }).click();
  await expect(edited).toHaveCount(0);
  await expect(status(page)).toContainText('Deleted: Cyber range visit agreed in principle, with 1 annotation');

  // The annotation went to the trash with its entry.
  await status(page).getByRole('button', { name: 'Undo' }).click();
  await expect(status(page)).toContainText('Restored: Cyber range visit agreed in principle, with 1 annotation');
  await expect(edited).toBeVisible();
  await expect(edited.getByText('1 annotation')).toBeVisible();
  await expect(edited.getByText('Check dates with the Estonian centre.')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('article', { name: /Cyber range visit agreed in principle/ }).getByText('Check dates with the Estonian centre.'),
  ).toBeVisible();
});

test('a new person made from the participants editor joins the meeting', async ({ sherpa }) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).click();
  await page.getByRole('button', { name: 'Edit participants' }).click();
  const editor = page.getByRole('form', { name: 'Edit participants' });
  await editor.getByRole('button', { name: 'Add participant' }).click();
  const rows = await editor.getByRole('row').count();
  const row = rows - 1;
  await editor.getByRole('button', { name: `New person for “Person, row ${row}”` }).click();
  const dialog = page.getByRole('dialog', { name: 'New person' });
  await dialog.getByLabel('Name', { exact: true }).fill('Kristjan Tamm');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.getByLabel(`Person, row ${row}`, { exact: true }).locator('option:checked')).toHaveText(
    markedChoice('Kristjan Tamm'),
  );
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('link', { name: 'Kristjan Tamm' })).toBeVisible();
});

test('optional fields stay empty: a source without a date, a follow-up without a due date', async ({ sherpa }) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Sources' }).click();
  await page.getByRole('link', { name: 'New source' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Desk officer’s own notes');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Desk officer’s own notes')).toBeVisible();

  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).click();
  await page.getByRole('link', { name: 'Add follow-up' }).click();
  await page.getByLabel('Description').fill('Send the readout to Seoul');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Send the readout to Seoul')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the forms and the delete dialog in Korean', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('heading', { level: 1, name: '설정' })).toBeVisible();
  await page.goto(new URL('#/new/summit', page.url()).toString());
  await page.getByRole('button', { name: '“국가”에 쓸 새 국가' }).click();
  const picker = page.getByRole('dialog');
  await picker.getByRole('button', { name: '만들기' }).click();
  await expect(picker.getByText('필수 항목입니다.').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('ko-new-country-dialog.png') });
  await picker.getByRole('button', { name: '취소' }).click();

  await page.goto(new URL('#/sources', page.url()).toString());
  await page.getByRole('button', { name: '삭제' }).first().click();
  await expect(page.getByRole('alertdialog')).toContainText('분야 항목');
  await page.screenshot({ path: testInfo.outputPath('ko-delete-source.png') });
  await page.getByRole('alertdialog').getByRole('button', { name: '취소' }).click();

  // Deleted and restored, said in Korean.
  await page.goto(new URL('#/timeline', page.url()).toString());
  const first = page.locator('.timeline li').first();
  const title = (await first.locator('strong').textContent()) ?? '';
  await first.getByRole('button', { name: '삭제' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '삭제', exact: true }).click();
  await expect(status(page)).toContainText(`삭제됨: ${title}`);
  await status(page).getByRole('button', { name: '실행 취소' }).click();
  await expect(status(page)).toContainText(`복원됨: ${title}`);
  await expect(page.locator('.timeline li').first().locator('strong')).toHaveText(title);
});

test('every record form, in English and Korean, passes axe and is photographed', async ({ sherpa }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = sherpa;
  const entities = ['summit', 'meeting', 'person', 'country', 'programme', 'source', 'sector', 'sectorEntry', 'timelineEvent', 'followUp'];
  for (const language of ['en', 'ko'] as const) {
    if (language === 'ko') {
      await sidebar(page).getByRole('link', { name: 'Settings' }).click();
      await page.getByLabel('Language').selectOption('ko');
      await expect(page.getByRole('heading', { level: 1, name: '설정' })).toBeVisible();
    }
    for (const entity of entities) {
      await page.goto(new URL(`#/new/${entity}`, page.url()).toString());
      await expect(page.locator('main form h1')).toBeVisible();
      await expectNoSeriousViolations(page, `${entity} form (${language})`);
      await page.screenshot({ path: testInfo.outputPath(`form-${entity}-${language}.png`), fullPage: true });
    }
  }
});

test('a meeting a briefing pack lists is not moved to another summit; the form says why', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  const [summit] = await callStore(page, 'summit.list', {});
  if (!summit) throw new Error('the sample has no summit');
  const view = await callStore(page, 'summit.view', { id: summit.id });
  const meeting = view.meetings[0];
  if (!meeting) throw new Error('the sample summit has no meeting');
  const { id: _id, ...fields } = await callStore(page, 'summit.get', { id: summit.id });
  await callStore(page, 'summit.create', { ...fields, title: 'Vilnius follow-up talks' });
  await callStore(page, 'pack.save', {
    name: 'Car pack',
    expected: null,
    definition: {
      title: 'Car pack',
      recipient: '',
      summitId: summit.id,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'meeting', meetingId: meeting.id, form: 'pocket' }],
    },
  });
  await goTo(page, `#/edit/meeting/${meeting.id}`);
  await chooseRecord(page.getByLabel('Summit', { exact: true }), 'Vilnius follow-up talks');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('This meeting is in the briefing pack “Car pack” of its present summit, so it was not moved.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('meeting-in-pack-not-moved.png') });
  expect((await callStore(page, 'meeting.get', { id: meeting.id })).summitId).toBe(summit.id);
});

test('a sector deleted with its entry and annotation comes back on Undo after a new sector was made meanwhile', async ({ sherpa }) => {
  const { page } = sherpa;
  const programmes = await callStore(page, 'programme.list', {});
  const sectors = programmes.flatMap((programme) => programme.sectors).sort((a, b) => a.id - b.id);
  const last = sectors.at(-1);
  const source = (await callStore(page, 'source.list', {}))[0];
  if (!last || !source) throw new Error('the sample has no sectors or no source');
  const entry = await callStore(page, 'sectorEntry.create', {
    sectorId: last.id,
    occurredOn: '2023-07-12',
    title: 'Last sector’s entry',
    body: '',
    sourceId: source.id,
    sourceExcerpt: '',
    classification: 'NATO UNCLASSIFIED',
  });
  await callStore(page, 'note.create', {
    sectorEntryId: entry.id,
    title: 'Desk view',
    body: 'Raise it at the next round.',
    tags: [],
    classification: 'NATO UNCLASSIFIED',
  });

  await goTo(page, `#/sectors/${last.id}`);
  await page.getByRole('button', { name: 'Delete sector' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete with them' }).click();
  await expect(status(page)).toContainText(`Deleted: ${last.name}`);
  // Made meanwhile (in another window): it must not take the deleted sector's place.
  const { id: _id, ...fields } = await callStore(page, 'sector.get', { id: sectors[0]?.id ?? 0 });
  const made = await callStore(page, 'sector.create', { ...fields, name: 'Maritime security', position: 20 });
  expect(made.id).toBeGreaterThan(last.id);

  await status(page).getByRole('button', { name: 'Undo' }).click();
  await expect(status(page)).toContainText(`Restored: ${last.name}`);
  await expect(page.getByRole('heading', { level: 1, name: last.name })).toBeVisible();
  await expect(page.getByRole('article', { name: /Last sector’s entry/ }).getByText('Raise it at the next round.')).toBeVisible();
  expect((await callStore(page, 'sector.get', { id: made.id })).name).toBe('Maritime security');
});
