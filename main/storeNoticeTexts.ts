import { latestVersion, NewerDatabaseError } from '../db/migrations/index.ts';
import type { ReadOnlyRefusal } from '../shared/refusals.ts';

// What the start-up check did to the store (main/storeHealth.ts), as facts, and the words for them in each interface
// language. The app shows them in a dialog before its page can: worded only in English, a Korean desk was told in
// English that its store had been restored from a backup. The English words are also the notice's `message`, for logs.

export type StoreNoticeFacts =
  | { kind: 'recovered'; damagedFile: string; restoredFrom: string; damage: string; backupCreatedAt: string }
  | { kind: 'backed-up'; backup: string; why: 'migration' | 'cipher' }
  | { kind: 'read-only'; refusal: Extract<ReadOnlyRefusal, 'folder_read_only'>; dataDir: string }
  | { kind: 'read-only'; refusal: Extract<ReadOnlyRefusal, 'store_newer'>; found: number }
  | { kind: 'cipher-kept'; reason: string };

export type NoticeLanguage = 'en' | 'ko';

function english(facts: StoreNoticeFacts): string {
  switch (facts.kind) {
    case 'recovered':
      return (
        `Sherpa's data file was damaged (${facts.damage}). It was kept as ${facts.damagedFile}, and the backup of ` +
        `${facts.backupCreatedAt} was restored. Anything changed after that backup is only in the damaged file.`
      );
    case 'backed-up':
      return facts.why === 'migration'
        ? `Sherpa updated its data format; the data as it was is kept in ${facts.backup}.`
        : `Sherpa moved its data file to a faster encryption; the data as it was is kept in ${facts.backup}.`;
    case 'read-only':
      return facts.refusal === 'folder_read_only'
        ? `Sherpa cannot write to its data folder ${facts.dataDir}. Your data is shown, but nothing can be changed or saved until the folder can be written to.`
        : `${new NewerDatabaseError(facts.found).message} Until then it is shown read-only.`;
    case 'cipher-kept':
      return (
        `Sherpa could not move its data file to a faster encryption (${facts.reason}). Nothing was changed: your data opens ` +
        'and stays encrypted as before. Sherpa will try again in a day.'
      );
  }
}

function korean(facts: StoreNoticeFacts): string {
  switch (facts.kind) {
    case 'recovered':
      return (
        `Sherpa의 데이터 파일이 손상되었습니다(${facts.damage}). 손상된 파일은 ${facts.damagedFile}(으)로 보관했고, ` +
        `${facts.backupCreatedAt}의 백업을 복원했습니다. 그 백업 뒤에 바꾼 내용은 손상된 파일에만 있습니다.`
      );
    case 'backed-up':
      return facts.why === 'migration'
        ? `Sherpa가 데이터 형식을 새로 고쳤습니다. 이전 상태의 데이터는 ${facts.backup}에 보관되어 있습니다.`
        : `Sherpa가 데이터 파일을 더 빠른 암호화 방식으로 옮겼습니다. 이전 상태의 데이터는 ${facts.backup}에 보관되어 있습니다.`;
    case 'read-only':
      return facts.refusal === 'folder_read_only'
        ? `Sherpa가 데이터 폴더 ${facts.dataDir}에 쓸 수 없습니다. 자료는 보여 드리지만, 폴더에 쓸 수 있게 될 때까지 아무것도 바꾸거나 저장할 수 없습니다.`
        : `이 데이터 파일은 더 새로운 버전의 Sherpa가 썼습니다(스키마 ${facts.found}, 이 버전은 ${latestVersion}까지 압니다). ` +
            '열려면 Sherpa를 업데이트하십시오. 파일은 바뀌지 않았으며, 그때까지 읽기 전용으로 보여 줍니다.';
    case 'cipher-kept':
      return (
        `Sherpa가 데이터 파일을 더 빠른 암호화 방식으로 옮기지 못했습니다(${facts.reason}). 아무것도 바뀌지 않았습니다. ` +
        '자료는 전처럼 열리고 암호화된 채로 있습니다. 하루 뒤에 다시 시도합니다.'
      );
  }
}

/** The notice in the interface language. */
export const noticeText = (facts: StoreNoticeFacts, language: NoticeLanguage): string =>
  language === 'ko' ? korean(facts) : english(facts);

/** The facts with their English words, as the start-up check returns them. */
export const withMessage = <Facts extends StoreNoticeFacts>(facts: Facts): Facts & { message: string } => ({
  ...facts,
  message: english(facts),
});

/** The title of the dialog that shows a notice, and of the one that says the store cannot be opened. */
export const noticeTitles = {
  en: { notice: 'Sherpa', cannotOpen: 'Sherpa cannot open its data' },
  ko: { notice: 'Sherpa', cannotOpen: 'Sherpa가 데이터를 열 수 없습니다' },
} as const;
