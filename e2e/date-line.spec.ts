import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// A desk briefing a Commonwealth summit in Apia (UTC+13, across the date line
// from the G7 in Charlevoix) types its zones and dates in by hand. Samoa
// skipped 30 December 2011 whole; a bare offset keeps no summer time; a zone
// pasted with a space after it is still the zone.

test('a zone typed as an offset is refused, one pasted with spaces is taken, and a day Apia skipped is refused at the date', async ({
  sherpa,
}, testInfo) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('Fono Apia across the date line');
  await page.getByLabel('Start date').fill('2026-12-07');
  const zone = page.getByLabel('Time zone (IANA, e.g. Europe/Vilnius)');
  await zone.fill('+13:00');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('“+13:00” is a fixed offset (UTC+13), not a place’s zone', { exact: false })).toBeVisible();
  expect((await callStore(page, 'summit.list', {})).some((summit) => summit.title === 'Fono Apia across the date line')).toBe(false);

  await zone.fill(' Pacific/Apia ');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Fono Apia across the date line');
  const stored = (await callStore(page, 'summit.list', {})).find((summit) => summit.title === 'Fono Apia across the date line');
  expect(stored?.timeZone).toBe('Pacific/Apia');

  await page.getByRole('link', { name: 'New meeting' }).first().click();
  await page.getByLabel('Title').fill('Fono on the day that never was');
  const date = page.getByLabel('Date (venue)');
  await date.fill('2011-12-30');
  await page.getByLabel('Time of day is known').check();
  await page.getByLabel('Time (venue)').fill('10:00');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText(
      'This time zone’s calendar skips that whole day (its clocks jumped across the date line), so it does not exist there. Choose another day.',
    ),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('skipped-day.png') });
  const view = await callStore(page, 'summit.view', { id: stored?.id ?? 0 });
  expect(view.meetings.map((meeting) => meeting.title)).not.toContain('Fono on the day that never was');

  // The next day exists: saved as typed, 10:00 on 31 December at the venue.
  await date.fill('2011-12-31');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(/Sat, 31 Dec 2011, 10:00/)).toBeVisible();
});
