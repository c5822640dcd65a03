import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { chooseRecord } from './views.helpers.ts';

// The builder's "Will print" list against what the PDF prints: a full brief's
// participants and follow-up actions, and a name in a script no installed
// font draws (Amharic on a machine with no Ethiopic font), said before export.

test('Will print lists participants and follow-ups, warns of an Amharic name in English and Korean, and refuses 30 February', async ({
  sherpa,
}, testInfo) => {
  const { page } = sherpa;
  const [summit] = await callStore(page, 'summit.list', {});
  const view = await callStore(page, 'summit.view', { id: summit?.id ?? 0 });
  const meeting = view.meetings.find((candidate) => candidate.title === 'Secretary General Stoltenberg – President Yoon');
  const yoon = (await callStore(page, 'person.list', {})).find((person) => person.name === 'Yoon Suk Yeol');
  if (!meeting || !yoon) throw new Error('the sample holds the Yoon meeting');
  await callStore(page, 'person.update', { id: yoon.id, patch: { nativeName: 'ዩን ሱክ ዮል' }, expected: {} });
  await callStore(page, 'followUp.create', {
    meetingId: meeting.id,
    description: 'Send the readout to Seoul',
    owner: 'Desk',
    dueOn: '2023-07-20',
    status: 'open',
    classification: yoon.classification,
  });

  await page.getByRole('link', { name: 'Briefing packs' }).click();
  await page.getByLabel('Pack name').fill('Yoon brief');
  await page.getByLabel('Title on the cover').fill('The Yoon meeting');
  await chooseRecord(page.getByLabel('Summit'), 'NATO Summit, Vilnius 2023');
  await page.getByRole('button', { name: 'Add: Full brief — Secretary General Stoltenberg – President Yoon' }).click();
  await page.getByRole('button', { name: 'Add: Timeline' }).click();

  const willPrint = page.getByRole('list', { name: 'Will print' });
  const briefRows = willPrint
    .getByRole('listitem')
    .filter({ hasText: /Stoltenberg – President Yoon/ })
    .first();
  await expect(briefRows).toContainText('Participant: Yoon Suk Yeol (ዩን ሱክ ዮል)');
  await expect(briefRows).toContainText('Participant: Jens Stoltenberg');
  await expect(briefRows).toContainText('(NU) Follow-up: Send the readout to Seoul');
  const boxes = page.getByRole('alert').filter({ hasText: 'Some text will print as empty boxes' });
  await expect(boxes).toContainText('Person “Yoon Suk Yeol”: Ethiopic (ዩንሱክዮል)');
  await expect(boxes).toContainText('Participant “Yoon Suk Yeol”: Ethiopic');
  await expect(boxes).not.toContainText('Jens Stoltenberg');
  await boxes.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('will-print-boxes.png') });

  // A timeline bound typed as a day that does not exist is refused by name; the pack is not saved.
  // Focused, the control's first part (the month) takes the keys, as when a person tabs into it.
  await page.getByLabel('Timeline from').focus();
  await page.keyboard.type('02302023');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(
    page.getByText('“Timeline from” is not a day that exists (for example 30 February or 31 April). Type a real date.'),
  ).toBeVisible();
  expect(await callStore(page, 'pack.list', {})).toEqual([]);
  await page.getByLabel('Timeline from').fill('2023-02-28');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Yoon brief”.' })).toBeVisible();

  // Exported anyway (the romanised name still reads), and said again beside the file.
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Printed with empty boxes where no font draws the characters: Person “Yoon Suk Yeol”/)).toBeVisible({
    timeout: 60_000,
  });
  const pdf = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(printed).toContain('Send the readout to Seoul');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '3', '-l', '3', pdf, testInfo.outputPath('brief-page')]);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('ko');
  await goTo(page, '#/packs');
  await page.getByRole('button', { name: 'Yoon brief' }).click();
  const boxesKo = page.getByRole('alert').filter({ hasText: '일부 글자가 빈 네모로 인쇄됩니다' });
  await expect(boxesKo).toContainText('인물 “Yoon Suk Yeol”: 에티오피아 문자 (ዩንሱክዮል)');
  await expect(page.getByRole('list', { name: '인쇄될 내용' })).toContainText('참석자: Yoon Suk Yeol');
  await boxesKo.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('will-print-boxes-ko.png') });
});
