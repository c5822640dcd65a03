import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { collectConflicts } from 'pouchdb-merge';
import { revisionsOf } from '../db/sync/history.ts';
import { treeOf } from '../db/sync/merge.ts';
import { storeSnapshot } from '../db/sync/testing.ts';
import type { Summit } from '../shared/domain.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { chooseBundle, closeDesk, type Desk, openDesk, readStore } from './team.helpers.ts';
import { chooseRecord, expect, expectNoSeriousViolations, screenshotBothThemes } from './views.helpers.ts';

// Two desks with no network between them, each its own web harness on its own
// store file: they share a summit through signed, encrypted .sherpa bundles
// carried by hand (here, a file path), and converge after conflicting edits.

const summitDoc = (db: Database.Database) =>
  db
    .prepare(
      `SELECT D.doc_id, D.rev FROM sync_doc D JOIN summit S ON D.entity = 'summit' AND D.row_key = S.id WHERE S.title = 'Washington Summit'`,
    )
    .get() as { doc_id: string; rev: string };

/** Exports the chosen summit from the Exchange screen and answers the file it wrote. */
async function exportSummit(desk: Desk, recipient: string): Promise<string> {
  const { page } = desk;
  const send = page.getByRole('region', { name: 'Send a summit' });
  await chooseRecord(send.getByLabel('Summit', { exact: true }), 'Washington Summit');
  await expect(send.getByTestId('export-highest')).toHaveText('NATO CONFIDENTIAL');
  await send.getByRole('checkbox', { name: new RegExp(recipient) }).check();
  const exports = path.join(desk.dataDir, 'exports');
  const bundles = () => (fs.existsSync(exports) ? fs.readdirSync(exports).filter((name) => name.endsWith('.sherpa')) : []);
  const before = new Set(bundles());
  await send.getByRole('button', { name: 'Export bundle' }).click();
  const written = () => bundles().filter((name) => !before.has(name));
  await expect.poll(written).toHaveLength(1);
  const file = path.join(exports, written()[0] as string);
  // The message names the file written and the marking of what is inside.
  await expect(send.getByRole('status')).toContainText(`Bundle written: ${file}`);
  await expect(send.getByRole('status')).toContainText('highest marking NATO CONFIDENTIAL');
  return file;
}

// Each test runs two desks (two harnesses, two browser contexts): one test at a time, so a shared machine runs two apps, not four.
test.describe.configure({ mode: 'default' });

/** A summit desk A prepares and desk B does not have. */
function createSummit(desk: Desk): Promise<Summit> {
  return callStore(desk.page, 'summit.create', {
    title: 'Washington Summit',
    city: 'Washington',
    countryId: null,
    startDate: '2024-07-09',
    endDate: '2024-07-11',
    timeZone: 'America/New_York',
    description: 'NATO at 75',
    sourceId: null,
    classification: 'NATO CONFIDENTIAL',
  });
}

test('desk A sends a summit to desk B, who accepts the unknown signer by its fingerprint; replayed and tampered bundles change nothing', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'two harness instances: the web target');
  const a = await openDesk(browser);
  const b = await openDesk(browser);
  try {
    await createSummit(a);

    // Desk A reaches Exchange from the sidebar, desk B from the Ctrl+K palette.
    await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exchange' }).click();
    await expect(a.page.getByRole('heading', { level: 1, name: 'Exchange' })).toBeVisible();
    await b.page.keyboard.press('Control+k');
    await b.page.getByRole('dialog', { name: 'Search and commands' }).getByRole('button', { name: 'Go to Exchange' }).click();
    await expect(b.page.getByRole('heading', { level: 1, name: 'Exchange' })).toBeVisible();

    // Each desk names itself; desk B hands its card to desk A, who accepts it (a damaged copy is refused).
    for (const [desk, name] of [
      [a, 'Brussels desk'],
      [b, 'Seoul desk'],
    ] as const) {
      const card = desk.page.getByRole('region', { name: 'This desk’s card' });
      await card.getByLabel('Desk name').fill(name);
      await card.getByRole('button', { name: 'Rename' }).click();
      await expect(card.getByLabel('Card as text')).toHaveValue(new RegExp(`Desk: ${name}`));
    }
    const fingerprintA = (await a.page.getByRole('region', { name: 'This desk’s card' }).locator('.fingerprint').textContent()) ?? '';
    expect(fingerprintA).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    const cardB = await b.page.getByRole('region', { name: 'This desk’s card' }).getByLabel('Card as text').inputValue();
    const contactsA = a.page.getByRole('region', { name: 'Accepted desks' });
    // One letter of the signing key changed: to another letter than its own (a key starting with X was left as it was,
    // one run in 64, and the card was accepted).
    const tamperedCard = cardB.replace(/Signing key: (.)/, (_line, first: string) => `Signing key: ${first === 'X' ? 'Y' : 'X'}`);
    expect(tamperedCard).not.toBe(cardB);
    await contactsA.getByLabel('Colleague’s card').fill(tamperedCard);
    await contactsA.getByRole('button', { name: 'Accept this card' }).click();
    await expect(contactsA.getByText('The keys on this card do not give the fingerprint it states')).toBeVisible();
    // The same keys and fingerprint under another desk's name: the card's name signature tells.
    await contactsA.getByLabel('Colleague’s card').fill(cardB.replace('Desk: Seoul desk', 'Desk: Tokyo desk'));
    await contactsA.getByRole('button', { name: 'Accept this card' }).click();
    await expect(contactsA.getByText('The desk name on this card is not the one its keys signed')).toBeVisible();
    await contactsA.getByLabel('Colleague’s card').fill(cardB);
    await contactsA.getByRole('button', { name: 'Accept this card' }).click();
    await expect(contactsA.getByRole('listitem').filter({ hasText: 'Seoul desk' })).toBeVisible();

    // A sends the summit to B; the highest marking is shown before the file is written.
    const first = await exportSummit(a, 'Seoul desk');
    expect(fs.readFileSync(first).includes(Buffer.from('NATO at 75'))).toBe(false);
    await screenshotBothThemes(a.page, testInfo, 'exchange-send');

    // B reviews: an unknown signer, shown by the fingerprint A's screen shows, to be accepted before import.
    let receive = await chooseBundle(b, first);
    const review = receive.getByRole('region', { name: 'Review before importing' });
    await expect(review.getByTestId('review-signer')).toHaveText('Brussels desk');
    await expect(review.getByTestId('review-fingerprint')).toHaveText(fingerprintA);
    await expect(review.getByText('This desk is not accepted here yet')).toBeVisible();
    await expect(review.getByTestId('review-highest')).toHaveText('NATO CONFIDENTIAL');
    await expect(review.getByTestId('review-new')).toContainText('Washington Summit');
    await expect(review.getByTestId('review-new')).toContainText('(NC)');
    const importButton = review.getByRole('button', { name: 'Import' });
    await expect(importButton).toBeDisabled();
    await review.getByLabel('I checked the fingerprint with “Brussels desk”: accept this desk').check();
    await importButton.click();
    await expect(receive.getByRole('status')).toHaveText('Imported from “Brussels desk”: 1 new, 0 updated, 0 conflicting.');
    await expect(
      b.page.getByRole('region', { name: 'Accepted desks' }).getByRole('listitem').filter({ hasText: 'Brussels desk' }),
    ).toContainText(fingerprintA);
    await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Summits' }).click();
    await expect(b.page.getByRole('main').getByRole('link', { name: /Washington Summit/ })).toBeVisible();

    // The same bundle again changes nothing, and says so.
    await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exchange' }).click();
    const beforeReplay = readStore(b, storeSnapshot);
    receive = await chooseBundle(b, first);
    await expect(receive.getByRole('alert')).toContainText('This bundle was already imported');
    await expect(receive.getByRole('alert')).toContainText('Importing it again would change nothing.');
    expect(readStore(b, storeSnapshot)).toEqual(beforeReplay);

    // A tampered bundle is refused with a sentence, and nothing changes.
    const tampered = testInfo.outputPath('tampered.sherpa');
    const bytes = fs.readFileSync(await exportSummit(a, 'Seoul desk'));
    bytes[bytes.length - 200] = (bytes[bytes.length - 200] ?? 0) ^ 0x01;
    fs.writeFileSync(tampered, bytes);
    const beforeTamper = readStore(b, storeSnapshot);
    receive = await chooseBundle(b, tampered);
    await expect(receive.getByRole('alert')).toHaveText('This bundle was changed after it was signed, or cut short. Nothing was imported.');
    await expect(receive.getByRole('region', { name: 'Review before importing' })).toHaveCount(0);
    expect(readStore(b, storeSnapshot)).toEqual(beforeTamper);
    await b.page.screenshot({ path: testInfo.outputPath('exchange-tampered.png'), fullPage: true });

    // Chosen records instead of the whole summit: what is picked, and its marking, before anything is written.
    const send = a.page.getByRole('region', { name: 'Send a summit' });
    await send.getByLabel('Chosen records (with what they refer to)').check();
    await expect(send.getByRole('button', { name: 'Export bundle' })).toBeDisabled();
    await send
      .getByRole('list', { name: 'Records of this summit' })
      .getByLabel(/Washington Summit/)
      .check();
    await expect(send.getByText('The bundle will hold 1 record, with its history:')).toBeVisible();
    await expect(send.getByTestId('export-highest')).toHaveText('NATO CONFIDENTIAL');
    await expect(send.getByRole('button', { name: 'Export bundle' })).toBeEnabled();
    await a.page.screenshot({ path: testInfo.outputPath('exchange-send-chosen.png'), fullPage: true });
  } finally {
    await closeDesk(a);
    await closeDesk(b);
  }
});

test('edits of the same record on two desks, exchanged both ways, end with the same winner; the review reports the conflict and the loser is kept', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'two harness instances: the web target');
  const a = await openDesk(browser);
  const b = await openDesk(browser);
  try {
    // Set up through the store (the first test walks these screens): cards accepted both ways, the summit on both desks.
    const cardA = await callStore(a.page, 'desk.rename', { deskName: 'Brussels desk' });
    const cardB = await callStore(b.page, 'desk.rename', { deskName: 'Seoul desk' });
    await callStore(a.page, 'contact.add', { text: cardB.text });
    await callStore(b.page, 'contact.add', { text: cardA.text });
    const summit = await createSummit(a);
    const sent = await callStore(a.page, 'bundle.export', { selection: { summitId: summit.id }, recipients: [cardB.card.fingerprint] });
    await callStore(b.page, 'bundle.import', { file: fs.readFileSync(sent.path).toString('base64'), acceptSigner: false });
    const summitB = (await callStore(b.page, 'summit.list', {})).find((each: Summit) => each.title === 'Washington Summit');
    expect(summitB).toBeDefined();
    await goTo(a.page, '#/exchange');
    await goTo(b.page, '#/exchange');

    // Both edit the same record offline, then bundles go both ways.
    await callStore(a.page, 'summit.update', { id: summit.id, patch: { description: 'NATO at 75: Ukraine first' }, expected: {} });
    await callStore(b.page, 'summit.update', {
      id: summitB?.id ?? 0,
      patch: { description: 'NATO at 75: Indo-Pacific partners' },
      expected: {},
    });
    const toB = await exportSummit(a, 'Seoul desk');
    const toA = await exportSummit(b, 'Brussels desk');

    let receive = await chooseBundle(b, toB);
    const conflictReview = receive.getByRole('region', { name: 'Review before importing' });
    await expect(conflictReview.getByText('An accepted desk.')).toBeVisible();
    await expect(conflictReview.getByTestId('review-counts')).toContainText('Conflicting: 1');
    await expect(conflictReview.getByTestId('review-conflicting')).toContainText('Washington Summit');
    await screenshotBothThemes(b.page, testInfo, 'exchange-review-conflict');
    await callStore(b.page, 'settings.update', { language: 'ko' });
    await expect(b.page.getByRole('heading', { level: 1, name: '자료 교환' })).toBeVisible();
    await expect(b.page.getByTestId('review-counts')).toContainText('충돌: 1');
    // Both themes were checked in English; Korean changes the words, so axe runs once more on them.
    await b.page.screenshot({ path: testInfo.outputPath('exchange-review-conflict-ko.png'), fullPage: true });
    await expectNoSeriousViolations(b.page, 'exchange review (Korean)');
    await b.page.getByRole('button', { name: '가져오기' }).click();
    await expect(b.page.getByRole('status').filter({ hasText: '가져왔습니다' })).toContainText('충돌 1건');
    await callStore(b.page, 'settings.update', { language: 'en' });

    receive = await chooseBundle(a, toA);
    await expect(receive.getByTestId('review-conflicting')).toContainText('Washington Summit');
    await receive.getByRole('button', { name: 'Import' }).click();
    await expect(receive.getByRole('status')).toContainText('1 conflicting');

    // The same winner on both desks, and the loser kept beside it on both.
    const winnerA = await callStore(a.page, 'summit.get', { id: summit.id });
    const winnerB = await callStore(b.page, 'summit.get', { id: summitB?.id ?? 0 });
    expect(winnerA.description).toBe(winnerB.description);
    const kept = (desk: Desk) =>
      readStore(desk, (db) => {
        const { doc_id: docId, rev } = summitDoc(db);
        const revisions = revisionsOf(db, docId);
        const losers = collectConflicts({ rev_tree: treeOf(revisions) });
        return { rev, losers, loserText: revisions.find((revision) => revision.rev === losers[0])?.body?.description };
      });
    expect(kept(a)).toEqual(kept(b));
    expect(kept(a).losers).toHaveLength(1);
    expect([winnerA.description, kept(a).loserText].sort()).toEqual(['NATO at 75: Indo-Pacific partners', 'NATO at 75: Ukraine first']);
  } finally {
    await closeDesk(a);
    await closeDesk(b);
  }
});

// A bundle for a desk whose card this one has not accepted opens with a
// passphrase told another way: too short a one is refused at its field, a
// wrong one is asked again, and the right one shows the review.
test('a bundle sealed with a passphrase opens on a desk it was not addressed to, once the passphrase is right', async ({ browser }) => {
  const a = await openDesk(browser);
  const b = await openDesk(browser);
  try {
    await createSummit(a);
    await goTo(a.page, '#/exchange');
    const send = a.page.getByRole('region', { name: 'Send a summit' });
    await chooseRecord(send.getByLabel('Summit', { exact: true }), 'Washington Summit');
    await send.getByLabel('Also open with a passphrase').check();
    const given = send.getByLabel('Passphrase', { exact: true });
    await expect(given).toHaveAttribute('autocomplete', 'new-password');
    await given.fill('short');
    await send.getByRole('button', { name: 'Export bundle' }).click();
    await expect(send.getByText('The passphrase must be at least 12 characters, not counting spaces.')).toBeVisible();
    await expect(given).toHaveAttribute('aria-invalid', 'true');
    // Twelve spaces are twelve characters, and no secret.
    await given.fill(' '.repeat(12));
    await send.getByRole('button', { name: 'Export bundle' }).click();
    await expect(send.getByText('A passphrase of only spaces protects nothing. Type a passphrase.')).toBeVisible();
    await given.fill('correct horse battery');
    await send.getByRole('button', { name: 'Export bundle' }).click();
    await expect(send.getByRole('status')).toContainText('Bundle written');
    const exports = path.join(a.dataDir, 'exports');
    const file = path.join(exports, fs.readdirSync(exports).find((name) => name.endsWith('.sherpa')) ?? '');

    await goTo(b.page, '#/exchange');
    const receive = await chooseBundle(b, file);
    const asked = receive.getByLabel('Passphrase', { exact: true });
    // A passphrase for one file is not offered for saving.
    await expect(asked).toHaveAttribute('autocomplete', 'off');
    await expect(receive.getByRole('button', { name: 'Open bundle' })).toBeDisabled();
    await asked.fill('wrong horse battery');
    await receive.getByRole('button', { name: 'Open bundle' }).click();
    await expect(receive.getByRole('alert')).toContainText('The passphrase does not open this bundle');
    await asked.fill('correct horse battery');
    await receive.getByRole('button', { name: 'Open bundle' }).click();
    await expect(receive.getByTestId('review-counts')).toContainText('New: 1');
  } finally {
    await closeDesk(a);
    await closeDesk(b);
  }
});

test('bad files are refused in words that name the problem (English and Korean) and change nothing; a review cut short by a restart asks for its file again', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'Two harnesses on their own data folders.');
  test.setTimeout(180_000);
  let desk = await openDesk(browser);
  try {
    const [summit] = await callStore(desk.page, 'summit.list', {});
    const passphrase = 'correct horse battery staple';
    const exported = await callStore(desk.page, 'bundle.export', {
      selection: { summitId: summit?.id ?? 1 },
      recipients: [],
      passphrase,
    });
    const bytes = fs.readFileSync(exported.path);
    const files = {
      empty: testInfo.outputPath('empty.sherpa'),
      text: testInfo.outputPath('notes.txt'),
      truncated: testInfo.outputPath('truncated.sherpa'),
    };
    fs.writeFileSync(files.empty, '');
    fs.writeFileSync(files.text, 'Seating plan for the working dinner\n');
    fs.writeFileSync(files.truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await goTo(desk.page, '#/exchange');
    const before = readStore(desk, storeSnapshot);

    let receive = await chooseBundle(desk, files.empty);
    await expect(receive.getByRole('alert')).toHaveText(
      'The file “empty.sherpa” is empty: it is not a Sherpa bundle. Nothing was imported.',
    );
    receive = await chooseBundle(desk, files.text);
    await expect(receive.getByRole('alert')).toHaveText('This file is not a Sherpa bundle, or it is incomplete. Nothing was imported.');
    receive = await chooseBundle(desk, files.truncated);
    await expect(receive.getByRole('alert')).toHaveText(
      /(is not a Sherpa bundle, or it is incomplete|cut short)\. Nothing was imported\.$/,
    );
    receive = await chooseBundle(desk, exported.path);
    await receive.getByLabel('Passphrase').fill('not the passphrase');
    await receive.getByRole('button', { name: 'Open bundle' }).click();
    await expect(receive.getByRole('alert')).toHaveText('The passphrase does not open this bundle. Nothing was imported.');
    expect(readStore(desk, storeSnapshot)).toEqual(before);

    // The right passphrase: the review shows, then Sherpa restarts before the import.
    await receive.getByLabel('Passphrase').fill(passphrase);
    await receive.getByRole('button', { name: 'Open bundle' }).click();
    await expect(receive.getByRole('region', { name: 'Review before importing' })).toBeVisible();
    const restarted = new Promise((resolve) => desk.harness.once('exit', resolve));
    desk.harness.kill('SIGTERM');
    await restarted;
    await desk.page.context().close();
    const { process: harness, url } = await startHarnessProcess(desk.dataDir);
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    desk = { ...desk, page, harness };
    await goTo(page, '#/exchange');
    receive = page.getByRole('region', { name: 'Receive a bundle' });
    const left = receive.getByRole('region', { name: 'Not imported' });
    await expect(left).toContainText('was opened for review here');
    await expect(left).toContainText('choose its file again to import it');
    await page.screenshot({ path: testInfo.outputPath('exchange-not-imported.png'), fullPage: true });
    await expectNoSeriousViolations(page, 'exchange with a bundle not imported');

    // In Korean, the same refusals in Korean.
    await callStore(page, 'settings.update', { language: 'ko' });
    receive = page.getByRole('region', { name: '번들 받기' });
    await expect(receive.getByRole('region', { name: '가져오지 않은 번들' })).toContainText('파일을 다시 고르십시오');
    await receive.getByLabel('번들 파일(.sherpa)').setInputFiles(files.empty);
    await expect(receive.getByRole('alert')).toHaveText(
      '“empty.sherpa” 파일이 비어 있어 Sherpa 번들이 아닙니다. 아무것도 가져오지 않았습니다.',
    );
    await receive.getByLabel('번들 파일(.sherpa)').setInputFiles(files.text);
    await expect(receive.getByRole('alert')).toHaveText(
      '이 파일은 Sherpa 번들이 아니거나 일부가 빠져 있습니다. 아무것도 가져오지 않았습니다.',
    );
    await screenshotBothThemes(page, testInfo, 'exchange-bad-file-ko');

    // Forgetting it ends the question.
    await receive.getByRole('button', { name: /잊기/ }).click();
    await expect(receive.getByRole('region', { name: '가져오지 않은 번들' })).toHaveCount(0);
    expect(await callStore(page, 'bundle.notImported', {})).toEqual([]);
  } finally {
    await closeDesk(desk);
  }
});
