import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  type Briefing,
  enterBriefing,
  newEntryWithAnnotation,
  newMeeting,
  newProgramme,
  newSector,
  pageEdges,
  printedText,
  startPack,
  typeScheme,
} from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { exportHandedOverCopy, searchAsTyped, typeInto } from './trial.helpers.ts';
import { expect, paste, sidebar } from './views.helpers.ts';

// Greece's foreign ministry in Athens (Europe/Athens) prepares a Black Sea summit in Tbilisi (Asia/Tbilisi, UTC+4 all
// year), 26–29 March 2027: Europe's clocks go forward on the 28th, so Athens is two hours behind Tbilisi for the first
// bilateral and one hour for the second. The Greek scheme typed into Settings, a desk named in Greek, names in Greek
// (tonos, final sigma), Georgian script and Latin; searched as a Greek desk types them, without accents, in capitals,
// with σ for ς, and in Latin. Fictional meetings: test material only.

const tbilisi: Briefing = {
  homeTimeZone: 'Europe/Athens',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'Διπλωματικό σημείωμα Α4 για τη Σύνοδο της Τιφλίδας', publisher: 'ΥΠΕΞ', publishedOn: '2027-03-01' },
  summit: {
    title: 'Σύνοδος Κορυφής Εύξεινου Πόντου, Τιφλίδα 2027',
    city: 'Τιφλίδα (თბილისი)',
    startDate: '2027-03-26',
    endDate: '2027-03-29',
    timeZone: 'Asia/Tbilisi',
    description: 'Φιλοξενεί η Γεωργία· η Ευρώπη αλλάζει ώρα την Κυριακή.',
  },
  people: [
    { name: 'ირაკლი კობახიძე', nativeName: '', title: 'Prime Minister of Georgia', biography: 'Οικοδεσπότης της Συνόδου.' },
    { name: 'Κυριάκος Μητσοτάκης', nativeName: '', title: 'Πρωθυπουργός', biography: 'Επικεφαλής της αντιπροσωπείας.' },
    { name: 'Γιώργος Γεραπετρίτης', nativeName: '', title: 'Υπουργός Εξωτερικών', biography: 'Συνοδεύει τον Πρωθυπουργό.' },
    { name: 'Rosen Zhelyazkov', nativeName: 'Росен Желязков', title: 'Prime Minister of Bulgaria', biography: 'Second bilateral.' },
  ],
  meeting: {
    title: 'Διμερής με τη Γεωργία (Κομπαχίτζε)',
    date: '2027-03-27',
    time: '11:00',
    venue: 'Κυβερνητική Καγκελαρία, Τιφλίδα',
    counterpart: 0,
    objectives: 'Συμφωνία για τη διασύνδεση Μαύρης Θάλασσας.',
    pointsToMake: '1. Ευχαριστούμε τη Γεωργία.\n2. Ο Γεραπετρίτης συνοδεύει.',
    defensivePoints: 'Αν τεθεί: καμία αλλαγή στις θεωρήσεις.',
    counterpartBiography: 'Συνάντησε τον Πρωθυπουργό το 2025.',
  },
  participants: [
    { person: 1, side: 'Our side', role: 'Πρωθυπουργός' },
    { person: 2, side: 'Our side', role: 'Υπουργός' },
  ],
  event: { date: '2027-03-28', title: 'Η Ευρώπη περνά σε θερινή ώρα', excerpt: 'Οι δείκτες πάνε μπροστά στις 03:00' },
  note: { title: 'Μετακινήσεις στην Τιφλίδα', body: 'Από το αεροδρόμιο: 25 λεπτά. Μας υποδέχεται η ბოჭორიშვილი.' },
  pack: { name: 'Φάκελος Τιφλίδας', title: 'Σύνοδος Εύξεινου Πόντου: η διμερής με τη Γεωργία', copyFor: 'Γιώργος Γεραπετρίτης' },
};

const scheme = [
  ['ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΧΡΗΣΗΣ', 'ΠΧ'],
  ['ΕΜΠΙΣΤΕΥΤΙΚΟ', 'Ε'],
  ['ΑΠΟΡΡΗΤΟ', 'Α'],
  ['ΑΚΡΩΣ ΑΠΟΡΡΗΤΟ', 'ΑΑ'],
] as const;

/** The programme's row of the meeting whose title begins `title`. */
const meetingRow = (page: Page, title: string) => page.locator('.meeting-row').filter({ hasText: new RegExp(`^\\([^)]*\\)${title}`) });

async function openSummit(page: Page): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: tbilisi.summit.title }).first().click();
}

test('Athens prepares a Black Sea summit in Tbilisi: Greek markings, Greek and Georgian names found in Latin, times in both zones', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = sherpa;
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

  await typeScheme(page, 'Ελλάδα', scheme);
  await expect(page.getByRole('note', { name: 'Highest marking on screen' }).first()).toHaveText('ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΧΡΗΣΗΣ');

  // The desk's name in Greek, typed on the keyboard.
  await sidebar(page).getByRole('link', { name: 'Exchange' }).click();
  const card = page.getByRole('region', { name: 'This desk’s card' });
  await typeInto(page, card.getByLabel('Desk name'), 'Διεύθυνση Εύξεινου Πόντου, ΥΠΕΞ');
  await page.keyboard.press('Enter');
  await expect(card.getByLabel('Card as text')).toHaveValue(/Desk: Διεύθυνση Εύξεινου Πόντου, ΥΠΕΞ\n/);

  await enterBriefing(page, tbilisi);

  // The bilateral on Saturday: Athens is two hours behind Tbilisi.
  await openSummit(page);
  await page.getByRole('link', { name: tbilisi.meeting.title }).click();
  await page.getByRole('link', { name: 'Edit meeting details' }).click();
  await page.getByLabel('Duration in minutes').fill('60');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Sat, 27 Mar 2027, 11:00 GMT+4 – 12:00 GMT+4 (Asia/Tbilisi)')).toBeVisible();
  await expect(page.getByText('Home time (Europe/Athens): Sat, 27 Mar 2027, 09:00 EET – 10:00 EET')).toBeVisible();

  // The second bilateral on Monday, after Europe's clocks went forward: one hour behind. No venue, no duration.
  const bulgaria = 'Διμερής με τη Βουλγαρία (Zhelyazkov)';
  await newMeeting(page, tbilisi.summit.title, { title: bulgaria, date: '2027-03-29', time: '10:00' }, 'ΑΠΟΡΡΗΤΟ');
  await openSummit(page);
  await expect(meetingRow(page, 'Διμερής με τη Βουλγαρία')).toContainText('Mon, 29 Mar 2027, 10:00 GMT+4 (Asia/Tbilisi)');
  await expect(meetingRow(page, 'Διμερής με τη Βουλγαρία')).toContainText('Home time (Europe/Athens): Mon, 29 Mar 2027, 09:00 EEST');
  await page.screenshot({ path: testInfo.outputPath('summit.png'), fullPage: true });

  // A desk pre-brief in Athens at 03:30 on the 28th: the clocks jump from 03:00 to 04:00 there, so it is refused.
  await openSummit(page);
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Ενημέρωση γραφείου, Αθήνα');
  await page.getByLabel('Date (venue)').fill('2027-03-28');
  await page.getByLabel('Time (venue)').fill('03:30');
  await page.getByLabel(/Time zone/).fill('Europe/Athens');
  await page.getByLabel('Classification').selectOption('ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΧΡΗΣΗΣ');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByText('The clocks go forward past this time on that day in this time zone, so it does not exist there.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A summit typed ending before it starts: refused, nothing saved.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('Σύνοδος με λάθος ημερομηνίες');
  await page.getByLabel('Start date').fill('2027-03-29');
  await page.getByLabel('End date').fill('2027-03-26');
  await page.getByLabel(/Time zone/).fill('Asia/Tbilisi');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.screenshot({ path: testInfo.outputPath('summit-bad.png'), fullPage: true });
  await expect(page.getByRole('alert')).toContainText('Nothing was saved.');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A person pasted from a web page, with a no-break space, a zero-width space and a tab; and one at the length limit.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).click();
  await paste(page, 'Μάκα\u00a0Μποτσορισβίλι\u200b\t');
  await page.getByLabel('Name in native script').click();
  await paste(page, ' მაკა ბოჭორიშვილი\n');
  await page.getByLabel('Title').fill('Minister of Foreign Affairs of Georgia');
  await page.getByLabel('Classification').selectOption('ΕΜΠΙΣΤΕΥΤΙΚΟ');
  // What prints as nothing at the ends of the paste is left out with the tab; inside, the no-break space is a space.
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Μάκα\u00a0Μποτσορισβίλι');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1 }).first()).toContainText('Μποτσορισβίλι');
  await page.screenshot({ path: testInfo.outputPath('person-pasted.png'), fullPage: true });

  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  const longest = `Αλέξανδρος ${'Παπαδόπουλος-'.repeat(15)}`.slice(0, 200);
  await page.getByLabel('Name', { exact: true }).fill(`${longest}ς`);
  await page.getByLabel('Classification').selectOption('ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΧΡΗΣΗΣ');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Too long: 201 characters, at most 200.')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(longest);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1 }).first()).toContainText('Αλέξανδρος');

  // A sector with an entry and annotations at two levels.
  const programme = await newProgramme(page, { code: 'ΕΠ', name: 'Συνεργασία Εύξεινου Πόντου' }, 'ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΧΡΗΣΗΣ');
  await newSector(page, programme, 'Ενεργειακή διασύνδεση', 'ΕΜΠΙΣΤΕΥΤΙΚΟ');
  await newEntryWithAnnotation(
    page,
    {
      date: '2027-02-15',
      title: 'Καλώδιο Μαύρης Θάλασσας: μελέτη',
      source: tbilisi.source.title,
      annotation: 'Η Γεωργία ζητά χρηματοδότηση.',
    },
    'ΕΜΠΙΣΤΕΥΤΙΚΟ',
  );
  // A second annotation, a level above the entry's, typed on the keyboard.
  const entry = page.getByRole('article', { name: /Καλώδιο Μαύρης Θάλασσας/ });
  await entry.getByRole('button', { name: 'Add annotation' }).click();
  await page.keyboard.type('Η Άγκυρα αντιδρά· μην το θέσετε.');
  await entry.getByRole('combobox', { name: 'Classification' }).last().selectOption('ΑΠΟΡΡΗΤΟ');
  await expect(entry.locator('[data-save-state]').first()).toHaveText('Saved');
  await entry.getByRole('button', { name: 'Done' }).click();
  await expect(entry.getByText('2 annotations')).toBeVisible();
  // Typed at once after the press: every word kept (the first fifteen letters were lost).
  await expect(entry.getByText('Η Άγκυρα αντιδρά· μην το θέσετε.')).toBeVisible();
  // Moved to the trash, and back with Undo.
  await entry
    .getByRole('button', { name: /^Move to trash/ })
    .last()
    .click();
  const trashed = page.getByRole('status').filter({ hasText: 'Moved to the trash: Η Άγκυρα αντιδρά' });
  await trashed.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored: Η Άγκυρα αντιδρά' })).toBeVisible();
  await expect(entry.getByText('2 annotations')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('sector.png'), fullPage: true });

  // A note begun at once after "New note": its first letters kept (four were lost).
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  await page.keyboard.type('Σημείωση για την Τιφλίδα');
  await expect(page.getByRole('group', { name: 'Note editor' }).getByLabel('Title')).toHaveValue('Σημείωση για την Τιφλίδα');

  // Search as a Greek desk types: no accents, capitals, σ for ς, Latin.
  await searchAsTyped(page, [
    ['μητσοτακης', 'Κυριάκος Μητσοτάκης', ['Μητσοτάκης']],
    ['ΜΗΤΣΟΤΑΚΗΣ', 'Κυριάκος Μητσοτάκης', ['Μητσοτάκης']],
    ['γεραπετριτησ', 'Γιώργος Γεραπετρίτης', ['Γεραπετρίτης']],
    ['Mitsotakis', 'Κυριάκος Μητσοτάκης', ['Μητσοτάκης']],
    ['Kyriakos Mitsotakis', 'Κυριάκος Μητσοτάκης', ['Κυριάκος', 'Μητσοτάκης']],
    ['Gerapetritis', 'Γιώργος Γεραπετρίτης', ['Γεραπετρίτης']],
    ['Kobakhidze', 'ირაკლი კობახიძე', ['კობახიძე']],
    ['ირაკლი', 'ირაკლი კობახიძე', ['ირაკლი']],
    ['Botsorisvili', 'Μάκα Μποτσορισβίλι'],
    ['Tiflida', 'Σύνοδος Κορυφής'],
    ['Bochorishvili', tbilisi.note.title],
  ]);
  await page.screenshot({ path: testInfo.outputPath('search.png'), fullPage: true });
  await page.keyboard.press('Escape');

  // The Georgian minister's title edited on the keyboard; the Bulgarian bilateral deleted and put back.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'Μάκα Μποτσορισβίλι' }).first().click();
  await page.getByRole('link', { name: /^Edit/ }).first().click();
  await typeInto(page, page.getByLabel('Title'), 'Υπουργός Εξωτερικών της Γεωργίας');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Υπουργός Εξωτερικών της Γεωργίας').first()).toBeVisible();
  await openSummit(page);
  await page.getByRole('link', { name: bulgaria }).click();
  await page.getByRole('button', { name: 'Delete meeting' }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /^Delete/ })
    .last()
    .click();
  const deleted = page.getByRole('status').filter({ hasText: 'Deleted:' });
  await expect(deleted).toContainText('Διμερής με τη Βουλγαρία');
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored:' })).toContainText('Διμερής με τη Βουλγαρία');

  // The pack: both bilaterals, so ΑΠΟΡΡΗΤΟ at the top and foot of every page, each time in both zones.
  await startPack(page, tbilisi.pack, tbilisi.summit.title, [
    `Add: Full brief — ${tbilisi.meeting.title}`,
    `Add: Full brief — ${bulgaria}`,
    'Add: Biographies (everyone in the pack’s meetings)',
    'Add: Notes',
  ]);
  await expect(page.getByRole('list', { name: 'Will print', exact: true })).toContainText(tbilisi.note.title);
  await expect(page.getByText('Some text will print as empty boxes')).toHaveCount(0);
  await page.getByLabel('Stamp a copy for (optional)').fill(tbilisi.pack.copyFor ?? '');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${tbilisi.pack.name}”.` })).toBeVisible();
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages/)).toBeVisible({ timeout: 60_000 });
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  const printed = printedText(file);
  execFileSync('pdftoppm', ['-png', '-r', '50', file, path.join(testInfo.outputPath(), 'pack')]);
  const times = [
    '27 March 2027, 11:00 GMT+4 – 12:00 GMT+4 (venue); 09:00 EET – 10:00 EET (home)',
    '29 March 2027, 10:00 GMT+4 (venue); 09:00 EEST (home)',
  ];
  for (const time of times) expect(printed).toContain(time);
  for (const text of [
    '(Α) Διμερής με τη Βουλγαρία',
    '(Ε) Διμερής με τη Γεωργία',
    '(ΠΧ) Κυριάκος Μητσοτάκης',
    'ირაკლი კობახიძე',
    'ბოჭორიშვილი',
  ])
    expect(printed).toContain(text);
  expect(printed).not.toContain('Πρωθυπουργό ς');
  expect(printed).not.toMatch(/Vilnius|Stoltenberg|λάθος ημερομηνίες/);
  for (const edge of pageEdges(file)) expect(edge).toEqual({ top: 'ΑΠΟΡΡΗΤΟ', foot: 'ΑΠΟΡΡΗΤΟ' });

  // The command line, on a read-only copy in Tbilisi's zone, prints the same and changes nothing.
  const handedOver = await exportHandedOverCopy(sherpa.dataDir, testInfo, tbilisi.pack, 'Asia/Tbilisi');
  for (const time of times) expect(handedOver).toContain(time);
});
