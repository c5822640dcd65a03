import { createContext, useContext } from 'react';
import type { BriefSection, FollowUpStatus, MeetingFormat, MeetingStatus, PressAccess } from '../../../shared/domain.ts';
import { followUpStatusNames, meetingFormatNames, meetingStatusNames, pressAccessNames } from '../../../shared/englishLabels.ts';
import { followUpStatusNamesKo, meetingFormatNamesKo, meetingStatusNamesKo, pressAccessNamesKo } from '../../../shared/koreanLabels.ts';
import type { SectionContent } from '../packContent.ts';
import { formatDate, formatDateRange, formatDuration, meetingWhen, type PackLanguage } from './format.ts';

// The pack's own words (headings, labels, the cover's handling line, the page furniture), in the desk's interface
// language: a Korean desk's principal read "Key details", "Points to make" and "Page 3 of 40" round Korean text.
// What the desk typed prints as typed; markings are the scheme's, never translated.

export interface PackWords {
  language: PackLanguage;
  date: (isoDate: string, precision?: Parameters<typeof formatDate>[1]) => string;
  dateRange: (start: string, end: string) => string;
  duration: (minutes: number | null) => string;
  when: (meeting: Parameters<typeof meetingWhen>[0], homeTimeZone: string, summitTimeZone: string | null) => string;
  cover: {
    kicker: string;
    principal: string;
    venue: string;
    recipient: string;
    notSpecified: string;
    prepared: string;
    classification: string;
    handling: (banner: string) => string;
  };
  furniture: {
    prepared: (date: string) => string;
    /** Around the page number and the page count: "Page 3 of 40", "3 / 40쪽". */
    page: readonly [before: string, between: string, after: string];
    copy: (number: number | null) => string;
    /** Before the recipient of a stamped copy. */
    copyFor: string;
  };
  contents: { heading: string; kinds: Record<SectionContent['kind'], string>; pocketCard: string };
  meeting: {
    keyDetails: string;
    participants: string;
    noParticipants: string;
    mark: string;
    side: string;
    name: string;
    title: string;
    role: string;
    ourSide: string;
    theirSide: string;
    when: string;
    duration: string;
    venue: string;
    notSet: string;
    format: string;
    interpreters: string;
    press: string;
    status: string;
    counterpart: string;
    counterpartLabel: string;
    counterpartNotSet: string;
    briefHeadings: Record<BriefSection, string>;
    purpose: string;
    followUps: string;
    action: string;
    owner: string;
    due: string;
    staffNotes: string;
    pocketCard: string;
    formats: Record<MeetingFormat, string>;
    statuses: Record<MeetingStatus, string>;
    pressAccess: Record<PressAccess, string>;
    followUpStatuses: Record<FollowUpStatus, string>;
  };
  sector: {
    stateOfPlay: string;
    ourPosition: string;
    recentDevelopments: string;
    /** Said when no entry prints: none recorded (0), or all the sector's entries left out of this pack. */
    noEntries: (leftOut: number) => string;
  };
  timeline: {
    caption: (from: string | null, to: string | null) => string;
    noEvents: string;
    date: string;
    event: string;
    sourceSays: string;
    origins: { event: string; meeting: string; sectorEntry: string };
  };
  biographies: { noOne: string; titleNotSet: string; noBiography: string; writtenFor: (what: string) => string };
  sources: { none: string; title: string; publisher: string; where: string };
  notes: { none: string };
  parts: { staffNote: string; tags: (tags: readonly string[]) => string; source: string; noneRecorded: string };
  /** Headings the gathering writes: section titles, note groups, and what a pack's own biography is written for. */
  headings: {
    timeline: string;
    biographies: string;
    notes: string;
    sources: string;
    onSummit: (title: string) => string;
    onMeeting: (title: string) => string;
    onSector: (name: string) => string;
    thisPack: string;
    /** A meeting's venue, under its title in the timeline. */
    venueOf: (venue: string) => string;
  };
}

const dated = (language: PackLanguage) => ({
  language,
  date: (isoDate: string, precision?: Parameters<typeof formatDate>[1]) => formatDate(isoDate, precision, language),
  dateRange: (start: string, end: string) => formatDateRange(start, end, language),
  duration: (minutes: number | null) => formatDuration(minutes, language),
  when: (meeting: Parameters<typeof meetingWhen>[0], homeTimeZone: string, summitTimeZone: string | null) =>
    meetingWhen(meeting, homeTimeZone, summitTimeZone, language),
});

const en: PackWords = {
  ...dated('en'),
  cover: {
    kicker: 'Briefing pack',
    principal: 'Principal',
    venue: 'Venue',
    recipient: 'Recipient',
    notSpecified: 'Not specified',
    prepared: 'Prepared',
    classification: 'Classification',
    handling: (banner) =>
      `Every page carries the highest classification of anything in this pack (${banner}); each section’s heading carries the highest portion mark of what it holds, and each part of a section (a brief’s heading, an entry, a note, a person) carries its own. ` +
      'Handle, store and destroy this pack according to that marking.',
  },
  furniture: {
    prepared: (date) => `Prepared ${date}`,
    page: ['Page ', ' of ', ''],
    copy: (number) => (number === null ? 'Unregistered copy' : `Copy ${number}`),
    copyFor: 'for',
  },
  contents: {
    heading: 'Contents',
    kinds: { meeting: 'Meeting', sector: 'Sector brief', timeline: 'Annex', biographies: 'Annex', sources: 'Annex', notes: 'Notes' },
    pocketCard: 'Pocket card',
  },
  meeting: {
    keyDetails: 'Key details',
    participants: 'Participants',
    noParticipants: 'No participants recorded.',
    mark: 'Mark',
    side: 'Side',
    name: 'Name',
    title: 'Title',
    role: 'Role',
    ourSide: 'Our side',
    theirSide: 'Their side',
    when: 'When',
    duration: 'Duration',
    venue: 'Venue',
    notSet: 'Not set',
    format: 'Format',
    interpreters: 'Interpreters',
    press: 'Press',
    status: 'Status',
    counterpart: 'Counterpart',
    counterpartLabel: 'Counterpart: ',
    counterpartNotSet: 'Counterpart: not set.',
    briefHeadings: {
      purpose: 'Purpose and scope',
      objectives: 'Our objectives',
      theirAsks: 'Their likely objectives and asks',
      pointsToMake: 'Points to make',
      linesToTake: 'Lines to take',
      defensivePoints: 'Defensive points (if raised)',
      background: 'Background',
      sensitivities: 'Sensitivities and handling',
      protocolNotes: 'Protocol and logistics',
      pressLine: 'Press line',
      outcome: 'Outcome (record of conversation)',
    },
    purpose: 'Purpose',
    followUps: 'Follow-up actions',
    action: 'Action',
    owner: 'Owner',
    due: 'Due',
    staffNotes: 'Staff notes',
    pocketCard: 'Pocket card',
    formats: meetingFormatNames,
    statuses: meetingStatusNames,
    pressAccess: pressAccessNames,
    followUpStatuses: followUpStatusNames,
  },
  sector: {
    stateOfPlay: 'State of play',
    ourPosition: 'Our position',
    recentDevelopments: 'Recent developments',
    noEntries: (leftOut) =>
      leftOut === 0
        ? 'No entries recorded.'
        : leftOut === 1
          ? 'No entries in this pack: the sector’s one entry was left out.'
          : `No entries in this pack: the sector’s ${leftOut} entries were left out.`,
  },
  timeline: {
    caption: (from, to) => {
      const range =
        from && to
          ? `From ${formatDate(from)} to ${formatDate(to)}.`
          : from
            ? `From ${formatDate(from)}.`
            : to
              ? `Up to ${formatDate(to)}.`
              : 'All dates.';
      return `Events of the summit, the meetings and the sector entries in this pack. ${range}`;
    },
    noEvents: 'No events in this pack’s scope.',
    date: 'Date',
    event: 'Event',
    sourceSays: 'Source says',
    origins: { event: 'Event', meeting: 'Meeting', sectorEntry: 'Sector entry' },
  },
  biographies: {
    noOne: 'No one chosen.',
    titleNotSet: 'Title not set',
    noBiography: 'No biography recorded.',
    writtenFor: (what) => `Written for ${what}.`,
  },
  sources: { none: 'Nothing in this pack cites a source.', title: 'Title', publisher: 'Publisher', where: 'Where' },
  notes: { none: 'No notes are linked to what this pack holds.' },
  parts: { staffNote: 'Staff note', tags: (tags) => `Tags: ${tags.join(', ')}`, source: 'Source: ', noneRecorded: 'None recorded.' },
  headings: {
    timeline: 'Timeline',
    biographies: 'Biographies',
    notes: 'Notes',
    sources: 'Sources',
    onSummit: (title) => `Summit: ${title}`,
    onMeeting: (title) => `Meeting: ${title}`,
    onSector: (name) => `Sector: ${name}`,
    thisPack: 'this pack',
    venueOf: (venue) => `Venue: ${venue}`,
  },
};

const ko: PackWords = {
  ...dated('ko'),
  cover: {
    kicker: '브리핑 자료',
    principal: '보고 대상',
    venue: '장소',
    recipient: '수신자',
    notSpecified: '지정 안 함',
    prepared: '작성일',
    classification: '보안 등급',
    handling: (banner) =>
      `이 자료의 모든 쪽에는 자료에 든 내용 중 가장 높은 보안 등급(${banner})이 표시됩니다. 각 부분의 제목에는 그 안에 든 내용 중 가장 높은 부분 등급이, 부분 안의 각 항목(브리핑 제목, 항목, 메모, 인물)에는 그 항목의 등급이 표시됩니다. ` +
      '이 자료는 그 등급에 따라 취급, 보관, 파기하십시오.',
  },
  furniture: {
    prepared: (date) => `작성일 ${date}`,
    page: ['', ' / ', '쪽'],
    copy: (number) => (number === null ? '미등록 사본' : `사본 ${number}`),
    copyFor: '수신자',
  },
  contents: {
    heading: '목차',
    kinds: { meeting: '회담', sector: '분야별 브리핑', timeline: '부록', biographies: '부록', sources: '부록', notes: '메모' },
    pocketCard: '요약 카드',
  },
  meeting: {
    keyDetails: '주요 사항',
    participants: '참석자',
    noParticipants: '기록된 참석자가 없습니다.',
    mark: '등급',
    side: '측',
    name: '이름',
    title: '직함',
    role: '역할',
    ourSide: '우리 측',
    theirSide: '상대 측',
    when: '일시',
    duration: '소요 시간',
    venue: '장소',
    notSet: '미정',
    format: '형식',
    interpreters: '통역',
    press: '언론',
    status: '상태',
    counterpart: '상대방',
    counterpartLabel: '상대방: ',
    counterpartNotSet: '상대방: 지정 안 함.',
    briefHeadings: {
      purpose: '목적 및 범위',
      objectives: '우리 측 목표',
      theirAsks: '상대 측 예상 목표 및 요청',
      pointsToMake: '말씀 자료',
      linesToTake: '대응 기조',
      defensivePoints: '방어 논리 (제기될 경우)',
      background: '배경',
      sensitivities: '민감 사항 및 유의점',
      protocolNotes: '의전 및 시나리오',
      pressLine: '언론 대응',
      outcome: '결과 (면담 기록)',
    },
    purpose: '목적',
    followUps: '후속 조치',
    action: '조치',
    owner: '담당자',
    due: '기한',
    staffNotes: '직원 메모',
    pocketCard: '요약 카드',
    formats: meetingFormatNamesKo,
    statuses: meetingStatusNamesKo,
    pressAccess: pressAccessNamesKo,
    followUpStatuses: followUpStatusNamesKo,
  },
  sector: {
    stateOfPlay: '현황',
    ourPosition: '우리 입장',
    recentDevelopments: '최근 동향',
    noEntries: (leftOut) =>
      leftOut === 0 ? '기록된 항목이 없습니다.' : `이 자료에 든 항목이 없습니다: 이 분야의 항목 ${leftOut}건을 모두 뺐습니다.`,
  },
  timeline: {
    caption: (from, to) => {
      const date = (isoDate: string) => formatDate(isoDate, 'day', 'ko');
      const range =
        from && to ? `${date(from)}부터 ${date(to)}까지.` : from ? `${date(from)}부터.` : to ? `${date(to)}까지.` : '모든 날짜.';
      return `정상회의 일정, 이 자료에 든 회담과 분야별 항목. ${range}`;
    },
    noEvents: '이 자료의 범위에 든 일정이 없습니다.',
    date: '날짜',
    event: '일정',
    sourceSays: '출처 내용',
    origins: { event: '일정', meeting: '회담', sectorEntry: '분야별 항목' },
  },
  biographies: {
    noOne: '선택된 인물이 없습니다.',
    titleNotSet: '직함 미정',
    noBiography: '기록된 약력이 없습니다.',
    writtenFor: (what) => `${what}용으로 작성.`,
  },
  sources: { none: '이 자료에서 인용한 출처가 없습니다.', title: '제목', publisher: '발행처', where: '위치' },
  notes: { none: '이 자료에 든 내용에 연결된 메모가 없습니다.' },
  parts: { staffNote: '직원 메모', tags: (tags) => `태그: ${tags.join(', ')}`, source: '출처: ', noneRecorded: '기록 없음.' },
  headings: {
    timeline: '연표',
    biographies: '인물 약력',
    notes: '메모',
    sources: '출처',
    onSummit: (title) => `정상회의: ${title}`,
    onMeeting: (title) => `회담: ${title}`,
    onSector: (name) => `분야: ${name}`,
    thisPack: '이 자료',
    venueOf: (venue) => `장소: ${venue}`,
  },
};

export const packWords: Record<PackLanguage, PackWords> = { en, ko };

/** The words of the pack being rendered: PackDocument provides them, every part of the template reads them. */
export const PackWordsContext = createContext<PackWords>(en);

export const usePackWords = (): PackWords => useContext(PackWordsContext);
