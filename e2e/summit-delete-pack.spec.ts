import { test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

// A desk deletes a summit whose briefing pack lists one of its meetings. The
// meeting is kept (no longer linked to the summit) and so is the pack, which
// still prints it: the builder must name the meeting, not show "#12".
test('a pack listing a meeting of a deleted summit names the meeting, and still exports', async ({ sherpa }) => {
  const { page } = sherpa;
  const [sample] = await callStore(page, 'summit.list', {});
  if (!sample) throw new Error('the sample has no summit');
  const { id: _summitId, ...summitFields } = await callStore(page, 'summit.get', { id: sample.id });
  const summit = await callStore(page, 'summit.create', {
    ...summitFields,
    title: 'Pacific Islands Forum Leaders’ Meeting',
    city: 'Nukuʻalofa',
    timeZone: 'Pacific/Tongatapu',
    startDate: '2026-12-03',
    endDate: '2026-12-04',
  });
  const [sampleMeeting] = (await callStore(page, 'summit.view', { id: sample.id })).meetings;
  if (!sampleMeeting) throw new Error('the sample summit has no meeting');
  const { id: _meetingId, ...meetingFields } = await callStore(page, 'meeting.get', { id: sampleMeeting.id });
  const meeting = await callStore(page, 'meeting.create', {
    ...meetingFields,
    summitId: summit.id,
    title: 'Bilateral with the Prime Minister of Tonga',
    startsAt: '2026-12-02T20:00:00Z',
    timeZone: 'Pacific/Tongatapu',
  });
  await callStore(page, 'pack.save', {
    name: 'Nukuʻalofa pack',
    expected: null,
    definition: {
      title: 'Nukuʻalofa',
      recipient: '',
      summitId: summit.id,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'meeting', meetingId: meeting.id, form: 'full' }],
    },
  });

  await goTo(page, `#/summit/${summit.id}`);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('1 briefing pack (kept, no longer linked to it): Nukuʻalofa pack');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('Deleted: Pacific Islands Forum Leaders’ Meeting')).toBeVisible();

  await goTo(page, '#/packs');
  await page.getByRole('button', { name: 'Nukuʻalofa pack' }).click();
  const sections = page.getByRole('list', { name: 'Sections, in print order' }).locator(':scope > li');
  await expect(sections).toHaveText([/^1\. Bilateral with the Prime Minister of Tonga · Full brief/]);
  await expect(page.getByRole('button', { name: 'Remove: Bilateral with the Prime Minister of Tonga · Full brief' })).toBeVisible();
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/^Exported \d+ pages/)).toBeVisible();
});
