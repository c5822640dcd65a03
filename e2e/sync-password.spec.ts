import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '../main/sync/testServer.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

// A desk officer, in Korean, mistypes the server's address after connecting:
// the password stored for the desk's server must not go to the mistyped one.
// The server runs on 127.0.0.1, started and stopped here; the mistyped
// address is refused before anything is sent.

test('a changed server address asks for the password again, in Korean, and leaves the saved connection as it was', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'a harness of its own beside a loopback server');
  const server = await startTestServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-syncpw-'));
  const harness = await startHarnessProcess(dataDir);
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(harness.url);
    await expect(page.locator('main h1').first()).toBeVisible();
    // Read again from the store: a change made before the page listened for changes would not reach it otherwise.
    await callStore(page, 'settings.update', { language: 'ko' });
    await page.reload();
    await goTo(page, '#/settings');
    const panel = page.getByRole('region', { name: '부서 서버와 동기화' });
    await panel.getByLabel('서버 주소').fill('http://couch.desk.example:5984');
    await panel.getByLabel('사용자 이름').fill('kim');
    await panel.getByLabel('비밀번호', { exact: true }).fill('Kim-Pass-2026');
    await panel.getByRole('button', { name: '연결' }).click();
    await expect(panel.getByText('서버 주소: https://로 시작해야 합니다.')).toBeVisible();
    expect((await callStore(page, 'sync.status', {})).account).toBeNull();

    await panel.getByLabel('서버 주소').fill(server.url);
    await panel.getByRole('button', { name: '연결' }).click();
    await expect(panel.getByRole('status')).toContainText('최신 상태입니다.');
    const connected = (await callStore(page, 'sync.status', {})).account;
    expect(connected).toMatchObject({ url: server.url, username: 'kim', passwordSet: true });

    // A typo in the host, the password field left empty as the hint said.
    await panel.getByLabel('서버 주소').fill('https://couch.desk.exmple:6984');
    await expect(panel.getByText('그대로 두려면 비워 두십시오')).toHaveCount(0);
    await panel.getByRole('button', { name: '저장하고 동기화' }).click();
    await expect(panel.getByText('비밀번호: 다시 입력하십시오.')).toBeVisible();
    await expect(panel.getByLabel('비밀번호', { exact: true })).toBeFocused();
    await panel.screenshot({ path: testInfo.outputPath('sync-password-again-ko.png') });
    expect((await callStore(page, 'sync.status', {})).account).toEqual(connected);
  } finally {
    const exited = new Promise((resolve) => harness.process.once('exit', resolve));
    harness.process.kill('SIGTERM');
    await exited;
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
