// Interface text for classification markings, English and Korean; i18n/en.ts and ko.ts include them under `markings`.
export const markingsEn = {
  unmarked: 'UNMARKED',
  unmarkedChoice: 'UNMARKED: choose a marking',
  unmarkedHint: 'Not marked yet. A pack holding it cannot be exported until it is.',
  markingLabel: 'Marking',
  portionLabel: 'Marking: {{level}}',
  portionUnmarked: 'Not marked',
  portionUnknown: 'Marked “{{level}}”, which is not a level of the current scheme',
  bannerLabel: 'Highest marking on screen',
  bannerNone: 'NO MARKED MATERIAL ON SCREEN',
  bannerWithUnmarked: '{{level}} + UNMARKED MATERIAL',
  bannerUnmarkedMaterial: 'UNMARKED MATERIAL',
  bannerOutsideScheme: 'MARKED OUTSIDE THIS SCHEME: {{levels}}',
  settingsTitle: 'Classification markings',
  settingsIntro:
    'Every record carries a level of this scheme; the window and every page of a pack show the highest level present. The markings help people handle paper correctly; they do not make this laptop accredited for classified material.',
  scheme: 'Scheme',
  schemes: { nato: 'NATO', uk: 'UK (Government Security Classifications)', us: 'US', rok: '대한민국 (보안업무규정)', custom: 'Custom' },
  schemeName: 'Scheme name',
  levels: 'Levels, lowest first',
  levelName: 'Level',
  levelNameOf: 'Name of level {{number}}',
  portion: 'Portion mark',
  portionOf: 'Portion mark of level {{number}}',
  portionHint: 'The short mark printed before each paragraph, e.g. NR.',
  addLevel: 'Add a level',
  removeLevel: 'Remove level {{number}}',
  moveUp: 'Move level {{number}} up',
  moveDown: 'Move level {{number}} down',
  defaultMarking: 'Marking of new records',
  defaultMarkingHint: 'What a new note, annotation or record starts with. “Ask” starts it unmarked, for the author to choose.',
  askEachTime: 'Ask (start unmarked)',
  save: 'Apply markings',
  saved: 'Markings saved.',
  droppedLevels_one:
    'No longer a level: {{levels}}. Records marked with it keep that name and must be marked again before a pack holding them is exported.',
  droppedLevels_other:
    'No longer levels: {{levels}}. Records marked with them keep that name and must be marked again before a pack holding them is exported.',
  renamedLevel:
    'Renamed: everything marked “{{from}}” (records, notes, annotations, packs’ biographies and the default for new records) will be marked “{{to}}” when you save.',
  renamedLevelCounted:
    'Renamed ({{records}}): everything marked “{{from}}” (records, notes, annotations, packs’ biographies and the default for new records) will be marked “{{to}}” when you save.',
  records_one: '{{count}} record',
  records_other: '{{count}} records',
  saveDropping: 'Apply, leaving {{records}} to be marked again',
  saveLowering: 'Apply, ranking “{{level}}” below “{{below}}”',
  loweredLevel: '“{{level}}” now ranks below “{{below}}”: a page holding both would carry the banner “{{banner}}”.',
  problems: {
    nameMissing: 'Give the scheme a name.',
    nameTooLong: 'The scheme’s name is too long: at most 100 characters.',
    nameCharacters:
      'The scheme’s name holds a line break, a control character or an invisible character that reorders text. Remove it and type the name again.',
    noLevels: 'A scheme needs at least one level.',
    tooManyLevels: 'A scheme has at most 20 levels.',
    levelNameMissing: 'Give level {{number}} a name.',
    levelNameTooLong: 'The name of level {{number}} is too long: at most 100 characters.',
    levelNameCharacters:
      'The name of level {{number}} holds a line break, a control character or an invisible character that reorders text. Remove it and type the name again.',
    levelNameRepeated:
      'Level {{number}} has the same name as another level (or “UNMARKED”), or one that prints the same: only case, spacing or characters that print as nothing differ.',
    portionMissing: 'Give level {{number}} a portion mark.',
    portionTooLong: 'The portion mark of level {{number}} is too long: at most 20 characters.',
    portionCharacters:
      'The portion mark of level {{number}} holds a line break, a control character or an invisible character that reorders text. Remove it and type the mark again.',
    portionBracketed:
      'Type the portion mark of level {{number}} without its brackets: Sherpa prints them around it, so “(PA)” would print as “((PA))”.',
    portionRepeated:
      'Level {{number}} has the same portion mark as another level (or “UNMARKED”), or one that prints the same: only case, spacing or characters that print as nothing differ.',
    levelControlsDropped:
      'A page holding level {{number}} and level {{above}} would carry the banner of level {{above}}, without the control markings of level {{number}} (NOFORN, or a narrower REL TO), and no level above it keeps both. Move level {{number}} up, give level {{above}} the same controls, or add above level {{above}} a level that keeps both (SECRET above CONFIDENTIAL and SECRET//REL TO).',
    levelAboveHigher:
      'Level {{number}} is ranked above level {{higher}}, though the classification it names before “//” ranks below level {{higher}}: a page holding both would carry the banner of level {{number}} and mark the material of level {{higher}} lower than it is (CONFIDENTIAL//… above SECRET). Move level {{number}} below level {{higher}}.',
  },
  packUnmarkedTitle: 'Mark these before exporting',
  packUnmarkedIntro:
    'The pack holds material without a marking of this desk’s scheme (“{{scheme}}”); the banner cannot be computed until it has one:',
  packUnmarkedForeign: '{{name}} (marked “{{level}}”)',
  // What each record is to the pack, named as the export's own English message names it.
  packUnmarkedRoles: {
    record: '{{title}}',
    source: 'Source: {{title}}',
    principal: 'Principal: {{title}}',
    followUp: 'Follow-up: {{title}}',
    participant: 'Participant: {{title}}',
    counterpart: 'Counterpart: {{title}}',
    programme: 'Programme: {{title}}',
    biographyFor: '{{title}} (biography written for {{on}})',
    noteOnMeeting: 'Note on {{on}}',
    noteOnEntry: 'Note on {{on}}',
    noteOnSummit: 'Note on Summit: {{on}}',
    noteOnSector: 'Note on Sector: {{on}}',
  },
};

export const markingsKo: typeof markingsEn = {
  unmarked: '미표시',
  unmarkedChoice: '미표시: 보안 등급을 선택하세요',
  unmarkedHint: '아직 보안 등급이 없습니다. 등급을 정하기 전에는 이 자료가 든 자료집을 내보낼 수 없습니다.',
  markingLabel: '보안 등급',
  portionLabel: '보안 등급: {{level}}',
  portionUnmarked: '등급 미표시',
  portionUnknown: '현재 체계에 없는 등급 “{{level}}”으로 표시됨',
  bannerLabel: '화면에 보이는 최고 보안 등급',
  bannerNone: '화면에 등급 표시 자료 없음',
  bannerWithUnmarked: '{{level}} + 미표시 자료',
  bannerUnmarkedMaterial: '미표시 자료',
  bannerOutsideScheme: '현재 체계에 없는 등급: {{levels}}',
  settingsTitle: '보안 등급 표시',
  settingsIntro:
    '모든 기록은 이 체계의 등급 하나를 가집니다. 창과 자료집의 모든 쪽에는 그 안의 최고 등급이 표시됩니다. 등급 표시는 문서 취급을 돕기 위한 것이며, 이 노트북이 비밀 취급 인가를 받았다는 뜻은 아닙니다.',
  scheme: '체계',
  schemes: { nato: 'NATO', uk: '영국 (정부 보안 분류)', us: '미국', rok: '대한민국 (보안업무규정)', custom: '사용자 정의' },
  schemeName: '체계 이름',
  levels: '등급 (낮은 등급부터)',
  levelName: '등급',
  levelNameOf: '{{number}}번째 등급 이름',
  portion: '문단 표시',
  portionOf: '{{number}}번째 등급의 문단 표시',
  portionHint: '문단 앞에 붙는 짧은 표시, 예: NR.',
  addLevel: '등급 추가',
  removeLevel: '{{number}}번째 등급 삭제',
  moveUp: '{{number}}번째 등급을 위로',
  moveDown: '{{number}}번째 등급을 아래로',
  defaultMarking: '새 기록의 보안 등급',
  defaultMarkingHint: '새 메모, 주석, 기록이 처음 갖는 등급입니다. “매번 묻기”는 작성자가 고르도록 미표시로 시작합니다.',
  askEachTime: '매번 묻기 (미표시로 시작)',
  save: '보안 등급 적용',
  saved: '보안 등급을 저장했습니다.',
  droppedLevels_one:
    '더 이상 등급이 아닙니다: {{levels}}. 이 등급으로 표시된 기록은 그 이름을 그대로 보여 주며, 그 기록이 든 자료집을 내보내기 전에 다시 표시해야 합니다.',
  droppedLevels_other:
    '더 이상 등급이 아닙니다: {{levels}}. 이 등급으로 표시된 기록은 그 이름을 그대로 보여 주며, 그 기록이 든 자료집을 내보내기 전에 다시 표시해야 합니다.',
  renamedLevel:
    '이름 변경: “{{from}}”(으)로 표시된 모든 것(기록, 노트, 주석, 자료집의 약력, 새 기록의 기본 표시)이 저장할 때 “{{to}}”(으)로 표시됩니다.',
  renamedLevelCounted:
    '이름 변경({{records}}): “{{from}}”(으)로 표시된 모든 것(기록, 노트, 주석, 자료집의 약력, 새 기록의 기본 표시)이 저장할 때 “{{to}}”(으)로 표시됩니다.',
  records_one: '기록 {{count}}건',
  records_other: '기록 {{count}}건',
  saveDropping: '적용하고 {{records}}을(를) 다시 표시하기',
  saveLowering: '적용하고 “{{level}}”을(를) “{{below}}”보다 낮추기',
  loweredLevel: '“{{level}}”이(가) 이제 “{{below}}”보다 낮습니다: 둘이 함께 있는 쪽에는 “{{banner}}” 배너가 찍힙니다.',
  problems: {
    nameMissing: '체계 이름을 입력하세요.',
    nameTooLong: '체계 이름이 너무 깁니다. 100자 이하로 입력하세요.',
    nameCharacters: '체계 이름에 줄바꿈, 제어 문자 또는 글자 순서를 바꾸는 보이지 않는 문자가 있습니다. 지우고 다시 입력하세요.',
    noLevels: '체계에는 등급이 하나 이상 있어야 합니다.',
    tooManyLevels: '등급은 20개까지 둘 수 있습니다.',
    levelNameMissing: '{{number}}번째 등급의 이름을 입력하세요.',
    levelNameTooLong: '{{number}}번째 등급의 이름이 너무 깁니다. 100자 이하로 입력하세요.',
    levelNameCharacters:
      '{{number}}번째 등급의 이름에 줄바꿈, 제어 문자 또는 글자 순서를 바꾸는 보이지 않는 문자가 있습니다. 지우고 다시 입력하세요.',
    levelNameRepeated:
      '{{number}}번째 등급의 이름이 다른 등급(또는 “UNMARKED”)과 같거나, 대소문자·띄어쓰기·인쇄되지 않는 문자만 달라 똑같이 인쇄됩니다.',
    portionMissing: '{{number}}번째 등급의 문단 표시를 입력하세요.',
    portionTooLong: '{{number}}번째 등급의 문단 표시가 너무 깁니다. 20자 이하로 입력하세요.',
    portionCharacters:
      '{{number}}번째 등급의 문단 표시에 줄바꿈, 제어 문자 또는 글자 순서를 바꾸는 보이지 않는 문자가 있습니다. 지우고 다시 입력하세요.',
    portionBracketed:
      '{{number}}번째 등급의 문단 표시는 괄호 없이 입력하세요. Sherpa가 괄호를 붙여 인쇄하므로 “(PA)”는 “((PA))”로 인쇄됩니다.',
    portionRepeated:
      '{{number}}번째 등급의 문단 표시가 다른 등급(또는 “UNMARKED”)과 같거나, 대소문자·띄어쓰기·인쇄되지 않는 문자만 달라 똑같이 인쇄됩니다.',
    levelControlsDropped:
      '{{number}}번째 등급과 {{above}}번째 등급이 함께 있는 쪽에는 {{above}}번째 등급의 표시가 찍혀 {{number}}번째 등급의 통제 표시(NOFORN, 더 좁은 REL TO)가 빠지고, 그 위에 둘 다 지키는 등급이 없습니다. {{number}}번째 등급을 위로 옮기거나, {{above}}번째 등급에 같은 통제 표시를 붙이거나, {{above}}번째 등급 위에 둘 다 지키는 등급을 추가하세요(CONFIDENTIAL과 SECRET//REL TO 위의 SECRET).',
    levelAboveHigher:
      '{{number}}번째 등급이 {{higher}}번째 등급보다 위에 있지만 “//” 앞에 쓴 등급은 {{higher}}번째 등급보다 낮습니다. 둘이 함께 있는 쪽에는 {{number}}번째 등급의 표시가 찍혀 {{higher}}번째 등급의 자료가 실제보다 낮게 표시됩니다(SECRET 위의 CONFIDENTIAL//…). {{number}}번째 등급을 {{higher}}번째 등급 아래로 옮기세요.',
  },
  packUnmarkedTitle: '내보내기 전에 보안 등급을 정하세요',
  packUnmarkedIntro:
    '자료집에 이 데스크의 등급 체계(“{{scheme}}”)에 따른 등급이 없는 자료가 있어 머리·바닥 표시 등급을 계산할 수 없습니다:',
  packUnmarkedForeign: '{{name}} (“{{level}}”으로 표시됨)',
  packUnmarkedRoles: {
    record: '{{title}}',
    source: '출처: {{title}}',
    principal: '보고 대상: {{title}}',
    followUp: '후속 조치: {{title}}',
    participant: '참석자: {{title}}',
    counterpart: '상대방: {{title}}',
    programme: '프로그램: {{title}}',
    biographyFor: '{{title}} (“{{on}}”용 약력)',
    noteOnMeeting: '회담 “{{on}}”의 제목 없는 메모',
    noteOnEntry: '항목 “{{on}}”의 제목 없는 주석',
    noteOnSummit: '정상회의 “{{on}}”의 제목 없는 메모',
    noteOnSector: '분야 “{{on}}”의 제목 없는 메모',
  },
};
