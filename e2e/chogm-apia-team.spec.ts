import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startAccountsProxy, startTestServer, type TestServer } from '../main/sync/testServer.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { chooseBundle } from './team.helpers.ts';
import { expect, expectNoSeriousViolations, sidebar } from './views.helpers.ts';

// The Apia trial: one desk prepares the Commonwealth Heads of Government Meeting in Apia, Samoa (Pacific/Apia,
// UTC+13, across the date line from London) with its bilaterals. Ana (London desk) shares the summit through the
// desk's server; Sina (the travelling desk) joins it from a laptop set up in London and flown to Apia. Each desk is
// a web harness on its own store; the server is pouchdb-server on 127.0.0.1 behind CouchDB 3's password answers.

interface Desk {
  page: Page;
  dataDir: string;
  process: ChildProcess;
  /** Moves the window's zone mid-session, as a laptop's clock does when its owner lands (the store's process keeps its own). */
  moveZone(zone: string): Promise<void>;
}

async function openDesk(browser: Browser, zone: string): Promise<Desk> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-apia-'));
  const harness = await startHarnessProcess(dataDir, { env: { ...process.env, TZ: zone } });
  // The window's zone is set through the page's own DevTools session, not the context's option, so it can move later.
  const page = await (await browser.newContext()).newPage();
  const devtools = await page.context().newCDPSession(page);
  const moveZone = async (timezoneId: string) => {
    await devtools.send('Emulation.setTimezoneOverride', { timezoneId });
  };
  await moveZone(zone);
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  return { page, dataDir, process: harness.process, moveZone };
}

async function closeDesk(desk: Desk): Promise<void> {
  await desk.page.context().close();
  const exited = desk.process.exitCode === null ? new Promise((resolve) => desk.process.once('exit', resolve)) : undefined;
  desk.process.kill('SIGTERM');
  await exited;
  fs.rmSync(desk.dataDir, { recursive: true, force: true });
}

const panelOf = (page: Page, name = 'Sync with the desk’s server') => page.getByRole('region', { name });
const stateLine = (page: Page) => panelOf(page).getByRole('status');

/** Everything the server holds, every database, every document with its history's bodies, as one text. */
async function serverText(server: TestServer): Promise<string> {
  const names = (await (await fetch(`${server.url}/_all_dbs`)).json()) as string[];
  const texts = await Promise.all(
    names.map(async (name) => (await fetch(`${server.url}/${name}/_all_docs?include_docs=true&conflicts=true`)).text()),
  );
  return `${names.join(' ')}\n${texts.join('\n')}`;
}

// The meeting is a month away whenever the spec runs, so Today lists it (Today lists only what is to come).
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const firstDay = dayFromNow(30);
const chogmTitle = 'CHOGM, Apia';
const chogmInput = {
  title: chogmTitle,
  city: 'Apia',
  countryId: null,
  startDate: firstDay,
  endDate: dayFromNow(32),
  timeZone: 'Pacific/Apia',
  description: 'Commonwealth Heads of Government Meeting, hosted by Samoa at Mulinuʻu.',
  sourceId: null,
  classification: 'NATO RESTRICTED',
};
const bilateral = (summitId: number, title: string, startsAt: string, purpose: string) => ({
  summitId,
  title,
  format: 'bilateral' as const,
  startsAt,
  startTimeKnown: true,
  durationMinutes: 30,
  timeZone: 'Pacific/Apia',
  venue: 'Taumeasina Island Resort, Apia',
  interpreters: '',
  press: 'closed' as const,
  purpose,
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
  status: 'planned' as const,
  counterpartId: null,
  sourceId: null,
  classification: 'NATO RESTRICTED',
});

async function fillServer(
  page: Page,
  url: string,
  user: string,
  password: string,
  labels = { url: 'Server address', user: 'User name', password: 'Password' },
) {
  await goTo(page, '#/settings');
  const panel = page.getByRole('region', { name: /Sync with the desk’s server|부서 서버와 동기화/ });
  await panel.getByLabel(labels.url).fill(url);
  await panel.getByLabel(labels.user).fill(user);
  await panel.getByLabel(labels.password, { exact: true }).fill(password);
  return panel;
}

/** Presses "Sync now" and waits for a round to end after it, well or not. */
async function syncRound(page: Page): Promise<void> {
  await goTo(page, '#/settings');
  const ended = async () => {
    const { status } = await callStore(page, 'sync.status', {});
    return `${status.lastSyncedAt} ${status.lastError?.at}`;
  };
  const before = await ended();
  await panelOf(page).getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(ended).not.toBe(before);
}

test.describe.configure({ mode: 'default' });

test('setting up the server: a wrong password and a non-TLS address are refused saving nothing (EN and KO); an address with a path or a mistyped host says what to check', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'a web harness beside a loopback server');
  test.setTimeout(90_000);
  const server = await startTestServer();
  const passwords = { ana: 'Ana-Pass-2026' };
  const proxy = await startAccountsProxy(server, passwords, () => true);
  const london = await openDesk(browser, 'Europe/London');
  try {
    const chogm = await callStore(london.page, 'summit.create', chogmInput);
    await callStore(
      london.page,
      'meeting.create',
      bilateral(chogm.id, 'Bilateral with Samoa (Tuilaʻepa)', `${firstDay}T20:00:00Z`, 'Thank the host.'),
    );
    const stored = async () => (await callStore(london.page, 'sync.status', {})).account;

    // Plain http to another machine: refused for want of TLS, at the field, nothing saved.
    let panel = await fillServer(london.page, 'http://192.0.2.10:5984', 'ana', passwords.ana);
    await panel.getByRole('checkbox', { name: chogmTitle }).check();
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(
      panel.getByText('Server address: must start with https://. Plain http is allowed only for a server on this computer.'),
    ).toBeVisible();
    expect(await stored()).toBeNull();

    // A mistyped password: the server's refusal is said under the password field; nothing is saved, nothing sent.
    panel = await fillServer(london.page, proxy.url, 'ana', 'ana-pass-2026');
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(panel.getByText('Password: the server refused this user name or password.')).toBeVisible();
    await expect(panel.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByText('Not connected to a server.')).toBeVisible();
    await expect(sidebar(london.page).getByRole('link', { name: /^Sync:/ })).toHaveCount(0);
    expect(await stored()).toBeNull();
    expect(await (await fetch(`${server.url}/_all_dbs`)).json()).toEqual([]);
    await expectNoSeriousViolations(london.page, 'Settings with the password refused');
    await london.page.screenshot({ path: testInfo.outputPath('chogm-wrong-password.png'), fullPage: true });

    // In Korean, the same.
    await callStore(london.page, 'settings.update', { language: 'ko' });
    await london.page.reload();
    panel = await fillServer(london.page, proxy.url, 'ana', 'Ana-pass-2026', {
      url: '서버 주소',
      user: '사용자 이름',
      password: '비밀번호',
    });
    await panel.getByRole('button', { name: '연결' }).click();
    await expect(panel.getByText('비밀번호: 서버가 이 사용자 이름 또는 비밀번호를 거부했습니다.', { exact: false })).toBeVisible();
    expect(await stored()).toBeNull();
    await callStore(london.page, 'settings.update', { language: 'en' });
    await london.page.reload();

    // The address with a path after it: saved (the server answers), but the line says nothing was exchanged.
    panel = await fillServer(london.page, `${proxy.url}/sherpa`, 'ana', passwords.ana);
    await panel.getByRole('checkbox', { name: chogmTitle }).check();
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(stateLine(london.page)).toContainText('and no database was exchanged. Check the server address, its port and path');
    await expect(stateLine(london.page)).not.toContainText('the other databases synced');
    await expect(sidebar(london.page).getByRole('link', { name: 'Sync: last exchange failed' })).toBeVisible();

    // A typo in the host name: said as a name not found, with what to check, not as a server that will come back.
    await panelOf(london.page).getByLabel('Server address').fill('https://couch.desk.invalid:6984');
    await panelOf(london.page).getByLabel('Password', { exact: true }).fill(passwords.ana);
    await panelOf(london.page).getByRole('button', { name: 'Save and sync' }).click();
    await expect(stateLine(london.page)).toContainText('no server named “couch.desk.invalid” could be found. Check the address for a typo');
    await expect(stateLine(london.page)).not.toContainText('sent when it is back');

    // Corrected, the desk is up to date and the summit is on the server.
    await panelOf(london.page).getByLabel('Server address').fill(proxy.url);
    await panelOf(london.page).getByLabel('Password', { exact: true }).fill(passwords.ana);
    await panelOf(london.page).getByRole('button', { name: 'Save and sync' }).click();
    await expect(stateLine(london.page)).toContainText('Up to date');
    expect(await serverText(server)).toContain('Bilateral with Samoa (Tuilaʻepa)');
  } finally {
    await closeDesk(london);
    await proxy.stop();
    await server.stop();
  }
});

test('two officers of one desk prepare CHOGM in Apia: the travelling laptop’s zone changes mid-session, both edit offline, a bundle goes astray, and a summit not shared never leaves London', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'two web harnesses beside a loopback server');
  test.setTimeout(150_000);
  let server = await startTestServer();
  const london = await openDesk(browser, 'Europe/London');
  const travelling = await openDesk(browser, 'Europe/London');
  const elsewhere = await openDesk(browser, 'Pacific/Auckland');
  try {
    const chogm = await callStore(london.page, 'summit.create', chogmInput);
    const samoa = await callStore(
      london.page,
      'meeting.create',
      bilateral(chogm.id, 'Bilateral with Samoa (Tuilaʻepa)', `${firstDay}T20:00:00Z`, 'Meet Tuilaʻepa Saʻilele Malielegaoi.'),
    );
    await callStore(
      london.page,
      'meeting.create',
      bilateral(chogm.id, 'Bilateral with Tonga', `${dayFromNow(31)}T01:00:00Z`, 'Meet ʻAkilisi Pōhiva.'),
    );
    const aotearoa = await callStore(
      london.page,
      'meeting.create',
      bilateral(chogm.id, 'Bilateral with New Zealand', `${dayFromNow(31)}T21:00:00Z`, 'Meet Te Ururoa Tāwhiri on Māori Crown relations.'),
    );
    const secret = await callStore(london.page, 'summit.create', {
      ...chogmInput,
      title: 'Quiet talks at Lancaster House',
      city: 'London',
      timeZone: 'Europe/London',
      startDate: dayFromNow(40),
      endDate: dayFromNow(40),
      description: 'Not for the travelling desk.',
      classification: 'NATO SECRET',
    });
    await callStore(london.page, 'meeting.create', {
      ...bilateral(secret.id, 'Fiji, held back', `${dayFromNow(40)}T10:00:00Z`, 'Sitiveni Rabuka, in confidence.'),
      timeZone: 'Europe/London',
    });

    // Ana shares CHOGM only.
    let panel = await fillServer(london.page, server.url, 'ana', 'Ana-Pass-2026');
    await panel.getByRole('checkbox', { name: chogmTitle }).check();
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(stateLine(london.page)).toContainText('Up to date');
    const described = await panel.getByRole('checkbox', { name: chogmTitle }).getAttribute('aria-describedby');
    const database = ((await london.page.locator(`[id="${described}"]`).textContent()) ?? '').replace('Server database: ', '');

    // Sina joins it by the name Ana reads out.
    panel = await fillServer(travelling.page, server.url, 'sina', 'Sina-Pass-2026');
    await panel.getByLabel('Join a summit a colleague shares').fill(database);
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(panel.getByRole('checkbox', { name: chogmTitle })).toBeChecked();
    const summitHere = (await callStore(travelling.page, 'summit.list', {})).find((each) => each.title === chogmTitle);
    const meetingsHere = (await callStore(travelling.page, 'summit.view', { id: summitHere?.id ?? 0 })).meetings;
    const samoaHere = meetingsHere.find((each) => each.title.startsWith('Bilateral with Samoa'));
    const aotearoaHere = meetingsHere.find((each) => each.title === 'Bilateral with New Zealand');
    if (!samoaHere || !aotearoaHere) throw new Error('CHOGM arrived without its bilaterals');
    // What arrives keeps its marking.
    expect(samoaHere.classification).toBe('NATO RESTRICTED');

    // In flight, the laptop's zone moves to Apia mid-session: Today and the brief say what they said in London.
    await goTo(travelling.page, `#/meeting/${samoaHere.id}`);
    const when = travelling.page.getByRole('main').locator('.home-time').first();
    await expect(when).toContainText('Home time (Europe/London)');
    const briefBefore = (await travelling.page.getByRole('main').textContent()) ?? '';
    await goTo(travelling.page, '#/');
    const todayRow = travelling.page.getByRole('main').getByRole('listitem').filter({ hasText: 'Bilateral with Samoa' });
    // The row is whole (its summit's name comes with a later answer) before it is read.
    await expect(todayRow).toContainText(`· at (NR)${chogmTitle}`);
    await expect(todayRow).toContainText('Home time (Europe/London)');
    const todayBefore = (await todayRow.textContent()) ?? '';
    expect(await travelling.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Europe/London');
    await travelling.moveZone('Pacific/Apia');
    expect(await travelling.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Pacific/Apia');
    await goTo(travelling.page, `#/meeting/${samoaHere.id}`);
    await expect(travelling.page.getByRole('heading', { level: 1, name: /Bilateral with Samoa/ })).toBeVisible();
    await expect(when).toContainText('Home time (Europe/London)');
    await expect(travelling.page.getByRole('main')).toHaveText(briefBefore);
    // 20:00 UTC is 09:00 the next day in Apia (UTC+13 all year).
    await expect(travelling.page.getByRole('main')).toContainText('09:00 GMT+13 – 09:30 GMT+13 (Pacific/Apia)');
    await goTo(travelling.page, '#/');
    await expect(todayRow).toHaveText(todayBefore);

    // Both edit the Samoa brief with the server away, then reconnect: the conflict is shown, the loser kept.
    await server.stop();
    await callStore(london.page, 'meeting.update', {
      id: samoa.id,
      patch: { pointsToMake: 'Thank Samoa for hosting: faʻafetai tele lava.' },
      expected: {},
    });
    await callStore(travelling.page, 'meeting.update', {
      id: samoaHere.id,
      patch: { pointsToMake: 'Raise climate finance with Tuilaʻepa before the retreat.' },
      expected: {},
    });
    // Ana deletes the New Zealand bilateral while Sina, offline, adds to it.
    await callStore(london.page, 'meeting.delete', { id: aotearoa.id });
    await callStore(travelling.page, 'meeting.update', {
      id: aotearoaHere.id,
      patch: { background: 'Kia ora: last met in Rotorua.' },
      expected: {},
    });
    server = await startTestServer(server.port, server.serverNumber);
    await syncRound(london.page);
    await syncRound(travelling.page);
    await syncRound(london.page);
    await expect(stateLine(travelling.page)).toContainText('Up to date');
    await goTo(travelling.page, '#/conflicts');
    const conflicts = travelling.page.getByRole('main');
    await expect(conflicts.getByRole('row').filter({ hasText: 'Bilateral with Samoa (Tuilaʻepa)' })).toContainText('1');
    const samoaNow = await callStore(london.page, 'meeting.get', { id: samoa.id });
    const samoaThere = await callStore(travelling.page, 'meeting.get', { id: samoaHere.id });
    expect(samoaNow.pointsToMake).toBe(samoaThere.pointsToMake);
    // The edit wins over the deletion, on both desks.
    const kept = (await callStore(london.page, 'summit.view', { id: chogm.id })).meetings.find(
      (each) => each.title === 'Bilateral with New Zealand',
    );
    if (!kept) throw new Error('the bilateral edited on the travelling desk was not kept in London');
    expect((await callStore(london.page, 'meeting.get', { id: kept.id })).background).toBe('Kia ora: last met in Rotorua.');
    await travelling.page.screenshot({ path: testInfo.outputPath('chogm-conflicts-travelling.png'), fullPage: true });

    // The summit not shared never reached the server, nor the colleague.
    const onServer = await serverText(server);
    expect(onServer).toContain('Bilateral with Samoa (Tuilaʻepa)');
    expect(onServer).not.toContain('Quiet talks at Lancaster House');
    expect(onServer).not.toContain('Sitiveni Rabuka');
    expect((await callStore(travelling.page, 'summit.list', {})).map((each) => each.title)).not.toContain('Quiet talks at Lancaster House');

    // The pack Sina builds after the sync holds CHOGM's material only: not the sample's Vilnius, not London's quiet talks.
    const meetingsNow = (await callStore(travelling.page, 'summit.view', { id: summitHere?.id ?? 0 })).meetings;
    const pack = await callStore(travelling.page, 'pack.preview', {
      definition: {
        title: 'CHOGM Apia: pack for the Prime Minister',
        recipient: 'Prime Minister',
        summitId: summitHere?.id ?? 0,
        principalId: null,
        paper: 'a4',
        sections: [
          ...meetingsNow.map((each) => ({ kind: 'meeting' as const, meetingId: each.id, form: 'full' as const })),
          { kind: 'timeline' as const },
          { kind: 'biographies' as const, personIds: [] },
          { kind: 'notes' as const },
        ],
      },
    });
    const printed = JSON.stringify(pack);
    expect(printed).toContain('Bilateral with Tonga');
    for (const elsewhere of ['Vilnius', 'Lancaster House', 'Fiji, held back', 'Rabuka']) expect(printed).not.toContain(elsewhere);
    expect(pack.banner).toBe('NATO RESTRICTED');

    // A bundle addressed to another desk (Wellington) reaches Sina: refused in words, nothing changed, the file as handed over.
    await callStore(london.page, 'desk.rename', { deskName: 'London desk' });
    const wellington = await callStore(elsewhere.page, 'desk.card', {});
    await callStore(london.page, 'contact.add', { text: wellington.text });
    const astray = await callStore(london.page, 'bundle.export', {
      selection: { summitId: chogm.id },
      recipients: [wellington.card.fingerprint],
    });
    const hashOf = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const handedOver = hashOf(astray.path);
    await goTo(travelling.page, '#/exchange');
    const receive = await chooseBundle({ page: travelling.page, dataDir: travelling.dataDir, harness: travelling.process }, astray.path);
    await expect(receive.getByRole('alert')).toContainText('This bundle was addressed to other desks, not this one. Nothing was imported.');
    expect(hashOf(astray.path)).toBe(handedOver);

    // A bundle sealed with a passphrase (macrons and an ʻokina in it), opened first with the macron left out.
    const passphrase = 'faʻafetai tele lava, Sāmoa';
    const sealed = await callStore(london.page, 'bundle.export', { selection: { summitId: chogm.id }, recipients: [], passphrase });
    const sealedHash = hashOf(sealed.path);
    const storeOf = async () => JSON.stringify(await callStore(travelling.page, 'summit.view', { id: summitHere?.id ?? 0 }));
    const storeBefore = await storeOf();
    await goTo(travelling.page, '#/');
    await goTo(travelling.page, '#/exchange');
    let opened = await chooseBundle({ page: travelling.page, dataDir: travelling.dataDir, harness: travelling.process }, sealed.path);
    await opened.getByLabel('Passphrase', { exact: true }).fill('faʻafetai tele lava, Samoa');
    await opened.getByRole('button', { name: 'Open bundle' }).click();
    await expect(opened.getByRole('alert')).toContainText('The passphrase does not open this bundle');
    expect(hashOf(sealed.path)).toBe(sealedHash);
    // A copy changed on the way (one byte near its end) is refused too; neither file is touched.
    const tampered = testInfo.outputPath('chogm-tampered.sherpa');
    const bytes = fs.readFileSync(sealed.path);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01;
    fs.writeFileSync(tampered, bytes);
    const tamperedHash = hashOf(tampered);
    await goTo(travelling.page, '#/');
    await goTo(travelling.page, '#/exchange');
    opened = await chooseBundle({ page: travelling.page, dataDir: travelling.dataDir, harness: travelling.process }, tampered);
    const passphraseField = opened.getByLabel('Passphrase', { exact: true });
    const refusedOutright = opened.getByRole('alert');
    await expect(passphraseField.or(refusedOutright).first()).toBeVisible();
    if (await passphraseField.isVisible()) {
      await passphraseField.fill(passphrase);
      await opened.getByRole('button', { name: 'Open bundle' }).click();
    }
    await expect(refusedOutright).toContainText('Nothing was imported');
    expect(hashOf(tampered)).toBe(tamperedHash);
    expect(hashOf(sealed.path)).toBe(sealedHash);
    expect(await storeOf()).toBe(storeBefore);
  } finally {
    await closeDesk(london);
    await closeDesk(travelling);
    await closeDesk(elsewhere);
    await server.stop();
  }
});
