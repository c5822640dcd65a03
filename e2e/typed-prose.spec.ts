import { test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expect, expectNoSeriousViolations } from './views.helpers.ts';

// What the pack prints as bold, italic and lists (main/pdf/template/prose.ts)
// shows so on the record's own page, not as asterisks and dashes.

test('a biography and a sector summary typed with **bold**, *italic* and "- " lines show as the pack prints them', async ({
  sherpa,
}, testInfo) => {
  const { page } = sherpa;
  const yoon = (await callStore(page, 'person.list', {})).find((person) => person.name === 'Yoon Suk Yeol');
  if (!yoon) throw new Error('The sample holds President Yoon');
  await goTo(page, `#/edit/person/${yoon.id}`);
  await page
    .getByRole('textbox', { name: 'Biography', exact: true })
    .fill(
      '**President of the Republic of Korea** since May 2022; *former Prosecutor General*.\n- Hosted the 2024 Summit for Democracy\n- Growth target of 5 * 3 per cent*, set by the desk_officer_name team',
    );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const biography = page.getByRole('region', { name: 'Biography' });
  await expect(biography.locator('strong')).toHaveText('President of the Republic of Korea');
  await expect(biography.locator('em')).toHaveText('former Prosecutor General');
  await expect(biography.getByRole('listitem')).toHaveText([
    'Hosted the 2024 Summit for Democracy',
    'Growth target of 5 * 3 per cent*, set by the desk_officer_name team',
  ]);
  await expect(biography).not.toContainText('**');
  await page.screenshot({ path: testInfo.outputPath('biography-formatted.png') });
  await expectNoSeriousViolations(page, 'a formatted biography');

  const sector = (await callStore(page, 'programme.list', {})).flatMap((each) => each.sectors)[0];
  if (!sector) throw new Error('The sample holds a sector');
  await goTo(page, `#/edit/sector/${sector.id}`);
  await page.getByRole('textbox', { name: 'State of play', exact: true }).fill('Talks resumed.\n1. **Cyber** first\n2. _Then_ maritime');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const summary = page.getByRole('region', { name: /State of play/ });
  await expect(summary.getByRole('listitem')).toHaveText(['Cyber first', 'Then maritime']);
  await expect(summary.locator('ol strong')).toHaveText('Cyber');
  await expect(summary.locator('ol em')).toHaveText('Then');
  await page.screenshot({ path: testInfo.outputPath('sector-summary-formatted.png') });
});
