// What the page and the export command say when the store refuses something,
// in both languages: one sentence per error code and per refusal reason
// (shared/refusals.ts). renderer/src/refusals/refusals.test.ts fails when a
// code or a reason has no sentence here.
import type { ErrorCode } from './contract.ts';
import type { RefusalReason } from './refusals.ts';

/** A reason's sentence keys: those that list records take i18next's _one and _other forms. */
type ReasonKey<R extends string> = R extends 'meeting_in_packs' | 'unmarked_material' | 'level_in_use' ? `${R}_one` | `${R}_other` : R;

export const refusalsEn = {
  /** A refusal about one field: the field by the label the user sees. */
  atField: '“{{field}}”: {{problem}}',
  /** Too long where the store could not count the text (a bounded field no form shows): the limit alone. */
  tooLongUncounted: 'Too long: at most {{max}} characters. Nothing was saved.',
  codes: {
    invalid_request: 'This was not accepted. Nothing was changed.',
    not_found: 'This record no longer exists. Nothing was changed.',
    conflict: 'Someone else changed this meanwhile. Nothing was changed.',
    constraint: 'This would break a rule between records. Nothing was changed.',
    read_only: 'Sherpa cannot write to its data folder. Nothing was changed.',
    unknown_channel: 'Sherpa could not complete this. Nothing was changed.',
    too_large: 'Too large to save in one go (more than about 0.9 MB). Shorten the text. Nothing was changed.',
    internal: 'Sherpa could not complete this. Nothing was changed.',
    link_not_valid: 'This link to Sherpa is not valid. Open the address Sherpa printed when it started. Nothing was changed.',
    locked: 'Sherpa is locked. Unlock it, then try again. Nothing was changed.',
    wrong_secret: 'The passphrase or recovery key is not right. Nothing was changed.',
    key_file_damaged: 'The key file is damaged: open Sherpa with the recovery key. Nothing was changed.',
  } satisfies Record<ErrorCode, string>,
  reasons: {
    invalid: 'This value was not accepted. Nothing was saved.',
    empty: 'Must not be empty. Nothing was saved.',
    too_long: '$t(forms.tooLong) Nothing was saved.',
    too_short: 'Too short: at least {{min}} characters. Nothing was saved.',
    too_many: 'Too many: at most {{max}}. Nothing was saved.',
    too_few: 'Choose at least {{min}}. Nothing was saved.',
    number_too_big: 'Must be at most {{max}}. Nothing was saved.',
    number_too_small: 'Must be at least {{min}}. Nothing was saved.',
    not_single_line: 'Must be one line, without line breaks or control characters. Nothing was saved.',
    control_character: 'Contains a control character that cannot be stored. Remove it, or paste the text again. Nothing was saved.',
    broken_character: 'Has a broken character (half of an emoji or symbol). Paste the text again. Nothing was saved.',
    hidden_character:
      'Holds an invisible character that reorders or hides text (a direction override or isolate, or a zero-width space). Remove it and type the text again. Nothing was saved.',
    direction_override:
      'Holds an invisible character that turns the text round (a direction override, embedding or isolate), so it could print differently from how it reads. Arabic and Hebrew text needs none: remove it. Nothing was saved.',
    not_a_date: 'Not a real date. Use YYYY-MM-DD, in the years 1 to 9999. Nothing was saved.',
    not_an_instant: 'Not a real date and time. Nothing was saved.',
    unknown_time_zone: 'Unknown time zone. Use a name such as Europe/Vilnius or Asia/Seoul. Nothing was saved.',
    time_zone_abbreviation:
      'An abbreviation names different zones in different places (BST is London’s summer time and Bangladesh’s standard time). Use the zone’s name, such as Europe/London or Asia/Dhaka. Nothing was saved.',
    etc_zone_sign:
      'This zone keeps the time of {{offset}}: the tz database writes the sign of Etc/GMT zones the other way round, and they keep no summer time. Use the place’s zone, such as America/Belem or Asia/Jakarta. Nothing was saved.',
    offset_not_zone:
      'A fixed offset ({{offset}}) is not a place’s zone: it keeps no summer time, so times beside it can be an hour out. Use the place’s zone, such as America/Sao_Paulo or Asia/Jakarta. Nothing was saved.',
    not_a_choice: 'Not one of the choices offered. Nothing was saved.',
    wrong_type: 'Not a value of the right kind. Nothing was saved.',
    unknown_fields: 'Sherpa does not know the field(s) {{names}}. Nothing was saved.',
    repeated: 'The same item is given twice. Nothing was saved.',
    end_before_start: 'The end is before the start. Nothing was saved.',
    scheme_invalid: 'Every level needs a name and a portion mark, and no two may be the same. Nothing was saved.',
    passphrase_blank: 'A passphrase of only spaces protects nothing. Type a passphrase. Nothing was exported.',
    passphrase_too_short: 'The passphrase must be at least {{min}} characters, not counting spaces. Nothing was exported.',
    passphrase_weak:
      'This passphrase is too easy to guess: a repeated character, a pattern of a few characters, or a run such as “abcdefghijkl”. Use a few unrelated words. Nothing was exported.',
    no_such_record: 'The record this refers to no longer exists (it may have been deleted in another window). Nothing was saved.',
    marking_not_in_scheme: 'Not a level of the classification scheme in use. Choose one of its levels. Nothing was saved.',
    level_rename_invalid:
      'A renamed level must be a level of the saved scheme given a name no level had; two levels cannot be merged by renaming. Nothing was saved.',
    level_in_use_one:
      'The level {{names}} still marks {{records}} records: removed, they would have to be marked again. Apply again to remove it anyway. Nothing was saved.',
    level_in_use_other:
      'The levels {{names}} still mark {{records}} records: removed, they would have to be marked again. Apply again to remove them anyway. Nothing was saved.',
    level_moved_down:
      'Records are marked “{{level}}”, which would rank below “{{below}}”: a page holding both would carry the banner “{{banner}}”. Apply again to move it anyway. Nothing was saved.',
    still_referenced: 'Other records still refer to this one: delete them with it, or change them first. Nothing was changed.',
    undo_expired: 'This delete can no longer be undone.',
    undo_taken: 'This delete could not be undone: another record now takes its place. It stays deleted; nothing else was changed.',
    annotation_stays: 'An annotation on a sector entry stays with its entry; it cannot be linked elsewhere. Nothing was changed.',
    meeting_not_in_summit: 'The meeting “{{name}}” is not part of this pack’s summit. Nothing was saved.',
    meeting_in_packs_one:
      'This meeting is in the briefing pack {{names}} of its present summit. Take it out of the pack first, then move the meeting. Nothing was saved.',
    meeting_in_packs_other:
      'This meeting is in the briefing packs {{names}} of its present summit. Take it out of them first, then move the meeting. Nothing was saved.',
    unmarked_material_one: 'Unmarked material cannot be printed: give {{names}} a marking first. Nothing was exported.',
    unmarked_material_other:
      'Unmarked material cannot be printed: give these {{count}} records a marking first: {{names}}. Nothing was exported.',
    entry_not_in_sector: 'That entry is not an entry of this sector. Nothing was saved.',
    biography_not_in_meetings:
      'That person is in none of the pack’s meetings: a biography written for them would be kept in the pack unseen and never printed. Add them to a meeting first. Nothing was saved.',
    conflict_moved_on: 'Another desk changed this record meanwhile: look at it again, then choose. Nothing was changed.',
    lowers_marking:
      'Another version is marked {{higher}}; this choice would mark the record {{lower}} on every desk. Confirm the lower marking to do so. Nothing was changed.',
    unsettled_conflict:
      'This record has {{count}} version(s) from another desk not yet settled. Look at them in Conflicts first, or delete it with them (they stay in its history). Nothing was deleted.',
    saved_elsewhere: '“{{name}}” was saved elsewhere after you opened it here. Nothing was saved.',
    backups_unavailable: 'Backups are not available in this window.',
    pdf_unavailable: 'PDF export is not available in this window.',
    files_unavailable: 'Saving files is not available in this window.',
    replication_unavailable: 'Replication is not available in this window.',
    already_exporting: 'This pack is already being exported. Wait for it to finish.',
    export_outside_folder: 'A pack can be written only inside the exports folder. Nothing was exported.',
    export_not_pdf: 'The file name must end in .pdf. Nothing was exported.',
    export_failed: 'The pack could not be exported. Nothing was written.',
    export_not_writable:
      'The pack could not be exported: Sherpa may not write in the folder {{folder}} (permission denied). Choose another folder or ask for write access. Nothing was written.',
    export_disk_full:
      'The pack could not be exported: the disk holding {{folder}} is full. Free some space and export again. Nothing was written.',
    export_folder_missing:
      'The pack could not be exported: the folder {{folder}} does not exist (a disk or share removed?). Nothing was written.',
    export_not_a_folder: 'The pack could not be exported: {{folder}} is not a folder. Nothing was written.',
    export_write_failed: 'The pack could not be exported to the folder {{folder}}: the system said {{detail}}. Nothing was written.',
    backup_missing: 'There is no backup named {{name}}. Choose one from the list. Nothing was changed.',
    backup_damaged: 'The backup {{name}} is damaged or cannot be read. Choose another one. Nothing was changed.',
    backup_not_sherpa: 'The file {{name}} in the backups folder is not a Sherpa store. Choose another backup. Nothing was changed.',
    backup_newer:
      'The backup {{name}} was made by a newer version of Sherpa. Update Sherpa to restore it, or choose another one. Nothing was changed.',
    backup_other_key:
      'The backup {{name}} is not damaged: it was encrypted by Sherpa on another computer (or before this data folder was set up again), with a key this store does not hold. To move Sherpa to this computer, copy the whole data folder from the other one and open it with the recovery key. Nothing was changed.',
    backup_failed_check: 'The backup failed its integrity check and was discarded. The store itself is unchanged.',
    backup_breaks_reference: 'The backup breaks a reference between records, so nothing was restored. Choose another one.',
    restore_incomplete: 'The restore did not complete cleanly. The state before it is kept in the backup {{file}}.',
    server_url_empty: 'Give the address of the desk’s CouchDB server. Nothing was saved.',
    server_url_not_a_url: 'Must be a web address such as https://couch.desk.example:6984. Nothing was saved.',
    server_url_not_tls: 'Must start with https:// (plain http only for a server on this computer). Nothing was saved.',
    server_url_credentials: 'Give the user name and password in their own fields, not in the address. Nothing was saved.',
    password_again: 'Give the password again for a new server address or user name. Nothing was saved.',
    server_refused_password:
      'The server refused this user name or password. Check both (the administrator sets them) and connect again. Nothing was saved.',
    connect_first: 'Connect to a server first.',
    summit_database_unknown:
      '“{{name}}” is not a summit’s database of this server: copy the name as your colleague’s Sync panel shows it (sherpa-summit-…). Nothing was saved.',
    upload_parts_differ: 'The file changed while it was being handed over. Choose it again. Nothing was imported.',
    upload_too_large: 'Bundles being handed over exceed {{max}} MB. Nothing was imported.',
    disk_full: 'The disk is full. Nothing was saved; what was saved before is unchanged.',
    folder_read_only: 'The data folder cannot be written to. Your data is unchanged; Sherpa can still show it.',
    store_read_only: 'This store is open for reading only. Nothing was changed.',
    store_newer:
      'This data was written by a newer version of Sherpa, so this version shows it read-only until Sherpa is updated. Nothing was changed.',
    store_being_checked:
      'Sherpa did not close normally last time, so it is checking its data file. You can read everything now; editing returns in a moment. Nothing was changed.',
    store_damaged_kept:
      'Sherpa’s data file is damaged and there is no good backup to restore, so it is open for reading only. Keep a copy of the file and contact support. Nothing was changed.',
    refers_to_missing: 'This refers to a record that does not exist, or is still used by other records. Nothing was changed.',
    name_taken: 'Another record already uses this name or code. Nothing was changed.',
    breaks_rule: 'This would break a rule of the store (for example an empty name or an end before a start). Nothing was changed.',
    // A store the export command was handed to read, refused as it is (main/storeHealth.ts openStoreAsItIs).
    store_missing: 'No Sherpa store at {{file}}. Nothing was read.',
    store_is_folder: '{{file}} is a folder, not a Sherpa store. Nothing was read.',
    store_not_a_file: '{{file}} is not a file (a pipe, a device or a socket), not a Sherpa store. It was not read.',
    store_empty: '{{file}} is an empty file, not a Sherpa store. The file was not changed.',
    store_not_encrypted_yet:
      '{{file}} is not encrypted yet, though its keys are set; open it in Sherpa once to finish encrypting it. The file was not changed.',
    store_unreadable: '{{file}} cannot be read ({{detail}}). The file was not changed.',
    store_not_a_database: '{{file}} is not a Sherpa store (it is not a database at all). The file was not changed.',
    store_damaged: '{{file}} is damaged ({{detail}}); open it in Sherpa to restore a backup. The file was not changed.',
    store_no_tables:
      '{{file}} holds no tables at all, so it is not a Sherpa store; a store copied while Sherpa was running leaves its data in the -wal file beside the original (sherpa.sqlite-wal): close Sherpa and copy the store again. The file was not changed.',
    store_of_other_program: '{{file}} is a database of another program, not a Sherpa store. The file was not changed.',
    store_from_newer:
      '{{file}} was written by a newer version of Sherpa (schema {{version}}; this one knows up to {{latest}}); update Sherpa to read it. The file was not changed.',
    store_from_older:
      '{{file}} is from an older Sherpa (schema {{version}}); open it in Sherpa once so it is upgraded, with a backup, then try again. The file was not changed.',
  } satisfies Record<ReasonKey<RefusalReason>, string>,
  /** Fields the store names that no form label covers. */
  fields: {
    name: 'Name',
    tags: 'Tags',
    link: 'Link',
    defaultMarking: 'Default marking',
    classificationScheme: 'Classification scheme',
    homeTimeZone: 'Home time zone',
    backupsToKeep: 'Backups to keep',
    autoLockMinutes: 'Lock after (minutes)',
    passphrase: 'Passphrase',
    recipients: 'Desks',
    url: 'Server address',
    username: 'User name',
    password: 'Password',
    summitIds: 'Summits shared',
    fingerprint: 'Fingerprint',
  },
};

export const refusalsKo: typeof refusalsEn = {
  atField: '“{{field}}”: {{problem}}',
  tooLongUncounted: '너무 깁니다. 최대 {{max}}자입니다. 아무것도 저장되지 않았습니다.',
  codes: {
    invalid_request: '받아들여지지 않았습니다. 아무것도 바뀌지 않았습니다.',
    not_found: '이 기록은 더 이상 없습니다. 아무것도 바뀌지 않았습니다.',
    conflict: '그사이 다른 사람이 바꾸었습니다. 아무것도 바뀌지 않았습니다.',
    constraint: '기록 사이의 규칙에 어긋납니다. 아무것도 바뀌지 않았습니다.',
    read_only: 'Sherpa가 데이터 폴더에 쓸 수 없습니다. 아무것도 바뀌지 않았습니다.',
    unknown_channel: 'Sherpa가 이 작업을 마치지 못했습니다. 아무것도 바뀌지 않았습니다.',
    too_large: '한 번에 저장하기에 너무 큽니다(약 0.9MB 초과). 글을 줄이십시오. 아무것도 바뀌지 않았습니다.',
    internal: 'Sherpa가 이 작업을 마치지 못했습니다. 아무것도 바뀌지 않았습니다.',
    link_not_valid: '이 Sherpa 링크는 유효하지 않습니다. Sherpa가 시작할 때 표시한 주소를 여십시오. 아무것도 바뀌지 않았습니다.',
    locked: 'Sherpa가 잠겨 있습니다. 잠금을 푼 뒤 다시 시도하십시오. 아무것도 바뀌지 않았습니다.',
    wrong_secret: '암호 또는 복구 키가 맞지 않습니다. 아무것도 바뀌지 않았습니다.',
    key_file_damaged: '키 파일이 손상되었습니다. 복구 키로 Sherpa를 여십시오. 아무것도 바뀌지 않았습니다.',
  },
  reasons: {
    invalid: '이 값은 받아들여지지 않았습니다. 아무것도 저장되지 않았습니다.',
    empty: '비워 둘 수 없습니다. 아무것도 저장되지 않았습니다.',
    too_long: '$t(forms.tooLong) 아무것도 저장되지 않았습니다.',
    too_short: '너무 짧습니다. 최소 {{min}}자입니다. 아무것도 저장되지 않았습니다.',
    too_many: '너무 많습니다. 최대 {{max}}개입니다. 아무것도 저장되지 않았습니다.',
    too_few: '최소 {{min}}개를 고르십시오. 아무것도 저장되지 않았습니다.',
    number_too_big: '{{max}} 이하여야 합니다. 아무것도 저장되지 않았습니다.',
    number_too_small: '{{min}} 이상이어야 합니다. 아무것도 저장되지 않았습니다.',
    not_single_line: '줄바꿈이나 제어 문자 없이 한 줄이어야 합니다. 아무것도 저장되지 않았습니다.',
    control_character: '저장할 수 없는 제어 문자가 있습니다. 지우거나 글을 다시 붙여 넣으십시오. 아무것도 저장되지 않았습니다.',
    broken_character: '깨진 문자(이모지나 기호의 절반)가 있습니다. 글을 다시 붙여 넣으십시오. 아무것도 저장되지 않았습니다.',
    hidden_character:
      '글의 순서를 바꾸거나 숨기는 보이지 않는 문자(방향 재정의·격리 문자 또는 폭 없는 공백)가 있습니다. 지우고 다시 입력하십시오. 아무것도 저장되지 않았습니다.',
    direction_override:
      '글의 방향을 뒤집는 보이지 않는 문자(방향 재정의·내장·격리 문자)가 있어, 읽히는 것과 다르게 인쇄될 수 있습니다. 아랍어와 히브리어 글에는 필요 없으니 지우십시오. 아무것도 저장되지 않았습니다.',
    not_a_date: '실제 날짜가 아닙니다. 1년부터 9999년까지 YYYY-MM-DD 형식으로 쓰십시오. 아무것도 저장되지 않았습니다.',
    not_an_instant: '실제 날짜와 시각이 아닙니다. 아무것도 저장되지 않았습니다.',
    unknown_time_zone: '알 수 없는 시간대입니다. Europe/Vilnius, Asia/Seoul 같은 이름을 쓰십시오. 아무것도 저장되지 않았습니다.',
    time_zone_abbreviation:
      '약어는 곳에 따라 다른 시간대를 가리킵니다(BST는 런던의 여름 시간이자 방글라데시 표준시). Europe/London, Asia/Dhaka 같은 시간대 이름을 쓰십시오. 아무것도 저장되지 않았습니다.',
    etc_zone_sign:
      '이 시간대는 {{offset}}의 시간입니다. tz 데이터베이스는 Etc/GMT 시간대의 부호를 반대로 쓰며, 여름 시간도 없습니다. America/Belem, Asia/Jakarta 같은 그 장소의 시간대를 쓰십시오. 아무것도 저장되지 않았습니다.',
    offset_not_zone:
      '고정된 시차({{offset}})는 장소의 시간대가 아닙니다. 여름 시간을 따르지 않아 옆에 보이는 시각이 한 시간 어긋날 수 있습니다. America/Sao_Paulo, Asia/Jakarta 같은 그 장소의 시간대를 쓰십시오. 아무것도 저장되지 않았습니다.',
    not_a_choice: '제시된 선택지가 아닙니다. 아무것도 저장되지 않았습니다.',
    wrong_type: '알맞은 종류의 값이 아닙니다. 아무것도 저장되지 않았습니다.',
    unknown_fields: 'Sherpa가 모르는 항목입니다: {{names}}. 아무것도 저장되지 않았습니다.',
    repeated: '같은 항목이 두 번 들어 있습니다. 아무것도 저장되지 않았습니다.',
    end_before_start: '끝이 시작보다 앞섭니다. 아무것도 저장되지 않았습니다.',
    scheme_invalid: '모든 등급에 이름과 부분 표시가 있어야 하고, 서로 같으면 안 됩니다. 아무것도 저장되지 않았습니다.',
    passphrase_blank: '공백만으로 된 암호는 아무것도 보호하지 못합니다. 암호를 입력하십시오. 아무것도 내보내지 않았습니다.',
    passphrase_too_short: '암호는 공백을 빼고 {{min}}자 이상이어야 합니다. 아무것도 내보내지 않았습니다.',
    passphrase_weak:
      '이 암호는 너무 쉽게 추측됩니다. 같은 문자의 반복, 몇 글자의 패턴, “abcdefghijkl” 같은 연속입니다. 서로 관계없는 단어 몇 개를 쓰십시오. 아무것도 내보내지 않았습니다.',
    no_such_record: '이것이 가리키는 기록이 더 이상 없습니다(다른 창에서 삭제되었을 수 있습니다). 아무것도 저장되지 않았습니다.',
    marking_not_in_scheme: '사용 중인 비밀 등급 체계의 등급이 아닙니다. 그 등급 중 하나를 고르십시오. 아무것도 저장되지 않았습니다.',
    level_rename_invalid:
      '이름을 바꾼 등급은 저장된 체계의 등급이어야 하며, 어느 등급도 쓰지 않은 이름이어야 합니다. 이름을 바꾸어 두 등급을 합칠 수는 없습니다. 아무것도 저장되지 않았습니다.',
    level_in_use_one:
      '등급 {{names}}이(가) 아직 기록 {{records}}건에 표시되어 있습니다. 삭제하면 그 기록에 다시 표시해야 합니다. 그래도 삭제하려면 적용을 다시 누르십시오. 아무것도 저장되지 않았습니다.',
    level_in_use_other:
      '등급 {{names}}이(가) 아직 기록 {{records}}건에 표시되어 있습니다. 삭제하면 그 기록에 다시 표시해야 합니다. 그래도 삭제하려면 적용을 다시 누르십시오. 아무것도 저장되지 않았습니다.',
    level_moved_down:
      '“{{level}}”(으)로 표시된 기록이 있는데 이 등급이 “{{below}}”보다 낮아집니다: 둘이 함께 있는 쪽에는 “{{banner}}” 배너가 찍힙니다. 그래도 옮기려면 다시 적용하십시오. 아무것도 저장되지 않았습니다.',
    still_referenced: '다른 기록이 아직 이 기록을 참조합니다. 함께 삭제하거나 먼저 바꾸십시오. 아무것도 바뀌지 않았습니다.',
    undo_expired: '이 삭제는 더 이상 되돌릴 수 없습니다.',
    undo_taken: '이 삭제를 되돌리지 못했습니다. 다른 기록이 그 자리를 차지했습니다. 삭제된 채로 두었고, 다른 것은 바뀌지 않았습니다.',
    annotation_stays: '분야 항목의 주석은 그 항목에 남으며 다른 곳에 연결할 수 없습니다. 아무것도 바뀌지 않았습니다.',
    meeting_not_in_summit: '회의 “{{name}}”은(는) 이 자료집의 정상회의에 속하지 않습니다. 아무것도 저장되지 않았습니다.',
    meeting_in_packs_one:
      '이 회의는 현재 정상회의의 브리핑 자료집 {{names}}에 들어 있습니다. 먼저 자료집에서 빼고 회의를 옮기십시오. 아무것도 저장되지 않았습니다.',
    meeting_in_packs_other:
      '이 회의는 현재 정상회의의 브리핑 자료집 {{names}}에 들어 있습니다. 먼저 자료집에서 빼고 회의를 옮기십시오. 아무것도 저장되지 않았습니다.',
    unmarked_material_one: '표시 없는 자료는 인쇄할 수 없습니다. 먼저 {{names}}에 비밀 표시를 하십시오. 아무것도 내보내지 않았습니다.',
    unmarked_material_other:
      '표시 없는 자료는 인쇄할 수 없습니다. 먼저 다음 {{count}}개 기록에 비밀 표시를 하십시오: {{names}}. 아무것도 내보내지 않았습니다.',
    entry_not_in_sector: '그 항목은 이 분야의 항목이 아닙니다. 아무것도 저장되지 않았습니다.',
    biography_not_in_meetings:
      '그 인물은 이 자료집의 어느 회의에도 참석하지 않습니다. 그를 위해 쓴 약력은 보이지 않게 자료집에 남고 인쇄되지 않습니다. 먼저 회의 참석자로 추가하세요. 아무것도 저장되지 않았습니다.',
    conflict_moved_on: '그사이 다른 데스크가 이 기록을 바꾸었습니다. 다시 살펴본 뒤 고르십시오. 아무것도 바뀌지 않았습니다.',
    lowers_marking:
      '다른 버전이 {{higher}}(으)로 표시되어 있습니다. 이대로 고르면 모든 데스크에서 이 기록의 등급이 {{lower}}(으)로 바뀝니다. 낮은 등급을 확인해야 진행됩니다. 아무것도 바뀌지 않았습니다.',
    unsettled_conflict:
      '이 기록에는 아직 정리되지 않은 다른 데스크의 버전이 {{count}}개 있습니다. 먼저 충돌 화면에서 살펴보거나, 그 버전들과 함께 삭제하십시오(기록의 이력에는 남습니다). 아무것도 삭제하지 않았습니다.',
    saved_elsewhere: '“{{name}}”은(는) 여기서 연 뒤 다른 곳에서 저장되었습니다. 아무것도 저장되지 않았습니다.',
    backups_unavailable: '이 창에서는 백업을 사용할 수 없습니다.',
    pdf_unavailable: '이 창에서는 PDF 내보내기를 사용할 수 없습니다.',
    files_unavailable: '이 창에서는 파일을 저장할 수 없습니다.',
    replication_unavailable: '이 창에서는 복제를 사용할 수 없습니다.',
    already_exporting: '이 자료집은 이미 내보내는 중입니다. 끝날 때까지 기다리십시오.',
    export_outside_folder: '자료집은 내보내기 폴더 안에만 쓸 수 있습니다. 아무것도 내보내지 않았습니다.',
    export_not_pdf: '파일 이름은 .pdf로 끝나야 합니다. 아무것도 내보내지 않았습니다.',
    export_failed: '자료집을 내보내지 못했습니다. 아무것도 쓰지 않았습니다.',
    export_not_writable:
      '자료집을 내보내지 못했습니다: {{folder}} 폴더에 쓸 권한이 없습니다. 다른 폴더를 고르거나 쓰기 권한을 요청하십시오. 아무것도 쓰지 않았습니다.',
    export_disk_full:
      '자료집을 내보내지 못했습니다: {{folder}} 폴더가 있는 디스크가 가득 찼습니다. 공간을 확보한 뒤 다시 내보내십시오. 아무것도 쓰지 않았습니다.',
    export_folder_missing:
      '자료집을 내보내지 못했습니다: {{folder}} 폴더가 없습니다(디스크나 공유 폴더가 분리되었습니까?). 아무것도 쓰지 않았습니다.',
    export_not_a_folder: '자료집을 내보내지 못했습니다: {{folder}}은(는) 폴더가 아닙니다. 아무것도 쓰지 않았습니다.',
    export_write_failed: '자료집을 {{folder}} 폴더로 내보내지 못했습니다: 시스템 응답 {{detail}}. 아무것도 쓰지 않았습니다.',
    backup_missing: '{{name}}(이)라는 백업이 없습니다. 목록에서 고르십시오. 아무것도 바뀌지 않았습니다.',
    backup_damaged: '백업 {{name}}이(가) 손상되었거나 읽을 수 없습니다. 다른 백업을 고르십시오. 아무것도 바뀌지 않았습니다.',
    backup_not_sherpa: '백업 폴더의 파일 {{name}}은(는) Sherpa 저장소가 아닙니다. 다른 백업을 고르십시오. 아무것도 바뀌지 않았습니다.',
    backup_newer:
      '백업 {{name}}은(는) 더 새로운 버전의 Sherpa가 만든 것입니다. Sherpa를 업데이트한 뒤 복원하거나 다른 백업을 고르십시오. 아무것도 바뀌지 않았습니다.',
    backup_other_key:
      '백업 {{name}}은(는) 손상되지 않았습니다. 다른 컴퓨터의 Sherpa가(또는 이 데이터 폴더를 다시 설정하기 전에) 이 저장소에 없는 키로 암호화한 백업입니다. Sherpa를 이 컴퓨터로 옮기려면 다른 컴퓨터의 데이터 폴더 전체를 복사하고 복구 키로 여십시오. 아무것도 바뀌지 않았습니다.',
    backup_failed_check: '백업이 무결성 검사를 통과하지 못해 버렸습니다. 저장소 자체는 바뀌지 않았습니다.',
    backup_breaks_reference: '이 백업은 기록 사이의 참조가 깨져 있어 아무것도 복원하지 않았습니다. 다른 백업을 고르십시오.',
    restore_incomplete: '복원이 깨끗하게 끝나지 않았습니다. 복원 전 상태는 백업 {{file}}에 남아 있습니다.',
    server_url_empty: '데스크의 CouchDB 서버 주소를 입력하십시오. 아무것도 저장되지 않았습니다.',
    server_url_not_a_url: 'https://couch.desk.example:6984 같은 웹 주소여야 합니다. 아무것도 저장되지 않았습니다.',
    server_url_not_tls: 'https://로 시작해야 합니다(http는 이 컴퓨터의 서버에만 허용). 아무것도 저장되지 않았습니다.',
    server_url_credentials: '사용자 이름과 암호는 주소가 아니라 각자의 칸에 입력하십시오. 아무것도 저장되지 않았습니다.',
    password_again: '새 서버 주소나 사용자 이름에는 암호를 다시 입력하십시오. 아무것도 저장되지 않았습니다.',
    server_refused_password:
      '서버가 이 사용자 이름 또는 비밀번호를 거부했습니다. 둘 다 확인하고(관리자가 정합니다) 다시 연결하십시오. 아무것도 저장되지 않았습니다.',
    connect_first: '먼저 서버에 연결하십시오.',
    summit_database_unknown:
      '“{{name}}”은(는) 이 서버의 정상회의 데이터베이스가 아닙니다. 동료의 동기화 패널에 보이는 이름(sherpa-summit-…)을 그대로 복사하십시오. 아무것도 저장되지 않았습니다.',
    upload_parts_differ: '넘기는 도중 파일이 바뀌었습니다. 다시 고르십시오. 아무것도 가져오지 않았습니다.',
    upload_too_large: '넘기는 번들이 {{max}}MB를 넘습니다. 아무것도 가져오지 않았습니다.',
    disk_full: '디스크가 가득 찼습니다. 아무것도 저장되지 않았고, 전에 저장한 것은 그대로입니다.',
    folder_read_only: '데이터 폴더에 쓸 수 없습니다. 자료는 그대로이며 Sherpa는 계속 보여 줄 수 있습니다.',
    store_read_only: '이 저장소는 읽기 전용으로 열려 있습니다. 아무것도 바뀌지 않았습니다.',
    store_newer:
      '이 자료는 더 새로운 버전의 Sherpa가 썼으므로, Sherpa를 업데이트할 때까지 이 버전은 읽기 전용으로 보여 줍니다. 아무것도 바뀌지 않았습니다.',
    store_being_checked:
      'Sherpa가 지난번에 정상적으로 닫히지 않아 데이터 파일을 점검하고 있습니다. 지금도 모든 내용을 읽을 수 있으며, 편집은 곧 다시 가능해집니다. 아무것도 바뀌지 않았습니다.',
    store_damaged_kept:
      'Sherpa의 데이터 파일이 손상되었고 복원할 정상 백업이 없어 읽기 전용으로 열려 있습니다. 파일의 사본을 보관하고 지원 담당자에게 연락하십시오. 아무것도 바뀌지 않았습니다.',
    refers_to_missing: '없는 기록을 참조하거나, 다른 기록이 아직 쓰고 있습니다. 아무것도 바뀌지 않았습니다.',
    name_taken: '다른 기록이 이미 이 이름이나 약칭을 쓰고 있습니다. 아무것도 바뀌지 않았습니다.',
    breaks_rule: '저장소 규칙에 어긋납니다(예: 빈 이름, 시작보다 앞선 끝). 아무것도 바뀌지 않았습니다.',
    store_missing: '{{file}}에 Sherpa 저장소가 없습니다. 아무것도 읽지 않았습니다.',
    store_is_folder: '{{file}}은(는) 폴더이며 Sherpa 저장소가 아닙니다. 아무것도 읽지 않았습니다.',
    store_not_a_file: '{{file}}은(는) 파일이 아니라 파이프, 장치 또는 소켓이므로 Sherpa 저장소가 아닙니다. 읽지 않았습니다.',
    store_empty: '{{file}}은(는) 빈 파일이며 Sherpa 저장소가 아닙니다. 파일은 바뀌지 않았습니다.',
    store_not_encrypted_yet:
      '{{file}}은(는) 키가 설정되었지만 아직 암호화되지 않았습니다. Sherpa에서 한 번 열어 암호화를 마치십시오. 파일은 바뀌지 않았습니다.',
    store_unreadable: '{{file}}을(를) 읽을 수 없습니다({{detail}}). 파일은 바뀌지 않았습니다.',
    store_not_a_database: '{{file}}은(는) Sherpa 저장소가 아닙니다(데이터베이스가 아닙니다). 파일은 바뀌지 않았습니다.',
    store_damaged: '{{file}}이(가) 손상되었습니다({{detail}}). Sherpa에서 열어 백업을 복원하십시오. 파일은 바뀌지 않았습니다.',
    store_no_tables:
      '{{file}}에는 표가 하나도 없어 Sherpa 저장소가 아닙니다. Sherpa가 실행 중일 때 복사한 저장소는 자료가 원본 옆의 -wal 파일(sherpa.sqlite-wal)에 남습니다. Sherpa를 닫고 저장소를 다시 복사하십시오. 파일은 바뀌지 않았습니다.',
    store_of_other_program: '{{file}}은(는) 다른 프로그램의 데이터베이스이며 Sherpa 저장소가 아닙니다. 파일은 바뀌지 않았습니다.',
    store_from_newer:
      '{{file}}은(는) 더 새로운 버전의 Sherpa가 썼습니다(스키마 {{version}}, 이 버전은 {{latest}}까지 압니다). 읽으려면 Sherpa를 업데이트하십시오. 파일은 바뀌지 않았습니다.',
    store_from_older:
      '{{file}}은(는) 이전 버전의 Sherpa가 쓴 저장소입니다(스키마 {{version}}). Sherpa에서 한 번 열어 백업과 함께 업그레이드한 뒤 다시 시도하십시오. 파일은 바뀌지 않았습니다.',
  },
  fields: {
    name: '이름',
    tags: '태그',
    link: '연결',
    defaultMarking: '기본 비밀 표시',
    classificationScheme: '비밀 등급 체계',
    homeTimeZone: '본국 시간대',
    backupsToKeep: '보관할 백업 수',
    autoLockMinutes: '잠금까지(분)',
    passphrase: '암호',
    recipients: '데스크',
    url: '서버 주소',
    username: '사용자 이름',
    password: '암호',
    summitIds: '공유하는 정상회의',
    fingerprint: '지문',
  },
};
