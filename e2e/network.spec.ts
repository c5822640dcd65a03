import type { Request } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';

// Sherpa makes no network request: walking every view, with user text that
// names remote images and pages, the page asks only its own origin for anything.

const views = [
  '#/',
  '#/summits',
  '#/summit/1',
  '#/meeting/1',
  '#/meeting/2',
  '#/sectors',
  '#/sectors/1',
  '#/timeline',
  '#/people',
  '#/people/1',
  '#/sources',
  '#/notes',
  '#/packs',
  '#/settings',
  '#/new/meeting?summitId=1',
  '#/edit/person/1',
];

/** data: URLs are read from the page itself; they never reach a network. */
const isLocal = (url: URL, ownOrigin: string) => url.origin === ownOrigin || url.protocol === 'data:';

test('walking every view requests nothing but the app’s own origin', async ({ sherpa, target }) => {
  const { page } = sherpa;
  const ownOrigin = new URL(page.url()).origin;
  const requests: string[] = [];
  const record = (request: Request) => requests.push(request.url());
  page.on('request', record);
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  // Loaded again with the listeners on, so the start-up requests are counted too.
  await page.reload();
  await expect(page.locator('main h1').first()).toBeVisible();

  // User text pointing elsewhere: a remote image and link in a note, a web page as a source.
  await callStore(page, 'note.create', {
    meetingId: 1,
    title: 'Links',
    body: '![map](https://tiles.example.org/map.png) [press release](https://www.nato.int/cps/en/natohq/news_217320.htm) <img src="https://evil.example/x.png">',
    tags: [],
    classification: '',
  });
  await callStore(page, 'source.create', {
    title: 'Press release',
    publisher: 'NATO',
    location: 'https://www.nato.int/cps/en/natohq/news_217320.htm',
    publishedOn: '2023-07-11',
    note: '![logo](http://cdn.example.com/logo.png)',
    classification: '',
  });

  for (const view of views) {
    await goTo(page, view);
    await expect(page.locator('main h1').first(), view).toBeVisible();
  }
  // And once more on a view full of user text, loaded from cold.
  await goTo(page, '#/meeting/1');
  // The web target's bridge opens its change stream once the app starts; Electron's preload needs none.
  const changeStream = target === 'web' ? page.waitForRequest((request) => new URL(request.url()).pathname === '/events') : null;
  await page.reload();
  await expect(page.getByText('press release').first()).toBeVisible();
  // Late loads have started before counting: the page's load event (images in the markup), its fonts,
  // the change stream, and two painted frames after the view rendered (anything its effects asked for).
  await page.waitForLoadState('load');
  await changeStream;
  await page.evaluate(async () => {
    const scope = globalThis as unknown as {
      document: { fonts: { ready: Promise<unknown> } };
      requestAnimationFrame: (callback: () => void) => void;
    };
    await scope.document.fonts.ready;
    for (let frame = 0; frame < 2; frame += 1) await new Promise<void>((resolve) => scope.requestAnimationFrame(() => resolve()));
  });
  page.off('request', record);

  const foreign = requests.filter((url) => !isLocal(new URL(url), ownOrigin));
  expect(foreign).toEqual([]);
  expect(sockets).toEqual([]);
  // The walk did load the app (scripts, styles, store calls) from its own origin.
  expect(requests.filter((url) => url.includes('/assets/')).length).toBeGreaterThan(0);
  expect(requests.length).toBeGreaterThan(views.length);
  console.info(`no-network walk: ${views.length} views, ${requests.length} requests, ${foreign.length} to another origin`);
});
