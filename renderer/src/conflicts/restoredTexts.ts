// Records deleted on one desk and kept for work added on another (restorations), English and Korean;
// i18n/en.ts and ko.ts include them under `restored`.
export const restoredEn = {
  heading: 'Deleted on one desk, kept for work added on another',
  intro:
    'A desk deleted these records while another desk, which had not yet heard of the deletion, added records referring to them. So that nothing added was lost, every desk kept the record. Keep it, or delete it with what refers to it: every desk learns your answer at its next exchange.',
  deleted_one: 'Deleted on {{deleter}} at {{when}}, kept because {{count}} record added on {{adders}} refers to it:',
  deleted_other: 'Deleted on {{deleter}} at {{when}}, kept because {{count}} records added on {{adders}} refer to it:',
  desk: '{{desk}} ({{fingerprint}})',
  deskUnknown: 'a desk that did not record its name',
  whenUnknown: 'a time not recorded',
  referrer: '{{kind}} “{{title}}”',
  referrerBy: 'written on {{desk}}',
  keep: 'Keep',
  keepHint: 'The record stays as it is; this notice goes, here and on every desk.',
  delete: 'Delete it with what refers to it',
  confirmTitle_one: 'Delete “{{title}}” and the {{count}} record referring to it?',
  confirmTitle_other: 'Delete “{{title}}” and the {{count}} records referring to it?',
  confirmBody: 'These are deleted here, and on every desk at its next exchange:',
  confirm: 'Delete them',
  kept: 'Kept: “{{title}}” stays, and the notice goes on every desk at its next exchange.',
  deletedDone: 'Deleted: “{{title}}” and what referred to it. Every desk deletes them at its next exchange.',
  movedOn:
    'This record changed while you were deciding (an exchange with another desk, or another window). Here it is again: look before deciding.',
  failed: 'Sherpa could not do this. Nothing was changed.',
  onPage: 'Another desk deleted this record; it was kept because records added on a desk that had not yet heard of it refer to it.',
  onPageLink: 'See who deleted it, and keep or delete it',
};

export const restoredKo: typeof restoredEn = {
  heading: '한 데스크에서 삭제되었으나 다른 데스크의 작업 때문에 유지된 기록',
  intro:
    '한 데스크가 아래 기록을 삭제하는 동안, 아직 삭제 사실을 모르던 다른 데스크가 이 기록을 참조하는 기록을 추가했습니다. 추가된 작업이 사라지지 않도록 모든 데스크가 이 기록을 유지했습니다. 유지하거나, 이 기록을 참조하는 기록과 함께 삭제하십시오. 다음 교환 때 모든 데스크에 결정이 반영됩니다.',
  deleted_one: '{{when}}에 {{deleter}}에서 삭제됨. {{adders}}에서 추가한 기록 {{count}}건이 참조하고 있어 유지됨:',
  deleted_other: '{{when}}에 {{deleter}}에서 삭제됨. {{adders}}에서 추가한 기록 {{count}}건이 참조하고 있어 유지됨:',
  desk: '{{desk}} ({{fingerprint}})',
  deskUnknown: '이름을 기록하지 않은 데스크',
  whenUnknown: '기록되지 않은 시각',
  referrer: '{{kind}} “{{title}}”',
  referrerBy: '{{desk}}에서 작성',
  keep: '유지',
  keepHint: '기록은 그대로 남고, 이 알림은 여기와 모든 데스크에서 사라집니다.',
  delete: '참조하는 기록과 함께 삭제',
  confirmTitle_one: '“{{title}}”과(와) 이를 참조하는 기록 {{count}}건을 삭제하시겠습니까?',
  confirmTitle_other: '“{{title}}”과(와) 이를 참조하는 기록 {{count}}건을 삭제하시겠습니까?',
  confirmBody: '아래 기록이 여기에서 삭제되고, 다음 교환 때 모든 데스크에서 삭제됩니다:',
  confirm: '삭제',
  kept: '유지됨: “{{title}}”은(는) 그대로 남고, 다음 교환 때 모든 데스크에서 알림이 사라집니다.',
  deletedDone: '삭제됨: “{{title}}”과(와) 이를 참조하던 기록. 다음 교환 때 모든 데스크에서 삭제됩니다.',
  movedOn: '결정하는 동안 이 기록이 바뀌었습니다(다른 데스크와의 교환 또는 다른 창). 다시 표시했으니 확인한 뒤 결정하십시오.',
  failed: 'Sherpa가 이 작업을 하지 못했습니다. 아무것도 바뀌지 않았습니다.',
  onPage: '다른 데스크가 이 기록을 삭제했으나, 아직 삭제 사실을 모르던 데스크에서 추가한 기록이 이를 참조하고 있어 유지되었습니다.',
  onPageLink: '누가 삭제했는지 보고 유지하거나 삭제하기',
};
