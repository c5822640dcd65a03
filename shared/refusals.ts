import type { ErrorCode } from './contract.ts';

// Every refusal the store can give the page, by reason, with the values its
// sentence needs. The store's own message stays English and technical (for
// logs and tests); the page words the reason in the user's language
// (shared/refusalTexts.ts, which the renderer and the export command both word it with), naming the field by its label there.

/** A refusal's values: numbers and names only, never a validator's sentence. */
export type RefusalParams = Record<string, string | number>;

/** Each reason and the names of the values its sentence may use. */
export const refusalReasons = {
  // A field's own rules (main/ipc/validation.ts, the request schemas).
  invalid: [],
  empty: [],
  too_long: ['max', 'length'],
  too_short: ['min'],
  too_many: ['max'],
  too_few: ['min'],
  number_too_big: ['max'],
  number_too_small: ['min'],
  not_single_line: [],
  control_character: [],
  broken_character: [],
  hidden_character: [],
  direction_override: [],
  not_a_date: [],
  not_an_instant: [],
  unknown_time_zone: [],
  time_zone_abbreviation: [],
  // A zone typed as Etc/GMT±N (its sign the other way round) or as a fixed offset: the offset it keeps.
  etc_zone_sign: ['offset'],
  offset_not_zone: ['offset'],
  not_a_choice: [],
  wrong_type: [],
  unknown_fields: ['names'],
  repeated: [],
  end_before_start: [],
  scheme_invalid: [],
  passphrase_blank: [],
  passphrase_too_short: ['min'],
  passphrase_weak: [],
  // Rules between a request and what the store holds.
  no_such_record: [],
  marking_not_in_scheme: [],
  level_rename_invalid: [],
  // A scheme that removes levels records still carry, not confirmed: `records` in all, the levels by `names`.
  level_in_use: ['count', 'names', 'records'],
  // A scheme that moves a level records carry below one it ranked above, not confirmed: the first such move.
  level_moved_down: ['level', 'below', 'banner'],
  still_referenced: [],
  undo_expired: [],
  undo_taken: [],
  annotation_stays: [],
  meeting_not_in_summit: ['name'],
  // `count` and `names` come from the refusal's names (IpcError.names), the records it is about.
  meeting_in_packs: ['count', 'names'],
  unmarked_material: ['count', 'names'],
  entry_not_in_sector: [],
  // A biography written for a pack, for a person in none of its meetings.
  biography_not_in_meetings: [],
  conflict_moved_on: [],
  // A keep, take or dismiss of a sync conflict that lowers the record's marking, not confirmed: the two markings.
  lowers_marking: ['higher', 'lower'],
  // A delete of a record holding other desks' versions not yet settled (sync conflict): `count` of them.
  unsettled_conflict: ['count'],
  // A save that arrives after a colleague's (shared/guard.ts): the record was saved elsewhere since it was opened.
  saved_elsewhere: ['name'],
  // What this window or process cannot do.
  backups_unavailable: [],
  pdf_unavailable: [],
  files_unavailable: [],
  replication_unavailable: [],
  already_exporting: [],
  export_outside_folder: [],
  export_not_pdf: [],
  export_failed: [],
  // A pack's file that could not be written, with the folder it was to go in (main/pdf/atomicFile.ts).
  export_not_writable: ['folder'],
  export_disk_full: ['folder'],
  export_folder_missing: ['folder'],
  export_not_a_folder: ['folder'],
  export_write_failed: ['folder', 'detail'],
  // Backups (main/backups.ts).
  backup_missing: ['name'],
  backup_damaged: ['name'],
  // A file in the backups folder holding another program's database, or one from a newer Sherpa.
  backup_not_sherpa: ['name'],
  backup_newer: ['name'],
  // Sealed by another store's key: a backup of an encrypted Sherpa copied to a new computer on its own.
  backup_other_key: ['name'],
  backup_failed_check: [],
  backup_breaks_reference: [],
  restore_incomplete: ['file'],
  // Replication (main/ipc/handlers/sync.ts).
  server_url_empty: [],
  server_url_not_a_url: [],
  server_url_not_tls: [],
  server_url_credentials: [],
  password_again: [],
  server_refused_password: [],
  connect_first: [],
  summit_database_unknown: ['name'],
  // Bundles (main/ipc/handlers/bundles.ts).
  upload_parts_differ: [],
  upload_too_large: ['max'],
  // The store as a whole (main/ipc/dispatch.ts).
  disk_full: [],
  folder_read_only: [],
  store_read_only: [],
  store_newer: [],
  // After an unexpected stop the store is read through once it is shown; writes wait for that (main/core.ts).
  store_being_checked: [],
  // That reading found damage and there is no good backup to restore: the store stays open for reading only.
  store_damaged_kept: [],
  refers_to_missing: [],
  name_taken: [],
  breaks_rule: [],
  // A store handed to the export command to read, refused as it is, unchanged (main/storeHealth.ts openStoreAsItIs).
  store_missing: ['file'],
  store_is_folder: ['file'],
  store_not_a_file: ['file'],
  store_empty: ['file'],
  store_not_encrypted_yet: ['file'],
  store_unreadable: ['file', 'detail'],
  store_not_a_database: ['file'],
  store_damaged: ['file', 'detail'],
  store_no_tables: ['file'],
  store_of_other_program: ['file'],
  store_from_newer: ['file', 'version', 'latest'],
  store_from_older: ['file', 'version'],
} as const satisfies Record<string, readonly string[]>;

export type RefusalReason = keyof typeof refusalReasons;

/** Why a store handed over to be read was refused as it is. */
export type StoreRefusalReason = Extract<RefusalReason, `store_${string}`> &
  Exclude<RefusalReason, 'store_read_only' | 'store_newer' | 'store_being_checked' | 'store_damaged_kept'>;

/** Why a store is open for reading only, as the page words it. */
export type ReadOnlyRefusal = Extract<
  RefusalReason,
  'store_newer' | 'folder_read_only' | 'store_read_only' | 'store_being_checked' | 'store_damaged_kept'
>;

/** A refusal's reason and values, as it crosses the bridge beside the code. */
export interface Refusal {
  reason: RefusalReason;
  params?: RefusalParams;
}

export const isRefusalReason = (value: unknown): value is RefusalReason =>
  typeof value === 'string' && Object.hasOwn(refusalReasons, value);

/** Every error code, for the test that checks each has a sentence in both languages. */
export const errorCodes = [
  'invalid_request',
  'not_found',
  'conflict',
  'constraint',
  'read_only',
  'unknown_channel',
  'too_large',
  'internal',
  'link_not_valid',
  'locked',
  'wrong_secret',
  'key_file_damaged',
] as const satisfies readonly ErrorCode[];
/** A code added to the contract and not listed above fails the typecheck here. */
export const everyErrorCodeListed: [Exclude<ErrorCode, (typeof errorCodes)[number]>] extends [never] ? true : never = true;
