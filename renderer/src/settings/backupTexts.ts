// The backups panel's interface text, English and Korean; i18n/en.ts and ko.ts include them under `backups`.
export const backupsEn = {
  title: 'Backups',
  intro:
    'Sherpa backs up its data every day while it runs and before every update of the data format, and checks each backup. Restoring replaces all data with the backup; the data as it is now is backed up first.',
  keep: 'Backups to keep',
  keepHint: 'Older automatic backups are deleted once a newer good one exists.',
  now: 'Back up now',
  made: 'Backup made: {{file}}',
  none: 'No backups yet.',
  list: 'Backups, newest first',
  taken: 'Taken',
  reason: 'Why',
  size: 'Size',
  reasons: { daily: 'Daily', 'before-migration': 'Before an update', 'before-restore': 'Before a restore', manual: 'By hand' },
  restore: 'Restore',
  restoreLabel: 'Restore the backup of {{when}}',
  confirmTitle: 'Restore this backup?',
  confirmBody:
    'All data will be as it was on {{when}}. Changes since then are not lost: the data as it is now is backed up first and can be restored in turn.',
  restored: 'Restored the backup of {{when}}. The data before it is kept in {{file}}.',
};

export const backupsKo: typeof backupsEn = {
  title: '백업',
  intro:
    'Sherpa는 실행 중에 매일, 그리고 데이터 형식을 갱신하기 전에 데이터를 백업하고 각 백업을 검사합니다. 복원하면 모든 데이터가 백업 내용으로 바뀌며, 현재 데이터는 먼저 백업됩니다.',
  keep: '보관할 백업 수',
  keepHint: '더 새로운 정상 백업이 생기면 오래된 자동 백업은 삭제됩니다.',
  now: '지금 백업',
  made: '백업했습니다: {{file}}',
  none: '아직 백업이 없습니다.',
  list: '백업 (최신순)',
  taken: '백업 시각',
  reason: '사유',
  size: '크기',
  reasons: { daily: '매일', 'before-migration': '갱신 전', 'before-restore': '복원 전', manual: '수동' },
  restore: '복원',
  restoreLabel: '{{when}} 백업 복원',
  confirmTitle: '이 백업을 복원하시겠습니까?',
  confirmBody:
    '모든 데이터가 {{when}} 상태로 돌아갑니다. 그 이후의 변경 사항은 잃지 않습니다. 현재 데이터를 먼저 백업하므로 다시 복원할 수 있습니다.',
  restored: '{{when}} 백업을 복원했습니다. 복원 전 데이터는 {{file}}에 보관되어 있습니다.',
};
