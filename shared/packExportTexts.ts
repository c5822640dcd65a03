import type { UnprintableRecord } from './contract.ts';

// What the pack builder and the export command both say about an export under way, in both languages: its steps,
// and the kind of each record that prints with empty boxes. Written once, so the window and the terminal agree.

type ExportStep = 'gathering' | 'layout' | 'numbering' | 'writing' | 'done';

export const exportStepsEn: Record<ExportStep, string> = {
  gathering: 'Reading the pack’s contents…',
  layout: 'Laying out the pages…',
  numbering: 'Numbering the contents…',
  writing: 'Writing the file…',
  done: 'Done.',
};

export const exportStepsKo: Record<ExportStep, string> = {
  gathering: '자료 내용을 읽는 중…',
  layout: '쪽을 배치하는 중…',
  numbering: '목차에 쪽 번호를 넣는 중…',
  writing: '파일을 쓰는 중…',
  done: '완료.',
};

export const recordKindsEn: Record<UnprintableRecord['kind'], string> = {
  packTitle: 'Title on the cover',
  packRecipient: 'Recipient',
  copyFor: 'Copy stamped for',
  marking: 'Banner and portion marks',
  summit: 'Summit',
  programme: 'Programme',
  country: 'Country',
  meeting: 'Meeting',
  participant: 'Participant',
  followUp: 'Follow-up',
  sector: 'Sector brief',
  sectorEntry: 'Sector entry',
  annotation: 'Annotation',
  note: 'Note',
  timelineEvent: 'Timeline row',
  person: 'Person',
  source: 'Source',
};

export const recordKindsKo: Record<UnprintableRecord['kind'], string> = {
  packTitle: '표지 제목',
  packRecipient: '수신자',
  copyFor: '사본 수신자',
  marking: '등급 표시와 문단 표시',
  summit: '정상회의',
  programme: '프로그램',
  country: '국가',
  meeting: '회담',
  participant: '참석자',
  followUp: '후속 조치',
  sector: '분야 브리핑',
  sectorEntry: '분야 항목',
  annotation: '주석',
  note: '메모',
  timelineEvent: '연표 항목',
  person: '인물',
  source: '출처',
};
