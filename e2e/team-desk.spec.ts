import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startAccountsProxy, startTestServer } from '../main/sync/testServer.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { connect, databaseShownFor, panelOf, stateLine, syncRound } from './sync.helpers.ts';
import { expect, expectNoSeriousViolations, sidebar } from './views.helpers.ts';

// A desk of three officers on one machine, each a web harness with its own
// store, behind a server with accounts (the test server, with CouchDB 3's
// answers for passwords and per-database access in front of it): the sherpa
// (kim) shares two summits, the sector expert (park) shares none and works on
// the reference data, the bilateral officer (lee) is given Vilnius only.
// Midway the administrator takes lee off Vilnius, then lets her in again,
// opens Washington to her, changes her password and moves the server.

interface Desk {
  page: Page;
  dataDir: string;
  process: ChildProcess;
}

async function openDesk(browser: Browser): Promise<Desk> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-team-'));
  const harness = await startHarnessProcess(dataDir);
  const page = await (await browser.newContext()).newPage();
  await page.goto(harness.url);
  await expect(page.locator('main h1').first()).toBeVisible();
  return { page, dataDir, process: harness.process };
}

const person = (name: string) => ({
  name,
  nativeName: '',
  title: 'Minister of Foreign Affairs',
  countryId: null,
  biography: '',
  sourceId: null,
  classification: 'NATO UNCLASSIFIED',
});

test('a desk of three: an officer taken off a summit midway keeps it, sees only its edits waiting, and sends them once let in', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'three web harnesses on three stores, beside a loopback server');
  test.setTimeout(90_000);
  const server = await startTestServer();
  const passwords: Record<string, string> = { kim: 'Kim-Pass-2026', park: 'Park-Pass-2026', lee: 'Lee-Pass-2026' };
  const openToLee = new Set<string>();
  const allowed = (user: string, database: string) => user !== 'lee' || !database.startsWith('sherpa-summit-') || openToLee.has(database);
  const proxies = [await startAccountsProxy(server, passwords, allowed)];
  const desks: Desk[] = [];
  try {
    const [sherpa, expert, bilateral] = [await openDesk(browser), await openDesk(browser), await openDesk(browser)];
    desks.push(sherpa, expert, bilateral);
    const url = proxies[0]?.url ?? '';

    const summitInput = (title: string, startDate: string) => ({
      title,
      city: '',
      countryId: null,
      startDate,
      endDate: startDate,
      timeZone: 'Europe/Vilnius',
      description: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    const vilnius = await callStore(sherpa.page, 'summit.create', summitInput('NATO Summit, Vilnius 2027', '2027-07-11'));
    await callStore(sherpa.page, 'summit.create', summitInput('NATO Summit, Washington 2027', '2027-09-20'));
    const brief = await callStore(sherpa.page, 'meeting.create', {
      summitId: vilnius.id,
      title: 'Bilateral with Lithuania',
      format: 'bilateral',
      startsAt: '2027-07-11T09:00:00Z',
      startTimeKnown: true,
      durationMinutes: 30,
      timeZone: 'Europe/Vilnius',
      venue: '',
      interpreters: '',
      press: 'closed',
      purpose: 'Thank the host.',
      objectives: '',
      theirAsks: '',
      pointsToMake: '',
      linesToTake: '',
      defensivePoints: '',
      background: '',
      sensitivities: '',
      protocolNotes: '',
      pressLine: '',
      outcome: '',
      status: 'planned',
      counterpartId: null,
      sourceId: null,
      classification: 'NATO RESTRICTED',
    });
    await connect(sherpa.page, url, 'kim', passwords.kim ?? '', ['NATO Summit, Vilnius 2027', 'NATO Summit, Washington 2027']);
    const vilniusDatabase = await databaseShownFor(sherpa.page, 'NATO Summit, Vilnius 2027');
    const washingtonDatabase = await databaseShownFor(sherpa.page, 'NATO Summit, Washington 2027');
    await connect(expert.page, url, 'park', passwords.park ?? '', []);

    // Lee is given Vilnius and joins it by the name kim reads out.
    openToLee.add(vilniusDatabase);
    await connect(bilateral.page, url, 'lee', passwords.lee ?? '', []);
    await panelOf(bilateral.page).getByLabel('Join a summit a colleague shares').fill(vilniusDatabase);
    await syncRound(bilateral.page, 'Save and sync');
    await expect(panelOf(bilateral.page).getByRole('checkbox', { name: 'NATO Summit, Vilnius 2027' })).toBeChecked();
    await expect(stateLine(bilateral.page)).toContainText('Up to date');
    const vilniusHere = (await callStore(bilateral.page, 'summit.list', {})).find((each) => each.title === 'NATO Summit, Vilnius 2027');
    const briefHere = (await callStore(bilateral.page, 'summit.view', { id: vilniusHere?.id ?? 0 })).meetings[0];
    if (!briefHere) throw new Error('Vilnius arrived without its meeting');

    // The administrator takes her off Vilnius; she goes on with the brief.
    openToLee.delete(vilniusDatabase);
    await callStore(bilateral.page, 'meeting.update', {
      id: briefHere.id,
      patch: { pointsToMake: 'Thank Lithuania for hosting; raise the air-defence rotation.' },
      expected: {},
    });
    await syncRound(bilateral.page);
    await expect(stateLine(bilateral.page)).toContainText('1 change waiting to be sent. Last error: the server does not let this user');
    await expect(stateLine(bilateral.page)).toContainText(`the database of (NU) NATO Summit, Vilnius 2027 (“${vilniusDatabase}”)`);
    await expect(stateLine(bilateral.page)).toContainText('The summit stays on this desk, to read and edit');
    await expect(sidebar(bilateral.page).getByRole('link', { name: 'Sync: last exchange partly failed' })).toBeVisible();
    await expectNoSeriousViolations(bilateral.page, 'Settings with a summit refused');
    // Unticking Vilnius would stop counting her brief as waiting: the panel says so before she saves; she keeps it ticked.
    const vilniusBox = panelOf(bilateral.page).getByRole('checkbox', { name: 'NATO Summit, Vilnius 2027' });
    await vilniusBox.uncheck();
    await expect(panelOf(bilateral.page).getByText(/not reached the server/)).toHaveText(
      '1 change to this summit has not reached the server. Unticked, it is no longer counted as waiting: it stays on this desk and goes if you share the summit again.',
    );
    await expectNoSeriousViolations(bilateral.page, 'Settings with a refused summit unticked');
    await vilniusBox.check();
    await expect(panelOf(bilateral.page).getByText(/not reached the server/)).toHaveCount(0);

    // A person she adds to the reference data still goes: it reaches kim, and is not counted as waiting.
    await callStore(bilateral.page, 'person.create', person('Gabrielius Landsbergis'));
    await syncRound(bilateral.page);
    await expect(stateLine(bilateral.page)).toContainText('1 change waiting to be sent.');
    // So does park's, from the sector desk, to both of them.
    await callStore(expert.page, 'person.create', person('Kaja Kallas'));
    await syncRound(expert.page);
    await expect(stateLine(expert.page)).toContainText('Up to date');
    await syncRound(sherpa.page);
    await syncRound(bilateral.page);
    await expect(stateLine(bilateral.page)).toContainText('1 change waiting to be sent.');
    const names = async (page: Page) => (await callStore(page, 'person.list', {})).map((each) => each.name);
    expect(await names(sherpa.page)).toEqual(expect.arrayContaining(['Gabrielius Landsbergis', 'Kaja Kallas']));
    expect(await names(bilateral.page)).toContain('Kaja Kallas');

    // The brief is hers to read meanwhile, with her text.
    await goTo(bilateral.page, `#/meeting/${briefHere.id}`);
    await expect(bilateral.page.getByRole('heading', { level: 1, name: 'Bilateral with Lithuania' })).toBeVisible();
    await expect(bilateral.page.getByText('raise the air-defence rotation')).toBeVisible();
    await bilateral.page.screenshot({ path: testInfo.outputPath('team-desk-revoked-brief.png'), fullPage: true });

    // In Korean, the same.
    await callStore(bilateral.page, 'settings.update', { language: 'ko' });
    await goTo(bilateral.page, '#/settings');
    const lineKo = bilateral.page.getByRole('region', { name: '부서 서버와 동기화' }).getByRole('status');
    await expect(lineKo).toContainText('보낼 변경 사항 1건이 대기 중입니다.');
    await expect(lineKo).toContainText('이 정상회의는 이 데스크에 남아 있어 읽고 편집할 수 있으며');
    await expect(bilateral.page.getByRole('link', { name: '동기화: 마지막 교환 일부 실패' })).toBeVisible();
    await callStore(bilateral.page, 'settings.update', { language: 'en' });

    // Given Washington while Vilnius is still closed: Washington arrives; her Vilnius brief still waits.
    openToLee.add(washingtonDatabase);
    await goTo(bilateral.page, '#/settings');
    await panelOf(bilateral.page).getByLabel('Join a summit a colleague shares').fill(washingtonDatabase);
    await syncRound(bilateral.page, 'Save and sync');
    await expect(panelOf(bilateral.page).getByRole('checkbox', { name: 'NATO Summit, Washington 2027' })).toBeChecked();
    await expect(stateLine(bilateral.page)).toContainText('1 change waiting to be sent.');

    // Let in again: her brief goes, nothing waits.
    openToLee.add(vilniusDatabase);
    await syncRound(bilateral.page);
    await expect(stateLine(bilateral.page)).toContainText('Up to date');
    await syncRound(sherpa.page);
    await goTo(sherpa.page, `#/meeting/${brief.id}`);
    await expect(sherpa.page.getByText('raise the air-defence rotation')).toBeVisible();

    // Her password changed by the administrator: refused, in words; the new one typed, she is up to date again.
    passwords.lee = 'Lee-Pass-2027';
    await syncRound(bilateral.page);
    await expect(stateLine(bilateral.page)).toContainText('the server refused the user name or password');
    await panelOf(bilateral.page).getByLabel('Password', { exact: true }).fill('Lee-Pass-2027');
    await syncRound(bilateral.page, 'Save and sync');
    await expect(stateLine(bilateral.page)).toContainText('Up to date');

    // The server moves: a new address asks for the password again, then nothing is waiting or lost.
    proxies.push(await startAccountsProxy(server, passwords, allowed));
    const moved = proxies[1]?.url ?? '';
    await panelOf(bilateral.page).getByLabel('Server address').fill(moved);
    await panelOf(bilateral.page).getByRole('button', { name: 'Save and sync' }).click();
    await expect(panelOf(bilateral.page).getByText('Password: type it again.')).toBeVisible();
    await panelOf(bilateral.page).getByLabel('Password', { exact: true }).fill('Lee-Pass-2027');
    await syncRound(bilateral.page, 'Save and sync');
    await expect(stateLine(bilateral.page)).toContainText('Up to date');
    expect((await callStore(bilateral.page, 'sync.status', {})).account?.url).toBe(moved);
    await bilateral.page.screenshot({ path: testInfo.outputPath('team-desk-moved-server.png'), fullPage: true });
  } finally {
    for (const desk of desks) {
      const exited = desk.process.exitCode === null ? new Promise((resolve) => desk.process.once('exit', resolve)) : undefined;
      desk.process.kill('SIGTERM');
      await exited;
      await desk.page.context().close();
      fs.rmSync(desk.dataDir, { recursive: true, force: true });
    }
    for (const proxy of proxies) await proxy.stop();
    await server.stop();
  }
});
