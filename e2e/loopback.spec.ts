import { expect, test } from './fixtures.ts';

// The web target's loopback harness is reachable by anything on the machine,
// a web page in the user's browser included: without the token it answers
// nothing, and it serves no file outside the built renderer.

test('the loopback harness refuses calls without its token and serves nothing outside the app', async ({ sherpa, request, target }) => {
  test.skip(target !== 'web', 'the loopback harness exists only in the web target');
  const app = new URL(sherpa.page.url());
  const token = app.searchParams.get('token') ?? '';
  const at = (pathname: string) => `${app.origin}${pathname}`;
  const body = { data: {} };

  expect((await request.post(at('/rpc/summit.list'), body)).status()).toBe(403);
  expect((await request.post(at('/rpc/summit.list'), { ...body, headers: { 'x-sherpa-token': 'guess' } })).status()).toBe(403);
  expect((await request.post(at('/rpc/summit.list'), { ...body, headers: { 'x-sherpa-token': `${token}x` } })).status()).toBe(403);
  expect((await request.get(at('/events'))).status()).toBe(403);
  // A page elsewhere cannot read the token from a response either: it is never sent back.
  const allowed = await request.post(at('/rpc/summit.list'), { ...body, headers: { 'x-sherpa-token': token } });
  expect(allowed.status()).toBe(200);
  expect(await allowed.text()).not.toContain(token);

  const broken = await request.post(at('/rpc/person.create'), {
    data: Buffer.from('{"name": '),
    headers: { 'x-sherpa-token': token, 'content-type': 'application/json' },
  });
  expect(await broken.json()).toEqual({ ok: false, error: { code: 'invalid_request', message: 'The request is not valid JSON.' } });
  const unknown = await request.post(at('/rpc/shell.openExternal'), { ...body, headers: { 'x-sherpa-token': token } });
  expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });

  for (const pathname of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/..%5cpackage.json',
    '/assets/../../package.json',
    '/index.html%00.js',
  ]) {
    const response = await request.get(at(pathname));
    expect(response.status(), pathname).toBe(404);
    expect(await response.text(), pathname).not.toContain('"devDependencies"');
  }
  const page = await request.get(at('/index.html'));
  expect(page.headers()['content-security-policy']).toContain("script-src 'self'");
});

test('an address whose token is not the harness’s says the link is not valid, not that Sherpa is locked', async ({
  sherpa,
  browser,
  target,
}) => {
  test.skip(target !== 'web', 'the loopback harness exists only in the web target');
  const stale = new URL(sherpa.page.url());
  stale.searchParams.set('token', 'from-an-earlier-start');
  stale.hash = '';
  for (const [locale, heading] of [
    ['en-GB', 'This link to Sherpa is not valid'],
    ['ko-KR', '이 Sherpa 링크는 유효하지 않습니다'],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(stale.toString());
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(page.getByText(/Sherpa is locked|Sherpa가 잠겨/)).toHaveCount(0);
    await context.close();
  }
});
