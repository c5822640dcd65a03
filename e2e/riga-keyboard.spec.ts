import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { pageEdges, printedText } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { caret, chooseWithArrows, exportHandedOverCopy, pressWithKeyboard, tabTo, typeInto } from './trial.helpers.ts';
import { expect } from './views.helpers.ts';

// Estonia's desk officer in Tallinn works with the keyboard alone (a wrist injury: Tab, Shift+Tab, the arrows, Enter,
// Space, Escape and the app's own shortcuts) and sometimes a screen reader, and prepares the Nordic-Baltic Eight
// summit in Rīga, 14–15 September 2027, with a bilateral in Helsinki and a call with Oslo, under Estonia's own
// scheme typed into Settings. Names in Estonian, Latvian, Icelandic, Norwegian and Finnish. Nothing here is clicked:
// every control is reached with Tab, and what has the caret is read by its role and name. Test material only.

// A US-English browser, as Tallinn's desk has: its own time control wanted AM or PM, and "0930" was refused with
// words about HH:MM (round 34). The time field reads the 24-hour clock in any language now.
test.use({ locale: 'en-US' });

const summit = 'Nordic-Baltic Eight (NB8) Summit, Rīga 2027';
const pack = { name: 'NB8 Rīga', copyFor: 'Õnne Pillak' };

/** A view of the main menu, reached from wherever the caret is with Shift+Tab, as the officer goes back up the page. */
async function goTo(page: Page, view: string): Promise<void> {
  // The menu by its role alone: its name is said in the interface's language.
  await pressWithKeyboard(page, page.getByRole('navigation').getByRole('link', { name: view, exact: true }), { backwards: true, max: 200 });
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

test('NB8 in Rīga from Tallinn on the keyboard alone: every task reached by Tab, the caret never lost, the pack in Estonian markings', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(120_000);
  const { page } = sherpa;
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

  // Settings: the home zone, then Estonia's scheme typed over NATO's five rows.
  await goTo(page, 'Settings');
  await typeInto(page, page.getByRole('textbox', { name: 'Home time zone' }), 'Europe/Tallinn');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').getByText('Settings saved.')).toBeVisible();
  await tabTo(page, page.getByRole('combobox', { name: 'Scheme', exact: true }));
  await page.keyboard.press('End');
  await typeInto(page, page.getByRole('textbox', { name: 'Scheme name' }), 'Eesti');
  const levels = [
    ['AVALIK', 'A'],
    ['ASUTUSESISESEKS KASUTAMISEKS', 'AK'],
    ['KONFIDENTSIAALNE', 'K'],
    ['SALAJANE', 'S'],
    ['TÄIESTI SALAJANE', 'TS'],
  ] as const;
  for (const [index, [level, portion]] of levels.entries()) {
    await typeInto(page, page.getByRole('textbox', { name: `Name of level ${index + 1}` }), level);
    await typeInto(page, page.getByRole('textbox', { name: `Portion mark of level ${index + 1}` }), portion);
  }
  // A sixth row added by mistake and removed: the caret goes to the new row's name, then back to the row before.
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Add a level' }));
  await expect(caret(page)).toHaveAccessibleName('Name of level 6');
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Remove level 6' }));
  await expect(caret(page)).toHaveAccessibleName('Name of level 5');
  // Moved up and back down: the caret goes with the level.
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Move level 5 up' }));
  await expect(caret(page)).toHaveAccessibleName('Move level 4 up');
  await page.keyboard.press('Tab');
  await expect(caret(page)).toHaveAccessibleName('Move level 4 down');
  await page.keyboard.press('Enter');
  await expect(caret(page)).toHaveAccessibleName('Move level 5 up');
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Apply markings' }));
  await expect(page.getByRole('status').getByText('Markings saved.')).toBeVisible();
  await expect(caret(page)).toHaveAccessibleName('Apply markings');
  await expect(page.getByRole('note', { name: 'Highest marking on screen' }).first()).toHaveText('AVALIK');

  // People, typed in their own letters.
  for (const [name, title] of [
    ['Evika Siliņa', 'Prime Minister of Latvia'],
    ['Þorgerður Katrín Gunnarsdóttir', 'Minister for Foreign Affairs of Iceland'],
    ['Jonas Gahr Støre', 'Prime Minister of Norway'],
  ] as const) {
    await goTo(page, 'People and countries');
    await pressWithKeyboard(page, page.getByRole('link', { name: 'New person' }));
    await expect(caret(page)).toHaveAccessibleName('Name');
    await page.keyboard.type(name);
    await typeInto(page, page.getByRole('textbox', { name: 'Title' }), title);
    await chooseWithArrows(page, page.getByRole('combobox', { name: 'Classification' }), 'AVALIK');
    await pressWithKeyboard(page, page.getByRole('button', { name: 'Create' }));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  // The summit, first typed wrong: the end before the start, the zone with Latvian letters. Refused, said, and the
  // caret on the first field to fix.
  await goTo(page, 'Summits');
  await pressWithKeyboard(page, page.getByRole('link', { name: 'New summit' }));
  await expect(caret(page)).toHaveAccessibleName('Title');
  await page.keyboard.type(summit);
  await typeInto(page, page.getByRole('textbox', { name: 'City' }), 'Rīga');
  // The browser's date fields take month, day and year in turn (its locale is en-US).
  await tabTo(page, page.getByRole('textbox', { name: 'Start date' }));
  await page.keyboard.type('09142027');
  await tabTo(page, page.getByRole('textbox', { name: 'End date' }));
  await page.keyboard.type('09132027');
  await typeInto(page, page.getByRole('combobox', { name: /^Time zone/ }), 'Europe/Rīga');
  await chooseWithArrows(page, page.getByRole('combobox', { name: 'Classification' }), 'ASUTUSESISESEKS KASUTAMISEKS');
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Create' }));
  await expect(page.getByRole('alert')).toHaveText('Nothing was saved. Check: End date, Time zone (IANA, e.g. Europe/Vilnius).');
  await expect(caret(page)).toHaveAccessibleName('End date');
  await expect(page.getByText('No time zone is named “Europe/Rīga”: Riga keeps the time of Europe/Riga. Type Europe/Riga.')).toBeVisible();
  await page.keyboard.type('09152027');
  await typeInto(page, page.getByRole('combobox', { name: /^Time zone/ }), 'Europe/Riga');
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Create' }));
  await expect(page.getByRole('heading', { level: 1, name: summit })).toBeVisible();

  // The bilateral in Helsinki: its counterpart made in the "New person…" dialog, which gives the caret back.
  await pressWithKeyboard(page, page.getByRole('link', { name: 'New meeting' }));
  await expect(caret(page)).toHaveAccessibleName('Title');
  await page.keyboard.type('Bilateral with Finland (Orpo), Helsinki');
  await typeInto(page, page.getByRole('textbox', { name: 'Time (venue)' }), '0930');
  await typeInto(page, page.getByRole('spinbutton', { name: 'Duration in minutes' }), '60');
  await typeInto(page, page.getByRole('combobox', { name: /^Time zone/ }), 'Europe/Helsinki');
  await typeInto(page, page.getByRole('textbox', { name: 'Venue', exact: true }), 'Säätytalo, Helsinki');
  const newCounterpart = page.getByRole('button', { name: 'New person for “Counterpart”' });
  await pressWithKeyboard(page, newCounterpart);
  const dialog = page.getByRole('dialog', { name: /New person/ });
  await expect(dialog).toBeVisible();
  await expect(caret(page)).toHaveAccessibleName('Name');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(caret(page)).toHaveAccessibleName('New person for “Counterpart”');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Petteri Orpo');
  await typeInto(page, dialog.getByRole('textbox', { name: 'Title' }), 'Prime Minister of Finland');
  await chooseWithArrows(page, dialog.getByRole('combobox', { name: 'Classification' }), 'AVALIK');
  await pressWithKeyboard(page, dialog.getByRole('button', { name: 'Create' }));
  await expect(dialog).toBeHidden();
  await expect(caret(page)).toHaveAccessibleName('New person for “Counterpart”');
  await expect(page.getByRole('combobox', { name: 'Counterpart' })).toHaveValue(/\d+/);
  await chooseWithArrows(page, page.getByRole('combobox', { name: 'Classification' }), 'KONFIDENTSIAALNE');
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Create' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Bilateral with Finland (Orpo), Helsinki' })).toBeVisible();
  await expect(page.getByText('Tue, 14 Sept 2027, 09:30 EEST – 10:30 EEST (Europe/Helsinki)')).toBeVisible();

  // Who sits on each side, from the keyboard: the caret follows each row added and removed, then goes back.
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Edit participants' }));
  await expect(caret(page)).toHaveAccessibleName('Add participant');
  for (const [row, person, side] of [
    [1, 'Evika Siliņa', 'Their side'],
    [2, 'Þorgerður Katrín Gunnarsdóttir', 'Their side'],
    [3, 'Jonas Gahr Støre', 'Our side'],
  ] as const) {
    await pressWithKeyboard(page, page.getByRole('button', { name: 'Add participant' }));
    await expect(caret(page)).toHaveAccessibleName(`Person, row ${row}`);
    const personPicker = page.getByRole('combobox', { name: `Person, row ${row}` });
    // The first letters of the name, typed past its portion mark: the person chosen shows the mark still. Playwright
    // has no key for Þ (it would insert it as text, which a picker never hears): that one is chosen with the arrows.
    if (person.startsWith('Þ')) await chooseWithArrows(page, personPicker, person);
    else await page.keyboard.type(person.slice(0, 3));
    await expect(personPicker.locator('option:checked')).toHaveText(`(A) ${person}`);
    await chooseWithArrows(page, page.getByRole('combobox', { name: `Side, row ${row}` }), side);
  }
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Remove row 3' }), { backwards: true });
  await expect(caret(page)).toHaveAccessibleName('Person, row 2');
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Save', exact: true }));
  await expect(caret(page)).toHaveAccessibleName('Edit participants');
  await expect(page.getByRole('link', { name: 'Þorgerður Katrín Gunnarsdóttir' })).toBeVisible();

  // A brief section written and saved with Ctrl+Enter: the caret back on its Edit button.
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Edit Points to make' }));
  await page.keyboard.type('1. Thank Latvia for the NB8 chair.\n2. Siliņa and Gunnarsdóttir on Ukraine.');
  await page.keyboard.press('Control+Enter');
  await expect(caret(page)).toHaveAccessibleName('Edit Points to make');
  await expect(page.getByText('Siliņa and Gunnarsdóttir on Ukraine.')).toBeVisible();

  // An annotation, moved to the trash and back.
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Add annotation' }));
  await expect(caret(page)).toHaveAccessibleName('Annotation text');
  await page.keyboard.type('Orpo asks about the Rail Baltica timetable.');
  await chooseWithArrows(
    page,
    page.getByRole('region', { name: 'Annotations' }).getByRole('combobox', { name: 'Classification' }),
    'AVALIK',
  );
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Done' }));
  const annotations = page.getByRole('region', { name: 'Annotations' });
  await expect(annotations.getByText('Orpo asks about the Rail Baltica timetable.')).toBeVisible();
  await pressWithKeyboard(page, annotations.getByRole('button', { name: 'Move to trash' }), { backwards: true });
  await expect(caret(page)).toHaveAccessibleName('Add annotation');
  const trashed = page.getByRole('status').filter({ hasText: 'Moved to the trash:' });
  await pressWithKeyboard(page, trashed.getByRole('button', { name: 'Undo' }));
  await expect(annotations.getByText('Orpo asks about the Rail Baltica timetable.')).toBeVisible();
  await expect(caret(page)).not.toHaveCount(0);

  // The call with Oslo, then deleted: Escape gives the dialog up with the caret back on Delete; Undo brings it back.
  await goTo(page, 'Summits');
  await pressWithKeyboard(page, page.getByRole('link', { name: summit }));
  // Typed straight after Enter, before the form is there: every letter lands in its first field.
  await pressWithKeyboard(page, page.getByRole('link', { name: 'New meeting' }));
  await page.keyboard.type('Call with Oslo (Støre)');
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Call with Oslo (Støre)');
  await expect(caret(page)).toHaveAccessibleName('Title');
  await chooseWithArrows(page, page.getByRole('combobox', { name: 'Format' }), 'Other');
  await typeInto(page, page.getByRole('textbox', { name: 'Time (venue)' }), '1600');
  await typeInto(page, page.getByRole('combobox', { name: /^Time zone/ }), 'Europe/Oslo');
  await chooseWithArrows(page, page.getByRole('combobox', { name: 'Counterpart' }), 'Jonas Gahr Støre');
  await chooseWithArrows(page, page.getByRole('combobox', { name: 'Classification' }), 'SALAJANE');
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Create' }));
  await expect(page.getByText('At the summit (Europe/Riga): Tue, 14 Sept 2027, 17:00 EEST')).toBeVisible();
  const deleteMeeting = page.getByRole('button', { name: 'Delete meeting' });
  await pressWithKeyboard(page, deleteMeeting);
  await expect(caret(page)).toHaveAccessibleName('Cancel');
  await page.keyboard.press('Escape');
  await expect(caret(page)).toHaveAccessibleName('Delete meeting');
  await page.keyboard.press('Enter');
  // Shift+Tab and Tab pressed at once, Delete perhaps still waiting for the count: the caret stays in the dialog.
  const asking = page.getByRole('alertdialog');
  await expect(caret(page)).toHaveAccessibleName('Cancel');
  await page.keyboard.press('Shift+Tab');
  await expect(asking.locator('*:focus')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(asking.locator('*:focus')).toHaveCount(1);
  // Delete waits until the dialog has counted what refers to the meeting.
  await expect(asking.getByRole('button', { name: 'Delete' })).toBeEnabled();
  await tabTo(page, asking.getByRole('button', { name: 'Delete' }));
  await page.keyboard.press('Enter');
  const deleted = page.getByRole('status').filter({ hasText: 'Deleted: Call with Oslo (Støre)' });
  await expect(deleted).toBeVisible();
  await pressWithKeyboard(page, deleted.getByRole('button', { name: 'Undo' }));
  await expect(page.getByRole('status').filter({ hasText: 'Restored: Call with Oslo (Støre)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Call with Oslo (Støre)' })).toBeVisible();
  await expect(caret(page)).not.toHaveCount(0);

  // A desk note: "New note" puts the caret in its title; linked to the summit from the keyboard.
  await goTo(page, 'Notes');
  await pressWithKeyboard(page, page.getByRole('button', { name: 'New note' }));
  await expect(caret(page)).toHaveAccessibleName('Title');
  await page.keyboard.type('Rīga logistics');
  await typeInto(page, page.getByRole('textbox', { name: 'Note text' }), 'Õnne Pillak meets Baiba Braže at the Melngalvju nams.');
  const editor = page.getByRole('group', { name: 'Note editor' });
  await chooseWithArrows(page, editor.getByRole('combobox', { name: 'Classification' }), 'AVALIK');
  await chooseWithArrows(page, editor.getByRole('combobox', { name: 'Linked to' }), summit);
  await expect(editor.getByText('Link saved.')).toBeVisible();
  await expect(editor.getByText('Saved', { exact: true }).first()).toBeVisible();

  // Search (Ctrl+K): names typed without their letters and with them; the arrows and Enter open one.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await expect(caret(page)).toHaveAccessibleName('Search');
  const results = page.getByRole('region', { name: /^Results/ }).getByRole('link');
  for (const [typed, finds] of [
    ['Silina', 'Evika Siliņa'],
    ['Thorgerdur', 'Þorgerður Katrín Gunnarsdóttir'],
    ['Þorgerður', 'Þorgerður Katrín Gunnarsdóttir'],
    ['gunnarsdottir', 'Þorgerður Katrín Gunnarsdóttir'],
    ['Store', 'Jonas Gahr Støre'],
    ['Onne Pillak', 'Rīga logistics'],
    ['Braze', 'Rīga logistics'],
  ] as const) {
    await search.press('ControlOrMeta+A');
    await page.keyboard.type(typed);
    await expect(results.filter({ hasText: finds }).first(), `“${typed}” finds ${finds}`).toBeVisible();
  }
  await search.press('ControlOrMeta+A');
  await page.keyboard.type('Silina');
  await expect(results.first()).toContainText('Evika Siliņa');
  await page.keyboard.press('ArrowDown');
  await expect(caret(page)).toHaveAccessibleName(/Evika Siliņa/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Evika Siliņa' })).toBeVisible();
  await expect(caret(page)).toHaveAttribute('id', 'main-content');

  // The pack, built and exported from the keyboard: a part added passes the caret on, as does Save once saved.
  await goTo(page, 'Briefing packs');
  await typeInto(page, page.getByRole('textbox', { name: 'Pack name' }), pack.name);
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Save pack' }));
  await expect(page.getByRole('alert')).toContainText('“Title on the cover” is empty');
  await expect(caret(page)).toHaveAccessibleName('Title on the cover');
  await page.keyboard.type('NB8 Rīga 2027: the Helsinki bilateral');
  await chooseWithArrows(page, page.getByRole('combobox', { name: 'Summit' }), summit);
  const fullBrief = page.getByRole('button', { name: 'Add: Full brief — Bilateral with Finland (Orpo), Helsinki' });
  await pressWithKeyboard(page, fullBrief);
  await expect(fullBrief).toBeDisabled();
  await expect(caret(page)).toHaveAccessibleName('Print as a pocket card instead — Bilateral with Finland (Orpo), Helsinki');
  for (const part of ['Add: Biographies (everyone in the pack’s meetings)', 'Add: Notes']) {
    await pressWithKeyboard(page, page.getByRole('button', { name: part }));
    await expect(caret(page)).not.toHaveCount(0);
  }
  const willPrint = page.getByRole('list', { name: 'Will print', exact: true });
  await expect(willPrint).toContainText('Rīga logistics');
  await expect(willPrint).not.toContainText('Call with Oslo');
  await expect(page.getByText('Banner on every page: KONFIDENTSIAALNE')).toBeVisible();
  await typeInto(page, page.getByRole('textbox', { name: 'Stamp a copy for (optional)' }), pack.copyFor);
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Save pack' }), { backwards: true });
  await expect(page.getByRole('status').filter({ hasText: `Saved “${pack.name}”.` })).toBeVisible();
  await expect(caret(page)).not.toHaveCount(0);
  await pressWithKeyboard(page, page.getByRole('button', { name: 'Export to PDF' }));
  await expect(page.getByText(/Exported \d+ pages/)).toBeVisible({ timeout: 60_000 });
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  fs.copyFileSync(file, testInfo.outputPath('nb8-riga-pack.pdf'));
  const printed = printedText(file);
  for (const name of ['Evika Siliņa', 'Þorgerður Katrín Gunnarsdóttir', 'Petteri Orpo', 'Õnne Pillak meets Baiba Braže', 'Rīga']) {
    expect(printed).toContain(name);
  }
  expect(printed).toContain('(K) Bilateral with Finland (Orpo), Helsinki');
  expect(printed).toContain('(A) Rīga logistics');
  expect(printed).not.toMatch(/Vilnius|Stoltenberg|Call with Oslo/);
  for (const edge of pageEdges(file)) expect(edge).toEqual({ top: 'KONFIDENTSIAALNE', foot: expect.stringContaining('KONFIDENTSIAALNE') });

  // The command line, on a read-only copy of the store, prints the same pack.
  const handedOver = await exportHandedOverCopy(sherpa.dataDir, testInfo, { name: pack.name });
  expect(handedOver).toContain('(K) Bilateral with Finland (Orpo), Helsinki');
  expect(handedOver).toContain('Þorgerður Katrín Gunnarsdóttir');

  // In Korean: the menu, a form's refusal and its caret.
  await goTo(page, 'Settings');
  // Its label turns Korean as the choice takes effect: the arrow pressed once, from English to the next.
  await tabTo(page, page.getByRole('combobox', { name: 'Language' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await goTo(page, '정상회의');
  await pressWithKeyboard(page, page.getByRole('link', { name: summit }));
  await pressWithKeyboard(page, page.getByRole('link', { name: '새 회담' }));
  await expect(caret(page)).toHaveAccessibleName('제목');
  await pressWithKeyboard(page, page.getByRole('button', { name: '만들기' }));
  await expect(page.getByRole('alert')).toContainText('저장하지 않았습니다. 확인할 항목: 제목');
  await expect(caret(page)).toHaveAccessibleName('제목');
});
