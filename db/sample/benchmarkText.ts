// Word and sentence banks for the synthetic benchmark dataset (generate.ts).
// Every country, forum and person here is fictional and every sentence is a
// generic template: the dataset measures speed at a desk's scale and states
// no fact about the real world.

/** A seeded generator (mulberry32): the same seed gives the same dataset on every machine. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const chance = (probability: number): boolean => next() < probability;
  /** `count` distinct items, in the list's order. */
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(next() * list.length));
    return [...chosen].sort((a, b) => a - b).map((index) => list[index] as T);
  };
  return { next, int, pick, chance, sample };
}
export type Random = ReturnType<typeof createRandom>;

export interface FictionalCountry {
  readonly name: string;
  readonly nativeName: string;
  readonly kind: 'country' | 'organisation';
}

export const fictionalCountries: readonly FictionalCountry[] = [
  { name: 'Republic of Arden', nativeName: '아르덴 공화국', kind: 'country' },
  { name: 'Kingdom of Velmora', nativeName: '벨모라 왕국', kind: 'country' },
  { name: 'Federal Republic of Ostrava Nova', nativeName: '오스트라바노바 연방공화국', kind: 'country' },
  { name: 'Republic of Calder', nativeName: '칼더 공화국', kind: 'country' },
  { name: 'Grand Duchy of Lorvik', nativeName: '로르비크 대공국', kind: 'country' },
  { name: 'Republic of Sundara', nativeName: '순다라 공화국', kind: 'country' },
  { name: 'Union of Meridia', nativeName: '메리디아 연합', kind: 'country' },
  { name: 'Republic of Tessaly', nativeName: '테살리 공화국', kind: 'country' },
  { name: 'Kingdom of Norhaven', nativeName: '노르헤이븐 왕국', kind: 'country' },
  { name: 'Republic of Valdoria', nativeName: '발도리아 공화국', kind: 'country' },
  { name: 'Commonwealth of Estmark', nativeName: '에스트마크 연방', kind: 'country' },
  { name: 'Republic of Korvia', nativeName: '코르비아 공화국', kind: 'country' },
  { name: 'Principality of Amberlay', nativeName: '앰버레이 공국', kind: 'country' },
  { name: 'Republic of Quillon', nativeName: '퀼론 공화국', kind: 'country' },
  { name: 'State of Marrowind', nativeName: '매로윈드 국', kind: 'country' },
  { name: 'Republic of Seloria', nativeName: '셀로리아 공화국', kind: 'country' },
  { name: 'Kingdom of Dunmere', nativeName: '던미어 왕국', kind: 'country' },
  { name: 'Republic of Halvard', nativeName: '할바드 공화국', kind: 'country' },
  { name: 'Federation of Isolde', nativeName: '이졸데 연방', kind: 'country' },
  { name: 'Republic of Brennic', nativeName: '브레닉 공화국', kind: 'country' },
  { name: 'Atlantic Security Council (fictional)', nativeName: '대서양안보이사회', kind: 'organisation' },
  { name: 'Pacific Rim Cooperation Forum (fictional)', nativeName: '환태평양협력포럼', kind: 'organisation' },
  { name: 'Northern Maritime Organisation (fictional)', nativeName: '북방해양기구', kind: 'organisation' },
  { name: 'Continental Cyber Centre (fictional)', nativeName: '대륙사이버센터', kind: 'organisation' },
];

/** Real host cities and their zones, so venue and home times exercise real time-zone rules. */
export const hostCities: readonly { city: string; timeZone: string }[] = [
  { city: 'Brussels', timeZone: 'Europe/Brussels' },
  { city: 'Vilnius', timeZone: 'Europe/Vilnius' },
  { city: 'Madrid', timeZone: 'Europe/Madrid' },
  { city: 'Washington', timeZone: 'America/New_York' },
  { city: 'Seoul', timeZone: 'Asia/Seoul' },
  { city: 'Tokyo', timeZone: 'Asia/Tokyo' },
  { city: 'Canberra', timeZone: 'Australia/Sydney' },
  { city: 'Geneva', timeZone: 'Europe/Zurich' },
  { city: 'New York', timeZone: 'America/New_York' },
  { city: 'Singapore', timeZone: 'Asia/Singapore' },
  { city: 'Jakarta', timeZone: 'Asia/Jakarta' },
  { city: 'London', timeZone: 'Europe/London' },
  { city: 'Paris', timeZone: 'Europe/Paris' },
  { city: 'Berlin', timeZone: 'Europe/Berlin' },
  { city: 'Warsaw', timeZone: 'Europe/Warsaw' },
  { city: 'Ottawa', timeZone: 'America/Toronto' },
  { city: 'Nairobi', timeZone: 'Africa/Nairobi' },
  { city: 'São Paulo', timeZone: 'America/Sao_Paulo' },
  { city: 'New Delhi', timeZone: 'Asia/Kolkata' },
  { city: 'Honolulu', timeZone: 'Pacific/Honolulu' },
];

export const forumNames: readonly string[] = [
  'Ministerial Forum',
  'Leaders’ Summit',
  'Security Dialogue',
  'Partnership Conference',
  'Defence Ministers’ Meeting',
  'Economic Cooperation Summit',
  'Foreign Ministers’ Retreat',
  'Cyber Resilience Conference',
  'Maritime Security Forum',
  'Strategic Dialogue',
];

export const koreanSurnames: readonly (readonly [string, string])[] = [
  ['Kim', '김'],
  ['Lee', '이'],
  ['Park', '박'],
  ['Choi', '최'],
  ['Jung', '정'],
  ['Kang', '강'],
  ['Cho', '조'],
  ['Yoon', '윤'],
  ['Jang', '장'],
  ['Lim', '임'],
  ['Han', '한'],
  ['Shin', '신'],
];

export const koreanGivenNames: readonly (readonly [string, string])[] = [
  ['Min-jun', '민준'],
  ['Seo-yeon', '서연'],
  ['Ji-ho', '지호'],
  ['Ha-eun', '하은'],
  ['Do-hyun', '도현'],
  ['Su-bin', '수빈'],
  ['Jae-won', '재원'],
  ['Ye-jin', '예진'],
  ['Hyun-woo', '현우'],
  ['Eun-ji', '은지'],
  ['Sung-ho', '성호'],
  ['Mi-rae', '미래'],
];

export const foreignGivenNames: readonly string[] = [
  'Anna',
  'Tomas',
  'Elena',
  'Marek',
  'Sofia',
  'Henrik',
  'Ines',
  'Lukas',
  'Amara',
  'Daniel',
  'Mireille',
  'Piotr',
  'Ingrid',
  'Rafael',
  'Yara',
  'Oskar',
];

export const foreignSurnames: readonly string[] = [
  'Varga',
  'Lindqvist',
  'Moreau',
  'Kowalczyk',
  'Okafor',
  'Haldane',
  'Petrov',
  'Castell',
  'Brandt',
  'Nakamura',
  'Oyelaran',
  'Duval',
  'Sorensen',
  'Albescu',
  'Marchetti',
  'Quist',
];

export const counterpartTitles: readonly string[] = [
  'President',
  'Prime Minister',
  'Foreign Minister',
  'Defence Minister',
  'National Security Adviser',
  'Deputy Foreign Minister',
  'Secretary General',
  'Ambassador',
  'Minister of Trade',
  'Director General for Political Affairs',
];

export const ourTitles: readonly string[] = [
  'Minister of Foreign Affairs',
  'Vice Minister of Foreign Affairs',
  'Ambassador to the Mission',
  'Director-General, European Affairs',
  'Deputy Director, Security Policy',
  'Desk Officer',
  'Note-taker',
  'Interpreter',
];

export const sectorNames: readonly string[] = [
  'Dialogue and consultation',
  'Counter-terrorism',
  'Disarmament and non-proliferation',
  'Emerging and disruptive technologies',
  'Cyber defence',
  'Public diplomacy',
  'Maritime security',
  'Climate and security',
  'Women, peace and security',
  'Civil emergency planning',
  'Defence industry cooperation',
];

export const tagWords: readonly string[] = [
  'follow-up',
  'urgent',
  'press',
  'legal',
  'budget',
  'cyber',
  'protocol',
  'readout',
  'verify',
  'minister',
  '후속조치',
  '긴급',
  '언론',
  '확인필요',
  '예산',
  '의전',
];

const englishSentences: Record<string, readonly string[]> = {
  purpose: [
    'The {counterpart} requested this meeting to review progress on {sector} since the last ministerial round in {year}.',
    'First meeting between the principal and the {counterpart} of {country} since the change of government; a chance to set the tone for the coming two years.',
    'Courtesy call requested by {country} on the margins of the {forum} in {city}, with a short substantive segment on {sector}.',
    'Our side proposed the meeting to secure {country}’s support for the joint statement on {sector} before the plenary.',
    'Pull-aside to brief the {counterpart} on the outcome of the working group and to agree next steps before the autumn review.',
  ],
  objectives: [
    'Secure agreement in principle to a joint working group on {sector}, meeting twice a year from {year}.',
    'Agree a timeline for the {project} feasibility study, led on our side by {person}.',
    'Obtain {country}’s co-sponsorship of the draft statement on {sector} and a named point of contact.',
    'Register our concern about delays to the exchange-of-letters and ask for a date for signature.',
    'Build a personal rapport with the new {counterpart}; invite them to visit Seoul in the first half of {year}.',
    'Confirm participation of {country} experts in the table-top exercise planned for the autumn.',
  ],
  theirAsks: [
    '{country} is likely to ask for our support for its candidacy to chair the {forum} working group in {year}.',
    'They may seek a commitment to fund two training courses on {sector} at their national centre.',
    'Expect a request for an early date for the next round of political consultations.',
    'They will probably ask us to join their initiative on {sector} and to second one expert for twelve months.',
    'The {counterpart} may raise market access for their defence industry and ask for a dedicated dialogue.',
  ],
  pointsToMake: [
    'Welcome the {counterpart} and thank {country} for hosting the {forum} in {city}.',
    'Our cooperation on {sector} has grown steadily; the joint exercise in {year} showed what we can do together.',
    'We value {country} as a like-minded partner and want to turn our shared views into concrete projects.',
    'Propose that officials agree terms of reference for the working group by the end of the quarter.',
    'Invite {country} to send observers to our national exercise and to share lessons learned.',
    'Stress the importance of information sharing at a level both sides are comfortable with.',
  ],
  linesToTake: [
    'On the budget question: we are committed to the programme; amounts are subject to the annual process.',
    'On the timing of signature: we want to sign as soon as both legal reviews are complete.',
    'On regional tensions: we support dialogue and full implementation of the relevant resolutions.',
    'On export controls: our rules are applied consistently to all partners, and we are open to a technical exchange.',
  ],
  defensivePoints: [
    'If raised: the delay in the exchange-of-letters is procedural, not political; our legal review concludes this quarter.',
    'If asked about the press reports on {sector}: we do not comment on leaked documents.',
    'If pressed on funding: we cannot pre-empt parliament’s decision but will keep {country} informed.',
    'If raised: the secondment request is being considered together with other partners’ requests.',
  ],
  background: [
    '- {year}: first political consultations between the two foreign ministries.',
    '- {year}: memorandum of understanding on {sector} signed in {city}.',
    '- Last contact: telephone call between the two ministers, three months ago.',
    '- {year}: {person} led the {project} expert talks.',
    '- {country} hosted the {forum} for the first time; 41 delegations attended.',
    '- Trade volume grew by roughly a tenth in the last reporting year.',
  ],
  sensitivities: [
    'The {counterpart} is sensitive to being seen as a junior partner; avoid language suggesting we set the agenda.',
    'Domestic debate in {country} about {sector} is intense; do not refer to the opposition’s position.',
    'Keep the tone warm: the previous meeting ended without a joint statement.',
    'The {counterpart} prefers to speak without notes and may switch to English without warning.',
  ],
  protocolNotes: [
    'Arrival at the bilateral room 5 minutes before; handshake and photo at the flags; principal speaks first.',
    'Seating: principal opposite the {counterpart}; interpreter behind the principal’s left shoulder.',
    'No gifts exchanged at this meeting. Short doorstep with press pool afterwards, two questions.',
    'Working lunch follows for delegations; dietary notes passed to the host’s protocol office.',
  ],
  pressLine: [
    'The two sides discussed ways to deepen cooperation on {sector} and agreed to stay in close contact.',
    'A productive meeting; we look forward to taking our partnership with {country} forward.',
    'Both sides reaffirmed their commitment to a rules-based international order and to regular dialogue.',
  ],
  outcome: [
    'The {counterpart} agreed in principle to the working group; officials to draft terms of reference.',
    '{country} will consider co-sponsoring the statement and reply through the embassy within two weeks.',
    'Warm exchange; the {counterpart} accepted the invitation to visit Seoul, dates to be fixed.',
    'No agreement on funding; both sides asked officials to prepare options before the next round.',
  ],
  entry: [
    'Officials from both sides met in {city} to review implementation of the {sector} workplan.',
    '{country} published a national strategy on {sector}, with a chapter on partnerships in the Indo-Pacific.',
    'The working group agreed a draft programme of expert exchanges for {year}, subject to budget.',
    'Joint table-top exercise held with participants from eleven ministries and agencies.',
    'The partner’s parliament approved a budget increase for {sector} of about fifteen per cent.',
    'Experts exchanged views on threat assessments and on lessons from recent incidents.',
    'A seminar for junior officials took place over three days with forty participants.',
    'The secretariat circulated a non-paper proposing closer coordination among partners.',
    '{person} presented the {project} initiative to the working group; partners asked for a costed proposal.',
    'Second round of {project} consultations in {city}, chaired by {person}.',
  ],
  note: [
    'Check with the legal division whether the draft text needs cabinet approval before signature.',
    'The counterpart’s office confirmed by phone; written confirmation still outstanding.',
    'Embassy reports the minister may be replaced in the next reshuffle; keep the brief neutral.',
    'Useful figures for the talking points are in the annex of the last working group report.',
    'Press office wants the final press line by 18:00 the day before.',
    'Spoke to {person} at the embassy: the {project} paper is with their minister, reply expected next week.',
    '{person} suggested folding {project} into the working group agenda rather than a separate track.',
    'Ask {person} for the latest figures on {project} before the brief is finalised.',
    'Raised informally at the coffee break: they are open to a second expert, not a third.',
    'Remember to thank them for the condolence message last month.',
    'The numbers in paragraph 3 differ from the ones in the fact sheet; verify before printing.',
  ],
};

const koreanSentences: Record<string, readonly string[]> = {
  purpose: [
    '{country} 측 요청으로 {forum} 계기에 {sector} 분야 협력 현황을 점검하기 위한 회담임.',
    '신정부 출범 이후 첫 고위급 면담으로, 향후 2년간 양국 관계의 방향을 설정하는 계기.',
    '본회의 전 공동성명에 대한 {country}의 지지를 확보하기 위해 아측이 제안함.',
  ],
  objectives: [
    '{sector} 분야 공동 실무그룹 설치에 대한 원칙적 합의 확보.',
    '공동성명 초안에 대한 {country}의 공동제안국 참여 및 담당자 지정 요청.',
    '신임 {counterpart}와의 개인적 유대 구축 및 {year}년 상반기 방한 초청.',
  ],
  theirAsks: [
    '{country} 측은 {year}년 실무그룹 의장국 수임에 대한 아국의 지지를 요청할 가능성.',
    '{sector} 분야 교육과정 2건에 대한 재정 지원을 요청할 것으로 예상.',
    '차기 정책협의회 조기 개최를 요청할 것으로 보임.',
  ],
  pointsToMake: [
    '{city}에서 {forum}을 개최한 {country} 측에 사의 표명.',
    '{sector} 분야 협력이 꾸준히 확대되어 왔음을 평가하고, 구체적 사업으로 발전시키자는 입장 전달.',
    '분기 말까지 실무그룹 위임사항(ToR)을 합의하자고 제안.',
    '아국 국가 훈련에 {country} 참관단 파견 초청.',
  ],
  linesToTake: [
    '예산 문제: 사업 추진 의지는 확고하나, 금액은 연례 예산 절차에 따름.',
    '서명 시기: 양측 법률 검토가 완료되는 대로 조속히 서명하기를 희망.',
  ],
  defensivePoints: [
    '문제 제기 시: 교환각서 지연은 절차적 사유이며 정치적 사유가 아님.',
    '언론 보도 관련 질문 시: 유출 문서에 대해서는 언급하지 않음.',
  ],
  background: [
    '- {year}년: 양국 외교부 간 첫 정책협의회 개최.',
    '- {year}년: {city}에서 {sector} 분야 양해각서 서명.',
    '- 최근 접촉: 3개월 전 외교장관 간 통화.',
  ],
  sensitivities: [
    '{counterpart}는 하위 파트너로 비치는 것에 민감하므로 의제를 아측이 주도한다는 표현은 지양.',
    '{country} 국내에서 {sector} 관련 논쟁이 치열하므로 야당 입장 언급 자제.',
  ],
  protocolNotes: [
    '회담장 5분 전 도착, 국기 앞 악수 및 사진 촬영 후 아측 대표가 먼저 발언.',
    '통역은 대표 좌측 후방 착석. 회담 후 풀기자단 대상 약식 회견(질문 2개).',
  ],
  pressLine: [
    '양측은 {sector} 분야 협력 심화 방안을 논의하고 긴밀히 소통해 나가기로 함.',
    '양측은 규범 기반 국제질서와 정례 대화에 대한 의지를 재확인함.',
  ],
  outcome: [
    '{counterpart}는 실무그룹 설치에 원칙적으로 동의함. 실무진이 위임사항 초안 작성 예정.',
    '{country} 측은 공동제안국 참여를 검토 후 2주 내 대사관을 통해 회신하기로 함.',
  ],
  entry: [
    '양측 실무진이 {city}에서 만나 {sector} 분야 작업계획 이행 상황을 점검함.',
    '{country} 정부가 {sector} 국가전략을 발표하고 인도태평양 협력에 관한 장을 포함함.',
    '실무그룹은 {year}년 전문가 교류 프로그램 초안에 합의함(예산 확보 전제).',
    '11개 부처 및 기관이 참여한 합동 도상훈련 실시.',
    '{person} 주재로 {city}에서 {project} 2차 협의 개최.',
  ],
  note: [
    '서명 전 국무회의 의결이 필요한지 조약과에 확인 요망.',
    '상대측 비서실에서 유선으로 확인함. 서면 확인은 아직 미접수.',
    '대사관 보고에 따르면 차기 개각 시 장관 교체 가능성 있음. 자료는 중립적으로 작성.',
    '언론 대응 문안은 전날 18시까지 대변인실에 전달 필요.',
    '3항의 수치가 팩트시트와 다름. 인쇄 전 확인할 것.',
    '{person} 참사관과 통화: {project} 문서는 장관 검토 중이며 다음 주 회신 예정.',
  ],
};

const projectWords = [
  'Kestrel',
  'Harbour',
  'Lantern',
  'Meridian',
  'Granite',
  'Aurora',
  'Compass',
  'Beacon',
  'Cedar',
  'Falcon',
  'Tidewater',
  'Summit Gate',
];

/** A fictional official, in the script their name is written in. */
export function fictionalPerson(random: Random): string {
  if (random.chance(0.4)) {
    const [, surname] = random.pick(koreanSurnames);
    const [, given] = random.pick(koreanGivenNames);
    return `${surname}${given}`;
  }
  return `${random.pick(foreignGivenNames)} ${random.pick(foreignSurnames)}`;
}

/** A project code such as "Lantern-27": a rare word, as real codenames are. */
export function projectCode(random: Random): string {
  return `${random.pick(projectWords)}-${random.int(1, 99)}`;
}

export type TextKind = keyof typeof englishSentences;

export interface TextContext {
  readonly country: string;
  readonly counterpart: string;
  readonly sector: string;
  readonly city: string;
  readonly forum: string;
  readonly year: number;
  /** A fictional official's name and a project code: they give the text a realistic long tail of rare words. */
  readonly person: string;
  readonly project: string;
}

function fill(template: string, context: TextContext): string {
  return template.replace(/\{(\w+)\}/g, (_, key: keyof TextContext) => String(context[key]));
}

/**
 * Several sentences of one kind, in one language. Points to make come
 * numbered and background as a staccato list, as a desk officer writes them.
 */
export function compose(random: Random, kind: TextKind, korean: boolean, context: TextContext, min: number, max: number): string {
  const bank = (korean ? koreanSentences : englishSentences)[kind] ?? englishSentences[kind] ?? [];
  const sentences = random.sample(bank, random.int(min, max)).map((sentence) => fill(sentence, context));
  if (kind === 'pointsToMake') return sentences.map((sentence, index) => `${index + 1}. ${sentence}`).join('\n');
  if (kind === 'background') return sentences.join('\n');
  return sentences.join(' ');
}
