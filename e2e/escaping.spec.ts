import type { Page } from '@playwright/test';
import { blankBrief } from '../shared/domain.ts';
import { expect, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';

// User text with markup in it is shown as the text the user typed: no
// element, attribute, script or request comes out of it, in any view.

const personName = '<img src=x onerror="window.__sherpaXss=\'person\'">Eve Mallory';
const meetingTitle = '<script>window.__sherpaXss="meeting"</script>Talks & <b>more</b>';
const purpose = 'Discuss <iframe src="https://evil.example/"></iframe> and <b onmouseover="window.__sherpaXss=\'purpose\'">this</b>';
const noteBody = [
  '<svg onload="window.__sherpaXss=\'note\'"></svg> Plain **bold** text',
  '',
  '[a link](javascript:window.__sherpaXss="link") and ![a picture](https://evil.example/x.png)',
  '',
  '<script>window.__sherpaXss="note-script"</script>',
].join('\n');

/** Elements that can only have come from user text, had it been treated as HTML. */
const injected = 'img[src="x"], iframe, svg[onload], [onerror], [onload], [onmouseover], script:not([src]), a[href^="javascript:"]';

async function expectNothingRan(page: Page): Promise<void> {
  expect(await page.locator(injected).count()).toBe(0);
  const trace = await page.evaluate(() => {
    const scope = globalThis as unknown as { __sherpaXss?: string; __sherpaBlocked?: string[] };
    return { ran: scope.__sherpaXss ?? null, blocked: scope.__sherpaBlocked ?? [] };
  });
  // A CSP violation would mean markup got as far as trying to run or load something.
  expect(trace).toEqual({ ran: null, blocked: [] });
}

test('names, titles, brief text and notes with markup show as literal text', async ({ sherpa }) => {
  const { page } = sherpa;
  // Records every Content-Security-Policy violation from the first script on.
  await page.addInitScript({
    content: `window.__sherpaBlocked = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__sherpaBlocked.push(event.violatedDirective + ' ' + event.blockedURI));`,
  });
  await page.reload();
  await expect(page.locator('main h1').first()).toBeVisible();

  const person = await callStore(page, 'person.create', {
    name: personName,
    nativeName: '<i>이브</i>',
    title: '"><svg onload=alert(1)>',
    countryId: null,
    biography: '<img src=x onerror=alert(1)>',
    classification: '',
    sourceId: null,
  });
  const meeting = await callStore(page, 'meeting.create', {
    summitId: 1,
    title: meetingTitle,
    format: 'bilateral',
    startsAt: '2023-07-12T07:30:00Z',
    startTimeKnown: true,
    durationMinutes: 30,
    timeZone: 'Europe/Vilnius',
    venue: '<u>Hall</u>',
    interpreters: '',
    press: 'closed',
    ...blankBrief,
    purpose,
    objectives: '<script>window.__sherpaXss="objectives"</script>',
    status: 'planned',
    counterpartId: person.id,
    classification: '',
    sourceId: null,
  });
  const note = await callStore(page, 'note.create', {
    meetingId: meeting.id,
    title: '<b>Readout</b>',
    body: noteBody,
    tags: ['<tag>'],
    classification: '',
  });

  await goTo(page, `#/people/${person.id}`);
  await expect(page.getByText(personName).first()).toBeVisible();
  await expectNothingRan(page);

  await goTo(page, '#/summit/1');
  await expect(page.getByText(meetingTitle).first()).toBeVisible();
  await expectNothingRan(page);

  await goTo(page, `#/meeting/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
  await expect(page.getByText(personName).first()).toBeVisible();
  await expect(page.getByText(purpose).first()).toBeVisible();
  // The annotation's Markdown is rendered (bold), its raw HTML is not.
  await expect(page.locator('strong', { hasText: 'bold' }).first()).toBeVisible();
  await expectNothingRan(page);

  await goTo(page, `#/notes/${note.id}`);
  await expect(page.getByText('Plain').first()).toBeVisible();
  await expectNothingRan(page);

  await goTo(page, '#/');
  await expect(page.locator('main h1').first()).toBeVisible();
  await expectNothingRan(page);
});
