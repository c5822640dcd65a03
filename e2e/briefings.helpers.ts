import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { proseBlocks } from '../shared/proseBlocks.ts';
import { test } from './fixtures.ts';
import { chooseRecord, expect, markedChoice, sidebar } from './views.helpers.ts';

// A briefing of one's own, entered through the interface as a desk officer
// would: a source, the people, a summit, a meeting with its brief and
// participants, a dated event, then a pack of it exported to PDF.

export interface BriefingPerson {
  name: string;
  nativeName: string;
  title: string;
  biography: string;
}

export interface Briefing {
  /** The desk's home time zone, set in Settings before the briefing is entered. */
  homeTimeZone: string;
  /**
   * The classification scheme to work under, by its name in Settings. Where
   * Settings offer no choice of scheme yet, the briefing keeps the one in use.
   */
  scheme: string;
  /** Which level of the scheme the meeting is marked at (0 is the lowest). */
  meetingLevel: number;
  source: { title: string; publisher: string; publishedOn: string };
  summit: { title: string; city: string; startDate: string; endDate: string; timeZone: string; description: string };
  people: BriefingPerson[];
  meeting: {
    title: string;
    date: string;
    time: string;
    venue: string;
    /** Index into `people`. */
    counterpart: number;
    objectives: string;
    pointsToMake: string;
    defensivePoints: string;
    /** Written on the meeting brief for the counterpart, where the shared biography does not fit. */
    counterpartBiography: string;
  };
  participants: { person: number; side: 'Our side' | 'Their side'; role: string }[];
  event: { date: string; title: string; excerpt: string };
  /** A desk note linked to the summit from the note editor; the pack's Notes section prints it. */
  note: { title: string; body: string };
  /** `copyFor`, where given, is typed into the copy stamp before the new pack is first saved, as a desk fills the builder top to bottom. */
  pack: { name: string; title: string; copyFor?: string };
}

const personLabel = (person: BriefingPerson) => (person.nativeName ? `${person.name} (${person.nativeName})` : person.name);

/** Settings' names for the schemes a briefing names by its short name. */
const schemeChoices: Record<string, string> = {
  NATO: 'NATO',
  UK: 'UK (Government Security Classifications)',
  US: 'US',
  ROK: '대한민국 (보안업무규정)',
};

async function chooseScheme(page: Page, scheme: string): Promise<string> {
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  const form = page.locator('form.markings-form');
  await form.getByLabel('Scheme', { exact: true }).selectOption({ label: schemeChoices[scheme] ?? scheme });
  await applyMarkings(page);
  return scheme;
}

/** Presses Apply markings, and once more where Settings count records carrying a level the scheme drops (the sample's NATO levels). */
async function applyMarkings(page: Page): Promise<void> {
  const form = page.locator('form.markings-form');
  await form.getByRole('button', { name: 'Apply markings' }).click();
  const saved = page.getByRole('status').getByText('Markings saved.');
  const confirm = form.getByRole('button', { name: /^Apply, leaving \d+ records? to be marked again$/ });
  await expect(saved.or(confirm)).toBeVisible();
  if (await confirm.isVisible()) await confirm.click();
  await expect(saved).toBeVisible();
}

/**
 * A desk's own scheme typed into Settings over the rows they start with: `levels` from the lowest, each a name and
 * its portion mark; the rows past them removed. A row typed over is the level it replaces renamed.
 */
export async function typeScheme(page: Page, name: string, levels: readonly (readonly [string, string])[]): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Scheme', { exact: true }).selectOption('custom');
  await page.getByRole('textbox', { name: 'Scheme name' }).fill(name);
  const rows = await page.getByRole('textbox', { name: /^Name of level \d+$/ }).count();
  for (let number = rows; number > levels.length; number--) await page.getByRole('button', { name: `Remove level ${number}` }).click();
  // A scheme of more levels than the rows Settings start with (Canada's seven, caveats included) adds the rows it needs.
  for (let number = rows; number < levels.length; number++) await page.getByRole('button', { name: 'Add a level' }).click();
  for (const [index, [level, portion]] of levels.entries()) {
    await page.getByRole('textbox', { name: `Name of level ${index + 1}` }).fill(level);
    await page.getByRole('textbox', { name: `Portion mark of level ${index + 1}` }).fill(portion);
  }
  await applyMarkings(page);
}

/** A summit made from the Summits view, marked `level`, and left open on its page. */
export async function newSummit(
  page: Page,
  summit: { title: string; city: string; startDate: string; endDate: string; timeZone: string },
  level: string,
): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill(summit.title);
  await page.getByLabel('City').fill(summit.city);
  await page.getByLabel('Start date').fill(summit.startDate);
  await page.getByLabel('End date').fill(summit.endDate);
  await page.getByLabel(/Time zone/).fill(summit.timeZone);
  await page.getByLabel('Classification').selectOption(level);
  await create(page);
  await expect(page.getByRole('heading', { level: 1, name: summit.title })).toBeVisible();
}

/**
 * A meeting of `summit` made from its page at a venue time, marked `level`; `zone` where the venue is not the summit's,
 * `durationMinutes` where it is given.
 */
export async function newMeeting(
  page: Page,
  summit: string,
  meeting: { title: string; date: string; time: string; zone?: string; durationMinutes?: number },
  level: string,
): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: summit }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill(meeting.title);
  await page.getByLabel('Date (venue)').fill(meeting.date);
  await page.getByLabel('Time (venue)').fill(meeting.time);
  if (meeting.zone) await page.getByLabel(/Time zone/).fill(meeting.zone);
  if (meeting.durationMinutes !== undefined) await page.getByLabel('Duration in minutes').fill(String(meeting.durationMinutes));
  await page.getByLabel('Classification').selectOption(level);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: meeting.title })).toBeVisible();
}

/** A programme of sector briefs made from the Sectors view, marked `level`; answers its region's name ("CODE – Name"). */
export async function newProgramme(page: Page, programme: { code: string; name: string }, level: string): Promise<string> {
  await sidebar(page).getByRole('link', { name: 'Sectors' }).click();
  await page.getByRole('link', { name: 'New programme' }).click();
  await page.getByLabel('Code (e.g. ITPP)').fill(programme.code);
  await page.getByLabel('Name', { exact: true }).fill(programme.name);
  await page.getByLabel('Classification').selectOption(level);
  await create(page);
  return `${programme.code} – ${programme.name}`;
}

/** A sector of the programme whose region is `programme`, made from the Sectors view and left open on its page. */
export async function newSector(page: Page, programme: string, sector: string, level: string): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Sectors' }).click();
  await page.getByRole('region', { name: programme }).getByRole('link', { name: 'New sector' }).click();
  await page.getByLabel('Name', { exact: true }).fill(sector);
  await page.getByLabel('Classification').selectOption(level);
  await create(page);
  await expect(page.getByRole('heading', { level: 1, name: sector })).toBeVisible();
}

/**
 * A dated entry made on the open sector's page, citing `source`, with one annotation under the entry's own marking,
 * autosaved and closed. `typedTitle` is what is typed where it differs from the title shown (pasted white space).
 */
export async function newEntryWithAnnotation(
  page: Page,
  entry: { date: string; title: string; typedTitle?: string; source: string; annotation: string },
  level: string,
): Promise<void> {
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.getByLabel('Date', { exact: true }).fill(entry.date);
  await page.getByLabel('Title', { exact: true }).fill(entry.typedTitle ?? entry.title);
  await chooseRecord(page.getByLabel('Source', { exact: true }), entry.source);
  await page.getByLabel('Classification').selectOption(level);
  await create(page);
  const article = page.getByRole('article', { name: new RegExp(entry.title) });
  await article.getByRole('button', { name: 'Add annotation' }).click();
  await article.getByRole('textbox', { name: 'Annotation text', exact: true }).fill(entry.annotation);
  await article.getByRole('combobox', { name: 'Classification' }).selectOption(level);
  await expect(article.locator('[data-save-state]').first()).toHaveText('Saved');
  await article.getByRole('button', { name: 'Done' }).click();
  await expect(article.getByText('1 annotation')).toBeVisible();
}

async function setHomeTimeZone(page: Page, zone: string): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Home time zone').fill(zone);
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByRole('status').getByText('Settings saved.')).toBeVisible();
}

async function create(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Create' }).click();
}

/** Enters the whole briefing through the interface; answers the scheme actually in use and the meeting's marking. */
export async function enterBriefing(page: Page, briefing: Briefing): Promise<{ scheme: string; meetingMarking: string }> {
  // '' keeps the scheme Settings already hold (a custom one the test set up itself).
  const scheme = briefing.scheme === '' ? '' : await chooseScheme(page, briefing.scheme);
  await setHomeTimeZone(page, briefing.homeTimeZone);

  await sidebar(page).getByRole('link', { name: 'Sources' }).click();
  await page.getByRole('link', { name: 'New source' }).click();
  await page.getByLabel('Title').fill(briefing.source.title);
  await page.getByLabel('Publisher').fill(briefing.source.publisher);
  await page.getByLabel('Published on').fill(briefing.source.publishedOn);
  // Every record a pack prints carries a marking (option 0 is "(none)", then the levels, lowest first).
  await page.getByLabel('Classification').selectOption({ index: 1 });
  await create(page);
  await sidebar(page).getByRole('link', { name: 'Sources' }).click();
  await expect(page.getByText(briefing.source.title)).toBeVisible();

  for (const person of briefing.people) {
    await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
    await page.getByRole('link', { name: 'New person' }).click();
    await page.getByLabel('Name', { exact: true }).fill(person.name);
    await page.getByLabel('Name in native script').fill(person.nativeName);
    await page.getByLabel('Title').fill(person.title);
    await page.getByLabel('Biography').fill(person.biography);
    // A biography is text the pack prints: it carries a marking (option 0 is "(none)", then the levels, lowest first).
    await page.getByLabel('Classification').selectOption({ index: 1 });
    await chooseRecord(page.getByLabel('Source', { exact: true }), briefing.source.title);
    await create(page);
    await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  }

  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill(briefing.summit.title);
  await page.getByLabel('City').fill(briefing.summit.city);
  await page.getByLabel('Start date').fill(briefing.summit.startDate);
  await page.getByLabel('End date').fill(briefing.summit.endDate);
  await page.getByLabel(/Time zone/).fill(briefing.summit.timeZone);
  await page.getByLabel('Description').fill(briefing.summit.description);
  await chooseRecord(page.getByLabel('Source', { exact: true }), briefing.source.title);
  await page.getByLabel('Classification').selectOption({ index: 1 });
  await create(page);
  await expect(page.getByRole('heading', { level: 1, name: briefing.summit.title })).toBeVisible();

  await page.getByRole('link', { name: 'New meeting' }).click();
  const { meeting } = briefing;
  await page.getByLabel('Title').fill(meeting.title);
  await page.getByLabel('Date (venue)').fill(meeting.date);
  await page.getByLabel('Time (venue)').fill(meeting.time);
  await expect(page.getByLabel(/Time zone/)).toHaveValue(briefing.summit.timeZone);
  await page.getByLabel('Venue', { exact: true }).fill(meeting.venue);
  const counterpart = briefing.people[meeting.counterpart];
  if (!counterpart) throw new Error('the counterpart is not among the briefing’s people');
  await chooseRecord(page.getByLabel('Counterpart', { exact: true }), personLabel(counterpart));
  const marking = page.getByLabel('Classification');
  // Option 0 is "(none)": the scheme's levels follow, lowest first.
  const meetingMarking =
    (await marking
      .locator('option')
      .nth(briefing.meetingLevel + 1)
      .textContent()) ?? '';
  await marking.selectOption({ label: meetingMarking });
  await chooseRecord(page.getByLabel('Source', { exact: true }), briefing.source.title);
  await create(page);
  await expect(page.getByRole('heading', { level: 1, name: meeting.title })).toBeVisible();

  for (const [section, text] of [
    ['Our objectives', meeting.objectives],
    ['Points to make', meeting.pointsToMake],
    ['Defensive points', meeting.defensivePoints],
  ] as const) {
    await page.getByRole('button', { name: `Edit ${section}` }).click();
    await page.getByLabel(`${section} text`).fill(text);
    await page.keyboard.press('Control+Enter');
    // The first line as the brief shows it: a "1. " or "- " line is a list item, without its number or dash.
    const first = proseBlocks(text)[0];
    const shown = first?.type === 'p' ? first.text : first?.type === 'ul' ? first.items[0] : first?.items[0]?.text;
    await expect(page.getByText(shown ?? text)).toBeVisible();
  }

  await page.getByRole('button', { name: `Write a biography of ${counterpart.name} for this meeting` }).click();
  await page.getByLabel(`Biography for this meeting: ${counterpart.name}`).fill(meeting.counterpartBiography);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(meeting.counterpartBiography)).toBeVisible();

  await page.getByRole('button', { name: 'Edit participants' }).click();
  for (const [index, participant] of briefing.participants.entries()) {
    const person = briefing.people[participant.person];
    if (!person) throw new Error('a participant is not among the briefing’s people');
    await page.getByRole('button', { name: 'Add participant' }).click();
    await chooseRecord(page.getByLabel(`Person, row ${index + 1}`, { exact: true }), personLabel(person));
    await page.getByLabel(`Side, row ${index + 1}`).selectOption({ label: participant.side });
    await page.getByLabel(`Role, row ${index + 1}`).fill(participant.role);
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  for (const participant of briefing.participants) {
    const person = briefing.people[participant.person];
    if (person) await expect(page.getByRole('link', { name: personLabel(person) }).first()).toBeVisible();
  }

  await sidebar(page).getByRole('link', { name: 'Timeline' }).click();
  await page.getByRole('link', { name: 'New event' }).click();
  await page.getByLabel('Date', { exact: true }).fill(briefing.event.date);
  await page.getByLabel('Title').fill(briefing.event.title);
  await chooseRecord(page.getByLabel('Summit', { exact: true }), briefing.summit.title);
  await chooseRecord(page.getByLabel('Source', { exact: true }), briefing.source.title);
  await page.getByLabel('Excerpt from the source').fill(briefing.event.excerpt);
  await page.getByLabel('Classification').selectOption({ index: 1 });
  await create(page);
  await sidebar(page).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByText(briefing.event.title)).toBeVisible();

  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  await editor.getByLabel('Title').fill(briefing.note.title);
  await editor.getByRole('textbox', { name: 'Note text' }).fill(briefing.note.body);
  await editor.getByLabel('Classification').selectOption({ index: 1 });
  await chooseRecord(editor.getByLabel('Linked to'), `Summit: ${briefing.summit.title}`);
  await expect(editor.getByText('Link saved.')).toBeVisible();
  await expect(editor.getByText('Saved', { exact: true }).first()).toBeVisible();
  // The link still shows once the text's autosave has answered.
  await expect(editor.getByLabel('Linked to').locator('option:checked')).toHaveText(markedChoice(briefing.summit.title, 'Summit: '));
  await page.screenshot({ path: test.info().outputPath(`${briefing.pack.name}-note.png`), fullPage: true });

  return { scheme, meetingMarking };
}

/**
 * Opens a new pack in the builder, as a desk does: its name, its cover's title and its summit, then each part by
 * its button ("Add: Full brief — …", "Add: Timeline"), in the order given.
 */
export async function startPack(
  page: Page,
  pack: { name: string; title: string },
  summit: string,
  parts: readonly string[],
): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Briefing packs' }).click();
  await page.getByRole('button', { name: 'New pack' }).click();
  await page.getByLabel('Pack name').fill(pack.name);
  await page.getByLabel('Title on the cover').fill(pack.title);
  await chooseRecord(page.getByLabel('Summit', { exact: true }), summit);
  for (const part of parts) await page.getByRole('button', { name: part, exact: true }).click();
}

/** Builds the briefing's pack in the builder, exports it and answers the PDF's path. */
export async function exportBriefingPack(page: Page, briefing: Briefing): Promise<string> {
  await startPack(page, briefing.pack, briefing.summit.title, [
    `Add: Full brief — ${briefing.meeting.title}`,
    'Add: Timeline',
    'Add: Biographies (everyone in the pack’s meetings)',
    'Add: Sources',
    'Add: Notes',
  ]);
  // Before export, the builder lists what will print: this briefing's records only. (Exactly: a briefing in a
  // script no font draws also has the list "Some text will print as empty boxes".)
  const willPrint = page.getByRole('list', { name: 'Will print', exact: true });
  await expect(willPrint).toContainText(briefing.event.title);
  await expect(willPrint).toContainText(briefing.source.title);
  await expect(willPrint).toContainText(briefing.note.title);
  await expect(willPrint).not.toContainText('Stoltenberg');
  if (briefing.pack.copyFor) await page.getByLabel('Stamp a copy for (optional)').fill(briefing.pack.copyFor);
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${briefing.pack.name}”.` })).toBeVisible();
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages/)).toBeVisible({ timeout: 60_000 });
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  expect(fs.existsSync(file)).toBe(true);
  return file;
}

/** The PDF's text in reading order, every run of white space as one space, without bidi controls. */
export function printedText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ');
}

/** The first and last line of each page as laid out: where the banner prints at the top and the foot. */
export function pageEdges(file: string): { top: string; foot: string }[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) => {
      const lines = page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      return { top: lines.at(0) ?? '', foot: lines.at(-1) ?? '' };
    });
}
