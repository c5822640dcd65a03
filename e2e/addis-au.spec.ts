import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startTestServer } from '../main/sync/testServer.ts';
import { printedText, typeScheme } from './briefings.helpers.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { connect, databaseShownFor, panelOf, stateLine, syncRound } from './sync.helpers.ts';
import { chooseRecord, expect, sidebar } from './views.helpers.ts';

// A desk team preparing the African Union summit in Addis Ababa (Africa/Addis_Ababa) under the French scheme
// each desk types into its own Settings, with bilaterals with Francophone and Lusophone delegations and a name
// in Ethiopic script. Desk A flies with its store encrypted and edits the Mali brief offline; desk B raises the
// same brief's marking meanwhile and annotates a sector entry A deletes in flight; desk C has no network and
// takes signed bundles by hand. A side summit in Kigali is shared by A and B only: it must reach neither C nor
// the Addis pack. Fictional meetings: test material only.

interface Desk {
  page: Page;
  dataDir: string;
  process: ChildProcess;
}

const passphrase = 'addis-ababa-bole-2027';
const addisTitle = 'AU Summit, Addis Ababa 2027';
const kigaliTitle = 'Side summit, Kigali 2027';
const maliTitle = 'Bilatéral avec le Mali (Aïssata Traoré)';

async function openDesk(browser: Browser, encrypted = false): Promise<Desk> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-addis-'));
  const harness = await startHarnessProcess(dataDir, { encrypted, env: { ...process.env, TZ: 'Africa/Addis_Ababa' } });
  const page = await (await browser.newContext({ timezoneId: 'Africa/Addis_Ababa' })).newPage();
  await page.goto(harness.url);
  if (encrypted) {
    await page.getByLabel('New passphrase').fill(passphrase);
    await page.getByLabel('Type the passphrase again').fill(passphrase);
    await page.getByRole('button', { name: 'Encrypt and open' }).click();
    await page.getByRole('button', { name: 'I have written it down' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  return { page, dataDir, process: harness.process };
}

/** A loopback link to the desk's server that can be cut, as a laptop's network is on a plane. */
async function networkLink(port: number) {
  const open = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((socket) => {
    if (!up) return socket.destroy();
    const upstream = net.connect(port, '127.0.0.1');
    open.add(socket).add(upstream);
    const drop = () => {
      socket.destroy();
      upstream.destroy();
      open.delete(socket);
      open.delete(upstream);
    };
    socket.pipe(upstream).pipe(socket);
    socket.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    cut() {
      up = false;
      for (const socket of open) socket.destroy();
    },
    restore() {
      up = true;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function nameDesk(page: Page, name: string): Promise<string> {
  await sidebar(page).getByRole('link', { name: 'Exchange' }).click();
  const card = page.getByRole('region', { name: 'This desk’s card' });
  await card.getByLabel('Desk name').fill(name);
  await card.getByRole('button', { name: 'Rename' }).click();
  await expect(card.getByLabel('Card as text')).toHaveValue(new RegExp(`Desk: ${name}\n`));
  return card.getByLabel('Card as text').inputValue();
}

async function acceptCard(page: Page, card: string): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Exchange' }).click();
  const contacts = page.getByRole('region', { name: 'Accepted desks' });
  await contacts.getByLabel('Colleague’s card').fill(card);
  await contacts.getByRole('button', { name: 'Accept this card' }).click();
  await expect(contacts.getByRole('listitem').filter({ hasText: card.split('\n')[1]?.replace('Desk: ', '') ?? '' })).toBeVisible();
}

/** Exports the Addis summit from the Exchange screen for `recipient`; answers the file written. */
async function exportAddis(desk: Desk, recipient: string): Promise<string> {
  const { page } = desk;
  await sidebar(page).getByRole('link', { name: 'Exchange' }).click();
  const send = page.getByRole('region', { name: 'Send a summit' });
  await chooseRecord(send.getByLabel('Summit', { exact: true }), addisTitle);
  await send.getByRole('checkbox', { name: new RegExp(recipient) }).check();
  const exports = path.join(desk.dataDir, 'exports');
  const bundles = () => (fs.existsSync(exports) ? fs.readdirSync(exports).filter((name) => name.endsWith('.sherpa')) : []);
  const before = new Set(bundles());
  await send.getByRole('button', { name: 'Export bundle' }).click();
  const written = () => bundles().filter((name) => !before.has(name));
  await expect.poll(written).toHaveLength(1);
  await expect(send.getByRole('status')).toContainText('highest marking CONFIDENTIEL');
  return path.join(exports, written()[0] as string);
}

/** Chooses a bundle on the Receive panel of a freshly opened Exchange screen; answers the panel. */
async function chooseBundle(desk: Desk, file: string) {
  await desk.page.reload();
  await expect(desk.page.locator('main h1').first()).toBeVisible();
  await sidebar(desk.page).getByRole('link', { name: 'Exchange' }).click();
  const receive = desk.page.getByRole('region', { name: 'Receive a bundle' });
  await receive.getByLabel('Bundle file (.sherpa)').setInputFiles(file);
  return receive;
}

const summitInput = (title: string, city: string, date: string, timeZone: string, classification: string) => ({
  title,
  city,
  countryId: null,
  startDate: date,
  endDate: date,
  timeZone,
  description: '',
  sourceId: null,
  classification,
});
const personInput = (name: string, nativeName: string, title: string) => ({
  name,
  nativeName,
  title,
  countryId: null,
  biography: `${name}: ${title}.`,
  sourceId: null,
  classification: 'NON PROTÉGÉ',
});
const meetingInput = (summitId: number, title: string, startsAt: string, counterpartId: number, classification: string) => ({
  summitId,
  title,
  format: 'bilateral' as const,
  startsAt,
  startTimeKnown: true,
  durationMinutes: 30,
  timeZone: 'Africa/Addis_Ababa',
  venue: 'AU Commission, Addis Ababa',
  interpreters: 'French, Portuguese',
  press: 'closed' as const,
  purpose: 'Purpose.',
  objectives: '',
  theirAsks: '',
  pointsToMake: '1. Thank the delegation.',
  linesToTake: '',
  defensivePoints: '',
  background: '',
  sensitivities: '',
  protocolNotes: '',
  pressLine: '',
  outcome: '',
  status: 'planned' as const,
  counterpartId,
  sourceId: null,
  classification,
});

test('an AU summit in Addis Ababa: a desk flies encrypted and syncs on landing, a desk with no network takes bundles, Kigali stays with two desks', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'four web harnesses on four stores, beside a loopback server');
  test.setTimeout(240_000);
  const server = await startTestServer();
  const linkA = await networkLink(server.port);
  const desks: Desk[] = [];
  try {
    const [a, b, c] = [await openDesk(browser, true), await openDesk(browser), await openDesk(browser)];
    desks.push(a, b, c);
    // Every desk renames the NATO levels of the bundled sample to the French ones in its own Settings.
    for (const desk of desks)
      await typeScheme(desk.page, 'France (IGI 1300)', [
        ['NON PROTÉGÉ', 'NP'],
        ['DIFFUSION RESTREINTE', 'DR'],
        ['CONFIDENTIEL', 'C'],
        ['SECRET', 'S'],
      ]);

    const addis = await callStore(
      a.page,
      'summit.create',
      summitInput(addisTitle, 'Addis Ababa', '2027-02-14', 'Africa/Addis_Ababa', 'NON PROTÉGÉ'),
    );
    const kigali = await callStore(
      a.page,
      'summit.create',
      summitInput(kigaliTitle, 'Kigali', '2027-02-20', 'Africa/Kigali', 'CONFIDENTIEL'),
    );
    const traore = await callStore(a.page, 'person.create', personInput('Aïssata Traoré', '', 'Ministre des Affaires étrangères du Mali'));
    const orfao = await callStore(a.page, 'person.create', personInput('Gonçalo Órfão', '', 'Ministro dos Negócios Estrangeiros'));
    const abiy = await callStore(a.page, 'person.create', personInput('Abiy Ahmed', 'ዐቢይ አሕመድ', 'Prime Minister of Ethiopia'));
    const ngugi = await callStore(a.page, 'person.create', personInput('Ngũgĩ wa Kamau', '', 'Envoy to the Kigali talks'));
    const mali = await callStore(
      a.page,
      'meeting.create',
      meetingInput(addis.id, maliTitle, '2027-02-14T07:00:00Z', traore.id, 'DIFFUSION RESTREINTE'),
    );
    await callStore(
      a.page,
      'meeting.create',
      meetingInput(addis.id, 'Bilateral com Angola (Gonçalo Órfão)', '2027-02-14T09:00:00Z', orfao.id, 'DIFFUSION RESTREINTE'),
    );
    await callStore(
      a.page,
      'meeting.create',
      meetingInput(addis.id, 'Courtesy call on Abiy Ahmed', '2027-02-15T06:00:00Z', abiy.id, 'NON PROTÉGÉ'),
    );
    await callStore(a.page, 'meeting.create', {
      ...meetingInput(kigali.id, 'Kigali: talks with Ngũgĩ wa Kamau', '2027-02-20T08:00:00Z', ngugi.id, 'CONFIDENTIEL'),
      timeZone: 'Africa/Kigali',
      pointsToMake: 'Kigali only: the corridor proposal.',
    });

    // A shares both summits; B joins both by the names A reads out; C is never connected.
    await connect(a.page, linkA.url, 'afrique', 'afrique-Pass-2027', [addisTitle, kigaliTitle]);
    const databases = [await databaseShownFor(a.page, addisTitle), await databaseShownFor(a.page, kigaliTitle)];
    await connect(b.page, server.url, 'delegation', 'delegation-Pass-2027', []);
    for (const database of databases) {
      await panelOf(b.page).getByLabel('Join a summit a colleague shares').fill(database);
      await syncRound(b.page, 'Save and sync');
    }
    await expect(panelOf(b.page).getByRole('checkbox', { name: kigaliTitle })).toBeChecked();
    const addisOnB = (await callStore(b.page, 'summit.list', {})).find((summit) => summit.title === addisTitle);
    const maliOnB = (await callStore(b.page, 'summit.view', { id: addisOnB?.id ?? 0 })).meetings.find(
      (meeting) => meeting.title === maliTitle,
    );
    if (!addisOnB || !maliOnB) throw new Error('the Addis summit did not reach desk B');

    // In flight: A edits the Mali brief with no network; the edit waits, said on the panel and the sidebar.
    linkA.cut();
    await goTo(a.page, `#/meeting/${mali.id}`);
    await a.page.getByRole('button', { name: 'Edit Points to make' }).click();
    await a.page
      .getByLabel('Points to make text')
      .fill('1. Thank the delegation.\n2. Welcome Mali back to the Peace and Security Council.');
    await a.page.keyboard.press('Control+Enter');
    await expect(a.page.getByText('Welcome Mali back')).toBeVisible();
    // …and deletes a sector entry B is annotating meanwhile.
    const entry = (await callStore(a.page, 'sector.view', { id: 1 })).entries[0];
    if (!entry) throw new Error('the sample sector has no entry');
    await callStore(a.page, 'sectorEntry.delete', { id: entry.id });
    await syncRound(a.page);
    await expect(stateLine(a.page)).toContainText('2 changes waiting to be sent. Last error: the server cannot be reached.');
    await expect(sidebar(a.page).getByRole('link', { name: 'Sync: last exchange failed' })).toBeVisible();

    // Meanwhile B rewrites the same points and raises the brief to CONFIDENTIEL, and annotates the entry.
    await callStore(b.page, 'meeting.update', {
      id: maliOnB.id,
      patch: { pointsToMake: '1. Thank the delegation.\n2. Raise the security transition.', classification: 'CONFIDENTIEL' },
      expected: {},
    });
    const entryOnB = (await callStore(b.page, 'sector.view', { id: 1 })).entries.find((each) => each.title === entry.title);
    await callStore(b.page, 'note.create', {
      sectorEntryId: entryOnB?.id ?? 0,
      title: 'Lecture d’Addis',
      body: 'The AU Peace and Security Council reads it otherwise.',
      tags: [],
      classification: 'DIFFUSION RESTREINTE',
    });
    await syncRound(b.page);
    await expect(stateLine(b.page)).toContainText('Up to date');

    // A lands: nothing waits, and the only conflicts are the brief both edited and the entry kept for B's note
    // (the level renames every desk made in Settings are no conflict); the badge counts the conflict and names the
    // record kept after a deletion apart.
    linkA.restore();
    await syncRound(a.page);
    await expect(stateLine(a.page)).toContainText('Up to date');
    // A round after a save syncs only the databases that changed; the round Sync now asked for, over all of them,
    // may still be going: on a loaded machine (CI beside other tests, load 12) it outlasted the usual 15 s.
    await expect(sidebar(a.page).getByRole('link', { name: /^Conflicts/ })).toContainText(
      '(1 record in conflict) (1 kept after a deletion)',
      {
        timeout: 60_000,
      },
    );
    await sidebar(a.page)
      .getByRole('link', { name: /^Conflicts/ })
      .click();
    const notice = a.page
      .locator('main')
      .getByText(/kept because 1 record added or changed on Délégation|kept because 1 record added or changed on/);
    await expect(notice).toBeVisible();
    await expect(a.page.locator('main')).toContainText('(DR) Annotation on a sector entry “Lecture d’Addis”');
    await expect(a.page.getByRole('row', { name: /Bilatéral avec le Mali/ })).toContainText(
      /\(C\) Bilatéral avec le Mali|one marked CONFIDENTIEL/,
    );
    // The record's kind reads whole on one line beside its long title (it was squeezed to "Meetin g").
    const kindLines = await a.page
      .getByRole('row', { name: /Bilatéral avec le Mali/ })
      .getByRole('cell')
      .first()
      .evaluate((cell) => {
        // Runs in the page; typed structurally because e2e/ is compiled without the DOM library.
        const page = globalThis as unknown as {
          document: { createRange(): { selectNodeContents(node: unknown): void; getClientRects(): { length: number } } };
        };
        const range = page.document.createRange();
        range.selectNodeContents(cell);
        return range.getClientRects().length;
      });
    expect(kindLines).toBe(1);
    await a.page.screenshot({ path: testInfo.outputPath('addis-conflicts.png'), fullPage: true });

    // A keeps its text but not below B's marking.
    await a.page
      .getByRole('row', { name: /Bilatéral avec le Mali/ })
      .getByRole('link')
      .click();
    await expect(a.page.getByRole('heading', { level: 1, name: /Meeting in conflict/ })).toBeVisible();
    const shown =
      (await a.page
        .getByText(/Welcome Mali back|Raise the security transition/)
        .first()
        .textContent()) ?? '';
    // Whichever version the rule shows, A keeps its own text, and the marking stays at B's CONFIDENTIEL.
    await a.page.getByRole('button', { name: shown.includes('Welcome Mali back') ? 'Keep this' : /^Take that/ }).click();
    await a.page.getByRole('button', { name: 'Keep this text at CONFIDENTIEL' }).click();
    await expect(a.page.locator('main').getByRole('status')).toContainText('Settled');
    await syncRound(a.page);
    await syncRound(b.page);

    // B exports the Addis pack from the builder: every section carries its mark, the banner is CONFIDENTIEL, nothing of Kigali.
    await sidebar(b.page).getByRole('link', { name: 'Briefing packs' }).click();
    await b.page.getByRole('button', { name: 'New pack' }).click();
    await b.page.getByLabel('Pack name').fill('Addis pack');
    await b.page.getByLabel('Title on the cover').fill('Sommet de l’UA, Addis-Abeba : bilatérales');
    await chooseRecord(b.page.getByLabel('Summit', { exact: true }), addisTitle);
    for (const title of [maliTitle, 'Bilateral com Angola (Gonçalo Órfão)', 'Courtesy call on Abiy Ahmed'])
      await b.page.getByRole('button', { name: `Add: Full brief — ${title}` }).click();
    await b.page.getByRole('button', { name: /^Add: Biographies/ }).click();
    const willPrint = b.page.getByRole('list', { name: 'Will print', exact: true });
    await expect(willPrint).toContainText(`(C) ${maliTitle}`);
    await expect(willPrint).not.toContainText('Kigali');
    await expect(willPrint).not.toContainText('Ngũgĩ');
    await b.page.getByRole('button', { name: 'Save pack' }).click();
    await expect(b.page.getByRole('status').filter({ hasText: 'Saved “Addis pack”.' })).toBeVisible();
    await b.page.getByRole('button', { name: 'Export to PDF' }).click();
    await expect(b.page.getByText(/Exported \d+ pages, banner CONFIDENTIEL/)).toBeVisible({ timeout: 60_000 });
    const pdf = (await b.page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, testInfo.outputPath('addis-pack')]);
    const text = printedText(pdf);
    for (const marked of [
      `(C) ${maliTitle}`,
      '(C) Points to make 1. Thank the delegation. 2. Welcome Mali back to the Peace and Security Council.',
      '(DR) Bilateral com Angola (Gonçalo Órfão)',
      '(NP) Courtesy call on Abiy Ahmed',
      '(NP) Aïssata Traoré',
      '(NP) Gonçalo Órfão',
    ])
      expect(text).toContain(marked);
    expect(text).not.toMatch(/Kigali|Ngũgĩ|corridor|security transition/);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    // Every page carries the banner, top and bottom.
    for (let page = 1; page <= pages; page += 1) {
      const printed = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
      expect(printed.match(/^CONFIDENTIEL$/gm)?.length, `page ${page}`).toBeGreaterThanOrEqual(2);
      expect(printed).toContain(`Page ${page} of ${pages}`);
    }

    // Desk C has no network: A sends the Addis summit as a signed bundle, addressed to C.
    const cardA = await nameDesk(a.page, 'Bureau Afrique');
    const cardB = await nameDesk(b.page, 'Délégation Addis');
    const cardC = await nameDesk(c.page, 'Poste isolé');
    await acceptCard(a.page, cardC);
    await acceptCard(a.page, cardB);
    await acceptCard(c.page, cardA);
    const older = await exportAddis(a, 'Poste isolé');
    await callStore(a.page, 'meeting.update', { id: mali.id, patch: { background: 'Mali left ECOWAS in January 2025.' }, expected: {} });
    const newer = await exportAddis(a, 'Poste isolé');
    let receive = await chooseBundle(c, newer);
    let review = receive.getByRole('region', { name: 'Review before importing' });
    await expect(review.getByTestId('review-highest')).toHaveText('CONFIDENTIEL');
    await expect(review.getByTestId('review-new')).toContainText(`(C) Meeting: ${maliTitle}`);
    await expect(review).not.toContainText('Kigali');
    await review.getByRole('button', { name: 'Import' }).click();
    await expect(receive.getByRole('status')).toHaveText('Imported from “Bureau Afrique”: 7 new, 0 updated, 0 conflicting.');
    // The older bundle, carried late, changes nothing; the newer one again is refused as already imported.
    receive = await chooseBundle(c, older);
    review = receive.getByRole('region', { name: 'Review before importing' });
    await expect(review.getByText(/^Everything in this bundle is already here/)).toBeVisible();
    await expect(review.getByRole('button', { name: 'Import' })).toBeDisabled();
    await review.getByRole('button', { name: 'Cancel' }).click();
    receive = await chooseBundle(c, newer);
    await expect(receive.getByRole('alert')).toContainText('This bundle was already imported');
    // One addressed to B, and one cut short on the stick, are refused in words.
    receive = await chooseBundle(c, await exportAddis(a, 'Délégation Addis'));
    await expect(receive.getByRole('alert')).toContainText('This bundle was addressed to other desks, not this one. Nothing was imported.');
    const truncated = testInfo.outputPath('truncated.sherpa');
    fs.writeFileSync(truncated, fs.readFileSync(newer).subarray(0, Math.floor(fs.statSync(newer).size / 2)));
    receive = await chooseBundle(c, truncated);
    await expect(receive.getByRole('alert')).toHaveText('This bundle was changed after it was signed, or cut short. Nothing was imported.');
    expect((await callStore(c.page, 'summit.list', {})).map((summit) => summit.title)).not.toContain(kigaliTitle);
    expect((await callStore(c.page, 'person.list', {})).map((person) => person.name)).not.toContain('Ngũgĩ wa Kamau');
    expect(await callStore(c.page, 'search.query', { text: 'Kigali' })).toEqual([]);
    // Typed as a newspaper spells it (ህ for ሕ), the Ethiopic name is found, its word marked.
    await c.page.keyboard.press('Control+k');
    await c.page.getByRole('searchbox', { name: 'Search' }).fill('አህመድ');
    const hit = c.page.locator('.search-results li').filter({ hasText: 'Abiy Ahmed' }).first();
    await expect(hit.locator('mark').first()).toHaveText('አሕመድ');
    await expect(hit).toContainText('(NP)');
    await c.page.keyboard.press('Escape');

    // A's laptop is replaced: its backup alone, copied to the new laptop, is refused as sealed by A's key, not as damaged.
    const backup = await callStore(a.page, 'backup.create', {});
    const replacement = await openDesk(browser);
    desks.push(replacement);
    fs.mkdirSync(path.join(replacement.dataDir, 'backups'), { recursive: true });
    fs.copyFileSync(backup.file, path.join(replacement.dataDir, 'backups', backup.name));
    await sidebar(replacement.page).getByRole('link', { name: 'Settings' }).click();
    await replacement.page
      .getByRole('region', { name: 'Backups' })
      .getByRole('button', { name: /^Restore the backup of/ })
      .click();
    await replacement.page.getByRole('alertdialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
    await expect(
      replacement.page.getByText(`The backup ${backup.name} is not damaged: it was encrypted by Sherpa on another computer`),
    ).toBeVisible();
    await expect(
      replacement.page.getByText(/copy the whole data folder from the other one and open it with the recovery key/),
    ).toBeVisible();
    expect((await callStore(replacement.page, 'summit.list', {})).map((summit) => summit.title)).not.toContain(addisTitle);
  } finally {
    for (const desk of desks) {
      const exited = desk.process.exitCode === null ? new Promise((resolve) => desk.process.once('exit', resolve)) : undefined;
      desk.process.kill('SIGTERM');
      await exited;
      await desk.page.context().close();
      fs.rmSync(desk.dataDir, { recursive: true, force: true });
    }
    await linkA.stop();
    await server.stop();
  }
});
