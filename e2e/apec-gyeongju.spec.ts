import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { pageEdges, printedText } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { chooseRecord, expect, paste } from './views.helpers.ts';

// A Korean desk officer, in the Korean interface, prepares the APEC Economic Leaders' Meeting in Gyeongju (home zone
// Asia/Seoul) on a store nobody tuned for it: a scheme of their own typed into Settings (일반 < 대외비 < 비밀), names
// in Hangul, Chinese, Japanese (kanji and kana), Spanish (two surnames, ñ) and Vietnamese, bilaterals in Gyeongju, a
// call with Lima the same day and one with Santiago still on 31 October there, sector entries with annotations, a
// desk note, and an ASEAN summit in Kuala Lumpur in the same store whose material must stay out of the Gyeongju pack.
// Bad input is typed as a hurried officer types it; every refusal is in Korean and saves nothing. The people and
// meetings are test material only.

test.use({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });

const nav = (page: Page) => page.getByRole('navigation', { name: '주 메뉴' });
const marking = (page: Page) => page.getByLabel('보안 등급', { exact: true });
const create = (page: Page) => page.getByRole('button', { name: '만들기' }).click();

const source = 'APEC 정상회의 준비 계획';
const summit = 'APEC 정상회의, 경주 2025';
const otherSummit = '아세안 정상회의, 쿠알라룸푸르 2025';

/** Name in Hangul as the desk writes it, family name first; the name in its own script; title. */
const people = [
  ['시진핑', '习近平', '중화인민공화국 주석'],
  ['이시바 시게루', '石破 茂（いしば しげる）', '일본 총리'],
  ['사토 유카리', '佐藤 ゆかり', '일본 외무성 심의관'],
  ['마리아 페르난다 페냐 이바녜스', 'María Fernanda Peña Ibáñez', '페루 외교차관'],
  ['호세 누녜스 무뇨스', 'José Núñez Muñoz', '칠레 외교부 국장'],
  ['팜민찐', 'Phạm Minh Chính', '베트남 총리'],
  ['응우옌티하잉', 'Nguyễn Thị Hằng', '베트남 외교부 차관보'],
  ['박서연', '', '외교부 양자경제외교국 서기관'],
] as const;
const labelOf = (name: string) => {
  const native = people.find(([each]) => each === name)?.[1];
  return native ? `${name} (${native})` : name;
};

async function newPerson(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: '인물 및 국가' }).click();
  await page.getByRole('link', { name: '새 인물' }).click();
}

async function openMeeting(page: Page, summitTitle: string, title: string): Promise<void> {
  await nav(page).getByRole('link', { name: '정상회의' }).click();
  await page.getByRole('link', { name: summitTitle }).first().click();
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('APEC Gyeongju, entered in the Korean interface: bad input refused in Korean, the pack read back', async ({ sherpa }, testInfo) => {
  test.setTimeout(300_000);
  const { page } = sherpa;
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const storedPeople = async () => (await callStore(page, 'person.list', {})).map((person) => person.name);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.getByLabel('본국 시간대').fill('Asia/Seoul');
  await page.getByRole('button', { name: '저장', exact: true }).first().click();
  await expect(page.getByRole('status').getByText('설정을 저장했습니다.')).toBeVisible();
  // The desk's scheme, typed over the rows Settings start with (the sample's NATO levels, renamed).
  await page.getByLabel('체계', { exact: true }).selectOption('custom');
  await page.getByRole('textbox', { name: '체계 이름' }).fill('외교부 데스크 체계');
  const rows = await page.getByRole('textbox', { name: /^\d+번째 등급 이름$/ }).count();
  for (let number = rows; number > 3; number--) await page.getByRole('button', { name: `${number}번째 등급 삭제` }).click();
  for (const [index, [level, portion]] of [
    ['일반', '일'],
    ['대외비', '대'],
    ['비밀', '비'],
  ].entries()) {
    await page.getByRole('textbox', { name: `${index + 1}번째 등급 이름` }).fill(level ?? '');
    await page.getByRole('textbox', { name: `${index + 1}번째 등급의 문단 표시` }).fill(portion ?? '');
  }
  await page.getByRole('button', { name: '보안 등급 적용' }).click();
  const applied = page.getByRole('status').getByText('보안 등급을 저장했습니다.');
  const confirm = page.getByRole('button', { name: /^적용하고/ });
  await expect(applied.or(confirm)).toBeVisible();
  if (await confirm.isVisible()) await confirm.click();
  await expect(applied).toBeVisible();

  await nav(page).getByRole('link', { name: '출처' }).click();
  await page.getByRole('link', { name: '새 출처' }).click();
  await page.getByLabel('제목').fill(source);
  await page.getByLabel('발행처').fill('외교부 APEC 준비기획단');
  await page.getByLabel('발행일').fill('2025-10-01');
  await marking(page).selectOption('일반');
  await create(page);
  await expect(page.getByRole('listitem').filter({ hasText: source })).toBeVisible();

  // Every optional field left blank: a name and a marking are enough.
  await newPerson(page);
  await page.getByLabel('이름', { exact: true }).fill('김민준');
  await marking(page).selectOption('일반');
  await create(page);
  await expect(page.getByRole('heading', { level: 1, name: '김민준' })).toBeVisible();

  // The same name pasted decomposed (Hangul jamo, as macOS file names give it) is the same name: warned of.
  await newPerson(page);
  const name = page.getByLabel('이름', { exact: true });
  await name.fill('김민준'.normalize('NFD'));
  await expect(page.getByRole('list', { name: '같은 이름의 인물' })).toContainText('(일)김민준');
  // Too long, and a zero-width space with a tab pasted from a chat: refused at the field, in Korean, nothing saved.
  await name.fill('가'.repeat(400));
  await create(page);
  await expect(page.getByText('너무 깁니다: 400자이며 최대 200자입니다.')).toBeVisible();
  await expect(page.getByText('저장하지 않았습니다. 확인할 항목: 이름.')).toBeVisible();
  await name.fill('');
  await name.focus();
  await paste(page, '박\u200b서연\t');
  await create(page);
  await expect(page.getByText(/보이지 않는 문자\(방향 재정의·격리 문자 또는 폭 없는 공백\)가 있어/)).toBeVisible();
  await shot('person-refused');
  expect(await storedPeople()).toEqual(['Jens Stoltenberg', 'Lee Do Woon', 'Yoon Suk Yeol', '김민준']);
  await page.getByRole('button', { name: '취소' }).click();

  for (const [personName, nativeName, title] of people) {
    await newPerson(page);
    await page.getByLabel('이름', { exact: true }).fill(personName);
    await page.getByLabel('현지 표기 이름').fill(nativeName);
    await page.getByLabel('직함').fill(title);
    await page.getByLabel('약력').fill(`${personName}: 경력 요약.`);
    await marking(page).selectOption('일반');
    await chooseRecord(page.getByLabel('출처', { exact: true }), source);
    await create(page);
    await expect(page.getByRole('heading', { level: 1, name: personName })).toBeVisible();
  }
  // Listed in the order of the Korean alphabet (가나다), each with the name in its own script beside it.
  await nav(page).getByRole('link', { name: '인물 및 국가' }).click();
  const listed = page.getByRole('heading', { name: '인물', exact: true }).locator('xpath=following-sibling::*[1]').getByRole('link');
  await expect
    .poll(async () => (await listed.allInnerTexts()).filter((text) => /\p{Script=Hangul}/u.test(text.slice(0, 1))))
    .toEqual(['김민준', ...people.map(([each]) => labelOf(each)).sort((a, b) => a.localeCompare(b, 'ko'))]);

  await nav(page).getByRole('link', { name: '정상회의' }).click();
  await page.getByRole('link', { name: '새 정상회의' }).first().click();
  await page.getByLabel('제목').fill(summit);
  await page.getByLabel('도시').fill('경주');
  await page.getByLabel('시작일').fill('2025-10-31');
  await page.getByLabel('종료일').fill('2025-11-01');
  await page.getByLabel(/시간대/).fill('Asia/Seoul');
  await page.getByLabel('설명').fill('APEC 경제지도자회의. 경주 화백컨벤션센터.');
  await marking(page).selectOption('대외비');
  await create(page);
  await expect(page.getByRole('heading', { level: 1, name: summit })).toBeVisible();

  // The call with Santiago first typed on the night Chile moves its clocks forward (00:30 does not exist there),
  // its duration in full-width digits as a Korean input method gives them.
  await page.getByRole('link', { name: '새 회담' }).click();
  await page.getByLabel('제목').fill('칠레 화상통화 (누녜스)');
  await page.getByLabel('날짜 (현지)').fill('2025-09-07');
  const time = page.getByLabel('시각 (현지)');
  await time.fill('00:30');
  await page.getByLabel(/시간대/).fill('America/Santiago');
  const duration = page.getByLabel('소요 시간(분)');
  await duration.pressSequentially('３０');
  await expect(duration).toHaveValue('30');
  await chooseRecord(page.getByLabel('상대방', { exact: true }), labelOf('호세 누녜스 무뇨스'));
  await marking(page).selectOption('대외비');
  await create(page);
  await expect(time).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('이 시간대에서는 그날 시계를 앞당기므로 이 시각이 존재하지 않습니다. 다른 시각을 고르세요.')).toBeVisible();
  await expect(page.getByText('저장하지 않았습니다. 확인할 항목: 시각 (현지).')).toBeVisible();
  // Nor is a time in Seoul worked out from a time that never comes in Santiago.
  await expect(page.getByText('정상회의 개최지 시각 (Asia/Seoul):')).toHaveCount(0);
  // The time is a text field read alike in every browser language (round 35): the full-width digits a Korean input
  // method gives are read as the time they spell, and shown as such once the caret leaves.
  await time.selectText();
  await page.keyboard.type('１２３０');
  await time.blur();
  await expect(time).toHaveValue('12:30');
  await shot('santiago-refused');
  expect((await callStore(page, 'summit.list', {})).find((each) => each.title === summit)).toBeDefined();
  // 20:00 on 31 October in Santiago is 08:00 on 1 November in Seoul.
  await page.getByLabel('날짜 (현지)').fill('2025-10-31');
  await time.fill('20:00');
  await expect(page.getByRole('status').filter({ hasText: '정상회의 개최지 시각 (Asia/Seoul):' })).toContainText(
    '2025년 11월 1일 (토) 08:00 KST',
  );
  await create(page);
  await expect(page.getByRole('heading', { level: 1, name: '칠레 화상통화 (누녜스)' })).toBeVisible();

  for (const [title, date, at, zone, counterpart, level] of [
    ['한-중 양자회담', '2025-10-31', '14:00', '', '시진핑', '비밀'],
    ['한-일 양자회담', '2025-11-01', '09:30', '', '이시바 시게루', '대외비'],
    ['페루 화상통화 (페냐)', '2025-10-31', '07:00', 'America/Lima', '마리아 페르난다 페냐 이바녜스', '대외비'],
    ['한-베트남 양자회담', '2025-11-01', '15:00', '', '팜민찐', '대외비'],
  ] as const) {
    await nav(page).getByRole('link', { name: '정상회의' }).click();
    await page.getByRole('link', { name: summit }).first().click();
    await page.getByRole('link', { name: '새 회담' }).click();
    await page.getByLabel('제목').fill(title);
    await page.getByLabel('날짜 (현지)').fill(date);
    await page.getByLabel('시각 (현지)').fill(at);
    if (zone) await page.getByLabel(/시간대/).fill(zone);
    await page.getByLabel('장소', { exact: true }).fill(zone ? '서울 외교부 화상회의실' : '경주 화백컨벤션센터');
    await chooseRecord(page.getByLabel('상대방', { exact: true }), labelOf(counterpart));
    await marking(page).selectOption(level);
    await chooseRecord(page.getByLabel('출처', { exact: true }), source);
    await create(page);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
  await nav(page).getByRole('link', { name: '정상회의' }).click();
  await page.getByRole('link', { name: summit }).first().click();
  await expect(page.getByText('본국 시각 (Asia/Seoul): 2025년 11월 1일 (토) 08:00 KST – 08:30 KST')).toBeVisible();
  await shot('summit');

  await openMeeting(page, summit, '한-중 양자회담');
  for (const [section, text] of [
    ['우리 측 목표', '1. 공급망 안정 협력 확인\n2. 한반도 비핵화 협력 요청'],
    ['말씀 자료', '- 시진핑 주석의 방한 환영\n- **핵심 광물** 수출 통제 완화 요청'],
    ['방어 논리', '문제 제기 시: 사드 관련 기존 입장 유지'],
  ] as const) {
    await page.getByRole('button', { name: `${section} 편집` }).click();
    await page.getByLabel(`${section} 내용`).fill(text);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('button', { name: `${section} 편집` })).toBeVisible();
  }
  await page.getByRole('button', { name: '이 회담용 시진핑 약력 쓰기' }).click();
  await page.getByLabel('이 회담용 약력: 시진핑').fill('2013년부터 국가주석. 2014년 방한.');
  await page.getByRole('button', { name: '저장', exact: true }).click();
  await expect(page.getByText('2013년부터 국가주석. 2014년 방한.')).toBeVisible();
  await page.getByRole('button', { name: '참석자 편집' }).click();
  for (const [index, [person, side, role]] of [
    ['시진핑', '상대 측', '주석'],
    ['박서연', '우리 측', '기록'],
    ['김민준', '우리 측', '통역'],
  ].entries()) {
    await page.getByRole('button', { name: '참석자 추가' }).click();
    await chooseRecord(page.getByLabel(`${index + 1}행 인물`, { exact: true }), labelOf(person ?? ''));
    await page.getByLabel(`${index + 1}행 측`).selectOption({ label: side ?? '' });
    await page.getByLabel(`${index + 1}행 역할`).fill(role ?? '');
  }
  await page.getByRole('button', { name: '저장', exact: true }).click();
  await expect(page.getByRole('link', { name: '박서연' }).first()).toBeVisible();

  // A follow-up due on 30 February: refused by name, in Korean. Corrected, it is saved unmarked (the desk's scheme
  // starts new records unmarked): the pack will ask for it.
  await page.getByRole('link', { name: '후속 조치 추가' }).click();
  await page.getByLabel('설명').fill('면담록 본부 송부');
  await page.getByLabel('담당자').fill('박서연');
  const due = page.getByLabel('기한');
  await due.focus();
  await page.keyboard.type('02302026');
  await create(page);
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('“기한”은(는) 존재하지 않는 날짜입니다(예: 2월 30일, 4월 31일). 실제 날짜를 입력하세요.')).toBeVisible();
  const followUps = async () => (await callStore(page, 'dashboard.get', {})).openFollowUps.map((followUp) => followUp.description);
  expect(await followUps()).not.toContain('면담록 본부 송부');
  await due.fill('2025-11-03');
  await create(page);
  await expect(page.getByText('면담록 본부 송부')).toBeVisible();
  await shot('brief');

  // Another summit in the same store, marked higher, with a meeting and a sector entry of its own.
  await nav(page).getByRole('link', { name: '정상회의' }).click();
  await page.getByRole('link', { name: '새 정상회의' }).first().click();
  await page.getByLabel('제목').fill(otherSummit);
  await page.getByLabel('시작일').fill('2025-10-26');
  await page.getByLabel('종료일').fill('2025-10-28');
  await page.getByLabel(/시간대/).fill('Asia/Kuala_Lumpur');
  await marking(page).selectOption('비밀');
  await create(page);
  await page.getByRole('link', { name: '새 회담' }).click();
  await page.getByLabel('제목').fill('쿠알라룸푸르: 한-베트남 약식회담');
  await page.getByLabel('날짜 (현지)').fill('2025-10-27');
  await page.getByLabel('시각 (현지)').fill('11:00');
  await chooseRecord(page.getByLabel('상대방', { exact: true }), labelOf('응우옌티하잉'));
  await marking(page).selectOption('비밀');
  await create(page);
  await expect(page.getByRole('heading', { level: 1, name: '쿠알라룸푸르: 한-베트남 약식회담' })).toBeVisible();

  await nav(page).getByRole('link', { name: '협력 분야' }).click();
  await page.getByRole('link', { name: '새 프로그램' }).click();
  await page.getByLabel('약칭(예: ITPP)').fill('APEC');
  await page.getByLabel('이름', { exact: true }).fill('APEC 경제안보 협력');
  await marking(page).selectOption('일반');
  await create(page);
  for (const sector of ['비확산', '사이버 방위', '공급망 안보']) {
    await nav(page).getByRole('link', { name: '협력 분야' }).click();
    await page.getByRole('region', { name: 'APEC – APEC 경제안보 협력' }).getByRole('link', { name: '새 분야' }).click();
    await page.getByLabel('이름', { exact: true }).fill(sector);
    await marking(page).selectOption('대외비');
    await create(page);
    await expect(page.getByRole('heading', { level: 1, name: sector })).toBeVisible();
  }
  // On 공급망 안보's page: one entry dated during each summit, each annotated under its own marking.
  for (const [date, title, level, annotation] of [
    ['2025-10-31', '경주: 공급망 회복력 공동성명 초안 합의', '대외비', '중국 측 문안 수정 요구 예상.'],
    ['2025-10-27', '쿠알라룸푸르: 희토류 수출통제 논의', '비밀', '아세안 회의 한정.'],
  ] as const) {
    await page.getByRole('link', { name: '새 항목' }).click();
    await page.getByLabel('날짜', { exact: true }).fill(date);
    await page.getByLabel('제목', { exact: true }).fill(title);
    await chooseRecord(page.getByLabel('출처', { exact: true }), source);
    await marking(page).selectOption(level);
    await create(page);
    const article = page.getByRole('article', { name: new RegExp(title) });
    await article.getByRole('button', { name: '주석 추가' }).click();
    await article.getByRole('textbox', { name: '주석 내용', exact: true }).fill(annotation);
    await article.getByRole('combobox', { name: '보안 등급' }).selectOption(level);
    await expect(article.locator('[data-save-state]').first()).toHaveText('저장됨');
    await article.getByRole('button', { name: '완료' }).click();
    await expect(article.getByText('주석 1건')).toBeVisible();
  }
  await shot('sector');

  await nav(page).getByRole('link', { name: '메모' }).click();
  await page.getByRole('button', { name: '새 메모' }).click();
  const editor = page.getByRole('group', { name: '메모 편집기' });
  await editor.getByLabel('제목').fill('경주 현지 동선');
  await editor.getByRole('textbox', { name: '메모 내용' }).fill('숙소→화백컨벤션센터 15분. 통역 부스 2번.');
  await editor.getByLabel('보안 등급').selectOption('일반');
  await chooseRecord(editor.getByLabel('연결 대상'), `정상회의: ${summit}`);
  await expect(editor.getByText('연결을 저장했습니다.')).toBeVisible();

  // Search finds a Hangul name by any of its syllables, a name by its own script, and Latin names typed without
  // their accents, a Korean keyboard's habit.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: '검색' });
  const results = page.locator('.search-results li');
  for (const [typed, found] of [
    ['진핑', '시진핑'],
    ['시', '이시바 시게루'],
    ['习近平', '시진핑'],
    // As a Korean desk's hanja input writes him: traditional characters for the simplified ones stored.
    ['習近平', '시진핑'],
    ['石破', '이시바 시게루'],
    ['いしば', '이시바 시게루'],
    ['ゆかり', '사토 유카리'],
    ['Pham Minh Chinh', '팜민찐'],
    ['Nguyen Thi Hang', '응우옌티하잉'],
    ['Nunez Munoz', '호세 누녜스 무뇨스'],
    ['Pena Ibanez', '마리아 페르난다 페냐 이바녜스'],
    ['공급망', '경주: 공급망 회복력 공동성명 초안 합의'],
    ['김민준'.normalize('NFD'), '김민준'],
  ] as const)
    await expect(async () => {
      await search.fill(typed);
      await expect(results.filter({ hasText: found }).first().locator('mark').first(), `“${typed}” finds ${found}`).toBeVisible({
        timeout: 2_000,
      });
    }).toPass();
  await page.keyboard.press('Escape');

  // Deleting the source everything cites: the dialog says what refers to it, in Korean; cancelled, nothing changes.
  await nav(page).getByRole('link', { name: '출처' }).click();
  await page.getByRole('listitem').filter({ hasText: source }).getByRole('button', { name: '삭제' }).click();
  const dialog = page.getByRole('alertdialog', { name: `${source}을(를) 삭제할까요?` });
  await expect(dialog).toContainText('인물 8명 (남지만 연결이 끊김)');
  await expect(dialog).toContainText('분야 항목 2개 (함께 삭제됨)');
  await expect(dialog).toContainText('주석 2개 (함께 휴지통으로 이동)');
  await dialog.getByRole('button', { name: '취소' }).click();
  expect((await callStore(page, 'source.list', {})).map((each) => each.title)).toContain(source);

  await nav(page).getByRole('link', { name: '브리핑 자료' }).click();
  await page.getByRole('button', { name: '새 자료' }).click();
  await page.getByLabel('자료 이름').fill('경주 APEC 자료');
  await page.getByLabel('표지 제목').fill('APEC 정상회의 경주 2025: 양자회담 자료');
  await chooseRecord(page.getByLabel('정상회의', { exact: true }), summit);
  await expect(page.getByRole('button', { name: /쿠알라룸푸르/ })).toHaveCount(0);
  for (const button of [
    '추가: 전체 브리핑 — 한-중 양자회담',
    '추가: 전체 브리핑 — 한-일 양자회담',
    '추가: 요약 카드 — 페루 화상통화 (페냐)',
    '추가: 요약 카드 — 칠레 화상통화 (누녜스)',
    '추가: 요약 카드 — 한-베트남 양자회담',
    '추가: 공급망 안보',
    '추가: 연표',
    '추가: 인물 약력 (자료에 든 회담의 모든 참석자)',
    '추가: 출처',
    '추가: 메모',
  ])
    await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('button', { name: '저장', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '“경주 APEC 자료”을(를) 저장했습니다.' })).toBeVisible();
  // The unmarked follow-up holds the export back, named in Korean; Will print says so in Korean too.
  const willPrint = page.getByRole('list', { name: '인쇄될 내용', exact: true });
  await expect(willPrint).toContainText('(미표시) 후속 조치: 면담록 본부 송부');
  await expect(willPrint).toContainText(`(일) 정상회의: ${summit} · 경주 현지 동선`);
  await expect(page.getByRole('list', { name: '내보내기 전에 보안 등급을 정하세요' })).toHaveText('후속 조치: 면담록 본부 송부');
  await expect(page.getByRole('button', { name: 'PDF로 내보내기' })).toBeDisabled();
  for (const english of ['UNMARKED', 'Summit:', 'Follow-up'])
    await expect(page.locator('main'), `the builder must not say “${english}”`).not.toContainText(english);
  // The supply-chain entry dated during the ASEAN summit is that summit's: left out, and named as such.
  await expect(page.getByText(`기간의 항목 · 이 자료에서 뺌`)).toContainText(otherSummit);
  for (const foreign of ['쿠알라룸푸르', '희토류', '아세안']) await expect(willPrint).not.toContainText(foreign);
  await shot('pack-unmarked');

  await openMeeting(page, summit, '한-중 양자회담');
  const followUpRow = page.getByRole('listitem').filter({ hasText: '면담록 본부 송부' });
  await followUpRow
    .getByRole('link', { name: '편집' })
    .or(followUpRow.getByRole('button', { name: '편집' }))
    .click();
  await marking(page).selectOption('대외비');
  await page.getByRole('button', { name: '저장', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: '면담록 본부 송부' })).toContainText('(대)');
  await nav(page).getByRole('link', { name: '브리핑 자료' }).click();
  await page.getByRole('button', { name: '경주 APEC 자료', exact: true }).click();
  const exportButton = page.getByRole('button', { name: 'PDF로 내보내기' });
  await expect(exportButton).toBeEnabled();
  await shot('pack');
  await exportButton.click();
  await expect(page.getByText(/\d+쪽, 등급 비밀, [\d.]+초 만에 내보냈습니다\./)).toBeVisible({ timeout: 60_000 });
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  // Looked at: every page (Hangul, kanji and kana drawn, no empty boxes, the banner at the top and foot).
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('pack-page')]);
  fs.copyFileSync(file, testInfo.outputPath('pack.pdf'));
  const text = printedText(file);
  for (const printed of [
    'APEC 정상회의 경주 2025: 양자회담 자료',
    '(일) 시진핑 (习近平), 중화인민공화국 주석',
    '(일) 이시바 시게루 (石破 茂（いしば しげる）), 일본 총리',
    '(일) 마리아 페르난다 페냐 이바녜스 (María Fernanda Peña Ibáñez)',
    '(일) 상대방: 팜민찐 (Phạm Minh Chính), 베트남 총리',
    '2025년 10월 31일, 14:00 KST (현지)',
    '2025년 10월 31일, 07:00 GMT-5 (현지); 21:00 KST (본국)',
    '2025년 10월 31일, 20:00 GMT-3 – 20:30 GMT-3 (현지); 2025년 11월 1일, 08:00 KST – 08:30 KST (본국)',
    '핵심 광물 수출 통제 완화 요청',
    '(대) 2025년 10월 31일 — 경주: 공급망 회복력 공동성명 초안 합의',
    // The pack's own words are the desk's language too: a Korean principal's pack.
    '목차',
    '주요 사항',
    '말씀 자료',
    '중국 측 문안 수정 요구 예상.',
    '2013년부터 국가주석. 2014년 방한.',
    '(일) 경주 현지 동선',
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const foreign of [
    '쿠알라룸푸르',
    '희토류',
    '아세안 회의 한정',
    '응우옌티하잉',
    'Stoltenberg',
    'UNMARKED',
    '□',
    'Contents',
    'Key details',
  ])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  const edges = pageEdges(file);
  expect(edges.length).toBeGreaterThan(10);
  for (const [index, { top, foot }] of edges.entries()) {
    expect(top, `page ${index + 1} top`).toBe('비밀');
    expect(foot, `page ${index + 1} foot`).toBe('비밀');
  }
});
