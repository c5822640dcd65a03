// Korean names of the domain's fixed values, written once: the interface
// (renderer/src/i18n/ko.ts) and a Korean desk's printed pack
// (main/pdf/template/packWords.ts) both read them, as englishLabels.ts is read
// in English.
import type { FollowUpStatus, MeetingFormat, MeetingStatus, PressAccess } from './domain.ts';

export const meetingFormatNamesKo = {
  bilateral: '양자',
  'pull-aside': '약식 회담',
  plenary: '전체 회의',
  'working-dinner': '업무 만찬',
  other: '기타',
} as const satisfies Record<MeetingFormat, string>;

export const meetingStatusNamesKo = { planned: '계획', confirmed: '확정', held: '개최', cancelled: '취소' } as const satisfies Record<
  MeetingStatus,
  string
>;

export const pressAccessNamesKo = { open: '공개', closed: '비공개', unknown: '미상' } as const satisfies Record<PressAccess, string>;

export const followUpStatusNamesKo = { open: '미결', done: '완료', dropped: '취소' } as const satisfies Record<FollowUpStatus, string>;
