import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { pageEdges, printedText } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { typeHangul } from './hangul.helpers.ts';
import { callStore } from './store.helpers.ts';
import { exportHandedOverCopy } from './trial.helpers.ts';
import { chooseRecord, expect } from './views.helpers.ts';

// A new desk officer at Seoul's foreign ministry (home zone Asia/Seoul), in the Korean interface from the first
// screen, prepares the principal for a Korea–Central Asia summit in Ulaanbaatar with a side meeting in Almaty and a
// bilateral in Tashkent, under the ROK scheme (일반 < 대외비 < 3급비밀 < 2급비밀 < 1급비밀). Every Korean word is typed as a
// Hangul input method types it: each syllable composed (ㅎ, 후, 훈) in the field before it is committed, driven through
// Chromium's own composition (CDP Input.imeSetComposition, Input.insertText). Counterparts are named in Hangul with
// their names in Mongolian Cyrillic, Kazakh and Uzbek Latin. The people and meetings are test material only.

test.use({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });

const nav = (page: Page) => page.getByRole('navigation', { name: '주 메뉴' });
const marking = (page: Page) => page.getByLabel('보안 등급', { exact: true });

const summit = '한-중앙아시아 정상회의, 울란바토르 2026';
/** Name in Hangul as the desk writes it; the name in its own script and order; title; the meeting with them. */
const people = [
  ['우흐나깅 후렐수흐', 'Ухнаагийн Хүрэлсүх', '몽골 대통령'],
  ['카심조마르트 토카예프', 'Қасым-Жомарт Тоқаев', '카자흐스탄 대통령'],
  ['샤브카트 미르지요예프', 'Shavkat Mirziyoyev', '우즈베키스탄 대통령'],
] as const;
const meetings = [
  ['한-몽골 정상회담', '2026-06-15', '10:00', '', '우흐나깅 후렐수흐', '2급비밀'],
  ['알마티 약식회담', '2026-06-16', '16:30', 'Asia/Almaty', '카심조마르트 토카예프', '3급비밀'],
  ['타슈켄트 양자회담', '2026-06-17', '11:00', 'Asia/Tashkent', '샤브카트 미르지요예프', '3급비밀'],
] as const;

test('Korea–Central Asia summit in Ulaanbaatar, typed through a Hangul input method in the Korean interface', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = sherpa;
  const ime = await page.context().newCDPSession(page);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });

  // The first screen: switched to Korean, the home zone and the ROK scheme chosen.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.getByLabel('본국 시간대').fill('Asia/Seoul');
  await page.getByRole('button', { name: '저장', exact: true }).first().click();
  await expect(page.getByRole('status').getByText('설정을 저장했습니다.')).toBeVisible();
  await page.getByLabel('체계', { exact: true }).selectOption('rok');
  await page.getByRole('button', { name: '보안 등급 적용' }).click();
  const applied = page.getByRole('status').getByText('보안 등급을 저장했습니다.');
  const confirm = page.getByRole('button', { name: /^적용하고/ });
  await expect(applied.or(confirm)).toBeVisible();
  if (await confirm.isVisible()) await confirm.click();
  await expect(applied).toBeVisible();

  // The summit typed through the input method, and Enter pressed on the city's last syllable still being composed:
  // the form is sent with the whole city, not one short of its last syllable.
  await nav(page).getByRole('link', { name: '정상회의' }).click();
  await page.getByRole('link', { name: '새 정상회의' }).first().click();
  await page.getByLabel('시작일').fill('2026-06-15');
  await page.getByLabel('종료일').fill('2026-06-17');
  await page.getByLabel(/시간대/).fill('Asia/Ulaanbaatar');
  await marking(page).selectOption('대외비');
  await page.getByLabel('제목').click();
  await typeHangul(ime, summit);
  await page.getByLabel('도시').click();
  await typeHangul(ime, '울란바토르', { composing: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: summit })).toBeVisible();
  expect((await callStore(page, 'summit.list', {})).find((each) => each.title === summit)?.city).toBe('울란바토르');

  for (const [name, nativeName, title] of people) {
    await nav(page).getByRole('link', { name: '인물 및 국가' }).click();
    await page.getByRole('link', { name: '새 인물' }).click();
    await page.getByLabel('현지 표기 이름').fill(nativeName);
    await marking(page).selectOption('대외비');
    await page.getByLabel('직함').click();
    await typeHangul(ime, title);
    await page.getByLabel('이름', { exact: true }).click();
    await typeHangul(ime, name, { composing: true });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
  for (const [title, date, time, zone, counterpart, level] of meetings) {
    await nav(page).getByRole('link', { name: '정상회의' }).click();
    await page.getByRole('link', { name: summit }).first().click();
    await page.getByRole('link', { name: '새 회담' }).click();
    await page.getByLabel('제목').fill(title);
    await page.getByLabel('날짜 (현지)').fill(date);
    await page.getByLabel('시각 (현지)').fill(time);
    if (zone) await page.getByLabel(/시간대/).fill(zone);
    const native = people.find(([each]) => each === counterpart)?.[1] ?? '';
    await chooseRecord(page.getByLabel('상대방', { exact: true }), `${counterpart} (${native})`);
    await marking(page).selectOption(level);
    await page.getByRole('button', { name: '만들기' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
  // 16:30 in Almaty (UTC+5) is 20:30 in Seoul, shown in Korean.
  await expect(page.getByRole('main')).toContainText('2026년 6월 17일');
  await nav(page).getByRole('link', { name: '정상회의' }).click();
  await page.getByRole('link', { name: summit }).first().click();
  await page.getByRole('link', { name: '알마티 약식회담' }).first().click();
  await expect(page.getByRole('main')).toContainText('20:30 KST');

  // A brief section typed through the input method: Escape that ends the syllable being composed leaves the edit
  // open with every word typed (it threw the whole edit away); Ctrl+Enter saves it.
  await page.getByRole('button', { name: '우리 측 목표 편집' }).click();
  const objectives = page.getByLabel('우리 측 목표 내용');
  await typeHangul(ime, '1. 핵심 광물 공급망 협력 확인\n2. 카자흐스탄 원전 협력', { composing: true });
  await page.keyboard.press('Escape');
  await expect(objectives).toHaveValue('1. 핵심 광물 공급망 협력 확인\n2. 카자흐스탄 원전 협력');
  // The next key commits the syllable, as the input method does.
  await ime.send('Input.insertText', { text: '력' });
  await typeHangul(ime, ' 논의');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: '우리 측 목표 편집' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('카자흐스탄 원전 협력 논의');

  // A desk note typed through the input method and left mid-syllable for another view: the store has every word.
  await nav(page).getByRole('link', { name: '메모' }).click();
  await page.getByRole('button', { name: '새 메모' }).click();
  const editor = page.getByRole('group', { name: '메모 편집기' });
  await editor.getByLabel('제목').click();
  await typeHangul(ime, '울란바토르 동선');
  await editor.getByLabel('보안 등급').selectOption('대외비');
  await chooseRecord(editor.getByLabel('연결 대상'), `정상회의: ${summit}`);
  await expect(editor.getByText('연결을 저장했습니다.')).toBeVisible();
  await editor.getByRole('textbox', { name: '메모 내용' }).click();
  await typeHangul(ime, '숙소에서 칭기스칸 광장까지 십분. 통역 부스 이번', { composing: true });
  await nav(page).getByRole('link', { name: '오늘' }).click();
  await expect
    .poll(async () => (await callStore(page, 'note.list', {})).map((note) => note.body))
    .toContain('숙소에서 칭기스칸 광장까지 십분. 통역 부스 이번');

  // Search: a Hangul name, the Mongolian and Kazakh names typed with and without their letters Russian lacks, the
  // Uzbek in Latin. Escape ending a syllable being composed leaves search open with the name half typed.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: '검색' });
  const results = page.locator('.search-results li');
  await search.focus();
  // Half a syllable (ㅅ on its way to 수) is not searched: the results found by what is typed stay.
  await typeHangul(ime, '후렐');
  await ime.send('Input.imeSetComposition', { text: 'ㅅ', selectionStart: 1, selectionEnd: 1 });
  await expect(search).toHaveValue('후렐ㅅ');
  await expect(results.filter({ hasText: '우흐나깅 후렐수흐' }).first()).toBeVisible();
  await ime.send('Input.imeSetComposition', { text: '수', selectionStart: 1, selectionEnd: 1 });
  await page.keyboard.press('Escape');
  await expect(search).toBeVisible();
  await expect(search).toHaveValue('후렐수');
  for (const [typed, found] of [
    ['후렐수흐', '우흐나깅 후렐수흐'],
    ['Хүрэлсүх', '우흐나깅 후렐수흐'],
    ['Хурэлсух', '우흐나깅 후렐수흐'],
    ['Тоқаев', '카심조마르트 토카예프'],
    ['Токаев', '카심조마르트 토카예프'],
    ['Mirziyoyev', '샤브카트 미르지요예프'],
    ['원전', '알마티 약식회담'],
  ] as const)
    await expect(async () => {
      await search.fill(typed);
      await expect(results.filter({ hasText: found }).first().locator('mark').first(), `“${typed}” finds ${found}`).toBeVisible({
        timeout: 2_000,
      });
    }).toPass();
  await page.keyboard.press('Escape');
  await shot('search-done');

  // Deleted and undone, in Korean.
  await nav(page).getByRole('link', { name: '정상회의' }).click();
  await page.getByRole('link', { name: summit }).first().click();
  await page.getByRole('link', { name: '타슈켄트 양자회담' }).first().click();
  await page.getByRole('button', { name: '회담 삭제' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '삭제' }).click();
  await expect(page.getByRole('status').filter({ hasText: '삭제됨: 타슈켄트 양자회담' })).toBeVisible();
  await nav(page).getByRole('link', { name: '정상회의' }).click();
  await page.getByRole('link', { name: summit }).first().click();
  const tashkent = page.getByRole('main').getByRole('link', { name: '타슈켄트 양자회담' });
  await expect(tashkent).toHaveCount(0);
  await page.getByRole('button', { name: '실행 취소' }).click();
  // Undone, the meeting is back, and open again.
  await expect(page.getByRole('heading', { level: 1, name: '타슈켄트 양자회담' })).toBeVisible();

  await nav(page).getByRole('link', { name: '브리핑 자료' }).click();
  await page.getByRole('button', { name: '새 자료' }).click();
  await page.getByLabel('자료 이름').fill('울란바토르 자료');
  await page.getByLabel('표지 제목').click();
  await typeHangul(ime, '한-중앙아시아 정상회의 대통령 말씀 자료');
  await chooseRecord(page.getByLabel('정상회의', { exact: true }), summit);
  for (const [title] of meetings) await page.getByRole('button', { name: `추가: 전체 브리핑 — ${title}`, exact: true }).click();
  await page.getByRole('button', { name: '추가: 메모', exact: true }).click();
  await page.getByRole('button', { name: '저장', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '“울란바토르 자료”을(를) 저장했습니다.' })).toBeVisible();
  await shot('pack');
  const exportButton = page.getByRole('button', { name: 'PDF로 내보내기' });
  await exportButton.click();
  await expect(page.getByText(/\d+쪽, 등급 2급비밀, [\d.]+초 만에 내보냈습니다\./)).toBeVisible({ timeout: 60_000 });
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  for (const printed of [
    '한-중앙아시아 정상회의 대통령 말씀 자료',
    '우흐나깅 후렐수흐 (Ухнаагийн Хүрэлсүх), 몽골 대통령',
    '카심조마르트 토카예프 (Қасым-Жомарт Тоқаев)',
    '샤브카트 미르지요예프 (Shavkat Mirziyoyev)',
    '카자흐스탄 원전 협력 논의',
    '숙소에서 칭기스칸 광장까지 십분. 통역 부스 이번',
    '목차',
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const foreign of ['Stoltenberg', 'Vilnius', 'UNMARKED', 'Contents', '□']) expect(text, `not “${foreign}”`).not.toContain(foreign);
  for (const [index, { top, foot }] of pageEdges(file).entries()) {
    expect(top, `page ${index + 1} top`).toBe('2급비밀');
    expect(foot, `page ${index + 1} foot`).toBe('2급비밀');
  }

  // The command line in a Korean locale, on a read-only copy handed over: the same pack, untouched copy.
  const lang = process.env.LANG;
  process.env.LANG = 'ko_KR.UTF-8';
  try {
    const cli = await exportHandedOverCopy(sherpa.dataDir, testInfo, { name: '울란바토르 자료' });
    expect(cli).toContain('우흐나깅 후렐수흐 (Ухнаагийн Хүрэлсүх), 몽골 대통령');
    expect(cli).not.toContain('Stoltenberg');
  } finally {
    if (lang === undefined) delete process.env.LANG;
    else process.env.LANG = lang;
  }
  fs.copyFileSync(file, testInfo.outputPath('pack.pdf'));
});
