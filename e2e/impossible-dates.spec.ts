import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// A day that does not exist, typed into a date field: Chromium's control then
// reports no value at all and fires no event, so the form used to take it for
// an empty field ("Required", or an optional date silently saved as none).

test('30 February is refused at its field, named, in English and Korean, and nothing is saved', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).click();
  await page.getByRole('link', { name: 'Add follow-up' }).click();
  await page.getByLabel('Description').fill('Send the readout to Seoul');
  const due = page.getByLabel('Due on');
  // Focused, the control's first part (the month) takes the keys, as when a person tabs into it.
  await due.focus();
  await page.keyboard.type('02302024');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('“Due on” is not a day that exists (for example 30 February or 31 April). Type a real date.')).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('Nothing was saved');
  await page.screenshot({ path: testInfo.outputPath('impossible-due-date.png') });
  const { openFollowUps } = await callStore(page, 'dashboard.get', {});
  expect(openFollowUps.some((followUp) => followUp.description === 'Send the readout to Seoul')).toBe(false);

  // Corrected, it saves.
  await due.fill('2024-02-29');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Send the readout to Seoul')).toBeVisible();

  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('ko');
  await page.goto(new URL('#/new/summit', page.url()).toString());
  await page.getByLabel('제목').fill('워싱턴 정상회의');
  await page.getByLabel('시작일').focus();
  await page.keyboard.type('04312024');
  await page.getByRole('button', { name: '만들기' }).click();
  await expect(page.getByText('“시작일”은(는) 존재하지 않는 날짜입니다(예: 2월 30일, 4월 31일). 실제 날짜를 입력하세요.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('impossible-start-date-ko.png') });
  const summits = await callStore(page, 'summit.list', {});
  expect(summits.some((summit) => summit.title === '워싱턴 정상회의')).toBe(false);
});

// A duration typed as "1e" (a slip on the keyboard: the control takes e, + and - for exponents and signs) left the
// control with no value, and the meeting was saved with no duration at all; "1e3" was saved as 1000 minutes.
test('a duration the number control cannot read, or one written as an exponent, is refused at its field', async ({ sherpa }) => {
  const { page } = sherpa;
  await page.goto(`${page.url().split('#')[0]}#/new/meeting?summitId=1`);
  await expect(page.getByRole('heading', { level: 1, name: 'New meeting' })).toBeVisible();
  await page.getByLabel('Title').fill('Working lunch with the Nordic ministers');
  const duration = page.getByLabel('Duration in minutes');
  for (const typed of ['1e', '1e3']) {
    await duration.fill('');
    await duration.pressSequentially(typed);
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(duration).toHaveAttribute('aria-invalid', 'true');
    await expect(duration).toHaveAccessibleDescription(/Must be a whole number from 1 to 1440\./);
  }
  const meetings = (await callStore(page, 'summit.view', { id: 1 })).meetings;
  expect(meetings.some((meeting) => meeting.title === 'Working lunch with the Nordic ministers')).toBe(false);
});
